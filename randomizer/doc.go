// Package randomizer parses and expands spintax: the part of a spinwise
// template that makes one message read differently for every recipient.
package randomizer

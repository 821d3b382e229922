// Package chunk splits a long message into short ones the way a person would
// write them, never cutting links, phone numbers or markup.
package chunk

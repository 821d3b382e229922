// Package template is spinwise's message language: spintax and CRM
// placeholders in one source, rendered per recipient.
package template

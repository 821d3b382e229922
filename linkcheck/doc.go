// Package linkcheck finds every link in a message and judges it: shortened,
// blocked and disguised links are rejected with a reason.
package linkcheck

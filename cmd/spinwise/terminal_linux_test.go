package main

import (
	"os"
	"testing"
)

// TestIsTerminalPty checks the positive case on a real terminal: the
// master side of a pseudo-terminal answers TCGETS.
func TestIsTerminalPty(t *testing.T) {
	f, err := os.OpenFile("/dev/ptmx", os.O_RDWR, 0)
	if err != nil {
		t.Fatalf("open a pseudo-terminal: %v", err)
	}
	defer f.Close()
	if !isTerminal(f) {
		t.Error("a pseudo-terminal is not seen as a terminal")
	}
}

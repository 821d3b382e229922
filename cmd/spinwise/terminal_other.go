//go:build !linux

package main

import "os"

// isTerminal reports whether f is probably a terminal: a character device
// other than the null device. Without an ioctl (which would need
// golang.org/x/sys here) a serial port would pass too; the bar is only
// drawn, never read, so that errs on the harmless side.
func isTerminal(f *os.File) bool {
	if f == nil {
		return false
	}
	st, err := f.Stat()
	if err != nil || st.Mode()&os.ModeCharDevice == 0 {
		return false
	}
	if null, err := os.Stat(os.DevNull); err == nil && os.SameFile(st, null) {
		return false
	}
	return true
}

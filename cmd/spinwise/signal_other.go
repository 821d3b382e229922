//go:build !unix

package main

import "os"

// interruptSignals stop a run after whole rows.
var interruptSignals = []os.Signal{os.Interrupt}

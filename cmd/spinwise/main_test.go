package main

import (
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets the test binary act as the spinwise command inside the
// scripts, so they run the real main with real arguments, streams and exit
// codes.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"spinwise": main,
	})
}

// TestScript runs testdata/script/*.txtar: every command, exit code and
// error path of the CLI.
func TestScript(t *testing.T) {
	testscript.Run(t, testscript.Params{Dir: "testdata/script"})
}

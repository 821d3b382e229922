package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/spinwise/spinwise/campaign"
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
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		// The bound of -start depends on the size of int: the scripts
		// read it, and the first value past it, from the environment.
		Setup: func(env *testscript.Env) error {
			env.Setenv("MAXSTART", strconv.Itoa(campaign.MaxStart))
			env.Setenv("OVERSTART", strconv.Itoa(campaign.MaxStart+1))
			return nil
		},
		Condition: func(cond string) (bool, error) {
			if cond == "root" {
				return os.Geteuid() == 0, nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"tail":      tailCmd,
			"planstate": planStateCmd,
		},
	})
}

// tailCmd is the scripts' "tail N IN OUT": it copies the last N lines of IN
// to OUT.
func tailCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: tail N IN OUT")
	}
	n, err := strconv.Atoi(args[0])
	ts.Check(err)
	lines := strings.SplitAfter(strings.TrimSuffix(ts.ReadFile(args[1]), "\n"), "\n")
	if n > len(lines) {
		ts.Fatalf("%s has %d lines, fewer than %d", args[1], len(lines), n)
	}
	out := strings.Join(lines[len(lines)-n:], "") + "\n"
	ts.Check(os.WriteFile(ts.MkAbs(args[2]), []byte(out), 0o644))
}

// planStateCmd is the scripts' "planstate REPORT VAR": it sets VAR to the
// plan's "next" state in the JSON report REPORT, as a user copies it into
// -plan-state.
func planStateCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: planstate REPORT VAR")
	}
	var rep struct {
		Plan struct {
			Next string `json:"next"`
		} `json:"plan"`
	}
	ts.Check(json.Unmarshal([]byte(ts.ReadFile(args[0])), &rep))
	if rep.Plan.Next == "" {
		ts.Fatalf("%s has no plan.next", args[0])
	}
	ts.Setenv(args[1], rep.Plan.Next)
}

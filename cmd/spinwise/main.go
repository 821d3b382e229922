package main

import (
	"fmt"
	"io"
	"os"
)

func main() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }

// Exit codes.
const (
	exitOK     = 0
	exitFailed = 1 // some recipients failed, findings, refused
	exitUsage  = 2 // bad usage, unreadable input, template syntax
)

// cli holds the standard streams a command reads and writes.
type cli struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	outFile        *os.File // stdout as a file, for the terminal and same-file checks; may be nil
	errFile        *os.File // stderr as a file, for the terminal check; may be nil
}

type command struct {
	name, args, summary string
	run                 func(c *cli, args []string) int
}

var commands []command

func init() {
	commands = []command{
		{"check", "TEMPLATE [flags]", "report syntax errors, variant count, fields, links and lengths of a template", (*cli).check},
		{"preview", "TEMPLATE [-data FILE] [-n 5] [flags]", "print a few rendered variants", (*cli).preview},
		{"generate", "TEMPLATE -data FILE [flags]", "render, check and split a message for every recipient (JSON Lines)", (*cli).generate},
		{"similarity", "FILE [flags]", "report how alike a list of messages is", (*cli).similarity},
		{"demo", "[flags]", "run generate on the shipped sample template and contacts", (*cli).demo},
		{"robot", "-addr HOST:PORT -public URL -db FILE -templates DIR [flags]", "serve a Bitrix24 robot that answers with messages from templates", (*cli).robot},
	}
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	// Every write to stdout is checked: a command whose output could not
	// be written (a full disk, /dev/full) fails, whatever it printed.
	out := &errWriter{w: stdout}
	c := &cli{stdin: stdin, stdout: out, stderr: stderr}
	if f, ok := stderr.(*os.File); ok {
		c.errFile = f
	}
	if f, ok := stdout.(*os.File); ok {
		c.outFile = f
	}
	if len(args) == 0 {
		c.usage(stderr)
		return exitUsage
	}
	name := args[0]
	switch name {
	case "-version", "--version", "version":
		fmt.Fprintln(c.stdout, versionText())
		return c.writeDone(out, "version", exitOK)
	case "-h", "-help", "--help", "help":
		if len(args) > 1 && name == "help" {
			for _, cmd := range commands {
				if cmd.name == args[1] {
					return c.writeDone(out, cmd.name, cmd.run(c, []string{"-h"}))
				}
			}
			fmt.Fprintf(stderr, "spinwise help: unknown command %q\n", args[1])
			c.usage(stderr)
			return exitUsage
		}
		c.usage(c.stdout)
		return c.writeDone(out, "help", exitOK)
	}
	for _, cmd := range commands {
		if cmd.name == name {
			return c.writeDone(out, cmd.name, cmd.run(c, args[1:]))
		}
	}
	fmt.Fprintf(stderr, "spinwise: unknown command %q\n", name)
	c.usage(stderr)
	return exitUsage
}

func (c *cli) usage(w io.Writer) {
	fmt.Fprint(w, "spinwise turns a message template and a CRM export into personalized, varied, checked messages.\n\nUsage:\n\n")
	for _, cmd := range commands {
		fmt.Fprintf(w, "  spinwise %-10s %s\n", cmd.name, cmd.args)
	}
	fmt.Fprint(w, "\nCommands:\n\n")
	for _, cmd := range commands {
		fmt.Fprintf(w, "  %-10s %s\n", cmd.name, cmd.summary)
	}
	fmt.Fprint(w, "\nRun 'spinwise COMMAND -h' for a command's flags, 'spinwise --version' for the version. Exit codes: 0 all good; 1 some recipients\n"+
		"failed or problems found; 2 bad usage, unreadable input, or a template that does not parse.\n")
}

// errorf prints "spinwise CMD: message" to stderr and returns code.
func (c *cli) errorf(code int, cmd, format string, args ...any) int {
	fmt.Fprintf(c.stderr, "spinwise %s: %s\n", cmd, fmt.Sprintf(format, args...))
	return code
}

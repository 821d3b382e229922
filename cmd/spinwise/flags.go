package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"
)

// flags is a command's flag set with its usage text.
type flags struct {
	*flag.FlagSet
	cmd, args, desc string
}

func newFlags(cmd, args, desc string) *flags {
	fs := flag.NewFlagSet(cmd, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // parse errors and -h are printed by parse
	return &flags{FlagSet: fs, cmd: cmd, args: args, desc: desc}
}

func (f *flags) printUsage(w io.Writer) {
	fmt.Fprintf(w, "usage: spinwise %s %s\n\n%s\n", f.cmd, f.args, f.desc)
	n := 0
	f.VisitAll(func(*flag.Flag) { n++ })
	if n > 0 {
		fmt.Fprint(w, "\nFlags (before or after the arguments):\n")
		f.SetOutput(w)
		f.PrintDefaults()
		f.SetOutput(io.Discard)
	}
}

// usageError prints msg and a short usage on stderr and returns exitUsage.
func (f *flags) usageError(c *cli, msg string) int {
	fmt.Fprintf(c.stderr, "spinwise %s: %s\nusage: spinwise %s %s\nRun 'spinwise %s -h' for details.\n", f.cmd, msg, f.cmd, f.args, f.cmd)
	return exitUsage
}

// parse parses args with flags allowed before, between and after the
// positional arguments ("--" ends the flags). It returns the positional
// arguments, or ok false with the exit code when the command must stop: 0
// after -h (usage on stdout), 2 after a bad flag or a wrong number of
// positional arguments (message on stderr).
func (f *flags) parse(c *cli, args []string, minPos, maxPos int) (pos []string, code int, ok bool) {
	for {
		err := f.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			f.printUsage(c.stdout)
			return nil, exitOK, false
		}
		if err != nil {
			return nil, f.usageError(c, err.Error()), false
		}
		rest := f.Args()
		consumed := len(args) - len(rest)
		if consumed > 0 && args[consumed-1] == "--" {
			pos = append(pos, rest...)
			break
		}
		if len(rest) == 0 {
			break
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
	switch {
	case len(pos) < minPos:
		return nil, f.usageError(c, "missing argument"), false
	case len(pos) > maxPos:
		return nil, f.usageError(c, fmt.Sprintf("unexpected argument %q", pos[maxPos])), false
	}
	return pos, exitOK, true
}

// Caps of the files read whole (a template's is maxTemplateBytes).
const (
	maxListBytes    = 256 << 20 // -suppress, -block, -allow, -fields: millions of lines
	maxAccountBytes = 1 << 20   // -account
)

// readInput reads a whole file, or stdin for "-", of at most limit bytes:
// a larger one (or an endless one, /dev/zero) is an error that says the
// cap, read no further.
func (c *cli) readInput(name, what string, limit int64) ([]byte, error) {
	var r io.Reader = c.stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.IsDir() {
			return nil, fmt.Errorf("%s is a directory", name)
		}
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", displayName(name), unwrapPath(err))
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("%s is larger than %s, the most %s may be", displayName(name), sizeText(limit), what)
	}
	return b, nil
}

// sizeText prints a cap in MiB or KiB.
func sizeText(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d KiB", n>>10)
}

// readList reads a list file: UTF-8 text, one entry per line; blank lines
// and lines starting with '#' are ignored, entries are trimmed.
func (c *cli) readList(name string) ([]string, error) {
	if name == "" {
		return nil, nil
	}
	b, err := c.readInput(name, "a list file", maxListBytes)
	if err != nil {
		return nil, err
	}
	if b, err = decodeBOM(b); err != nil {
		return nil, fmt.Errorf("%s: %v", displayName(name), err)
	}
	b = crLines(b)
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(nil, len(b)+1)
	for line := 1; sc.Scan(); line++ {
		s := sc.Text()
		if !utf8.ValidString(s) {
			return nil, fmt.Errorf("%s:%d: not valid UTF-8; save the file as UTF-8", name, line)
		}
		s = strings.TrimSpace(s)
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		out = append(out, s)
	}
	return out, sc.Err()
}

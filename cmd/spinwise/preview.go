package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/big"

	"github.com/spinwise/spinwise/campaign"
)

const previewDesc = `Prints a few rendered messages on stdout, each under a "# KEY · variant N" line, its short
messages separated by "---". With -data, the first -n recipients (from -start) as generate renders them
(error rows show their error); without it, the variants those recipients would get, placeholders
left as written (-by-key needs -data: it reads the keys).

Exit codes: 0 all shown recipients got a message; 1 some did not; 2 bad usage, unreadable input,
or a template that does not parse.`

var errEnough = errors.New("enough rows")

func (c *cli) preview(args []string) int {
	const cmd = "preview"
	f := newFlags(cmd, "TEMPLATE [-data FILE] [-n 5] [flags]", previewDesc)
	var rf runFlags
	rf.register(f, false)
	n := f.Int("n", 5, "how many messages to show")
	pos, code, ok := f.parse(c, args, 1, 1)
	if !ok {
		return code
	}
	if *n <= 0 {
		return c.errorf(exitUsage, cmd, "-n is %d; it must be positive", *n)
	}
	if err := rf.checkStdin(pos[0]); err != nil {
		return c.errorf(exitUsage, cmd, "%v", err)
	}
	opts, err := rf.options(c)
	if err != nil {
		return c.errorf(exitUsage, cmd, "%v", err)
	}
	opts.NoAnalysis = true
	camp, src, code := c.loadTemplate(cmd, pos[0], opts)
	if camp == nil {
		return code
	}
	if rf.data == "" {
		if rf.byKey {
			return c.errorf(exitUsage, cmd, "-by-key chooses variants by the recipients' keys: give -data FILE")
		}
		sp := camp.Template().Spintax()
		// The variants recipients start, start+1, ... would get, as in
		// generate; at most Count() of them, since they would repeat.
		count := sp.Count()
		for i := 0; i < *n && big.NewInt(int64(i)).Cmp(count) < 0; i++ {
			idx, err := camp.Variant("", rf.start+i)
			if err != nil {
				return c.errorf(exitUsage, cmd, "%v", err)
			}
			text, err := sp.Variant(idx)
			if err != nil {
				return c.errorf(exitUsage, cmd, "%v", err)
			}
			fmt.Fprintf(c.stdout, "# variant %v\n%s\n\n", idx, printable(text))
		}
		return exitOK
	}
	ds, err := c.openData(rf.data, rf.format, rf.key, rf.encoding)
	if err != nil {
		return c.errorf(exitUsage, cmd, "%v", err)
	}
	defer ds.close()
	if code, ok := c.failFast(cmd, pos[0], src, opts, camp, ds, rf.data, rf.allowMissing); !ok {
		return code
	}
	shown, failed := 0, false
	_, err = camp.Run(context.Background(), ds.recipients, func(r campaign.Row) error {
		if shown == *n {
			return errEnough
		}
		shown++
		if r.Err != nil && r.Err.Kind.Failure() {
			failed = true
		}
		printRow(c.stdout, r)
		return nil
	})
	if err != nil && !errors.Is(err, errEnough) {
		var ie *campaign.InputError
		if errors.As(err, &ie) {
			return c.errorf(exitUsage, cmd, "%s: %v%s", displayName(rf.data), ie, encodingHint(ie.Encoding))
		}
		return c.errorf(exitUsage, cmd, "%v", err)
	}
	if failed {
		return exitFailed
	}
	return exitOK
}

// printRow prints a row for people.
func printRow(w io.Writer, r campaign.Row) {
	if r.Err != nil {
		fmt.Fprintf(w, "# %s · error: %s\n\n", printable(r.Key), printable(r.Err.Error()))
		return
	}
	fmt.Fprintf(w, "# %s · variant %s\n", printable(r.Key), r.Variant)
	for i, ch := range r.Chunks {
		if i > 0 {
			fmt.Fprintln(w, "---")
		}
		fmt.Fprintln(w, printable(ch))
	}
	fmt.Fprintln(w)
}

package main

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/spinwise/spinwise/campaign"
	"github.com/spinwise/spinwise/internal/corpus"
)

const demoDesc = `Runs generate on a sample template and the 500 sample contacts shipped inside the binary
(package internal/corpus; no files needed): prints the template and the report on stderr and the
first -n messages on stdout. Sample templates: %s.

Exit codes: 0 the demo ran (some sample contacts lack a field on purpose: their rows are errors);
2 bad usage.`

func (c *cli) demo(args []string) int {
	const cmd = "demo"
	names := corpus.TemplateNames()
	f := newFlags(cmd, "[flags]", fmt.Sprintf(demoDesc, strings.Join(names, ", ")))
	name := f.String("template", "reactivation", "sample template `NAME`")
	n := f.Int("n", 3, "how many messages to print")
	seed := f.Uint64("seed", 0, "campaign seed")
	if _, code, ok := f.parse(c, args, 0, 0); !ok {
		return code
	}
	if *n <= 0 {
		return c.errorf(exitUsage, cmd, "-n is %d; it must be positive", *n)
	}
	if !slices.Contains(names, *name) {
		return c.errorf(exitUsage, cmd, "no sample template %q; there are: %s", *name, strings.Join(names, ", "))
	}
	src := corpus.Template(*name)
	camp, err := campaign.New(src, &campaign.Options{Seed: *seed})
	if err != nil {
		return c.errorf(exitUsage, cmd, "%v", err) // the shipped templates parse: a test guards it
	}
	fmt.Fprintf(c.stderr, "template %s (internal/corpus/templates/%s.txt), %v variants:\n\n%s\n\n", *name, *name, camp.Count(), src)
	shown := 0
	rep, err := camp.Run(context.Background(), campaign.Records(corpus.Contacts(), "key"), func(r campaign.Row) error {
		if shown < *n && r.OK() {
			printRow(c.stdout, r)
			shown++
		}
		return nil
	})
	if err != nil {
		return c.errorf(exitUsage, cmd, "%v", err)
	}
	fmt.Fprintf(c.stderr, "report for the %d sample contacts:\n", rep.Recipients)
	rep.WriteText(c.stderr)
	fmt.Fprintln(c.stderr, "\nNext: spinwise generate TEMPLATE -data contacts.csv -o messages.jsonl (spinwise generate -h)")
	return exitOK
}

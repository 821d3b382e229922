package main

import (
	"fmt"
	"strings"

	"github.com/spinwise/spinwise/internal/srcpos"
	"github.com/spinwise/spinwise/linkcheck"
	"github.com/spinwise/spinwise/template"
)

const checkDesc = `Parses the template and reports, on stdout: its number of variants, the fields it reads,
the links in its text with their verdicts, and the shortest and longest variant in runes
(placeholders counted as written; with -data, the real messages of that data instead). A syntax
error is printed as FILE:LINE:COL: message, with the source line and a caret under the column.

Warnings, each FILE:LINE:COL with a fix, report what parses but reads wrong: a permutation
separator glued to its words ([+,+чай|кофе] gives "чай,кофе"), spintax swallowed by "{{", a '|'
outside any group, empty options and groups, duplicate options, and (with -fields) a field that
differs from the CRM's only in case or spaces.

With -fields FILE (the CRM's field names, one a line) every field the template reads that is not
in the list is reported, with the closest name in the list.

Exit codes: 0 no problem; 1 a link that is not OK, an unknown field or a warning; 2 a syntax error
or bad usage.`

func (c *cli) check(args []string) int {
	const cmd = "check"
	f := newFlags(cmd, "TEMPLATE [flags]", checkDesc)
	fieldsFile := f.String("fields", "", "list `FILE` of the CRM's field names, one a line")
	block := f.String("block", "", "list `FILE` of blocked domains, one a line")
	allow := f.String("allow", "", "list `FILE` of allowed domains, one a line")
	var syntax template.Syntax
	f.TextVar(&syntax, "syntax", template.Spinwise, syntaxUsage)
	data := f.String("data", "", "recipients `FILE` (CSV or JSON Lines): measure the length of their real messages")
	pos, code, ok := f.parse(c, args, 1, 1)
	if !ok {
		return code
	}
	file := pos[0]
	first := ""
	for _, in := range []struct{ flag, name string }{{"the template", file}, {"-fields", *fieldsFile}, {"-block", *block}, {"-allow", *allow}} {
		if in.name != "-" {
			continue
		}
		if first != "" {
			return c.errorf(exitUsage, cmd, "%s and %s are both \"-\": only one input can be read from stdin", first, in.flag)
		}
		first = in.flag
	}
	src, err := c.readTemplate(file)
	if err != nil {
		return c.errorf(exitUsage, cmd, "%v", err)
	}
	catalog, err := c.readList(*fieldsFile)
	if err != nil {
		return c.errorf(exitUsage, cmd, "%v", err)
	}
	var lo linkcheck.Options
	if lo.Block, err = c.readList(*block); err != nil {
		return c.errorf(exitUsage, cmd, "%v", err)
	}
	if lo.Allow, err = c.readList(*allow); err != nil {
		return c.errorf(exitUsage, cmd, "%v", err)
	}
	tmpl, err := template.Parse(src, &template.Options{Syntax: syntax})
	if err != nil {
		if p, ok := syntaxError(err); ok {
			printSyntax(c.stderr, displayName(file), src, p)
			return exitUsage
		}
		return c.errorf(exitUsage, cmd, "%s: %v", displayName(file), err)
	}
	problems := 0
	w := c.stdout
	fmt.Fprintf(w, "variants: %v\n", tmpl.Count())
	fields := tmpl.Fields()
	if len(fields) == 0 {
		fmt.Fprintln(w, "fields: none")
	} else {
		fmt.Fprintf(w, "fields: %s\n", strings.Join(fields, ", "))
	}
	links := linkcheck.New(&lo).Check(src)
	if len(links) == 0 {
		fmt.Fprintln(w, "links: none")
	} else {
		fmt.Fprintln(w, "links:")
		for _, l := range links {
			line, col := srcpos.Position(src, l.Start)
			fmt.Fprintf(w, "  %d:%d %s: %s", line, col, l.Text, l.Verdict.String())
			if l.Verdict != linkcheck.OK {
				problems++
				if l.Reason != "" {
					fmt.Fprintf(w, " (%s)", l.Reason)
				}
			}
			fmt.Fprintln(w)
		}
	}
	if *data == "" {
		shortest, longest := tmpl.Spintax().LengthRange()
		fmt.Fprintf(w, "length: %d to %d runes (placeholders counted as written; -data FILE measures real messages)\n", shortest, longest)
	} else {
		ds, err := c.openData(*data, "", "", "utf-8")
		if err != nil {
			return c.errorf(exitUsage, cmd, "%v", err)
		}
		var readErr error
		total := 0
		shortest, longest, n := tmpl.MessageLengths(func(yield func(map[string]any) bool) {
			for r, err := range ds.recipients {
				if err != nil {
					readErr = err
					return
				}
				total++
				if !yield(r.Data) {
					return
				}
			}
		})
		ds.close()
		if readErr != nil {
			return c.errorf(exitUsage, cmd, "%s: %v", displayName(*data), readErr)
		}
		fmt.Fprintf(w, "length: %d to %d runes over %d messages of %s", shortest, longest, n, displayName(*data))
		if n < total {
			fmt.Fprintf(w, " (%d more could not be rendered: see preview)", total-n)
		}
		fmt.Fprintln(w)
	}
	if catalog != nil {
		for _, p := range tmpl.Check(catalog) {
			problems++
			fmt.Fprintf(w, "%s:%d:%d: unknown field %q", displayName(file), p.Line, p.Col, p.Field)
			if p.Suggestion != "" {
				fmt.Fprintf(w, "; did you mean %q?", p.Suggestion)
			}
			fmt.Fprintln(w)
		}
	}
	for _, wn := range tmpl.Lint(catalog) {
		problems++
		fmt.Fprintf(w, "%s:%d:%d: warning: %s; %s\n", displayName(file), wn.Line, wn.Col, wn.Msg, asFlags(wn.Fix))
	}
	if problems > 0 {
		return exitFailed
	}
	return exitOK
}

// asFlags names the CLI's flags where the library's texts name its options.
var asFlags = strings.NewReplacer(
	"Options.Syntax TextRandomizer", "-syntax textrandomizer",
	"Options.Syntax Spinwise", "-syntax spinwise",
).Replace

package main

import (
	"fmt"
	"strings"

	"github.com/spinwise/spinwise/campaign"
)

// printable returns s for a terminal: control characters other than line
// feed and tab (escape sequences, carriage returns, C1 controls) are
// written as \xNN or \u00NN, so that text from a CRM export cannot move the
// cursor, clear the screen or hide a line of what people read. Data
// outputs (JSON) are not touched.
func printable(s string) string {
	if strings.IndexFunc(s, isHostileControl) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case !isHostileControl(r):
			b.WriteRune(r)
		case r < 0x80:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
	}
	return b.String()
}

func isHostileControl(r rune) bool {
	return r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || r >= 0x80 && r < 0xa0
}

// printReport prints the report for people on stderr (keys and texts from
// the data made printable).
func (c *cli) printReport(rep *campaign.Report) {
	var b strings.Builder
	rep.WriteText(&b)
	fmt.Fprint(c.stderr, printable(b.String()))
}

package linkcheck_test

import (
	"bufio"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/spinwise/spinwise/linkcheck"
)

// FuzzCheck checks the invariants of Check on any input: no panic; every
// link's Text is message[Start:End]; links are in order and do not overlap;
// a verdict has a reason exactly when it is not OK; a Host is canonical
// (checking it again as a link gives the same Host); a mailto: link, which
// is never rejected, carries no web or script link (checking the part of its
// text from the first '?', '#' or '/' after its '@' finds none).
func FuzzCheck(f *testing.F) {
	for _, tc := range checkCases {
		f.Add(tc.in)
	}
	for _, name := range []string{"links.txt", "not_links.txt"} {
		if fh, err := os.Open("testdata/linkify/" + name); err == nil {
			sc := bufio.NewScanner(fh)
			for sc.Scan() {
				f.Add(sc.Text())
			}
			fh.Close()
		}
	}
	c := linkcheck.New(&linkcheck.Options{Block: []string{"competitor.ru"}, Allow: []string{"salon.ru"}})
	f.Fuzz(func(t *testing.T, msg string) {
		links := c.Check(msg)
		prev := 0
		for _, l := range links {
			if l.Start < prev || l.End <= l.Start || l.End > len(msg) {
				t.Fatalf("Check(%q): span %d:%d after %d", msg, l.Start, l.End, prev)
			}
			prev = l.End
			if msg[l.Start:l.End] != l.Text {
				t.Fatalf("Check(%q): msg[%d:%d] = %q, Text %q", msg, l.Start, l.End, msg[l.Start:l.End], l.Text)
			}
			if l.Verdict < linkcheck.OK || l.Verdict > linkcheck.Suspicious || (l.Verdict == linkcheck.OK) != (l.Reason == "") {
				t.Fatalf("Check(%q): %q verdict %v reason %q", msg, l.Text, l.Verdict, l.Reason)
			}
			if at := strings.IndexByte(l.Text, '@'); l.Kind == linkcheck.Email && at >= 0 {
				if k := strings.IndexAny(l.Text[at:], "?#/"); k >= 0 {
					for _, in := range c.Check(l.Text[at+k:]) {
						if in.Kind == linkcheck.Web || in.Kind == linkcheck.Script {
							t.Fatalf("Check(%q): e-mail link %q carries the %v link %q past the checks", msg, l.Text, in.Kind, in.Text)
						}
					}
				}
			}
			if l.Host == "" {
				continue
			}
			if !utf8.ValidString(l.Host) || l.Host != strings.ToLower(l.Host) || strings.HasSuffix(l.Host, ".") {
				t.Fatalf("Check(%q): host %q not canonical", msg, l.Host)
			}
			again := c.Check("http://" + l.Host + "/")
			if len(again) != 1 || again[0].Host != l.Host {
				t.Fatalf("Check(%q): host %q is not canonical: checked again it gives %+v", msg, l.Host, again)
			}
		}
	})
}

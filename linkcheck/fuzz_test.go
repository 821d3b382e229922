package linkcheck_test

import (
	"bufio"
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/spinwise/spinwise/linkcheck"
)

// FuzzCheck checks the invariants of Check on any input: no panic; every
// link's Text is message[Start:End]; links are in order and do not overlap;
// a verdict has a reason exactly when it is not OK; a Host is canonical
// (checking it again as a link gives the same Host); a mailto: link, which
// is never rejected, carries no web or script link (checking the part of its
// text from the first '?', '#' or '/' after its '@' finds none); a link
// neither starts nor ends with an invisible character, holds no ')', ']' or
// '}' without its opening one before it, and holds an even number of '"'.
func FuzzCheck(f *testing.F) {
	for _, tc := range checkCases {
		f.Add(tc.in)
		f.Add("✅️" + tc.in + "\u200e)\"")
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
			first, _ := utf8.DecodeRuneInString(l.Text)
			last, _ := utf8.DecodeLastRuneInString(l.Text)
			if invisible(first) || invisible(last) {
				t.Fatalf("Check(%q): link %q starts or ends with an invisible character", msg, l.Text)
			}
			if k := unbalanced(l.Text); k >= 0 {
				t.Fatalf("Check(%q): link %q holds %q at %d without its opening one, or an odd number of '\"'", msg, l.Text, l.Text[k], k)
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

// invisible reports whether r is a character a reader does not see: a
// variation selector, a direction mark, a joiner or another default
// ignorable code point.
func invisible(r rune) bool {
	return unicode.In(r, unicode.Variation_Selector, unicode.Bidi_Control, unicode.Join_Control, unicode.Other_Default_Ignorable_Code_Point) ||
		r == '\u200b' || r == '\u2060' || r == '\ufeff' || r == '\u00ad'
}

// unbalanced returns the offset of the first ')', ']' or '}' in s without
// its opening one before it, or of the last '"' when s holds an odd number
// of them; -1 for none.
func unbalanced(s string) int {
	var depth [3]int
	quotes, last := 0, -1
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '(', '[', '{':
			depth[strings.IndexByte("([{", c)]++
		case ')', ']', '}':
			k := strings.IndexByte(")]}", c)
			if depth[k] == 0 {
				return i
			}
			depth[k]--
		case '"':
			quotes, last = quotes+1, i
		}
	}
	if quotes%2 == 1 {
		return last
	}
	return -1
}

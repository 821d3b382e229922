package chunk_test

import (
	"errors"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
	"github.com/spinwise/spinwise/chunk"
	"github.com/spinwise/spinwise/linkcheck"
)

var checker = linkcheck.New(nil)

// length measures s in u independently of the package: runes and UTF-16
// units by the standard library, graphemes by uniseg.
func length(s string, u chunk.Unit) int {
	switch u {
	case chunk.UTF16:
		n := 0
		for _, r := range s { // an invalid byte reads as U+FFFD: one unit
			n += utf16Len(r)
		}
		return n
	case chunk.Graphemes:
		return uniseg.GraphemeClusterCount(s)
	}
	return utf8.RuneCountInString(s)
}

func utf16Len(r rune) int {
	if r >= 0x10000 {
		return 2
	}
	return 1
}

// stripSpace removes the white space of s and keeps every other byte,
// invalid UTF-8 included (strings.Map would replace it with U+FFFD).
func stripSpace(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

const markupChars = "*_~`"

// stripMarkup removes the (ASCII) markup characters of s byte by byte,
// keeping invalid UTF-8 as it is.
func stripMarkup(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(markupChars, s[i]) < 0 {
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// allSpace reports whether the grapheme cluster c is white space only.
func allSpace(c string) bool {
	for _, r := range c {
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// checkSplit asserts the invariants of Split on text with opts: the only
// error is a *SpanError pointing into text; every chunk is non-empty,
// within Max, not padded with white space; nothing is lost; no cut falls
// inside a grapheme cluster or a link.
func checkSplit(t *testing.T, text string, opts *chunk.Options, chunks []string, err error) {
	t.Helper()
	max, unit := chunk.DefaultMax, chunk.Runes
	if opts != nil {
		unit = opts.Unit
		if opts.Max > 0 {
			max = opts.Max
		}
	}
	if err != nil {
		var se *chunk.SpanError
		if !errors.As(err, &se) {
			t.Fatalf("Split(%q) error %v (%T), want only *SpanError", text, err, err)
		}
		if se.Offset < 0 || se.Offset > len(text) || !strings.HasPrefix(text[se.Offset:], se.Span) || se.Span == "" {
			t.Fatalf("SpanError %+v does not point into the input %q", se, text)
		}
		if got := length(se.Span, unit); got <= max && se.Kind != "markup" {
			t.Fatalf("SpanError for %q of %d %s, within Max %d", se.Span, got, unit, max)
		}
		if chunks != nil {
			t.Fatalf("chunks %q returned with an error", chunks)
		}
		return
	}
	for i, c := range chunks {
		if c == "" {
			t.Fatalf("chunk %d is empty in %q", i, chunks)
		}
		if n := length(c, unit); n > max {
			t.Fatalf("chunk %d %q is %d %s, over Max %d", i, c, n, unit, max)
		}
		first, _, _, _ := uniseg.FirstGraphemeClusterInString(c, -1)
		g := uniseg.NewGraphemes(c)
		last := ""
		for g.Next() {
			last = g.Str()
		}
		if allSpace(first) || allSpace(last) {
			t.Fatalf("chunk %d %q starts or ends with white space", i, c)
		}
	}
	// Strip each chunk on its own: joined, two invalid bytes from two
	// chunks could read as one white space rune.
	var joined strings.Builder
	for _, c := range chunks {
		joined.WriteString(stripSpace(c))
	}
	in, out := stripSpace(text), joined.String()
	if in != out {
		if !strings.ContainsAny(text, markupChars) || stripMarkup(in) != stripMarkup(out) {
			t.Fatalf("lost text:\n in  %q\n out %q\n chunks %q", in, out, chunks)
		}
	}
	if strings.ContainsAny(text, markupChars) {
		return // re-opened markup: chunks are not plain substrings
	}
	// Find each chunk in the input and check its ends.
	bounds := map[int]bool{len(text): true}
	g := uniseg.NewGraphemes(text)
	for g.Next() {
		s, _ := g.Positions()
		bounds[s] = true
	}
	links := checker.Check(text)
	from := 0
	for i, c := range chunks {
		// The chunk is the first occurrence after only white space that
		// does not begin inside white space ("\xc2" is the first byte of a
		// no-break space, too).
		start := -1
		for off := from; off <= len(text); {
			j := strings.Index(text[off:], c)
			if j < 0 {
				break
			}
			if !bounds[off+j] {
				// Inside a cluster: "\xa0" also matches the second byte of a
				// no-break space. A chunk begins on a boundary.
				off += j + 1
				continue
			}
			if stripSpace(text[from:off+j]) != "" {
				break
			}
			if g, _, _, _ := uniseg.FirstGraphemeClusterInString(text[off+j:], -1); !allSpace(g) {
				start = off + j
				break
			}
			off += j + 1
		}
		if start < 0 {
			t.Fatalf("chunk %d %q is not in the input after offset %d, past white space only", i, c, from)
		}
		end := start + len(c)
		for _, cut := range []int{start, end} {
			if !bounds[cut] {
				t.Fatalf("chunk %d %q: cut at byte %d is inside a grapheme cluster", i, c, cut)
			}
			for _, l := range links {
				if l.Start < cut && cut < l.End {
					t.Fatalf("chunk %d %q: cut at byte %d is inside link %q", i, c, cut, l.Text)
				}
			}
		}
		from = end
	}
}

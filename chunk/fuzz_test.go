package chunk_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/rivo/uniseg"
	"github.com/spinwise/spinwise/chunk"
	"github.com/spinwise/spinwise/linkcheck"
)

var defaultLinks = linkcheck.New(nil)

// FuzzSplit checks the invariants of Split on any text, limit and unit:
// only *SpanError errors, nothing lost, every chunk within the limit, not
// empty or padded, no cut inside a grapheme cluster or a link; and those of
// Sentences on the same text.
func FuzzSplit(f *testing.F) {
	for _, tc := range splitCases {
		f.Add(tc.text, uint16(tc.max), uint8(tc.unit))
	}
	for _, text := range corpusTexts(f) {
		f.Add(text, uint16(60), uint8(0))
		f.Add(text, uint16(25), uint8(1))
		f.Add(text, uint16(40), uint8(2))
	}
	f.Add("*жирный _курсив ~зачёркнутый~ ещё_ и ```моно *не жирный*``` конец*", uint16(9), uint8(0))
	f.Add("a\u0301\u0302 \u200d👍🏽 \r\n\r\n x", uint16(2), uint8(2))
	for _, tc := range sentenceCases {
		f.Add(tc.text, uint16(12), uint8(0))
	}
	f.Fuzz(func(t *testing.T, text string, max uint16, unit uint8) {
		if len(text) > 4096 {
			return
		}
		checkSentences(t, text, chunk.Sentences(text))
		opts := &chunk.Options{Max: int(max % 400), Unit: chunk.Unit(unit % 3)}
		chunks, err := chunk.Split(text, opts)
		checkSplit(t, text, opts, chunks, err)
		// Given the links a default Checker finds, SplitLinks cuts alike.
		chunks2, err2 := chunk.SplitLinks(text, defaultLinks.Check(text), opts)
		if !slices.Equal(chunks, chunks2) || (err == nil) != (err2 == nil) {
			t.Fatalf("Split gives %q, %v; SplitLinks with the links gives %q, %v", chunks, err, chunks2, err2)
		}
		var se, se2 *chunk.SpanError
		if errors.As(err, &se) && errors.As(err2, &se2) && *se != *se2 {
			t.Fatalf("Split's error %v, SplitLinks' %v", err, err2)
		}
	})
}

// checkSentences asserts the invariants of Sentences: every sentence is
// non-empty and neither starts nor ends with white space; each is found in
// text after the one before, on grapheme cluster boundaries, past white
// space only; nothing but white space is lost; and a sentence with no
// letter or digit is the only one.
func checkSentences(t *testing.T, text string, sents []string) {
	t.Helper()
	var joined strings.Builder
	for i, s := range sents {
		if s == "" {
			t.Fatalf("sentence %d is empty in %q", i, sents)
		}
		first, _, _, _ := uniseg.FirstGraphemeClusterInString(s, -1)
		g := uniseg.NewGraphemes(s)
		last := ""
		for g.Next() {
			last = g.Str()
		}
		if allSpace(first) || allSpace(last) {
			t.Fatalf("sentence %d %q starts or ends with white space", i, s)
		}
		if len(sents) > 1 && !strings.ContainsFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
			t.Fatalf("sentence %d %q has no letter or digit: %q", i, s, sents)
		}
		joined.WriteString(stripSpace(s))
	}
	if in, out := stripSpace(text), joined.String(); in != out {
		t.Fatalf("lost text:\n in  %q\n out %q\n sentences %q", in, out, sents)
	}
	bounds := map[int]bool{len(text): true}
	g := uniseg.NewGraphemes(text)
	for g.Next() {
		s, _ := g.Positions()
		bounds[s] = true
	}
	from := 0
	for i, s := range sents {
		start := -1
		for off := from; off <= len(text); {
			j := strings.Index(text[off:], s)
			if j < 0 {
				break
			}
			if !bounds[off+j] || !bounds[off+j+len(s)] {
				off += j + 1 // "\xa0" also matches the second byte of a no-break space
				continue
			}
			if stripSpace(text[from:off+j]) != "" {
				break
			}
			start = off + j
			break
		}
		if start < 0 {
			t.Fatalf("sentence %d %q is not in %q after byte %d past white space only, on cluster boundaries", i, s, text, from)
		}
		from = start + len(s)
	}
}

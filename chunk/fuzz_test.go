package chunk_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/spinwise/spinwise/chunk"
	"github.com/spinwise/spinwise/linkcheck"
)

var defaultLinks = linkcheck.New(nil)

// FuzzSplit checks the invariants of Split on any text, limit and unit:
// only *SpanError errors, nothing lost, every chunk within the limit, not
// empty or padded, no cut inside a grapheme cluster or a link.
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
	f.Fuzz(func(t *testing.T, text string, max uint16, unit uint8) {
		if len(text) > 4096 {
			return
		}
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

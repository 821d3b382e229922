//go:build !race

// The race detector makes sync.Pool drop items at random, so allocation
// counts are only meaningful without it.

package uniqueness_test

import (
	"testing"

	"github.com/spinwise/spinwise/uniqueness"
	"github.com/spinwise/spinwise/uniqueness/internal/gen"
)

// TestDistanceAllocs: once the pooled scratch has grown, Distance and
// SimilarityAtLeast allocate nothing per pair on 200-rune Cyrillic
// messages (the assembly kernel's path) and on pairs with emoji (the id
// path).
func TestDistanceAllocs(t *testing.T) {
	ps := gen.Pairs(8, 200, 3)
	emoji := [2]string{ps[0][0] + "😀🚀", ps[0][1] + "🚀"}
	for _, tc := range []struct {
		name string
		f    func(a, b string)
	}{
		{"Distance", func(a, b string) { uniqueness.Distance(a, b) }},
		{"SimilarityAtLeast", func(a, b string) { uniqueness.SimilarityAtLeast(a, b, 0.8) }},
	} {
		for _, p := range append(ps, emoji) {
			tc.f(p[0], p[1]) // grow the scratch
			if n := testing.AllocsPerRun(200, func() { tc.f(p[0], p[1]) }); n != 0 {
				t.Errorf("%s: %v allocations per pair", tc.name, n)
			}
		}
	}
}

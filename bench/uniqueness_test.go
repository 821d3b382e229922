package bench

import (
	"encoding/json"
	"os"
	"sync"
	"testing"

	"github.com/agnivade/levenshtein"
	edlib "github.com/hbollon/go-edlib"
	"github.com/spinwise/spinwise/uniqueness"
)

// The side-by-side Levenshtein benchmark: spinwise, agnivade and go-edlib
// here, fastest-levenshtein (npm) in js/levenshtein.mjs, all on the same
// file of 120 pairs of 200-rune Cyrillic messages of one template
// (testdata/levenshtein_pairs.json, written by
// go test ./uniqueness/internal/gen -run TestPairsFile -update).
// One op is one pair. Select with: bench/run Levenshtein

var levPairs = sync.OnceValue(func() [][2]string {
	b, err := os.ReadFile("testdata/levenshtein_pairs.json")
	if err != nil {
		panic(err)
	}
	var ps [][2]string
	if err := json.Unmarshal(b, &ps); err != nil {
		panic(err)
	}
	return ps
})

func BenchmarkLevenshtein(b *testing.B) {
	ps := levPairs()
	size := int64(len(ps[0][0]) + len(ps[0][1]))
	run := func(name string, f func(a, b string) int) {
		b.Run("Cyrillic200/"+name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(size)
			sink := 0
			for i := 0; i < b.N; i++ {
				p := ps[i%len(ps)]
				sink += f(p[0], p[1])
			}
			_ = sink
		})
	}
	run("spinwise", uniqueness.Distance)
	run("spinwise-cutoff0.8", func(a, b string) int {
		if _, ok := uniqueness.SimilarityAtLeast(a, b, 0.8); ok {
			return 1
		}
		return 0
	})
	run("agnivade", levenshtein.ComputeDistance)
	run("go-edlib", edlib.LevenshteinDistance)
}

// TestLevenshteinPeersAgree guards the benchmark: every peer computes the
// same distances on the shared pairs.
func TestLevenshteinPeersAgree(t *testing.T) {
	for i, p := range levPairs() {
		want := levenshtein.ComputeDistance(p[0], p[1])
		if got := uniqueness.Distance(p[0], p[1]); got != want {
			t.Fatalf("pair %d: spinwise %d, agnivade %d", i, got, want)
		}
		if got := edlib.LevenshteinDistance(p[0], p[1]); got != want {
			t.Fatalf("pair %d: go-edlib %d, agnivade %d", i, got, want)
		}
	}
}

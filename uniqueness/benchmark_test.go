package uniqueness_test

import (
	"math/rand/v2"
	"strings"
	"sync"
	"testing"

	"github.com/agnivade/levenshtein"
	"github.com/spinwise/spinwise/uniqueness"
	"github.com/spinwise/spinwise/uniqueness/internal/gen"
)

// Library benchmarks. The side-by-side run with go-edlib and the
// JavaScript fastest-levenshtein on a shared pairs file is in ../bench;
// agnivade, the oracle of the tests, is the peer here too.

var benchPairs = sync.OnceValue(func() map[string][][2]string {
	rng := rand.New(rand.NewPCG(9, 9))
	cyr := gen.Pairs(120, 200, 1)
	ascii := make([][2]string, 120)
	words := strings.Fields("your order has been shipped and will arrive tomorrow please reply to this message if the time does not suit you thank you")
	for i := range ascii {
		ascii[i] = [2]string{sentence(rng, words, 200), sentence(rng, words, 200)}
	}
	emoji := make([][2]string, 120)
	for i := range emoji {
		a := []rune(cyr[i][0])
		b := []rune(cyr[i][1])
		for k := 0; k < 20; k++ {
			a[rng.IntN(len(a))] = rune(0x1F600 + rng.IntN(40))
			b[rng.IntN(len(b))] = rune(0x1F600 + rng.IntN(40))
		}
		emoji[i] = [2]string{string(a), string(b)}
	}
	// Short: 60-rune messages, the one-word kernels' case (64 runes or fewer).
	short := gen.Pairs(120, 60, 3)
	return map[string][][2]string{"ASCII": ascii, "Cyrillic": cyr, "Emoji": emoji, "Short": short}
})

func sentence(rng *rand.Rand, words []string, runes int) string {
	var sb strings.Builder
	for sb.Len() < runes {
		sb.WriteString(words[rng.IntN(len(words))])
		sb.WriteByte(' ')
	}
	return sb.String()[:runes]
}

// BenchmarkDistance: one op is one pair of 200-rune messages of one
// template (60-rune ones for Short); SetBytes is the pair's size in bytes.
func BenchmarkDistance(b *testing.B) {
	for _, kind := range []string{"ASCII", "Cyrillic", "Emoji", "Short"} {
		ps := benchPairs()[kind]
		size := int64(len(ps[0][0]) + len(ps[0][1]))
		run := func(name string, f func(a, b string) int) {
			b.Run(kind+"/"+name, func(b *testing.B) {
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
		run("spinwise-pattern", func(a, b string) int { return uniqueness.NewPattern(a).Distance(b) })
		run("agnivade", levenshtein.ComputeDistance)
	}
}

// BenchmarkPatternReuse: one pattern against many texts, as a batch row.
func BenchmarkPatternReuse(b *testing.B) {
	ps := benchPairs()["Cyrillic"]
	p := uniqueness.NewPattern(ps[0][0])
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		p.Distance(ps[i%len(ps)][1])
	}
}

// BenchmarkPatternKernels: a Pattern against another message of its
// template, one op a pair, through each of its one-pass kernels: word (60
// runes, a cut-off of 0.8), band (200 runes, a cut-off of 0.9, at most 20
// edits). As in a batch, most pairs are rejected part way through.
func BenchmarkPatternKernels(b *testing.B) {
	for _, c := range []struct {
		kind string
		cut  float64
	}{{"Short", 0.8}, {"Cyrillic", 0.9}} {
		kind, cut := c.kind, c.cut
		ps := benchPairs()[kind]
		pats := make([]*uniqueness.Pattern, len(ps))
		for i, p := range ps {
			pats[i] = uniqueness.NewPattern(p[0])
		}
		b.Run(kind, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				k := i % len(ps)
				pats[k].SimilarityAtLeast(ps[k][1], cut)
			}
		})
	}
}

// BenchmarkAnalyze1000: all pairs of 1,000 messages of ~230 runes, exact.
func BenchmarkAnalyze1000(b *testing.B) {
	batch := gen.Make(gen.Synthetic, 1000, 50, 10, 1)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		uniqueness.Analyze(batch.Msgs, nil)
	}
}

var big = sync.OnceValue(func() gen.Batch { return gen.Make(gen.Synthetic, 100_000, 1_000, 10, 2) })

// BenchmarkAnalyze100k: 100,000 messages of ~230 runes from one template,
// 1,000 of them planted near duplicates; the peer row is 200,000 agnivade
// calls on pairs of the same messages. recall is the share of planted
// pairs found.
func BenchmarkAnalyze100k(b *testing.B) {
	batch := big()
	b.Run("spinwise", func(b *testing.B) {
		b.ReportAllocs()
		var r *uniqueness.Report
		for i := 0; i < b.N; i++ {
			r = uniqueness.Analyze(batch.Msgs, nil)
		}
		found := map[[2]int]bool{}
		for _, p := range r.Pairs {
			found[[2]int{p.I, p.J}] = true
		}
		hit := 0
		for _, p := range batch.Planted {
			if found[p] {
				hit++
			}
		}
		b.ReportMetric(float64(hit)/float64(len(batch.Planted)), "recall")
		b.ReportMetric(float64(r.Compared), "compared")
	})
	b.Run("agnivade-200k-pairs", func(b *testing.B) {
		b.ReportAllocs()
		n := len(batch.Msgs)
		for i := 0; i < b.N; i++ {
			for k := 0; k < 200_000; k++ {
				levenshtein.ComputeDistance(batch.Msgs[k%n], batch.Msgs[(k*7919+1)%n])
			}
		}
	})
}

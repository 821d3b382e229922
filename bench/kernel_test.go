package bench

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/agnivade/levenshtein"
	"github.com/spinwise/spinwise/uniqueness"
)

// The side-by-side benchmark of the distance kernel: spinwise's Pattern and
// one-shot functions and agnivade here, rapidfuzz-cpp (CachedLevenshtein
// and levenshtein_distance) in cpp/kernel.cpp, on the same pairs file
// (testdata/kernel_pairs.tsv, written by
// go test ./uniqueness/internal/gen -run TestKernelPairsFile -update). One op
// is one pair; names are Kernel/set=S/op=O/impl=I, so that
// `benchstat -col /impl` sets the implementations side by side. Select with:
// bench/run Kernel
//
// Besides ns/op (wall time) every row reports cpu-ns/op, the process's CPU
// time per op: on a shared machine the wall time also counts the turns of
// other processes, the CPU time much less.
//
// The ops:
//   - simcut: one prepared pattern per pair, then similarity >= 0.9 with a
//     cutoff (Pattern.SimilarityAtLeast; CachedLevenshtein's
//     normalized_similarity with score_cutoff 0.9), the step a batch
//     report repeats for every candidate pair;
//   - cached: the same prepared patterns, the whole distance (Pattern.Distance);
//   - build: preparing the pattern (NewPattern, and Reset of one Pattern
//     as impl spinwise-reset; the CachedLevenshtein constructor);
//   - oneshot: the whole distance of two strings (Distance);
//   - oneshotcut: similarity >= 0.9 of two strings (SimilarityAtLeast).

// kernelThreshold is the similarity of the cutoff ops: Analyze's default.
const kernelThreshold = 0.9

type kernelPair struct {
	a, b string
	d    int
}

type kernelSet struct {
	name  string
	pairs []kernelPair
}

var kernelSets = sync.OnceValues(func() ([]kernelSet, error) { return readKernelPairs("testdata/kernel_pairs.tsv") })

func readKernelPairs(path string) ([]kernelSet, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var sets []kernelSet
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	unescape := strings.NewReplacer(`\\`, `\`, `\t`, "\t", `\n`, "\n")
	for line := 1; sc.Scan(); line++ {
		if strings.HasPrefix(sc.Text(), "#") {
			continue
		}
		fs := strings.Split(sc.Text(), "\t")
		if len(fs) != 4 {
			return nil, fmt.Errorf("%s:%d: %d fields, want 4", path, line, len(fs))
		}
		d, err := strconv.Atoi(fs[1])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", path, line, err)
		}
		if len(sets) == 0 || sets[len(sets)-1].name != fs[0] {
			sets = append(sets, kernelSet{name: fs[0]})
		}
		s := &sets[len(sets)-1]
		s.pairs = append(s.pairs, kernelPair{unescape.Replace(fs[2]), unescape.Replace(fs[3]), d})
	}
	return sets, sc.Err()
}

func BenchmarkKernel(b *testing.B) {
	sets, err := kernelSets()
	if err != nil {
		b.Fatal(err)
	}
	for _, set := range sets {
		ps := set.pairs
		pats := make([]*uniqueness.Pattern, len(ps))
		for i, p := range ps {
			pats[i] = uniqueness.NewPattern(p.a)
		}
		run := func(op, impl string, f func(i int) int) {
			b.Run("set="+set.name+"/op="+op+"/impl="+impl, func(b *testing.B) {
				b.ReportAllocs()
				sink := 0
				i := 0
				cpu0, ok := cpuTime()
				for b.Loop() {
					sink += f(i)
					if i++; i == len(ps) {
						i = 0
					}
				}
				if cpu1, ok1 := cpuTime(); ok && ok1 {
					b.ReportMetric(float64(cpu1-cpu0)/float64(b.N), "cpu-ns/op")
				}
				_ = sink
			})
		}
		run("simcut", "spinwise", func(i int) int {
			if _, ok := pats[i].SimilarityAtLeast(ps[i].b, kernelThreshold); ok {
				return 1
			}
			return 0
		})
		run("cached", "spinwise", func(i int) int { return pats[i].Distance(ps[i].b) })
		run("build", "spinwise", func(i int) int { return uniqueness.NewPattern(ps[i].a).Len() })
		reused := uniqueness.NewPattern("")
		run("build", "spinwise-reset", func(i int) int {
			reused.Reset(ps[i].a)
			return reused.Len()
		})
		run("oneshot", "spinwise", func(i int) int { return uniqueness.Distance(ps[i].a, ps[i].b) })
		run("oneshot", "agnivade", func(i int) int { return levenshtein.ComputeDistance(ps[i].a, ps[i].b) })
		run("oneshotcut", "spinwise", func(i int) int {
			if _, ok := uniqueness.SimilarityAtLeast(ps[i].a, ps[i].b, kernelThreshold); ok {
				return 1
			}
			return 0
		})
	}
}

// TestKernelPairs guards the benchmark: spinwise (Pattern and one-shot) and
// agnivade compute the distances written in the file (by the generator's
// own dynamic program; the C++ harness checks rapidfuzz against the same
// figures before it times anything), and the cutoff ops decide as the
// distance says.
func TestKernelPairs(t *testing.T) {
	sets, err := kernelSets()
	if err != nil {
		t.Fatal(err)
	}
	if len(sets) < 4 {
		t.Fatalf("%d sets, want 4", len(sets))
	}
	for _, set := range sets {
		for i, p := range set.pairs {
			pat := uniqueness.NewPattern(p.a)
			for name, got := range map[string]int{
				"Pattern.Distance": pat.Distance(p.b),
				"Distance":         uniqueness.Distance(p.a, p.b),
				"agnivade":         levenshtein.ComputeDistance(p.a, p.b),
			} {
				if got != p.d {
					t.Fatalf("%s pair %d: %s = %d, the file says %d", set.name, i, name, got, p.d)
				}
			}
			l := max(utf8.RuneCountInString(p.a), utf8.RuneCountInString(p.b))
			want := 1-float64(p.d)/float64(l) >= kernelThreshold
			if _, ok := pat.SimilarityAtLeast(p.b, kernelThreshold); ok != want {
				t.Fatalf("%s pair %d: Pattern.SimilarityAtLeast says %v at distance %d of %d runes", set.name, i, ok, p.d, l)
			}
			if _, ok := uniqueness.SimilarityAtLeast(p.a, p.b, kernelThreshold); ok != want {
				t.Fatalf("%s pair %d: SimilarityAtLeast says %v at distance %d of %d runes", set.name, i, ok, p.d, l)
			}
		}
	}
}

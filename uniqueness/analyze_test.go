package uniqueness_test

import (
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/agnivade/levenshtein"
	"github.com/google/go-cmp/cmp"
	"github.com/spinwise/spinwise/internal/corpus"
	"github.com/spinwise/spinwise/uniqueness"
	"github.com/spinwise/spinwise/uniqueness/internal/gen"
)

// expected is the brute-force report: every pair compared with sim.
type expected struct {
	pairs    []uniqueness.Pair
	nn       []float64
	unique   int
	dups     int
	clusters [][]int
	best     *uniqueness.Pair
}

func bruteForce(msgs []string, thr, floor float64, sim func(a, b string) float64) expected {
	n := len(msgs)
	var e expected
	e.nn = make([]float64, n)
	for i := range e.nn {
		e.nn[i] = -1
	}
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	find := func(x int) int {
		for parent[x] != x {
			x = parent[x]
		}
		return x
	}
	inPair := make([]bool, n)
	count := map[string]int{}
	for _, m := range msgs {
		count[m]++
	}
	for i := 0; i < n; i++ {
		if count[msgs[i]] > 1 {
			e.dups++
		}
		for j := i + 1; j < n; j++ {
			s := sim(msgs[i], msgs[j])
			e.nn[i] = max(e.nn[i], s)
			e.nn[j] = max(e.nn[j], s)
			if s >= floor && (e.best == nil || s > e.best.Similarity) {
				e.best = &uniqueness.Pair{I: i, J: j, Similarity: s}
			}
			if s >= thr {
				e.pairs = append(e.pairs, uniqueness.Pair{I: i, J: j, Similarity: s})
				inPair[i], inPair[j] = true, true
				parent[find(i)] = find(j)
			}
		}
	}
	comps := map[int][]int{}
	for i := 0; i < n; i++ {
		if !inPair[i] {
			e.unique++
			continue
		}
		comps[find(i)] = append(comps[find(i)], i)
	}
	for _, c := range comps {
		e.clusters = append(e.clusters, c)
	}
	slices.SortFunc(e.clusters, func(x, y []int) int {
		if len(x) != len(y) {
			return len(y) - len(x)
		}
		return x[0] - y[0]
	})
	return e
}

func agnivadeSim(a, b string) float64 {
	l := max(len([]rune(a)), len([]rune(b)))
	if l == 0 {
		return 1
	}
	return 1 - float64(levenshtein.ComputeDistance(a, b))/float64(l)
}

// templateBatch fills the named sample template for n contacts.
func templateBatch(name string, n int, seed uint64) []string {
	rng := rand.New(rand.NewPCG(seed, 7))
	contacts := corpus.Contacts()
	msgs := make([]string, n)
	for i := range msgs {
		msgs[i] = gen.Expand(corpus.Template(name), rng, contacts[i%len(contacts)])
	}
	return msgs
}

func TestAnalyzeAgainstBruteForce(t *testing.T) {
	planted := gen.Make(gen.Synthetic, 300, 40, 12, 3)
	withDups := append(slices.Clone(planted.Msgs[:200]), planted.Msgs[5], planted.Msgs[5], planted.Msgs[17], "", "")
	cases := []struct {
		name   string
		msgs   []string
		opts   *uniqueness.Options
		oracle func(a, b string) float64
	}{
		{"appointment template, agnivade oracle", templateBatch("appointment", 150, 1), nil, agnivadeSim},
		{"welcome template: many near duplicates", templateBatch("welcome", 250, 2), &uniqueness.Options{Threshold: 0.8, Floor: 0.7}, uniqueness.Similarity},
		{"synthetic with planted near duplicates", planted.Msgs, nil, uniqueness.Similarity},
		{"exact duplicates and empty messages", withDups, &uniqueness.Options{Threshold: 0.95, Workers: 3}, uniqueness.Similarity},
		{"short ASCII messages, low threshold", []string{"hi", "hello", "help", "hell", "yellow", "", "h", "hello", "jello"}, &uniqueness.Options{Threshold: 0.5, Floor: 0.3}, agnivadeSim},
		{"one worker", templateBatch("order_status", 120, 3), &uniqueness.Options{Workers: 1}, uniqueness.Similarity},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := uniqueness.Analyze(tc.msgs, tc.opts)
			e := bruteForce(tc.msgs, r.Threshold, r.Floor, tc.oracle)
			if !r.Exact {
				t.Fatal("not exact below ExactUpTo")
			}
			if diff := cmp.Diff(e.pairs, r.Pairs); diff != "" {
				t.Fatalf("pairs (-brute +Analyze):\n%s", diff)
			}
			if r.TotalPairs != int64(len(e.pairs)) || r.Truncated {
				t.Errorf("TotalPairs %d, Truncated %v; want %d, false", r.TotalPairs, r.Truncated, len(e.pairs))
			}
			if r.Unique != e.unique || r.Score != float64(e.unique)/float64(len(tc.msgs)) {
				t.Errorf("Unique %d Score %v; want %d", r.Unique, r.Score, e.unique)
			}
			if r.Duplicates != e.dups {
				t.Errorf("Duplicates %d, want %d", r.Duplicates, e.dups)
			}
			distinct := map[string]bool{}
			for _, m := range tc.msgs {
				distinct[m] = true
			}
			if r.Distinct != len(distinct) || r.N != len(tc.msgs) {
				t.Errorf("N %d Distinct %d; want %d, %d", r.N, r.Distinct, len(tc.msgs), len(distinct))
			}
			if diff := cmp.Diff(e.best, r.MostSimilar); diff != "" {
				t.Errorf("MostSimilar (-brute +Analyze):\n%s", diff)
			}
			if diff := cmp.Diff(e.clusters, r.Clusters); diff != "" {
				t.Errorf("Clusters (-brute +Analyze):\n%s", diff)
			}
			// histogram
			want := make([]int, len(r.Nearest))
			below := 0
			for _, s := range e.nn {
				if s < r.Floor {
					below++
					continue
				}
				for k, b := range r.Nearest {
					if s >= b.Lo && (s < b.Hi || k == len(r.Nearest)-1) {
						want[k]++
						break
					}
				}
			}
			got := make([]int, len(r.Nearest))
			for k, b := range r.Nearest {
				got[k] = b.Count
			}
			if diff := cmp.Diff(want, got); diff != "" || below != r.BelowFloor {
				t.Errorf("Nearest (-brute +Analyze):\n%s\nBelowFloor %d, want %d", diff, r.BelowFloor, below)
			}
		})
	}
}

// TestAnalyzeMinHashRecall forces the MinHash path on a batch with planted
// near duplicates: every reported pair must be real, and at least 99% of
// the planted pairs (and of all pairs the exact path finds) must be found.
func TestAnalyzeMinHashRecall(t *testing.T) {
	n := 3000
	if testing.Short() {
		n = 1500
	}
	b := gen.Make(gen.Synthetic, n, n/20, 10, 11)
	r := uniqueness.Analyze(b.Msgs, &uniqueness.Options{ExactUpTo: -1, Seed: 1})
	if r.Exact {
		t.Fatal("ExactUpTo -1 must use MinHash")
	}
	found := map[[2]int]bool{}
	for _, p := range r.Pairs {
		if s := uniqueness.Similarity(b.Msgs[p.I], b.Msgs[p.J]); s != p.Similarity || s < r.Threshold {
			t.Fatalf("false pair %+v: similarity %v", p, s)
		}
		found[[2]int{p.I, p.J}] = true
	}
	hit := 0
	for _, p := range b.Planted {
		if found[p] {
			hit++
		}
	}
	if recall := float64(hit) / float64(len(b.Planted)); recall < 0.99 {
		t.Errorf("recall of planted near duplicates %.3f (%d of %d), want >= 0.99", recall, hit, len(b.Planted))
	}
	if r.Compared > int64(n)*int64(n)/20 {
		t.Errorf("compared %d pairs of %d: the candidates are not filtering", r.Compared, n*(n-1)/2)
	}
}

// TestAnalyzeMinHashMatchesExact compares both paths on one batch.
func TestAnalyzeMinHashMatchesExact(t *testing.T) {
	b := gen.Make(gen.Synthetic, 800, 60, 10, 5)
	b.Msgs = append(b.Msgs, b.Msgs[3], b.Msgs[3]) // exact duplicates too
	ex := uniqueness.Analyze(b.Msgs, nil)
	ls := uniqueness.Analyze(b.Msgs, &uniqueness.Options{ExactUpTo: -1})
	set := map[uniqueness.Pair]bool{}
	for _, p := range ex.Pairs {
		set[p] = true
	}
	missed := 0
	for _, p := range ls.Pairs {
		if !set[p] {
			t.Fatalf("MinHash pair %+v not found by the exact path", p)
		}
	}
	missed = len(ex.Pairs) - len(ls.Pairs)
	if float64(missed) > 0.01*float64(len(ex.Pairs)) {
		t.Errorf("MinHash missed %d of %d pairs", missed, len(ex.Pairs))
	}
	if ls.Duplicates != ex.Duplicates || ls.Distinct != ex.Distinct {
		t.Errorf("duplicates %d/%d, distinct %d/%d", ls.Duplicates, ex.Duplicates, ls.Distinct, ex.Distinct)
	}
}

// TestAnalyzeManyIdentical: 10,000 copies of one message make 49,995,000
// pairs; the report counts them all but keeps MaxPairs of them.
func TestAnalyzeManyIdentical(t *testing.T) {
	msgs := make([]string, 10_000)
	for i := range msgs {
		msgs[i] = "Здравствуйте! Ваш заказ передан в доставку."
	}
	msgs[42] = "Совсем другое сообщение, не похожее на остальные."
	r := uniqueness.Analyze(msgs, &uniqueness.Options{MaxPairs: 1000})
	if r.TotalPairs != 9999*9998/2 || !r.Truncated || len(r.Pairs) != 1000 {
		t.Fatalf("TotalPairs %d Truncated %v len(Pairs) %d", r.TotalPairs, r.Truncated, len(r.Pairs))
	}
	if r.Pairs[0] != (uniqueness.Pair{I: 0, J: 1, Similarity: 1}) || r.Pairs[41] != (uniqueness.Pair{I: 0, J: 43, Similarity: 1}) {
		t.Fatalf("pairs not in (I, J) order: %v %v", r.Pairs[0], r.Pairs[41])
	}
	if r.Distinct != 2 || r.Duplicates != 9999 || r.Unique != 1 || r.Score != 1.0/10_000 {
		t.Fatalf("Distinct %d Duplicates %d Unique %d Score %v", r.Distinct, r.Duplicates, r.Unique, r.Score)
	}
	if len(r.Clusters) != 1 || len(r.Clusters[0]) != 9999 {
		t.Fatalf("clusters %d", len(r.Clusters))
	}
	if *r.MostSimilar != (uniqueness.Pair{I: 0, J: 1, Similarity: 1}) {
		t.Fatalf("MostSimilar %+v", *r.MostSimilar)
	}
	if r.Nearest[len(r.Nearest)-1].Count != 9999 || r.BelowFloor != 1 {
		t.Fatalf("Nearest %v BelowFloor %d", r.Nearest, r.BelowFloor)
	}
}

func TestAnalyzeSmall(t *testing.T) {
	tests := []struct {
		name  string
		msgs  []string
		score float64
		most  *uniqueness.Pair
	}{
		{"empty batch: score 1", nil, 1, nil},
		{"one message", []string{"привет"}, 1, nil},
		{"two unrelated", []string{"привет", "до свидания"}, 1, nil},
		{"two equal", []string{"привет", "привет"}, 0, &uniqueness.Pair{I: 0, J: 1, Similarity: 1}},
		{"two empty are equal", []string{"", ""}, 0, &uniqueness.Pair{I: 0, J: 1, Similarity: 1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := uniqueness.Analyze(tc.msgs, nil)
			if r.Score != tc.score || r.N != len(tc.msgs) {
				t.Fatalf("Score %v N %d", r.Score, r.N)
			}
			if diff := cmp.Diff(tc.most, r.MostSimilar); diff != "" {
				t.Fatalf("MostSimilar: %s", diff)
			}
		})
	}
}

func TestOptionsValidate(t *testing.T) {
	tests := []struct {
		name string
		opts *uniqueness.Options
		bad  string // substring of the error; "" means valid
	}{
		{"nil: defaults", nil, ""},
		{"zero value: defaults", &uniqueness.Options{}, ""},
		{"threshold 1: only exact duplicates", &uniqueness.Options{Threshold: 1}, ""},
		{"negative threshold", &uniqueness.Options{Threshold: -0.5}, "Threshold -0.5 is outside (0, 1]"},
		{"threshold above 1", &uniqueness.Options{Threshold: 1.5}, "outside (0, 1]"},
		{"NaN threshold", &uniqueness.Options{Threshold: math.NaN()}, "outside (0, 1]"},
		{"floor above default threshold", &uniqueness.Options{Floor: 0.95}, "Floor 0.95 is outside (0, Threshold=0.9]"},
		{"negative floor", &uniqueness.Options{Threshold: 0.8, Floor: -1}, "Floor -1"},
		{"floor equal to threshold", &uniqueness.Options{Threshold: 0.8, Floor: 0.8}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.opts.Validate()
			if tc.bad == "" {
				if err != nil {
					t.Fatalf("Validate: %v", err)
				}
				uniqueness.Analyze([]string{"a", "b"}, tc.opts)
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.bad) {
				t.Fatalf("Validate = %v, want an error with %q", err, tc.bad)
			}
			defer func() {
				if p := recover(); p == nil || !strings.Contains(p.(string), tc.bad) {
					t.Fatalf("Analyze panic = %v, want %q", p, tc.bad)
				}
			}()
			uniqueness.Analyze([]string{"a", "b"}, tc.opts)
		})
	}
}

// TestAnalyzeManyNearCopies: 5,000 distinct near copies of one message put
// whole LSH buckets together; candidates must stay linear (windowed), every
// message must still end up in a pair and in one cluster.
func TestAnalyzeManyNearCopies(t *testing.T) {
	n := 5_000
	if testing.Short() {
		n = 2_000
	}
	base := "Здравствуйте! Ваш заказ передан в доставку, номер отправления "
	msgs := make([]string, n)
	for i := range msgs {
		msgs[i] = base + strconv.Itoa(1_000_000+i)
	}
	r := uniqueness.Analyze(msgs, &uniqueness.Options{ExactUpTo: -1})
	if r.Compared > int64(n)*200 {
		t.Fatalf("compared %d pairs for %d messages: not linear", r.Compared, n)
	}
	if r.Unique != 0 || len(r.Clusters) != 1 || len(r.Clusters[0]) != n {
		t.Fatalf("Unique %d, %d clusters", r.Unique, len(r.Clusters))
	}
}

package uniqueness_test

import (
	"cmp"
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/spinwise/spinwise/uniqueness"
	"github.com/spinwise/spinwise/uniqueness/internal/gen"
)

// wanted is the brute-force version of the report's summary fields.
type wanted struct {
	maxSame   int
	quantiles uniqueness.Quantiles
	worst     []uniqueness.Pair
	wordings  int
	groups    []uniqueness.Group
}

// bruteSummary compares every pair of msgs with sim and derives what
// Analyze's summary says: the largest set of equal texts, the quantiles of
// each message's nearest neighbour (0 below floor), the k most similar
// pairs (ties by I, then J), and greedy leader groups (texts in order of
// first occurrence join the most similar leader within thr, ties to the
// earliest leader, or lead a group).
func bruteSummary(msgs []string, thr, floor float64, k int, sim func(a, b string) float64) wanted {
	var w wanted
	n := len(msgs)
	count := map[string]int{}
	for _, m := range msgs {
		count[m]++
		w.maxSame = max(w.maxSame, count[m])
	}
	nn := make([]float64, n)
	var all []uniqueness.Pair
	for i := range n {
		nn[i] = -1
	}
	for i := range n {
		for j := i + 1; j < n; j++ {
			s := sim(msgs[i], msgs[j])
			nn[i], nn[j] = max(nn[i], s), max(nn[j], s)
			if s >= floor {
				all = append(all, uniqueness.Pair{I: i, J: j, Similarity: s})
			}
		}
	}
	vals := make([]float64, n)
	for i, s := range nn {
		if s >= floor {
			vals[i] = s
		}
	}
	slices.Sort(vals)
	if n > 0 {
		at := func(q float64) float64 { return vals[max(1, int(math.Ceil(q*float64(n))))-1] }
		w.quantiles = uniqueness.Quantiles{P50: at(0.5), P90: at(0.9), Max: vals[n-1]}
	}
	slices.SortStableFunc(all, func(x, y uniqueness.Pair) int {
		if c := cmp.Compare(y.Similarity, x.Similarity); c != 0 {
			return c
		}
		if c := cmp.Compare(x.I, y.I); c != 0 {
			return c
		}
		return cmp.Compare(x.J, y.J)
	})
	w.worst = all[:min(k, len(all))]

	// Groups over distinct texts in order of first occurrence.
	var texts []string
	first := map[string]int{}
	for i, m := range msgs {
		if _, ok := first[m]; !ok {
			first[m] = i
			texts = append(texts, m)
		}
	}
	var leaders []int // indexes into texts
	members := map[int][]int{}
	for t := range texts {
		best, bestSim := -1, -1.0
		for _, l := range leaders {
			if s := sim(texts[l], texts[t]); s >= thr && s > bestSim {
				best, bestSim = l, s
			}
		}
		if best < 0 {
			leaders = append(leaders, t)
			best = t
		}
		members[best] = append(members[best], t)
	}
	w.wordings = len(leaders)
	for _, l := range leaders {
		g := uniqueness.Group{Leader: first[texts[l]], Texts: len(members[l])}
		for _, t := range members[l] {
			g.Messages += count[texts[t]]
		}
		w.groups = append(w.groups, g)
	}
	slices.SortStableFunc(w.groups, func(x, y uniqueness.Group) int {
		if c := cmp.Compare(y.Messages, x.Messages); c != 0 {
			return c
		}
		return cmp.Compare(x.Leader, y.Leader)
	})
	w.groups = w.groups[:min(len(w.groups), uniqueness.TopGroups)]
	return w
}

// TestSummaryAgainstBruteForce checks the fields a user reads first on the
// exact path, where each must equal brute force.
func TestSummaryAgainstBruteForce(t *testing.T) {
	planted := gen.Make(gen.Synthetic, 200, 30, 12, 4)
	withCopies := append(slices.Clone(templateBatch("appointment", 120, 5)), "", "")
	withCopies = append(withCopies, withCopies[3], withCopies[3], withCopies[7])
	cases := []struct {
		name string
		why  string
		msgs []string
		opts *uniqueness.Options
	}{
		{"appointment", "one template, data varies: many groups, nearest well above the floor", templateBatch("appointment", 150, 1), nil},
		{"welcome at 0.8", "a lower threshold merges wordings: fewer, larger groups", templateBatch("welcome", 200, 2), &uniqueness.Options{Threshold: 0.8, Floor: 0.7}},
		{"planted", "mostly unrelated messages: most nearest neighbours below the floor count as 0", planted.Msgs, nil},
		{"copies and empty texts", "equal texts are one distinct text: similarity 1, max_same_text 3", withCopies, &uniqueness.Options{WorstPairs: 25}},
		{"tiny ASCII", "ties in similarity are broken by index", []string{"hi", "hello", "help", "hell", "yellow", "", "h", "hello", "jello"}, &uniqueness.Options{Threshold: 0.5, Floor: 0.3, WorstPairs: 50}},
		{"one message", "no pair at all: quantiles 0, one group", []string{"Здравствуйте!"}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := uniqueness.Analyze(tc.msgs, tc.opts)
			k := uniqueness.DefaultWorstPairs
			if tc.opts != nil && tc.opts.WorstPairs != 0 {
				k = tc.opts.WorstPairs
			}
			w := bruteSummary(tc.msgs, r.Threshold, r.Floor, k, uniqueness.Similarity)
			if !r.Exact {
				t.Fatalf("%s: not exact", tc.why)
			}
			if r.MaxSameText != w.maxSame {
				t.Errorf("%s: MaxSameText %d, want %d", tc.why, r.MaxSameText, w.maxSame)
			}
			if r.NearestQuantiles != w.quantiles {
				t.Errorf("%s: NearestQuantiles %+v, want %+v", tc.why, r.NearestQuantiles, w.quantiles)
			}
			if diff := gocmp.Diff(w.worst, r.WorstPairs); diff != "" {
				t.Errorf("%s: WorstPairs (-brute +Analyze):\n%s", tc.why, diff)
			}
			if r.Wordings != w.wordings || r.LargestGroup != w.groups[0].Messages {
				t.Errorf("%s: Wordings %d LargestGroup %d, want %d %d", tc.why, r.Wordings, r.LargestGroup, w.wordings, w.groups[0].Messages)
			}
			if diff := gocmp.Diff(w.groups, r.Groups); diff != "" {
				t.Errorf("%s: Groups (-brute +Analyze):\n%s", tc.why, diff)
			}
			if r.PairsEstimated {
				t.Errorf("%s: PairsEstimated on the exact path", tc.why)
			}
		})
	}
}

// campaignBatch is n messages of one template in the way a campaign makes
// them: a variant per position (repeating after the template's variants)
// filled with each recipient's data, and the variant as the label.
func campaignBatch(name string, n int, seed uint64) ([]string, []uint64) {
	msgs := templateBatch(name, n, seed)
	labels := make([]uint64, n)
	// templateBatch spins each message independently; a campaign's
	// messages of one variant differ only in data. Make variants repeat:
	// message i reuses the spin of message i%k with i's own data by
	// spinning with the same seed for the same variant.
	k := max(1, n/8)
	rng := rand.New(rand.NewPCG(seed, 11))
	for i := range msgs {
		v := uint64(i % k)
		labels[i] = v
		if i >= k {
			msgs[i] = withOtherName(msgs[i%k], rng)
		}
	}
	return msgs, labels
}

// withOtherName replaces the first name of the sample contacts in m by
// another, the way two recipients of one variant differ.
func withOtherName(m string, rng *rand.Rand) string {
	names := []string{"Анна", "Борис", "Вера", "Глеб", "Дарья", "Евгений", "Жанна", "Захар"}
	for _, n := range names {
		if strings.Contains(m, n) {
			return strings.Replace(m, n, names[rng.IntN(len(names))], 1)
		}
	}
	return m + " " + names[rng.IntN(len(names))]
}

// TestCandidatePathBounds: beyond the exact path every reported figure is a
// verified fact or a documented bound of the exact one.
func TestCandidatePathBounds(t *testing.T) {
	msgs, labels := campaignBatch("reactivation", 1600, 9)
	ex := uniqueness.Analyze(msgs, &uniqueness.Options{ExactUpTo: 100_000})
	for _, tc := range []struct {
		name   string
		labels []uint64
	}{
		{"with labels", labels},
		{"without labels", nil},
		{"wrong labels", shuffled(labels)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := uniqueness.Analyze(msgs, &uniqueness.Options{ExactUpTo: -1, Labels: tc.labels, Seed: 3})
			if r.Exact || !r.PairsEstimated {
				t.Fatalf("Exact %v PairsEstimated %v on the candidate path", r.Exact, r.PairsEstimated)
			}
			for _, p := range append(slices.Clone(r.WorstPairs), r.Pairs...) {
				if s := uniqueness.Similarity(msgs[p.I], msgs[p.J]); s != p.Similarity || p.I >= p.J {
					t.Fatalf("pair %+v: similarity %v", p, s)
				}
			}
			q, eq := r.NearestQuantiles, ex.NearestQuantiles
			if q.P50 > eq.P50 || q.P90 > eq.P90 || q.Max > eq.Max {
				t.Errorf("quantiles %+v above the exact %+v: they must be lower bounds", q, eq)
			}
			if r.Score < ex.Score || r.Unique < ex.Unique {
				t.Errorf("Score %v below the exact %v: a message reported unique must be unique", r.Score, ex.Score)
			}
			if r.MaxSameText != ex.MaxSameText || r.Distinct != ex.Distinct {
				t.Errorf("MaxSameText %d Distinct %d, want %d %d", r.MaxSameText, r.Distinct, ex.MaxSameText, ex.Distinct)
			}
			// The estimate of all similar pairs is within 15% of the count.
			if rel := math.Abs(float64(r.TotalPairs-ex.TotalPairs)) / float64(ex.TotalPairs); rel > 0.15 {
				t.Errorf("TotalPairs %d estimated, exact %d (off by %.0f%%)", r.TotalPairs, ex.TotalPairs, 100*rel)
			}
			// Groups: at least the exact greedy count (a missed leader only
			// adds groups), and with labels close to it.
			if r.Wordings < 1 || r.LargestGroup > r.N || r.Groups[0].Messages != r.LargestGroup {
				t.Errorf("Wordings %d LargestGroup %d Groups[0] %+v", r.Wordings, r.LargestGroup, r.Groups[0])
			}
			if tc.labels != nil && tc.name == "with labels" && float64(r.Wordings) > 1.5*float64(ex.Wordings) {
				t.Errorf("Wordings %d, exact %d: the candidates miss too many leaders", r.Wordings, ex.Wordings)
			}
		})
	}
}

func shuffled(xs []uint64) []uint64 {
	out := slices.Clone(xs)
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

func TestAnalyzeContext(t *testing.T) {
	msgs, labels := campaignBatch("welcome", 3000, 1)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if r, err := uniqueness.AnalyzeContext(ctx, msgs, &uniqueness.Options{ExactUpTo: -1, Labels: labels}); !errors.Is(err, context.Canceled) || r != nil {
		t.Errorf("cancelled: %v, %v; want context.Canceled and no report", r, err)
	}
	if _, err := uniqueness.AnalyzeContext(context.Background(), msgs, &uniqueness.Options{Labels: labels[1:]}); err == nil {
		t.Error("labels of the wrong length: no error")
	}
	// Progress grows to its total, once it ends.
	last, total, calls := -1, 0, 0
	_, err := uniqueness.AnalyzeContext(context.Background(), msgs, &uniqueness.Options{ExactUpTo: -1, Labels: labels,
		Progress: func(done, tot int) {
			if done < last || tot != total && total != 0 {
				t.Fatalf("progress went from %d to %d of %d (total was %d)", last, done, tot, total)
			}
			last, total = done, tot
			calls++
		}})
	if err != nil || last != total || calls < 3 {
		t.Errorf("progress ended at %d of %d after %d calls (err %v)", last, total, calls, err)
	}
}

// TestManyDistinctRunes: beyond 65,535 distinct runes a batch keeps its
// ids in 32 bits; the answers do not change.
func TestManyDistinctRunes(t *testing.T) {
	var msgs []string
	r := rune(0x4E00)
	for i := 0; i < 700; i++ {
		var b strings.Builder
		for j := 0; j < 100; j++ {
			b.WriteRune(r)
			r++
			if r == 0xA000 {
				r = 0x20000
			}
		}
		msgs = append(msgs, b.String())
	}
	msgs = append(msgs, msgs[10][:len(msgs[10])-4]+"x", msgs[500]+"y")
	rep := uniqueness.Analyze(msgs, &uniqueness.Options{ExactUpTo: -1})
	got := map[[2]int]bool{}
	for _, p := range rep.Pairs {
		got[[2]int{p.I, p.J}] = true
		if s := uniqueness.Similarity(msgs[p.I], msgs[p.J]); s != p.Similarity {
			t.Fatalf("pair %+v: similarity %v", p, s)
		}
	}
	if !got[[2]int{10, 700}] || !got[[2]int{500, 701}] || len(rep.Pairs) != 2 {
		t.Errorf("pairs %v, want (10, 700) and (500, 701)", rep.Pairs)
	}
}

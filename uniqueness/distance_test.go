package uniqueness_test

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/agnivade/levenshtein"
	"github.com/spinwise/spinwise/uniqueness"
)

// dp is a plain dynamic-programming Levenshtein over runes with an int row:
// the oracle where agnivade's uint16 row would not do and for long strings.
func dp(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	row := make([]int, len(rb)+1)
	for j := range row {
		row[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		diag := row[0]
		row[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			next := min(row[j]+1, row[j-1]+1, diag+cost)
			diag, row[j] = row[j], next
		}
	}
	return row[len(rb)]
}

func rep(s string, n int) string { return strings.Repeat(s, n) }

// runesOf returns n runes cycling through alphabet.
func runesOf(alphabet string, n int) string {
	r := []rune(alphabet)
	out := make([]rune, n)
	for i := range out {
		out[i] = r[i%len(r)]
	}
	return string(out)
}

var adversarial = []struct {
	name, a, b string
}{
	{"both empty", "", ""},
	{"one empty", "", "привет"},
	{"other empty", "hello", ""},
	{"equal Cyrillic", "Здравствуйте, Анна!", "Здравствуйте, Анна!"},
	{"disjoint", "абвгд", "xyz"},
	{"ASCII", "kitten", "sitting"},
	{"Cyrillic", "Здравствуйте, Анна!", "Добрый день, Анна."},
	{"mixed script", "Hello, Мир", "Hallo, мир!"},
	{"emoji (4-byte runes)", "👍🏽 спасибо 🎉", "👍 спасибо 🎊🎉"},
	{"combining marks count as runes", "е\u0301лка", "ёлка"},
	{"same bytes different runes", "é", "e\u0301"},
	{"invalid UTF-8 is U+FFFD per byte", "a\xffb\xfe", "a\ufffdb"},
	{"truncated sequence", "ж\xd0", "ж"},
	{"stray continuation bytes", "\x80\x81привет", "привет"},
	{"lead byte at the very end (found by fuzzing)", "\xd0", "\xd00"},
	{"NUL runes are runes, not 'absent'", "\x00\x00ab\x00", "\x00a\x00b"},
	{"63 runes", runesOf("абвгдежз", 63), runesOf("абвгдежзи", 63)},
	{"64 runes: one full word", runesOf("абвгдежз", 64), runesOf("бвгдежза", 64)},
	{"65 runes: a second word of one row", runesOf("абвгдежз", 65), runesOf("абвгдежзк", 65)},
	{"128 runes: two full words", runesOf("абвгд", 128), runesOf("абвге", 128)},
	{"129 runes", runesOf("абвгд", 129), runesOf("вгдеж", 129)},
	{"64 vs 65 runes", runesOf("ab", 64), runesOf("ab", 65)},
	{"long vs short", runesOf("привет мир ", 300), "привет"},
	{"shared prefix and suffix, 300 runes", rep("а", 100) + runesOf("бвгд", 100) + rep("я", 100), rep("а", 100) + runesOf("гдеж", 90) + rep("я", 100)},
	{"one repeated rune vs another", rep("а", 200), rep("б", 190)},
	{"transposition", "ab" + rep("x", 70) + "cd", "ba" + rep("x", 70) + "dc"},
	{"ASCII over 64 bytes after stripping", runesOf("abcdefgh", 100), runesOf("bcdefghi", 100)},
	{"many distinct runes (sparse table)", runesOf(string(manyRunes(1500)), 2000), runesOf(string(manyRunes(1400)), 1990)},
}

func manyRunes(n int) []rune {
	r := make([]rune, n)
	for i := range r {
		r[i] = rune(0x4E00 + i*7%20000) // CJK: outside the direct table
	}
	return r
}

func TestDistanceAdversarial(t *testing.T) {
	for _, tc := range adversarial {
		t.Run(tc.name, func(t *testing.T) {
			want := levenshtein.ComputeDistance(tc.a, tc.b)
			if got := uniqueness.Distance(tc.a, tc.b); got != want {
				t.Fatalf("Distance = %d, agnivade %d", got, want)
			}
			if got := uniqueness.Distance(tc.b, tc.a); got != want {
				t.Fatalf("Distance(b, a) = %d, want %d", got, want)
			}
			if got := uniqueness.NewPattern(tc.a).Distance(tc.b); got != want {
				t.Fatalf("Pattern.Distance = %d, want %d", got, want)
			}
			checkCutoffs(t, tc.a, tc.b, want)
		})
	}
}

// checkCutoffs checks the cutoff variants against the known distance.
func checkCutoffs(t *testing.T, a, b string, want int) {
	t.Helper()
	l := max(utf8.RuneCountInString(a), utf8.RuneCountInString(b))
	p := uniqueness.NewPattern(a)
	for _, k := range []int{0, want - 1, want, want + 1, 2 * want, l} {
		if k < 0 {
			continue
		}
		d, ok := uniqueness.DistanceAtMost(a, b, k)
		pd, pok := p.DistanceAtMost(b, k)
		if ok != (want <= k) || (ok && d != want) || (!ok && d != k+1) {
			t.Fatalf("DistanceAtMost(k=%d) = %d, %v; distance %d", k, d, ok, want)
		}
		if pd != d || pok != ok {
			t.Fatalf("Pattern.DistanceAtMost(k=%d) = %d, %v; package-level %d, %v", k, pd, pok, d, ok)
		}
	}
	sim := 1.0
	if l > 0 {
		sim = 1 - float64(want)/float64(l)
	}
	if got := uniqueness.Similarity(a, b); got != sim {
		t.Fatalf("Similarity = %v, want %v", got, sim)
	}
	for _, min := range []float64{0, sim, math.Nextafter(sim, 2), sim - 0.1, 0.5, 0.9, 1} {
		s, ok := uniqueness.SimilarityAtLeast(a, b, min)
		ps, pok := p.SimilarityAtLeast(b, min)
		if ok != (sim >= min) || ok && s != sim || !ok && s != 0 {
			t.Fatalf("SimilarityAtLeast(%v) = %v, %v; similarity %v", min, s, ok, sim)
		}
		if ps != s || pok != ok {
			t.Fatalf("Pattern.SimilarityAtLeast(%v) = %v, %v; package-level %v, %v", min, ps, pok, s, ok)
		}
	}
}

// TestDistanceRandom compares with agnivade on random pairs of every
// length class around the word boundaries, over small alphabets (many
// matches) and larger ones, unrelated and edited pairs.
func TestDistanceRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabets := []string{"ab", "абвгде", "абвгдеёжзийклмнопрстуфхцчшщъыьэюя .,!", "aбc😀\u0301"}
	lengths := []int{0, 1, 5, 31, 63, 64, 65, 100, 127, 128, 129, 200, 300, 700}
	n := 3000
	if testing.Short() {
		n = 500
	}
	for it := 0; it < n; it++ {
		alph := []rune(alphabets[rng.IntN(len(alphabets))])
		a := randRunes(rng, alph, lengths[rng.IntN(len(lengths))])
		var b []rune
		if rng.IntN(2) == 0 {
			b = randRunes(rng, alph, lengths[rng.IntN(len(lengths))])
		} else {
			b = edit(rng, a, alph, rng.IntN(30))
		}
		want := levenshtein.ComputeDistance(string(a), string(b))
		if got := uniqueness.Distance(string(a), string(b)); got != want {
			t.Fatalf("Distance(%q, %q) = %d, agnivade %d", string(a), string(b), got, want)
		}
		if it%10 == 0 {
			checkCutoffs(t, string(a), string(b), want)
		}
	}
}

func randRunes(rng *rand.Rand, alph []rune, n int) []rune {
	r := make([]rune, n)
	for i := range r {
		r[i] = alph[rng.IntN(len(alph))]
	}
	return r
}

func edit(rng *rand.Rand, a, alph []rune, e int) []rune {
	b := append([]rune(nil), a...)
	for ; e > 0; e-- {
		i := rng.IntN(len(b) + 1)
		switch rng.IntN(3) {
		case 0:
			b = append(b[:i], append([]rune{alph[rng.IntN(len(alph))]}, b[i:]...)...)
		case 1:
			if i < len(b) {
				b = append(b[:i], b[i+1:]...)
			}
		default:
			if i < len(b) {
				b[i] = alph[rng.IntN(len(alph))]
			}
		}
	}
	return b
}

// TestDistanceLong covers strings longer than 65,535 runes, where a uint16
// row would wrap: compared with the int DP on shapes whose DP stays small,
// and with exact known distances.
func TestDistanceLong(t *testing.T) {
	long := runesOf("съешь же ещё этих мягких французских булок ", 70_000)
	lr := []rune(long)
	cases := []struct {
		name string
		a, b string
		want int // -1: compute with dp
	}{
		{"70,000 vs empty", long, "", 70_000},
		{"66,000 а vs 300 б: 300 substituted, the rest deleted", rep("а", 66_000), rep("б", 300), 66_000},
		{"70,000 vs 3,000 runes of it, shifted", long, string(lr[1000:4000]), 67_000},
		{"70,000 vs 200 runes", long, runesOf("абвгдеёжз ", 200), -1},
		{"70,000 vs itself with edits at both ends", long, "X" + string(lr[2:len(lr)-2]) + "Y", -1},
		{"70,000 vs 70,001: one insertion in the middle", long, string(lr[:35_000]) + "Ж" + string(lr[35_000:]), 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			want := tc.want
			if want < 0 {
				if utf8.RuneCountInString(tc.b) > 1000 {
					// equal middles: dp over the differing ends only
					ra, rb := []rune(tc.a), []rune(tc.b)
					want = dp(string(ra[:2]), string(rb[:1])) + dp(string(ra[len(ra)-2:]), string(rb[len(rb)-1:]))
				} else {
					want = dp(tc.a, tc.b)
				}
			}
			if got := uniqueness.Distance(tc.a, tc.b); got != want {
				t.Fatalf("Distance = %d, want %d", got, want)
			}
			if d, ok := uniqueness.DistanceAtMost(tc.a, tc.b, want); !ok || d != want {
				t.Fatalf("DistanceAtMost(%d) = %d, %v", want, d, ok)
			}
			if want > 0 {
				if _, ok := uniqueness.DistanceAtMost(tc.a, tc.b, want-1); ok {
					t.Fatalf("DistanceAtMost(%d) holds for distance %d", want-1, want)
				}
			}
		})
	}
}

// FuzzDistance checks equality with agnivade (and the Pattern and cutoff
// variants) and the metric's laws: identity, symmetry, bounds, triangle
// inequality.
func FuzzDistance(f *testing.F) {
	for _, tc := range adversarial[:14] {
		f.Add(tc.a, tc.b, "привет", uint8(3))
	}
	f.Add(runesOf("абв", 70), runesOf("абг", 65), runesOf("ав", 130), uint8(10))
	f.Fuzz(func(t *testing.T, a, b, c string, k uint8) {
		if len(a) > 3000 || len(b) > 3000 || len(c) > 3000 {
			return
		}
		dab := uniqueness.Distance(a, b)
		if want := levenshtein.ComputeDistance(a, b); dab != want {
			t.Fatalf("Distance(%q, %q) = %d, agnivade %d", a, b, dab, want)
		}
		pat := uniqueness.NewPattern(a)
		if p := pat.Distance(b); p != dab {
			t.Fatalf("Pattern.Distance = %d, Distance %d", p, dab)
		}
		if d, ok := pat.DistanceAtMost(b, int(k)); ok != (dab <= int(k)) || ok && d != dab || !ok && d != int(k)+1 {
			t.Fatalf("Pattern.DistanceAtMost(%d) = %d, %v; distance %d", k, d, ok, dab)
		}
		s0, ok0 := uniqueness.SimilarityAtLeast(a, b, 0.9)
		if s1, ok1 := pat.SimilarityAtLeast(b, 0.9); s1 != s0 || ok1 != ok0 {
			t.Fatalf("Pattern.SimilarityAtLeast(0.9) = %v, %v; package-level %v, %v", s1, ok1, s0, ok0)
		}
		if d, ok := uniqueness.DistanceAtMost(a, b, int(k)); ok != (dab <= int(k)) || ok && d != dab {
			t.Fatalf("DistanceAtMost(%d) = %d, %v; distance %d", k, d, ok, dab)
		}
		if uniqueness.Distance(b, a) != dab {
			t.Fatal("not symmetric")
		}
		if (dab == 0) != (string([]rune(a)) == string([]rune(b))) {
			t.Fatalf("identity: distance %d for %q, %q", dab, a, b)
		}
		la, lb := utf8.RuneCountInString(a), utf8.RuneCountInString(b)
		if dab < max(la, lb)-min(la, lb) || dab > max(la, lb) {
			t.Fatalf("distance %d outside [|%d-%d|, max]", dab, la, lb)
		}
		if dab > uniqueness.Distance(a, c)+uniqueness.Distance(c, b) {
			t.Fatal("triangle inequality broken")
		}
		s := uniqueness.Similarity(a, b)
		if s < 0 || s > 1 {
			t.Fatalf("similarity %v outside [0, 1]", s)
		}
	})
}

// TestCutoffAtDistanceInsertionsFirst: a text longer than the pattern whose
// cheapest alignment starts with insertions runs along row 0, which no
// block of the banded kernel holds; a cutoff equal to the distance must
// still find it. Patterns of 65 to 400 runes (more than one word), edits
// of every kind with an insertion or a deletion at the start, both ways
// round, on the direct (rune-indexed) and the id-indexed tables.
func TestCutoffAtDistanceInsertionsFirst(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	for _, alph := range [][]rune{[]rune("abcdefgh"), []rune("абвгдеж 🙂")} {
		for it := 0; it < 300; it++ {
			a := make([]rune, 65+rng.IntN(336))
			for i := range a {
				a[i] = alph[rng.IntN(len(alph))]
			}
			b := append([]rune{'z'}, a...)
			if rng.IntN(2) == 0 {
				b = a[1+rng.IntN(3):]
				b = append([]rune(nil), b...)
			}
			for e := rng.IntN(12); e > 0; e-- {
				i := rng.IntN(len(b) + 1)
				switch rng.IntN(3) {
				case 0:
					b = slices.Insert(b, i, 'z')
				case 1:
					if i < len(b) {
						b = slices.Delete(b, i, i+1)
					}
				default:
					if i < len(b) {
						b[i] = 'y'
					}
				}
			}
			want := levenshtein.ComputeDistance(string(a), string(b))
			checkCutoffs(t, string(a), string(b), want)
			checkCutoffs(t, string(b), string(a), want)
		}
	}
}

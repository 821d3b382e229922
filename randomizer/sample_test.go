package randomizer_test

import (
	"math/big"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/spinwise/spinwise/randomizer"
)

func TestSampleIsPermutation(t *testing.T) {
	tests := []struct{ name, src string }{
		{"one variant", "Привет"},
		{"two", "{a|b}"},
		{"three", "{a|b|c}"},
		{"64", "{a|b}{a|b}{a|b}{a|b}{a|b}{a|b}"},
		{"perm and nest", "[+, +a|{b|c}|d] {x|{y|z}}"},
		{"odd size 1000", "{0|1|2|3|4|5|6|7|8|9}{0|1|2|3|4|5|6|7|8|9}{0|1|2|3|4|5|6|7|8|9}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mustParse(t, tt.src)
			n := int(s.Count().Int64())
			for _, seed := range []uint64{0, 1, 42} {
				seen := make([]bool, n)
				texts := map[string]bool{}
				k := 0
				for i, v := range s.Sample(seed) {
					idx := int(i.Int64())
					if idx < 0 || idx >= n || seen[idx] {
						t.Fatalf("seed %d: index %d repeated or out of [0, %d)", seed, idx, n)
					}
					seen[idx] = true
					if want, _ := s.Variant(i); v != want {
						t.Fatalf("seed %d: Sample yields %q for index %v, Variant gives %q", seed, v, i, want)
					}
					at, err := s.SampleAt(seed, big.NewInt(int64(k)))
					if err != nil || at.Cmp(i) != 0 {
						t.Fatalf("seed %d: SampleAt(%d) = %v, %v; Sample yielded %v", seed, k, at, err, i)
					}
					texts[v] = true
					k++
				}
				if k != n {
					t.Fatalf("seed %d: Sample yielded %d items, want %d", seed, k, n)
				}
			}
		})
	}
}

func TestSampleDistinctTexts(t *testing.T) {
	// The complaint about another engine: asked for 64 texts from a
	// 64-variant template, it gave about 37 different ones.
	s := mustParse(t, "{Привет|Здравствуйте} {друг|коллега} {как дела|как жизнь} {сегодня|теперь} {?|!} {:)|:-)}")
	texts := map[string]bool{}
	for _, v := range s.Sample(7) {
		texts[v] = true
	}
	if len(texts) != 64 {
		t.Errorf("Sample gave %d distinct texts of 64", len(texts))
	}
}

func TestSampleSeedsDiffer(t *testing.T) {
	s := mustParse(t, strings.Repeat("{a|b|c|d}", 8))
	first := func(seed uint64) []string {
		var out []string
		for _, v := range s.Sample(seed) {
			out = append(out, v)
			if len(out) == 20 {
				break
			}
		}
		return out
	}
	if slices.Equal(first(1), first(2)) {
		t.Error("seeds 1 and 2 give the same order")
	}
	if !slices.Equal(first(3), first(3)) {
		t.Error("seed 3 is not repeatable")
	}
	if slices.Equal(first(1), slices.Collect(func(yield func(string) bool) {
		for v := range s.All() {
			if !yield(v) {
				return
			}
		}
	})[:20]) {
		t.Error("Sample is in All's order")
	}
}

func TestSampleHuge(t *testing.T) {
	// 10^200 variants: the first items come at once, distinct, and resume
	// with SampleAt.
	s := mustParse(t, strings.Repeat("{0|1|2|3|4|5|6|7|8|9}", 200))
	want := new(big.Int).Exp(big.NewInt(10), big.NewInt(200), nil)
	if s.Count().Cmp(want) != 0 {
		t.Fatalf("Count = %v, want 10^200", s.Count())
	}
	seen := map[string]bool{}
	k := 0
	for i, v := range s.Sample(99) {
		if seen[v] {
			t.Fatalf("variant %q repeated at position %d", v, k)
		}
		seen[v] = true
		if i.Cmp(want) >= 0 || i.Sign() < 0 || len(v) != 200 || v != i.Text(10) && strings.TrimLeft(v, "0") != i.Text(10) && i.Sign() != 0 {
			t.Fatalf("position %d: index %v, variant %q", k, i, v)
		}
		if k%97 == 0 {
			if at, err := s.SampleAt(99, big.NewInt(int64(k))); err != nil || at.Cmp(i) != 0 {
				t.Fatalf("SampleAt(%d) = %v, %v; want %v", k, at, err, i)
			}
		}
		k++
		if k == 2000 {
			break
		}
	}
	if _, err := s.SampleAt(99, want); err == nil {
		t.Error("SampleAt(Count()) gave no error")
	}
	if _, err := s.SampleAt(99, big.NewInt(-1)); err == nil {
		t.Error("SampleAt(-1) gave no error")
	}
}

func TestCountExact(t *testing.T) {
	tests := []struct {
		name, src string
		want      *big.Int
		reason    string
	}{
		{"75 groups", strings.Repeat("{a|b|c|d|e|f|g|h}", 75), new(big.Int).Lsh(big.NewInt(1), 225), "overflows int64 in other engines"},
		{"10000 groups of 10", strings.Repeat("{0|1|2|3|4|5|6|7|8|9} ", 10000), new(big.Int).Exp(big.NewInt(10), big.NewInt(10000), nil), ""},
		{"perm 25", "[" + strings.Repeat("a|", 24) + "a]", new(big.Int).MulRange(1, 25), "25! > 2^64"},
		{"sum of big options", "{x" + strings.Repeat("{a|b}", 70) + "|y" + strings.Repeat("{a|b}", 70) + "}", new(big.Int).Lsh(big.NewInt(1), 71),
			"'{{' would open a placeholder, hence the x"},
		{"exactly 2^64", strings.Repeat("{a|b}", 64), new(big.Int).Lsh(big.NewInt(1), 64), "one above the largest uint64"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defer func() {
				if t.Failed() && tt.reason != "" {
					t.Logf("reason: %s", tt.reason)
				}
			}()
			s := mustParse(t, tt.src)
			if got := s.Count(); got.Cmp(tt.want) != 0 {
				t.Errorf("Count = %v, want %v", got, tt.want)
			}
			// The last variant exists and the one after does not.
			last := new(big.Int).Sub(tt.want, big.NewInt(1))
			if _, err := s.Variant(last); err != nil {
				t.Errorf("Variant(Count-1): %v", err)
			}
			if _, err := s.Variant(tt.want); err == nil {
				t.Error("Variant(Count) gave no error")
			}
			// Count returns a copy.
			s.Count().SetInt64(0)
			if s.Count().Cmp(tt.want) != 0 {
				t.Error("modifying Count's result changed the template")
			}
		})
	}
}

func TestVariantBigMatchesDigits(t *testing.T) {
	// With more than 2^64 variants Variant does big arithmetic; in this
	// template variant i spells i in decimal, so every digit is checkable.
	s := mustParse(t, "x"+strings.Repeat("{0|1|2|3|4|5|6|7|8|9}", 40)+"[a|b]")
	for _, d := range []string{"0", "1", "1234567890123456789012345678901234567890", "9999999999999999999999999999999999999999", "18446744073709551616"} {
		i, _ := new(big.Int).SetString(d, 10)
		got, err := s.Variant(new(big.Int).Add(new(big.Int).Mul(i, big.NewInt(2)), big.NewInt(1)))
		if err != nil {
			t.Fatal(err)
		}
		want := "x" + strings.Repeat("0", 40-len(d)) + d + "b a"
		if got != want {
			t.Errorf("Variant(%s*2+1) = %q, want %q", d, got, want)
		}
	}
}

func TestVariantHugeMatchesDigits(t *testing.T) {
	// 1,500 decimal digits: about 80 machine-word chunks, which takes the
	// divide-and-conquer path of the digit split.
	const n = 1500
	s := mustParse(t, strings.Repeat("{0|1|2|3|4|5|6|7|8|9}", n))
	r := rand.New(rand.NewPCG(5, 5))
	for range 20 {
		var b strings.Builder
		for range n {
			b.WriteByte(byte('0' + r.IntN(10)))
		}
		i, _ := new(big.Int).SetString(b.String(), 10)
		got, err := s.Variant(i)
		if err != nil || got != b.String() {
			t.Fatalf("Variant(%.20s…) = %.20q…, %v", b.String(), got, err)
		}
	}
}

func TestLengthRange(t *testing.T) {
	tests := []struct {
		name, src string
		min, max  int
		reason    string
	}{
		{"plain cyrillic", "Привет", 6, 6, "runes, not bytes"},
		{"choice", "{a|bbb|}", 0, 3, ""},
		{"nested", "x{a|{bb|cccc}}", 2, 5, ""},
		{"perm", "[+, +a|bb]", 5, 5, "separator counted between options"},
		{"perm choice", "[a|{b|ccc}]", 3, 5, ""},
		{"placeholder", "{{Имя}}!", 8, 8, "placeholder as its verbatim text"},
		{"escape", `\{x\}`, 3, 3, "escapes count once"},
		{"emoji", "{👋|🙂🙂}", 1, 2, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defer func() {
				if t.Failed() && tt.reason != "" {
					t.Logf("reason: %s", tt.reason)
				}
			}()
			s := mustParse(t, tt.src)
			mn, mx := s.LengthRange()
			if mn != tt.min || mx != tt.max {
				t.Errorf("LengthRange = %d, %d; want %d, %d", mn, mx, tt.min, tt.max)
			}
		})
	}
	// Against enumeration on the corpus.
	for _, src := range corpusSources() {
		s := mustParse(t, src)
		if s.Count().Int64() > 4096 {
			continue
		}
		lo, hi := int(^uint(0)>>1), 0
		for v := range s.All() {
			n := len([]rune(v))
			lo, hi = min(lo, n), max(hi, n)
		}
		if mn, mx := s.LengthRange(); mn != lo || mx != hi {
			t.Errorf("%.30q: LengthRange = %d, %d; enumeration gives %d, %d", src, mn, mx, lo, hi)
		}
	}
}

func TestStringRoundTrip(t *testing.T) {
	srcs := append([]string{
		`\{a\|b\} [акция] a|b ] {x|[+, +p|q]} [++a|b] [+a|b] [ +a|b]`,
		`{{ .Name | upper }} {=Doc:N} \\ \n {|}{}`,
		`[+a+b|c]`, `[\+a|b]`, `[+ ++x+y|z]`,
	}, corpusSources()...)
	for _, src := range srcs {
		s := mustParse(t, src)
		canon := s.String()
		s2, err := randomizer.Parse(canon)
		if err != nil {
			t.Fatalf("Parse(String()) of %q = %q: %v", src, canon, err)
		}
		if s2.String() != canon {
			t.Errorf("String is not a fixed point: %q then %q", canon, s2.String())
		}
		if s.Count().Cmp(s2.Count()) != 0 {
			t.Fatalf("%q: counts differ after round trip", src)
		}
		n := min(s.Count().Int64(), 300)
		for i := range n {
			a, _ := s.Variant(big.NewInt(i))
			b, _ := s2.Variant(big.NewInt(i))
			if a != b {
				t.Fatalf("%q → %q: variant %d differs: %q vs %q", src, canon, i, a, b)
			}
		}
	}
}

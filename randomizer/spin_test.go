package randomizer_test

import (
	"math/big"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/spinwise/spinwise/internal/corpus"
	"github.com/spinwise/spinwise/randomizer"
)

// recorder is an Emitter that keeps what it is given.
type recorder struct {
	phs    []randomizer.Placeholder
	b      strings.Builder
	pieces []string // "T:text" or "P:index"
	keep   bool
}

func (r *recorder) Text(s string) {
	if s == "" {
		panic("empty Text emitted")
	}
	r.b.WriteString(s)
	if r.keep {
		r.pieces = append(r.pieces, "T:"+s)
	}
}

func (r *recorder) Placeholder(i int) {
	r.b.WriteString(r.phs[i].Text)
	if r.keep {
		r.pieces = append(r.pieces, "P:"+itoa(i))
	}
}

func mustParse(t testing.TB, src string) *randomizer.Spintax {
	t.Helper()
	s, err := randomizer.Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

var emitterSources = []string{
	"{x|y} {q {x|y}|r}",
	"[+, +a|{b|c}|{{Имя}}] and [d|e]",
	"{{Имя}}, {добрый день|здравствуйте}! {=Document:NAME} \\{ok\\}",
	"{|[a|b]}{}",
}

func TestSpinToMatchesSpin(t *testing.T) {
	srcs := append(slices.Clone(emitterSources), corpusSources()...)
	for _, src := range srcs {
		s := mustParse(t, src)
		variants := map[string]bool{}
		if s.Count().IsInt64() && s.Count().Int64() <= 5000 {
			for v := range s.All() {
				variants[v] = true
			}
		}
		for seed := range uint64(50) {
			want := spinBoth(t, s, src, seed)
			if len(variants) > 0 && !variants[want] {
				t.Fatalf("%q: Spin gave %q, which is not a variant", src, want)
			}
		}
	}
}

func TestVariantToMatchesVariant(t *testing.T) {
	for _, src := range append(slices.Clone(emitterSources), corpusSources()...) {
		s := mustParse(t, src)
		n := s.Count().Int64()
		for i := int64(0); i < n; i += 1 + n/200 {
			want, err := s.Variant(big.NewInt(i))
			if err != nil {
				t.Fatal(err)
			}
			rec := &recorder{phs: s.Placeholders()}
			if err := s.VariantTo(big.NewInt(i), rec); err != nil {
				t.Fatal(err)
			}
			if got := rec.b.String(); got != want {
				t.Fatalf("%q: VariantTo(%d) = %q, Variant = %q", src, i, got, want)
			}
		}
	}
}

func TestEmitterPieces(t *testing.T) {
	s := mustParse(t, `{{Имя}}, [+; +a\|b|{=X:Y}]!`)
	rec := &recorder{phs: s.Placeholders(), keep: true}
	if err := s.VariantTo(big.NewInt(1), rec); err != nil {
		t.Fatal(err)
	}
	want := []string{"P:0", "T:, ", "P:1", "T:; ", "T:a|b", "T:!"}
	if diff := cmp.Diff(want, rec.pieces); diff != "" {
		t.Errorf("pieces (-want +got):\n%s", diff)
	}
}

func TestVariantRange(t *testing.T) {
	s := mustParse(t, "{a|b}")
	for _, i := range []*big.Int{nil, big.NewInt(-1), big.NewInt(2), new(big.Int).Lsh(big.NewInt(1), 70)} {
		if _, err := s.Variant(i); err == nil {
			t.Errorf("Variant(%v) gave no error", i)
		}
		if err := s.VariantTo(i, &recorder{}); err == nil {
			t.Errorf("VariantTo(%v) gave no error", i)
		}
	}
}

func TestPlaceholders(t *testing.T) {
	src := "{{Имя}}, {a|{{ .X | upper }}} {=Document:NAME > x}[b|{{y}}]"
	s := mustParse(t, src)
	want := []randomizer.Placeholder{
		{Text: "{{Имя}}", Offset: 0},
		{Text: "{{ .X | upper }}", Offset: 15}, // "{{Имя}}" is 10 bytes
		{Text: "{=Document:NAME > x}", Offset: 33},
		{Text: "{{y}}", Offset: 56},
	}
	got := s.Placeholders()
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Placeholders (-want +got):\n%s", diff)
	}
	for _, p := range got {
		if src[p.Offset:p.Offset+len(p.Text)] != p.Text {
			t.Errorf("placeholder %q is not at offset %d", p.Text, p.Offset)
		}
	}
}

func TestGroups(t *testing.T) {
	src := "a{b|{c|d}e|}[+, +x|[y|z]] [акция] {}"
	s := mustParse(t, src)
	want := []randomizer.Group{
		{Offset: 1, End: 12, Options: [][2]int{{2, 3}, {4, 10}, {11, 11}}},
		{Offset: 4, End: 9, Options: [][2]int{{5, 6}, {7, 8}}},
		{Offset: 12, End: 25, Permutation: true, Options: [][2]int{{17, 18}, {19, 24}}},
		{Offset: 19, End: 24, Permutation: true, Options: [][2]int{{20, 21}, {22, 23}}},
		{Offset: 39, End: 41, Options: [][2]int{{40, 40}}}, // [акция] is not a group; Cyrillic is 2 bytes a letter
	}
	if diff := cmp.Diff(want, s.Groups()); diff != "" {
		t.Errorf("Groups (-want +got):\n%s", diff)
	}
	texts := []string{}
	for _, g := range s.Groups() {
		for _, o := range g.Options {
			texts = append(texts, src[o[0]:o[1]])
		}
	}
	if diff := cmp.Diff([]string{"b", "{c|d}e", "", "c", "d", "x", "[y|z]", "y", "z", ""}, texts); diff != "" {
		t.Errorf("option texts (-want +got):\n%s", diff)
	}
}

type countingEmitter struct{ n int }

func (c *countingEmitter) Text(s string)     { c.n += len(s) }
func (c *countingEmitter) Placeholder(i int) { c.n++ }

func corpusSources() []string {
	var out []string
	for _, name := range corpus.TemplateNames() {
		out = append(out, corpus.Template(name))
	}
	return out
}

func TestSpinUniformPerGroup(t *testing.T) {
	s := mustParse(t, "{a|b|c}[x|y]")
	r := rand.New(rand.NewPCG(3, 4))
	counts := map[string]int{}
	const n = 60000
	for range n {
		counts[s.Spin(r)]++
	}
	if len(counts) != 6 {
		t.Fatalf("got %d distinct variants, want 6: %v", len(counts), counts)
	}
	for v, c := range counts {
		if c < n/6*9/10 || c > n/6*11/10 {
			t.Errorf("%q came %d times of %d, want about %d", v, c, n, n/6)
		}
	}
}

func TestConcurrentUse(t *testing.T) {
	// A parsed template is shared by a campaign's workers; run with -race.
	s := mustParse(t, "[+, +a|{b|c}|{{Имя}}] {x|y|z} "+corpus.Template("reactivation"))
	done := make(chan []string)
	for w := range 4 {
		go func() {
			r := rand.New(rand.NewPCG(uint64(w), 9))
			var out []string
			for i := range 200 {
				out = append(out, s.Spin(r))
				v, _ := s.Variant(big.NewInt(int64(i)))
				out = append(out, v)
				rec := &recorder{phs: s.Placeholders()}
				s.SpinTo(r, rec)
				out = append(out, rec.b.String())
			}
			done <- out
		}()
	}
	for range 4 {
		out := <-done
		for i := 1; i < len(out); i += 3 {
			want, _ := s.Variant(big.NewInt(int64(i / 3)))
			if out[i] != want {
				t.Fatalf("concurrent Variant(%d) = %q, want %q", i/3, out[i], want)
			}
		}
	}
}

// TestSpinPieceLengths: Spin and AppendSpin run the compiled spin program,
// which copies every piece as two 16-byte blocks, then more blocks up to
// 256 bytes, then by copy, into a buffer that has room for the piece and 32
// bytes more (and grows when it has not). Pieces of every length around
// those thresholds, pieces that end the text arena, permutation separators,
// options nested in permutations and the other way round, and buffers that
// must grow must give exactly what SpinTo emits.
func TestSpinPieceLengths(t *testing.T) {
	piece := func(l int, c rune) string {
		var b strings.Builder
		for b.Len() < l {
			b.WriteRune(c)
		}
		return b.String()[:l]
	}
	var srcs []string
	for l := 0; l <= 300; l++ {
		if l > 80 && l%7 != 0 && l != 255 && l != 256 && l != 257 {
			continue
		}
		a, b := piece(l, 'a'), piece(l+1, 'b')
		srcs = append(srcs,
			"x{"+a+"|"+b+"}y",
			"{"+b+"|"+a+"}",                     // the last piece ends the arena
			piece(l, 'z')+"[+, +"+a+"|q|"+b+"]", // separators between permuted options
			"{{Имя}}{"+a+"|{"+b+"|"+a+"!}}"+strings.Repeat("я", l%17),
			"[+"+a+"+{"+b+"|c}|[d|"+a+"|e]|f]{x|[y|z]}", // nested permutations and groups
		)
	}
	long := piece(5000, 'L')
	srcs = append(srcs,
		"{"+long+"|s}",                                                // longest 5000 bytes, shortest 1: the buffer grows
		"{"+long+"|"+long[:4000]+"} end",                              // sized for the longest
		strings.Repeat("{ab|c}", 3000),                                // past 4096 bytes, lengths within 4x
		strings.Repeat("[+"+long[:300]+"+a|b|{c|"+long[:70]+"}]", 40), // long separators, growing
	)
	for _, src := range srcs {
		s := mustParse(t, src)
		for seed := range uint64(8) {
			spinBoth(t, s, src, seed)
		}
	}
}

// spinBoth spins s with Spin, AppendSpin (into no buffer, after a prefix in
// a buffer too small, and into a roomy buffer) and SpinTo from the same
// seed, fails the test if they differ in the text or in what they took from
// the generator, and returns the variant.
func spinBoth(t *testing.T, s *randomizer.Spintax, src string, seed uint64) string {
	t.Helper()
	r := rand.New(rand.NewPCG(seed, 1))
	want := s.Spin(r)
	next := r.Uint64()
	rec := &recorder{phs: s.Placeholders()}
	r = rand.New(rand.NewPCG(seed, 1))
	s.SpinTo(r, rec)
	if got := rec.b.String(); got != want {
		t.Fatalf("%.60q seed %d: SpinTo gives %.80q, Spin %.80q", src, seed, got, want)
	}
	if r.Uint64() != next {
		t.Fatalf("%.60q seed %d: SpinTo and Spin take different numbers from the generator", src, seed)
	}
	for _, prefix := range [][]byte{nil, append(make([]byte, 0, 9), "prefix: "...), make([]byte, 3, 1<<16)} {
		r = rand.New(rand.NewPCG(seed, 1))
		got := s.AppendSpin(prefix, r)
		if string(got[:len(prefix)]) != string(prefix) || string(got[len(prefix):]) != want {
			t.Fatalf("%.60q seed %d: AppendSpin to %q gives %.80q, want the prefix and %.80q", src, seed, prefix, got, want)
		}
		if r.Uint64() != next {
			t.Fatalf("%.60q seed %d: AppendSpin and Spin take different numbers from the generator", src, seed)
		}
	}
	return want
}

// TestSpinDeepNesting: the spin program runs nested groups by jumps and
// nested permutations on an explicit stack of frames, never by recursion;
// a thousand levels of either, and of both interleaved, must spin as
// SpinTo does.
func TestSpinDeepNesting(t *testing.T) {
	for _, src := range []string{
		strings.Repeat("{a|", 1000) + strings.Repeat("}", 1000),
		strings.Repeat("[a|", 999) + "b" + strings.Repeat("]", 999),
		strings.Repeat("[x|{y|", 499) + strings.Repeat("}]", 499),
	} {
		s := mustParse(t, src)
		for seed := range uint64(20) {
			spinBoth(t, s, src, seed)
		}
	}
}

package uniqueness_test

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/agnivade/levenshtein"
	"github.com/spinwise/spinwise/uniqueness"
)

// TestPatternCutoffPaths: Pattern's cutoff methods on patterns longer than
// one word take the one-pass banded path (decoding the text as the kernel
// advances, common affixes found on bytes) for cutoffs up to 31 and the id
// path above; both must agree with agnivade. The rows vary what that path
// must get right: which runes the text has (ASCII, two-byte, three-byte,
// emoji, runes not in the pattern), invalid UTF-8 (in the text: the rune
// count read from the bytes is then wrong and the path must give way; in
// the pattern: no byte affixes), long common prefixes and suffixes, and
// lengths around the end of the kernel's fixed first frame.
func TestPatternCutoffPaths(t *testing.T) {
	rows := []struct {
		name, alph, extra string
		minLen, maxLen    int
		why               string
	}{
		{"cyrillic", "абвгдеёжзийклмнопрстуфхцчшщъыьэюя .,!", "", 65, 400, "two-byte runes through the pages"},
		{"ascii", "abcdefghijklmnopqrstuvwxyz .,!", "", 65, 300, "the direct ASCII table"},
		{"punctuation", "абвгде —«»№₽…", "", 65, 260, "three-byte runes through the hash"},
		{"emoji", "абв😀🙂 ", "", 65, 200, "four-byte runes"},
		{"not in pattern", "абвгде ", "xyzЖЗ—😎", 65, 260, "text runes with no id (row 0)"},
		{"just over a word", "абвг", "", 65, 70, "the fixed frame covers almost all"},
		{"short", "абвгдеёжзийклмнопрстуфхцчшщъыьэюя .,!", "", 1, 64, "the one-word path"},
		{"short, punctuation and emoji", "абв —«»😀", "xЖ", 1, 64, "the one-word path through the hash"},
		{"short, invalid text", "абвгде ", "\x80\xd0\xff", 1, 64, "the one-word path must give way"},
		{"invalid text", "абвгде ", "\x80\xd0\xff", 65, 260, "the byte count of runes is wrong; band must give way"},
	}
	rng := rand.New(rand.NewPCG(31, 32))
	for _, row := range rows {
		alph := []rune(row.alph)
		extra := []rune(row.extra)
		for it := 0; it < 300; it++ {
			a := randRunes(rng, alph, row.minLen+rng.IntN(row.maxLen-row.minLen+1))
			b := edit(rng, a, alph, rng.IntN(40))
			invalid := strings.HasSuffix(row.name, "invalid text")
			if len(extra) > 0 && !invalid {
				for e := 1 + rng.IntN(3); e > 0; e-- {
					i := rng.IntN(len(b) + 1)
					b = append(b[:i], append([]rune{extra[rng.IntN(len(extra))]}, b[i:]...)...)
				}
			}
			as, bs := string(a), string(b)
			if invalid {
				// runes of extra are bytes here, not runes
				bs = string(b[:len(b)/2]) + string([]byte{row.extra[rng.IntN(len(row.extra))]}) + string(b[len(b)/2:])
			}
			want := levenshtein.ComputeDistance(as, bs)
			p := uniqueness.NewPattern(as)
			for k := 0; k <= 35; k += 1 + rng.IntN(3) {
				d, ok := p.DistanceAtMost(bs, k)
				if ok != (want <= k) || ok && d != want || !ok && d != k+1 {
					t.Fatalf("%s (%s): DistanceAtMost(k=%d) = %d, %v; distance %d\na=%q\nb=%q", row.name, row.why, k, d, ok, want, as, bs)
				}
			}
			l := max(utf8.RuneCountInString(as), utf8.RuneCountInString(bs))
			sim := 1 - float64(want)/float64(l)
			for _, min := range []float64{0.9, 0.95, sim} {
				s, ok := p.SimilarityAtLeast(bs, min)
				if ok != (sim >= min) || ok && s != sim {
					t.Fatalf("%s (%s): SimilarityAtLeast(%v) = %v, %v; similarity %v\na=%q\nb=%q", row.name, row.why, min, s, ok, sim, as, bs)
				}
			}
		}
	}
}

// TestPatternInvalidUTF8: texts whose invalid bytes make the count of
// non-continuation bytes differ from the rune count, at the start, in the
// middle, at the end and in a common suffix, and a pattern that is not
// valid UTF-8.
func TestPatternInvalidUTF8(t *testing.T) {
	base := runesOf("съешь же ещё этих мягких булок ", 120)
	tests := []struct{ name, a, b string }{
		{"stray continuation bytes appended", base, base + "\x80\x80"},
		{"stray continuation bytes in the middle", base, base[:100] + "\x80\x80\x80" + base[100:]},
		{"truncated lead byte at the end", base, base + "\xd0"},
		{"overlong three-byte form", base, "\xe0\x80\x80" + base},
		{"pattern not valid", base + "\xff", base},
		{"both not valid, equal", base + "\xff\x80", base + "\xff\x80"},
	}
	for _, tc := range tests {
		want := levenshtein.ComputeDistance(tc.a, tc.b)
		p := uniqueness.NewPattern(tc.a)
		for k := 0; k <= 31; k++ {
			d, ok := p.DistanceAtMost(tc.b, k)
			if ok != (want <= k) || ok && d != want || !ok && d != k+1 {
				t.Fatalf("%s: DistanceAtMost(k=%d) = %d, %v; distance %d", tc.name, k, d, ok, want)
			}
		}
	}
}

// TestPatternReset: one Pattern reset to pattern after pattern (long and
// short, Cyrillic, ASCII, with three- and four-byte runes, not valid
// UTF-8, empty) answers as a new Pattern does, whatever it held before:
// nothing of an earlier pattern's runes, pages or hash may leak.
func TestPatternReset(t *testing.T) {
	rng := rand.New(rand.NewPCG(51, 52))
	alphabets := []string{"абвгдеёжзийклмнопрстуфхцчшщъыьэюя .,", "abcdefgh ", "аб—№😀🙂 x", "ЖЗ\u0301 \xff"}
	reused := uniqueness.NewPattern("")
	for it := 0; it < 600; it++ {
		alph := []rune(alphabets[rng.IntN(len(alphabets))])
		a := string(randRunes(rng, alph, rng.IntN(300)))
		b := string(edit(rng, []rune(a), []rune(alphabets[rng.IntN(len(alphabets))]), rng.IntN(30)))
		reused.Reset(a)
		fresh := uniqueness.NewPattern(a)
		want := levenshtein.ComputeDistance(a, b)
		if got := reused.Distance(b); got != want {
			t.Fatalf("iteration %d: after Reset, Distance = %d, want %d\na=%q\nb=%q", it, got, want, a, b)
		}
		if reused.Len() != fresh.Len() {
			t.Fatalf("iteration %d: after Reset, Len = %d, NewPattern's %d", it, reused.Len(), fresh.Len())
		}
		for _, k := range []int{0, want - 1, want, 20, 31} {
			d1, ok1 := reused.DistanceAtMost(b, k)
			d2, ok2 := fresh.DistanceAtMost(b, k)
			if d1 != d2 || ok1 != ok2 {
				t.Fatalf("iteration %d: after Reset, DistanceAtMost(%d) = %d, %v; NewPattern's %d, %v", it, k, d1, ok1, d2, ok2)
			}
		}
	}
}

// TestPatternLongCommonSuffix: a long pattern whose differences with the
// text all lie in its first runes: after the common suffix at most one
// word of it remains, which the one-word loop takes from a table of
// several words per rune.
func TestPatternLongCommonSuffix(t *testing.T) {
	rng := rand.New(rand.NewPCG(61, 62))
	alph := []rune("абвгдеёжзий —😀")
	for it := 0; it < 500; it++ {
		a := randRunes(rng, alph, 100+rng.IntN(300))
		cut := 1 + rng.IntN(60)
		b := append(edit(rng, a[:cut], alph, 1+rng.IntN(20)), a[cut:]...)
		as, bs := string(a), string(b)
		want := levenshtein.ComputeDistance(as, bs)
		p := uniqueness.NewPattern(as)
		for k := 0; k <= 40; k += 1 + rng.IntN(4) {
			d, ok := p.DistanceAtMost(bs, k)
			if ok != (want <= k) || ok && d != want || !ok && d != k+1 {
				t.Fatalf("DistanceAtMost(k=%d) = %d, %v; distance %d\na=%q\nb=%q", k, d, ok, want, as, bs)
			}
		}
	}
}

package uniqueness

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"

	"github.com/spinwise/spinwise/uniqueness/internal/gen"
)

// TestDistBandMatchesDP: the banded kernel against the dynamic program on
// random near pairs, every cutoff up to bandMax, with a common prefix
// handed to it (pre), a stripped suffix (mEff < m), text ids that are not
// in the pattern, and lengths around the ends of its fixed frame.
func TestDistBandMatchesDP(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	var mt matcher
	for it := 0; it < 4000; it++ {
		d := 1 + rng.IntN(30)
		m := wordBits + 1 + rng.IntN(260)
		if it%4 == 0 {
			m = wordBits + 1 + rng.IntN(8) // just over one word
		}
		pat := make([]int32, m)
		for i := range pat {
			pat[i] = int32(1 + rng.IntN(d))
		}
		text := append([]int32(nil), pat...)
		for e := rng.IntN(45); e > 0; e-- {
			c := int32(rng.IntN(d + 2)) // d+1: not in the pattern, as id 0
			if c == int32(d+1) {
				c = 0
			}
			switch i := rng.IntN(len(text) + 1); rng.IntN(3) {
			case 0:
				if i < len(text) {
					text[i] = c
				}
			case 1:
				if i < len(text) {
					text = append(text[:i], text[i+1:]...)
				}
			default:
				text = append(text[:i], append([]int32{c}, text[i:]...)...)
			}
		}
		if rng.IntN(8) == 0 { // insertions first: the text is longer at the start
			text = append([]int32{0, 0, 0}, text...)
		}
		mt.build(pat, d)
		suf := 0
		if rng.IntN(3) == 0 {
			suf = rng.IntN(5)
		}
		mEff := m - suf
		if mEff <= wordBits {
			continue
		}
		n := len(text) - min(suf, len(text))
		tx := text[:n]
		want := gen.Distance(pat[:mEff], tx) // the textbook dynamic program: ids are runes
		pre := 0
		for pre < min(mEff, n) && pat[pre] == tx[pre] {
			pre++
		}
		if rng.IntN(2) == 0 {
			pre = rng.IntN(pre + 1) // any shorter prefix is one too
		}
		for k := 0; k <= bandMax; k++ {
			if abs(mEff-n) > k {
				continue
			}
			got := mt.distBand(tx, mEff, pre, k)
			if w := min(want, k+1); got != w {
				t.Fatalf("iteration %d: m=%d mEff=%d n=%d pre=%d k=%d: distBand %d, want %d (distance %d)", it, m, mEff, n, pre, k, got, w, want)
			}
		}
	}
}

// TestValidUTF8: validUTF8 agrees with utf8.ValidString on random strings
// of ASCII, two-, three- and four-byte runes and stray bytes (continuation
// bytes, C0, C1, lead bytes cut short, bytes from F5), at every offset of
// the eight-byte words.
func TestValidUTF8(t *testing.T) {
	rng := rand.New(rand.NewPCG(41, 42))
	pieces := []string{"a", " ", "д", "Ж", "ё", "«", "—", "№", "😀", "\x80", "\xbf", "\xc0\x80", "\xc1\xbf", "\xc0", "\xc1", "\xd0", "\xe2\x80", "\xf5", "\xff", "\xed\xa0\x80", "\xe0\x80\x80", "\xf4\x90\x80\x80"}
	for it := 0; it < 20000; it++ {
		var sb []byte
		for n := rng.IntN(40); n > 0; n-- {
			p := pieces[rng.IntN(len(pieces))]
			if rng.IntN(4) != 0 {
				p = pieces[rng.IntN(4)] // mostly valid text
			}
			sb = append(sb, p...)
		}
		s := string(sb)
		if got, want := validUTF8(s), utf8.ValidString(s); got != want {
			t.Fatalf("validUTF8(%q) = %v, utf8.ValidString %v", s, got, want)
		}
	}
}

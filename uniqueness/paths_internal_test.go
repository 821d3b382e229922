package uniqueness

import (
	"math/rand/v2"
	"testing"
)

// TestDirectAndIDPathsAgree: Distance takes the rune-indexed table for
// short strings of runes below U+2200 and the id-indexed one otherwise;
// both must give the same distance on the same pairs.
func TestDirectAndIDPathsAgree(t *testing.T) {
	defer func() { noDirect = false }()
	rng := rand.New(rand.NewPCG(5, 6))
	alph := []rune("абвгдеёжзий .,—«»№₽abc\u0301\x00")
	for it := 0; it < 2000; it++ {
		a := make([]rune, rng.IntN(300))
		for i := range a {
			a[i] = alph[rng.IntN(len(alph))]
		}
		b := append([]rune(nil), a...)
		for e := rng.IntN(40); e > 0 && len(b) > 0; e-- {
			b[rng.IntN(len(b))] = alph[rng.IntN(len(alph))]
		}
		if rng.IntN(3) == 0 {
			b = b[:rng.IntN(len(b)+1)]
		}
		k := rng.IntN(60) - 1
		noDirect = false
		direct := Distance(string(a), string(b))
		dk, dok := DistanceAtMost(string(a), string(b), k)
		noDirect = true
		ids := Distance(string(a), string(b))
		ik, iok := DistanceAtMost(string(a), string(b), k)
		if direct != ids || dk != ik || dok != iok {
			t.Fatalf("%q %q k=%d: direct %d (%d %v), ids %d (%d %v)", string(a), string(b), k, direct, dk, dok, ids, ik, iok)
		}
	}
}

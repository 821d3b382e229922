package mix

import "testing"

// The first outputs of SplitMix64 from seed 0, as the reference C
// implementation (splitmix64.c by Sebastiano Vigna, public domain) prints
// them: a change of a shift or a constant changes them.
func TestSplitMix64Reference(t *testing.T) {
	want := []uint64{0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4, 0x06C45D188009454F}
	var s uint64
	for i, w := range want {
		if got := SplitMix64(&s); got != w {
			t.Fatalf("output %d = %#x, want %#x", i, got, w)
		}
	}
}

// Mix64 is a bijection: distinct inputs never collide (checked on a run of
// consecutive values, where a weak mixer would).
func TestMix64Distinct(t *testing.T) {
	seen := make(map[uint64]uint64, 1<<16)
	for x := uint64(0); x < 1<<16; x++ {
		y := Mix64(x)
		if p, ok := seen[y]; ok {
			t.Fatalf("Mix64(%d) = Mix64(%d) = %#x", x, p, y)
		}
		seen[y] = x
	}
}

// Package mix holds the SplitMix64 generator and its finaliser, which
// several spinwise packages use to turn seeds and keys into well-spread
// 64-bit values (never for anything that needs to be unpredictable).
package mix

// Mix64 is the finaliser of SplitMix64 (Steele, Lea and Flood, 2014): a
// bijection on 64 bits in which every input bit changes about half of the
// output bits.
func Mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xBF58476D1CE4E5B9
	x ^= x >> 27
	x *= 0x94D049BB133111EB
	x ^= x >> 31
	return x
}

// SplitMix64 advances the SplitMix64 state by the golden gamma and returns
// the next value of the sequence.
func SplitMix64(state *uint64) uint64 {
	*state += 0x9E3779B97F4A7C15
	return Mix64(*state)
}

package uniqueness

import (
	"math"

	"github.com/spinwise/spinwise/internal/mix"
)

// MinHash with one-permutation hashing (Li, Owen, Zhang 2012): one hash per
// shingle picks a bin and a value, each bin keeps its minimum, and empty bins
// borrow the value of a pseudo-randomly chosen filled bin (the "optimal
// densification" of Shrivastava 2017), so K minima cost one pass instead of
// K. Bins are grouped into bands of rows; two texts become a candidate pair
// when all rows of some band agree (LSH banding).

// shingleRunes is the length of a shingle in runes.
const shingleRunes = 3

// lshParams returns the number of bands and rows per band for a threshold.
// A pair becomes a candidate with probability 1-(1-J^rows)^bands, J the
// Jaccard similarity of the pair's 3-gram sets. With 24 bands of 5 rows at
// the default threshold, a near duplicate with a few edits (up to 5% of
// its runes, J >= 0.75) is a candidate with probability 0.998, a pair just
// at the threshold (J about 0.5) with 0.54, and unrelated messages of one
// template (J about 0.25) with 0.02 a pair. Those false candidates cost
// little: a probe keeps at most maxProbe texts of a band bucket and each
// text keeps maxCand candidates, of which only those agreeing in the most
// bands are verified. Few bins also keep signing cheap: 120 bins for a
// 150-rune message leave few empty bins to densify. The exact path
// (Options.ExactUpTo) has no such loss.
func lshParams(thr float64) (bands, rows int) {
	switch {
	case thr >= 0.85:
		return 40, 7
	case thr >= 0.75:
		return 24, 4
	case thr >= 0.6:
		return 24, 3
	default:
		return 24, 2
	}
}

// signer computes band keys of one text.
type signer struct {
	k, bands, rows int
	seed           uint64
	bins           []uint64
	filled         []bool
}

func newSigner(bands, rows int, seed uint64) *signer {
	k := bands * rows
	return &signer{k: k, bands: bands, rows: rows, seed: mix.SplitMix64(&seed),
		bins: make([]uint64, k), filled: make([]bool, k)}
}

// keys writes the band keys of the text with rune ids t to out[:bands].
func (s *signer) keys(t []int32, out []uint64) {
	k := s.k
	clear(s.filled)
	add := func(h uint64) {
		h = mix.Mix64(h ^ s.seed)
		bin := int((h >> 32) * uint64(k) >> 32)
		v := h & 0xffffffff
		if !s.filled[bin] || v < s.bins[bin] {
			s.bins[bin] = v
			s.filled[bin] = true
		}
	}
	if len(t) < shingleRunes {
		h := uint64(len(t))
		for _, c := range t {
			h = h*0x100000001b3 + uint64(c)
		}
		add(h)
	} else {
		for i := 0; i+shingleRunes <= len(t); i++ {
			h := (uint64(t[i])*0x100000001b3+uint64(t[i+1]))*0x100000001b3 + uint64(t[i+2])
			add(h)
		}
	}
	// Densify: an empty bin takes the value of the first filled bin on its
	// own pseudo-random probe sequence, the same for every text.
	for bin := 0; bin < k; bin++ {
		if s.filled[bin] {
			continue
		}
		v := uint64(math.MaxUint64)
		for a := uint64(1); a < 1<<16; a++ {
			from := int((mix.Mix64(uint64(bin)<<20^a^s.seed) >> 32) * uint64(k) >> 32)
			if s.filled[from] {
				v = s.bins[from] | a<<32 // the attempt number keeps borrowed values apart
				break
			}
		}
		s.bins[bin] = v
	}
	for band := 0; band < s.bands; band++ {
		h := uint64(band) + s.seed
		for _, v := range s.bins[band*s.rows : (band+1)*s.rows] {
			h = mix.Mix64(h ^ v)
		}
		out[band] = h
	}
}

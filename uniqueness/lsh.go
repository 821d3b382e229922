package uniqueness

import (
	"math"
	"slices"
	"sync"

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

// A band bucket of more than maxBucket texts means many near copies: all
// its pairs would be quadratic in time and memory, so only texts within
// bucketWindow places of each other (in batch order) become candidates.
// Every text of the bucket is still linked to its neighbours, so clusters
// and the score see them; some of their pairs may be missing from Pairs.
const (
	maxBucket    = 128
	bucketWindow = 16
)

// lshParams returns the number of bands and rows per band for a threshold.
// A pair becomes a candidate with probability 1-(1-J^rows)^bands, J the
// Jaccard similarity of the pair's 3-gram sets. Messages of one template
// share much of their text (J about 0.25 between unrelated messages of the
// synthetic benchmark template), so the rows are many, to keep those out;
// a near duplicate with a few edits (up to 5% of its runes, J >= 0.75)
// is then found with probability >= 0.99 at the default threshold, while a
// pair just at the threshold (J about 0.5) is found less often: measured
// recall 0.93 for pairs with up to 10% edited runes. The exact path
// (Options.ExactUpTo) has no such loss.
func lshParams(thr float64) (bands, rows int) {
	switch {
	case thr >= 0.85:
		return 60, 10
	case thr >= 0.75:
		return 60, 8
	case thr >= 0.6:
		return 60, 6
	default:
		return 60, 4
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

// lshPairs finds candidate pairs by banding and verifies each exactly.
func (b *batch) lshPairs(seed uint64) ([]dpair, int64) {
	d := len(b.first)
	bands, rows := lshParams(b.thr)
	keys := make([]uint64, d*bands)
	var wg sync.WaitGroup
	nw := max(1, min(b.nwork, d))
	for wi := 0; wi < nw; wi++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := newSigner(bands, rows, seed)
			for g := wi; g < d; g += nw {
				s.keys(b.text(int32(g)), keys[g*bands:(g+1)*bands])
			}
		}()
	}
	wg.Wait()

	// Candidates: within each band, texts with equal keys.
	type entry struct {
		key uint64
		g   int32
	}
	ents := make([]entry, d)
	var cand []uint64
	compactAt := 8 * d
	for band := 0; band < bands; band++ {
		for g := range ents {
			ents[g] = entry{keys[g*bands+band], int32(g)}
		}
		slices.SortFunc(ents, func(x, y entry) int {
			if x.key < y.key {
				return -1
			}
			if x.key > y.key {
				return 1
			}
			return int(x.g - y.g)
		})
		for lo := 0; lo < d; {
			hi := lo + 1
			for hi < d && ents[hi].key == ents[lo].key {
				hi++
			}
			for x := lo; x < hi; x++ {
				end := hi
				if hi-lo > maxBucket {
					end = min(hi, x+1+bucketWindow)
				}
				for y := x + 1; y < end; y++ {
					cand = append(cand, uint64(ents[x].g)<<32|uint64(ents[y].g))
				}
			}
			lo = hi
		}
		if len(cand) > compactAt {
			slices.Sort(cand)
			cand = slices.Compact(cand)
			compactAt = max(compactAt, 2*len(cand))
		}
	}
	slices.Sort(cand)
	cand = slices.Compact(cand)

	// Verify, one row per text with candidates.
	var starts []int
	for i := range cand {
		if i == 0 || cand[i]>>32 != cand[i-1]>>32 {
			starts = append(starts, i)
		}
	}
	starts = append(starts, len(cand))
	return b.parallel(len(starts)-1, func(w *worker, t int) {
		lo, hi := starts[t], starts[t+1]
		g := int32(cand[lo] >> 32)
		hs := w.hs[:0]
		for _, c := range cand[lo:hi] {
			hs = append(hs, int32(c&0xffffffff))
		}
		w.hs = hs
		w.row(g, hs)
	})
}

package randomizer

import (
	"encoding/binary"
	"fmt"
	"iter"
	"math/big"

	"github.com/spinwise/spinwise/internal/mix"
)

// Sample yields every variant exactly once, with its index for Variant, in
// a pseudo-random order fixed by seed: the first N items are N different
// variants (different choice paths) for any N <= Count(). The order is a
// keyed permutation of [0, Count()) — a balanced Feistel network over the
// smallest even number of bits that holds Count()-1, walked until it lands
// inside the range ("cycle walking") — so Sample uses O(1) memory however
// many variants there are, and SampleAt gives the item at any position
// without yielding the ones before it. The order depends only on seed and
// Count(), the same on every platform and Go version; it is shuffled, not
// cryptographically secret.
func (s *Spintax) Sample(seed uint64) iter.Seq2[*big.Int, string] {
	return func(yield func(*big.Int, string) bool) {
		f := newFeistel(s.count, seed)
		if !s.cnt.isBig() {
			n := s.cnt.u
			for k := uint64(0); ; k++ {
				i := f.at64(k, n)
				if !yield(new(big.Int).SetUint64(i), s.variant64(i)) || k == n-1 {
					return
				}
			}
		}
		one := big.NewInt(1)
		for k := new(big.Int); k.Cmp(s.count) < 0; k.Add(k, one) {
			i := f.atBig(k)
			v, _ := s.Variant(i)
			if !yield(i, v) {
				return
			}
		}
	}
}

// SampleAt returns the index that Sample(seed) yields at position k
// (0-based), in O(1) memory and about constant time: a campaign that sent
// k messages resumes with SampleAt(seed, k), k+1, ... An index outside
// [0, Count()) gives an error wrapping ErrIndexRange.
func (s *Spintax) SampleAt(seed uint64, k *big.Int) (*big.Int, error) {
	if k == nil || k.Sign() < 0 || k.Cmp(s.count) >= 0 {
		return nil, fmt.Errorf("%w: sample position %v", ErrIndexRange, k)
	}
	f := newFeistel(s.count, seed)
	if !s.cnt.isBig() {
		return new(big.Int).SetUint64(f.at64(k.Uint64(), s.cnt.u)), nil
	}
	return f.atBig(k), nil
}

const feistelRounds = 8

// feistel is a keyed permutation of [0, 2^(2*half)), used by cycle walking
// as a permutation of [0, n).
type feistel struct {
	n     *big.Int
	half  uint // bits in each half
	small bool // 2*half <= 64: all arithmetic in a uint64
	keys  [feistelRounds]uint64
	// scratch for the big path
	hbytes      int
	in, out     []byte
	l, r, t, mk big.Int
}

func newFeistel(n *big.Int, seed uint64) *feistel {
	w := uint(new(big.Int).Sub(n, big.NewInt(1)).BitLen())
	if w < 2 {
		w = 2
	}
	w += w & 1
	f := &feistel{n: n, half: w / 2, small: w <= 64}
	x := seed
	for i := range f.keys {
		f.keys[i] = mix.SplitMix64(&x)
	}
	if !f.small {
		f.hbytes = int(f.half+7) / 8
		f.in = make([]byte, (f.hbytes+7)/8*8)
		f.out = make([]byte, f.hbytes)
		f.mk.Lsh(big.NewInt(1), f.half)
		f.mk.Sub(&f.mk, big.NewInt(1))
	}
	return f
}

func (f *feistel) enc64(x uint64) uint64 {
	mask := uint64(1)<<f.half - 1
	l, r := x>>f.half, x&mask
	for _, k := range f.keys {
		l, r = r, l^(mix.Mix64(r^k)&mask)
	}
	return l<<f.half | r
}

// at64 returns the permuted position of k in [0, n), n <= 2^64-1.
func (f *feistel) at64(k, n uint64) uint64 {
	x := k
	for {
		x = f.enc64(x)
		if x < n {
			return x
		}
	}
}

// round computes l ^= F_k(r) on big halves.
func (f *feistel) round(k uint64) {
	// Hash r's bytes (big-endian, fixed width) into one 64-bit digest...
	in := f.in
	clear(in)
	f.r.FillBytes(in[len(in)-f.hbytes:])
	h := k
	for i := 0; i < len(in); i += 8 {
		h = mix.Mix64(h ^ binary.BigEndian.Uint64(in[i:]))
	}
	// ...and expand it into hbytes pseudo-random bytes.
	out := f.out
	var w [8]byte
	for i := 0; i < len(out); i += 8 {
		binary.BigEndian.PutUint64(w[:], mix.Mix64(h+uint64(i/8+1)*0x9E3779B97F4A7C15))
		copy(out[i:], w[:])
	}
	if extra := uint(len(out))*8 - f.half; extra > 0 {
		out[0] &= byte(0xFF >> extra)
	}
	f.t.SetBytes(out)
	f.l.Xor(&f.l, &f.t)
	f.l, f.r = f.r, f.l
}

func (f *feistel) encBig(x *big.Int) {
	f.l.Rsh(x, f.half)
	f.r.And(x, &f.mk)
	for _, k := range f.keys {
		f.round(k)
	}
	x.Lsh(&f.l, f.half)
	x.Or(x, &f.r)
}

// atBig returns the permuted position of k in [0, f.n) as a new *big.Int.
func (f *feistel) atBig(k *big.Int) *big.Int {
	x := new(big.Int).Set(k)
	if f.small {
		// n-1 fits in 64 bits (n may be exactly 2^64).
		for {
			x.SetUint64(f.enc64(x.Uint64()))
			if x.Cmp(f.n) < 0 {
				return x
			}
		}
	}
	for {
		f.encBig(x)
		if x.Cmp(f.n) < 0 {
			return x
		}
	}
}

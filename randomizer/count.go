package randomizer

import (
	"math"
	"math/big"
	"math/bits"
)

// Limits on exact counting. A count is kept exactly as a *big.Int; these
// caps stop a hostile template from making Parse spend unbounded time and
// memory on arithmetic. Real templates are many orders of magnitude below.
const (
	// maxCountBits caps the size of any one count: about 10^2,525,222
	// variants.
	maxCountBits = 1 << 23
	// maxStoredBits caps the total size of the counts cached for all
	// groups and options together (16 MiB).
	maxStoredBits = 1 << 27
)

// count is a non-negative integer: u when b is nil, else b (then b does
// not fit in a uint64). Counts of variants are always >= 1.
type count struct {
	u uint64
	b *big.Int
}

func (c count) isBig() bool { return c.b != nil }

// bigInt returns c as a *big.Int that the caller must not modify.
func (c count) bigInt() *big.Int {
	if c.b != nil {
		return c.b
	}
	return new(big.Int).SetUint64(c.u)
}

func (c count) bitLen() int {
	if c.b != nil {
		return c.b.BitLen()
	}
	return bits.Len64(c.u)
}

// normalize returns b as a count, small when it fits in a uint64.
func normalize(b *big.Int) count {
	if b.IsUint64() {
		return count{u: b.Uint64()}
	}
	return count{b: b}
}

// mulAcc multiplies counts together. Factors are gathered in a uint64 for
// as long as the product fits, so a long sequence of small groups costs one
// big multiplication per ~64 bits of product rather than one per group.
type mulAcc struct {
	u   uint64   // pending small factor
	b   *big.Int // product so far of the flushed factors; nil means 1
	tmp big.Int
	ok  bool // false once the product exceeded maxCountBits
}

func newMulAcc() mulAcc { return mulAcc{u: 1, ok: true} }

func (m *mulAcc) bitLen() int {
	n := bits.Len64(m.u)
	if m.b != nil {
		n += m.b.BitLen()
	}
	return n
}

func (m *mulAcc) mul(c count) {
	if !m.ok {
		return
	}
	if c.b != nil {
		if m.bitLen()+c.b.BitLen() > maxCountBits+1 {
			m.ok = false
			return
		}
		if m.b == nil {
			m.b = new(big.Int).Set(c.b)
		} else {
			m.b.Mul(m.b, c.b)
		}
		return
	}
	hi, lo := bits.Mul64(m.u, c.u)
	if hi == 0 {
		m.u = lo
		return
	}
	if m.bitLen()+bits.Len64(c.u) > maxCountBits+1 {
		m.ok = false
		return
	}
	if m.b == nil {
		m.b = new(big.Int).SetUint64(m.u)
	} else {
		m.b.Mul(m.b, m.tmp.SetUint64(m.u))
	}
	m.u = c.u
}

// result returns the product, and false if it exceeds maxCountBits.
func (m *mulAcc) result() (count, bool) {
	if !m.ok {
		return count{}, false
	}
	if m.b == nil {
		return count{u: m.u}, true
	}
	if m.u != 1 {
		m.b.Mul(m.b, m.tmp.SetUint64(m.u))
	}
	if m.b.BitLen() > maxCountBits {
		return count{}, false
	}
	return normalize(m.b), true
}

// addCount returns a+b.
func addCount(a, b count) count {
	if a.b == nil && b.b == nil {
		s, carry := bits.Add64(a.u, b.u, 0)
		if carry == 0 {
			return count{u: s}
		}
	}
	return count{b: new(big.Int).Add(a.bigInt(), b.bigInt())}
}

// factorials of 0..20, all that fit in a uint64.
var factorials = func() [21]uint64 {
	var f [21]uint64
	f[0] = 1
	for i := 1; i < len(f); i++ {
		f[i] = f[i-1] * uint64(i)
	}
	return f
}()

// factorial returns n!, and false if it would exceed maxCountBits.
func factorial(n int) (count, bool) {
	if n < len(factorials) {
		return count{u: factorials[n]}, true
	}
	lg, _ := math.Lgamma(float64(n) + 1)
	if lg/math.Ln2 > maxCountBits {
		return count{}, false
	}
	return count{b: new(big.Int).MulRange(1, int64(n))}, true
}

// satAdd returns a+b, saturating at math.MaxInt (both are >= 0).
func satAdd(a, b int) int {
	if a > math.MaxInt-b {
		return math.MaxInt
	}
	return a + b
}

// satMul returns a*b, saturating at math.MaxInt (both are >= 0).
func satMul(a, b int) int {
	if a == 0 || b == 0 {
		return 0
	}
	if a > math.MaxInt/b {
		return math.MaxInt
	}
	return a * b
}

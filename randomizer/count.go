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
	// maxCountBits caps the size of any one count: about 10^315,652
	// variants.
	maxCountBits = 1 << 20
	// maxStoredBits caps the total size of the counts cached for all
	// groups and options together (4 MiB).
	maxStoredBits = 1 << 25
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
// as long as the product fits, and the resulting word-sized and big factors
// are multiplied as a balanced tree at the end, so that a long sequence of
// small groups costs O(M(n) log n) rather than one big multiplication per
// group.
type mulAcc struct {
	u       uint64     // pending small factor
	factors []*big.Int // flushed factors
	bits    int        // upper bound of the bit length of the product so far
	ok      bool       // false once the product exceeded maxCountBits
}

func newMulAcc() mulAcc { return mulAcc{u: 1, ok: true} }

func (m *mulAcc) mul(c count) {
	if !m.ok {
		return
	}
	if c.b != nil {
		m.bits += c.b.BitLen()
		if m.bits > maxCountBits+64 {
			m.ok = false
			return
		}
		m.factors = append(m.factors, c.b)
		return
	}
	hi, lo := bits.Mul64(m.u, c.u)
	if hi == 0 {
		m.u = lo
		return
	}
	m.bits += bits.Len64(m.u)
	if m.bits > maxCountBits+64 {
		m.ok = false
		return
	}
	m.factors = append(m.factors, new(big.Int).SetUint64(m.u))
	m.u = c.u
}

// result returns the product, and false if it exceeds maxCountBits.
func (m *mulAcc) result() (count, bool) {
	if !m.ok {
		return count{}, false
	}
	if len(m.factors) == 0 {
		return count{u: m.u}, true
	}
	if m.u != 1 {
		m.factors = append(m.factors, new(big.Int).SetUint64(m.u))
	}
	p := productTree(m.factors)
	if p.BitLen() > maxCountBits {
		return count{}, false
	}
	return normalize(p), true
}

// productTree returns the product of fs as a new *big.Int, multiplying
// numbers of similar size together.
func productTree(fs []*big.Int) *big.Int {
	switch len(fs) {
	case 0:
		return big.NewInt(1)
	case 1:
		return new(big.Int).Set(fs[0])
	}
	mid := len(fs) / 2
	l := productTree(fs[:mid])
	return l.Mul(l, productTree(fs[mid:]))
}

// productOf returns the product of cs as a new *big.Int.
func productOf(cs []count) *big.Int {
	m := newMulAcc()
	m.bits = math.MinInt / 2 // no cap: the counts were bounded when parsed
	for _, c := range cs {
		m.mul(c)
	}
	if len(m.factors) == 0 {
		return new(big.Int).SetUint64(m.u)
	}
	if m.u != 1 {
		m.factors = append(m.factors, new(big.Int).SetUint64(m.u))
	}
	return productTree(m.factors)
}

// splitDigits writes to out the digits of i in the mixed radix cs, the last
// digit least significant: i = (...(out[0]*cs[1] + out[1])*cs[2] + ...).
// i must be below the product of cs; i is not modified. It divides by the
// product of the right half and recurses on both halves, so that the cost
// is that of a few big multiplications rather than one big division per
// digit.
func splitDigits(i *big.Int, cs []count, out []count) {
	switch len(cs) {
	case 0:
		return
	case 1:
		out[0] = normalize(new(big.Int).Set(i))
		return
	}
	nbits := 0
	for _, c := range cs {
		nbits += c.bitLen()
		if nbits > 64 {
			break
		}
	}
	if nbits <= 64 {
		// The product fits in a uint64, and so does i.
		x := i.Uint64()
		for j := len(cs) - 1; j >= 0; j-- {
			out[j] = count{u: x % cs[j].u}
			x /= cs[j].u
		}
		return
	}
	if len(cs) <= 64 {
		// Few digits: one division each is cheaper than building products.
		q, r, d := new(big.Int).Set(i), new(big.Int), new(big.Int)
		for j := len(cs) - 1; j > 0; j-- {
			if cs[j].isBig() {
				q.QuoRem(q, cs[j].b, r)
				out[j] = normalize(new(big.Int).Set(r))
			} else {
				q.QuoRem(q, d.SetUint64(cs[j].u), r)
				out[j] = count{u: r.Uint64()}
			}
		}
		out[0] = normalize(q)
		return
	}
	mid := len(cs) / 2
	q, r := new(big.Int).QuoRem(i, productOf(cs[mid:]), new(big.Int))
	splitDigits(q, cs[:mid], out[:mid])
	splitDigits(r, cs[mid:], out[mid:])
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

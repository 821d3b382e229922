package randomizer

import (
	"fmt"
	"math/big"
	"math/bits"
	"math/rand/v2"
	"sync"
)

// state is the scratch space of one Spin, SpinTo, Variant or VariantTo call,
// pooled so that calls do not allocate.
type state struct {
	s       *Spintax
	buf     []byte      // output of Variant, and of Spin for long variants
	scratch []int32     // permutations under construction, innermost last
	frames  []permFrame // permutations that run is running, innermost last
	fold    trEmitter   // folds a TextRandomizer variant on its way out
}

// emitter returns e, or e behind st's folding emitter when s is in
// TextRandomizer's syntax.
func (st *state) emitter(e Emitter) Emitter {
	if !st.s.tr {
		return e
	}
	st.fold = trEmitter{e: e}
	return &st.fold
}

var statePool = sync.Pool{New: func() any { return new(state) }}

func getState(s *Spintax) *state {
	st := statePool.Get().(*state)
	st.s = s
	st.buf = st.buf[:0]
	return st
}

func putState(st *state) {
	st.s = nil
	if cap(st.buf) > 1<<20 {
		st.buf = nil // do not let one huge template pin memory
	}
	if cap(st.scratch) > 1<<16 {
		st.scratch = nil
	}
	st.scratch = st.scratch[:0]
	st.frames = st.frames[:0]
	st.fold = trEmitter{}
	statePool.Put(st)
}

// Text and Placeholder make a state the Emitter that renders to buf.
func (st *state) Text(t string)     { st.buf = append(st.buf, t...) }
func (st *state) Placeholder(i int) { st.buf = append(st.buf, st.s.phs[i].Text...) }

// Spin returns one random variant: each group picks each of its options
// with exactly equal probability, and each permutation takes each order of
// its options with equal probability (a Fisher-Yates shuffle). Each call to
// r.Uint64 serves two choices (Lemire's unbiased method on 32-bit halves),
// so the result depends only on r's state. Placeholders are kept verbatim.
// This is uniform per group, not over the variants: in {a|{b|c}}, "a" comes
// out half of the time; use Sample for distinct variants. Spin allocates
// nothing but the returned string; AppendSpin allocates nothing at all when
// its buffer has room.
func (s *Spintax) Spin(r *rand.Rand) string {
	if s.tr {
		return string(s.appendSpinTR(nil, r))
	}
	// The variant is rendered into scratch space (on the stack when it is
	// short) and copied out into a string of exactly its length: the
	// string holds no slack, however much longer the longest variant is.
	if s.maxBytes <= len(stackBuf{})-copyPad {
		var scratch stackBuf
		return string(s.appendSpin(scratch[:0], r))
	}
	st := getState(s)
	p := picker{r: r}
	st.buf = s.run(&p, st, padded(st.buf[:0]))
	out := string(st.buf)
	putState(st)
	return out
}

// stackBuf is Spin's scratch space for templates whose variants fit in it.
type stackBuf [2048]byte

// AppendSpin appends one random variant, as Spin chooses it, to dst and
// returns the extended buffer: for the same state of r, the bytes it
// appends are the string Spin returns. It allocates nothing when dst has
// room for the variant and 32 bytes more (LengthRange's maximum in runes,
// times 4, bounds the variant in bytes); otherwise it grows dst as append
// does. A sender that renders message after message into one buffer spins
// without allocating.
func (s *Spintax) AppendSpin(dst []byte, r *rand.Rand) []byte {
	if s.tr {
		return s.appendSpinTR(dst, r)
	}
	return s.appendSpin(dst, r)
}

func (s *Spintax) appendSpin(dst []byte, r *rand.Rand) []byte {
	dst = padded(dst)
	p := picker{r: r}
	if !s.hasPerm {
		return s.run(&p, nil, dst)
	}
	st := getState(s)
	dst = s.run(&p, st, dst)
	putState(st)
	return dst
}

// appendSpinTR is appendSpin for TextRandomizer's syntax: the tree walk of
// SpinTo, folded.
//
//go:noinline
func (s *Spintax) appendSpinTR(dst []byte, r *rand.Rand) []byte {
	st := getState(s)
	buf := st.buf
	st.buf = dst
	p := picker{r: r}
	s.spinSeq(&p, st.emitter(st), st, s.top0, s.top1)
	dst, st.buf = st.buf, buf
	putState(st)
	return dst
}

// padded returns dst, grown if it has fewer than copyPad bytes of room past
// its length, which run needs.
func padded(dst []byte) []byte {
	if cap(dst)-len(dst) < copyPad {
		dst = grow(dst, len(dst), 0)
	}
	return dst
}

// picker draws the choices of one spin: exactly uniform integers below n
// by Lemire's multiply-and-reject method on 32-bit halves of r.Uint64(), so
// that one call to the generator serves two groups.
type picker struct {
	r     *rand.Rand
	spare uint64
	n     int // 32-bit halves left in spare
}

// intN returns a uniform integer below n.
func (p *picker) intN(n uint32) uint32 {
	for {
		if p.n == 0 {
			p.spare, p.n = p.r.Uint64(), 2
		}
		x := uint32(p.spare)
		p.spare >>= 32
		p.n--
		m := uint64(x) * uint64(n)
		if lo := uint32(m); lo < n && lo < -n%n {
			continue // the rare low values that would bias: draw again
		}
		return uint32(m >> 32)
	}
}

// reject finishes a draw below n whose product m = x*n (x the half just
// taken) has a low half below n: it may fall in the biased range, and then
// the draw is made again. It returns the accepted product.
func (p *picker) reject(n uint32, m uint64) uint64 {
	if uint32(m) >= -n%n {
		return m
	}
	return uint64(p.intN(n)) << 32
}

// shuffle pushes a random order of g's options on st.scratch and returns
// where it starts and its length.
func (s *Spintax) shuffle(r *picker, st *state, g *group) (base, n int) {
	n = int(g.nopt)
	base = len(st.scratch)
	for j := range n {
		st.scratch = append(st.scratch, int32(j))
	}
	p := st.scratch[base : base+n]
	for j := n - 1; j > 0; j-- {
		x := r.intN(uint32(j + 1))
		p[j], p[x] = p[x], p[j]
	}
	return base, n
}

// SpinTo emits one random variant, as Spin chooses it, to e: for the same
// state of r, the concatenation of what SpinTo emits (a placeholder as its
// verbatim text) equals what Spin returns. SpinTo allocates nothing itself.
func (s *Spintax) SpinTo(r *rand.Rand, e Emitter) {
	st := getState(s)
	p := picker{r: r}
	s.spinSeq(&p, st.emitter(e), st, s.top0, s.top1)
	putState(st)
}

func (s *Spintax) spinSeq(r *picker, e Emitter, st *state, n0, n1 int32) {
	for k := n0; k < n1; k++ {
		nd := &s.nodes[k]
		switch nd.kind {
		case nText:
			e.Text(s.text[nd.a:nd.b])
		case nPlaceholder:
			e.Placeholder(int(nd.ph))
		case nGroup:
			g := &s.groups[nd.a]
			if !g.perm {
				o := g.opt0
				if g.nopt > 1 {
					o += int32(r.intN(uint32(g.nopt)))
				}
				if opt := &s.opts[o]; opt.single {
					if opt.t1 > opt.t0 {
						e.Text(s.text[opt.t0:opt.t1])
					}
				} else {
					s.spinSeq(r, e, st, opt.n0, opt.n1)
				}
				continue
			}
			base, n := s.shuffle(r, st, g)
			sep := s.text[g.sep0:g.sep1]
			for j := range n {
				if j > 0 && sep != "" {
					e.Text(sep)
				}
				opt := &s.opts[g.opt0+st.scratch[base+j]]
				s.spinSeq(r, e, st, opt.n0, opt.n1)
			}
			st.scratch = st.scratch[:base]
		}
	}
}

// Variant returns the i-th variant, 0 <= i < Count(), in All's order. An
// index out of range gives an error wrapping ErrIndexRange.
func (s *Spintax) Variant(i *big.Int) (string, error) {
	st := getState(s)
	err := s.VariantTo(i, st)
	out := string(st.buf)
	putState(st)
	if err != nil {
		return "", err
	}
	return out, nil
}

// VariantTo emits the i-th variant, as Variant chooses it, to e. When Count()
// fits in a uint64, VariantTo allocates nothing itself; beyond that it does
// big-integer arithmetic that allocates.
func (s *Spintax) VariantTo(i *big.Int, e Emitter) error {
	if i == nil || i.Sign() < 0 || i.Cmp(s.count) >= 0 {
		return s.rangeError(i)
	}
	st := getState(s)
	e = st.emitter(e)
	if !s.cnt.isBig() {
		s.variantSeq64(e, st, s.top0, s.top1, i.Uint64())
	} else {
		s.variantSeqBig(e, st, s.top0, s.top1, new(big.Int).Set(i))
	}
	putState(st)
	return nil
}

func (s *Spintax) rangeError(i *big.Int) error {
	if s.cnt.isBig() {
		return fmt.Errorf("%w: variant %v of a template with more than 2^64 variants", ErrIndexRange, i)
	}
	return fmt.Errorf("%w: variant %v of a template with %d variants", ErrIndexRange, i, s.cnt.u)
}

// variant64 renders variant i of a template whose count fits in a uint64.
func (s *Spintax) variant64(i uint64) string {
	st := getState(s)
	s.variantSeq64(st.emitter(st), st, s.top0, s.top1, i)
	out := string(st.buf)
	putState(st)
	return out
}

// variantSeq64 emits variant i of the sequence nodes[n0:n1] of a template
// whose count fits in a uint64: each group's digit is i / weight.
func (s *Spintax) variantSeq64(e Emitter, st *state, n0, n1 int32, i uint64) {
	for k := n0; k < n1; k++ {
		nd := &s.nodes[k]
		switch nd.kind {
		case nText:
			e.Text(s.text[nd.a:nd.b])
		case nPlaceholder:
			e.Placeholder(int(nd.ph))
		case nGroup:
			d := i / nd.suf
			i %= nd.suf
			s.variantGroup64(e, st, &s.groups[nd.a], d)
		}
	}
}

func (s *Spintax) variantGroup64(e Emitter, st *state, g *group, d uint64) {
	if !g.perm {
		for o := g.opt0; o < g.opt0+g.nopt; o++ {
			opt := &s.opts[o]
			if d < opt.cnt.u {
				s.variantSeq64(e, st, opt.n0, opt.n1, d)
				return
			}
			d -= opt.cnt.u
		}
		panic("randomizer: internal error: choice index beyond the group's count")
	}
	n := int(g.nopt)
	rank, inner := d/g.prod.u, d%g.prod.u
	// Unrank the permutation (lexicographic order) from its factorial digits:
	// avail holds the options not yet placed, in order.
	base := len(st.scratch)
	for j := range n {
		st.scratch = append(st.scratch, int32(j))
	}
	avail := st.scratch[base : base+n]
	sep := s.text[g.sep0:g.sep1]
	for j := range n {
		f := factorials[n-1-j]
		x := int(rank / f)
		rank %= f
		o := avail[x]
		copy(avail[x:], avail[x+1:])
		avail = avail[:len(avail)-1]
		if j > 0 && sep != "" {
			e.Text(sep)
		}
		opt := &s.opts[g.opt0+o]
		s.variantSeq64(e, st, opt.n0, opt.n1, inner/opt.suf%opt.cnt.u)
	}
	st.scratch = st.scratch[:base]
}

// variantSeqBig emits variant i of the sequence nodes[n0:n1], a sequence
// with more than 2^64-1 variants. Runs of groups whose counts multiply to
// less than 2^64 form chunks: i is split into one digit per chunk with big
// arithmetic, and each chunk's digit into its groups' digits by machine
// arithmetic.
func (s *Spintax) variantSeqBig(e Emitter, st *state, n0, n1 int32, i *big.Int) {
	var cs []count   // chunk counts
	var ends []int32 // ends[c]: the node index where chunk c ends
	cur, open := uint64(1), false
	for k := n0; k < n1; k++ {
		nd := &s.nodes[k]
		if nd.kind != nGroup {
			continue
		}
		c := s.groups[nd.a].cnt
		if c.isBig() {
			if open {
				cs, ends = append(cs, count{u: cur}), append(ends, k)
			}
			cs, ends = append(cs, c), append(ends, k+1)
			cur, open = 1, false
			continue
		}
		hi, lo := bits.Mul64(cur, c.u)
		if hi != 0 {
			cs, ends = append(cs, count{u: cur}), append(ends, k)
			lo = c.u
		}
		cur, open = lo, true
	}
	if open {
		cs, ends = append(cs, count{u: cur}), append(ends, n1)
	}
	digits := make([]count, len(cs))
	splitDigits(i, cs, digits)
	ci := -1
	var x, w uint64 // the current small chunk's remaining digit and weight
	for k := n0; k < n1; k++ {
		nd := &s.nodes[k]
		switch nd.kind {
		case nText:
			e.Text(s.text[nd.a:nd.b])
		case nPlaceholder:
			e.Placeholder(int(nd.ph))
		case nGroup:
			for ci < 0 || k >= ends[ci] {
				ci++
				x, w = digits[ci].u, cs[ci].u
			}
			g := &s.groups[nd.a]
			if cs[ci].isBig() {
				s.variantGroupBig(e, st, g, digits[ci].bigInt())
				continue
			}
			w /= g.cnt.u
			d := x / w
			x %= w
			s.variantGroup64(e, st, g, d)
		}
	}
}

// variantOption emits variant d of option o.
func (s *Spintax) variantOption(e Emitter, st *state, o *option, d count) {
	if !o.cnt.isBig() {
		s.variantSeq64(e, st, o.n0, o.n1, d.u)
		return
	}
	s.variantSeqBig(e, st, o.n0, o.n1, d.bigInt())
}

// variantGroupBig emits variant d of g, a group with more than 2^64-1
// variants. d may be modified.
func (s *Spintax) variantGroupBig(e Emitter, st *state, g *group, d *big.Int) {
	if !g.perm {
		for o := g.opt0; o < g.opt0+g.nopt; o++ {
			opt := &s.opts[o]
			c := opt.cnt.bigInt()
			if d.Cmp(c) < 0 {
				s.variantOption(e, st, opt, normalize(d))
				return
			}
			d.Sub(d, c)
		}
		panic("randomizer: internal error: choice index beyond the group's count")
	}
	n := int(g.nopt)
	rank, inner := new(big.Int).QuoRem(d, g.prod.bigInt(), new(big.Int))
	// The options' own digits, option 0 most significant.
	cs := make([]count, n)
	for o := range cs {
		cs[o] = s.opts[g.opt0+int32(o)].cnt
	}
	idigits := make([]count, n)
	splitDigits(inner, cs, idigits)
	// The order from the factorial digits of the rank, most significant
	// first: the rank in the mixed radix n, n-1, ..., 1, split by
	// splitDigits (a few big multiplications, not one big division per
	// digit), and each digit picks among the options not yet placed.
	radices := make([]count, n)
	for j := range radices {
		radices[j] = count{u: uint64(n - j)}
	}
	fdigits := make([]count, n)
	splitDigits(rank, radices, fdigits)
	order := make([]int32, n)
	pick := newPicker(n)
	for j, d := range fdigits {
		order[j] = pick.take(int(d.u))
	}
	sep := s.text[g.sep0:g.sep1]
	for j, o := range order {
		if j > 0 && sep != "" {
			e.Text(sep)
		}
		s.variantOption(e, st, &s.opts[g.opt0+o], idigits[o])
	}
}

// kthPicker hands out the k-th of the numbers 0..n-1 not yet taken: a
// slice for a few, a Fenwick tree of the remaining counts beyond, so that
// unranking a permutation of n options takes O(n log n), not O(n²).
type kthPicker struct {
	avail []int32 // small n: the numbers not taken, in order
	tree  []int32 // large n: Fenwick tree over 1..n of 1 (not taken) or 0
	step  int     // the highest power of 2 <= n
}

func newPicker(n int) *kthPicker {
	p := &kthPicker{}
	if n <= 64 {
		p.avail = make([]int32, n)
		for j := range p.avail {
			p.avail[j] = int32(j)
		}
		return p
	}
	p.tree = make([]int32, n+1)
	for i := 1; i <= n; i++ {
		p.tree[i] = int32(i & -i) // the sum of i&-i ones ending at i
	}
	p.step = 1
	for p.step*2 <= n {
		p.step *= 2
	}
	return p
}

// take removes and returns the k-th (0-based) number not yet taken.
func (p *kthPicker) take(k int) int32 {
	if p.tree == nil {
		x := p.avail[k]
		p.avail = append(p.avail[:k], p.avail[k+1:]...)
		return x
	}
	n := len(p.tree) - 1
	pos, rem := 0, int32(k+1)
	for step := p.step; step > 0; step >>= 1 {
		if next := pos + step; next <= n && p.tree[next] < rem {
			pos = next
			rem -= p.tree[next]
		}
	}
	// pos+1 is the slot of the number pos.
	for i := pos + 1; i <= n; i += i & -i {
		p.tree[i]--
	}
	return int32(pos)
}

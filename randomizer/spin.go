package randomizer

import (
	"fmt"
	"math/big"
	"math/bits"
	"math/rand/v2"
	"sync"
	"unsafe"
)

// state is the scratch space of one Spin, SpinTo, Variant or VariantTo call,
// pooled so that calls do not allocate.
type state struct {
	s       *Spintax
	buf     []byte  // output of Spin and Variant
	scratch []int32 // permutations under construction, innermost last
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
// nothing but the returned string.
func (s *Spintax) Spin(r *rand.Rand) string {
	var st *state
	if s.hasPerm {
		st = getState(s)
	}
	// The buffer is allocated once. It is a local slice, not a
	// strings.Builder: appending through a heap-allocated Builder pays a GC
	// write barrier on every piece, which cost Spin about half its time
	// while the collector was running.
	p := picker{r: r}
	var buf []byte
	if s.maxBytes <= maxDirect || s.maxBytes <= min(maxWild, satMul(4, s.minLen)) {
		// Sized for the longest variant, which wastes little: the variant
		// is short, or it has at least minLen runes, so at least minLen
		// bytes, a quarter of the buffer. Pieces are copied in whole
		// 16-byte blocks, the last one running over into the slack
		// (spinWild).
		buf = make([]byte, s.maxBytes+wildPad)
		n := s.spinWild(&p, st, unsafe.Pointer(unsafe.SliceData(buf)), 0, s.top0, s.top1)
		buf = buf[:n]
	} else {
		size := s.maxBytes
		if quarter := satMul(4, s.minLen); s.maxBytes > maxDirect && s.maxBytes > quarter {
			size = quarter
		}
		// Longer variants whose length varies widely: a buffer of four
		// times the shortest, grown by append if the variant needs more.
		buf = s.spinBytes(&p, st, make([]byte, 0, size), s.top0, s.top1)
	}
	if st != nil {
		putState(st)
	}
	if len(buf) == 0 {
		return ""
	}
	// buf is never written again: handing its bytes out as the string
	// without a copy is what strings.Builder.String does too.
	return unsafe.String(unsafe.SliceData(buf), len(buf))
}

// maxDirect is the length in bytes of the longest variant up to which Spin
// always allocates that length up front.
const maxDirect = 4096

// maxWild is the length in bytes of the longest variant up to which Spin
// renders with spinWild, into a buffer of that length (plus wildPad).
const maxWild = 1 << 16

// wildPad is the slack after the text arena and after Spin's buffer that
// lets spinWild copy in whole 16-byte blocks.
const wildPad = 16

// spinWild writes a random variant of nodes[n0:n1] at dst+n and returns the
// new length: spinBytes without append. Each piece is copied in 16-byte
// blocks (a piece longer than 64 bytes by copy), reading up to 15 bytes
// past it in the arena (which wildPad bytes follow) and writing up to 15
// past it, which the next piece overwrites; the caller's buffer has room
// for the longest variant plus wildPad. It makes the same calls to r as
// spinSeq.
func (s *Spintax) spinWild(r *picker, st *state, dst unsafe.Pointer, n int, n0, n1 int32) int {
	text := unsafe.Pointer(unsafe.StringData(s.arena))
	for k := n0; k < n1; k++ {
		nd := &s.nodes[k]
		a, b := nd.a, nd.b
		if nd.kind == nGroup {
			g := &s.groups[nd.a]
			if g.perm {
				n = s.wildPerm(r, st, dst, n, g)
				continue
			}
			o := g.opt0
			if g.nopt > 1 {
				o += int32(r.intN(uint32(g.nopt)))
			}
			opt := &s.opts[o]
			if !opt.single {
				n = s.spinWild(r, st, dst, n, opt.n0, opt.n1)
				continue
			}
			a, b = opt.t0, opt.t1
		}
		l := int(b - a)
		if l > 64 {
			copy(unsafe.Slice((*byte)(unsafe.Add(dst, n)), l), s.text[a:b])
		} else {
			src := unsafe.Add(text, a)
			for i := 0; i < l; i += 16 {
				*(*[16]byte)(unsafe.Add(dst, n+i)) = *(*[16]byte)(unsafe.Add(src, i))
			}
		}
		n += l
	}
	return n
}

// wildPerm is spinWild for a permutation group.
func (s *Spintax) wildPerm(r *picker, st *state, dst unsafe.Pointer, n int, g *group) int {
	base, cnt := s.shuffle(r, st, g)
	sep := s.text[g.sep0:g.sep1]
	for j := range cnt {
		if j > 0 && sep != "" {
			copy(unsafe.Slice((*byte)(unsafe.Add(dst, n)), len(sep)), sep)
			n += len(sep)
		}
		opt := &s.opts[g.opt0+st.scratch[base+j]]
		n = s.spinWild(r, st, dst, n, opt.n0, opt.n1)
	}
	st.scratch = st.scratch[:base]
	return n
}

// picker draws the choices of one spin: exactly uniform integers below n
// by Lemire's multiply-and-reject method on 32-bit halves of r.Uint64(), so
// that one call to the generator serves two groups.
type picker struct {
	r     *rand.Rand
	spare uint64
	n     int // 32-bit halves left in spare
}

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

// spinBytes appends a random variant of nodes[n0:n1] to buf. It makes the
// same calls to r as spinSeq, so Spin and SpinTo agree.
func (s *Spintax) spinBytes(r *picker, st *state, buf []byte, n0, n1 int32) []byte {
	for _, nd := range s.nodes[n0:n1] {
		if nd.kind != nGroup {
			buf = append(buf, s.text[nd.a:nd.b]...)
			continue
		}
		g := &s.groups[nd.a]
		if !g.perm {
			o := g.opt0
			if g.nopt > 1 {
				o += int32(r.intN(uint32(g.nopt)))
			}
			if opt := &s.opts[o]; opt.single {
				buf = append(buf, s.text[opt.t0:opt.t1]...)
			} else {
				buf = s.spinBytes(r, st, buf, opt.n0, opt.n1)
			}
			continue
		}
		base, n := s.shuffle(r, st, g)
		sep := s.text[g.sep0:g.sep1]
		for j := range n {
			if j > 0 {
				buf = append(buf, sep...)
			}
			opt := &s.opts[g.opt0+st.scratch[base+j]]
			buf = s.spinBytes(r, st, buf, opt.n0, opt.n1)
		}
		st.scratch = st.scratch[:base]
	}
	return buf
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
	s.spinSeq(&p, e, st, s.top0, s.top1)
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
	s.variantSeq64(st, st, s.top0, s.top1, i)
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
	// first.
	order := make([]int32, n)
	avail := make([]int32, n)
	for j := range avail {
		avail[j] = int32(j)
	}
	f := new(big.Int).MulRange(1, int64(n-1))
	x := new(big.Int)
	for j := range n {
		if j > 0 {
			f.Quo(f, big.NewInt(int64(n-j)))
		}
		rank.QuoRem(rank, f, x)
		// rank now holds the digit, x the rest.
		k := int(rank.Int64())
		order[j] = avail[k]
		avail = append(avail[:k], avail[k+1:]...)
		rank, x = x, rank
	}
	sep := s.text[g.sep0:g.sep1]
	for j, o := range order {
		if j > 0 && sep != "" {
			e.Text(sep)
		}
		s.variantOption(e, st, &s.opts[g.opt0+o], idigits[o])
	}
}

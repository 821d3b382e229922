package randomizer

import "unsafe"

// The spin program is the template compiled for Spin and AppendSpin: a
// flat slice of 64-bit words that the loop in run executes from start to
// end, jumping over the options not taken. It makes the same draws, in the
// same order, as the tree walk of SpinTo (spinSeq), so that the two agree
// for the same state of the generator. Where the tree walk goes node ->
// group -> option -> nodes through structs of some 80 bytes each, the
// program keeps what a spin reads in 8 bytes a piece, in the order it is
// read; one loop serves Spin and AppendSpin and grows the output when a
// piece does not fit. (Measured against the tree walk it replaced, Spin's
// time did not change: the allocation of the result dominates it. See
// BENCHMARKS.md.)
//
// The low 3 bits of a word are its operation; the rest are its operands.
//
//	opText  off, len                 copy text[off:off+len]
//	opPick  n, then n text words     one option of a group whose options
//	                                 are all plain text: copy one of them
//	opJump  pc                       go to pc
//	opBranch n, then n pcs           go to the start of one of n options;
//	                                 each ends with a jump past the group
//	opPerm  group, then end pc,      shuffle the group's options, run them
//	        then n option pcs        in that order (each ends with opRet),
//	                                 separated, then go to the end pc
//	opRet                            end of an option of a permutation
//	opEnd                            end of the program
const (
	opText = iota
	opPick
	opJump
	opBranch
	opPerm
	opRet
	opEnd
)

// Operands of opText: the text's offset in bits 3-33, its length in bits
// 34-63. Parse limits templates to MaxInt32/2 bytes, so both fit.
const (
	offShift = 3
	lenShift = 34
	offMask  = 1<<(lenShift-offShift) - 1
)

func textWord(a, b int32) uint64 {
	return opText | uint64(a)<<offShift | uint64(b-a)<<lenShift
}

// copyPad is the slack after the text arena and after a spin's output that
// lets run copy every piece in whole 16-byte blocks, the first two of them
// unconditionally: it reads up to copyPad-1 bytes past a piece and writes
// up to copyPad-1 bytes past the output, which the next piece overwrites.
const copyPad = 32

// compile builds s.code from the parsed tree.
func (s *Spintax) compile() {
	c := compiler{s: s, code: make([]uint64, 0, len(s.nodes)+len(s.opts)+2*len(s.groups)+1)}
	c.seq(s.top0, s.top1)
	c.code = append(c.code, opEnd)
	s.code = c.code
}

type compiler struct {
	s    *Spintax
	code []uint64
}

// seq compiles nodes[n0:n1]. Text that follows text in the arena (a
// placeholder is its verbatim text there) becomes one copy.
func (c *compiler) seq(n0, n1 int32) {
	s := c.s
	last := -1 // index in c.code of this sequence's latest text word
	for k := n0; k < n1; k++ {
		nd := &s.nodes[k]
		if nd.kind != nGroup {
			if nd.b == nd.a {
				continue
			}
			if last >= 0 {
				w := c.code[last]
				if a, l := int32(w>>offShift&offMask), int32(w>>lenShift); a+l == nd.a {
					c.code[last] = textWord(a, nd.b)
					continue
				}
			}
			last = len(c.code)
			c.code = append(c.code, textWord(nd.a, nd.b))
			continue
		}
		last = -1
		c.group(nd.a)
	}
}

func (c *compiler) group(gi int32) {
	s := c.s
	g := &s.groups[gi]
	opts := s.opts[g.opt0 : g.opt0+g.nopt]
	if g.perm {
		at := len(c.code)
		c.code = append(c.code, opPerm|uint64(gi)<<offShift, 0)
		c.code = append(c.code, make([]uint64, len(opts))...)
		for j := range opts {
			c.code[at+2+j] = uint64(len(c.code))
			c.seq(opts[j].n0, opts[j].n1)
			c.code = append(c.code, opRet)
		}
		c.code[at+1] = uint64(len(c.code))
		return
	}
	if len(opts) == 1 { // no choice to draw
		c.seq(opts[0].n0, opts[0].n1)
		return
	}
	allText := true
	for j := range opts {
		allText = allText && opts[j].single
	}
	if allText {
		c.code = append(c.code, opPick|uint64(len(opts))<<offShift)
		for j := range opts {
			c.code = append(c.code, textWord(opts[j].t0, opts[j].t1))
		}
		return
	}
	at := len(c.code)
	c.code = append(c.code, opBranch|uint64(len(opts))<<offShift)
	c.code = append(c.code, make([]uint64, len(opts))...)
	var jumps []int
	for j := range opts {
		c.code[at+1+j] = uint64(len(c.code))
		c.seq(opts[j].n0, opts[j].n1)
		if j < len(opts)-1 { // the last option falls through
			jumps = append(jumps, len(c.code))
			c.code = append(c.code, opJump)
		}
	}
	for _, j := range jumps {
		c.code[j] = opJump | uint64(len(c.code))<<offShift
	}
}

// permFrame is a permutation being run: its options' order is
// st.scratch[base:base+n], and the j-th of them is running.
type permFrame struct {
	pc      int // of the opPerm word
	base, j int
	n       int
	sep     uint64 // text word of the separator
}

// run executes the spin program, appending the variant to buf, and returns
// the extended buf. It draws from p exactly as spinSeq does (the draws of
// picker.intN, written out here so that the generator's spare bits stay in
// registers). Pieces are written through a raw pointer while the buffer has
// room for the piece and copyPad bytes more; when it has not, run grows the
// buffer as append would. st is needed only by templates that have
// permutations.
func (s *Spintax) run(p *picker, st *state, buf []byte) []byte {
	code := s.code
	text := unsafe.Pointer(unsafe.StringData(s.arena))
	dst := unsafe.Pointer(unsafe.SliceData(buf))
	n, c := len(buf), cap(buf)
	r, spare, left := p.r, p.spare, p.n
	pc := 0
	for {
		w := code[pc]
		pc++
		if op := w & 7; op == opPick || op == opBranch {
			nopt := uint32(w >> offShift)
			if left == 0 {
				spare, left = r.Uint64(), 2
			}
			m := uint64(uint32(spare)) * uint64(nopt)
			spare >>= 32
			left--
			if uint32(m) < nopt {
				p.spare, p.n = spare, left
				m = p.reject(nopt, m)
				spare, left = p.spare, p.n
			}
			k := int(m >> 32)
			if op == opBranch {
				pc = int(code[pc+k])
				continue
			}
			w = code[pc+k]
			pc += int(nopt)
		} else if op == opJump {
			pc = int(w >> offShift)
			continue
		} else if op != opText {
			if op == opEnd {
				p.spare, p.n = spare, left
				return buf[:n]
			}
			p.spare, p.n = spare, left
			var copySep bool
			pc, w, copySep = s.permStep(p, st, op, w, pc)
			spare, left = p.spare, p.n
			if !copySep {
				continue
			}
		}
		a, l := uintptr(w>>offShift&offMask), int(w>>lenShift)
		if n+l > c-copyPad {
			buf = grow(buf, n, l)
			dst, c = unsafe.Pointer(unsafe.SliceData(buf)), cap(buf)
		}
		// Every piece is copied as 32 bytes, whatever its length, so that
		// the random choice of a short or a long option costs no
		// mispredicted branch; only longer pieces go on.
		src, d := unsafe.Add(text, a), unsafe.Add(dst, n)
		*(*[16]byte)(d) = *(*[16]byte)(src)
		*(*[16]byte)(unsafe.Add(d, 16)) = *(*[16]byte)(unsafe.Add(src, 16))
		if l > 32 {
			if l <= 256 {
				for i := 32; i < l; i += 16 {
					*(*[16]byte)(unsafe.Add(d, i)) = *(*[16]byte)(unsafe.Add(src, i))
				}
			} else {
				copy(unsafe.Slice((*byte)(d), l), unsafe.Slice((*byte)(src), l))
			}
		}
		n += l
	}
}

// permStep runs opPerm or opRet, the word w read at pc-1, and returns the
// next pc and, when a separator is to be copied before the next option
// runs, its text word and true.
//
//go:noinline
func (s *Spintax) permStep(p *picker, st *state, op, w uint64, pc int) (int, uint64, bool) {
	code := s.code
	if op == opPerm {
		g := &s.groups[w>>offShift]
		base, nopt := s.shuffle(p, st, g)
		st.frames = append(st.frames, permFrame{pc: pc - 1, base: base, n: nopt, sep: textWord(g.sep0, g.sep1)})
		return int(code[pc+1+int(st.scratch[base])]), 0, false
	}
	f := &st.frames[len(st.frames)-1]
	if f.j++; f.j >= f.n {
		pc = int(code[f.pc+1])
		st.scratch = st.scratch[:f.base]
		st.frames = st.frames[:len(st.frames)-1]
		return pc, 0, false
	}
	return int(code[f.pc+2+int(st.scratch[f.base+f.j])]), f.sep, true
}

// grow returns a buffer that holds buf[:n] and has room for l more bytes
// and copyPad past them.
//
//go:noinline
func grow(buf []byte, n, l int) []byte {
	nb := make([]byte, n, max(2*cap(buf), n+l+copyPad, 256))
	copy(nb, buf[:n])
	return nb
}

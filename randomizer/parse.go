package randomizer

import (
	"fmt"
	"math"
	"strings"
	"unicode/utf8"
)

// special marks the bytes that end a run of literal text.
var special = [256]bool{'{': true, '}': true, '[': true, ']': true, '|': true, '\\': true}

// escapable marks the bytes that a backslash turns into literal text. '+'
// is one because it ends a permutation's separator ([+SEP+...]).
var escapable = [256]bool{'{': true, '}': true, '[': true, ']': true, '|': true, '\\': true, '+': true}

// frame is an open group during parsing.
type frame struct {
	perm      bool  // '[' rather than '{'
	hasBar    bool  // a top-level '|' was seen
	open      int   // source offset of the bracket
	optSrc    int   // source offset where the current option starts
	nodeStart int   // p.pending[nodeStart:] are the current option's nodes
	optStart  int   // p.pendOpts[optStart:] are the group's closed options
	sep0      int32 // separator: text[sep0:sep1]
	sep1      int32
	explicit  bool // [+SEP+...]
}

type parser struct {
	src      string
	tr       bool // TextRandomizer's syntax (syntax.go)
	s        *Spintax
	text     []byte // the literal text arena
	pending  []node // nodes of the open sequences, innermost last
	pendOpts []option
	frames   []frame
	stored   int // bits of big counts cached so far
}

// Parse parses src, a spintax template (see the package documentation for
// the syntax). Every error it returns is a *SyntaxError. Parse takes time
// and memory linear in len(src), except for the exact counting of the
// variants of templates that have astronomically many.
func Parse(src string) (*Spintax, error) {
	return parse(src, false)
}

// parse parses src in spinwise's syntax, or in TextRandomizer's when tr.
func parse(src string, tr bool) (*Spintax, error) {
	if off := firstInvalidUTF8(src); off >= 0 {
		return nil, syntaxError(src, off, fmt.Sprintf("invalid UTF-8 byte 0x%02X; save the template as UTF-8", src[off]))
	}
	if len(src) > math.MaxInt32/2 {
		return nil, syntaxError(src, 0, fmt.Sprintf("template of %d bytes is longer than the limit of %d bytes; split it", len(src), math.MaxInt32/2))
	}
	p := &parser{src: src, s: &Spintax{tr: tr}, tr: tr}
	p.text = make([]byte, 0, len(src))
	// Size the tables from a cheap count of the brackets and bars, so that
	// they are not copied over and over while they grow.
	opens, bars := strings.Count(src, "{")+strings.Count(src, "["), strings.Count(src, "|")
	opens, bars = min(opens, MaxGroups), min(bars, MaxOptions)
	p.s.groups = make([]group, 0, opens)
	p.s.opts = make([]option, 0, min(opens+bars, MaxOptions))
	p.s.nodes = make([]node, 0, 2*(opens+bars)+1)
	parseFn := p.parse
	if tr {
		parseFn = p.parseTR
	}
	if err := parseFn(); err != nil {
		return nil, err
	}
	return p.s, nil
}

func (p *parser) errorf(off int, format string, args ...any) *SyntaxError {
	return syntaxError(p.src, off, fmt.Sprintf(format, args...))
}

// lit appends literal text to the current sequence, extending the previous
// text node when both are adjacent in the arena.
func (p *parser) lit(t string) {
	if t == "" {
		return
	}
	start := 0
	if len(p.frames) > 0 {
		start = p.frames[len(p.frames)-1].nodeStart
	}
	if n := len(p.pending); n > start {
		last := &p.pending[n-1]
		if last.kind == nText && int(last.b) == len(p.text) {
			p.text = append(p.text, t...)
			last.b = int32(len(p.text))
			return
		}
	}
	a := len(p.text)
	p.text = append(p.text, t...)
	p.pending = append(p.pending, node{kind: nText, a: int32(a), b: int32(len(p.text))})
}

func (p *parser) parse() error {
	src := p.src
	for i := 0; i < len(src); {
		switch c := src[i]; c {
		case '\\':
			if i+1 < len(src) && escapable[src[i+1]] {
				p.lit(src[i+1 : i+2])
				i += 2
			} else {
				p.lit(`\`)
				i++
			}
		case '{':
			switch {
			case strings.HasPrefix(src[i:], "{{{"):
				return p.errorf(i, `ambiguous '{{{'; write a group that starts with a placeholder with another option first ('{друг|{{Имя}}}'), or escape a literal brace as '\{'`)
			case strings.HasPrefix(src[i:], "{{"):
				j := strings.Index(src[i+2:], "}}")
				if j < 0 {
					return p.errorf(i, `unclosed placeholder '{{'; close it with '}}' or escape the brace as '\{'`)
				}
				p.placeholder(i, i+2+j+2)
				i += 2 + j + 2
			case strings.HasPrefix(src[i:], "{="):
				j := strings.IndexByte(src[i+2:], '}')
				if j < 0 {
					return p.errorf(i, `unclosed placeholder '{='; close it with '}' or escape the brace as '\{'`)
				}
				p.placeholder(i, i+2+j+1)
				i += 2 + j + 1
			default:
				if len(p.frames) >= MaxDepth {
					return p.errorf(i, "groups nested deeper than %d; flatten the template or escape the brace as '\\{'", MaxDepth)
				}
				p.frames = append(p.frames, frame{open: i, optSrc: i + 1, nodeStart: len(p.pending), optStart: len(p.pendOpts)})
				i++
			}
		case '[':
			if len(p.frames) >= MaxDepth {
				return p.errorf(i, "groups nested deeper than %d; flatten the template or escape the bracket as '\\['", MaxDepth)
			}
			body := i + 1
			f := frame{perm: true, open: i}
			var sep string
			if i+1 < len(src) && src[i+1] == '+' {
				if s, end, ok := separator(src, i+2); ok {
					body, sep = end, s
					f.explicit = true
				}
			}
			// The bracket and its separator are text until a top-level '|'
			// makes the bracket a permutation; keep them as a node of the
			// enclosing sequence that the first '|' removes. The separator's
			// escapes are resolved there too.
			a := len(p.text)
			if f.explicit {
				p.text = append(append(append(p.text, "[+"...), sep...), '+')
			} else {
				p.text = append(p.text, '[')
			}
			p.pending = append(p.pending, node{kind: nText, a: int32(a), b: int32(len(p.text))})
			if f.explicit {
				f.sep0, f.sep1 = int32(a+2), int32(len(p.text)-1)
			} else {
				p.text = append(p.text, ' ')
				f.sep0, f.sep1 = int32(len(p.text)-1), int32(len(p.text))
			}
			f.optSrc, f.nodeStart, f.optStart = body, len(p.pending), len(p.pendOpts)
			p.frames = append(p.frames, f)
			i = body
		case '|':
			if len(p.frames) == 0 {
				p.lit("|")
				i++
				break
			}
			f := &p.frames[len(p.frames)-1]
			if err := p.closeOption(i); err != nil {
				return err
			}
			if f.perm && !f.hasBar {
				// The bracket is a permutation: drop its text node.
				p.pending = p.pending[:f.nodeStart-1]
				f.nodeStart--
			}
			f.hasBar = true
			f.optSrc = i + 1
			i++
		case '}':
			if len(p.frames) == 0 {
				return p.errorf(i, `stray '}' closes no group; remove it or escape it as '\}'`)
			}
			if f := &p.frames[len(p.frames)-1]; f.perm {
				return p.errorf(i, `'}' cannot close the '[' opened at %s; close that with ']' first, or escape the brace as '\}'`, at(src, f.open))
			}
			if err := p.closeGroup(i); err != nil {
				return err
			}
			i++
		case ']':
			if len(p.frames) == 0 || !p.frames[len(p.frames)-1].perm {
				p.lit("]") // a ']' that closes nothing is text, like the '[' of [акция]
				i++
				break
			}
			if f := &p.frames[len(p.frames)-1]; !f.hasBar {
				// [акция]: no top-level '|', so plain text. Its nodes stay
				// where they are, in the enclosing sequence.
				p.frames = p.frames[:len(p.frames)-1]
				p.lit("]")
				i++
				break
			}
			if err := p.closeGroup(i); err != nil {
				return err
			}
			i++
		default:
			j := i + 1
			for j < len(src) && !special[src[j]] {
				j++
			}
			p.lit(src[i:j])
			i = j
		}
	}
	if n := len(p.frames); n > 0 {
		f := p.frames[n-1]
		if f.perm {
			return p.errorf(f.open, `unclosed '['; close it with ']' or escape it as '\['`)
		}
		return p.errorf(f.open, `unclosed '{'; close it with '}' or escape it as '\{'`)
	}
	return p.finish()
}

// separator reads the separator of [+SEP+...] starting at src[i], after
// "[+": text up to the next unescaped '+', in which \+ \\ \{ \} \[ \] \|
// are the characters. It returns the separator with its escapes resolved
// and the offset after its closing '+'; ok is false when an unescaped
// { } [ ] | or the end comes first (then "[+" is not a separator).
func separator(src string, i int) (sep string, end int, ok bool) {
	var b []byte // only when an escape must be resolved
	start := i
	for i < len(src) {
		c := src[i]
		switch {
		case c == '+':
			if b == nil {
				return src[start:i], i + 1, true
			}
			return string(b), i + 1, true
		case c == '\\' && i+1 < len(src) && escapable[src[i+1]]:
			if b == nil {
				b = append([]byte(nil), src[start:i]...)
			}
			b = append(b, src[i+1])
			i += 2
			continue
		case c != '\\' && special[c]:
			return "", 0, false
		}
		if b != nil {
			b = append(b, c)
		}
		i++
	}
	return "", 0, false
}

func (p *parser) placeholder(start, end int) {
	idx := len(p.s.phs)
	p.s.phs = append(p.s.phs, Placeholder{Text: p.src[start:end], Offset: start})
	a := len(p.text)
	p.text = append(p.text, p.src[start:end]...)
	p.pending = append(p.pending, node{kind: nPlaceholder, ph: int32(idx), a: int32(a), b: int32(len(p.text))})
}

// seqStats moves p.pending[from:] to the Spintax's nodes and returns their
// range, count of variants and length range in runes.
func (p *parser) flush(from int) (n0, n1 int32, c count, minLen, maxLen, maxBytes int, ok bool) {
	s := p.s
	n0 = int32(len(s.nodes))
	acc := newMulAcc()
	for _, nd := range p.pending[from:] {
		switch nd.kind {
		case nText, nPlaceholder:
			l := utf8.RuneCount(p.text[nd.a:nd.b])
			lo := l
			if p.tr && nd.kind == nText {
				lo = nonSpaceRunes(p.text[nd.a:nd.b]) // white space may fold away
			}
			minLen, maxLen = satAdd(minLen, lo), satAdd(maxLen, l)
			maxBytes = satAdd(maxBytes, int(nd.b-nd.a))
		case nGroup:
			g := &s.groups[nd.a]
			acc.mul(g.cnt)
			minLen, maxLen = satAdd(minLen, g.minLen), satAdd(maxLen, g.maxLen)
			maxBytes = satAdd(maxBytes, g.maxBytes)
		}
	}
	s.nodes = append(s.nodes, p.pending[from:]...)
	p.pending = p.pending[:from]
	n1 = int32(len(s.nodes))
	c, ok = acc.result()
	return n0, n1, c, minLen, maxLen, maxBytes, ok
}

func (p *parser) store(c count, off int) error {
	if c.b == nil {
		return nil
	}
	p.stored += c.b.BitLen()
	if p.stored > maxStoredBits {
		return p.tooMany(off)
	}
	return nil
}

func (p *parser) tooMany(off int) error {
	return p.errorf(off, "the template has too many variants to count exactly (more than 2^%d, or its counts take more than %d MiB); split it into smaller templates", maxCountBits, maxStoredBits/8/(1<<20))
}

// closeOption ends the current option of the innermost group at source
// offset end.
func (p *parser) closeOption(end int) error {
	f := &p.frames[len(p.frames)-1]
	if len(p.s.opts)+len(p.pendOpts) >= MaxOptions {
		return p.errorf(f.optSrc, "more than %d options in the template; split it into smaller templates", MaxOptions)
	}
	n0, n1, c, minLen, maxLen, maxBytes, ok := p.flush(f.nodeStart)
	if !ok {
		return p.tooMany(f.open)
	}
	if err := p.store(c, f.open); err != nil {
		return err
	}
	o := option{n0: n0, n1: n1, src0: int32(f.optSrc), src1: int32(end), cnt: c, minLen: minLen, maxLen: maxLen, maxBytes: maxBytes}
	switch {
	case n1 == n0:
		o.single = true
	case n1 == n0+1 && p.s.nodes[n0].kind == nText:
		o.single, o.t0, o.t1 = true, p.s.nodes[n0].a, p.s.nodes[n0].b
	}
	p.pendOpts = append(p.pendOpts, o)
	return nil
}

// closeGroup ends the innermost group at the offset of its closing bracket.
func (p *parser) closeGroup(at int) error {
	if err := p.closeOption(at); err != nil {
		return err
	}
	s := p.s
	f := p.frames[len(p.frames)-1]
	if len(s.groups) >= MaxGroups {
		return p.errorf(f.open, "more than %d groups in the template; split it into smaller templates", MaxGroups)
	}
	p.frames = p.frames[:len(p.frames)-1]
	opts := p.pendOpts[f.optStart:]
	g := group{
		perm: f.perm, opt0: int32(len(s.opts)), nopt: int32(len(opts)),
		sep0: f.sep0, sep1: f.sep1, explicit: f.explicit,
		off: int32(f.open), end: int32(at + 1),
	}
	if f.perm {
		acc := newMulAcc()
		if fc, ok := factorial(len(opts)); ok {
			acc.mul(fc)
		} else {
			return p.tooMany(f.open)
		}
		prod := newMulAcc()
		sepLen := utf8.RuneCount(p.text[f.sep0:f.sep1])
		g.maxLen = satMul(sepLen, len(opts)-1)
		g.minLen = g.maxLen
		if p.tr {
			g.minLen = satMul(nonSpaceRunes(p.text[f.sep0:f.sep1]), len(opts)-1)
		}
		g.maxBytes = satMul(int(f.sep1-f.sep0), len(opts)-1)
		p.s.hasPerm = true
		for i := range opts {
			g.maxBytes = satAdd(g.maxBytes, opts[i].maxBytes)
			prod.mul(opts[i].cnt)
			g.minLen, g.maxLen = satAdd(g.minLen, opts[i].minLen), satAdd(g.maxLen, opts[i].maxLen)
		}
		pc, ok := prod.result()
		if !ok {
			return p.tooMany(f.open)
		}
		acc.mul(pc)
		if g.cnt, ok = acc.result(); !ok {
			return p.tooMany(f.open)
		}
		g.prod = pc
		if err := p.store(pc, f.open); err != nil {
			return err
		}
	} else {
		g.minLen, g.maxLen = math.MaxInt, 0
		g.cnt = count{}
		for i := range opts {
			g.cnt = addCount(g.cnt, opts[i].cnt)
			g.minLen, g.maxLen = min(g.minLen, opts[i].minLen), max(g.maxLen, opts[i].maxLen)
			g.maxBytes = max(g.maxBytes, opts[i].maxBytes)
		}
		if g.cnt.bitLen() > maxCountBits {
			return p.tooMany(f.open)
		}
	}
	if err := p.store(g.cnt, f.open); err != nil {
		return err
	}
	s.opts = append(s.opts, opts...)
	p.pendOpts = p.pendOpts[:f.optStart]
	s.groups = append(s.groups, g)
	p.pending = append(p.pending, node{kind: nGroup, a: int32(len(s.groups) - 1)})
	return nil
}

// finish closes the top-level sequence and precomputes what spinning and
// unranking need.
func (p *parser) finish() error {
	s := p.s
	n0, n1, c, minLen, maxLen, maxBytes, ok := p.flush(0)
	if !ok {
		return p.tooMany(0)
	}
	s.top0, s.top1, s.cnt, s.minLen, s.maxLen, s.maxBytes = n0, n1, c, minLen, maxLen, maxBytes
	s.count = c.bigInt()
	// The arena is followed by copyPad bytes that are not part of it, so
	// that Spin may copy any piece in whole 16-byte blocks (run).
	s.arena = string(append(p.text, make([]byte, copyPad)...))
	s.text = s.arena[:len(p.text)]
	// Set the weights of every sequence whose count fits in a uint64 (all
	// counts inside it are no greater, so they fit too): variants of such
	// sequences are decoded by machine arithmetic.
	if !c.isBig() {
		s.setWeights(s.top0, s.top1)
	}
	for i := range s.opts {
		if o := &s.opts[i]; !o.cnt.isBig() {
			s.setWeights(o.n0, o.n1)
		}
	}
	for gi := range s.groups {
		g := &s.groups[gi]
		if !g.perm || g.prod.isBig() {
			continue
		}
		w := uint64(1)
		for j := g.opt0 + g.nopt - 1; j >= g.opt0; j-- {
			s.opts[j].suf = w
			w *= s.opts[j].cnt.u
		}
	}
	s.compile()
	return nil
}

// setWeights sets the suf weights of the group nodes of nodes[n0:n1].
func (s *Spintax) setWeights(n0, n1 int32) {
	w := uint64(1)
	for k := n1 - 1; k >= n0; k-- {
		nd := &s.nodes[k]
		if nd.kind == nGroup {
			nd.suf = w
			w *= s.groups[nd.a].cnt.u
		}
	}
}

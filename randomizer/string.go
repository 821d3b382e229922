package randomizer

import "strings"

// String returns the canonical source of s: literal text with every
// '{', '}', '[', ']', '|' and '\' escaped, placeholders verbatim, and groups
// written as {a|b} and [a|b] (or [+SEP+a|b] when the separator is not one
// space, or when the first option starts with '+'; a separator's special
// characters and '+' are escaped). Parse(s.String()) has
// the same variants, in the same order, as s.
//
// In TextRandomizer's syntax the source is TextRandomizer's: '+' is escaped
// too, every '[' is a permutation, and paragraphs are joined by a bare '|';
// the spaces around groups are written out, which folding makes no
// difference to.
func (s *Spintax) String() string {
	var b strings.Builder
	b.Grow(len(s.text) + 16)
	if s.tr {
		s.writeSeqTR(&b, s.top0, s.top1)
	} else {
		s.writeSeq(&b, s.top0, s.top1)
	}
	return b.String()
}

func (s *Spintax) writeSeqTR(b *strings.Builder, n0, n1 int32) {
	for k := n0; k < n1; k++ {
		nd := &s.nodes[k]
		switch nd.kind {
		case nText:
			writeEscaped(b, s.text[nd.a:nd.b], `{}[]|\+`)
		case nPlaceholder:
			b.WriteString(s.phs[nd.ph].Text)
		case nGroup:
			g := &s.groups[nd.a]
			switch {
			case g.top:
			case g.perm && g.explicit:
				b.WriteString("[+")
				writeEscaped(b, s.text[g.sep0+1:g.sep1-1], `{}[]|\+`)
				b.WriteByte('+')
			case g.perm:
				b.WriteByte('[')
			default:
				b.WriteByte('{')
			}
			for o := g.opt0; o < g.opt0+g.nopt; o++ {
				if o > g.opt0 {
					b.WriteByte('|')
				}
				s.writeSeqTR(b, s.opts[o].n0, s.opts[o].n1)
			}
			switch {
			case g.top:
			case g.perm:
				b.WriteByte(']')
			default:
				b.WriteByte('}')
			}
		}
	}
}

func (s *Spintax) writeSeq(b *strings.Builder, n0, n1 int32) {
	for k := n0; k < n1; k++ {
		nd := &s.nodes[k]
		switch nd.kind {
		case nText:
			writeEscaped(b, s.text[nd.a:nd.b], `{}[]|\`)
		case nPlaceholder:
			b.WriteString(s.phs[nd.ph].Text)
		case nGroup:
			g := &s.groups[nd.a]
			if g.perm {
				b.WriteByte('[')
				sep := s.text[g.sep0:g.sep1]
				if sep != " " || s.startsWithPlus(g) {
					b.WriteByte('+')
					writeEscaped(b, sep, `{}[]|\+`)
					b.WriteByte('+')
				}
			} else {
				b.WriteByte('{')
			}
			for o := g.opt0; o < g.opt0+g.nopt; o++ {
				if o > g.opt0 {
					b.WriteByte('|')
				}
				s.writeSeq(b, s.opts[o].n0, s.opts[o].n1)
			}
			if g.perm {
				b.WriteByte(']')
			} else {
				b.WriteByte('}')
			}
		}
	}
}

// startsWithPlus reports whether the first option of g starts with a '+',
// which an implicit separator would let Parse read as a separator.
func (s *Spintax) startsWithPlus(g *group) bool {
	o := &s.opts[g.opt0]
	if o.n0 == o.n1 {
		return false
	}
	nd := &s.nodes[o.n0]
	return nd.kind == nText && nd.b > nd.a && s.text[nd.a] == '+'
}

// writeEscaped writes t with a backslash before every byte of set.
func writeEscaped(b *strings.Builder, t, set string) {
	for {
		i := strings.IndexAny(t, set)
		if i < 0 {
			b.WriteString(t)
			return
		}
		b.WriteString(t[:i])
		b.WriteByte('\\')
		b.WriteByte(t[i])
		t = t[i+1:]
	}
}

package randomizer

import (
	"math/big"
	"sort"
)

// MaxDepth is the deepest nesting of groups that Parse accepts: a template
// may have up to MaxDepth groups ('{' and '[' together) open at once.
const MaxDepth = 1000

// MaxGroups and MaxOptions are the most groups and options (all groups'
// together) that Parse accepts in one template, so that a hostile template
// cannot make it hold gigabytes: a parsed template takes roughly 100 bytes
// per group and 80 per option. Real message templates have hundreds.
const (
	MaxGroups  = 200_000
	MaxOptions = 1_000_000
)

// Spintax is a parsed spintax template. It is immutable: all its methods
// may be called from many goroutines at once.
type Spintax struct {
	text       string   // arena of literal text, escapes resolved
	arena      string   // text followed by copyPad zero bytes, for run
	code       []uint64 // the spin program (prog.go)
	nodes      []node
	top0, top1 int32 // the top-level sequence: nodes[top0:top1]
	groups     []group
	opts       []option
	phs        []Placeholder
	cnt        count
	count      *big.Int // cnt as a *big.Int, never modified
	minLen     int      // runes
	maxLen     int      // runes
	maxBytes   int      // bytes of the longest variant (saturating)
	hasPerm    bool
	tr         bool // TextRandomizer's syntax: every variant is folded (syntax.go)
}

type nodeKind uint8

const (
	nText        nodeKind = iota // text[a:b]
	nPlaceholder                 // phs[ph], its text at text[a:b]
	nGroup                       // groups[a]
)

// node is one item of a sequence: the top level and each option are
// sequences, i.e. ranges of nodes.
type node struct {
	kind nodeKind
	ph   int32
	a, b int32
	// suf is, when the whole template has at most 2^64-1 variants, the
	// product of the counts of the groups after this node in its sequence:
	// the weight of this group's digit in the sequence's variant index.
	suf uint64
}

// group is a {a|b} (choice) or [a|b] (permutation) group.
type group struct {
	perm       bool
	opt0, nopt int32 // opts[opt0 : opt0+nopt]
	sep0, sep1 int32 // permutation separator: text[sep0:sep1]
	explicit   bool  // the separator was written as [+SEP+...]
	top        bool  // TextRandomizer's paragraphs: the whole source, options separated by a bare '|'
	off, end   int32 // source bytes of the whole group
	cnt        count // variants of the group
	prod       count // permutation: product of the options' counts
	minLen     int   // runes
	maxLen     int   // runes
	maxBytes   int
}

// option is one option of a group: a sequence of nodes.
type option struct {
	n0, n1     int32 // nodes[n0:n1]
	src0, src1 int32 // source bytes of the option's text
	cnt        count
	suf        uint64 // permutation, small templates: product of the counts of the options after this one
	minLen     int    // runes
	maxLen     int    // runes
	maxBytes   int
	single     bool // the option is empty or one text node: text[t0:t1]
	t0, t1     int32
}

// Placeholder is a {{ ... }} or {= ... } span, kept verbatim by the randomizer.
type Placeholder struct {
	Text   string // verbatim source text, delimiters included
	Offset int    // bytes, 0-based, into the source given to Parse
}

// Group is one spintax group in the source.
type Group struct {
	Offset, End int      // bytes: src[Offset:End] is the whole group, brackets included
	Permutation bool     // [a|b] rather than {a|b}
	Options     [][2]int // bytes: src[o[0]:o[1]] is the source text of each option
}

// Emitter receives a variant piece by piece: literal text (with escapes
// resolved, and permutation separators), and placeholders by their index
// into Placeholders(). Empty text is not emitted.
type Emitter interface {
	Text(s string)
	Placeholder(i int)
}

// Count returns the exact number of variants of s: the number of distinct
// choice paths through its groups (two paths may render the same text, as
// in {a|a}). A template without groups has one variant. The result is a
// new *big.Int that the caller may modify; the count itself is computed
// once, by Parse.
func (s *Spintax) Count() *big.Int { return new(big.Int).Set(s.count) }

// Placeholders returns every placeholder in source order. Emitter.Placeholder
// receives indices into this slice. The caller may modify the result.
func (s *Spintax) Placeholders() []Placeholder {
	return append([]Placeholder(nil), s.phs...)
}

// Groups returns every group in source order (pre-order: an enclosing group
// comes before the groups nested in it). A '[' that Parse read as plain text
// (no top-level '|') is not a group. The caller may modify the result.
func (s *Spintax) Groups() []Group {
	out := make([]Group, len(s.groups))
	for i := range s.groups {
		g := &s.groups[i]
		opts := make([][2]int, g.nopt)
		for j := range opts {
			o := &s.opts[int(g.opt0)+j]
			opts[j] = [2]int{int(o.src0), int(o.src1)}
		}
		out[i] = Group{Offset: int(g.off), End: int(g.end), Permutation: g.perm, Options: opts}
	}
	// Parse records groups as they close (post-order); the groups' offsets
	// give source pre-order.
	sort.Slice(out, func(i, j int) bool { return out[i].Offset < out[j].Offset })
	return out
}

// LengthRange returns the length in runes of the shortest and of the longest
// variant. A placeholder counts as its verbatim text ({{Имя}} is 7 runes):
// the randomizer does not know what it will be replaced with. A permutation
// separator counts once between each two options. Lengths saturate at
// math.MaxInt rather than overflow.
func (s *Spintax) LengthRange() (min, max int) { return s.minLen, s.maxLen }

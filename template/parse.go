package template

import (
	"errors"
	"fmt"
	"math/big"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/spinwise/spinwise/randomizer"
)

// maxBlockDepth caps the nesting of {{if}}, {{with}} and {{range}} blocks.
const maxBlockDepth = 100

// DefaultMaxOutput is the output cap when Options.MaxOutput is 0: 64 KiB.
const DefaultMaxOutput = 64 << 10

// Options configures Parse. A nil *Options means defaults.
type Options struct {
	Fields    map[string]string // display name or Bitrix code -> data key
	Seed      uint64            // campaign seed: Render is deterministic in (Seed, key)
	MaxOutput int               // bytes; 0 (or less) means 64 KiB
	// NoTidy turns off the white-space tidy after rendering (see the
	// package doc, "Tidy"); the zero value tidies.
	NoTidy bool
	// Syntax is the spintax dialect of the source; the zero value is
	// spinwise's own (see "Syntax" in the package doc).
	Syntax Syntax
}

// Syntax is the spintax dialect a template is written in.
type Syntax uint8

const (
	// Spinwise is spinwise's template language, described in this
	// package's documentation.
	Spinwise Syntax = iota
	// TextRandomizer reads spintax as the PHP TextRandomizer does and
	// renders exactly its texts (see "Syntax" in the package doc);
	// placeholders are the same, except that a {{...}} or {=...} holding a
	// '|' or a '{' is spintax.
	TextRandomizer
)

// String returns "spinwise" or "textrandomizer", the names the CLI's
// -syntax flag takes.
func (x Syntax) String() string { return x.randomizer().String() }

func (x Syntax) randomizer() randomizer.Syntax {
	switch x {
	case Spinwise:
		return randomizer.Spinwise
	case TextRandomizer:
		return randomizer.TextRandomizer
	}
	return randomizer.Syntax(x)
}

// MarshalText returns the Syntax's name, as String does.
func (x Syntax) MarshalText() ([]byte, error) {
	if x != Spinwise && x != TextRandomizer {
		return nil, fmt.Errorf("template: unknown syntax %d", uint8(x))
	}
	return []byte(x.String()), nil
}

// UnmarshalText sets x from its name, "spinwise" or "textrandomizer" (in
// any case), so that a Syntax is a flag.TextVar or a JSON field.
func (x *Syntax) UnmarshalText(name []byte) error {
	switch strings.ToLower(strings.TrimSpace(string(name))) {
	case "spinwise":
		*x = Spinwise
	case "textrandomizer":
		*x = TextRandomizer
	default:
		return fmt.Errorf("unknown syntax %q; use spinwise or textrandomizer", name)
	}
	return nil
}

// Template is a parsed message template. It is immutable and safe for
// concurrent use by many goroutines.
type Template struct {
	src        string
	sp         *randomizer.Spintax
	nodes      []node // one per randomizer placeholder, same index
	hasControl bool
	refs       []fieldRef
	fields     []string // sorted, unique
	seed       uint64
	limit      int
	tidy       bool
	syntax     Syntax
	pool       sync.Pool // *state
}

// posTracker turns increasing byte offsets into lines and rune columns in
// time linear in the source.
type posTracker struct {
	src            string
	off, line, col int
}

func (p *posTracker) at(off int) (line, col int) {
	if off < p.off {
		p.off, p.line, p.col = 0, 1, 1
	}
	for p.off < off && p.off < len(p.src) {
		r, n := utf8.DecodeRuneInString(p.src[p.off:])
		if r == '\n' {
			p.line++
			p.col = 1
		} else {
			p.col++
		}
		p.off += n
	}
	return p.line, p.col
}

// frame is an open control block during Parse.
type frame struct {
	n          *node
	sawElse    bool
	dotChanged bool
}

// Parse parses src: spintax (package randomizer) with placeholders, each
// compiled once. Every syntax error is an *Error with the position of the
// fault; a spintax error keeps the randomizer's position and message.
func Parse(src string, opts *Options) (*Template, error) {
	if opts == nil {
		opts = &Options{}
	}
	if !utf8.ValidString(src) {
		off := 0
		for off < len(src) {
			r, n := utf8.DecodeRuneInString(src[off:])
			if r == utf8.RuneError && n == 1 {
				break
			}
			off += n
		}
		return nil, errorAt(src, off, "invalid UTF-8; save the template as UTF-8 text")
	}
	if opts.Syntax != Spinwise && opts.Syntax != TextRandomizer {
		return nil, &Error{Line: 1, Col: 1, Msg: fmt.Sprintf("unknown Options.Syntax %d; use Spinwise or TextRandomizer", opts.Syntax)}
	}
	sp, err := randomizer.ParseSyntax(src, opts.Syntax.randomizer())
	if err != nil {
		var se *randomizer.SyntaxError
		if errors.As(err, &se) {
			// {{=dateadd({{Дата}}, "1d")}}: the first "}}" ends the
			// placeholder and the rest is a stray '}'; the expression is
			// what to fix
			if i := strings.Index(src, "{{="); i >= 0 && i < se.Offset {
				return nil, errorAt(src, i, "%s", calculatedMsg)
			}
			msg := se.Msg
			if opts.Syntax == Spinwise && strings.HasPrefix(src[se.Offset:], "{{") && spintaxAfter(src[se.Offset+2:]) {
				msg += "; " + braceHint
			}
			return nil, &Error{Offset: se.Offset, Line: se.Line, Col: se.Col, Msg: msg}
		}
		return nil, &Error{Line: 1, Col: 1, Msg: err.Error()}
	}
	t := &Template{src: src, sp: sp, seed: opts.Seed, limit: opts.MaxOutput, tidy: !opts.NoTidy, syntax: opts.Syntax}
	if t.limit <= 0 {
		t.limit = DefaultMaxOutput
	}
	c := &compiler{src: src, fields: opts.Fields}
	phs := sp.Placeholders()
	t.nodes = make([]node, len(phs))
	pt := &posTracker{src: src, line: 1, col: 1}
	var stack []frame
	rootNow := func() bool {
		for _, f := range stack {
			if f.dotChanged {
				return false
			}
		}
		return true
	}
	for i, ph := range phs {
		n, err := c.compileNode(ph.Text, ph.Offset, func(k nodeKind) bool {
			if k.middle() && len(stack) > 0 {
				// else with and else if run in the dot outside the block
				saved := stack[len(stack)-1].dotChanged
				stack[len(stack)-1].dotChanged = false
				r := rootNow()
				stack[len(stack)-1].dotChanged = saved
				return r
			}
			return rootNow()
		})
		if err != nil {
			var e *Error
			if errors.As(err, &e) && opts.Syntax == Spinwise && swallowedSpintax(ph.Text) {
				e.Msg += "; " + braceHint
			}
			return nil, err
		}
		n.line, n.col = pt.at(ph.Offset)
		t.nodes[i] = n
		np := &t.nodes[i]
		switch {
		case n.kind.opens():
			t.hasControl = true
			if len(stack) >= maxBlockDepth {
				return nil, c.errAt(n.off, "blocks nested deeper than %d; simplify the template", maxBlockDepth)
			}
			stack = append(stack, frame{n: np, dotChanged: n.kind != nIf})
		case n.kind.middle():
			if len(stack) == 0 {
				return nil, c.errAt(n.off, "%s without {{if}} or {{with}}; remove it or open the block", kindNames[n.kind])
			}
			f := &stack[len(stack)-1]
			if f.sawElse {
				return nil, c.errAt(n.off, "%s after {{else}}; a block has at most one {{else}}, and it comes last", kindNames[n.kind])
			}
			if f.n.kind == nRange && n.kind != nElse {
				return nil, c.errAt(n.off, "%s inside {{range}}; {{range}} takes only a plain {{else}}", kindNames[n.kind])
			}
			if n.kind == nElseWith && f.n.kind != nWith {
				return nil, c.errAt(n.off, "{{else with}} belongs to a {{with}} block, not to %s", kindNames[f.n.kind])
			}
			if n.kind == nElseIf && f.n.kind != nIf {
				return nil, c.errAt(n.off, "{{else if}} belongs to an {{if}} block, not to %s", kindNames[f.n.kind])
			}
			f.sawElse = n.kind == nElse
			f.dotChanged = n.kind == nElseWith
		case n.kind == nEnd:
			if len(stack) == 0 {
				return nil, c.errAt(n.off, "{{end}} without an open block; remove it or open one with {{if}}")
			}
			stack = stack[:len(stack)-1]
		}
	}
	if len(stack) > 0 {
		f := stack[len(stack)-1]
		return nil, c.errAt(f.n.off, "%s is never closed; add {{end}} after the text it governs", kindNames[f.n.kind])
	}
	if t.hasControl {
		if err := t.checkOptions(c); err != nil {
			return nil, err
		}
	}
	t.refs = c.refs
	seen := map[string]bool{}
	for _, r := range c.refs {
		if !seen[r.key] {
			seen[r.key] = true
			t.fields = append(t.fields, r.key)
		}
	}
	sort.Strings(t.fields)
	return t, nil
}

// braceHint is the advice for a "{{" that opened a placeholder where a
// group that starts with a group was meant.
const braceHint = "if '{{' starts a group that starts with a group, write '{ {' ({ {Бытует|Существует} мнение|Многие думают}), or read the template in TextRandomizer's syntax (Options.Syntax TextRandomizer)"

// swallowedSpintax reports whether a {{...}} placeholder that does not
// compile looks like spintax swallowed by its "{{": it holds a brace, or a
// '|' followed by a word in another script than a function's name
// ({{Здравствуйте|Добрый день}}).
func swallowedSpintax(text string) bool {
	if !strings.HasPrefix(text, "{{") || len(text) < 4 {
		return false
	}
	inner := text[2 : len(text)-2]
	if strings.ContainsAny(inner, "{}") {
		return true
	}
	_, after, ok := strings.Cut(inner, "|")
	r, _ := utf8.DecodeRuneInString(strings.TrimSpace(after))
	return ok && r >= utf8.RuneSelf
}

// spintaxAfter reports whether the line that rest starts looks like the
// rest of a group: it holds a '|' and a '}'.
func spintaxAfter(rest string) bool {
	if i := strings.IndexByte(rest, '\n'); i >= 0 {
		rest = rest[:i]
	}
	return strings.Contains(rest, "|") && strings.Contains(rest, "}")
}

// checkOptions makes sure every spintax option holds whole control blocks:
// an option that opens a block closes it, and no option closes or
// continues a block opened outside it. Then every variant is well formed.
func (t *Template) checkOptions(c *compiler) error {
	// control placeholders in source order
	var ctl []int
	for i := range t.nodes {
		if k := t.nodes[i].kind; k.opens() || k.middle() || k == nEnd {
			ctl = append(ctl, i)
		}
	}
	for _, g := range t.sp.Groups() {
		for _, o := range g.Options {
			j := sort.Search(len(ctl), func(j int) bool { return t.nodes[ctl[j]].off >= o[0] })
			depth := 0
			var opener *node
			for ; j < len(ctl) && t.nodes[ctl[j]].off < o[1]; j++ {
				n := &t.nodes[ctl[j]]
				switch {
				case n.kind.opens():
					if depth == 0 {
						opener = n
					}
					depth++
				case n.kind.middle() && depth == 0, n.kind == nEnd && depth == 0:
					return c.errAt(o[0], "this spintax option has %s (at %d:%d) for a block opened outside it; move the whole block into the option or out of the group", kindNames[n.kind], n.line, n.col)
				case n.kind == nEnd:
					depth--
				}
			}
			if depth > 0 {
				return c.errAt(o[0], "this spintax option opens %s (at %d:%d) but does not close it; put its {{end}} inside the same option", kindNames[opener.kind], opener.line, opener.col)
			}
		}
	}
	return nil
}

// Spintax returns the template's parsed spintax: the randomizer's view of
// the source, placeholders kept verbatim, whose variants are the template's
// (same count, same order, same choices from the same generator state).
// Sampling (Spintax().SampleAt) picks distinct variants for a batch without
// parsing the source again. The *randomizer.Spintax is immutable and shared;
// it is safe for concurrent use.
func (t *Template) Spintax() *randomizer.Spintax { return t.sp }

// Count returns the number of spintax variants.
func (t *Template) Count() *big.Int { return t.sp.Count() }

// Fields returns every field of the recipient's data the template reads,
// as data keys after Options.Fields mapping, sorted and without duplicates.
// A Bitrix24 field {=Document:NAME} that is not mapped is listed as its
// bare name, NAME. Fields read relative to {{with}} or {{range}} are not
// listed: they belong to a value, not to the recipient.
func (t *Template) Fields() []string {
	return append([]string(nil), t.fields...)
}

// Source returns the source text given to Parse.
func (t *Template) Source() string { return t.src }

package randomizer

import (
	"strings"
	"unicode/utf8"
)

// Syntax is a spintax dialect.
type Syntax uint8

const (
	// Spinwise is spinwise's own syntax, the one Parse reads (see the
	// package documentation).
	Spinwise Syntax = iota
	// TextRandomizer is the syntax of the PHP TextRandomizer
	// (github.com/RotEval/TextRandomizer), the classic Russian "рандомизатор
	// текста"; see "TextRandomizer's syntax" in the package documentation.
	TextRandomizer
)

// String returns "spinwise" or "textrandomizer", the names the CLI's
// -syntax flag takes.
func (x Syntax) String() string {
	switch x {
	case Spinwise:
		return "spinwise"
	case TextRandomizer:
		return "textrandomizer"
	}
	return "Syntax(" + itoa(int(x)) + ")"
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for ; n > 0; n /= 10 {
		i--
		b[i] = byte('0' + n%10)
	}
	return string(b[i:])
}

// ParseSyntax parses src in the given syntax: ParseSyntax(src, Spinwise)
// is Parse(src). Every error it returns is a *SyntaxError; an unknown
// Syntax is one too, at offset 0.
func ParseSyntax(src string, syntax Syntax) (*Spintax, error) {
	switch syntax {
	case Spinwise:
		return parse(src, false)
	case TextRandomizer:
		return parse(src, true)
	}
	return nil, syntaxError(src, 0, "unknown syntax "+syntax.String()+"; use Spinwise or TextRandomizer")
}

// Syntax returns the syntax s was parsed in.
func (s *Spintax) Syntax() Syntax {
	if s.tr {
		return TextRandomizer
	}
	return Spinwise
}

// parseTR parses TextRandomizer's syntax into the same tree as parse, with
// these differences: every '[' opens a permutation (one option is enough),
// a '|' outside any group separates paragraphs that the top level permutes,
// a space is inserted before and after every group and around every
// separator, and variants are folded as they are emitted (trEmitter).
func (p *parser) parseTR() error {
	src := p.src
	if i := strings.IndexByte(src, 0); i >= 0 {
		return p.errorf(i, "NUL character; TextRandomizer drops it only at the edges of a text, remove it")
	}
	// The top level: paragraphs separated by '|', permuted and joined by a
	// space when there are two or more.
	a := len(p.text)
	p.text = append(p.text, ' ')
	p.frames = append(p.frames, frame{perm: true, sep0: int32(a), sep1: int32(a + 1)})
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
			if end := trPlaceholder(src, i); end > 0 {
				p.placeholder(i, end)
				i = end
				break
			}
			if len(p.frames) > MaxDepth {
				return p.errorf(i, "groups nested deeper than %d; flatten the template or escape the brace as '\\{'", MaxDepth)
			}
			p.lit(" ")
			p.frames = append(p.frames, frame{open: i, optSrc: i + 1, nodeStart: len(p.pending), optStart: len(p.pendOpts)})
			i++
		case '[':
			if len(p.frames) > MaxDepth {
				return p.errorf(i, "groups nested deeper than %d; flatten the template or escape the bracket as '\\['", MaxDepth)
			}
			f := frame{perm: true, open: i}
			body := i + 1
			a := len(p.text)
			if i+1 < len(src) && src[i+1] == '+' {
				sep, end, ok := separator(src, i+2)
				if !ok {
					return p.errorf(i, `unclosed separator '[+': TextRandomizer reads the text up to the next '+' as a separator; end it with '+', as in [+, +чай|кофе], or escape the bracket as '\[' or the plus as '\+'`)
				}
				body, f.explicit = end, true
				p.text = append(append(append(p.text, ' '), sep...), ' ')
			} else {
				p.text = append(p.text, ' ')
			}
			f.sep0, f.sep1 = int32(a), int32(len(p.text))
			p.lit(" ")
			f.optSrc, f.nodeStart, f.optStart = body, len(p.pending), len(p.pendOpts)
			p.frames = append(p.frames, f)
			i = body
		case '|':
			if err := p.closeOption(i); err != nil {
				return err
			}
			f := &p.frames[len(p.frames)-1]
			f.hasBar = true
			f.optSrc = i + 1
			i++
		case '}':
			if len(p.frames) == 1 {
				return p.errorf(i, `stray '}' closes no group; remove it or escape it as '\}'`)
			}
			if f := &p.frames[len(p.frames)-1]; f.perm {
				return p.errorf(i, `'}' cannot close the '[' opened at %s; close that with ']' first, or escape the brace as '\}'`, at(src, f.open))
			}
			if err := p.closeGroup(i); err != nil {
				return err
			}
			p.lit(" ")
			i++
		case ']':
			if len(p.frames) == 1 || !p.frames[len(p.frames)-1].perm {
				p.lit("]") // TextRandomizer prints a ']' that closes no '['
				i++
				break
			}
			if err := p.closeGroup(i); err != nil {
				return err
			}
			p.lit(" ")
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
	if n := len(p.frames); n > 1 {
		f := p.frames[n-1]
		if f.perm {
			return p.errorf(f.open, `unclosed '['; close it with ']' or escape it as '\['`)
		}
		return p.errorf(f.open, `unclosed '{'; close it with '}' or escape it as '\{'`)
	}
	if p.frames[0].hasBar {
		if err := p.closeGroup(len(src)); err != nil {
			return err
		}
		g := &p.s.groups[len(p.s.groups)-1]
		g.end, g.top = int32(len(src)), true
	} else {
		p.frames = p.frames[:0]
	}
	return p.finish()
}

// trPlaceholder returns the end of the placeholder that starts at src[i],
// or 0: under TextRandomizer's syntax {{...}} (up to the first "}}") and
// {=...} (up to the first '}') are placeholders when they hold no '|' and no
// '{'; otherwise the braces are groups ({{Бытует|Есть} мнение|...}).
func trPlaceholder(src string, i int) int {
	var j int
	var close string
	switch {
	case strings.HasPrefix(src[i:], "{{"):
		close = "}}"
	case strings.HasPrefix(src[i:], "{="):
		close = "}"
	default:
		return 0
	}
	j = strings.Index(src[i+2:], close)
	if j < 0 || strings.ContainsAny(src[i+2:i+2+j], "|{") {
		return 0
	}
	return i + 2 + j + len(close)
}

// trSpace reports whether r is white space as TextRandomizer folds it:
// what PCRE2 (10.42, PHP 8.2) matches with \s under the u flag, which in
// PHP turns on Unicode properties.
func trSpace(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x180E, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
		return true
	}
	return r >= 0x2000 && r <= 0x200A
}

// nonSpaceRunes counts the runes of b that are not trSpace: a lower bound
// of b's length once folded.
func nonSpaceRunes(b []byte) int {
	n := 0
	for _, r := range string(b) {
		if !trSpace(r) {
			n++
		}
	}
	return n
}

// trEmitter folds a TextRandomizer variant as TextRandomizer does, on the
// fly: white space at the start and the end is dropped, every other run of
// it becomes one space, and a space before , . ! or ? is dropped. A
// placeholder counts as a word. Text is passed on in pieces of the input,
// so folding allocates nothing.
type trEmitter struct {
	e       Emitter
	started bool // something was passed on
	space   bool // a space is due before the next word
}

// spaceLead marks the bytes that may start a trSpace rune: ASCII white
// space and the lead bytes of U+0085, U+00A0 (0xC2), U+1680, U+180E
// (0xE1), U+2000-U+205F (0xE2) and U+3000 (0xE3). Any other byte (a
// Cyrillic letter's 0xD0 or 0xD1 among them) is skipped without decoding.
var spaceLead = [256]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true, 0xC2: true, 0xE1: true, 0xE2: true, 0xE3: true}

func (n *trEmitter) Text(t string) {
	seg := 0 // t[seg:i] is passed on as it is
	for i := 0; i < len(t); {
		c := t[i]
		if !spaceLead[c] {
			if n.space {
				n.due(c)
			}
			i++
			continue
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(t[i:])
		}
		if !trSpace(r) {
			if n.space {
				n.due(c)
			}
			i += size
			continue
		}
		// One ' ' between two words of this piece stays where it is.
		if c == ' ' && i > seg && i+1 < len(t) && !spaceLead[t[i+1]] && !foldPunct(t[i+1]) {
			i++
			continue
		}
		if seg < i {
			n.e.Text(t[seg:i])
			n.started = true
		}
		n.space = n.started
		i += size
		seg = i
	}
	if seg < len(t) {
		n.e.Text(t[seg:])
		n.started = true
	}
}

// due passes on the space due before a word starting with byte c, unless
// c is punctuation that TextRandomizer glues to the word before.
func (n *trEmitter) due(c byte) {
	if !foldPunct(c) {
		n.e.Text(" ")
	}
	n.space = false
}

// foldPunct reports whether TextRandomizer drops a space before c.
func foldPunct(c byte) bool { return c == ',' || c == '.' || c == '!' || c == '?' }

func (n *trEmitter) Placeholder(i int) {
	if n.space {
		n.due(0)
	}
	n.e.Placeholder(i)
	n.started = true
}

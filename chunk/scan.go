package chunk

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// level is the strength of a boundary; a higher level is preferred.
type level int8

const (
	levelHanging   level = iota + 1 // after a short preposition or conjunction ("по", "и")
	levelWord                       // white space between words
	levelClause                     // after , ; : or a dash standing alone
	levelSentence                   // after a sentence end (see sentence.go)
	levelLine                       // one line break
	levelParagraph                  // two or more line breaks (a blank line)
)

// run is a maximal run of white space grapheme clusters between two
// non-white-space clusters: a place where a chunk may end (at ws0) and the
// next begin (at ws1).
type run struct {
	ws0, ws1   int // byte offsets: text[ws0:ws1] is the white space
	cum0, cum1 int // length of text[:ws0] and text[:ws1], in the unit
	level      level
	blocked    bool // inside an atomic span, or only no-break spaces
	// lineGoesOn: a line break (levelLine) inside a sentence, after a
	// clause mark or a short preposition, or before a lower-case letter.
	lineGoesOn bool
}

// walked is the result of one pass over the text.
type walked struct {
	runs       []run
	start, end int    // byte offsets of the text without leading and trailing white space
	startCum   int    // length of text[:start], in the unit
	total      int    // length of text[:end], in the unit
	pooled     *[]run // where runs came from in runsPool, for release; nil when not from it
}

// runsPool recycles the runs of walks over long texts: a few KB a long
// message, most of the bytes Split allocates for it. Each walk takes a
// slice of its own and gives it back when its caller is done with it
// (release), so concurrent Splits share nothing.
var runsPool sync.Pool // of *[]run

// maxPooledRuns bounds the slices runsPool keeps: the runs of a huge text
// are not held for the next message.
const maxPooledRuns = 4096

// release gives w's runs back to runsPool. Neither w nor a copy of it may
// be used after.
func (w *walked) release() {
	if w.pooled == nil || cap(w.runs) > maxPooledRuns {
		return
	}
	*w.pooled = w.runs[:0]
	runsPool.Put(w.pooled)
	w.runs, w.pooled = nil, nil
}

// simple reports whether r is a rune that is a grapheme cluster on its own
// when its neighbours are simple too: it is not CR, a combining or spacing
// mark, a joiner, a regional indicator, a Hangul jamo, a prepended
// concatenation mark, or an emoji modifier. Latin, Cyrillic, common
// punctuation and symbols are simple, which keeps the common path free of
// the full UAX #29 state machine.
func simple(r rune) bool {
	switch {
	case r < 0x300:
		return r != '\r'
	case r < 0x400:
		return false
	case r < 0x483:
		return true
	case r < 0x48A:
		return false
	case r < 0x530:
		return true
	case r < 0x2010:
		return false
	case r < 0x2028:
		return true
	case r < 0x2030:
		return false
	case r < 0x205F:
		return true
	case r < 0x20A0:
		return false
	case r < 0x20C1:
		return true
	case r < 0x2100:
		return false
	case r < 0x2150:
		return true
	}
	return false
}

// cluster returns the byte length of the grapheme cluster at the start of
// s (len(s) > 0), its length in runes and in UTF-16 code units. An invalid
// UTF-8 byte is one cluster of one rune and one UTF-16 unit, as
// utf8.DecodeRuneInString reads it.
func cluster(s string) (n, runes, u16 int) {
	r, size := rune(s[0]), 1
	if r >= utf8.RuneSelf {
		r, size = utf8.DecodeRuneInString(s)
	}
	if simple(r) {
		if size == len(s) {
			return size, 1, 1
		}
		r2 := rune(s[size])
		if r2 >= utf8.RuneSelf {
			r2, _ = utf8.DecodeRuneInString(s[size:])
		}
		if simple(r2) {
			return size, 1, 1
		}
	}
	c, _, _, _ := uniseg.FirstGraphemeClusterInString(s, -1)
	if len(c) == 0 { // cannot happen for len(s) > 0; guard against a hang
		return size, 1, 1
	}
	for i := 0; i < len(c); {
		r, sz := utf8.DecodeRuneInString(c[i:])
		i += sz
		runes++
		u16++
		if r >= 0x10000 {
			u16++
		}
	}
	return len(c), runes, u16
}

// units returns the length of a cluster in u.
func units(u Unit, runes, u16 int) int {
	switch u {
	case UTF16:
		return u16
	case Graphemes:
		return 1
	}
	return runes
}

// measure returns the length of s in u.
func measure(s string, u Unit) int {
	switch u {
	case Runes:
		return utf8.RuneCountInString(s)
	case UTF16:
		n := 0
		for i := 0; i < len(s); {
			if s[i] < utf8.RuneSelf {
				i++
				n++
				continue
			}
			r, sz := utf8.DecodeRuneInString(s[i:])
			i += sz
			n++
			if r >= 0x10000 {
				n++
			}
		}
		return n
	}
	n := 0
	for i := 0; i < len(s); {
		c, _, _ := cluster(s[i:])
		i += c
		n++
	}
	return n
}

// space classifies a white space cluster: whether it is white space at
// all, how many line breaks it makes, and whether a chunk may end at it
// (no-break spaces are white space but keep their neighbours together).
func space(c string) (ws bool, breaks int, breakable bool) {
	if c == "\r\n" {
		return true, 1, true
	}
	r, size := rune(c[0]), 1
	if r >= utf8.RuneSelf {
		r, size = utf8.DecodeRuneInString(c)
	}
	if size != len(c) {
		return false, 0, false
	}
	return spaceRune(r)
}

// spaceRune classifies the rune r as space does a one-rune cluster.
func spaceRune(r rune) (ws bool, breaks int, breakable bool) {
	switch r {
	case ' ', '\t':
		return true, 0, true
	case '\n', '\r', '\v', '\f', 0x85, 0x2028:
		return true, 1, true
	case 0x2029:
		return true, 2, true
	case 0xA0, 0x2007, 0x202F:
		return true, 0, false
	}
	if r < 0x1680 {
		return false, 0, false
	}
	if unicode.IsSpace(r) {
		return true, 0, true
	}
	return false, 0, false
}

// decode returns the rune at text[i] (i < len(text)) and its size.
func decode(text string, i int) (rune, int) {
	c := text[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	// Two-byte sequences (Cyrillic, Latin-1) inline: the common case.
	if c >= 0xC2 && c <= 0xDF && i+1 < len(text) {
		if c2 := text[i+1]; c2&0xC0 == 0x80 {
			return rune(c&0x1F)<<6 | rune(c2&0x3F), 2
		}
	}
	return utf8.DecodeRuneInString(text[i:])
}

// fits reports whether text is within max units by a bound that needs no
// grapheme segmentation (its runes, plus one for each rune beyond the BMP
// in UTF16), and returns where its leading white space ends and its
// trailing white space begins, as walk finds them. It says no, and walk
// decides, when the text is longer than max runes or when a white space
// rune at either end has a neighbour that might join its cluster.
func fits(text string, max int, u Unit) (start, end int, ok bool) {
	if (len(text)+3)/4 > max {
		return 0, 0, false // more than max runes: a rune is at most 4 bytes
	}
	n := utf8.RuneCountInString(text)
	if u == UTF16 {
		for i := 0; i < len(text); i++ {
			if text[i] >= 0xF0 {
				n++
			}
		}
	}
	if n > max {
		return 0, 0, false
	}
	start = 0
	for start < len(text) {
		r, size := decode(text, start)
		if ws, _, _ := spaceRune(r); !ws {
			break
		}
		if !simple(r) {
			return 0, 0, false
		}
		if start+size < len(text) {
			if r2, _ := decode(text, start+size); !simple(r2) && r2 != '\r' {
				return 0, 0, false // "\u0020\u0301" is one cluster, and no white space
			}
		}
		start += size
	}
	end = len(text)
	for end > start {
		r, size := utf8.DecodeLastRuneInString(text[start:end])
		if ws, _, _ := spaceRune(r); !ws {
			break
		}
		if !simple(r) && r != '\r' {
			return 0, 0, false
		}
		if end-size > start {
			if p, _ := utf8.DecodeLastRuneInString(text[start : end-size]); !simple(p) && p != '\r' {
				return 0, 0, false
			}
		}
		end -= size
	}
	return start, end, true
}

// walk makes the one pass over text that every Split needs: it measures
// the text in u and finds the white space runs with their levels.
func walk(text string, u Unit) walked {
	w := walked{start: -1}
	if len(text) > 64 {
		n := len(text) / 8
		p, _ := runsPool.Get().(*[]run)
		if p == nil {
			p = new([]run)
		}
		if cap(*p) < n {
			*p = make([]run, 0, n)
		}
		w.runs, w.pooled = (*p)[:0], p
	}
	cum := 0
	inRun := false
	var cur run
	breakable := false
	nl := 0
	tokStart := 0 // start of the word before the current run
	lineStart := true
	prevTok := ""  // the word before that one on its line
	depth := 0     // brackets open before it in its paragraph
	quote := false // a quotation is open before it on its line
	var r rune
	size := 0
	if len(text) > 0 {
		r, size = decode(text, 0)
	}
	for i := 0; i < len(text); {
		if !inRun && w.start >= 0 {
			// Inside a word most clusters are one plain letter: count
			// them in bulk (each is one unit in every unit).
			if k, m := plainRun(text, i); m > 0 {
				cum += m
				w.end, w.total = k, cum
				if i = k; i == len(text) {
					break
				}
				r, size = decode(text, i)
			}
		}
		// The cluster at i: one simple rune when the next is simple too,
		// else whatever UAX #29 says.
		var n, runes, u16 int
		var ws, bk bool
		var br int
		j := i + size
		var r2 rune
		size2 := 0
		if j < len(text) {
			r2, size2 = decode(text, j)
		}
		if simple(r) && (j == len(text) || simple(r2)) {
			n, runes, u16 = size, 1, 1
			ws, br, bk = spaceRune(r)
		} else {
			n, runes, u16 = cluster(text[i:])
			ws, br, bk = space(text[i : i+n])
			if i+n != j && i+n < len(text) {
				r2, size2 = decode(text, i+n)
			}
		}
		if ws {
			if !inRun {
				inRun = true
				cur = run{ws0: i, cum0: cum}
				breakable, nl = false, 0
			}
			nl += br
			breakable = breakable || bk
		} else {
			if w.start < 0 {
				w.start, w.startCum = i, cum
				inRun = false
				tokStart = i
			} else if inRun {
				inRun = false
				cur.ws1, cur.cum1 = i, cum
				cur.blocked = !breakable
				tok := text[tokStart:cur.ws0]
				// Most words are plain (see plainWord): no quotation mark,
				// bracket, emoji or smiley in them, and quickLevel often
				// knows the level of the run after them without classify.
				plain := plainWord(tok)
				if !plain && (quote || maybeQuote(tok)) {
					quote = quoteState(quote, tok)
				}
				if nl >= 2 {
					cur.level = levelParagraph
				} else {
					lv, ok := level(0), false
					if plain {
						lv, ok = quickLevel(tok, text, i)
					}
					if !ok {
						c := near{
							tok:       tok,
							prev:      prevTok,
							lineStart: lineStart,
							afterEnd:  lineStart,
							depth:     depth,
						}
						if k := len(w.runs) - 1; k >= 0 && w.runs[k].level == levelSentence {
							c.afterEnd = true
						}
						if nl == 0 {
							if quote {
								c.quoteCloses = quoteAhead(text, i)
							}
							c.next, c.next2 = nextWords(text, i)
						} else {
							c.next, _ = nextWords(text, i)
						}
						lv = classify(c)
					}
					cur.level = lv
					if nl == 1 {
						cur.level = levelLine
						switch lv {
						case levelSentence:
						case levelClause, levelHanging:
							cur.lineGoesOn = true
						default:
							cur.lineGoesOn = unicode.IsLower(r)
						}
					}
				}
				// A plain word is no emoji or smiley, and opens or closes
				// no bracket.
				if !plain {
					// Emoji and smileys after a sentence end belong to that
					// sentence ("Ждём вас! 😊 Приходите"): it ends after them.
					// A lone "(" is a sad smiley unless a ")" closes it ahead
					// ("налогами. ( Не карманных)."): then it opens the next.
					if k := len(w.runs) - 1; k >= 0 && w.runs[k].level == levelSentence && attachable(tok) &&
						!(tok == "(" && parenAhead(text, i)) {
						w.runs[k].level = levelWord
						cur.level = max(cur.level, levelSentence)
					}
					depth = max(depth+parenDelta(tok), 0)
				}
				prevTok = tok
				if nl > 0 {
					prevTok = ""
				}
				if nl >= 2 {
					depth = 0
				}
				if nl > 0 {
					quote = false
				}
				lineStart = nl > 0
				w.runs = append(w.runs, cur)
				tokStart = i
			}
			w.end = i + n
		}
		switch u {
		case Runes:
			cum += runes
		case UTF16:
			cum += u16
		default:
			cum++
		}
		i += n
		r, size = r2, size2
		if !ws {
			w.total = cum
		}
	}
	if w.start < 0 {
		w.start, w.end = 0, 0
	}
	// Emoji that end the text belong to the sentence before ("Отлично!
	// 🎉🎉"): no chunk or sentence of them alone.
	if k := len(w.runs) - 1; k >= 0 && w.runs[k].level == levelSentence && attachable(text[tokStart:w.end]) {
		w.runs[k].level = levelWord
	}
	return w
}

// plainRun counts the clusters from text[i] on that walk would find one by
// one as single runes that are simple and no white space, ASCII or two
// bytes long (Latin, Cyrillic): such a rune is a cluster alone when the
// rune after it is simple. It returns where they end and how many they
// are. The last plain rune counts only when what follows it is surely
// simple (the end of the text, or ASCII other than CR); otherwise it is
// left to walk's general path, which looks at its neighbour.
func plainRun(text string, i int) (end, count int) {
	last := -1 // the start of the last plain rune, not counted yet
	k := i
	for k < len(text) {
		c := text[k]
		size := 1
		if c < utf8.RuneSelf {
			if c <= ' ' && (c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r') {
				break // white space, or CR
			}
		} else if c >= 0xC2 && c <= 0xDF && k+1 < len(text) && text[k+1]&0xC0 == 0x80 {
			if !plain2(rune(c&0x1F)<<6 | rune(text[k+1]&0x3F)) {
				break
			}
			size = 2
		} else {
			break
		}
		if last >= 0 {
			count++ // the rune after it, at k, is plain and so simple
		}
		last = k
		k += size
	}
	switch {
	case last < 0:
		return i, 0
	case k == len(text) || text[k] < utf8.RuneSelf && text[k] != '\r':
		return k, count + 1
	}
	return last, count
}

// plain2 reports whether the rune r, U+0080 to U+07FF, is simple and no
// white space: U+0085 and U+00A0 are white space; U+0300-U+03FF,
// U+0483-U+0489 and U+0530 on are not simple.
func plain2(r rune) bool {
	switch {
	case r >= 0x400:
		return r < 0x483 || r >= 0x48A && r < 0x530
	case r >= 0x300:
		return false
	}
	return r != 0x85 && r != 0xA0
}

// nextWords returns the next nextLen bytes of text from i, where a word
// begins, and, when that word is a dash standing alone, the word after it
// on the same line (at most lookahead bytes): all that classify reads
// ahead.
func nextWords(text string, i int) (next, next2 string) {
	next = text[i:min(len(text), i+nextLen)]
	n := dashLen(next)
	if n == 0 {
		return next, ""
	}
	j := i + n
	if j < len(text) && text[j] != ' ' && text[j] != '\t' {
		return next, "" // the word goes on: "—да", "-5"
	}
	for j < len(text) && (text[j] == ' ' || text[j] == '\t') {
		j++
	}
	k := j
	for k < len(text) && k-j < lookahead {
		c := text[k]
		if c < utf8.RuneSelf {
			if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' {
				break
			}
			k++
			continue
		}
		r, size := decode(text, k)
		if unicode.IsSpace(r) {
			break
		}
		k += size
	}
	return next, text[j:k]
}

// nextLen is how much of the next words classify needs: a dash, or a
// quote, a bracket and the character after them, or a short word and the
// letter after it.
const nextLen = 24

// parenDelta returns how many brackets the word w opens less how many it
// closes; "((" and ":(" at its end are sad smileys, not brackets.
func parenDelta(w string) int {
	if strings.IndexByte(w, '(') < 0 && strings.IndexByte(w, ')') < 0 {
		return 0
	}
	if strings.HasSuffix(w, "((") {
		w = strings.TrimRight(w, "(")
	}
	if strings.HasSuffix(w, ":(") || strings.HasSuffix(w, ":-(") {
		w = w[:len(w)-1]
	}
	return strings.Count(w, "(") - strings.Count(w, ")")
}

// parenAhead reports whether a ")" follows text[i:] on the same line within
// parenWindow bytes, with no "(" before it (that ")" would close that one).
func parenAhead(text string, i int) bool {
	end := min(len(text), i+parenWindow)
	for j := i; j < end; j++ {
		switch text[j] {
		case '\n', '\r', '(':
			return false
		case ')':
			return true
		}
	}
	return false
}

// parenWindow bounds how far past a lone "(" the walk looks for the ")"
// that closes it: a remark in brackets runs to a few sentences.
const parenWindow = 400

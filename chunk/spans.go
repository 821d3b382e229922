package chunk

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/spinwise/spinwise/linkcheck"
)

// kind is what an atomic span is.
type kind uint8

const (
	kindLink kind = iota
	kindEmail
	kindPhone
	kindPlaceholder
	kindMarkup
	kindCluster
	kindAmount
)

func (k kind) String() string {
	return [...]string{"link", "e-mail", "phone", "placeholder", "markup", "grapheme cluster", "amount"}[k]
}

// span is an atomic span: text[start:end] is never cut.
type span struct {
	start, end int
	kind       kind
}

// pair is a WhatsApp markup pair: text[start:end] begins and ends with
// mark.
type pair struct {
	start, end int
	mark       string // "*", "_", "~" or "```"
}

// findSpans finds the atomic spans, checks that each fits, and marks the
// runs that lie inside one.
func (s *splitter) findSpans(links []linkcheck.Link) error {
	text := s.text[:s.w.end]
	var spans []span
	for _, l := range links {
		if l.Start >= 0 && l.Start < l.End && l.End <= len(text) {
			spans = append(spans, span{l.Start, l.End, kindLink})
		}
	}
	nLinks := len(spans)
	spans = scanContacts(text, spans)
	// An amount is kept whole only when it fits; a longer one is cut as
	// text, not an error: it is a courtesy to the reader, not a token.
	spans = slices.DeleteFunc(spans, func(sp span) bool {
		return sp.kind == kindAmount && measure(text[sp.start:sp.end], s.unit) > s.max
	})
	pairs := scanMarkup(text, spans[:nLinks:nLinks], spans[nLinks:])
	for _, p := range pairs {
		if measure(text[p.start:p.end], s.unit) <= s.max {
			spans = append(spans, span{p.start, p.end, kindMarkup})
		} else {
			s.pairs = append(s.pairs, p)
		}
	}
	slices.SortStableFunc(spans, func(a, b span) int { return a.start - b.start })
	// Merge overlapping spans; a merged span keeps the kind of its first.
	merged := spans[:0]
	for _, sp := range spans {
		if n := len(merged); n > 0 && sp.start < merged[n-1].end {
			m := &merged[n-1]
			if m.kind == kindLink && sp.kind != kindLink && sp.start == m.start && sp.end >= m.end {
				m.kind = sp.kind // an e-mail address the link finder also reports
			}
			m.end = max(m.end, sp.end)
			continue
		}
		merged = append(merged, sp)
	}
	s.spans = merged
	for _, sp := range merged {
		if measure(text[sp.start:sp.end], s.unit) > s.max {
			return newSpanError(s.text, sp.start, sp.end, sp.kind, s.unit, s.max)
		}
	}
	// Block the runs inside a span.
	runs := s.w.runs
	j := 0
	for _, sp := range merged {
		for j < len(runs) && runs[j].ws1 <= sp.start {
			j++
		}
		for j < len(runs) && runs[j].ws0 < sp.end {
			runs[j].blocked = true
			j++
		}
	}
	if len(s.pairs) > 0 {
		s.marks = make([]string, len(runs))
		c := pairCursor{pairs: s.pairs}
		for i := range runs {
			if !runs[i].blocked {
				c.advance(runs[i].ws0)
				s.marks[i] = c.at(runs[i].ws0)
			}
		}
	}
	return nil
}

// pairCursor finds the long pairs open at a position. Pairs of one
// marker never overlap, so few pairs lie between the floor and a position
// a chunk's length after it.
type pairCursor struct {
	pairs []pair
	lo    int // pairs[:lo] end at or before the floor
}

// advance raises the floor to p; positions asked for later are >= p, and
// floors never decrease.
func (c *pairCursor) advance(p int) {
	for c.lo < len(c.pairs) && c.pairs[c.lo].end <= p {
		c.lo++
	}
}

// at returns the opening markers of the long pairs with start < p < end,
// in the order they open.
func (c *pairCursor) at(p int) string {
	mk := ""
	for i := c.lo; i < len(c.pairs) && c.pairs[i].start < p; i++ {
		if p < c.pairs[i].end {
			mk += c.pairs[i].mark
		}
	}
	return mk
}

// fallback cuts inside a word: it returns the last grapheme boundary p
// after pos, outside every atomic span and not after white space, such
// that text[pos:p] plus the closing markers at p is at most limit units,
// with the length of text[:p] and the opening markers at p.
func (s *splitter) fallback(pos, posCum, limit int) (p, pCum int, mk string, err error) {
	text := s.text[:s.w.end]
	si, _ := slices.BinarySearchFunc(s.spans, pos, func(sp span, p int) int {
		if sp.end <= p {
			return -1
		}
		return 1
	})
	c := &s.cursor
	c.advance(pos)
	p = -1
	cum := posCum
	prevWS := false
	blame := -1    // the span or cluster that stopped the walk
	markerAt := -1 // the first boundary the closing markers did not fit at
	blameEnd := 0
	blameKind := kindCluster
	for i := pos; i < len(text); {
		n, runes, u16 := cluster(text[i:])
		ws, _, _ := space(text[i : i+n])
		cum += units(s.unit, runes, u16)
		i += n
		prevWS = ws
		for si < len(s.spans) && s.spans[si].end <= i {
			si++
		}
		inside := si < len(s.spans) && s.spans[si].start < i
		if cum-posCum > limit {
			if p < 0 {
				blame, blameEnd = i-n, i
				if inside {
					blame, blameEnd, blameKind = s.spans[si].start, s.spans[si].end, s.spans[si].kind
				}
			}
			break
		}
		if inside || prevWS || i == len(text) {
			continue
		}
		m := ""
		if len(s.pairs) > 0 {
			m = c.at(i)
		}
		if cum-posCum+len(m) <= limit {
			p, pCum, mk = i, cum, m
		} else if markerAt < 0 {
			markerAt = i
		}
	}
	if p < 0 {
		// What stopped the walk fits in Max by itself: the markers of a
		// long pair are to blame, the pair open where they did not fit.
		if blame < 0 || measure(text[blame:blameEnd], s.unit) <= s.max {
			at := markerAt
			if at < 0 {
				at = pos
			}
			for _, pr := range s.pairs {
				if pr.start < at && at < pr.end || pr.start == at {
					blame, blameEnd, blameKind = pr.start, pr.end, kindMarkup
					break
				}
			}
		}
		if blame < 0 { // cannot happen; never report an empty span
			n, _, _ := cluster(text[pos:])
			blame, blameEnd, blameKind = pos, pos+n, kindCluster
		}
		return 0, 0, "", newSpanError(s.text, blame, blameEnd, blameKind, s.unit, s.max)
	}
	return p, pCum, mk, nil
}

// scanContacts appends to spans the e-mail addresses, phone numbers and
// placeholders in text, in order of start.
func scanContacts(text string, spans []span) []span {
	phoneFrom := 0           // phones are not looked for before this offset
	closer := [2]int{-1, -1} // offset of the next "}}" and "}" (len(text): none)
	nl := -1                 // offset of the next line break (len(text): none)
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c == '@':
			if sp, ok := email(text, i); ok {
				spans = append(spans, sp)
			}
		case c == '{' && i+1 < len(text) && (text[i+1] == '{' || text[i+1] == '='):
			// A placeholder closes before the next line break. The next
			// closer and the next line break are cached, so the scan stays
			// linear however many openers there are.
			m := 0
			if text[i+1] == '=' {
				m = 1
			}
			if closer[m] < i+2 && closer[m] != len(text) {
				closer[m] = len(text)
				if j := strings.Index(text[i+2:], [2]string{"}}", "}"}[m]); j >= 0 {
					closer[m] = i + 2 + j
				}
			}
			if nl < i {
				nl = len(text)
				if j := strings.IndexByte(text[i:], '\n'); j >= 0 {
					nl = i + j
				}
			}
			if closer[m] < nl {
				end := closer[m] + 2 - m
				spans = append(spans, span{i, end, kindPlaceholder})
				i = end - 1
			}
		case (c == '+' || c == '(' || c >= '0' && c <= '9') && i >= phoneFrom:
			if i > 0 {
				r, _ := utf8.DecodeLastRuneInString(text[:i])
				if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '+' || r == '_' {
					continue
				}
			}
			end, next, ok := phone(text, i)
			if ok {
				spans = append(spans, span{i, end, kindPhone})
				phoneFrom = end
				i = end - 1
			} else if end, ok := amount(text, i); ok {
				spans = append(spans, span{i, end, kindAmount})
				phoneFrom = end
				i = end - 1
			} else {
				phoneFrom = next
			}
		}
	}
	return spans
}

// phone reads a phone number at text[i]: an optional '+', then 7 to 15
// digits in groups joined by one space, no-break space, hyphen or
// bracket, every group after the first of two digits or more. It is a
// phone if it starts with '+', has 10 digits or more, or has a hyphen
// ("+7 (999) 123-45-67", "8 800 555-35-35", "555-35-35"). When the run of
// groups goes on past a phone ("+7 (999) 123-45-67 7 дней", two numbers
// in a row), the phone ends at the last space after which the run stopped
// being one. next is where to look again when it is not one.
func phone(text string, i int) (end, next int, ok bool) {
	start := i
	plus := text[i] == '+'
	if plus {
		i++
	}
	digits, hyphen, space := 0, false, false
	groups, group, short := 0, 0, false // digit groups; digits in this one; a later group of one digit
	endGroup := func() {
		if group > 0 {
			if groups > 0 && group < 2 {
				short = true
			}
			groups++
			group = 0
		}
	}
	valid := func() bool {
		return digits >= 7 && digits <= 15 && !short && (plus || digits >= 10 || hyphen)
	}
	best := -1 // the end of the longest phone that a space follows
	next = -1
	end = i
	for i < len(text) && i-start < 40 {
		c := text[i]
		size := 1
		switch {
		case c >= '0' && c <= '9':
			digits++
			group++
			i++
			end = i
			space = false
			continue
		case c == ' ' || c == 0xC2 && i+1 < len(text) && text[i+1] == 0xA0:
			if space {
				break
			}
			if c != ' ' {
				size = 2
			}
			if next < 0 {
				next = i + size
			}
			endGroup()
			if valid() {
				best = end
			}
			space = true
			i += size
			continue
		case c == '-' || c == '(' || c == ')':
			endGroup()
			hyphen = hyphen || c == '-'
			space = false
			i++
			continue
		}
		break
	}
	endGroup()
	if next < 0 || next > end {
		next = max(end, start+1)
	}
	if !valid() {
		if best > 0 {
			return best, best, true
		}
		return 0, next, false
	}
	return end, end, true
}

// amount reads an amount at text[i] written with ordinary spaces between
// its digit groups, as CRM fields often hold them: 1 to 3 digits, then 1 to
// 7 groups of exactly 3 digits, each after one space or no-break space, an
// optional decimal part (",50", ".5") and an optional currency sign after
// at most one space ("1 234,50 ₽", "177 199 ₽", "10 000 $").
func amount(text string, i int) (end int, ok bool) {
	digitsAt := func(j int) int {
		k := j
		for k < len(text) && text[k] >= '0' && text[k] <= '9' {
			k++
		}
		return k
	}
	j := digitsAt(i)
	if j == i || j-i > 3 {
		return 0, false
	}
	groups := 0
	for groups < 7 {
		k := groupSpace(text, j)
		d := digitsAt(k)
		if k == j || d-k != 3 {
			break
		}
		j = d
		groups++
	}
	if groups == 0 {
		return 0, false
	}
	if j+1 < len(text) && (text[j] == ',' || text[j] == '.') && text[j+1] >= '0' && text[j+1] <= '9' {
		j = digitsAt(j + 1)
	}
	if r, size := utf8.DecodeRuneInString(text[groupSpace(text, j):]); size > 0 && unicode.Is(unicode.Sc, r) {
		j = groupSpace(text, j) + size
	}
	return j, true
}

// groupSpace returns the offset after one space or no-break space (U+00A0,
// U+202F) at text[j], or j when there is none.
func groupSpace(text string, j int) int {
	switch {
	case strings.HasPrefix(text[j:], " "):
		return j + 1
	case strings.HasPrefix(text[j:], "\u00A0"):
		return j + 2
	case strings.HasPrefix(text[j:], "\u202F"):
		return j + 3
	}
	return j
}

func emailLocal(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
		c == '.' || c == '_' || c == '%' || c == '+' || c == '-'
}

// email reads the e-mail address around the '@' at text[at].
func email(text string, at int) (span, bool) {
	start := at
	for start > 0 && emailLocal(text[start-1]) && at-start < 64 {
		start--
	}
	for start < at && text[start] == '.' {
		start++
	}
	if start == at {
		return span{}, false
	}
	end := at + 1
	dot := false
	for end < len(text) {
		r, n := utf8.DecodeRuneInString(text[end:])
		if r == '.' {
			dot = true
		} else if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-') {
			break
		}
		end += n
	}
	for end > at+1 && (text[end-1] == '.' || text[end-1] == '-') {
		end--
	}
	if !dot || !strings.Contains(text[at+1:end], ".") || text[at+1] == '.' {
		return span{}, false
	}
	return span{start, end, kindEmail}, true
}

// scanMarkup finds the WhatsApp markup pairs of text, outside links and
// e-mail addresses (skip, sorted). An opening marker follows the start, white space or
// punctuation and precedes a non-space; a closing marker follows a
// non-space and precedes the end, white space or punctuation. Inside
// ```monospace``` no other marker counts. A pair does not cross a blank
// line.
func scanMarkup(text string, links, others []span) []pair {
	var pairs []pair
	open := [3]int{-1, -1, -1} // '*', '_', '~'
	mono := -1
	li, oi := 0, 0
	newlines := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch c {
		case '\n':
			newlines++
			if newlines >= 2 {
				open = [3]int{-1, -1, -1}
				mono = -1
			}
			continue
		case ' ', '\t', '\r':
			continue
		}
		newlines = 0
		if c != '*' && c != '_' && c != '~' && c != '`' {
			continue
		}
		// Skip markers inside links and e-mail addresses.
		for li < len(links) && links[li].end <= i {
			li++
		}
		for oi < len(others) && others[oi].end <= i {
			oi++
		}
		if li < len(links) && links[li].start <= i || oi < len(others) && others[oi].kind == kindEmail && others[oi].start <= i {
			continue
		}
		if c == '`' {
			if strings.HasPrefix(text[i:], "```") {
				if mono >= 0 {
					if i > mono+3 {
						pairs = append(pairs, pair{mono, i + 3, "```"})
					}
					mono = -1
				} else {
					mono = i
				}
				i += 2
			}
			continue
		}
		if mono >= 0 {
			continue
		}
		m := strings.IndexByte("*_~", c)
		prev, _ := utf8.DecodeLastRuneInString(text[:i])
		next, _ := utf8.DecodeRuneInString(text[i+1:])
		if i == 0 {
			prev = ' '
		}
		if i+1 == len(text) {
			next = ' '
		}
		if o := open[m]; o >= 0 && !unicode.IsSpace(prev) && prev != rune(c) && !wordRune(next) {
			pairs = append(pairs, pair{o, i + 1, text[i : i+1]})
			open[m] = -1
			continue
		}
		if open[m] < 0 && !wordRune(prev) && !unicode.IsSpace(next) && next != rune(c) {
			open[m] = i
		}
	}
	slices.SortFunc(pairs, func(a, b pair) int { return a.start - b.start })
	return pairs
}

func wordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

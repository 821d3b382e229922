package linkcheck

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits that keep a failed candidate cheap, so that scanning stays linear
// in the message length whatever the input.
const (
	maxLabels    = 16  // labels in a bare host
	maxLabelLen  = 256 // bytes in one label as written (63 after punycode, plus disguises)
	maxLocalLen  = 256 // bytes in the local part of an e-mail address
	maxAuthority = 512 // bytes in the authority (userinfo@host:port) of a URL
	maxScheme    = 12  // bytes in a scheme name
	maxSlashes   = 8   // '/' and '\' between a web scheme's ':' and its host
)

// found is a link's span and what the scanner learned about it.
type found struct {
	start, end         int // the link: msg[start:end]
	hostStart, hostEnd int // the host as written; equal when there is none
	kind               Kind
	hxxp               bool // a defanged scheme such as hxxp://
	disguised          bool // a disguised dot between host labels
	zeroWidth          bool // zero-width characters inside the host
}

// scanner finds links from left to right. The pre-scan in next looks at one
// byte at a time for a trigger (see trigger) and runs the matchers only
// there; the matchers work on indices and allocate nothing unless a
// candidate holds zero-width characters.
type scanner struct {
	msg   string
	pos   int // where to look for the next trigger
	last  int // end of the previous link: no link starts before it
	skip  int // a failed matcher found nothing can start before here
	limit int // when > 0, no trigger at or after it is looked at

	// Before pathUntil the text is a link's path, query or fragment: the
	// whole message in Checker.carried, and the rest of a mailto: link cut
	// short (see mailto). There a host right after '/' or '\' is a
	// carried URL, never a path segment of a word.
	pathUntil int
	// noAhead: this scanner is a look-ahead (see webAhead): a mailto: link
	// ends after its addresses and does not look ahead again, so that
	// scanning never nests deeper than one look-ahead.
	noAhead bool

	// The last look-ahead that found a web link: none starts in
	// msg[aheadFrom:aheadAt], one starts at aheadAt (valid when aheadAt > 0).
	aheadFrom, aheadAt int
	// pathEnd(msg, p) == runEnd for every p in [runFrom, runEnd].
	runFrom, runEnd int
}

// trigger marks bytes that may be part of a link's skeleton: a dot, the ':'
// of a scheme, the '/' of "//host", the '@' of an e-mail address, the
// brackets of "[.]" and "(dot)", the space of " . " and " точка ", and the
// lead bytes of the look-alike dots '․' (E2 80 A4), '。' (E3 80 82), '．'
// (EF BC 8E), '｡' (EF BD A1) and '﹒' (EF B9 92).
var trigger = [256]bool{
	'.': true, ':': true, '/': true, '@': true, '[': true, '(': true, '{': true,
	' ': true, 0xE2: true, 0xE3: true, 0xEF: true,
}

// next returns the next link, or false when there is none.
func (s *scanner) next() (found, bool) {
	msg := s.msg
	end := len(msg)
	if s.limit > 0 {
		end = s.limit
	}
	for i := s.pos; i < end; i++ {
		c := msg[i]
		if !trigger[c] {
			continue
		}
		// Cheap filters before any matcher: most dots end a sentence or an
		// abbreviation, most spaces separate words.
		switch c {
		case '.':
			if i == 0 || i+1 >= len(msg) || !hostByte(msg[i-1]) || !hostByte(msg[i+1]) {
				continue
			}
		case ':':
			// A scheme's last letter, or the last byte of a zero-width
			// character hidden in it.
			if i == 0 || !isASCIILetter(msg[i-1]) && msg[i-1] < utf8.RuneSelf {
				continue
			}
		case '/':
			if i+1 >= len(msg) || msg[i+1] != '/' {
				continue
			}
		case ' ', '[', '(', '{':
			if i+1 >= len(msg) {
				continue
			}
			// '.', "dot", "точка" (т is D1 82, Т is D0 A2), more spaces,
			// the bracket of a spaced "[.]".
			switch msg[i+1] {
			case '.', 'd', 'D', ' ':
			case '[', '(', '{':
				if c != ' ' || !sepWordAt(msg, i+2) {
					continue
				}
			case 0xD1, 0xD0:
				if i+2 >= len(msg) || msg[i+2] != 0x82 && msg[i+2] != 0xA2 {
					continue
				}
			default:
				continue
			}
		case 0xE2, 0xE3, 0xEF:
			if n, _ := sepAt(msg, i); n == 0 {
				continue
			}
		}
		if f, ok := s.matchAt(i); ok {
			s.pos, s.last = f.end, f.end
			return f, true
		}
		if s.skip > i+1 {
			i = s.skip - 1
		}
	}
	s.pos = end
	return found{}, false
}

// hostByte reports whether c may be a byte of a host label next to a dot:
// an ASCII letter or digit, or a byte of a non-ASCII character.
func hostByte(c byte) bool {
	return c >= utf8.RuneSelf || isASCIILetter(c) || '0' <= c && c <= '9'
}

func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

func (s *scanner) matchAt(i int) (found, bool) {
	switch s.msg[i] {
	case ':':
		return s.scheme(i)
	case '/':
		return s.protocolRelative(i)
	case '@':
		return s.email(i)
	}
	return s.bare(i)
}

// isLabelRune reports whether r may be part of a host label: a letter, a
// digit, a combining mark or '-'.
func isLabelRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r|0x20 && r|0x20 <= 'z' || '0' <= r && r <= '9' || r == '-'
	}
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r))
}

// labelStart returns the start of the label that ends at i, or -1. Leading
// '-' and zero-width characters are not part of it.
func (s *scanner) labelStart(i int) int {
	msg := s.msg
	j := i
	for j > s.last {
		r, size := utf8.DecodeLastRuneInString(msg[:j])
		if !isLabelRune(r) && !isZeroWidth(r) {
			break
		}
		j -= size
		if i-j > maxLabelLen {
			return -1
		}
	}
	for j < i {
		r, size := utf8.DecodeRuneInString(msg[j:])
		if r != '-' && !isZeroWidth(r) {
			break
		}
		j += size
	}
	if j > 0 && j == s.last && j < len(msg) {
		// The previous link ends right here: the label would glue onto it.
		if r, _ := utf8.DecodeLastRuneInString(msg[:j]); isLabelRune(r) {
			return -1
		}
	}
	return j
}

// labelEnd returns the end of the label that starts at i and whether it
// holds zero-width characters; trailing zero-width characters are not part
// of it. It returns i for no label or one longer than maxLabelLen bytes.
func labelEnd(msg string, i int) (end int, zw bool) {
	j, end := i, i
	for j < len(msg) {
		r, size := utf8.DecodeRuneInString(msg[j:])
		if isLabelRune(r) {
			j += size
			end = j
		} else if isZeroWidth(r) {
			j += size
			zw = true
		} else {
			break
		}
		if j-i > maxLabelLen {
			return i, false
		}
	}
	if zw && !strings.ContainsFunc(msg[i:end], isZeroWidth) {
		zw = false
	}
	return end, zw
}

// sepWords are the words that stand for a dot in disguised links.
var sepWords = [...]string{".", "dot", "точка"}

// sepKind says how a separator between host labels is written.
type sepKind uint8

const (
	sepNone sepKind = iota
	// sepDot: a plain '.'.
	sepDot
	// sepDisguised: a look-alike dot ('。', '．', '｡', '﹒', '․') or a
	// bracketed one ("[.]", "(dot)", "{точка}", also with spaces around or
	// inside: "bit [.] ly"). Ordinary text is never written so.
	sepDisguised
	// sepSpaced: " . ", " dot ", " точка " with one to three spaces on each
	// side. Ordinary sentences look the same ("Наша точка онлайн"), so the
	// scanner takes it only between labels that are clearly a host (see
	// spacedJoin).
	sepSpaced
)

// sepAt returns the length in bytes of the separator between host labels
// that starts at i, or 0, and how it is written.
func sepAt(msg string, i int) (n int, kind sepKind) {
	if i >= len(msg) {
		return 0, sepNone
	}
	switch msg[i] {
	case '.':
		return 1, sepDot
	case 0xE2, 0xE3, 0xEF:
		// The IDNA label separators '。' (E3 80 82) and '｡' (EF BD A1), and
		// every character whose compatibility form is a full stop: '．'
		// (EF BC 8E), '﹒' (EF B9 92), '․' (E2 80 A4).
		if i+2 >= len(msg) {
			return 0, sepNone
		}
		switch msg[i : i+3] {
		case "。", "｡", "．", "﹒", "․":
			return 3, sepDisguised
		}
	case '[', '(', '{':
		if n := bracketSep(msg, i); n > 0 {
			return skipSpaces(msg, i+n) - i, sepDisguised
		}
	case ' ':
		j := skipSpaces(msg, i)
		if j >= len(msg) {
			return 0, sepNone
		}
		if msg[j] == '[' || msg[j] == '(' || msg[j] == '{' {
			if n := bracketSep(msg, j); n > 0 {
				return skipSpaces(msg, j+n) - i, sepDisguised
			}
			return 0, sepNone
		}
		if !sepWordAt(msg, j) {
			return 0, sepNone
		}
		for _, w := range sepWords {
			e := j + len(w)
			if e < len(msg) && msg[e] == ' ' && strings.EqualFold(msg[j:e], w) {
				return skipSpaces(msg, e) - i, sepSpaced
			}
		}
	}
	return 0, sepNone
}

// sepWordAt reports whether one of sepWords, or a space before one, may
// start at j: '.', 'd', 'D', 'т' (D1 82), 'Т' (D0 A2) or ' '. It keeps
// ordinary text (" {Добрый день|...}") away from the word comparisons.
func sepWordAt(msg string, j int) bool {
	if j >= len(msg) {
		return false
	}
	switch msg[j] {
	case '.', 'd', 'D', ' ':
		return true
	case 0xD1:
		return j+1 < len(msg) && msg[j+1] == 0x82
	case 0xD0:
		return j+1 < len(msg) && msg[j+1] == 0xA2
	}
	return false
}

// bracketSep returns the length of "[.]", "(dot)", "{точка}" and the like
// at i (spaces inside allowed: "[ . ]"), or 0.
func bracketSep(msg string, i int) int {
	closing := byte(']')
	switch msg[i] {
	case '(':
		closing = ')'
	case '{':
		closing = '}'
	}
	j := skipSpaces(msg, i+1)
	if !sepWordAt(msg, j) {
		return 0
	}
	for _, w := range sepWords {
		e := j + len(w)
		if e <= len(msg) && strings.EqualFold(msg[j:e], w) {
			if k := skipSpaces(msg, e); k < len(msg) && msg[k] == closing {
				return k + 1 - i
			}
		}
	}
	return 0
}

// skipSpaces returns the end of the run of at most three spaces at i.
func skipSpaces(msg string, i int) int {
	j := i
	for j < len(msg) && msg[j] == ' ' && j-i < 3 {
		j++
	}
	return j
}

// skipZeroWidth returns the end of the run of zero-width characters at i,
// at most maxLabelLen bytes long.
func skipZeroWidth(msg string, i int) int {
	j := i
	for j < len(msg) && j-i < maxLabelLen {
		r, size := utf8.DecodeRuneInString(msg[j:])
		if !isZeroWidth(r) {
			break
		}
		j += size
	}
	return j
}

// labels is a run of host labels and the separators between them.
type labels struct {
	n          int
	start, end [maxLabels]int
	sep        [maxLabels]sepKind // how the separator after label k is written
	zw         bool               // a label holds zero-width characters
	afterAll   int                // end of the last label
}

// fancy reports whether the separator after label k is disguised.
func (l *labels) fancy(k int) bool { return l.sep[k] >= sepDisguised }

// label returns label k as written.
func (l *labels) label(msg string, k int) string { return msg[l.start[k]:l.end[k]] }

// parseLabels reads labels and separators from i on.
func parseLabels(msg string, i int) labels {
	var l labels
	for l.n < maxLabels {
		end, zw := labelEnd(msg, i)
		if end == i {
			break
		}
		l.start[l.n], l.end[l.n] = i, end
		l.zw = l.zw || zw
		l.n++
		// Zero-width characters may hide on either side of a separator
		// ("bit\u200b.ly", "bit.\u200bly"): skip them, and flag them.
		sep := skipZeroWidth(msg, end)
		n, kind := sepAt(msg, sep)
		if n == 0 {
			break
		}
		next := skipZeroWidth(msg, sep+n)
		r, _ := utf8.DecodeRuneInString(msg[next:])
		if !isLabelRune(r) || r == '-' {
			break
		}
		l.zw = l.zw || sep > end || next > sep+n
		l.sep[l.n-1] = kind
		i = sep + n
	}
	if l.n > 0 {
		l.afterAll = l.end[l.n-1]
	}
	return l
}

// capitalizedCyrillic reports whether a TLD label is a Cyrillic word
// written with a capital letter and then lower case ("Москва", "Сайт"): the
// start of a sentence glued to a dot ("спасибо.Сайт работает"), not a
// domain, which people write in lower case or all capitals.
func capitalizedCyrillic(label string) bool {
	r, n := utf8.DecodeRuneInString(label)
	if !isCyrillic(r) || !unicode.IsUpper(r) {
		return false
	}
	for _, r := range label[n:] {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// hostLabels returns how many of the labels form a bare host: the longest
// run of at least two labels that ends in a public TLD, or exactly four
// decimal labels 0..255 joined by plain dots (an IPv4 address); 0 for none.
func hostLabels(msg string, l *labels) int {
	if l.n == 4 {
		ip := true
		for k := 0; k < 4 && ip; k++ {
			label := l.label(msg, k)
			ip = isDigits(label) && (k == 3 || l.sep[k] == sepDot) && len(label) <= 3 && atoi(label) <= 255
		}
		if ip {
			return 4
		}
	}
	for k := l.n; k >= 2; k-- {
		if isTLD(stripZeroWidth(l.label(msg, k-1))) {
			return k
		}
	}
	return 0
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// stripZeroWidth returns s without zero-width characters; it allocates only
// when there are some.
func stripZeroWidth(s string) string {
	if !strings.ContainsFunc(s, isZeroWidth) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isZeroWidth(r) {
			return -1
		}
		return r
	}, s)
}

// bare matches a host written without a scheme ("salon.ru/zapis",
// "сайт.рф", "example[.]com") whose first separator is at i, or an e-mail
// address whose local part holds a dot.
func (s *scanner) bare(i int) (found, bool) {
	msg := s.msg
	if n, _ := sepAt(msg, i); n == 0 {
		return found{}, false
	}
	ls := s.labelStart(i)
	if ls < 0 || ls == i {
		return found{}, false
	}
	if ls > 0 {
		// Not a mention (@example.com), a path (a/b.com), the tail of a
		// longer dotted run (1.2.3.4.5) or of a bad host (http://-x.com).
		switch msg[ls-1] {
		case '/', '\\':
			if ls-1 >= s.pathUntil && pathSegment(msg, ls-1, s.last) {
				return found{}, false
			}
		case '@', '-':
			return found{}, false
		case '.':
			if ls >= 2 && msg[ls-2] != '.' { // an ellipsis "Ждём...salon.ru" is fine
				return found{}, false
			}
		}
	}
	l := parseLabels(msg, ls)
	if l.n < 2 {
		return found{}, false
	}
	// The labels may be the start of an e-mail's local part: user.name+tag@.
	for j := l.afterAll; j < len(msg) && j-ls <= maxLocalLen; {
		if msg[j] == '@' {
			return s.email(j)
		}
		r, size := utf8.DecodeRuneInString(msg[j:])
		if !isLocalRune(r) {
			break
		}
		j += size
	}
	k := hostLabels(msg, &l)
	if k == 0 {
		if l.n < maxLabels {
			// A later start inside this run sees a suffix of the same
			// labels, with no TLD either: skip them.
			s.skip = l.afterAll
		}
		return found{}, false
	}
	// A spaced separator that does not clearly join two host labels is
	// part of a sentence ("Наша точка онлайн"): the host, if any, ends
	// before it.
	for j := 0; j < k-1; j++ {
		if l.sep[j] == sepSpaced && !spacedJoin(stripZeroWidth(l.label(msg, j)), stripZeroWidth(l.label(msg, j+1)), j+1 == k-1) {
			l.n = j + 1
			if k = hostLabels(msg, &l); k == 0 {
				return found{}, false
			}
		}
	}
	disguised := false
	for j := 0; j < k-1; j++ {
		disguised = disguised || l.fancy(j)
	}
	he := l.end[k-1]
	end := s.tail(ls, he)
	if k == 2 {
		first, tld := stripZeroWidth(l.label(msg, 0)), l.label(msg, 1)
		// "г.Москва", "ул.Ленина": an abbreviation glued to a word. And
		// "Спасибо.Сайт работает": a sentence glued to the next, which
		// starts with a capital letter; a port, a path or "www." make it
		// a link after all, and so does a TLD that is no word ("Рф").
		if !disguised && isAbbreviation(first) ||
			end == he && !strings.EqualFold(first, "www") && capitalizedCyrillic(tld) && !cyrillicCodeTLD(tld) {
			return found{}, false
		}
	}
	zw := false
	if l.zw {
		zw = strings.ContainsFunc(msg[ls:he], isZeroWidth)
	}
	return found{
		start: ls, end: end, hostStart: ls, hostEnd: he,
		kind: Web, disguised: disguised, zeroWidth: zw,
	}, true
}

// pathSegment reports whether the run of '/' and '\' that ends at msg[i]
// makes the label after it a path segment ("docs/README.md",
// `C:\Users\x.com`) rather than a host: a single slash or backslash glued
// to a word or a path written in ASCII. After white space, punctuation or a
// Cyrillic word ("Ссылка /bit.ly", "Жми:/bit.ly", "Жми/bit.ly") and after
// two or more slashes ("Ссылка//bit.ly", "hxxxp://bit.ly", "///bit.ly") the
// host is a link a reader can follow, and so it is when the slash follows
// the previous link, which ended at last ("tel:+79991234567/bit.ly"). In a
// link's path (see scanner.pathUntil) a host after '/' always counts:
// "https://salon.ru/r/bit.ly/x" carries bit.ly.
func pathSegment(msg string, i, last int) bool {
	if i == 0 || i <= last || isSlash(msg[i-1]) {
		return false
	}
	c := msg[i-1]
	return isASCIILetter(c) || '0' <= c && c <= '9' || strings.IndexByte("-._~%", c) >= 0
}

// spacedJoin reports whether a spaced separator (" . ", " dot ",
// " точка ") between the labels before and after (zero-width characters
// removed) clearly joins two labels of a host rather than two words of a
// sentence: Latin on both sides (an ASCII letter or digit before it, an
// ASCII label after it: "bit dot ly", "salon точка ru"); "www" before it;
// or right before the host's last label, a Cyrillic TLD that is no Russian
// word, written in lower case ("пример точка рф"; not "Наша точка онлайн",
// nor "любая точка РФ" or "Главная точка Бел", where the capital says it
// is a word of the sentence: the country, an adjective).
func spacedJoin(before, after string, afterIsLast bool) bool {
	return hasASCIIAlnum(before) && isASCII(after) ||
		strings.EqualFold(before, "www") ||
		afterIsLast && cyrillicCodeTLD(after) && after == strings.ToLower(after)
}

// labelBack returns the start of the label (label characters and
// zero-width characters) that ends at i, not before lo.
func labelBack(msg string, lo, i int) int {
	j := i
	for j > lo && i-j <= maxLabelLen {
		r, size := utf8.DecodeLastRuneInString(msg[:j])
		if !isLabelRune(r) && !isZeroWidth(r) {
			break
		}
		j -= size
	}
	return j
}

func hasASCIIAlnum(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; isASCIILetter(c) || '0' <= c && c <= '9' {
			return true
		}
	}
	return false
}

// cyrillicCodeTLD reports whether label, in any case, is a Cyrillic TLD
// that is a country code or an abbreviation, never a Russian word on its
// own: рф, рус, укр, бел, бг, мкд, мон, срб, қаз. The other Cyrillic TLDs
// (сайт, онлайн, москва, дети, ком, орг, католик, ею) are ordinary words
// that start sentences and follow "точка". It does not allocate.
func cyrillicCodeTLD(label string) bool {
	for _, t := range [...]string{"рф", "рус", "укр", "бел", "бг", "мкд", "мон", "срб", "қаз"} {
		if len(label) == len(t) && strings.EqualFold(label, t) {
			return true
		}
	}
	return false
}

// protocolRelative matches "//host/path" at i.
func (s *scanner) protocolRelative(i int) (found, bool) {
	msg := s.msg
	if i+2 >= len(msg) || i < s.last {
		return found{}, false
	}
	if i > 0 {
		if c := msg[i-1]; c == ':' || c == '/' || hostByte(c) {
			return found{}, false
		}
	}
	hs := i + 2
	l := parseLabels(msg, hs)
	if l.n == 0 {
		return found{}, false
	}
	k := hostLabels(msg, &l)
	if k == 0 {
		if l.n == 1 && strings.EqualFold(msg[l.start[0]:l.end[0]], "localhost") {
			k = 1
		} else {
			return found{}, false
		}
	}
	he := l.end[k-1]
	return found{start: i, end: s.tail(i, he), hostStart: hs, hostEnd: he, kind: Web,
		zeroWidth: l.zw && strings.ContainsFunc(msg[hs:he], isZeroWidth)}, true
}

// isLocalRune reports whether r may be part of an e-mail local part.
func isLocalRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIILetter(byte(r)) || '0' <= r && r <= '9' || strings.ContainsRune("._%+-", r)
	}
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// email matches an e-mail address whose '@' is at at. When a path, query
// or port follows the domain ("good.com@bit.ly/x"), the text is a web link
// with userinfo and the host is the part after '@', as in a browser.
func (s *scanner) email(at int) (found, bool) {
	msg := s.msg
	ls := at
	for ls > s.last {
		r, size := utf8.DecodeLastRuneInString(msg[:ls])
		if !isLocalRune(r) {
			break
		}
		ls -= size
		if at-ls > maxLocalLen {
			return found{}, false
		}
	}
	for ls < at && msg[ls] == '.' {
		ls++
	}
	if ls == at {
		return found{}, false
	}
	if ls == s.last && ls > 0 {
		if r, _ := utf8.DecodeLastRuneInString(msg[:ls]); isLocalRune(r) {
			return found{}, false
		}
	}
	hs := at + 1
	l := parseLabels(msg, hs)
	k := hostLabels(msg, &l)
	if k < 2 {
		return found{}, false
	}
	he := l.end[k-1]
	f := found{start: ls, end: he, hostStart: hs, hostEnd: he, kind: Email,
		zeroWidth: l.zw && strings.ContainsFunc(msg[hs:he], isZeroWidth)}
	for j := 0; j < k-1; j++ {
		f.disguised = f.disguised || l.fancy(j)
	}
	if he < len(msg) {
		switch c := msg[he]; {
		case c == '/' || c == '?' || c == '#' || c == ':' && he+1 < len(msg) && '0' <= msg[he+1] && msg[he+1] <= '9':
			f.kind = Web
			f.end = s.tail(ls, he)
		}
	}
	return f, true
}

// tail extends a link whose host ends at he over a port and a path, query
// or fragment, and trims what follows a link in text.
func (s *scanner) tail(start, he int) int {
	msg := s.msg
	e := he
	if e+1 < len(msg) && msg[e] == ':' {
		j := e + 1
		for j < len(msg) && j-e <= 6 && '0' <= msg[j] && msg[j] <= '9' {
			j++
		}
		if d := j - e - 1; d >= 1 && d <= 5 && atoi(msg[e+1:j]) <= 65535 {
			if r, _ := utf8.DecodeRuneInString(msg[j:]); !isLabelRune(r) {
				e = j
			}
		}
	}
	if e < len(msg) {
		switch msg[e] {
		case '/', '?', '#':
			return trimEnd(msg, start, pathEnd(msg, e), e)
		}
	}
	return e
}

// isStop reports whether r ends a link: white space, control characters,
// angle brackets, typographic quotes and the fullwidth vertical bar.
func isStop(r rune) bool {
	switch r {
	case '<', '>', '«', '»', '“', '”', '„', '｜', utf8.RuneError:
		return true
	}
	return r < ' ' || r == 0x7f || unicode.IsSpace(r) || (r >= 0x80 && r < 0xa0)
}

// stopAt reports whether the rune at i ends a link.
func stopAt(msg string, i int) bool {
	r, _ := utf8.DecodeRuneInString(msg[i:])
	return isStop(r)
}

// pathEnd returns the end of the run of non-stop runes from i.
func pathEnd(msg string, i int) int {
	for i < len(msg) {
		c := msg[i]
		if c < utf8.RuneSelf {
			if c <= ' ' || c == '<' || c == '>' || c == 0x7f {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(msg[i:])
		if isStop(r) {
			return i
		}
		i += size
	}
	return i
}

// trimEnd drops from the end of msg[start:end], but not below min, what
// ends a sentence or wraps a link rather than belongs to it: trailing
// .,!?:; and '…', WhatsApp markup * _ ~ `, unbalanced closing brackets and quotes.
func trimEnd(msg string, start, end, min int) int {
	var open, closed [3]int // (), [], {}
	var quotes, apos int
	for i := start; i < end; i++ {
		switch msg[i] {
		case '(':
			open[0]++
		case ')':
			closed[0]++
		case '[':
			open[1]++
		case ']':
			closed[1]++
		case '{':
			open[2]++
		case '}':
			closed[2]++
		case '"':
			quotes++
		case '\'':
			apos++
		}
	}
	for end > min {
		if end-3 >= min && msg[end-1] == 0xA6 && strings.HasSuffix(msg[:end], "…") {
			end -= 3
			continue
		}
		c := msg[end-1]
		switch c {
		case '.', ',', '!', '?', ':', ';', '*', '_', '~', '`':
		case ')', ']', '}':
			k := strings.IndexByte(")]}", c)
			if closed[k] <= open[k] {
				return end
			}
			closed[k]--
		case '"':
			if quotes%2 == 0 {
				return end
			}
			quotes--
		case '\'':
			if apos%2 == 0 {
				return end
			}
			apos--
		default:
			return end
		}
		end--
	}
	return end
}

// scheme matches a link with a scheme whose ':' is at i.
func (s *scanner) scheme(i int) (found, bool) {
	msg := s.msg
	// The scheme's letters, maybe with zero-width characters among them
	// ("ht\u200btp://"), which a reader does not see.
	j, letters, zw := i, 0, false
	for j > s.last && i-j <= 4*maxScheme {
		if isASCIILetter(msg[j-1]) {
			j--
			letters++
			continue
		}
		r, size := utf8.DecodeLastRuneInString(msg[:j])
		if !isZeroWidth(r) {
			break
		}
		j -= size
		zw = true
	}
	for j < i && !isASCIILetter(msg[j]) { // no leading zero-width characters
		_, size := utf8.DecodeRuneInString(msg[j:])
		j += size
	}
	if letters == 0 || letters > maxScheme {
		return found{}, false
	}
	if j > 0 && j == s.last {
		if r, _ := utf8.DecodeLastRuneInString(msg[:j]); isLabelRune(r) {
			return found{}, false
		}
	}
	name := msg[j:i]
	if zw {
		name = stripZeroWidth(name)
	}
	switch {
	case strings.EqualFold(name, "mailto"):
		return s.mailto(j, i)
	case strings.EqualFold(name, "tel") || strings.EqualFold(name, "sms") || strings.EqualFold(name, "callto"):
		e, digits := i+1, 0
		for e < len(msg) && strings.IndexByte("0123456789+-().", msg[e]) >= 0 {
			if msg[e] >= '0' && msg[e] <= '9' {
				digits++
			}
			e++
		}
		if digits < 3 {
			return found{}, false
		}
		return found{start: j, end: trimEnd(msg, j, e, i+1), kind: Phone}, true
	case strings.EqualFold(name, "javascript") || strings.EqualFold(name, "vbscript") || strings.EqualFold(name, "data"):
		end := trimEnd(msg, j, pathEnd(msg, i+1), i+1)
		if end == i+1 {
			return found{}, false
		}
		return found{start: j, end: end, kind: Script}, true
	}
	hxxp := false
	if !webScheme(name) {
		if !defangedWebScheme(name) {
			return found{}, false
		}
		hxxp = true
	}
	// Browsers skip any run of '/' and '\' after a web scheme (WHATWG URL
	// standard), so "http:/bit.ly/x", "http:///bit.ly/x" and
	// `http:\\bit.ly\x` all open bit.ly/x. A wrong count of slashes is a
	// typo; a backslash is a disguise: nobody writes a link so but to hide it.
	a := i + 1
	for a < len(msg) && isSlash(msg[a]) && a-i <= maxSlashes {
		a++
	}
	if a == i+1 || a-i > maxSlashes {
		return found{}, false
	}
	f, ok := s.authority(j, a, hxxp)
	f.zeroWidth = f.zeroWidth || zw
	f.disguised = strings.IndexByte(msg[i+1:a], '\\') >= 0
	return f, ok
}

// isMailtoLocal reports whether r may be part of the local part of a
// mailto: address: a dot-atom (RFC 5322) in the characters RFC 6068 allows
// unencoded (letters, digits, !$'*+-._~ and %-escapes), and letters of any
// script (RFC 6532). No '/', ':', '?' or '#': a local part never holds a
// URL.
func isMailtoLocal(r rune) bool {
	return isLocalRune(r) || strings.ContainsRune("!$'*~", r)
}

// mailtoDomainEnd returns the end of the domain of a mailto: address that
// starts at hs: a bracketed address literal, or a run of label characters,
// dots and %-escapes. RFC 6068 ends it at '?' (header fields), '#' (a
// fragment) or ',' (the next address), and allows no '/' in it; any other
// character ends it too. It returns hs for none or one too long.
func mailtoDomainEnd(msg string, hs int) int {
	if hs < len(msg) && msg[hs] == '[' {
		if k := strings.IndexByte(msg[hs:min(len(msg), hs+maxAuthority)], ']'); k > 0 {
			return hs + k + 1
		}
		return hs
	}
	e := hs
	for e < len(msg) {
		if e-hs > maxAuthority {
			return hs
		}
		if c := msg[e]; c < utf8.RuneSelf {
			if !isASCIILetter(c) && !('0' <= c && c <= '9') && c != '-' && c != '.' && c != '_' && c != '%' {
				break
			}
			e++
			continue
		}
		r, size := utf8.DecodeRuneInString(msg[e:])
		if !isLabelRune(r) && !isZeroWidth(r) {
			break
		}
		e += size
	}
	return e
}

// mailtoAddress reads the address "local@domain" of a mailto: link that
// starts at i and returns where its domain starts and ends; equal for none.
func mailtoAddress(msg string, i int) (hs, he int) {
	at := i
	for at < len(msg) && at-i < maxLocalLen {
		r, size := utf8.DecodeRuneInString(msg[at:])
		if !isMailtoLocal(r) {
			break
		}
		at += size
	}
	if at == i || at >= len(msg) || msg[at] != '@' {
		return i, i
	}
	return at + 1, mailtoDomainEnd(msg, at+1)
}

// mailto matches a mailto: link whose scheme starts at start and whose ':'
// is at colon: one or more addresses separated by ',' (RFC 6068), then
// anything up to the end of the link (header fields, a fragment). The first
// address's domain is the Host. A mailto: link is never rejected, so it
// must not carry a web link past the checks: its local parts cannot hold
// one (see isMailtoLocal), and when what follows its addresses holds a web
// or script link ("?body=https://bit.ly/x", "#https://bit.ly/x",
// "/https://bit.ly/x"), the link ends after the addresses and the scan
// goes on there.
func (s *scanner) mailto(start, colon int) (found, bool) {
	msg := s.msg
	hs, he := mailtoAddress(msg, colon+1)
	if he == hs {
		return found{}, false
	}
	// More addresses, separated by ',', belong to the link.
	ae := he
	for ae < len(msg) && msg[ae] == ',' {
		a, e := mailtoAddress(msg, ae+1)
		if e == a {
			break
		}
		ae = e
	}
	// The link ends after its addresses (trimmed as any link is) when
	// what follows them up to the end of the link holds a web link. That
	// rest is read as a link's path is (see Checker.carried: a host right
	// after '/' counts), by the look-ahead and, after the cut, by the scan
	// that goes on there.
	end := trimEnd(msg, start, ae, hs)
	if end < len(msg) && !stopAt(msg, end) && !s.noAhead {
		re := s.runEndAt(end)
		if s.webAhead(end, re) {
			s.pathUntil = max(s.pathUntil, re)
		} else {
			end = trimEnd(msg, start, re, hs)
		}
	}
	he = min(he, end)
	if he == hs {
		return found{}, false
	}
	return found{start: start, end: end, hostStart: hs, hostEnd: he, kind: Email}, true
}

// runEndAt returns pathEnd(msg, p), remembering the run it found: for the
// mailto: links of one run it is computed once.
func (s *scanner) runEndAt(p int) int {
	if p < s.runFrom || p > s.runEnd {
		s.runFrom, s.runEnd = p, pathEnd(s.msg, p)
	}
	return s.runEnd
}

// webAhead reports whether a web or script link starts in msg[from:to].
// It scans ahead with a second scanner in which mailto: links do not look
// ahead again, so scanning nests one level deep at most. The scanner
// remembers where the look-ahead found a web link, and a mailto: link that
// starts before it reuses the answer: a message of "mailto:a@b?" repeated
// costs one look-ahead, and scanning stays linear.
func (s *scanner) webAhead(from, to int) bool {
	if s.aheadAt > 0 && s.aheadFrom <= from && from <= s.aheadAt {
		return s.aheadAt < to
	}
	la := scanner{msg: s.msg, pos: from, last: from, limit: min(len(s.msg), to+1), pathUntil: max(s.pathUntil, to), noAhead: true}
	for {
		f, ok := la.next()
		if !ok || f.start >= to {
			return false
		}
		if f.kind == Web || f.kind == Script {
			s.aheadFrom, s.aheadAt = from, f.start
			return true
		}
	}
}

func isSlash(c byte) bool { return c == '/' || c == '\\' }

// defangedWebScheme reports whether name is a web scheme with some 't'
// written as 'x': hxxp, hxxps, hxtp, fxp.
func defangedWebScheme(name string) bool {
	for _, w := range [...]string{"http", "https", "ftp", "ftps"} {
		if len(name) != len(w) {
			continue
		}
		ok := true
		for k := 0; k < len(w) && ok; k++ {
			c := name[k] | 0x20
			ok = c == w[k] || w[k] == 't' && c == 'x'
		}
		if ok {
			return true
		}
	}
	return false
}

func webScheme(name string) bool {
	for _, w := range [...]string{"http", "https", "ftp", "ftps"} {
		if strings.EqualFold(name, w) {
			return true
		}
	}
	return false
}

// authority matches the rest of a web link with a scheme: start is the
// scheme's, a the authority's first byte.
func (s *scanner) authority(start, a int, hxxp bool) (found, bool) {
	msg := s.msg
	ae := a
	ipv6 := a < len(msg) && msg[a] == '['
authority:
	for ae < len(msg) {
		if ae-a > maxAuthority {
			return found{}, false
		}
		c := msg[ae]
		switch {
		case c == '[' && ipv6 && ae == a:
		case c == ']' && ipv6:
			ipv6 = false
		case c == '[' || c == '(' || c == '{' || c == ' ':
			n, kind := sepAt(msg, ae)
			if n == 0 || kind < sepDisguised {
				break authority
			}
			r, _ := utf8.DecodeRuneInString(msg[ae+n:])
			if !isLabelRune(r) {
				break authority
			}
			if strings.IndexByte(msg[ae:ae+n], ' ') >= 0 {
				// "https://salon.ru . Ждём": a spaced dot continues the host
				// only before a TLD or another label. Once the host ends in
				// a TLD, " . ", " dot " and " точка " continue it only where
				// they clearly join two labels: "https://salon.ru точка
				// онлайн работает" is a link and a sentence.
				le, _ := labelEnd(msg, ae+n)
				after := stripZeroWidth(msg[ae+n : le])
				m, _ := sepAt(msg, le)
				if m == 0 && !isTLD(after) {
					break authority
				}
				if kind == sepSpaced {
					if before := stripZeroWidth(msg[labelBack(msg, a, ae):ae]); isTLD(before) && !spacedJoin(before, after, m == 0) {
						break authority
					}
				}
			}
			ae += n
			continue
		case c == '/' || c == '?' || c == '#' || c == '\\' || c == ')' || c == ']' || c == '}' ||
			c == '"' || c == '\'' || c == ',' || c == ';' || c == '!' || c == '*' || c == '~' ||
			c == '|' || c == '^' || c == '`' || c == '<' || c == '>':
			break authority
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(msg[ae:])
			if isStop(r) {
				break authority
			}
			ae += size
			continue
		case c <= ' ' || c == 0x7f:
			break authority
		}
		ae++
	}
	// The path's end is found only once the authority holds a host, so
	// that a failed candidate costs no more than its authority: a message
	// of "http://[" repeated stays linear. Trimming can reach back into
	// the authority only when every byte of the path may be trimmed.
	end, pathDone := ae, true
	if ae < len(msg) {
		switch msg[ae] {
		case '/', '?', '#', '\\':
			pathDone = false
			if k := trimmableRun(msg, ae); k == len(msg) || stopAt(msg, k) {
				end, pathDone = k, true
			}
		}
	}
	if pathDone {
		end = trimEnd(msg, start, end, a)
		if end < ae {
			ae = end
		}
	}
	// userinfo@host:port
	hs := a
	if k := strings.LastIndexByte(msg[a:ae], '@'); k >= 0 {
		hs = a + k + 1
	}
	he := ae
	if hs < ae && msg[hs] == '[' {
		k := strings.IndexByte(msg[hs:ae], ']')
		if k < 0 {
			return found{}, false
		}
		he = hs + k + 1
		if he < ae && msg[he] != ':' {
			return found{}, false
		}
	} else if k := strings.LastIndexByte(msg[hs:ae], ':'); k >= 0 {
		he = hs + k
	}
	if he < ae {
		port := msg[he+1 : ae]
		if len(port) > 5 || (port != "" && (!isDigits(port) || atoi(port) > 65535)) {
			return found{}, false
		}
	}
	if he == hs {
		return found{}, false
	}
	// A host starts with a letter, a digit, any other non-ASCII character
	// (browsers accept "✪df.ws"), '_', '%' or the '[' of an IPv6 address.
	if r, _ := utf8.DecodeRuneInString(msg[hs:]); r < utf8.RuneSelf && !isASCIILetter(byte(r)) &&
		!('0' <= r && r <= '9') && r != '%' && r != '[' && r != '_' {
		return found{}, false
	}
	if !pathDone {
		end = trimEnd(msg, start, pathEnd(msg, ae), a)
	}
	f := found{start: start, end: end, hostStart: hs, hostEnd: he, kind: Web, hxxp: hxxp}
	return f, true
}

// trimmableRun returns the end of the run of bytes from i that trimEnd may
// drop (the path separators that start the run included): when the run
// reaches the end of the path, trimming may cut into what precedes it.
func trimmableRun(msg string, i int) int {
	for i < len(msg) {
		switch msg[i] {
		case '/', '?', '#', '\\', '.', ',', '!', ':', ';', '*', '_', '~', '`', ')', ']', '}', '"', '\'':
			i++
			continue
		}
		if strings.HasPrefix(msg[i:], "…") {
			i += len("…")
			continue
		}
		break
	}
	return i
}

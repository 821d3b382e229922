package linkcheck

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

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
	mention := false
	if ls > 0 {
		// Not a mention (@example.com), a path (a/b.com), the tail of a
		// longer dotted run (1.2.3.4.5, т.е.Онлайн: the labels before
		// were read from an earlier dot) or of a bad host (http://-x.com).
		switch msg[ls-1] {
		case '/', '\\':
			if ls-1 >= s.pathUntil && pathSegment(msg, ls-1, s.last) {
				return found{}, false
			}
		case '@':
			// A mention has no path: "@bit.ly/x" is a link (see below).
			mention = true
		case '-':
			return found{}, false
		case '.':
			// After an ellipsis ("Ждём...salon.ru") or a dot that follows
			// no label ("_.bit.ly", "~.bit.ly", "-.bit.ly") the host starts
			// here; not after "//." or ":." ("http://.example.com" is no
			// link: its host would be empty).
			if r, _ := utf8.DecodeLastRuneInString(msg[:ls-1]); ls >= 2 && (isLabelRune(r) && r != '-' || r == '/' || r == '\\' || r == ':') {
				return found{}, false
			}
		}
	}
	l := s.readLabels(ls)
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
	// Russian abbreviations glued by a plain dot to the words after them
	// ("г.Москва", "ул.Ленина", "т.е.Онлайн", "т.к.сайт", "напр.сайт") are
	// text, however many: the host, if any, starts after them ("см.
	// сайт.рф" written as "см.сайт.рф" is сайт.рф).
	a := 0
	for a < k-1 && l.sep[a] == sepDot && isAbbreviation(stripZeroWidth(l.label(msg, a))) {
		a++
	}
	if k-a < 2 {
		return found{}, false
	}
	ls = l.start[a]
	if a > 0 {
		// Invisible characters between the abbreviations and the host
		// ("т.\ufe00сайт.рф") are beside the link, not in it.
		for ls < l.end[a] {
			r, n := utf8.DecodeRuneInString(msg[ls:])
			if !isZeroWidth(r) {
				break
			}
			ls += n
		}
		if ls == l.end[a] {
			return found{}, false
		}
	}
	disguised := false
	for j := a; j < k-1; j++ {
		disguised = disguised || l.fancy(j)
	}
	he := l.end[k-1]
	end := s.tail(ls, he)
	if mention && end == he {
		return found{}, false
	}
	if k-a == 2 {
		first, tld := stripZeroWidth(l.label(msg, a)), l.label(msg, a+1)
		// "Спасибо.Сайт работает": a sentence glued to the next, which
		// starts with a capital letter; a port, a path or "www." make it
		// a link after all, and so does a TLD that is no word ("Рф").
		if end == he && !strings.EqualFold(first, "www") && capitalizedCyrillic(tld) && !cyrillicCodeTLD(tld) {
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
	l := s.readLabels(hs)
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

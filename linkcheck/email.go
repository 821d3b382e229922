package linkcheck

import (
	"strings"
	"unicode/utf8"
)

// email matches an e-mail address whose '@' is at at. When a path, query
// or port follows the domain ("good.com@bit.ly/x"), the text is a web link
// with userinfo and the host is the part after '@', as in a browser.
func (s *scanner) email(at int) (found, bool) {
	msg := s.msg
	ls := at
	for ls > s.last {
		r, size := utf8.DecodeLastRuneInString(msg[:ls])
		if !isLocalRune(r) && r != '!' {
			break
		}
		// RFC 5322 allows '!' ("ab!@host"), but after a word in another
		// script it ends a sentence: "Привет!info@salon.ru".
		if r == '!' && ls > 1 && msg[ls-2] >= utf8.RuneSelf {
			break
		}
		ls -= size
		if at-ls > maxLocalLen {
			s.work += at - ls
			return found{}, false
		}
	}
	s.work += at - ls
	for ls < at && (msg[ls] == '.' || msg[ls] == '!') {
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
	l := s.readLabels(hs)
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
		case c == ':':
			// A port that is no number, then a path ("a@bit.ly:x/y"): a
			// malformed web link whose host is still the one to judge.
			if p := portEnd(msg, he+1); p < len(msg) && msg[p] == '/' {
				f.kind, f.malformed = Web, true
				f.end = s.trimEnd(ls, s.pathEnd(p), p)
			}
		}
	}
	return f, true
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
	s.work += ae - start
	// The link ends after its addresses (trimmed as any link is) when
	// what follows them up to the end of the link holds a web link. That
	// rest is read as a link's path is (see Checker.carried: a host right
	// after '/' counts), by the look-ahead and, after the cut, by the scan
	// that goes on there.
	end := s.trimEnd(start, ae, hs)
	if end < len(msg) && !stopAt(msg, end) && !s.noAhead {
		re := s.runEndAt(end)
		if s.webAhead(end, re) {
			s.pathUntil = max(s.pathUntil, re)
		} else {
			end = s.trimEnd(start, re, hs)
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
		s.runFrom, s.runEnd = p, s.pathEnd(p)
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
		s.work += la.work
		la.work = 0
		if !ok || f.start >= to {
			return false
		}
		if f.kind == Web || f.kind == Script {
			s.aheadFrom, s.aheadAt = from, f.start
			return true
		}
	}
}

package linkcheck

import (
	"strings"
	"unicode/utf8"
)

// webSchemes are the schemes of web links; defangedWebScheme accepts them
// with any 't' written as 'x'.
var webSchemes = [...]string{"http", "https", "ftp", "ftps"}

// authorityEnd holds the ASCII bytes that end an authority: the path
// separators, brackets and quotes that close around a link, and
// punctuation no host, userinfo or port holds unencoded.
var authorityEnd = byteSet(pathSeps + closers + quoteMarks + ",;!*~|^`<>")

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
	// Invisible characters before the scheme ("▶️https://") are not part of
	// the link; only those among its letters hide something.
	zw = zw && strings.ContainsFunc(msg[j:i], isZeroWidth)
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
		return found{start: j, end: s.trimEnd(j, e, i+1), kind: Phone}, true
	case strings.EqualFold(name, "javascript") || strings.EqualFold(name, "vbscript") || strings.EqualFold(name, "data"):
		end := s.trimEnd(j, s.pathEnd(i+1), i+1)
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

func webScheme(name string) bool {
	for _, w := range webSchemes {
		if strings.EqualFold(name, w) {
			return true
		}
	}
	return false
}

// defangedWebScheme reports whether name is a web scheme with some 't'
// written as 'x': hxxp, hxxps, hxtp, fxp.
func defangedWebScheme(name string) bool {
	for _, w := range webSchemes {
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
		case authorityEnd[c]:
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
	s.work += ae - a
	// The path's end is found only once the authority holds a host, so
	// that a failed candidate costs no more than its authority: a message
	// of "http://[" repeated stays linear. Trimming can reach back into
	// the authority only when every byte of the path may be trimmed.
	end, pathDone := ae, true
	if ae < len(msg) {
		switch msg[ae] {
		case '/', '?', '#', '\\':
			pathDone = false
			k := trimmableRun(msg, ae)
			s.work += k - ae
			if k == len(msg) || stopAt(msg, k) {
				end, pathDone = k, true
			}
		}
	}
	if pathDone {
		end = s.trimEnd(start, end, a)
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
	// After a port that is no number ("https://a@bit.ly:x/y") the link
	// ends at its host, as in xurls, twitter-text and Telegram: the host is
	// judged, and the scan goes on after it (so "https://a@b.ru:bit.ly/x"
	// gives bit.ly/x too).
	badPort := he < ae && !validPort(msg[he+1:ae])
	if badPort {
		end, pathDone = s.trimEnd(start, he, a), true
		he = min(he, end)
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
		end = s.trimEnd(start, s.pathEnd(ae), a)
	}
	f := found{start: start, end: end, hostStart: hs, hostEnd: he, kind: Web, hxxp: hxxp}
	return f, true
}

package linkcheck

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The characters around a link's end, each set spelled once here.
const (
	// trailingPunct ends a sentence or is WhatsApp markup around a link
	// (*bold*, _italic_, ~strike~, ```monospace```): trimEnd always drops
	// it from a link's end, as it does the ellipsis '…' and invisible
	// characters (see isZeroWidth).
	trailingPunct = ".,!?:;*_~`"
	// openers and closers are the brackets, closers[k] closing
	// openers[k]: trimEnd drops a closer that has no opener in the link.
	openers = "([{"
	closers = ")]}"
	// quoteMarks are dropped from a link's end when unpaired in it.
	quoteMarks = "\"'"
	// pathSeps start a path, a query or a fragment after an authority
	// ('\\' as a browser reads it after a web scheme).
	pathSeps = "/?#\\"
)

var (
	// trailing holds the bytes of trailingPunct.
	trailing = byteSet(trailingPunct)
	// trimmable holds every byte trimEnd may drop, and the path separators
	// that may start such a run (see trimmableRun).
	trimmable = byteSet(pathSeps + trailingPunct + closers + quoteMarks)
	// paired holds the bytes trimEnd counts: brackets and quote marks.
	paired = byteSet(openers + closers + quoteMarks)
)

// byteSet returns a table of the bytes of s.
func byteSet(s string) (t [256]bool) {
	for i := 0; i < len(s); i++ {
		t[s[i]] = true
	}
	return t
}

// tail extends a link whose host ends at he over a port and a path, query
// or fragment, and trims what follows a link in text.
func (s *scanner) tail(start, he int) int {
	msg := s.msg
	e := he
	if e+1 < len(msg) && msg[e] == ':' {
		j := e + 1
		for j < len(msg) && j-e <= maxPort && '0' <= msg[j] && msg[j] <= '9' {
			j++
		}
		if j > e+1 && validPort(msg[e+1:j]) {
			if r, _ := utf8.DecodeRuneInString(msg[j:]); !isLabelRune(r) {
				e = j
			}
		}
	}
	if e < len(msg) {
		switch msg[e] {
		case '/', '?', '#':
			return s.trimEnd(start, s.pathEnd(e), e)
		}
	}
	return e
}

// validPort reports whether p, the text between a host's ':' and the end
// of its authority, is a port: empty, or at most maxPort decimal digits
// whose value is at most 65535. Leading zeros are allowed, as in a browser
// ("salon.ru:0080").
func validPort(p string) bool {
	if len(p) > maxPort || !isDigits(p) && p != "" {
		return false
	}
	p = strings.TrimLeft(p, "0")
	return len(p) <= 5 && atoi(p) <= 65535
}

// portEnd returns the end of the run of at most maxPort ASCII letters,
// digits, '_' and '-' from i: where a port that is no number ends.
func portEnd(msg string, i int) int {
	j := i
	for j < len(msg) && j-i < maxPort && (isASCIILetter(msg[j]) || '0' <= msg[j] && msg[j] <= '9' || msg[j] == '_' || msg[j] == '-') {
		j++
	}
	return j
}

// isStop reports whether r ends a link: white space, control characters,
// angle brackets, typographic quotes and the vertical bars that separate
// items in templates: fullwidth '｜', double '‖' and box-drawing '│'.
func isStop(r rune) bool {
	switch r {
	case '<', '>', '«', '»', '“', '”', '„', '｜', '‖', '│', utf8.RuneError:
		return true
	}
	return r < ' ' || r == 0x7f || unicode.IsSpace(r) || (r >= 0x80 && r < 0xa0)
}

// stopAt reports whether the rune at i ends a link.
func stopAt(msg string, i int) bool {
	r, _ := utf8.DecodeRuneInString(msg[i:])
	return isStop(r)
}

// pathEnd is pathEnd on s.msg, counted as work.
func (s *scanner) pathEnd(i int) int {
	e := pathEnd(s.msg, i)
	s.work += e - i + 1
	return e
}

// trimEnd is trimEnd on s.msg, counted as work.
func (s *scanner) trimEnd(start, end, min int) int {
	s.work += end - start
	return trimEnd(s.msg, start, end, min)
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

// trimEnd returns where a link in msg[start:end] ends, not below min: at
// the first closer without its opener before it in the link, or at the
// last of an odd number of '"'; then it drops from the end what ends a
// sentence or wraps a link rather than belongs to it: trailingPunct, the
// ellipsis and invisible characters, always; closers without their opener
// inside the link, and unpaired apostrophes.
func trimEnd(msg string, start, end, min int) int {
	var open, closed [len(openers)]int
	var quotes, apos int
	lastQuote := -1
	for i := start; i < end; i++ {
		c := msg[i]
		if !paired[c] {
			continue
		}
		if k := strings.IndexByte(openers, c); k >= 0 {
			open[k]++
		} else if k := strings.IndexByte(closers, c); k >= 0 {
			if closed[k] == open[k] && i >= min {
				// A closer without its opener ends the link wherever it
				// stands: "(https://site.ru/a)и" is https://site.ru/a.
				end = i
				break
			}
			closed[k]++
		} else if c == '"' {
			quotes++
			lastQuote = i
		} else {
			apos++
		}
	}
	if quotes%2 == 1 && lastQuote >= min {
		// So does the last of an odd number of '"': no link holds an
		// unpaired one ("https://site.ru/a"и"), as no peer reads it so.
		end, quotes = lastQuote, quotes-1
	}
	for end > min {
		if msg[end-1] >= utf8.RuneSelf {
			// The ellipsis, and invisible characters (isZeroWidth) such as
			// a direction mark after a link.
			r, size := utf8.DecodeLastRuneInString(msg[:end])
			if end-size >= min && (r == '…' || isZeroWidth(r)) {
				end -= size
				continue
			}
			return end
		}
		c := msg[end-1]
		switch k := strings.IndexByte(closers, c); {
		case trailing[c]:
		case k >= 0:
			if closed[k] <= open[k] {
				return end
			}
			closed[k]--
		case c == '"':
			if quotes%2 == 0 {
				return end
			}
			quotes--
		case c == '\'':
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

// trimmableRun returns the end of the run of bytes from i that trimEnd may
// drop (the path separators that start the run included): when the run
// reaches the end of the path, trimming may cut into what precedes it.
func trimmableRun(msg string, i int) int {
	for i < len(msg) {
		if trimmable[msg[i]] {
			i++
			continue
		}
		if msg[i] >= utf8.RuneSelf {
			if r, size := utf8.DecodeRuneInString(msg[i:]); r == '…' || isZeroWidth(r) {
				i += size
				continue
			}
		}
		break
	}
	return i
}

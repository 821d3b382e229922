package linkcheck

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

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

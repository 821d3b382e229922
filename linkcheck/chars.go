package linkcheck

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// hostByte reports whether c may be a byte of a host label next to a dot:
// an ASCII letter or digit, or a byte of a non-ASCII character.
func hostByte(c byte) bool {
	return c >= utf8.RuneSelf || isASCIILetter(c) || '0' <= c && c <= '9'
}

// isLabelRune reports whether r may be part of a host label: a letter, a
// digit, a combining mark or '-'.
func isLabelRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r|0x20 && r|0x20 <= 'z' || '0' <= r && r <= '9' || r == '-'
	}
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r))
}

// isLocalRune reports whether r may be part of an e-mail local part.
func isLocalRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIILetter(byte(r)) || '0' <= r && r <= '9' || strings.ContainsRune("._%+-", r)
	}
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

func isSlash(c byte) bool { return c == '/' || c == '\\' }

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

func hasASCIIAlnum(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; isASCIILetter(c) || '0' <= c && c <= '9' {
			return true
		}
	}
	return false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func isCyrillic(r rune) bool {
	return 0x400 <= r && r <= 0x52F || unicode.Is(unicode.Cyrillic, r)
}

// isZeroWidth reports whether r is an invisible character that is used to
// hide a link from filters: zero-width space, joiners, word joiner, BOM,
// soft hyphen, Mongolian vowel separator, invisible operators.
func isZeroWidth(r rune) bool {
	switch r {
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u180e',
		'\u2061', '\u2062', '\u2063', '\u2064':
		return true
	}
	return false
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

// toLower lower-cases a rune with an ASCII fast path.
func toLower(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	return unicode.ToLower(r)
}

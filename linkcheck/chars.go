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
// digit, a combining mark that is not enclosing (IDNA 2008 allows no
// enclosing marks: the keycap of "1️⃣" is none) or '-'; no invisible
// character (see isZeroWidth), though some are letters or marks.
func isLabelRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r|0x20 && r|0x20 <= 'z' || '0' <= r && r <= '9' || r == '-'
	}
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.In(r, unicode.Mn, unicode.Mc)) && !isZeroWidth(r)
}

// isLocalRune reports whether r may be part of an e-mail local part.
func isLocalRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIILetter(byte(r)) || '0' <= r && r <= '9' || strings.ContainsRune("._%+-", r)
	}
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r)) && !isZeroWidth(r)
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

// isZeroWidth reports whether r is an invisible character: a default
// ignorable code point of Unicode (DerivedCoreProperties.txt), which a text
// shows as nothing. They hide a link from filters inside a host (zero-width
// space and joiners, word joiner, BOM, soft hyphen, invisible operators,
// Hangul fillers) and sit beside links in ordinary text: the variation
// selector U+FE0F that asks for an emoji's colour form ("✅️", "▶️"), and the
// direction marks and isolates U+200E, U+200F, U+202A-U+202E, U+2066-U+2069.
// Next to a link they are not part of it; inside a host they are flagged.
func isZeroWidth(r rune) bool {
	if r < 0x180B {
		return r == 0xAD || r == 0x34F || r == 0x61C || r == 0x115F || r == 0x1160 || r == 0x17B4 || r == 0x17B5
	}
	switch {
	case r <= 0x180F, 0x200B <= r && r <= 0x200F, 0x202A <= r && r <= 0x202E, 0x2060 <= r && r <= 0x206F,
		r == 0x3164, 0xFE00 <= r && r <= 0xFE0F, r == 0xFEFF, r == 0xFFA0,
		0x1BCA0 <= r && r <= 0x1BCA3, 0x1D173 <= r && r <= 0x1D17A, 0xE0000 <= r && r <= 0xE0FFF:
		return true
	}
	return false
}

// isSymbol reports whether r is a symbol outside ASCII (Unicode category
// S: emoji, pictographs, signs), as emoji are.
func isSymbol(r rune) bool {
	return r >= utf8.RuneSelf && unicode.IsSymbol(r)
}

// isVariationSelector reports whether r selects a glyph variant of the
// character before it (U+FE00-U+FE0F, U+E0100-U+E01EF): after a symbol it
// is part of an emoji ("❤️").
func isVariationSelector(r rune) bool {
	return 0xFE00 <= r && r <= 0xFE0F || 0xE0100 <= r && r <= 0xE01EF
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

package campaign

import "unicode/utf8"

// looksWindows1251 reports whether b, bytes that are not valid UTF-8, read
// as Windows-1251 Cyrillic text: most of its bytes above 0x7F are the code
// page's letters (А..я at 0xC0..0xFF, Ё and ё at 0xA8 and 0xB8), mostly
// next to each other (words), the rest its punctuation (« » № – — and the
// no-break space). Valid UTF-8 (Russian
// text saved as UTF-8 is valid) never looks so; an incomplete rune at the
// end of b is ignored, so b may be the first bytes of a file.
func looksWindows1251(b []byte) bool {
	if validUTF8Prefix(b) {
		return false
	}
	letters, high, inWords := 0, 0, 0
	for i, c := range b {
		if c < 0x80 {
			continue
		}
		high++
		if isLetter1251(c) {
			letters++
			if i > 0 && isLetter1251(b[i-1]) || i+1 < len(b) && isLetter1251(b[i+1]) {
				inWords++
			}
		}
	}
	// Cyrillic words are runs of such letters; Latin-1 accents ("café")
	// fall in the same range but stand alone among ASCII letters.
	return letters > 0 && letters*10 >= high*7 && inWords*2 >= letters
}

func isLetter1251(c byte) bool { return c >= 0xC0 || c == 0xA8 || c == 0xB8 }

// validUTF8Prefix reports whether b is valid UTF-8 but for an incomplete
// rune at its end (b may be cut from a longer text).
func validUTF8Prefix(b []byte) bool {
	for i := max(len(b)-utf8.UTFMax+1, 0); i < len(b); i++ {
		if utf8.RuneStart(b[i]) && !utf8.FullRune(b[i:]) {
			b = b[:i]
			break
		}
	}
	return utf8.Valid(b)
}

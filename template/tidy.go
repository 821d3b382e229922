package template

// tidy cleans the white space that empty spintax options and empty values
// leave, in place: on every line it drops leading and trailing spaces and
// tabs, collapses runs of spaces and tabs to one space, and removes a space
// before , . ! ? : ;. Newlines are never touched, so paragraphs stay as
// written. No-break spaces (U+00A0) are not white space here: money and
// numbers keep them.
func tidy(b []byte) []byte {
	w := 0
	pending := false // a space was seen and not yet written
	lineStart := true
	for r := 0; r < len(b); r++ {
		c := b[r]
		switch c {
		case ' ', '\t':
			if !lineStart {
				pending = true
			}
			continue
		case '\n', '\r':
			pending = false
			lineStart = true
			b[w] = c
			w++
			continue
		case ',', '.', '!', '?', ':', ';':
			pending = false
		}
		if pending {
			b[w] = ' '
			w++
			pending = false
		}
		lineStart = false
		b[w] = c
		w++
	}
	return b[:w]
}

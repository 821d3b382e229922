package chunk

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// classify returns the level of a run of spaces (no line break) that
// follows the word tok and precedes the rune next. lineStart reports
// whether tok begins a line (for numbered list items).
func classify(tok string, lineStart bool, next rune) level {
	t := trimClosers(tok)
	if t == "" {
		return levelWord
	}
	r, size := utf8.DecodeLastRuneInString(t)
	switch r {
	case '!', '?':
		return levelSentence
	case '…':
		if unicode.IsLower(next) {
			return levelWord
		}
		return levelSentence
	case '.':
		if unicode.IsLower(next) {
			return levelWord // "т. е. вы", "5 тыс. рублей", "Ну... ладно"
		}
		w := t[:len(t)-size]
		if strings.HasSuffix(w, ".") || strings.HasSuffix(w, "!") || strings.HasSuffix(w, "?") {
			return levelSentence // "...", "?..", "!.."
		}
		if abbreviation(trimClosers(trimOpeners(w)), lineStart) {
			return levelWord
		}
		return levelSentence
	case ',', ';', ':', '—', '–':
		return levelClause
	case '-':
		if t == "-" {
			return levelClause // a hyphen standing for a dash
		}
	}
	if hanging(tok) {
		return levelHanging
	}
	return levelWord
}

// hanging reports whether w is a short preposition, conjunction or
// particle that belongs with the word after it, so a chunk should not end
// on it ("... или по" / "телефону"), as Russian typesetting keeps it off a
// line's end. The case of the first letter is ignored.
func hanging(w string) bool {
	if len(w) > 6 || w == "" {
		return false
	}
	var buf [8]byte
	r, n := utf8.DecodeRuneInString(w)
	b := utf8.AppendRune(buf[:0], unicode.ToLower(r))
	b = append(b, w[n:]...)
	return hangingWords[string(b)]
}

var hangingWords = map[string]bool{
	"а": true, "без": true, "в": true, "во": true, "для": true, "до": true,
	"за": true, "и": true, "из": true, "или": true, "к": true, "ко": true,
	"на": true, "над": true, "не": true, "ни": true, "но": true, "о": true,
	"об": true, "от": true, "по": true, "под": true, "при": true, "про": true,
	"с": true, "со": true, "у": true, "что": true, "как": true,
}

// closer reports whether r closes a quotation or a bracket.
func closer(r rune) bool {
	switch r {
	case '»', '"', '”', '’', '\'', ')', ']', '}', '“':
		return true
	}
	return false
}

// opener reports whether r opens a quotation or a bracket.
func opener(r rune) bool {
	switch r {
	case '«', '"', '“', '„', '‘', '\'', '(', '[', '{':
		return true
	}
	return false
}

func trimClosers(s string) string {
	for s != "" {
		r, n := utf8.DecodeLastRuneInString(s)
		if !closer(r) {
			break
		}
		s = s[:len(s)-n]
	}
	return s
}

func trimOpeners(s string) string {
	for s != "" {
		r, n := utf8.DecodeRuneInString(s)
		if !opener(r) {
			break
		}
		s = s[n:]
	}
	return s
}

// abbreviation reports whether a period after w (w without that period)
// marks an abbreviation, an initial or a list number rather than the end
// of a sentence. It is called only when the next word does not begin with
// a lower-case letter.
func abbreviation(w string, lineStart bool) bool {
	if w == "" || len(w) > 40 {
		return false
	}
	// A list number at the start of a line: "1. Первый пункт", "2.1. Итог".
	if lineStart && digitsAndDots(w) {
		return true
	}
	var buf [40]byte
	lw := buf[:0]
	letters, parts, maxPart, part := 0, 1, 0, 0
	allUpperSingles := true
	for _, r := range w {
		switch {
		case r == '.':
			parts++
			part = 0
		case unicode.IsLetter(r):
			letters++
			part++
			if part > maxPart {
				maxPart = part
			}
			if !unicode.IsUpper(r) || part > 1 {
				allUpperSingles = false
			}
			r = unicode.ToLower(r)
		default:
			if r != '-' {
				allUpperSingles = false
			}
		}
		lw = utf8.AppendRune(lw, r)
	}
	if endable[string(lw)] {
		return false
	}
	if abbrevs[string(lw)] {
		return true
	}
	if letters == 0 {
		return false
	}
	// One upper-case letter, or several joined by periods: initials
	// ("А. С. Пушкин", "Иванов И.И."). One lower-case letter: an
	// abbreviation ("т. е.", "д. 5"), except the pronoun "я".
	if parts == letters && maxPart == 1 {
		if allUpperSingles {
			return true
		}
		return string(lw) != "я"
	}
	// Short letter groups joined by periods: "т.е", "н.э", "и.о".
	if parts > 1 && maxPart <= 2 && letters+parts-1 == utf8.RuneCountInString(w) {
		return true
	}
	return false
}

func digitsAndDots(w string) bool {
	digit := false
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c >= '0' && c <= '9':
			digit = true
		case c == '.':
		default:
			return false
		}
	}
	return digit
}

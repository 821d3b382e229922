package risk

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// AsksQuestion reports whether text asks a question: whether it has a
// question mark ('?' or the full-width '？') that ends a sentence, that is
// one not followed by a letter, a digit or one of = & % _ - / (which mark
// the '?' of a link's query, as in "site.ru/?utm=1"). Use it on a
// rendered message to fill [Plan].AsksQuestion. It is a scan of its own
// (risk depends on no other package), held by a test in package campaign
// to say what chunk.Sentences says of the corpus templates' messages: a
// message asks a question when one of its sentences ends in '?'.
func AsksQuestion(text string) bool {
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		if r != '?' && r != '？' {
			continue
		}
		next, _ := utf8.DecodeRuneInString(text[i:])
		if i == len(text) || !(unicode.IsLetter(next) || unicode.IsDigit(next) || strings.ContainsRune("=&%_-/", next)) {
			return true
		}
	}
	return false
}

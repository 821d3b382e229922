package linkcheck

import (
	"strings"
)

// sepWords are the words that stand for a dot in disguised links.
var sepWords = [...]string{".", "dot", "точка"}

// sepKind says how a separator between host labels is written.
type sepKind uint8

const (
	sepNone sepKind = iota
	// sepDot: a plain '.'.
	sepDot
	// sepDisguised: a look-alike dot ('。', '．', '｡', '﹒', '․') or a
	// bracketed one ("[.]", "(dot)", "{точка}", also with spaces around or
	// inside: "bit [.] ly"). Ordinary text is never written so.
	sepDisguised
	// sepSpaced: " . ", " dot ", " точка " with one to three spaces on each
	// side. Ordinary sentences look the same ("Наша точка онлайн"), so the
	// scanner takes it only between labels that are clearly a host (see
	// spacedJoin).
	sepSpaced
)

// sepAt returns the length in bytes of the separator between host labels
// that starts at i, or 0, and how it is written.
func sepAt(msg string, i int) (n int, kind sepKind) {
	if i >= len(msg) {
		return 0, sepNone
	}
	switch msg[i] {
	case '.':
		return 1, sepDot
	case 0xE2, 0xE3, 0xEF:
		// The IDNA label separators '。' (E3 80 82) and '｡' (EF BD A1), and
		// every character whose compatibility form is a full stop: '．'
		// (EF BC 8E), '﹒' (EF B9 92), '․' (E2 80 A4).
		if i+2 >= len(msg) {
			return 0, sepNone
		}
		switch msg[i : i+3] {
		case "。", "｡", "．", "﹒", "․":
			return 3, sepDisguised
		}
	case '[', '(', '{':
		if n := bracketSep(msg, i); n > 0 {
			return skipSpaces(msg, i+n) - i, sepDisguised
		}
	case ' ':
		j := skipSpaces(msg, i)
		if j >= len(msg) {
			return 0, sepNone
		}
		if msg[j] == '[' || msg[j] == '(' || msg[j] == '{' {
			if n := bracketSep(msg, j); n > 0 {
				return skipSpaces(msg, j+n) - i, sepDisguised
			}
			return 0, sepNone
		}
		if !sepWordAt(msg, j) {
			return 0, sepNone
		}
		for _, w := range sepWords {
			e := j + len(w)
			if e < len(msg) && msg[e] == ' ' && strings.EqualFold(msg[j:e], w) {
				return skipSpaces(msg, e) - i, sepSpaced
			}
		}
	}
	return 0, sepNone
}

// sepWordAt reports whether one of sepWords, or a space before one, may
// start at j: '.', 'd', 'D', 'т' (D1 82), 'Т' (D0 A2) or ' '. It keeps
// ordinary text (" {Добрый день|...}") away from the word comparisons.
func sepWordAt(msg string, j int) bool {
	if j >= len(msg) {
		return false
	}
	switch msg[j] {
	case '.', 'd', 'D', ' ':
		return true
	case 0xD1:
		return j+1 < len(msg) && msg[j+1] == 0x82
	case 0xD0:
		return j+1 < len(msg) && msg[j+1] == 0xA2
	}
	return false
}

// bracketSep returns the length of "[.]", "(dot)", "{точка}" and the like
// at i (spaces inside allowed: "[ . ]"), or 0.
func bracketSep(msg string, i int) int {
	closing := byte(']')
	switch msg[i] {
	case '(':
		closing = ')'
	case '{':
		closing = '}'
	}
	j := skipSpaces(msg, i+1)
	if !sepWordAt(msg, j) {
		return 0
	}
	for _, w := range sepWords {
		e := j + len(w)
		if e <= len(msg) && strings.EqualFold(msg[j:e], w) {
			if k := skipSpaces(msg, e); k < len(msg) && msg[k] == closing {
				return k + 1 - i
			}
		}
	}
	return 0
}

// skipSpaces returns the end of the run of at most three spaces at i.
func skipSpaces(msg string, i int) int {
	j := i
	for j < len(msg) && msg[j] == ' ' && j-i < 3 {
		j++
	}
	return j
}

// spacedJoin reports whether a spaced separator (" . ", " dot ",
// " точка ") between the labels before and after (zero-width characters
// removed) clearly joins two labels of a host rather than two words of a
// sentence: Latin on both sides (an ASCII letter or digit before it, an
// ASCII label after it: "bit dot ly", "salon точка ru"); "www" before it;
// or right before the host's last label, a Cyrillic TLD that is no Russian
// word, written in lower case ("пример точка рф"; not "Наша точка онлайн",
// nor "любая точка РФ" or "Главная точка Бел", where the capital says it
// is a word of the sentence: the country, an adjective).
func spacedJoin(before, after string, afterIsLast bool) bool {
	return hasASCIIAlnum(before) && isASCII(after) ||
		strings.EqualFold(before, "www") ||
		afterIsLast && cyrillicCodeTLD(after) && after == strings.ToLower(after)
}

// cyrillicCodeTLD reports whether label, in any case, is a Cyrillic TLD
// that is a country code or an abbreviation, never a Russian word on its
// own: рф, рус, укр, бел, бг, мкд, мон, срб, қаз. The other Cyrillic TLDs
// (сайт, онлайн, москва, дети, ком, орг, католик, ею) are ordinary words
// that start sentences and follow "точка". It does not allocate.
func cyrillicCodeTLD(label string) bool {
	for _, t := range [...]string{"рф", "рус", "укр", "бел", "бг", "мкд", "мон", "срб", "қаз"} {
		if len(label) == len(t) && strings.EqualFold(label, t) {
			return true
		}
	}
	return false
}

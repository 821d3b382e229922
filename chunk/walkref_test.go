package chunk

// The reference implementation of walk: the code of walk and of the
// functions it calls that were rewritten for speed (simple, cluster,
// space, spaceRune, decode, nextWords, classify, hanging with its table,
// and lowerWord, which calls hanging), as they were before that rewrite.
// walk_test.go holds the fast walk to it, result for result, on the
// corpus, the UD sentences and generated adversarial text. The helpers not
// rewritten (quoteState, attachable, parenDelta, ...) are shared.

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// simpleRef reports whether r is a rune that is a grapheme cluster on its own
// when its neighbours are simple too: it is not CR, a combining or spacing
// mark, a joiner, a regional indicator, a Hangul jamo, a prepended
// concatenation mark, or an emoji modifier. Latin, Cyrillic, common
// punctuation and symbols are simple, which keeps the common path free of
// the full UAX #29 state machine.
func simpleRef(r rune) bool {
	switch {
	case r < 0x300:
		return r != '\r'
	case r < 0x400:
		return false
	case r < 0x483:
		return true
	case r < 0x48A:
		return false
	case r < 0x530:
		return true
	case r < 0x2010:
		return false
	case r < 0x2028:
		return true
	case r < 0x2030:
		return false
	case r < 0x205F:
		return true
	case r < 0x20A0:
		return false
	case r < 0x20C1:
		return true
	case r < 0x2100:
		return false
	case r < 0x2150:
		return true
	}
	return false
}

// clusterRef returns the byte length of the grapheme cluster at the start of
// s (len(s) > 0), its length in runes and in UTF-16 code units. An invalid
// UTF-8 byte is one cluster of one rune and one UTF-16 unit, as
// utf8.DecodeRuneInString reads it.
func clusterRef(s string) (n, runes, u16 int) {
	r, size := rune(s[0]), 1
	if r >= utf8.RuneSelf {
		r, size = utf8.DecodeRuneInString(s)
	}
	if simpleRef(r) {
		if size == len(s) {
			return size, 1, 1
		}
		r2 := rune(s[size])
		if r2 >= utf8.RuneSelf {
			r2, _ = utf8.DecodeRuneInString(s[size:])
		}
		if simpleRef(r2) {
			return size, 1, 1
		}
	}
	c, _, _, _ := uniseg.FirstGraphemeClusterInString(s, -1)
	if len(c) == 0 { // cannot happen for len(s) > 0; guard against a hang
		return size, 1, 1
	}
	for i := 0; i < len(c); {
		r, sz := utf8.DecodeRuneInString(c[i:])
		i += sz
		runes++
		u16++
		if r >= 0x10000 {
			u16++
		}
	}
	return len(c), runes, u16
}

// spaceRef classifies a white space cluster: whether it is white space at
// all, how many line breaks it makes, and whether a chunk may end at it
// (no-break spaces are white space but keep their neighbours together).
func spaceRef(c string) (ws bool, breaks int, breakable bool) {
	if c == "\r\n" {
		return true, 1, true
	}
	r, size := rune(c[0]), 1
	if r >= utf8.RuneSelf {
		r, size = utf8.DecodeRuneInString(c)
	}
	if size != len(c) {
		return false, 0, false
	}
	return spaceRuneRef(r)
}

// spaceRuneRef classifies the rune r as space does a one-rune cluster.
func spaceRuneRef(r rune) (ws bool, breaks int, breakable bool) {
	switch r {
	case ' ', '\t':
		return true, 0, true
	case '\n', '\r', '\v', '\f', 0x85, 0x2028:
		return true, 1, true
	case 0x2029:
		return true, 2, true
	case 0xA0, 0x2007, 0x202F:
		return true, 0, false
	}
	if r < 0x1680 {
		return false, 0, false
	}
	if unicode.IsSpace(r) {
		return true, 0, true
	}
	return false, 0, false
}

// decodeRef returns the rune at text[i] (i < len(text)) and its size.
func decodeRef(text string, i int) (rune, int) {
	c := text[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	// Two-byte sequences (Cyrillic, Latin-1) inline: the common case.
	if c >= 0xC2 && c <= 0xDF && i+1 < len(text) {
		if c2 := text[i+1]; c2&0xC0 == 0x80 {
			return rune(c&0x1F)<<6 | rune(c2&0x3F), 2
		}
	}
	return utf8.DecodeRuneInString(text[i:])
}

// walkRef makes the one pass over text that every Split needs: it measures
// the text in u and finds the white space runs with their levels.
func walkRef(text string, u Unit) walked {
	w := walked{start: -1}
	if len(text) > 64 {
		w.runs = make([]run, 0, len(text)/8)
	}
	cum := 0
	inRun := false
	var cur run
	breakable := false
	nl := 0
	tokStart := 0 // start of the word before the current run
	lineStart := true
	prevTok := ""  // the word before that one on its line
	depth := 0     // brackets open before it in its paragraph
	quote := false // a quotation is open before it on its line
	var r rune
	size := 0
	if len(text) > 0 {
		r, size = decodeRef(text, 0)
	}
	for i := 0; i < len(text); {
		// The cluster at i: one simple rune when the next is simple too,
		// else whatever UAX #29 says.
		var n, runes, u16 int
		var ws, bk bool
		var br int
		j := i + size
		var r2 rune
		size2 := 0
		if j < len(text) {
			r2, size2 = decodeRef(text, j)
		}
		if simpleRef(r) && (j == len(text) || simpleRef(r2)) {
			n, runes, u16 = size, 1, 1
			ws, br, bk = spaceRuneRef(r)
		} else {
			n, runes, u16 = clusterRef(text[i:])
			ws, br, bk = spaceRef(text[i : i+n])
			if i+n != j && i+n < len(text) {
				r2, size2 = decodeRef(text, i+n)
			}
		}
		if ws {
			if !inRun {
				inRun = true
				cur = run{ws0: i, cum0: cum}
				breakable, nl = false, 0
			}
			nl += br
			breakable = breakable || bk
		} else {
			if w.start < 0 {
				w.start, w.startCum = i, cum
				inRun = false
				tokStart = i
			} else if inRun {
				inRun = false
				cur.ws1, cur.cum1 = i, cum
				cur.blocked = !breakable
				c := near{
					tok:       text[tokStart:cur.ws0],
					prev:      prevTok,
					lineStart: lineStart,
					afterEnd:  lineStart,
					depth:     depth,
				}
				if k := len(w.runs) - 1; k >= 0 && w.runs[k].level == levelSentence {
					c.afterEnd = true
				}
				if quote || maybeQuote(c.tok) {
					quote = quoteState(quote, c.tok)
				}
				if quote && nl == 0 {
					c.quoteCloses = quoteAhead(text, i)
				}
				switch {
				case nl >= 2:
					cur.level = levelParagraph
				case nl == 1:
					cur.level = levelLine
					c.next, _ = nextWordsRef(text, i)
					switch classifyRef(c) {
					case levelSentence:
					case levelClause, levelHanging:
						cur.lineGoesOn = true
					default:
						cur.lineGoesOn = unicode.IsLower(r)
					}
				default:
					c.next, c.next2 = nextWordsRef(text, i)
					cur.level = classifyRef(c)
				}
				// Emoji and smileys after a sentence end belong to that
				// sentence ("Ждём вас! 😊 Приходите"): it ends after them.
				// A lone "(" is a sad smiley unless a ")" closes it ahead
				// ("налогами. ( Не карманных)."): then it opens the next.
				if k := len(w.runs) - 1; k >= 0 && w.runs[k].level == levelSentence && attachable(c.tok) &&
					!(c.tok == "(" && parenAhead(text, i)) {
					w.runs[k].level = levelWord
					cur.level = max(cur.level, levelSentence)
				}
				depth = max(depth+parenDelta(c.tok), 0)
				prevTok = c.tok
				if nl > 0 {
					prevTok = ""
				}
				if nl >= 2 {
					depth = 0
				}
				if nl > 0 {
					quote = false
				}
				lineStart = nl > 0
				w.runs = append(w.runs, cur)
				tokStart = i
			}
			w.end = i + n
		}
		switch u {
		case Runes:
			cum += runes
		case UTF16:
			cum += u16
		default:
			cum++
		}
		i += n
		r, size = r2, size2
		if !ws {
			w.total = cum
		}
	}
	if w.start < 0 {
		w.start, w.end = 0, 0
	}
	// Emoji that end the text belong to the sentence before ("Отлично!
	// 🎉🎉"): no chunk or sentence of them alone.
	if k := len(w.runs) - 1; k >= 0 && w.runs[k].level == levelSentence && attachable(text[tokStart:w.end]) {
		w.runs[k].level = levelWord
	}
	return w
}

// nextWordsRef returns the next nextLen bytes of text from i, where a word
// begins, and, when that word is a dash standing alone, the word after it
// on the same line (at most lookahead bytes): all that classify reads
// ahead.
func nextWordsRef(text string, i int) (next, next2 string) {
	next = text[i:min(len(text), i+nextLen)]
	n := dashLen(next)
	if n == 0 {
		return next, ""
	}
	j := i + n
	if j < len(text) && text[j] != ' ' && text[j] != '\t' {
		return next, "" // the word goes on: "—да", "-5"
	}
	for j < len(text) && (text[j] == ' ' || text[j] == '\t') {
		j++
	}
	k := j
	for k < len(text) && k-j < lookahead {
		c := text[k]
		if c < utf8.RuneSelf {
			if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' {
				break
			}
			k++
			continue
		}
		r, size := decodeRef(text, k)
		if unicode.IsSpace(r) {
			break
		}
		k += size
	}
	return next, text[j:k]
}

// classifyRef returns the level of a run of spaces (no line break).
func classifyRef(c near) level {
	if c.depth == 0 && listMarker(c.tok, c.afterEnd || listIntro(c.prev)) {
		return levelWord // "1) Первый пункт", "б) второй": the item goes on, no smiley ends it
	}
	core, decor := stripDecor(c.tok, c.depth)
	t := trimClosers(core)
	quoted := len(t) < len(core)
	next, _ := utf8.DecodeRuneInString(c.next)
	if t == "" {
		// Only emoji, smileys or closing marks: a sentence ends after them
		// when a capital follows ("Ждём вас 😊 Приходите"); a bullet goes
		// with the words after it ("✅ Готово").
		if decor && startsSentence(c.next, c.next2) && !strings.ContainsFunc(c.tok, bullet) {
			return levelSentence
		}
		return levelWord
	}
	r, size := utf8.DecodeLastRuneInString(t)
	if (r == '!' || r == '?' || r == '…' || r == '.') && startsLower(c.next2) {
		return levelClause // dialogue: "— Правда? — спросил он.", "и т. д. — это"
	}
	switch {
	case r == '!' || r == '?' || r == '…' || r == '.' && strings.HasSuffix(t, ".."):
		if unicode.IsLower(next) && (r == '…' || r == '.' || quoted || decor) {
			// "Ну… ладно", "«Стой!» — крикнул он", "верю!)) правда"
			return levelWord
		}
		if continues(c.next) {
			return levelWord // "«Как это делалось...» (1992)"
		}
		if c.quoteCloses && !quoted {
			return levelWord // "Он подумал: «Вот это да! Землетрясение!» А потом"
		}
		return levelSentence
	case r == '.':
		if unicode.IsLower(next) {
			if fullWord(trimOpeners(t[:len(t)-size])) {
				return levelSentence // "Спасибо. жду ответа": a word, not an abbreviation
			}
			return levelWord // "т. е. вы", "5 тыс. рублей", "100 руб. в месяц"
		}
		if continues(c.next) {
			return levelWord // "13 чел. / км²"
		}
		w := t[:len(t)-size]
		if w == "" {
			return levelSentence
		}
		if l, _ := utf8.DecodeLastRuneInString(w); closer(l) {
			return levelSentence // "(с 1920 г.). Далее": the bracket closed, then the sentence
		}
		w = trimOpeners(w)
		if digitsAndDots(w) {
			// A list number at the start of a line or of a sentence: "1.
			// Первый пункт", "итогам. 2. По"; a year or a long number ends
			// a sentence ("в 1905. Потом").
			if c.afterEnd && listNumber(w) && !unicode.IsDigit(next) {
				return levelWord
			}
			return levelSentence
		}
		if endsAfter(c.prev, w, next) {
			return levelSentence
		}
		if abbreviation(w) {
			return levelWord
		}
		return levelSentence
	case r == ',' || r == ';' || r == ':' || r == '—' || r == '–':
		return levelClause
	case r == '-':
		if t == "-" || t == "--" {
			return levelClause // a hyphen standing for a dash
		}
	}
	if decor && startsSentence(c.next, c.next2) && !strings.ContainsFunc(c.tok, bullet) {
		return levelSentence // "Такие вы классные😍 Мы", "отлично) Завтра", "спасибо 😊 @anna"
	}
	if unicode.IsUpper(next) && (hashtag(c.tok) && hashtag(c.prev) || link(c.tok) && !link(c.prev)) {
		// A run of hash tags closes a post ("#отдых #отель Добрый вечер");
		// a link after words closes their sentence ("подписывайте
		// https://x.ru/1 Против"), but not one of a list of links.
		return levelSentence
	}
	if capitalFunctionWord(c.next) && lowerWordRef(c.tok) {
		// Words with no punctuation, then a pronoun, conjunction or
		// particle with a capital: a new sentence that the writer did not
		// mark ("Напишу обязательно Я тоже не понимаю").
		return levelSentence
	}
	if hangingRef(c.tok) {
		return levelHanging
	}
	return levelWord
}

// hangingRef reports whether w is a short preposition, conjunction or
// particle that belongs with the word after it, so a chunk should not end
// on it ("... или по" / "телефону"), as Russian typesetting keeps it off a
// line's end. The case of the first letter is ignored.
func hangingRef(w string) bool {
	if len(w) > 6 || w == "" {
		return false
	}
	var buf [8]byte
	r, n := utf8.DecodeRuneInString(w)
	b := utf8.AppendRune(buf[:0], unicode.ToLower(r))
	b = append(b, w[n:]...)
	return hangingWordsRef[string(b)]
}

var hangingWordsRef = map[string]bool{
	"а": true, "без": true, "в": true, "во": true, "для": true, "до": true,
	"за": true, "и": true, "из": true, "или": true, "к": true, "ко": true,
	"на": true, "над": true, "не": true, "ни": true, "но": true, "о": true,
	"об": true, "от": true, "по": true, "под": true, "при": true, "про": true,
	"с": true, "со": true, "у": true, "что": true, "как": true,
}

// lowerWordRef reports whether w is a word of two or more lower-case
// Cyrillic letters and hyphens, not a preposition or conjunction that the
// next word belongs to, nor an abbreviation written without its period
// ("2015 г На").
func lowerWordRef(w string) bool {
	if len(w) < 4 || len(w) > 64 || hangingRef(w) || abbrevs[w] {
		return false
	}
	letters := 0
	for _, r := range w {
		if r == '-' {
			continue
		}
		if !unicode.Is(unicode.Cyrillic, r) || !unicode.IsLower(r) {
			return false
		}
		letters++
	}
	return letters >= 2
}

package chunk

// The reference walk: walk as it was before it was rewritten for speed
// (plain letters counted in bulk, the level after a plain word decided by
// quickLevel, no bracket and quotation bookkeeping for plain words), one
// cluster at a time and classify for every run. It calls the package's
// own classify, simple, cluster, space, decode and nextWords, so a change
// to the sentence rules applies to both walks; walk_test.go holds the
// fast walk to it, result for result, on the corpus, the UD sentences and
// generated adversarial text, which is what shows that quickLevel still
// says what classify would. hangingRef is hanging as it was, a map.

import (
	"unicode"
	"unicode/utf8"
)

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
		r, size = decode(text, 0)
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
			r2, size2 = decode(text, j)
		}
		if simple(r) && (j == len(text) || simple(r2)) {
			n, runes, u16 = size, 1, 1
			ws, br, bk = spaceRune(r)
		} else {
			n, runes, u16 = cluster(text[i:])
			ws, br, bk = space(text[i : i+n])
			if i+n != j && i+n < len(text) {
				r2, size2 = decode(text, i+n)
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
					c.next, _ = nextWords(text, i)
					switch classify(c) {
					case levelSentence:
					case levelClause, levelHanging:
						cur.lineGoesOn = true
					default:
						cur.lineGoesOn = unicode.IsLower(r)
					}
				default:
					c.next, c.next2 = nextWords(text, i)
					cur.level = classify(c)
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

package chunk

import (
	"unicode"
	"unicode/utf8"
)

// Sentences returns the sentences of text in order, each with its leading
// and trailing white space removed, by the rules Split cuts by (the
// package documentation gives them): a period after an abbreviation, an
// initial or a list number does not end one, dialogue dashes do not, and
// emoji, smileys and hash tags after an end belong to the sentence before.
// A line break ends a sentence too, unless the line ends with a comma, a
// colon, a semicolon, a dash or a short preposition or conjunction, or the
// next line begins with a lower-case letter. Spaces inside phone numbers,
// e-mail addresses and placeholders never end one. No sentence is only
// punctuation, emoji or symbols unless the whole text is: such a line joins
// the sentence before it, or, when it begins with a bullet or a dash, the
// one after.
//
// Text that is empty or all white space has no sentences. Every byte of
// text other than the white space between sentences is in exactly one of
// them, in order. Time and memory are linear in len(text); Sentences never
// panics.
func Sentences(text string) []string {
	w := walk(text, Runes)
	defer w.release() // the sentences are substrings of text: nothing keeps the runs
	if w.start == w.end {
		return nil
	}
	blocked := contactRuns(text[:w.end], w.runs)
	// spans[i] is sentence i as text[spans[i][0]:spans[i][1]].
	var spans [][2]int
	pos := w.start
	for i := range w.runs {
		r := &w.runs[i]
		if blocked[i] || !sentenceBoundary(r) {
			continue
		}
		spans = append(spans, [2]int{pos, r.ws0})
		pos = r.ws1
	}
	spans = append(spans, [2]int{pos, w.end})
	// A sentence with no letter or digit is none: emoji or smileys on a
	// line of their own join the sentence before; a bullet or a dash
	// joins the one after.
	merged := spans[:0]
	from := -1 // where the sentence at i begins when symbols before it joined it
	for i := 0; i < len(spans); i++ {
		sp := spans[i]
		s := text[sp[0]:sp[1]] // without what joined it: each byte is looked at once
		if from >= 0 {
			sp[0], from = from, -1
		}
		if !symbolic(s) || len(spans) == 1 {
			merged = append(merged, sp)
			continue
		}
		r, _ := utf8.DecodeRuneInString(s)
		if i+1 < len(spans) && (len(merged) == 0 || bullet(r) || opener(r) || r == '-' || r == '—' || r == '–') {
			from = sp[0]
			continue
		}
		if n := len(merged); n > 0 {
			merged[n-1][1] = sp[1]
			continue
		}
		merged = append(merged, sp)
	}
	out := make([]string, len(merged))
	for i, sp := range merged {
		out[i] = text[sp[0]:sp[1]]
	}
	return out
}

// symbolic reports whether s has no letter and no digit.
func symbolic(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// sentenceBoundary reports whether a sentence ends at the run r.
func sentenceBoundary(r *run) bool {
	switch r.level {
	case levelSentence, levelParagraph:
		return true
	case levelLine:
		return !r.lineGoesOn
	}
	return false
}

// contactRuns reports for each run whether it lies inside a phone number,
// an e-mail address or a placeholder, or holds only no-break spaces.
func contactRuns(text string, runs []run) []bool {
	blocked := make([]bool, len(runs))
	spans := scanContacts(text, nil)
	j := 0
	for _, sp := range spans {
		for j < len(runs) && runs[j].ws1 <= sp.start {
			j++
		}
		for j < len(runs) && runs[j].ws0 < sp.end {
			blocked[j] = true
			j++
		}
	}
	for i := range runs {
		blocked[i] = blocked[i] || runs[i].blocked
	}
	return blocked
}

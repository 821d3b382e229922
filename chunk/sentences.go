package chunk

// Sentences returns the sentences of text in order, each with its leading
// and trailing white space removed, by the rules Split uses for a sentence
// end (see the package documentation): a period after an abbreviation, an
// initial or a list number does not end one; emoji, smileys and ")))"
// after an end belong to the sentence before. A line break ends a sentence
// too, unless the line ends with a comma, a colon, a semicolon, a dash or a
// short preposition or conjunction, or the next line begins with a
// lower-case letter: then the sentence goes on. Spaces inside phone
// numbers, e-mail addresses and placeholders never end one.
//
// Text that is empty or all white space has no sentences. Every byte of
// text other than white space between sentences is in exactly one of
// them, so joining the sentences with single spaces loses nothing but
// white space. Time and memory are linear in len(text).
func Sentences(text string) []string {
	w := walk(text, Runes)
	if w.start == w.end {
		return nil
	}
	blocked := contactRuns(text[:w.end], w.runs)
	var out []string
	pos := w.start
	for i := range w.runs {
		r := &w.runs[i]
		if blocked[i] || !sentenceBoundary(r) {
			continue
		}
		out = append(out, text[pos:r.ws0])
		pos = r.ws1
	}
	return append(out, text[pos:w.end])
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

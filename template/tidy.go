package template

import (
	"bytes"
	"strings"
)

// tidy cleans the white space that empty spintax options and empty values
// leave, in place: on every line it drops leading and trailing spaces and
// tabs, collapses runs of spaces and tabs to one space, and removes a space
// before a run of , . ! ? : ; that ends a word (the run is followed by white
// space, the end of the text or a closing quote). Newlines are never
// touched, so paragraphs stay as written. No-break spaces (U+00A0) are not
// white space here: money and numbers keep them. Left alone: a space before
// punctuation that starts something (":)", ";)", ".NET") and a space after a
// link (a word with "://" or starting with "www."), where punctuation glued
// to the link could become part of it.
//
// Under TextRandomizer's syntax (tr) the spintax text comes folded already,
// and only a space before , . ! ? goes, as TextRandomizer drops it: a space
// before : and ; stays, so that tidying changes nothing TextRandomizer
// renders and cleans only around values and control blocks.
func tidy(b []byte, tr bool) []byte {
	w := 0
	pending := false // a space was seen and not yet written
	lineStart := true
	word := 0 // start in b[:w] of the last word written
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
			word = w
			continue
		case ',', '.', '!', '?', ':', ';':
			if pending && (!tr || c != ':' && c != ';') && endsWord(b[r:]) && !isLink(b[word:w]) {
				pending = false
			}
		}
		if pending {
			b[w] = ' '
			w++
			pending = false
			word = w
		}
		lineStart = false
		b[w] = c
		w++
	}
	return b[:w]
}

// endsWord reports whether the run of punctuation at the start of p is
// followed by white space, the end of p or a closing quote.
func endsWord(p []byte) bool {
	i := 0
	for i < len(p) && strings.IndexByte(",.!?:;", p[i]) >= 0 {
		i++
	}
	if i == len(p) {
		return true
	}
	switch p[i] {
	case ' ', '\t', '\n', '\r', '"', '\'':
		return true
	}
	return bytes.HasPrefix(p[i:], []byte("»")) || bytes.HasPrefix(p[i:], []byte("”")) || bytes.HasPrefix(p[i:], []byte("\u00a0"))
}

// isLink reports whether word looks like a link.
func isLink(word []byte) bool {
	return bytes.Contains(word, []byte("://")) || bytes.HasPrefix(word, []byte("www.")) || bytes.HasPrefix(word, []byte("WWW."))
}

// Package srcpos turns a byte offset into a source position and prints the
// source line of a position with a caret under its column. Every positioned
// error of spinwise (randomizer, template, chunk, campaign) and the CLI use
// it, so a library user's ErrorWithPosition prints what the CLI prints.
//
// Lines are 1-based; columns are 1-based and count runes (an invalid UTF-8
// byte counts as one rune), the convention of every spinwise error.
package srcpos

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Position returns the 1-based line and the 1-based column in runes of byte
// offset off in src. An offset outside [0, len(src)] is clamped to it.
func Position(src string, off int) (line, col int) {
	if off > len(src) {
		off = len(src)
	}
	if off < 0 {
		off = 0
	}
	line = 1 + strings.Count(src[:off], "\n")
	start := strings.LastIndexByte(src[:off], '\n') + 1
	col = 1 + utf8.RuneCountInString(src[start:off])
	return line, col
}

// Window is the most runes of a source line Excerpt prints: a longer line is
// cut to Window runes around the column, each cut marked with "…".
const Window = 80

// Excerpt returns line (1-based) of src and a caret under column col
// (1-based, in runes), as two lines each starting with a tab:
//
//	"\t{a|b\n\t^\n"
//
// The line's final "\r" is dropped; tabs in the line are repeated in the
// caret's padding so the caret lines up. A line longer than Window runes is
// cut to Window runes around the column. Excerpt returns "" when src has no
// such line.
func Excerpt(src string, line, col int) string {
	if line < 1 {
		return ""
	}
	start := 0
	for range line - 1 {
		i := strings.IndexByte(src[start:], '\n')
		if i < 0 {
			return ""
		}
		start += i + 1
	}
	text := src[start:]
	if i := strings.IndexByte(text, '\n'); i >= 0 {
		text = text[:i]
	}
	text = strings.TrimRight(text, "\r")

	// The window [from, to) in runes: the whole line when it fits, else
	// Window runes with the caret near its middle.
	n := utf8.RuneCountInString(text)
	from, to := 0, n
	if n > Window {
		from = max(0, col-1-Window/2)
		to = min(n, from+Window)
		from = max(0, to-Window)
	}

	var b, pad strings.Builder
	b.WriteByte('\t')
	if from > 0 {
		b.WriteString("…")
		pad.WriteByte(' ')
	}
	fromByte, toByte := len(text), len(text)
	i := 0
	for j, r := range text {
		if i == from {
			fromByte = j
		}
		if i == to {
			toByte = j
			break
		}
		if i >= from && i < col-1 {
			if r == '\t' {
				pad.WriteByte('\t')
			} else {
				pad.WriteByte(' ')
			}
		}
		i++
	}
	b.WriteString(text[fromByte:toByte]) // as written, invalid UTF-8 included
	if to < n {
		b.WriteString("…")
	}
	b.WriteString("\n\t")
	b.WriteString(pad.String())
	b.WriteString("^\n")
	return b.String()
}

// Format returns "NAME:LINE:COL: MSG\n" followed by [Excerpt] of the
// position in src: what the CLI prints for an error in a file, and what the
// ErrorWithPosition methods of the error types return.
func Format(name string, line, col int, msg, src string) string {
	return fmt.Sprintf("%s:%d:%d: %s\n", name, line, col, msg) + Excerpt(src, line, col)
}

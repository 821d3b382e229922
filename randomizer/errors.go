package randomizer

import (
	"errors"
	"fmt"
	"unicode/utf8"

	"github.com/spinwise/spinwise/internal/srcpos"
)

// SyntaxError is a spintax syntax error with its position in the source.
// Parse returns it (as an error) for every template it rejects; reach it
// with errors.As.
type SyntaxError struct {
	Offset int    // bytes, 0-based, into the source given to Parse
	Line   int    // 1-based
	Col    int    // 1-based, in runes
	Msg    string // what is wrong and what to do about it
}

// Error returns "randomizer:LINE:COL: MSG". For an unclosed bracket the
// position is that of the opening bracket.
func (e *SyntaxError) Error() string {
	return fmt.Sprintf("randomizer:%d:%d: %s", e.Line, e.Col, e.Msg)
}

// ErrorWithPosition returns the error as the CLI prints it: "NAME:LINE:COL:
// MSG", then, each on a line starting with a tab, the source line and a caret
// under the column. src is the source given to Parse; name is the file's
// name ("" means "randomizer", the prefix of Error). A line longer than 80
// runes is cut to 80 around the column.
func (e *SyntaxError) ErrorWithPosition(name, src string) string {
	if name == "" {
		name = "randomizer"
	}
	return srcpos.Format(name, e.Line, e.Col, e.Msg, src)
}

// ErrIndexRange is wrapped by the errors of Variant, VariantTo and SampleAt
// for an index outside [0, Count()).
var ErrIndexRange = errors.New("randomizer: index out of range")

// syntaxError builds a *SyntaxError at byte offset off of src.
func syntaxError(src string, off int, msg string) *SyntaxError {
	line, col := srcpos.Position(src, off)
	return &SyntaxError{Offset: off, Line: line, Col: col, Msg: msg}
}

// at formats the position of byte offset off as "LINE:COL".
func at(src string, off int) string {
	line, col := srcpos.Position(src, off)
	return fmt.Sprintf("%d:%d", line, col)
}

// firstInvalidUTF8 returns the offset of the first byte of src that does not
// start a valid UTF-8 sequence, or -1.
func firstInvalidUTF8(src string) int {
	for i := 0; i < len(src); {
		if src[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(src[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}

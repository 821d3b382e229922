package template

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/spinwise/spinwise/internal/srcpos"
)

// Error is a template syntax error with its position in the source given
// to [Parse]. Parse returns every syntax error as an *Error, so callers reach
// it with errors.As.
type Error struct {
	Offset int    // bytes, 0-based
	Line   int    // 1-based
	Col    int    // 1-based, in runes
	Msg    string // what is wrong and what to do about it
}

// Error formats the error as "template:LINE:COL: MSG".
func (e *Error) Error() string {
	return fmt.Sprintf("template:%d:%d: %s", e.Line, e.Col, e.Msg)
}

// ErrorWithPosition returns the error as the CLI prints it: "NAME:LINE:COL:
// MSG", then, each on a line starting with a tab, the source line and a caret
// under the column. src is the source given to Parse; name is the file's
// name ("" means "template", the prefix of Error). A line longer than 80
// runes is cut to 80 around the column.
func (e *Error) ErrorWithPosition(name, src string) string {
	if name == "" {
		name = "template"
	}
	return srcpos.Format(name, e.Line, e.Col, e.Msg, src)
}

// withFallback returns the value placeholder n rewritten with a fallback,
// the fix a MissingError suggests: {{ .A.B | upper }} becomes
// {{ .A.B | upper | default "..." }}. A Bitrix24 field, which takes no
// pipeline, becomes the robot field of its data key, or, when the key
// cannot be written as one ("Телефон (рабочий)" reads as a call),
// {{ index $ "KEY" | default "..." }}.
func withFallback(n *node) string {
	if strings.HasPrefix(n.text, "{=") || len(n.text) < 4 {
		if f := robotForm(n.pipe.field, `| default "..."`); f != "" {
			return f
		}
		return "{{ index $ " + strconv.Quote(n.pipe.field) + ` | default "..." }}`
	}
	return "{{ " + strings.TrimSpace(n.text[2:len(n.text)-2]) + ` | default "..." }}`
}

// RenderError is an error while rendering one recipient's message. It names
// the placeholder that failed and its position in the source; Err is the
// cause (a *MissingError, a function's error, the output cap, ...). An
// error not tied to a placeholder (literal text over the output cap) has
// Line 0 and no Placeholder.
type RenderError struct {
	Offset      int    // bytes, 0-based, of the placeholder in the source
	Line        int    // 1-based; 0 when not tied to a placeholder
	Col         int    // 1-based, in runes
	Placeholder string // the placeholder's source text; empty for errors not tied to one
	Err         error
}

func (e *RenderError) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("template: %v", e.Err)
	}
	if e.Placeholder == "" {
		return fmt.Sprintf("template:%d:%d: %v", e.Line, e.Col, e.Err)
	}
	return fmt.Sprintf("template:%d:%d: %s: %v", e.Line, e.Col, shorten(e.Placeholder, 60), e.Err)
}

// Unwrap returns the cause.
func (e *RenderError) Unwrap() error { return e.Err }

// shorten returns s cut to at most n runes, marking the cut with "…".
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	var b strings.Builder
	i := 0
	for _, r := range s {
		if i == n-1 {
			break
		}
		b.WriteRune(r)
		i++
	}
	b.WriteString("…")
	return b.String()
}

// errorAt builds a syntax error at byte offset off of src.
func errorAt(src string, off int, format string, args ...any) *Error {
	line, col := srcpos.Position(src, off)
	return &Error{Offset: off, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
}

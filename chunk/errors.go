package chunk

import (
	"fmt"
	"unicode/utf8"

	"github.com/spinwise/spinwise/internal/srcpos"
)

// SpanError reports an atomic span (a link, an e-mail address, a phone
// number, a placeholder, a WhatsApp markup pair, or a single grapheme
// cluster) that is longer than Options.Max and so cannot be put into any
// chunk without cutting it. Split never cuts such a span; it returns this
// error instead.
type SpanError struct {
	Span   string // the span as written in the input
	Offset int    // byte offset of Span in the input, 0-based

	Kind string // what the span is: "link", "e-mail", "phone", "placeholder", "markup", "grapheme cluster"
	Len  int    // length of Span in Unit
	Max  int    // the limit it exceeds, in Unit
	Unit Unit   // the unit of Len and Max

	Line, Col int // 1-based line and column (column in runes) of Offset
}

func (e *SpanError) Error() string {
	return fmt.Sprintf("chunk:%d:%d: %s", e.Line, e.Col, e.msg())
}

// ErrorWithPosition returns the error as the CLI prints a positioned error:
// "NAME:LINE:COL: MSG", then, each on a line starting with a tab, the line
// of the text and a caret under the span's start. text is the text given to
// Split; name is the file's name ("" means "chunk", the prefix of Error). A
// line longer than 80 runes is cut to 80 around the column.
func (e *SpanError) ErrorWithPosition(name, text string) string {
	if name == "" {
		name = "chunk"
	}
	return srcpos.Format(name, e.Line, e.Col, e.msg(), text)
}

// msg is the error's message without its position.
func (e *SpanError) msg() string {
	span := e.Span
	if utf8.RuneCountInString(span) > 60 {
		n := 0
		for i := range span {
			if n == 57 {
				span = span[:i] + "..."
				break
			}
			n++
		}
	}
	return fmt.Sprintf("%s %q is %d %s, longer than the limit of %d %s; "+
		"raise Options.Max or shorten the %s in the text",
		e.Kind, span, e.Len, e.Unit, e.Max, e.Unit, e.Kind)
}

// newSpanError builds a SpanError for text[start:end].
func newSpanError(text string, start, end int, k kind, u Unit, max int) *SpanError {
	line, col := srcpos.Position(text, start)
	return &SpanError{
		Span: text[start:end], Offset: start,
		Kind: k.String(), Len: measure(text[start:end], u), Max: max, Unit: u,
		Line: line, Col: col,
	}
}

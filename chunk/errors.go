package chunk

import (
	"fmt"
	"strings"
	"unicode/utf8"
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
	return fmt.Sprintf("chunk:%d:%d: %s %q is %d %s, longer than the limit of %d %s; "+
		"raise Options.Max or shorten the %s in the text",
		e.Line, e.Col, e.Kind, span, e.Len, e.Unit, e.Max, e.Unit, e.Kind)
}

// newSpanError builds a SpanError for text[start:end].
func newSpanError(text string, start, end int, k kind, u Unit, max int) *SpanError {
	line := 1 + strings.Count(text[:start], "\n")
	col := 1 + utf8.RuneCountInString(text[strings.LastIndexByte(text[:start], '\n')+1:start])
	return &SpanError{
		Span: text[start:end], Offset: start,
		Kind: k.String(), Len: measure(text[start:end], u), Max: max, Unit: u,
		Line: line, Col: col,
	}
}

package chunk

// Scaffolding: the exported API of issue 6 with no implementation yet.
// The package's author replaces this file.

import "errors"

// Unit is the unit chunk lengths are measured in.
type Unit int

// Units.
const (
	Runes Unit = iota
	UTF16
	Graphemes
)

// Options configures Split; nil or zero means Max 300 runes.
type Options struct {
	Max  int
	Unit Unit
}

// SpanError reports an atomic span longer than Max.
type SpanError struct {
	Span   string
	Offset int
}

func (e *SpanError) Error() string { return "chunk: span too long: " + e.Span }

// Split splits text into chunks.
func Split(text string, opts *Options) ([]string, error) {
	return nil, errors.New("chunk: not implemented yet")
}

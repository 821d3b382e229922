package template

// Scaffolding: the exported API of issue 4 with no implementation yet.
// The package's author replaces this file.

import (
	"errors"
	"math/big"
)

var errNotImplemented = errors.New("template: not implemented yet")

// Options configures Parse. A nil *Options means defaults.
type Options struct {
	Fields    map[string]string // display name or Bitrix code -> data key
	Seed      uint64            // campaign seed: Render is deterministic in (Seed, key)
	MaxOutput int               // bytes; 0 means 64 KiB
}

// Error is a template syntax error with its position in the source.
type Error struct {
	Offset, Line, Col int
	Msg               string
}

func (e *Error) Error() string { return "template: " + e.Msg }

// MissingError reports a field with no value.
type MissingError struct{ Field string }

func (e *MissingError) Error() string { return "template: missing field " + e.Field }

// Template is a parsed message template.
type Template struct{}

// Parse parses src.
func Parse(src string, opts *Options) (*Template, error) { return nil, errNotImplemented }

// Render renders the template for one recipient.
func (t *Template) Render(data map[string]any, key string) (string, error) {
	return "", errNotImplemented
}

// RenderVariant renders the i-th spintax variant.
func (t *Template) RenderVariant(data map[string]any, i *big.Int) (string, error) {
	return "", errNotImplemented
}

// Count returns the number of spintax variants.
func (t *Template) Count() *big.Int { panic(errNotImplemented) }

// Fields returns every field the template reads.
func (t *Template) Fields() []string { panic(errNotImplemented) }

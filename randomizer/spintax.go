package randomizer

// Scaffolding: the exported API of issue 3 with no implementation yet.
// The package's author replaces this file.

import (
	"errors"
	"iter"
	"math/big"
	"math/rand/v2"
)

var errNotImplemented = errors.New("randomizer: not implemented yet")

// SyntaxError is a spintax syntax error with its position in the source.
type SyntaxError struct {
	Offset int // bytes, 0-based
	Line   int // 1-based
	Col    int // 1-based, in runes
	Msg    string
}

func (e *SyntaxError) Error() string { return "randomizer: " + e.Msg }

// Spintax is a parsed spintax template.
type Spintax struct{}

// Parse parses src.
func Parse(src string) (*Spintax, error) { return nil, errNotImplemented }

// Spin returns one random variant.
func (s *Spintax) Spin(r *rand.Rand) string { panic(errNotImplemented) }

// Count returns the exact number of variants.
func (s *Spintax) Count() *big.Int { panic(errNotImplemented) }

// Variant returns the i-th variant in All's order.
func (s *Spintax) Variant(i *big.Int) (string, error) { return "", errNotImplemented }

// All yields every variant.
func (s *Spintax) All() iter.Seq[string] { panic(errNotImplemented) }

// Sample yields every variant once in a seeded pseudo-random order.
func (s *Spintax) Sample(seed uint64) iter.Seq2[*big.Int, string] { panic(errNotImplemented) }

// String returns canonical source.
func (s *Spintax) String() string { panic(errNotImplemented) }

// The API below is what package template builds on (agreed between the two
// packages; see the randomizer brief).

// Placeholder is a {{ ... }} or {= ... } span, kept verbatim by the randomizer.
type Placeholder struct {
	Text   string // verbatim source text, delimiters included
	Offset int    // bytes, 0-based, into the source given to Parse
}

// Group is one spintax group in the source.
type Group struct {
	Offset, End int      // bytes: src[Offset:End] is the whole group, brackets included
	Permutation bool     // [a|b] rather than {a|b}
	Options     [][2]int // bytes: src[o[0]:o[1]] is the source text of each option
}

// Emitter receives a variant piece by piece: literal text (with escapes
// resolved), and placeholders by their index into Placeholders().
type Emitter interface {
	Text(s string)
	Placeholder(i int)
}

// Placeholders returns every placeholder in source order.
func (s *Spintax) Placeholders() []Placeholder { panic(errNotImplemented) }

// Groups returns every group in source order (pre-order).
func (s *Spintax) Groups() []Group { panic(errNotImplemented) }

// SpinTo emits one random variant, as Spin chooses it, to e.
func (s *Spintax) SpinTo(r *rand.Rand, e Emitter) { panic(errNotImplemented) }

// VariantTo emits the i-th variant, as Variant chooses it, to e.
func (s *Spintax) VariantTo(i *big.Int, e Emitter) error { return errNotImplemented }

// SampleAt returns the index that Sample(seed) yields at position k (0-based).
func (s *Spintax) SampleAt(seed uint64, k *big.Int) (*big.Int, error) { return nil, errNotImplemented }

// LengthRange returns the shortest and longest variant length in runes
// (a placeholder counts as its verbatim text).
func (s *Spintax) LengthRange() (min, max int) { panic(errNotImplemented) }

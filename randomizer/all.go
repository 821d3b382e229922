package randomizer

import (
	"iter"
	"math/big"
)

// All yields every variant, lazily, in lexicographic order of the choices:
// the leftmost group is the most significant, as bash orders the words of
// a brace expansion ({a|b}{c|d} gives ac, ad, bc, bd). A choice group's
// choice is its option's index, and the variants of an option come before
// those of the next option. A permutation's choice is the order of its
// options, in lexicographic order of the tuples of option indices
// ([a|b|c] gives a b c, a c b, b a c, ...), and then the choices inside its
// options, in source order. Variant(i) is the i-th string that All yields.
//
// All yields Count() strings; for a template with many groups that is
// astronomically many, so stop early (break) or use Sample.
func (s *Spintax) All() iter.Seq[string] {
	return func(yield func(string) bool) {
		if !s.cnt.isBig() {
			for i := uint64(0); ; i++ {
				if !yield(s.variant64(i)) || i == s.cnt.u-1 {
					return
				}
			}
		}
		one := big.NewInt(1)
		for i := new(big.Int); i.Cmp(s.count) < 0; i.Add(i, one) {
			v, _ := s.Variant(i)
			if !yield(v) {
				return
			}
		}
	}
}

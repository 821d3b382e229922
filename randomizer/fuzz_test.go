package randomizer_test

import (
	"errors"
	"math/big"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/spinwise/spinwise/randomizer"
)

func FuzzParse(f *testing.F) {
	for _, src := range corpusSources() {
		f.Add(src)
	}
	for _, src := range []string{
		"{x|y} {q {x|y}|r}", "{a|b", "a}", "{{{x}}}", "[+, +a|{b|c}]", "[акция]", `\{\|\}\[\]\\`,
		"{{ .A | b }}{=X:Y}", "[+1+2]", "{|}{}[|]", "[a|b}", "{a]|b}", "\xff", "{=", "{{", "[+",
		`[+\++a|b]`, `2\+2`, "a|b|{c|d}", "{{a|b} c|d}", " {a}{b} , ! ", "[+,+a|b]\n|x",
	} {
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		fuzzSyntax(t, src, randomizer.Spinwise)
		fuzzSyntax(t, src, randomizer.TextRandomizer)
	})
}

// fuzzSyntax checks the invariants of parsing src in one syntax: a typed
// error at a position inside the input, or a template whose spans lie in the
// input, whose String parses back to the same variants, and whose Spin gives
// a variant within LengthRange; under TextRandomizer's syntax, a variant is
// folded (no white space at its ends, no run of it, no space before , . ! ?
// outside placeholders).
func fuzzSyntax(t *testing.T, src string, syntax randomizer.Syntax) {
	{
		s, err := randomizer.ParseSyntax(src, syntax)
		if err != nil {
			var se *randomizer.SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("error %T is not a *SyntaxError: %v", err, err)
			}
			if se.Offset < 0 || se.Offset >= len(src) {
				t.Fatalf("error offset %d outside the input of %d bytes: %v", se.Offset, len(src), err)
			}
			before := src[:se.Offset]
			line := 1 + strings.Count(before, "\n")
			col := 1 + utf8.RuneCountInString(before[strings.LastIndexByte(before, '\n')+1:])
			if se.Line != line || se.Col != col {
				t.Fatalf("error at %d:%d, offset %d is %d:%d", se.Line, se.Col, se.Offset, line, col)
			}
			return
		}
		if !utf8.ValidString(src) {
			t.Fatal("Parse accepted invalid UTF-8")
		}
		for _, p := range s.Placeholders() {
			if p.Offset < 0 || p.Offset+len(p.Text) > len(src) || src[p.Offset:p.Offset+len(p.Text)] != p.Text {
				t.Fatalf("placeholder %q not at offset %d", p.Text, p.Offset)
			}
		}
		for _, g := range s.Groups() {
			if g.Offset < 0 || g.End > len(src) || g.Offset >= g.End {
				t.Fatalf("group span %d..%d outside the input", g.Offset, g.End)
			}
			for _, o := range g.Options {
				if o[0] < g.Offset || o[1] > g.End || o[0] > o[1] {
					t.Fatalf("option span %v outside its group %d..%d", o, g.Offset, g.End)
				}
			}
		}
		// String round-trips.
		canon := s.String()
		s2, err := randomizer.ParseSyntax(canon, syntax)
		if err != nil {
			t.Fatalf("ParseSyntax(String()) = ParseSyntax(%q): %v", canon, err)
		}
		// (TextRandomizer's String writes out the spaces around groups, so
		// its canonical form grows by them; the variants do not change.)
		if (syntax == randomizer.Spinwise && s2.String() != canon) || s2.Count().Cmp(s.Count()) != 0 {
			t.Fatalf("round trip changed the template: %q → %q", canon, s2.String())
		}
		// Spin gives a variant, as SpinTo and AppendSpin do, and the length
		// range holds.
		mn, mx := s.LengthRange()
		spun := spinBoth(t, s, src, uint64(len(src)))
		if n := utf8.RuneCountInString(spun); n < mn || n > mx {
			t.Fatalf("Spin gave %d runes, outside [%d, %d]", n, mn, mx)
		}
		if syntax == randomizer.TextRandomizer && len(s.Placeholders()) == 0 {
			if strings.TrimSpace(spun) != spun || strings.Contains(spun, "  ") || strings.Join(strings.Fields(spun), " ") != spun {
				t.Fatalf("Spin gave %q, not folded", spun)
			}
			for _, p := range []string{" ,", " .", " !", " ?"} {
				if strings.Contains(spun, p) {
					t.Fatalf("Spin gave %q, with a space before punctuation", spun)
				}
			}
		}
		if c := s.Count(); c.IsInt64() && c.Int64() <= 256 {
			found := false
			i := int64(0)
			for v := range s.All() {
				w, err := s2.Variant(big.NewInt(i))
				if err != nil || w != v {
					t.Fatalf("variant %d: %q before the round trip, %q after", i, v, w)
				}
				found = found || v == spun
				i++
			}
			if i != c.Int64() {
				t.Fatalf("All yielded %d variants, Count is %d", i, c.Int64())
			}
			if !found {
				t.Fatalf("Spin gave %q, which is not a variant", spun)
			}
		}
	}
}

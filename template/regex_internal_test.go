package template

import (
	"regexp/syntax"
	"strings"
	"testing"
)

// progSize must never count fewer instructions than regexp/syntax compiles,
// or a pattern could slip past maxRegexInsts and its charges, and should
// not count many more, or ordinary patterns would be refused.
func TestProgSizeBoundsTheProgram(t *testing.T) {
	for _, p := range []string{
		``, `a`, `abc`, `(?i)abc`, `[a-z]`, `\pL`, `.`, `(?s).`, `^a$`, `\b`, `a|b|c`, `(a|b)*c`, `(a*)*`, `(a*)+`, `(a?)*`,
		`a*?`, `a+?`, `a??`, `x{0}`, `x{1}`, `x{3}`, `x{3,}`, `x{0,}`, `x{1,}`, `x{2,5}`, `x{0,5}`, `(?:ab){2,5}`,
		`(a(b(c)))`, `(?:)`, `(?:a{10}){10}`, `(?:(?:a|b)*c{3,4}){5}`, `\d{1000}x`, strings.Repeat(`\pL{1000}`, 3),
		`^\+?7\s*\(?(\d{3})\)?\s*(\d{3})-?(\d{2})-?(\d{2})$`, `(?i)^[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}$`,
		`(|a)*`, `(|a)+`, `(?:a|)+b`, `a{2}|b{3}|`,
	} {
		re, err := syntax.Parse(p, syntax.Perl)
		if err != nil {
			t.Fatalf("%q: %v", p, err)
		}
		prog, err := syntax.Compile(re.Simplify())
		if err != nil {
			t.Fatalf("%q: %v", p, err)
		}
		got, exact := progSize(re, maxRegexInsts)+2, len(prog.Inst)
		if got < exact || got > 2*exact+2 {
			t.Errorf("%q: progSize counts %d, the program has %d instructions", p, got, exact)
		}
	}
}

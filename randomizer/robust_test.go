package randomizer_test

import (
	"errors"
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/spinwise/spinwise/randomizer"
)

// TestHostileInputs feeds inputs meant to blow the stack, the memory or the
// arithmetic; each must give a result or a *SyntaxError.
func TestHostileInputs(t *testing.T) {
	tenMB := strings.Repeat(corpusSources()[0]+"\n", 10<<20/len(corpusSources()[0]))
	tests := []struct {
		name    string
		src     string
		wantErr string // "" if Parse must succeed
		reason  string
	}{
		{"100k nested braces", strings.Repeat("{a", 100000), "nested deeper than 1000", "no recursion on the input"},
		{"100k nested brackets", strings.Repeat("[", 100000), "nested deeper than 1000", ""},
		{"100k braces", strings.Repeat("{", 100000), "ambiguous '{{{'", "'{{{' is caught first"},
		{"100k closing", strings.Repeat("}", 100000), "stray '}'", ""},
		{"100k bars", strings.Repeat("|", 100000), "", "bars outside groups are text"},
		{"10k groups of 10", strings.Repeat("{0|1|2|3|4|5|6|7|8|9} ", 10000), "", "count 10^10000"},
		{"10 MB template", tenMB, "", ""},
		{"10 MB of groups", strings.Repeat("{a|b}", 2<<20), "more than 200000 groups", "2 million groups would take gigabytes"},
		{"10 MB of options", "{" + strings.Repeat("a|", 5<<20) + "}", "more than 1000000 options", ""},
		{"10 MB of escapes", strings.Repeat(`\{`, 5<<20), "", "no tables sized by the brace count"},
		{"huge permutation", "[" + strings.Repeat("a|", 100000) + "a]", "too many variants", "100,001! (1.5 million bits) is not computed"},
		{"huge nested counts", strings.Repeat("{x ", 900) + strings.Repeat("{a|b}", 100000) + strings.Repeat("|y}", 900), "too many variants",
			"900 nested copies of a 100,000-bit count would take 11 MiB"},
		{"many placeholders", strings.Repeat("{{x}}{=a:b}", 100000), "", ""},
		{"unclosed placeholder at end", strings.Repeat("a", 1000) + "{{" + strings.Repeat("}", 1), "unclosed placeholder", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defer func() {
				if t.Failed() && tt.reason != "" {
					t.Logf("reason: %s", tt.reason)
				}
			}()
			s, err := randomizer.Parse(tt.src)
			if tt.wantErr != "" {
				var se *randomizer.SyntaxError
				if !errors.As(err, &se) || !strings.Contains(se.Msg, tt.wantErr) {
					t.Fatalf("Parse: %v, want a *SyntaxError with %q", err, tt.wantErr)
				}
				if se.Offset < 0 || se.Offset > len(tt.src) {
					t.Errorf("offset %d outside the input", se.Offset)
				}
				return
			}
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			v := s.Spin(rand.New(rand.NewPCG(1, 2)))
			mn, mx := s.LengthRange()
			if n := len([]rune(v)); n < mn || n > mx {
				t.Errorf("Spin gave %d runes, outside LengthRange [%d, %d]", n, mn, mx)
			}
			last := new(big.Int).Sub(s.Count(), big.NewInt(1))
			if _, err := s.Variant(last); err != nil {
				t.Errorf("Variant(Count-1): %v", err)
			}
		})
	}
}

package randomizer_test

import (
	"errors"
	"math/big"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/spinwise/spinwise/randomizer"
)

func all(t *testing.T, s *randomizer.Spintax) []string {
	t.Helper()
	return slices.Collect(s.All())
}

func TestParseVariants(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // every variant, in All's order
		reason    string
	}{
		{"plain", "Привет", []string{"Привет"}, ""},
		{"empty", "", []string{""}, "an empty template has one, empty, variant"},
		{"choice", "{a|b|c}", []string{"a", "b", "c"}, ""},
		{"two groups", "{a|b}{c|d}", []string{"ac", "ad", "bc", "bd"}, "leftmost group most significant, as bash"},
		{"nested", "{x|y} {q {x|y}|r}", []string{"x q x", "x q y", "x r", "y q x", "y q y", "y r"},
			"the case a popular Go engine renders as 'x y}'"},
		{"empty option first", "{|a}", []string{"", "a"}, ""},
		{"empty option last", "{a|}", []string{"a", ""}, ""},
		{"empty group", "a{}b", []string{"ab"}, "{} is one empty option"},
		{"permutation", "[a|b|c]", []string{"a b c", "a c b", "b a c", "b c a", "c a b", "c b a"},
			"lexicographic order of the option index tuples, joined by one space"},
		{"permutation sep", "[+, +кофе|чай]", []string{"кофе, чай", "чай, кофе"}, ""},
		{"permutation empty sep", "[++a|b]", []string{"ab", "ba"}, ""},
		{"permutation nested", "[a|{x|y}]", []string{"a x", "a y", "x a", "y a"},
			"order first, then the choices inside the options"},
		{"bracket without bar", "[акция] {a|b}", []string{"[акция] a", "[акция] b"}, "a '[' with no top-level '|' is text"},
		{"bracket bar only nested", "[x {a|b}]", []string{"[x a]", "[x b]"}, "the '|' is not at the bracket's top level"},
		{"bracket plus not sep", "[+7 (999) 123-45-67]", []string{"[+7 (999) 123-45-67]"}, "a phone number: '[+' with no second '+' is text"},
		{"bracket sep no bar", "[+1+2]", []string{"[+1+2]"}, "looks like a separator but no '|': text as written"},
		{"bracket plus option", "[+a|b]", []string{"+a b", "b +a"}, "'|' comes before a second '+': no separator"},
		{"empty brackets", "[]", []string{"[]"}, ""},
		{"stray close bracket", "a] {b|c}", []string{"a] b", "a] c"}, "a ']' that closes nothing is text"},
		{"close bracket in choice", "{a]|b}", []string{"a]", "b"}, ""},
		{"bar outside", "a|b", []string{"a|b"}, "a '|' outside any group is text"},
		{"escapes", `\{a\|b\} \[c\] \\`, []string{`{a|b} [c] \`}, ""},
		{"escape in group", `{a\|b|c}`, []string{"a|b", "c"}, ""},
		{"other backslash", `a\nb\`, []string{`a\nb\`}, "only the seven specials are escapes"},
		{"escaped plus", `2\+2=4`, []string{"2+2=4"}, `\+ is an escape: it printed "2\+2=4"`},
		{"escaped plus as separator", `[+\++a|b]`, []string{"a+b", "b+a"}, "the separator is '+', written \\+"},
		{"escapes in a separator", `[+ \| +a|b]`, []string{"a | b", "b | a"}, "a separator may hold any special character escaped"},
		{"escaped separator without bar", `[+\++a]`, []string{"[+++a]"}, "no '|': text, with its escape resolved"},
		{"placeholder", "{{Имя}}, {a|b}", []string{"{{Имя}}, a", "{{Имя}}, b"}, ""},
		{"placeholder with bar", "{x|{{ .Name | upper }}}", []string{"x", "{{ .Name | upper }}"}, "a '|' inside a placeholder does not split"},
		{"placeholder then close", "{a|{{b}}}", []string{"a", "{{b}}"}, "'}}}' is the placeholder's '}}' and then the group's '}'"},
		{"bitrix", "{Здравствуйте|Добрый день}, {=Document:NAME}!", []string{"Здравствуйте, {=Document:NAME}!", "Добрый день, {=Document:NAME}!"}, ""},
		{"bitrix modifier", "{=Variable:Sum > printf}", []string{"{=Variable:Sum > printf}"}, ""},
		{"placeholder braces inside", "{{ if .X }}{a|b}{{ end }}", []string{"{{ if .X }}a{{ end }}", "{{ if .X }}b{{ end }}"}, ""},
		{"placeholder in perm", "[{{A}}|{=B:C}]", []string{"{{A}} {=B:C}", "{=B:C} {{A}}"}, ""},
		{"escaped brace before placeholder", `\{{{x}}`, []string{"{{{x}}"}, "the escape takes one brace; '{{' follows"},
		{"newlines", "{a\nb|c}\n[d|e]", []string{"a\nb\nd e", "a\nb\ne d", "c\nd e", "c\ne d"}, ""},
		{"permutation of one", "[a|]", []string{"a ", " a"}, "two options, one empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defer func() {
				if t.Failed() && tt.reason != "" {
					t.Logf("reason: %s", tt.reason)
				}
			}()
			s, err := randomizer.Parse(tt.src)
			if err != nil {
				t.Fatalf("Parse(%q): %v", tt.src, err)
			}
			if diff := cmp.Diff(tt.want, all(t, s)); diff != "" {
				t.Errorf("All(%q) (-want +got):\n%s", tt.src, diff)
			}
			if got := s.Count(); got.Cmp(big.NewInt(int64(len(tt.want)))) != 0 {
				t.Errorf("Count(%q) = %v, want %d", tt.src, got, len(tt.want))
			}
			for i, w := range tt.want {
				v, err := s.Variant(big.NewInt(int64(i)))
				if err != nil || v != w {
					t.Errorf("Variant(%d) = %q, %v; want %q", i, v, err, w)
				}
			}
			// Wrapped in text, the variants are wrapped the same way.
			s2, err := randomizer.Parse("«" + tt.src + "»")
			if err != nil {
				t.Fatalf("Parse wrapped: %v", err)
			}
			var wrapped []string
			for _, w := range tt.want {
				wrapped = append(wrapped, "«"+w+"»")
			}
			if diff := cmp.Diff(wrapped, all(t, s2)); diff != "" {
				t.Errorf("wrapped (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, src string
		offset    int
		line, col int
		msg       string // a fragment of the message
		reason    string
	}{
		{"unclosed", "{a|b", 0, 1, 1, "unclosed '{'", "must not render as 'a' silently"},
		{"unclosed inner", "x\n  {a|{b|c} d", 4, 2, 3, "unclosed '{'", "position of the opening bracket; the inner group is closed"},
		{"unclosed innermost", "{a|{b", 3, 1, 4, "unclosed '{'", "the innermost open group is reported"},
		{"unclosed bracket", "[a|b", 0, 1, 1, "unclosed '['", ""},
		{"unclosed bracket no bar", "x [акция", 2, 1, 3, "unclosed '['", "an unclosed '[' is an error even without '|'"},
		{"stray close", "a}b", 1, 1, 2, "stray '}'", ""},
		{"close bracket with brace", "[a|b}", 4, 1, 5, "cannot close the '[' opened at 1:1", ""},
		{"triple brace", "{{{Имя}}|друг}", 0, 1, 1, "ambiguous '{{{'", ""},
		{"unclosed placeholder", "Привет, {{Имя}", 14, 1, 9, "unclosed placeholder '{{'", "offset in bytes, column in runes"},
		{"unclosed bitrix", "{=Document:NAME", 0, 1, 1, "unclosed placeholder '{='", ""},
		{"invalid utf8", "ab\xffc", 2, 1, 3, "invalid UTF-8 byte 0xFF", ""},
		{"invalid utf8 cyrillic", "Ж\n\xd0", 3, 2, 1, "invalid UTF-8", "a truncated two-byte sequence"},
		{"too deep", strings.Repeat("{a", 1001) + strings.Repeat("}", 1001), 2000, 1, 2001, "nested deeper than 1000", ""},
		{"too deep brackets", strings.Repeat("[a", 1001), 2000, 1, 2001, "nested deeper than 1000", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defer func() {
				if t.Failed() && tt.reason != "" {
					t.Logf("reason: %s", tt.reason)
				}
			}()
			s, err := randomizer.Parse(tt.src)
			if err == nil {
				t.Fatalf("Parse(%q) = %v, want an error", tt.src, s)
			}
			var se *randomizer.SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("error %T %v is not a *SyntaxError", err, err)
			}
			if se.Offset != tt.offset || se.Line != tt.line || se.Col != tt.col {
				t.Errorf("position = offset %d, %d:%d; want offset %d, %d:%d (%v)", se.Offset, se.Line, se.Col, tt.offset, tt.line, tt.col, err)
			}
			if !strings.Contains(se.Msg, tt.msg) {
				t.Errorf("message %q does not contain %q", se.Msg, tt.msg)
			}
			if want := "randomizer:" + itoa(tt.line) + ":" + itoa(tt.col) + ": " + se.Msg; err.Error() != want {
				t.Errorf("Error() = %q, want %q", err.Error(), want)
			}
		})
	}
}

func TestDepthLimitAccepted(t *testing.T) {
	src := strings.Repeat("{a", randomizer.MaxDepth) + strings.Repeat("|b}", randomizer.MaxDepth)
	s, err := randomizer.Parse(src)
	if err != nil {
		t.Fatalf("Parse at MaxDepth: %v", err)
	}
	if got, want := s.Count(), big.NewInt(randomizer.MaxDepth+1); got.Cmp(want) != 0 {
		t.Errorf("Count = %v, want %v", got, want)
	}
	// The first option path takes 'a' at every level; the last is the
	// outermost group's second option.
	for _, c := range []struct {
		i    int64
		want string
	}{{0, strings.Repeat("a", randomizer.MaxDepth)}, {randomizer.MaxDepth, "b"}, {1, strings.Repeat("a", randomizer.MaxDepth-1) + "b"}} {
		v, err := s.Variant(big.NewInt(c.i))
		if err != nil || v != c.want {
			t.Errorf("Variant(%d) = %.20q…, %v; want %.20q…", c.i, v, err, c.want)
		}
	}
}

func itoa(n int) string { return big.NewInt(int64(n)).String() }

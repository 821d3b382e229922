package randomizer_test

import (
	"encoding/json"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/spinwise/spinwise/randomizer"
)

// trCase is one template of testdata/textrandomizer/cases.json with what
// TextRandomizer itself gives for it (want.json, made by gen.php there).
type trCase struct {
	Name     string
	Src      string
	Why      string
	Count    int64
	Complete bool     // Texts is every text TextRandomizer renders
	Texts    []string // distinct texts, sorted
}

func loadTRCases(t testing.TB) []trCase {
	t.Helper()
	var cases, want []trCase
	for name, v := range map[string]*[]trCase{"cases.json": &cases, "want.json": &want} {
		b, err := os.ReadFile("testdata/textrandomizer/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, v); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	if len(cases) != len(want) {
		t.Fatalf("cases.json has %d cases, want.json %d: run gen.php again", len(cases), len(want))
	}
	for i := range cases {
		if want[i].Name != cases[i].Name {
			t.Fatalf("case %d is %q in cases.json, %q in want.json: run gen.php again", i, cases[i].Name, want[i].Name)
		}
		cases[i].Count, cases[i].Complete, cases[i].Texts = want[i].Count, want[i].Complete, want[i].Texts
	}
	return cases
}

// TestTextRandomizerPeer compares the TextRandomizer syntax with
// TextRandomizer's own output, recorded: the same count of variants, and
// the same texts (all of them for small templates; for large ones every
// text TextRandomizer gave in 500 draws is one of ours).
func TestTextRandomizerPeer(t *testing.T) {
	for _, c := range loadTRCases(t) {
		t.Run(c.Name, func(t *testing.T) {
			s, err := randomizer.ParseSyntax(c.Src, randomizer.TextRandomizer)
			if err != nil {
				t.Fatalf("ParseSyntax(%q): %v (%s)", c.Src, err, c.Why)
			}
			if !s.Count().IsInt64() || s.Count().Int64() != c.Count {
				t.Fatalf("Count = %v, TextRandomizer has %d (%s)", s.Count(), c.Count, c.Why)
			}
			ours := map[string]bool{}
			for v := range s.All() {
				ours[v] = true
			}
			for _, w := range c.Texts {
				if !ours[w] {
					t.Errorf("TextRandomizer renders %q, which is not a variant (%s)", w, c.Why)
				}
			}
			if c.Complete {
				for v := range ours {
					if !slices.Contains(c.Texts, v) {
						t.Errorf("variant %q is not a text TextRandomizer renders (%s)", v, c.Why)
					}
				}
			}
		})
	}
}

// Every way of rendering folds the same way: Spin, AppendSpin and SpinTo
// give a variant, and Sample gives All's texts.
func TestTextRandomizerRenderPaths(t *testing.T) {
	for _, c := range loadTRCases(t) {
		s, err := randomizer.ParseSyntax(c.Src, randomizer.TextRandomizer)
		if err != nil {
			t.Fatalf("%s: %v", c.Name, err)
		}
		spun := spinBoth(t, s, c.Src, 7)
		found := false
		for v := range s.All() {
			if found = v == spun; found {
				break
			}
		}
		if !found {
			t.Errorf("%s: Spin gave %q, not a variant", c.Name, spun)
		}
		mn, mx := s.LengthRange()
		if n := len([]rune(spun)); n < mn || n > mx {
			t.Errorf("%s: Spin gave %d runes, outside LengthRange [%d, %d]", c.Name, n, mn, mx)
		}
	}
}

func TestTextRandomizerErrors(t *testing.T) {
	rows := []struct {
		name, src string
		off       int
		msg       string
		why       string
	}{
		{"unclosed brace", "a {b|c", 2, "unclosed '{'", "TextRandomizer renders the open group silently; a message with a lost brace is a mistake"},
		{"stray brace", "a} b", 1, "stray '}'", "TextRandomizer prints it; spinwise reports it in both syntaxes"},
		{"brace closes bracket", "[a|b}", 4, "cannot close the '['", "TextRandomizer prints the '}' inside the permutation"},
		{"unclosed bracket", "x [a|b", 2, "unclosed '['", ""},
		{"unclosed separator", "Звоните [+7 999 123-45-67]", 15, "unclosed separator", "TextRandomizer reads everything up to the next '+' as a separator: a phone in brackets swallows the text"},
		{"separator with a group", "[+{a|b}+x|y]", 0, "unclosed separator", "a separator is text"},
		{"NUL", "a\x00b", 1, "NUL", "TextRandomizer trims it only at a text's edges"},
		{"invalid UTF-8", "a\xffb", 1, "UTF-8", ""},
	}
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			_, err := randomizer.ParseSyntax(r.src, randomizer.TextRandomizer)
			var se *randomizer.SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("ParseSyntax(%q) = %v, want a *SyntaxError (%s)", r.src, err, r.why)
			}
			if se.Offset != r.off || !strings.Contains(se.Msg, r.msg) {
				t.Errorf("got offset %d %q, want offset %d and %q (%s)", se.Offset, se.Msg, r.off, r.msg, r.why)
			}
		})
	}
}

// Placeholders stay placeholders under TextRandomizer's syntax when they
// hold no '|' and no '{'; the rest is spintax, as TextRandomizer reads it.
func TestTextRandomizerPlaceholders(t *testing.T) {
	rows := []struct {
		name, src string
		phs       []string
		count     int64
		why       string
	}{
		{"robot field", "Здравствуйте, {{Имя}}!", []string{"{{Имя}}"}, 1, ""},
		{"bitrix field", "{=Document:NAME}, {привет|добрый день}", []string{"{=Document:NAME}"}, 2, ""},
		{"go action without pipe", "{{ if .VIP }}VIP{{ end }}", []string{"{{ if .VIP }}", "{{ end }}"}, 1, ""},
		{"pipe is spintax", "{{ .Имя | upper }}", nil, 2, "a '|' makes it TextRandomizer's nested group"},
		{"group starts with a group", "{{a|b} c|d}", nil, 3, ""},
		{"placeholder inside a group", "{{{Имя}}|друг}", []string{"{{Имя}}"}, 2, "the first '{' opens a group, the next two a placeholder"},
		{"bitrix with a bar", "{=)|=(}", nil, 2, "{=...} holding a '|' is a group whose option starts with '='"},
	}
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			s, err := randomizer.ParseSyntax(r.src, randomizer.TextRandomizer)
			if err != nil {
				t.Fatalf("%v (%s)", err, r.why)
			}
			var got []string
			for _, p := range s.Placeholders() {
				got = append(got, p.Text)
			}
			if !slices.Equal(got, r.phs) || s.Count().Int64() != r.count {
				t.Errorf("placeholders %q, count %v; want %q, %d (%s)", got, s.Count(), r.phs, r.count, r.why)
			}
		})
	}
}

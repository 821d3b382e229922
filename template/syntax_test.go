package template_test

import (
	"encoding/json"
	"math/big"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/spinwise/spinwise/template"
)

var trOpts = &template.Options{Syntax: template.TextRandomizer}

// variants renders every variant of src for data, in All's order.
func variants(t *testing.T, src string, opts *template.Options, data map[string]any) []string {
	t.Helper()
	tp, err := template.Parse(src, opts)
	if err != nil {
		t.Fatalf("Parse(%q): %v", src, err)
	}
	var out []string
	for i := big.NewInt(0); i.Cmp(tp.Count()) < 0; i.Add(i, big.NewInt(1)) {
		v, err := tp.RenderVariant(data, i)
		if err != nil {
			t.Fatalf("variant %v of %q: %v", i, src, err)
		}
		out = append(out, v)
	}
	return out
}

func TestTextRandomizerSyntax(t *testing.T) {
	anna := map[string]any{"Имя": "Анна", "VIP": true}
	rows := []struct {
		name, src string
		data      map[string]any
		want      []string // every variant, in order
		why       string
	}{
		{"placeholder as a word", "{Привет|Здравствуйте} ,  {{Имя}} !", anna, []string{"Привет, Анна!", "Здравствуйте, Анна!"},
			"spaces folded, none before ',' and '!'; the placeholder is part of the text, not a group"},
		{"group that starts with a group", "{{Бытует|Существует} мнение|Многие думают}, {{Имя}}", anna,
			[]string{"Бытует мнение, Анна", "Существует мнение, Анна", "Многие думают, Анна"},
			"under spinwise's syntax this is a placeholder calling the unknown function Существует"},
		{"colon kept", "{{Имя}} : {скидка|подарок}", anna, []string{"Анна : скидка", "Анна : подарок"},
			"TextRandomizer keeps a space before ':', and so does the tidy under its syntax"},
		{"paragraphs", "Здравствуйте, {{Имя}}!\n|Ждём вас.", anna, []string{"Здравствуйте, Анна! Ждём вас.", "Ждём вас. Здравствуйте, Анна!"},
			"a top-level '|' permutes paragraphs, joined by a space on one line"},
		{"separator spaced", "Возьмите [+,+чай|кофе].", anna, []string{"Возьмите чай, кофе.", "Возьмите кофе, чай."}, ""},
		{"word separator", "[+и+чай|кофе]", anna, []string{"чай и кофе", "кофе и чай"}, "spinwise's syntax prints чайикофе"},
		{"escaped plus", `2\+2=4, {{Имя}}`, anna, []string{"2+2=4, Анна"}, ""},
		{"go action with a pipe is spintax", "{{ .Имя | upper }}", anna, []string{".Имя", "upper"}, "TextRandomizer reads braces with a '|' as groups"},
		{"control block", "{{ if .VIP }}VIP {{ end }}клиент {{Имя}}", anna, []string{"VIP клиент Анна"}, "a block without '|' is a placeholder"},
		{"control block not taken", "{{ if .VIP }}VIP {{ end }}клиент {{Имя}}", map[string]any{"Имя": "Анна", "VIP": false}, []string{"клиент Анна"},
			"the tidy drops the space the block leaves at the start"},
		{"value keeps its no-break spaces", "Сумма {{ money .Сумма }} .", map[string]any{"Сумма": 177199}, []string{"Сумма 177\u00a0199\u00a0₽."},
			"only the template's text is folded as TextRandomizer folds it; money's no-break spaces stay"},
		{"bitrix field", "{=Document:NAME}, {привет|добрый день}!", map[string]any{"NAME": "Анна"}, []string{"Анна, привет!", "Анна, добрый день!"}, ""},
	}
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			got := variants(t, r.src, trOpts, r.data)
			if !slices.Equal(got, r.want) {
				t.Errorf("variants %q, want %q (%s)", got, r.want, r.why)
			}
		})
	}
}

// Under TextRandomizer's syntax the template renders what TextRandomizer
// renders, tidy included: the cases recorded from TextRandomizer itself in
// ../randomizer/testdata/textrandomizer.
func TestTextRandomizerPeerThroughTemplate(t *testing.T) {
	type trCase struct {
		Name, Src string
		Count     int64
		Complete  bool
		Texts     []string
	}
	var cases, want []trCase
	for name, v := range map[string]*[]trCase{"cases.json": &cases, "want.json": &want} {
		b, err := os.ReadFile("../randomizer/testdata/textrandomizer/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, v); err != nil {
			t.Fatal(err)
		}
	}
	for i, c := range cases {
		w := want[i]
		if strings.Contains(c.Src, "{{") || !w.Complete {
			continue // placeholders differ by design; large ones are checked in package randomizer
		}
		got := variants(t, c.Src, trOpts, nil)
		slices.Sort(got)
		got = slices.Compact(got)
		if !slices.Equal(got, w.Texts) {
			t.Errorf("%s: texts %q, TextRandomizer renders %q", c.Name, got, w.Texts)
		}
	}
}

func TestSyntaxText(t *testing.T) {
	rows := []struct {
		in   string
		want template.Syntax
		err  bool
	}{
		{"spinwise", template.Spinwise, false},
		{"textrandomizer", template.TextRandomizer, false},
		{" TextRandomizer ", template.TextRandomizer, false},
		{"tr", 0, true},
		{"", 0, true},
	}
	for _, r := range rows {
		var x template.Syntax
		err := x.UnmarshalText([]byte(r.in))
		if (err != nil) != r.err || x != r.want {
			t.Errorf("UnmarshalText(%q) = %v, %v; want %v, error %v", r.in, x, err, r.want, r.err)
		}
		if err == nil {
			if b, _ := x.MarshalText(); string(b) != strings.ToLower(strings.TrimSpace(r.in)) {
				t.Errorf("MarshalText(%v) = %q", x, b)
			}
		}
	}
	if _, err := template.Parse("a", &template.Options{Syntax: 7}); err == nil {
		t.Error("Parse with an unknown Syntax succeeded")
	}
}

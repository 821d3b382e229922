package template_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/spinwise/spinwise/template"
)

func TestLint(t *testing.T) {
	rows := []struct {
		name, src string
		opts      *template.Options
		catalog   []string
		want      []string // "LINE:COL kind", in order
		fix       string   // a substring of the first warning's fix
		why       string
	}{
		{"glued comma", "Возьмите [+,+чай|кофе].", nil, nil, []string{"1:10 glued-separator"}, "[+, +", `renders "чай,кофе"`},
		{"glued word", "[+и+чай|кофе]", nil, nil, []string{"1:1 glued-separator"}, "[+ и +", `renders "чайикофе"`},
		{"word spaced on one side", "[+и +чай|кофе]", nil, nil, []string{"1:1 glued-separator"}, "[+ и +", `renders "чаии кофе"`},
		{"spaced comma", "[+, +чай|кофе]", nil, nil, nil, "", "the usual form"},
		{"spaced word", "[+ и +чай|кофе]", nil, nil, nil, "", ""},
		{"empty separator", "[++при|вет]", nil, nil, nil, "", "glued on purpose"},
		{"plus as an option", "[+|]", nil, nil, nil, "", "no separator: the first option is \"+\" (this input used to panic)"},
		{"plus-led option", "[+a|b]", nil, nil, nil, "", "'+a' is an option, not the start of a separator"},
		{"glued under TextRandomizer", "[+,+чай|кофе]", trOpts, nil, nil, "", "TextRandomizer spaces separators itself"},
		{"braces in a placeholder", `{{ printf "{a|b}" }}`, nil, nil, []string{"1:1 swallowed-spintax"}, "{ {", "spintax in a quoted string is text"},
		{"top-level bar", "Привет|Здравствуйте, {{Имя}}", nil, nil, []string{"1:7 top-level-bar"}, "{a|b}", "printed as is"},
		{"escaped bar", `a \| b`, nil, nil, nil, "", "an escape is meant"},
		{"bar in a placeholder or group", "{a|b} {{ .A | upper }}", nil, nil, nil, "", ""},
		{"top-level bar under TextRandomizer", "a|b", trOpts, nil, nil, "", "paragraphs"},
		{"empty group", "Привет{|}!", nil, nil, []string{"1:7 empty-group"}, "remove the group", "it only doubles the count"},
		{"option always empty", "{ {|}|очень} рады", nil, nil, []string{"1:2 empty-option", "1:3 empty-group"}, "{|очень}", "an option holding only a group of empty options: both are reported"},
		{"optional word", "{|очень }рады", nil, nil, nil, "", "one empty option is the usual way to leave a word out"},
		{"duplicate", "{Привет|Здравствуйте|привет|Привет}", nil, nil, []string{"1:29 duplicate-option"}, "remove one", "привет differs in case: a different text"},
		{"duplicate with spaces", "{Добрый  день|Добрый день}", nil, nil, []string{"1:15 duplicate-option"}, "", "white space folded"},
		{"field case", "{{имя}}, {=Document:name}", nil, []string{"Имя", "NAME"}, []string{"1:3 field-case", "1:12 field-case"}, `"Имя"`, ""},
		{"field spaces", "{{Имя  клиента}}", nil, []string{"ИмяКлиента"}, []string{"1:3 field-case"}, "ИмяКлиента", ""},
		{"known field", "{{Имя}}", nil, []string{"Имя"}, nil, "", ""},
		{"pipeline under TextRandomizer", "Привет, {{ .Имя | upper }}!", trOpts, nil, []string{"1:9 pipeline-as-spintax"}, "{{ .Имя }}",
			"it renders \".Имя\" or \"upper\" with no error"},
		{"group of groups under TextRandomizer", "{{Бытует|Есть} мнение|Многие думают}", trOpts, nil, nil, "", "the syntax's own idiom"},
	}
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			tp, err := template.Parse(r.src, r.opts)
			if err != nil {
				t.Fatalf("Parse(%q): %v (%s)", r.src, err, r.why)
			}
			ws := tp.Lint(r.catalog)
			var got []string
			for _, w := range ws {
				got = append(got, fmt.Sprintf("%d:%d %s", w.Line, w.Col, w.Kind))
				if w.Msg == "" || w.Fix == "" || !strings.HasPrefix(w.String(), fmt.Sprintf("template:%d:%d: ", w.Line, w.Col)) {
					t.Errorf("warning %+v lacks a message, a fix or its position", w)
				}
			}
			if strings.Join(got, ", ") != strings.Join(r.want, ", ") {
				t.Fatalf("warnings %q, want %q (%s): %v", got, r.want, r.why, ws)
			}
			if r.fix != "" && !strings.Contains(ws[0].Fix, r.fix) {
				t.Errorf("fix %q lacks %q (%s)", ws[0].Fix, r.fix, r.why)
			}
		})
	}
}

// A "{{" that swallowed a group that starts with a group is a syntax error
// that says to write "{ {".
func TestBraceHint(t *testing.T) {
	rows := []struct {
		name, src string
		hint      bool
		why       string
	}{
		{"group of groups", "{{Бытует|Существует} мнение|Многие думают}, что", true, "TextRandomizer's README example"},
		{"doubled braces", "{{Здравствуйте|Добрый день}}, {{Имя}}", true, "a word after the '|', not a function"},
		{"unclosed", "{{a|b} c|d}", true, "no '}}': the randomizer's error"},
		{"misspelt function", "{{ .Имя | uper }}", false, "a pipeline with a typo is not spintax"},
	}
	for _, r := range rows {
		_, err := template.Parse(r.src, nil)
		var e *template.Error
		if !errors.As(err, &e) {
			t.Fatalf("%s: Parse = %v, want a *template.Error", r.name, err)
		}
		if strings.Contains(e.Msg, "'{ {'") != r.hint {
			t.Errorf("%s: message %q; hint wanted: %v (%s)", r.name, e.Msg, r.hint, r.why)
		}
		if r.hint {
			if _, err := template.Parse(strings.Replace(r.src, "{{", "{ {", 1), nil); err != nil && r.name != "doubled braces" {
				t.Errorf("%s: the suggested form does not parse: %v", r.name, err)
			}
		}
	}
}

func TestMessageLengths(t *testing.T) {
	tp, err := template.Parse("{Здравствуйте|Добрый день}, {{Имя}}!", nil)
	if err != nil {
		t.Fatal(err)
	}
	recs := []map[string]any{{"Имя": "Ян"}, {"Имя": "Александра"}, {"Имя": ""}, {"Имя": "Ян"}}
	lo, hi, n := tp.MessageLengths(slices.Values(recs))
	// "Добрый день, Ян!" is 16 runes, "Здравствуйте, Александра!" 25; the
	// record with no name fails and is left out.
	if n != 3 || lo < 16 || hi > 25 || lo > hi {
		t.Errorf("MessageLengths = %d, %d over %d messages; want within [16, 25] over 3", lo, hi, n)
	}
	if sl, sh := tp.Spintax().LengthRange(); sl != 21 || sh != 22 {
		t.Errorf("LengthRange = %d, %d: counts {{Имя}} as its 7 runes", sl, sh)
	}
	if lo, hi, n := tp.MessageLengths(slices.Values([]map[string]any(nil))); lo != 0 || hi != 0 || n != 0 {
		t.Errorf("MessageLengths(nil) = %d, %d, %d", lo, hi, n)
	}
}

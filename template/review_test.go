package template_test

import (
	"encoding/json"
	"errors"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/spinwise/spinwise/template"
)

// Inner is embedded in outer by pointer; its field X is promoted.
type Inner struct{ X string }

type outer struct{ *Inner }

var when = time.Date(2027, 3, 5, 0, 0, 0, 0, time.UTC)

// Rows found in review: values of the Go types a Bitrix24 robot or a JSON
// decoder hands over, and pipelines with a fallback.
func TestRenderOddValues(t *testing.T) {
	d := func(k string, v any) map[string]any { return map[string]any{k: v} }
	plural := `{{ plural .N "товар" "товара" "товаров" }}`
	var nilPtr *string
	runRows(t, []renderRow{
		{name: "plural json.Number", src: plural, data: d("N", json.Number("21")), want: "товар",
			why: "json.Decoder.UseNumber gives json.Number, a string type, not a string"},
		{name: "plural json.Number fraction", src: plural, data: d("N", json.Number("1.5")), want: "товара"},
		{name: "money json.Number", src: "{{ money .S }}", data: d("S", json.Number("1234.5")), want: "1" + nb + "234,50" + nb + "₽"},
		{name: "eq json.Number", src: `{{ if eq .N 5 }}да{{ else }}нет{{ end }}`, data: d("N", json.Number("5")), want: "да"},
		{name: "gt json.Number", src: `{{ if gt .N 4 }}да{{ else }}нет{{ end }}`, data: d("N", json.Number("5")), want: "да"},
		{name: "trunc json.Number length", src: `{{ trunc .N "Привет" }}`, data: d("N", json.Number("3")), want: "При"},
		{name: "nil pointer is missing", src: "Здравствуйте, {{ .Имя }}!", data: d("Имя", nilPtr), wantErr: "missing:Имя",
			why: "a typed nil would print <nil>"},
		{name: "nil map is missing", src: "{{ .M }}", data: d("M", map[string]any(nil)), wantErr: "missing:M"},
		{name: "nil pointer takes default", src: `{{ .Имя | default "друг" }}`, data: d("Имя", nilPtr), want: "друг"},
		{name: "print of missing takes default", src: `{{ print .Имя | default "друг" }}`, data: nil, want: "друг",
			why: "print would turn the missing field into the text <nil>"},
		{name: "printf of missing takes default", src: `{{ printf "%s!" .Имя | default "друг" }}`, data: nil, want: "друг",
			why: "printf would print %!s(<nil>)!"},
		{name: "missing in nested pipe takes default", src: `{{ default "друг" (print .Имя) }}`, data: nil, want: "друг"},
		{name: "coalesce skips a function of a missing field", src: `{{ coalesce (print .Имя) .Фамилия }}`, data: d("Фамилия", "Петров"), want: "Петров"},
		{name: "present field through print", src: `{{ print .Имя | default "друг" }}`, data: d("Имя", "Анна"), want: "Анна"},
		{name: "default of a missing field", src: `{{ Имя | default .Фамилия }}!`, data: nil, wantErr: "missing:Имя",
			why: "the fallback supplies nothing either: the message would read \"Здравствуйте, !\""},
		{name: "coalesce of missing fields", src: `{{ coalesce .Имя .Фамилия }}`, data: d("Фамилия", " "), wantErr: "missing:Имя"},
		{name: "coalesce with an explicit empty last", src: `{{ coalesce .Имя .Фамилия "" }}!`, data: d("Фамилия", " "), want: "!",
			why: "the explicit \"\" is the fallback; a blank Фамилия from the data is missing"},
		{name: "explicit empty default", src: `{{ Отчество | default "" }}!`, data: nil, want: "!",
			why: "an explicit \"\" says: print nothing"},
		{name: "time.Time value", src: "Ждём вас {{ .Дата }}", data: d("Дата", time.Date(2027, 3, 5, 0, 0, 0, 0, time.UTC)), want: "Ждём вас 05.03.2027",
			why: "Go's format would print 2027-03-05 00:00:00 +0000 UTC"},
		{name: "time.Time value with a time", src: "{{ .Дата }}", data: d("Дата", time.Date(2027, 3, 5, 14, 30, 0, 0, time.UTC)), want: "05.03.2027 14:30"},
		{name: "float32 in full", src: "{{ .N }}", data: d("N", float32(1e7)), want: "10000000", why: "fmt prints 1e+07"},
		{name: "float64 in full", src: "{{ .N }}", data: d("N", 1e7), want: "10000000"},
		{name: "*time.Time value", src: "{{ .Дата }}", data: d("Дата", &when), want: "05.03.2027"},
		{name: "index of a string is a letter", src: `{{ index .Имя 0 }}.`, data: d("Имя", "Анна"), want: "А.",
			why: "text/template gives the byte 208"},
		{name: "index of a string in runes", src: `{{ index .Имя 3 }}`, data: d("Имя", "Анна"), want: "а"},
		{name: "index of a string out of range", src: `{{ index .Имя 4 }}`, data: d("Имя", "Анна"), wantErr: "out of range [0, 4)"},
		{name: "field through a nil embedded pointer", src: "{{ .O.X }}", data: d("O", outer{}), wantErr: "missing:O.X",
			why: "reflect panics on a promoted field of a nil embedded pointer"},
		{name: "field through an embedded pointer", src: "{{ .O.X }}", data: d("O", outer{Inner: &Inner{X: "x"}}), want: "x"},
		{name: "money of infinity", src: "{{ money .S }}", data: d("S", math.Inf(1)), wantErr: "not an amount", why: "would print \"+ Inf ₽\""},
		{name: "money of NaN", src: "{{ money .S }}", data: d("S", math.NaN()), wantErr: "not an amount"},
		{name: "plural of NaN", src: plural, data: d("N", math.NaN()), wantErr: "not a number"},
		{name: "multi-field list", src: "Телефоны: {{ Телефон }}", data: d("Телефон", []any{"+7 999 111-22-33", "+7 999 444-55-66"}),
			want: "Телефоны: +7 999 111-22-33, +7 999 444-55-66", why: "fmt would print [+7 999 111-22-33 +7 999 444-55-66]"},
		{name: "one-item list", src: "{{ .Email }}", data: d("Email", []string{"a@b.ru"}), want: "a@b.ru"},
		{name: "list of numbers", src: "{{ .N }}", data: d("N", []any{1, 2.5, json.Number("3")}), want: "1, 2.5, 3"},
		{name: "empty list is missing", src: "Здравствуйте, {{ Имя }}!", data: d("Имя", []any{}), wantErr: "missing:Имя",
			why: "it would print \"Здравствуйте, !\""},
		{name: "list of blanks is missing", src: "{{ Имя }}", data: d("Имя", []string{" "}), wantErr: "missing:Имя"},
		{name: "empty list from a function", src: "{{ (list) }}", data: nil, wantErr: "missing:{{ (list) }}", why: "no field: the placeholder names it"},
		{name: "nested list as fmt prints it", src: "{{ .L }}", data: d("L", []any{[]any{1, 2}}), want: "[[1 2]]"},
		{name: "not of missing in if", src: `{{ if not .Имя }}нет{{ end }}`, data: nil, want: "нет",
			why: "conditions without a fallback still pass nil to functions"},
	})
}

func TestTidyLeavesAlone(t *testing.T) {
	runRows(t, []renderRow{
		{name: "smiley", src: "Спасибо :) Ждём вас ;)", want: "Спасибо :) Ждём вас ;)", why: "a space before :) is not a space before a colon"},
		{name: "leading dot word", src: "Курс по .NET и .ru-домены", want: "Курс по .NET и .ru-домены"},
		{name: "url then ellipsis", src: "Ссылка https://a.ru/x?y=1 ... и всё", want: "Ссылка https://a.ru/x?y=1 ... и всё",
			why: "gluing dots to a link may make them part of it"},
		{name: "url then comma", src: "www.a.ru , и всё", want: "www.a.ru , и всё"},
		{name: "still tidies commas", src: "Привет , Анна ! Как дела ?!", want: "Привет, Анна! Как дела?!"},
		{name: "still tidies ellipsis", src: "Ну {|} ...", want: "Ну..."},
		{name: "before closing quote", src: "«Да !»", want: "«Да!»"},
		{name: "decimal comma", src: "Это 3,5 кг , не 3.5", want: "Это 3,5 кг, не 3.5"},
	})
}

var fallbackHint = regexp.MustCompile(`\{\{.*\| default "\.\.\." \}\}`)

// The fallback a MissingError suggests must be the placeholder as written
// with "| default", and it must work.
func TestMissingErrorHint(t *testing.T) {
	rows := []struct {
		name, src string
		opts      *template.Options
		data      map[string]any
		field     string
		hint      string
	}{
		{name: "robot", src: "{{Имя}}", field: "Имя", hint: `{{ Имя | default "..." }}`},
		{name: "robot mapped", src: "{{ Имя клиента }}", opts: &template.Options{Fields: map[string]string{"Имя клиента": "NAME"}},
			field: "NAME", hint: `{{ Имя клиента | default "..." }}`},
		{name: "nested", src: "{{ .Клиент.Имя }}", data: map[string]any{"Клиент": map[string]any{}}, field: "Клиент.Имя",
			hint: `{{ .Клиент.Имя | default "..." }}`},
		{name: "pipeline", src: "{{ .Имя | upper }}", field: "Имя", hint: `{{ .Имя | upper | default "..." }}`},
		{name: "bitrix", src: "{=Document:NAME}", field: "NAME", hint: `{{ NAME | default "..." }}`},
		{name: "inside with", src: "{{ with .К }}{{ .Имя }}{{ end }}", data: map[string]any{"К": map[string]any{"x": 1}}, field: ".Имя",
			hint: `{{ .Имя | default "..." }}`},
	}
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			tp, err := template.Parse(r.src, r.opts)
			if err != nil {
				t.Fatal(err)
			}
			_, err = tp.Render(r.data, "k")
			var me *template.MissingError
			if !errors.As(err, &me) || me.Field != r.field {
				t.Fatalf("err = %v, want a *MissingError for %q", err, r.field)
			}
			hint := fallbackHint.FindString(me.Error())
			if hint != r.hint {
				t.Fatalf("hint %q in %q, want %q", hint, me.Error(), r.hint)
			}
			var re *template.RenderError
			if !errors.As(err, &re) {
				t.Fatalf("err = %v, not a *RenderError", err)
			}
			fixed, err := template.Parse(strings.Replace(r.src, re.Placeholder, hint, 1), r.opts)
			if err != nil {
				t.Fatalf("the suggested %s does not parse: %v", hint, err)
			}
			if _, err := fixed.Render(r.data, "k"); err != nil {
				t.Fatalf("the suggested %s does not render: %v", hint, err)
			}
		})
	}
	me := &template.MissingError{Field: "Город"}
	if got := fallbackHint.FindString(me.Error()); got != `{{ Город | default "..." }}` {
		t.Errorf("a MissingError built by a caller suggests %q", got)
	}
}

func TestUnknownFunctionMessage(t *testing.T) {
	rows := []struct{ name, src, want string }{
		{"typo", `{{ plurl .N "товар" "товара" "товаров" }}`, `unknown function "plurl"; did you mean "plural"?`},
		{"case", `{{ .Имя | Upper }}`, `unknown function "Upper"; did you mean "upper"?`},
		{"left out", `{{ env "HOME" }}`, `unknown function "env": message templates leave it out`},
		{"left out, close to an allowed name", `{{ seq 1 5 }}`, `unknown function "seq": message templates leave it out`},
		{"far from any", `{{ zzzzzzzz .N }}`, `unknown function "zzzzzzzz"; FuncNames lists`},
	}
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			_, err := template.Parse(r.src, nil)
			var e *template.Error
			if !errors.As(err, &e) || !strings.Contains(e.Msg, r.want) {
				t.Fatalf("err = %v, want a *template.Error containing %q", err, r.want)
			}
		})
	}
}

func TestInvalidUTF8Value(t *testing.T) {
	tp, err := template.Parse("Здравствуйте, {{Имя}}!", nil)
	if err != nil {
		t.Fatal(err)
	}
	out, err := tp.Render(map[string]any{"Имя": "Ан\xffна"}, "k")
	var re *template.RenderError
	if !errors.Is(err, template.ErrInvalidUTF8) || !errors.As(err, &re) || re.Line != 1 || re.Col != 15 {
		t.Fatalf("got (%q, %v), want ErrInvalidUTF8 in a *RenderError at 1:15", out, err)
	}
	// A function's result is checked as well.
	tp, _ = template.Parse(`{{ b64dec .S }}`, nil)
	if _, err := tp.Render(map[string]any{"S": "//79"}, "k"); !errors.Is(err, template.ErrInvalidUTF8) {
		t.Fatalf("b64dec to broken bytes: err = %v, want ErrInvalidUTF8", err)
	}
	// So is a CRM multi-value field, whose items are joined with ", ": the
	// join used to skip the check (found by FuzzParse).
	tp, _ = template.Parse(`{{range 1}}{{L}}{{end}}`, nil)
	if out, err := tp.Render(map[string]any{"L": []any{"\xd0", 1}}, "k"); !errors.Is(err, template.ErrInvalidUTF8) {
		t.Fatalf("list with a broken item: got (%q, %v), want ErrInvalidUTF8", out, err)
	}
}

// A short template must not make one render build gigabytes or run for
// hours: function arguments are measured before each call, and all calls of
// one render together get a byte budget.
func TestFunctionArgumentBudget(t *testing.T) {
	big := strings.Repeat("я", 32000) // 64,000 bytes
	refs := func(s string, n int) string { return strings.Repeat(" "+s, n) }
	rows := []struct{ name, src, want, why string }{
		{"many references in one call", `{{ with (list` + refs("$.S", 100) + `) }}{{ toJson (list` + refs(".", 100) + `) | len }}{{ end }}`,
			"list: arguments over 1048576 bytes", "toJson would build 640 MB, then refuse it"},
		{"one big argument", `{{ cat` + refs("$.S", 20) + ` | len }}`, "cat: arguments over", ""},
		{"work over a loop", `{{ range 100000 }}{{ if trim $.S }}{{ end }}{{ end }}`, "functions were given over 67108864 bytes",
			"with upper instead of trim, 50 calls a turn, this ran for hours"},
	}
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			tp, err := template.Parse(r.src, nil)
			if err != nil {
				t.Fatal(err)
			}
			_, err = tp.Render(map[string]any{"S": big}, "k")
			if err == nil || !strings.Contains(err.Error(), r.want) {
				t.Fatalf("err = %v, want %q (%s)", err, r.want, r.why)
			}
		})
	}
	// Within the budget, big values still work.
	tp, _ := template.Parse(`{{ cat`+refs("$.S", 10)+` | len }} {{ range 500 }}{{ if trim $.S }}{{ end }}{{ end }}`, &template.Options{MaxOutput: 1 << 20})
	if out, err := tp.Render(map[string]any{"S": big}, "k"); err != nil || out != "320009" {
		t.Fatalf("got (%q, %v), want 320009 (runes: 10 × 32,000 and 9 spaces)", out, err)
	}
}

// Matching takes time in proportion to the pattern's length times the
// text's: a pattern built from printf and replace, run in a loop, must not
// take minutes.
func TestRegexWorkBudget(t *testing.T) {
	pattern := `(replace " " "(a|b)*" (printf "%999s%999s%999s%999s%999s%999s%999s%999s%999s%999s" "" "" "" "" "" "" "" "" "" ""))`
	tp, err := template.Parse(`{{ range 1000 }}{{ if regexMatch `+pattern+` $.S }}{{ end }}{{ end }}`, nil)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = tp.Render(map[string]any{"S": strings.Repeat("ab", 30000)}, "k")
	if err == nil || !strings.Contains(err.Error(), "regexMatch: functions were given over") {
		t.Fatalf("err = %v after %v, want the work budget to stop regexMatch", err, time.Since(start))
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Fatalf("stopped only after %v", d) // 550 matches of about a second each without the charge
	}
	// An ordinary pattern on an ordinary value is far from the budget.
	tp, _ = template.Parse(`{{ range 1000 }}{{ regexReplaceAll "[^0-9+]" $.Телефон "" }} {{ end }}`, nil)
	if _, err := tp.Render(map[string]any{"Телефон": "+7 (999) 123-45-67"}, "k"); err != nil {
		t.Fatal(err)
	}
}

func TestRegexWithoutArguments(t *testing.T) {
	tp, err := template.Parse(`{{ print (regexMatch) }}`, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tp.Render(nil, "k"); err == nil || !strings.Contains(err.Error(), "regexMatch takes 2 argument(s), got 0") {
		t.Fatalf("err = %v, want an arity error", err)
	}
}

// A huge map in the data is refused before its keys are sorted (1,000,000
// keys took 14 s to sort only to fail the step cap on the first turns).
func TestRangeOverHugeMap(t *testing.T) {
	m := make(map[string]any, maxStepsPlusOne)
	for i := range maxStepsPlusOne {
		m[strconv.Itoa(i)] = i
	}
	tp, err := template.Parse(`{{ range .M }}{{ . }}{{ end }}`, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, err = tp.Render(map[string]any{"M": m}, "k")
	if err == nil || !strings.Contains(err.Error(), "a map of 100001 entries is too big to range over") {
		t.Fatalf("err = %v", err)
	}
	// A small map still ranges in key order, numbers by value as
	// text/template does.
	tp, _ = template.Parse(`{{ range .M }}{{ . }} {{ end }}`, nil)
	out, err := tp.Render(map[string]any{"M": map[int]string{10: "c", 2: "b", 1: "a", -1: "z"}}, "k")
	if err != nil || out != "z a b c" {
		t.Fatalf("got (%q, %v), want keys in numeric order: -1, 1, 2, 10", out, err)
	}
	out, err = tp.Render(map[string]any{"M": map[string]int{"10": 3, "2": 2, "1": 1}}, "k")
	if err != nil || out != "1 3 2" {
		t.Fatalf("got (%q, %v), want string keys in text order: 1, 10, 2", out, err)
	}
}

const maxStepsPlusOne = 100_001

// A list or map that holds itself must not crash the process: fmt recurses
// until the stack overflows, a fatal error that recover cannot catch.
func TestSelfReferentialValue(t *testing.T) {
	m := map[string]any{"a": "1"}
	m["self"] = m
	l := []any{"x", nil}
	l[1] = l
	for _, src := range []string{"{{ .M }}", "{{ .L }}", `{{ printf "%v" .L }}`, "{{ toJson .M }}", `{{ with .M }}{{ .self.self.a }}{{ end }}`} {
		tp, err := template.Parse(src, nil)
		if err != nil {
			t.Fatal(err)
		}
		out, err := tp.Render(map[string]any{"M": m, "L": l}, "k")
		if src == `{{ with .M }}{{ .self.self.a }}{{ end }}` {
			if err != nil || out != "1" {
				t.Errorf("%s: got (%q, %v), want 1", src, out, err)
			}
			continue
		}
		if err == nil {
			t.Errorf("%s: got %q, want an error", src, out)
		}
	}
}

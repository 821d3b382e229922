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

// A regular expression costs what its compiled program does: matching takes
// time in proportion to the program's size times the text's length, and
// parsing and compiling take time too. A short pattern such as \d{1000} is a
// program of 1,000 instructions; a pattern built from printf and replace can
// be long; (?i) makes a class's range cost a pass over its runes. None of
// them, run in a loop, may take minutes: each stops with ErrTooMuchWork.
// The test checks the error, which the budget makes deterministic; the time
// it bounds (about half a second for the whole budget, a few times that
// under -race) is BenchmarkRegexWorkBudget's to show, not a timed test's.
func TestRegexWorkBudget(t *testing.T) {
	for _, r := range regexBudgetRows() {
		t.Run(r.name, func(t *testing.T) {
			tp, err := template.Parse(r.src, nil)
			if err != nil {
				t.Fatal(err)
			}
			out, err := tp.Render(r.data, "k")
			var re *template.RenderError
			if !errors.Is(err, template.ErrTooMuchWork) || !errors.As(err, &re) || !strings.HasPrefix(re.Err.Error(), r.want+":") {
				t.Fatalf("got (%.20q, %v), want ErrTooMuchWork from %s (%s)", out, err, r.want, r.why)
			}
		})
	}
	// An ordinary pattern on an ordinary value is far from the budget.
	tp, _ := template.Parse(`{{ range 1000 }}{{ regexReplaceAll "[^0-9+]" $.Телефон "" }} {{ end }}`, nil)
	if _, err := tp.Render(map[string]any{"Телефон": "+7 (999) 123-45-67"}, "k"); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkRegexWorkBudget is the time each of TestRegexWorkBudget's
// templates takes to spend the whole work budget and stop.
func BenchmarkRegexWorkBudget(b *testing.B) {
	for _, r := range regexBudgetRows() {
		b.Run(r.name, func(b *testing.B) {
			tp, err := template.Parse(r.src, nil)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := tp.Render(r.data, "k"); !errors.Is(err, template.ErrTooMuchWork) {
					b.Fatalf("err = %v, want ErrTooMuchWork", err)
				}
			}
		})
	}
}

type regexBudgetRow struct {
	name, src, want, why string
	data                 map[string]any
}

func regexBudgetRows() []regexBudgetRow {
	zeros := `(printf "` + strings.Repeat("%0999d", 60) + `"` + strings.Repeat(" 0", 60) + `)` // 59,940 zeros
	rows := []struct{ name, src, s, want, why string }{
		{"long pattern", `{{ range 1000 }}{{ if regexMatch (replace " " "(a|b)*" (printf "` + strings.Repeat("%999s", 10) + `"` +
			strings.Repeat(` ""`, 10) + `)) $.S }}{{ end }}{{ end }}`, strings.Repeat("ab", 30000), "regexMatch",
			"550 matches of about a second each without the charge"},
		{"short pattern, big program", "{{ range 300 }}{{ if regexMatch `\\d{1000}x` " + zeros + " }}{{ end }}{{ end }}готово", "", "regexMatch",
			"an 8-byte pattern, charged as 8 bytes: 0.7 s a turn, 3.5 minutes in all, then готово"},
		{"big program, short text", "{{ range 49990 }}{{ if regexMatch `" + strings.Repeat(`\pL{1000}`, 16) + "` \"a\" }}{{ end }}{{ end }}", "", "regexMatch",
			"compiled on every turn: 2 minutes before the budget stopped it; its 16,000 instructions are now over the cap"},
		{"big program under the cap, short text", "{{ range 49990 }}{{ if regexMatch `" + strings.Repeat(`\pL{1000}`, 8) + "` \"a\" }}{{ end }}{{ end }}", "", "regexMatch",
			"compiled once, each match of 8,000 instructions charged as if each ran at both positions of \"a\""},
		{"case-folded ranges", `{{ range $.L }}{{ if regexMatch (printf "(?i)` + strings.Repeat(`[\\x{100}-\\x{1E900}]`, 20) + `%d" .) "a" }}{{ end }}{{ end }}`,
			"", "regexMatch", "a new 440-byte pattern each turn, 80 ms to parse each: a minute in all"},
		{"regexReplaceAll", "{{ range 300 }}{{ regexReplaceAll `\\d{1000}x` " + zeros + ` "" | len }}{{ end }}`, "", "regexReplaceAll", ""},
		{"regexFindAll", "{{ range 300 }}{{ regexFindAll `[\\pL\\d]{999}x` " + zeros + ` -1 | len }}{{ end }}`, "", "regexFindAll", ""},
	}
	list := make([]any, 1000)
	for i := range list {
		list[i] = i
	}
	out := make([]regexBudgetRow, len(rows))
	for i, r := range rows {
		out[i] = regexBudgetRow{name: r.name, src: r.src, want: r.want, why: r.why, data: map[string]any{"S": r.s, "L": list}}
	}
	return out
}

// One render compiles a pattern once, however often it runs: compiling
// \pL{1000} eight times over is charged about 580,000 units of the 64 Mi
// budget, which 500 turns could not afford, while matching a one-letter
// text costs 48,000 a turn.
func TestRegexCompiledOncePerRender(t *testing.T) {
	tp, err := template.Parse("{{ range 500 }}{{ if regexMatch `"+strings.Repeat(`\pL{1000}`, 8)+"|a` $.S }}x{{ end }}{{ end }}", nil)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	for range 2 { // and once more, with the render's state from the pool
		out, err := tp.Render(map[string]any{"S": "a"}, "k")
		if err != nil || out != strings.Repeat("x", 500) {
			t.Fatalf("got (%.20q, %v) after %v, want 500 x's", out, err, time.Since(start))
		}
	}
}

// A pattern too big to be worth compiling is refused before it is: its
// source over 1,024 bytes, or its program over 10,000 instructions.
func TestRegexTooBig(t *testing.T) {
	rows := []struct{ name, pattern, want string }{
		{"long source", strings.Repeat("a", 1025), "pattern of 1025 bytes is over the 1024-byte limit"},
		{"big program", strings.Repeat(`\d{1000}`, 11), "compiles to over 10000 instructions"},
		{"nested repeats", "(" + strings.Repeat("a{20}", 15) + "){50}", "compiles to over 10000 instructions"},
	}
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			tp, err := template.Parse(`{{ regexMatch .P "a" }}`, nil)
			if err != nil {
				t.Fatal(err)
			}
			_, err = tp.Render(map[string]any{"P": r.pattern}, "k")
			if !errors.Is(err, template.ErrTooMuchWork) || !strings.Contains(err.Error(), r.want) {
				t.Fatalf("err = %v, want ErrTooMuchWork saying %q", err, r.want)
			}
		})
	}
	// Expanding $1 makes every thread of the matcher carry every group: 100
	// groups in a program of 2,200 instructions are too many; without $, or
	// literal, the same pattern is fine.
	groups := strings.Repeat(`(\d{20})`, 100)
	tp, _ := template.Parse(`{{ regexReplaceAll .P .S .R | len }}`, nil)
	for _, r := range []struct{ repl, want string }{{"$1", "too many to expand $"}, {"x", ""}} {
		out, err := tp.Render(map[string]any{"P": groups, "S": strings.Repeat("1", 2000), "R": r.repl}, "k")
		switch {
		case r.want == "" && (err != nil || out != "1"):
			t.Fatalf("replacement %q: got (%q, %v), want 1", r.repl, out, err)
		case r.want != "" && (!errors.Is(err, template.ErrTooMuchWork) || !strings.Contains(err.Error(), r.want)):
			t.Fatalf("replacement %q: got (%q, %v), want ErrTooMuchWork saying %q", r.repl, out, err, r.want)
		}
	}
	// Just under both limits is fine.
	tp, _ = template.Parse(`{{ regexMatch .P .S }} {{ regexMatch .Q .S }}`, nil)
	out, err := tp.Render(map[string]any{"P": strings.Repeat("a", 1024), "Q": strings.Repeat(`\d{999}`, 10), "S": strings.Repeat("a", 1024)}, "k")
	if err != nil || out != "true false" {
		t.Fatalf("got (%q, %v), want true false", out, err)
	}
}

// The regular-expression functions keep sprig's behaviour: the plain ones
// fail on a bad pattern (regexMatch says false), the must ones return the
// error; replacement expands $1.
func TestRegexFunctions(t *testing.T) {
	d := map[string]any{"S": "+7 (999) 123-45-67", "E": "a@b.ru, c@d.ru"}
	runRows(t, []renderRow{
		{name: "regexMatch", src: `{{ regexMatch "^\\+7" .S }}`, data: d, want: "true"},
		{name: "regexMatch no match", src: `{{ regexMatch "^8" .S }}`, data: d, want: "false"},
		{name: "regexMatch bad pattern", src: `{{ regexMatch "(" .S }}`, data: d, want: "false", why: "sprig's regexMatch ignores the error"},
		{name: "mustRegexMatch bad pattern", src: `{{ mustRegexMatch "(" .S }}`, data: d, wantErr: "mustRegexMatch: error parsing regexp: missing closing ): `(`"},
		{name: "regexFind", src: `{{ regexFind "[0-9]{3}" .S }}`, data: d, want: "999"},
		{name: "regexFind bad pattern", src: `{{ regexFind "(" .S }}`, data: d, wantErr: "regexFind: regexp: Compile(`(`): error parsing regexp"},
		{name: "mustRegexFind", src: `{{ mustRegexFind "[0-9]{3}" .S }}`, data: d, want: "999"},
		{name: "regexFindAll", src: `{{ regexFindAll "[0-9]+" .S -1 | join "," }}`, data: d, want: "7,999,123,45,67"},
		{name: "regexFindAll n", src: `{{ regexFindAll "[0-9]+" .S 2 | join "," }}`, data: d, want: "7,999"},
		{name: "mustRegexFindAll bad", src: `{{ mustRegexFindAll "[" .S 2 }}`, data: d, wantErr: "mustRegexFindAll: error parsing regexp: missing closing ]"},
		{name: "regexSplit", src: `{{ regexSplit ",\\s*" .E -1 | join "|" }}`, data: d, want: "a@b.ru|c@d.ru"},
		{name: "mustRegexSplit", src: `{{ mustRegexSplit ",\\s*" .E 1 | join "|" }}`, data: d, want: "a@b.ru, c@d.ru"},
		{name: "regexReplaceAll groups", src: `{{ regexReplaceAll "\\+7 \\((\\d+)\\) (\\d+)-(\\d+)-(\\d+)" .S "8$1$2$3$4" }}`, data: d, want: "89991234567"},
		{name: "regexReplaceAllLiteral", src: `{{ regexReplaceAllLiteral "[0-9]+" .S "$1" }}`, data: d, want: "+$1 ($1) $1-$1-$1"},
		{name: "mustRegexReplaceAll", src: `{{ mustRegexReplaceAll "\\D" .S "" }}`, data: d, want: "79991234567"},
		{name: "mustRegexReplaceAllLiteral bad", src: `{{ mustRegexReplaceAllLiteral "(" .S "" }}`, data: d, wantErr: "mustRegexReplaceAllLiteral: error parsing regexp"},
		{name: "regexReplaceAll guarded", src: `{{ regexReplaceAll "" .S .R }}`,
			data: map[string]any{"S": strings.Repeat("x", 60000), "R": strings.Repeat("y", 100)}, wantErr: "regexReplaceAll: result would be over 1 MiB"},
		{name: "regexQuoteMeta", src: `{{ regexQuoteMeta .S }}`, data: d, want: `\+7 \(999\) 123-45-67`},
		{name: "pattern of a missing field with a fallback", src: `{{ regexFind .P .S | default "нет" }}`, data: d, want: "нет"},
		{name: "pattern not a string", src: `{{ regexMatch 5 .S }}`, data: d, wantErr: "regexMatch: argument 1: cannot use 5 (int) as string"},
		{name: "json.Number text", src: `{{ regexFind "[0-9]" .N }}`, data: map[string]any{"N": json.Number("42")}, want: "4"},
		{name: "regexFindAll wrong arity", src: `{{ regexFindAll "a" .S }}`, data: d, wantErr: "regexFindAll takes 3 argument(s), got 2"},
	})
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

// A CRM's multi-value field (phones, e-mails) often comes as an empty list,
// or with null and blank items: such a list is missing like a blank string,
// and its nil and blank items are left out when it is joined.
func TestMultiValueFieldEmptyItems(t *testing.T) {
	var d map[string]any
	if err := json.Unmarshal([]byte(`{"Тел": [], "Т2": ["+7999", null], "Т3": ["", ""], "Т4": [null, " ", "a@b.ru", "", "c@d.ru"],
		"Т5": [null], "Email": "x@y.ru", "Document:PHONE": [""], "PHONE": ["+7 900"], "Номер": [0, null]}`), &d); err != nil {
		t.Fatal(err)
	}
	runRows(t, []renderRow{
		{name: "empty list takes default", src: `{{ Тел | default "нет" }}`, data: d, want: "нет",
			why: "an empty list is missing, and a fallback covers missing"},
		{name: "empty list takes default, go field", src: `{{ .Тел | default "нет" }}`, data: d, want: "нет"},
		{name: "default as argument", src: `{{ default "нет" .Тел }}`, data: d, want: "нет"},
		{name: "list of blanks takes default", src: `x {{ Т3 | default "нет" }}`, data: d, want: "x нет",
			why: "joined, it gave \", \", which tidy turned into \"x,\""},
		{name: "list of blanks is missing", src: `{{ Т3 }}`, data: d, wantErr: "missing:Т3"},
		{name: "list of nulls is missing", src: `{{ Т5 }}`, data: d, wantErr: "missing:Т5"},
		{name: "null item left out", src: `{{ Т2 }}`, data: d, want: "+7999", why: "fmt printed [+7999 <nil>]"},
		{name: "null and blank items left out", src: `{{ Т4 }}`, data: d, want: "a@b.ru, c@d.ru"},
		{name: "blank strings left out of []string", src: `{{ .L }}`, data: map[string]any{"L": []string{"", "a", " "}}, want: "a"},
		{name: "zero is an item", src: `{{ Номер }}`, data: d, want: "0", why: "0 is a value, never empty"},
		{name: "coalesce skips an empty list", src: `{{ coalesce .Тел .Т3 .Email }}`, data: d, want: "x@y.ru"},
		{name: "empty list in if is false", src: `{{ if .Т3 }}есть{{ else }}нет{{ end }}`, data: d, want: "нет"},
		{name: "empty list in with", src: `{{ with .Тел }}{{ . }}{{ else }}нет{{ end }}`, data: d, want: "нет"},
		{name: "range over blanks is empty", src: `{{ range .Т3 }}[{{ . }}]{{ else }}пусто{{ end }}`, data: d, want: "пусто"},
		{name: "bitrix full name empty, bare name used", src: `{=Document:PHONE}`, data: d, want: "+7 900",
			why: "the full name's value is an empty list: missing, so the bare name is tried"},
		{name: "nested empty list", src: `{{ .К.Тел | default "нет" }}`, data: map[string]any{"К": map[string]any{"Тел": []any{nil}}}, want: "нет"},
		{name: "an empty list is a value to a function", src: `Тегов: {{ len .Тел }}, {{ len .Т3 }}`, data: d, want: "Тегов: 0, 2",
			why: "missing when printed, but len of it is 0, as before"},
		{name: "nested empty list to a function", src: `{{ len .К.Тел }}`, data: map[string]any{"К": map[string]any{"Тел": []any{}}}, want: "0"},
		{name: "empty list in a condition's function", src: `{{ if eq (len .Тел) 0 }}нет{{ end }}`, data: d, want: "нет"},
	})
	tp, err := template.Parse(`{{ Тел }} {{ Т2 }}`, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := tp.Missing([]map[string]any{d, {"Тел": []string{" "}, "Т2": []any{"+7"}}, {"Тел": []any{"+7"}, "Т2": []any{nil}}})
	if got["Тел"] != 2 || got["Т2"] != 1 {
		t.Fatalf("Missing = %v, want Тел: 2 (empty list, list of a blank), Т2: 1 (list of null)", got)
	}
}

// Text pasted from macOS or a PDF often writes й and ё decomposed (NFD): a
// letter and a combining mark. The mark belongs to the word.
func TestTitleCombiningMarks(t *testing.T) {
	d := func(v string) map[string]any { return map[string]any{"N": v} }
	runRows(t, []renderRow{
		{name: "name NFD й", src: "{{ name .N }}", data: d("маи\u0306я"), want: "Маи\u0306я", why: "gave МайЯ"},
		{name: "name NFD ё", src: "{{ name .N }}", data: d("АРТЕ\u0308М"), want: "Арте\u0308м", why: "gave АртёМ"},
		{name: "name NFD two words", src: "{{ name .N }}", data: d(" СЕРГЕ\u0306  КОРОЛЁВ "), want: "Серге\u0306 Королёв"},
		{name: "name NFD hyphen", src: "{{ name .N }}", data: d("АННА-МАИ\u0306Я"), want: "Анна-Маи\u0306я"},
		{name: "name hyphen", src: "{{ name .N }}", data: d("анна-мария"), want: "Анна-Мария"},
		{name: "name apostrophe", src: "{{ name .N }}", data: d("Д'АРТАНЬЯН"), want: "Д'артаньян"},
		{name: "name typographic apostrophe", src: "{{ name .N }}", data: d("о’нил"), want: "О’нил"},
		{name: "title NFD", src: "{{ title .N }}", data: d("маи\u0306я и артё\u0308м"), want: "Маи\u0306я И Артё\u0308м"},
		{name: "title mark after a space starts no word", src: "{{ title .N }}", data: d("a \u0301анна"), want: "A \u0301Анна",
			why: "a stray mark neither starts nor ends a word: the letter after it still starts one"},
		{name: "title enclosing mark", src: "{{ title .N }}", data: d("1\u20e3abc"), want: "1\u20e3abc", why: "a digit starts the word; Me continues it"},
	})
}

// A field name whose second word starts with '(' (a quote, a digit) reads
// as a call of its first word; the error must suggest a form that works.
func TestFieldNameReadAsCall(t *testing.T) {
	data := map[string]any{"Телефон (рабочий)": "+7 495 000-00-00", "Дом 5": "да", "Сделка: 1С (номер)": "42", "PHONE": "+7 900", "1С (номер)": "не то"}
	mapped := &template.Options{Fields: map[string]string{"Телефон (рабочий)": "PHONE"}}
	rows := []struct {
		name, src string
		opts      *template.Options
		hint      string // the suggested placeholder, quoted in the message
		want      string // what the suggested form renders from data
	}{
		{"parentheses", "Звоните: {{Телефон (рабочий)}}", nil, "{=Телефон (рабочий)}", "Звоните: +7 495 000-00-00"},
		{"parentheses, spaces", "Звоните: {{ Телефон  (рабочий) }}", nil, "{=Телефон (рабочий)}", "Звоните: +7 495 000-00-00"},
		{"digit", "{{Дом 5}}", nil, "{=Дом 5}", "да"},
		{"with a pipeline", `{{ Телефон (рабочий) | default "нет" }}`, nil, `{{ index $ "Телефон (рабочий)" | default "нет" }}`, "+7 495 000-00-00"},
		// not {=Сделка: 1С (номер)}, which would fall back to the bare name "1С (номер)"
		{"colon", "{{Сделка: 1С (номер)}}", nil, `{{ index $ "Сделка: 1С (номер)" }}`, "42"},
		{"mapped", "{{Телефон (рабочий)}}", mapped, "{=Телефон (рабочий)}", "+7 900"},
		{"mapped, with a pipeline", "{{Телефон (рабочий) | upper}}", mapped, `{{ index $ "PHONE" | upper }}`, "+7 900"},
		{"ascii", "{{Phone (work)}}", nil, "{=Phone (work)}", "+1 555"},
	}
	data["Phone (work)"] = "+1 555"
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			_, err := template.Parse(r.src, r.opts)
			var e *template.Error
			if !errors.As(err, &e) {
				t.Fatalf("err = %v, want a *template.Error", err)
			}
			if !strings.Contains(e.Msg, "write it as "+r.hint) || strings.Contains(e.Msg, "write it as .") {
				t.Fatalf("message %q does not suggest %s", e.Msg, r.hint)
			}
			start := strings.Index(r.src, "{")
			fixed := r.src[:start] + r.hint
			tp, err := template.Parse(fixed, r.opts)
			if err != nil {
				t.Fatalf("the suggested %s does not parse: %v", fixed, err)
			}
			if out, err := tp.Render(data, "k"); err != nil || out != r.want {
				t.Fatalf("the suggested %s renders (%q, %v), want %q", fixed, out, err, r.want)
			}
		})
	}
	// The suggestion with a pipeline keeps its fallback.
	tp, err := template.Parse(`{{ index $ "Телефон (рабочий)" | default "нет" }}`, nil)
	if err != nil {
		t.Fatal(err)
	}
	if out, err := tp.Render(map[string]any{"Телефон (рабочий)": []any{}}, "k"); err != nil || out != "нет" {
		t.Fatalf("got (%q, %v), want нет", out, err)
	}
	// An unknown word passed to a function is a field, and .Имя is the fix.
	_, err = template.Parse("{{ upper Имя }}", nil)
	if err == nil || !strings.Contains(err.Error(), `unknown function "Имя"; to pass a field to a function write it as .Имя`) {
		t.Fatalf("err = %v, want the .Имя advice", err)
	}
	// A missing Bitrix field whose name is not a robot field's suggests a
	// fallback that parses.
	tp, _ = template.Parse("{=Телефон (рабочий)}", nil)
	_, err = tp.Render(nil, "k")
	var me *template.MissingError
	if !errors.As(err, &me) || !strings.Contains(me.Error(), `{{ index $ "Телефон (рабочий)" | default "..." }}`) {
		t.Fatalf("err = %v, want a fallback with index $", err)
	}
}

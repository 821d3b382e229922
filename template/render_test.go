package template_test

import (
	"errors"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/spinwise/spinwise/template"
)

type renderRow struct {
	name    string
	src     string
	data    map[string]any
	opts    *template.Options
	want    string // when wantErr is ""
	wantErr string // substring of the error; "missing:F" means a *MissingError for F
	why     string // for tricky rows
}

func runRows(t *testing.T, rows []renderRow) {
	t.Helper()
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			tp, err := template.Parse(r.src, r.opts)
			if err != nil {
				t.Fatalf("Parse(%q): %v", r.src, err)
			}
			got, err := tp.Render(r.data, "k1")
			checkResult(t, r, got, err)
		})
	}
}

func checkResult(t *testing.T, r renderRow, got string, err error) {
	t.Helper()
	switch {
	case strings.HasPrefix(r.wantErr, "missing:"):
		var me *template.MissingError
		if !errors.As(err, &me) {
			t.Fatalf("got (%q, %v), want a *MissingError (%s)", got, err, r.why)
		}
		if want := strings.TrimPrefix(r.wantErr, "missing:"); me.Field != want {
			t.Fatalf("MissingError.Field = %q, want %q (%s)", me.Field, want, r.why)
		}
		var re *template.RenderError
		if !errors.As(err, &re) || re.Line < 1 || re.Col < 1 || re.Placeholder == "" {
			t.Fatalf("error %v is not a *RenderError with a position and a placeholder", err)
		}
	case r.wantErr != "":
		if err == nil || !strings.Contains(err.Error(), r.wantErr) {
			t.Fatalf("got (%q, %v), want an error containing %q (%s)", got, err, r.wantErr, r.why)
		}
	default:
		if err != nil {
			t.Fatalf("Render: %v (%s)", err, r.why)
		}
		if got != r.want {
			t.Fatalf("got %q, want %q (%s)", got, r.want, r.why)
		}
	}
}

const nb = "\u00a0"

func TestRenderPlaceholders(t *testing.T) {
	runRows(t, []renderRow{
		{name: "robot field", src: "{{Имя}}, привет", data: map[string]any{"Имя": "Анна"}, want: "Анна, привет"},
		{name: "robot field with space", src: "{{Имя клиента}}!", data: map[string]any{"Имя клиента": "Анна"}, want: "Анна!"},
		{name: "robot field with doubled space", src: "{{ Имя   клиента }}!", data: map[string]any{"Имя клиента": "Анна"}, want: "Анна!",
			why: "runs of white space in a display name count as one space"},
		{name: "robot field with punctuation", src: "{{Контакт: Телефон (текст)}}", data: map[string]any{"Контакт: Телефон (текст)": "+7 900"}, want: "+7 900"},
		{name: "robot field named like a function", src: "{{name}}", data: map[string]any{"name": "Олег"}, want: "Олег",
			why: "a single word is a field even when a function has that name"},
		{name: "robot field with pipeline", src: `{{ Имя | upper }}`, data: map[string]any{"Имя": "Анна"}, want: "АННА"},
		{name: "robot default on missing", src: `{{ Имя | default "друг" }}!`, data: map[string]any{}, want: "друг!"},
		{name: "robot default on empty", src: `{{ Имя | default "друг" }}!`, data: map[string]any{"Имя": ""}, want: "друг!"},
		{name: "robot default on blank", src: `{{ Имя | default "друг" }}!`, data: map[string]any{"Имя": " \t "}, want: "друг!"},
		{name: "robot default on nil", src: `{{ Имя | default "друг" }}!`, data: map[string]any{"Имя": nil}, want: "друг!"},
		{name: "robot default keeps value", src: `{{ Имя | default "друг" }}!`, data: map[string]any{"Имя": "Анна"}, want: "Анна!"},
		{name: "go field", src: "{{ .Имя }}", data: map[string]any{"Имя": "Анна"}, want: "Анна"},
		{name: "go root field", src: "{{ $.Имя }}", data: map[string]any{"Имя": "Анна"}, want: "Анна"},
		{name: "go nested field", src: "{{ .Клиент.Имя }}", data: map[string]any{"Клиент": map[string]any{"Имя": "Анна"}}, want: "Анна"},
		{name: "go nested missing", src: "{{ .Клиент.Имя }}", data: map[string]any{"Клиент": map[string]any{}}, wantErr: "missing:Клиент.Имя"},
		{name: "bitrix full name first", src: "{=Document:NAME}", data: map[string]any{"Document:NAME": "A", "NAME": "B"}, want: "A"},
		{name: "bitrix bare name", src: "{=Document:NAME}", data: map[string]any{"NAME": "B"}, want: "B"},
		{name: "bitrix modifier", src: "{=Document:NAME > printable}", data: map[string]any{"NAME": "B"}, want: "B"},
		{name: "bitrix variable", src: "{=Variable:Sum} ₽", data: map[string]any{"Variable:Sum": "100"}, want: "100 ₽", why: "a variable is read under its full name"},
		{name: "bitrix missing", src: "{=Document:NAME}", data: map[string]any{"NAME": " "}, wantErr: "missing:NAME"},
		{name: "fields mapping robot", src: "{{Имя}}", opts: &template.Options{Fields: map[string]string{"Имя": "NAME"}},
			data: map[string]any{"NAME": "Анна", "Имя": "не то"}, want: "Анна"},
		{name: "fields mapping go", src: "{{.Имя}}", opts: &template.Options{Fields: map[string]string{"Имя": "NAME"}},
			data: map[string]any{"NAME": "Анна"}, want: "Анна"},
		{name: "fields mapping bitrix", src: "{=Document:TITLE}", opts: &template.Options{Fields: map[string]string{"Document:TITLE": "title"}},
			data: map[string]any{"title": "Заказ"}, want: "Заказ"},
		{name: "fields mapping bitrix bare", src: "{=Document:TITLE}", opts: &template.Options{Fields: map[string]string{"TITLE": "title"}},
			data: map[string]any{"title": "Заказ"}, want: "Заказ"},
		{name: "comment", src: "a{{/* заметка */}}b", data: nil, want: "ab"},
		{name: "number value", src: "{{.N}} шт.", data: map[string]any{"N": 3}, want: "3 шт."},
		{name: "zero is a value", src: "{{.N}}", data: map[string]any{"N": 0}, want: "0"},
		{name: "false is a value", src: "{{.B}}", data: map[string]any{"B": false}, want: "false"},
	})
}

func TestRenderValuesAreNotSyntax(t *testing.T) {
	runRows(t, []renderRow{
		{name: "spintax in value", src: "{{Имя}}", data: map[string]any{"Имя": "{Анна|Мария}"}, want: "{Анна|Мария}",
			why: "a value is never spun"},
		{name: "spintax in go value", src: "Привет, {{ .Имя }}!", data: map[string]any{"Имя": "[a|b] {x|y}"}, want: "Привет, [a|b] {x|y}!"},
		{name: "action in value", src: "{{Имя}}", data: map[string]any{"Имя": `{{ env "HOME" }}`}, want: `{{ env "HOME" }}`,
			why: "a value is never read as a template"},
		{name: "bitrix in value", src: "{{Имя}}", data: map[string]any{"Имя": "{=Document:NAME}"}, want: "{=Document:NAME}"},
	})
}

func TestRenderMissing(t *testing.T) {
	runRows(t, []renderRow{
		{name: "absent", src: "Здравствуйте, {{Имя}}!", data: map[string]any{}, wantErr: "missing:Имя"},
		{name: "nil data", src: "Здравствуйте, {{Имя}}!", data: nil, wantErr: "missing:Имя"},
		{name: "empty", src: "Здравствуйте, {{Имя}}!", data: map[string]any{"Имя": ""}, wantErr: "missing:Имя"},
		{name: "blank", src: "Здравствуйте, {{Имя}}!", data: map[string]any{"Имя": "   "}, wantErr: "missing:Имя",
			why: "a blank string would send 'Здравствуйте, !'"},
		{name: "nil value", src: "Здравствуйте, {{ .Имя }}!", data: map[string]any{"Имя": nil}, wantErr: "missing:Имя"},
		{name: "through a function", src: "{{ .Имя | upper }}", data: map[string]any{}, wantErr: "missing:Имя"},
		{name: "as argument", src: "{{ upper .Имя }}", data: map[string]any{}, wantErr: "missing:Имя"},
		{name: "index gives nothing", src: `{{ index . "Имя" }}`, data: map[string]any{}, wantErr: `missing:{{ index . "Имя" }}`,
			why: "a value action that yields nil without a fallback is missing too"},
		{name: "default as argument", src: `{{ default "друг" .Имя }}`, data: map[string]any{}, want: "друг"},
		{name: "coalesce", src: `{{ coalesce .Имя .Фамилия "клиент" }}`, data: map[string]any{"Фамилия": "Петров"}, want: "Петров"},
		{name: "default after function", src: `{{ .Имя | upper | default "друг" }}`, data: map[string]any{}, want: "друг",
			why: "a missing field reaches functions as nil when the pipeline has a fallback"},
		{name: "default zero", src: `{{ .N | default 5 }}`, data: map[string]any{"N": 0}, want: "0", why: "sprig's default would print 5"},
		{name: "default false", src: `{{ .B | default true }}`, data: map[string]any{"B": false}, want: "false"},
		{name: "default zero string", src: `{{ .N | default 5 }}`, data: map[string]any{"N": "0"}, want: "0"},
		{name: "default replaces an empty list", src: `{{ .L | default "xy" | len }}`, data: map[string]any{"L": []any{}}, want: "2",
			why: "an empty list is missing (a CRM's multi-value field with no items), and default covers missing"},
		{name: "default keeps a list with an item", src: `{{ .L | default "xy" | len }}`, data: map[string]any{"L": []any{"", "a", nil}}, want: "3"},
		{name: "missing in if is false", src: "{{if .Имя}}Привет, {{.Имя}}{{else}}Привет{{end}}!", data: map[string]any{}, want: "Привет!"},
		{name: "blank in if is false", src: "{{if Имя}}да{{else}}нет{{end}}", data: map[string]any{"Имя": " "}, want: "нет"},
		{name: "missing in with", src: "{{with .Город}}Город: {{.}}{{else}}без города{{end}}", data: map[string]any{}, want: "без города"},
		{name: "missing in comparison", src: `{{if eq .Город "Казань"}}К{{else}}нет{{end}}`, data: map[string]any{}, want: "нет"},
	})
}

func TestRenderControl(t *testing.T) {
	items := map[string]any{"Items": []string{"кофе", "чай"}}
	runRows(t, []renderRow{
		{name: "if true", src: "{{if .VIP}}VIP {{end}}клиент", data: map[string]any{"VIP": true}, want: "VIP клиент"},
		{name: "if false", src: "{{if .VIP}}VIP {{end}}клиент", data: map[string]any{"VIP": false}, want: "клиент"},
		{name: "else if", src: "{{if eq .N 1}}один{{else if eq .N 2}}два{{else}}много{{end}}", data: map[string]any{"N": "2"}, want: "два",
			why: "a numeric string compares equal to a number"},
		{name: "gt numeric string", src: "{{if gt .Дней 3}}много{{else}}мало{{end}}", data: map[string]any{"Дней": "14"}, want: "много",
			why: "14 > 3 as numbers, though \"14\" < \"3\" as strings"},
		{name: "with", src: "{{with .Город}}Город: {{.}}{{end}}", data: map[string]any{"Город": "Казань"}, want: "Город: Казань"},
		{name: "with robot field reads root", src: "{{with .К}}{{Имя}} {{.Имя}}{{end}}",
			data: map[string]any{"Имя": "Анна", "К": map[string]any{"Имя": "Мария"}}, want: "Анна Мария",
			why: "robot fields read the recipient, dot-fields the with value"},
		{name: "else with", src: "{{with .A}}{{.}}{{else with .B}}b={{.}}{{end}}", data: map[string]any{"B": "x"}, want: "b=x"},
		{name: "range", src: "{{range .Items}}[{{.}}]{{end}}", data: items, want: "[кофе][чай]"},
		{name: "range else", src: "{{range .Items}}[{{.}}]{{else}}пусто{{end}}", data: map[string]any{}, want: "пусто"},
		{name: "range map sorted", src: "{{range .M}}{{.}}{{end}}", data: map[string]any{"M": map[string]any{"b": "2", "a": "1"}}, want: "12"},
		{name: "range count", src: "{{range 3}}x{{end}}", data: nil, want: "xxx"},
		{name: "range over string", src: "{{range .S}}x{{end}}", data: map[string]any{"S": "abc"}, wantErr: "cannot range"},
		{name: "range too long", src: "{{range 200000}}{{end}}", data: nil, wantErr: "steps",
			why: "a loop is bounded in time even when it prints nothing"},
		{name: "nested spintax in if", src: "{{if .VIP}}{Дорогой|Дорогой} {друг|друг}{{end}}!", data: map[string]any{"VIP": 1}, want: "Дорогой друг!"},
		{name: "and or", src: "{{if and .A (or .B .C)}}да{{else}}нет{{end}}", data: map[string]any{"A": "1", "C": "1"}, want: "да"},
		{name: "and short-circuits", src: "{{if and .A (div 1 0)}}да{{else}}нет{{end}}", data: map[string]any{}, want: "нет",
			why: "and stops at the first false argument, like text/template"},
		{name: "not", src: "{{if not .A}}нет{{end}}", data: map[string]any{}, want: "нет"},
	})
}

func TestRenderIfAroundSpintax(t *testing.T) {
	src := "{{if .VIP}}{Дорогой|Уважаемый} клиент{{else}}{Здравствуйте|Добрый день}{{end}}!"
	tp, err := template.Parse(src, nil)
	if err != nil {
		t.Fatal(err)
	}
	if tp.Count().Int64() != 4 {
		t.Fatalf("Count = %v, want 4", tp.Count())
	}
	vip, plain := map[string]string{}, map[string]string{}
	for i := int64(0); i < 4; i++ {
		a, err := tp.RenderVariant(map[string]any{"VIP": true}, bigInt(i))
		if err != nil {
			t.Fatal(err)
		}
		b, err := tp.RenderVariant(map[string]any{}, bigInt(i))
		if err != nil {
			t.Fatal(err)
		}
		vip[a], plain[b] = a, b
	}
	wantVIP := map[string]string{"Дорогой клиент!": "", "Уважаемый клиент!": ""}
	wantPlain := map[string]string{"Здравствуйте!": "", "Добрый день!": ""}
	for k := range wantVIP {
		if _, ok := vip[k]; !ok {
			t.Errorf("VIP variants %v lack %q", vip, k)
		}
	}
	for k := range wantPlain {
		if _, ok := plain[k]; !ok {
			t.Errorf("plain variants %v lack %q", plain, k)
		}
	}
	if len(vip) != 2 || len(plain) != 2 {
		t.Errorf("got VIP %v and plain %v, want 2 distinct texts each", vip, plain)
	}
}

func TestRenderFunctions(t *testing.T) {
	d := func(k string, v any) map[string]any { return map[string]any{k: v} }
	plural := `{{ plural .N "товар" "товара" "товаров" }}`
	rows := []renderRow{
		{name: "plural 1", src: plural, data: d("N", 1), want: "товар"},
		{name: "plural 2", src: plural, data: d("N", 2), want: "товара"},
		{name: "plural 4", src: plural, data: d("N", "4"), want: "товара"},
		{name: "plural 5", src: plural, data: d("N", 5), want: "товаров"},
		{name: "plural 0", src: plural, data: d("N", 0), want: "товаров"},
		{name: "plural 11", src: plural, data: d("N", 11), want: "товаров", why: "11 ends in 1 but is many"},
		{name: "plural 12", src: plural, data: d("N", "12"), want: "товаров", why: "12 ends in 2 but is many"},
		{name: "plural 14", src: plural, data: d("N", 14), want: "товаров"},
		{name: "plural 21", src: plural, data: d("N", "21"), want: "товар"},
		{name: "plural 22", src: plural, data: d("N", 22), want: "товара"},
		{name: "plural 111", src: plural, data: d("N", 111), want: "товаров"},
		{name: "plural 1001", src: plural, data: d("N", int64(1001)), want: "товар"},
		{name: "plural csv groups", src: plural, data: d("N", "177 199"), want: "товаров"},
		{name: "plural nbsp groups", src: plural, data: d("N", "1"+nb+"001"), want: "товар", why: "no-break space as thousands separator"},
		{name: "plural fraction", src: plural, data: d("N", "1,5"), want: "товара", why: "fractions take the few form"},
		{name: "plural float whole", src: plural, data: d("N", 21.0), want: "товар"},
		{name: "plural negative", src: plural, data: d("N", -2), want: "товара"},
		{name: "plural not a number", src: plural, data: d("N", "много"), wantErr: "not a number"},
		{name: "money fraction", src: "{{ money .S }}", data: d("S", 1234.5), want: "1" + nb + "234,50" + nb + "₽"},
		{name: "money csv", src: "{{ money .S }}", data: d("S", "177 199"), want: "177" + nb + "199" + nb + "₽"},
		{name: "money whole", src: "{{ money .S }}", data: d("S", 1000000), want: "1" + nb + "000" + nb + "000" + nb + "₽"},
		{name: "money comma", src: "{{ money .S }}", data: d("S", "99,999"), want: "100" + nb + "₽", why: "rounding carries into roubles"},
		{name: "money half up", src: "{{ money .S }}", data: d("S", "0.005"), want: "0,01" + nb + "₽"},
		{name: "money small", src: "{{ money .S }}", data: d("S", "5.1"), want: "5,10" + nb + "₽"},
		{name: "money negative", src: "{{ money .S }}", data: d("S", -42), want: "-42" + nb + "₽"},
		{name: "money bad", src: "{{ money .S }}", data: d("S", "сто"), wantErr: "not an amount"},
		{name: "date dotted", src: "{{ date .D }}", data: d("D", "05.03.2027"), want: "5 марта 2027"},
		{name: "date iso", src: "{{ date .D }}", data: d("D", "2026-12-24"), want: "24 декабря 2026"},
		{name: "date with time", src: "{{ date .D }}", data: d("D", "2026-05-01T10:00:00Z"), want: "1 мая 2026"},
		{name: "date time.Time", src: "{{ date .D }}", data: d("D", time.Date(2027, 3, 5, 12, 0, 0, 0, time.UTC)), want: "5 марта 2027"},
		{name: "date invalid day", src: "{{ date .D }}", data: d("D", "31.02.2027"), wantErr: "not a date"},
		{name: "date garbage", src: "{{ date .D }}", data: d("D", "завтра"), wantErr: "not a date"},
		{name: "name caps", src: "{{ name .N }}", data: d("N", "ИВАН"), want: "Иван"},
		{name: "name spaces", src: "{{ name .N }}!", data: d("N", "  иван   ПЕТРОВ "), want: "Иван Петров!"},
		{name: "name hyphen", src: "{{ name .N }}", data: d("N", "АННА-МАРИЯ"), want: "Анна-Мария"},
		{name: "name robot pipe", src: "{{ Имя | name }}", data: d("Имя", "ксения"), want: "Ксения"},
		{name: "title hyphen", src: "{{ title .N }}", data: d("N", "анна-мария"), want: "Анна-Мария"},
		{name: "title keeps rest", src: "{{ title .N }}", data: d("N", "ооо «ромашка»"), want: "Ооо «Ромашка»"},
		{name: "title ascii", src: "{{ title .N }}", data: d("N", "o'neil smith"), want: "O'neil Smith", why: "no capital after an apostrophe"},
		{name: "trunc runes", src: "{{ trunc 3 .S }}", data: d("S", "Привет"), want: "При", why: "sprig cuts bytes: 3 bytes is 1.5 letters"},
		{name: "trunc negative", src: "{{ trunc -2 .S }}", data: d("S", "Привет"), want: "ет"},
		{name: "trunc longer", src: "{{ trunc 30 .S }}", data: d("S", "Привет"), want: "Привет"},
		{name: "substr runes", src: "{{ substr 1 3 .S }}", data: d("S", "Привет"), want: "ри"},
		{name: "substr clamps", src: "{{ substr 4 99 .S }}", data: d("S", "Привет"), want: "ет"},
		{name: "abbrev", src: "{{ abbrev 4 .S }}", data: d("S", "Привет"), want: "При…"},
		{name: "abbrev short", src: "{{ abbrev 6 .S }}", data: d("S", "Привет"), want: "Привет"},
		{name: "upper cyrillic", src: "{{ upper .S }}", data: d("S", "ёж"), want: "ЁЖ"},
		{name: "sprig add on csv", src: "{{ add .N 1 }}", data: d("N", "41"), want: "42"},
		{name: "len runes", src: "{{ len .S }}", data: d("S", "Привет"), want: "6"},
		{name: "printf", src: `{{ printf "%05.1f" .F }}`, data: d("F", 3.14159), want: "003.1"},
		{name: "printf huge width", src: `{{ printf "%999999999d" 1 }}`, data: nil, wantErr: "width", why: "would allocate a gigabyte"},
		{name: "printf star", src: `{{ printf "%*d" 100000000 1 }}`, data: nil, wantErr: "not allowed"},
		{name: "div by zero", src: "{{ div 1 0 }}", data: nil, wantErr: "div", why: "a panic in sprig becomes an error"},
		{name: "fail", src: `{{ fail "нет данных" }}`, data: nil, wantErr: "нет данных"},
		{name: "replace guarded", src: `{{ replace "" (trunc 2000 (toJson (list .S .S .S .S .S .S .S .S))) .S }}`,
			data: d("S", strings.Repeat("я", 1000)), wantErr: "1 MiB", why: "replacing the empty string multiplies sizes"},
		{name: "join guarded", src: `{{ join .S (splitList "" (trunc 900 .S)) }}`,
			data: d("S", strings.Repeat("x", 60000)), wantErr: "1 MiB"},
		{name: "big list refused", src: `{{ splitList "" .S | len }}`, data: d("S", strings.Repeat("x", 5000)), wantErr: "item limit"},
		{name: "regex replace", src: `{{ regexReplaceAll "[0-9]" .S "#" }}`, data: d("S", "a1b22"), want: "a#b##"},
		{name: "index map", src: `{{ index . "Имя клиента" }}`, data: d("Имя клиента", "Анна"), want: "Анна"},
	}
	runRows(t, rows)
}

func TestTidy(t *testing.T) {
	rows := []renderRow{
		{name: "empty option", src: "Здравствуйте{|, {{Имя}}}!", data: map[string]any{"Имя": "Анна"}},
		{name: "double space", src: "Мы {|}рады  вас видеть", want: "Мы рады вас видеть"},
		{name: "space before punctuation", src: "Привет {|} , как дела {} ?", want: "Привет, как дела?"},
		{name: "trims lines", src: "  a  \n\t b\t", want: "a\nb"},
		{name: "keeps paragraphs", src: "a\n\n\nb", want: "a\n\n\nb", why: "newlines are never touched"},
		{name: "keeps no-break space", src: "{{ money 1000 }}", want: "1" + nb + "000" + nb + "₽"},
		{name: "off", src: "a  , b ", opts: &template.Options{NoTidy: true}, want: "a  , b "},
		{name: "on", src: "a  , b ", want: "a, b"},
		{name: "crlf", src: "a  \r\nb", want: "a\r\nb"},
	}
	for _, r := range rows {
		if r.want == "" {
			continue
		}
		runRows(t, []renderRow{r})
	}
	tp, err := template.Parse(rows[0].src, nil)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for i := int64(0); i < tp.Count().Int64(); i++ {
		s, err := tp.RenderVariant(rows[0].data, bigInt(i))
		if err != nil {
			t.Fatal(err)
		}
		seen[s] = true
	}
	if !seen["Здравствуйте!"] || !seen["Здравствуйте, Анна!"] || len(seen) != 2 {
		t.Errorf("variants %v, want exactly \"Здравствуйте!\" and \"Здравствуйте, Анна!\"", seen)
	}
}

func TestOutputCap(t *testing.T) {
	long := strings.Repeat("я", 40) // 80 bytes
	runRows(t, []renderRow{
		{name: "value over", src: "{{.S}}", opts: &template.Options{MaxOutput: 50}, data: map[string]any{"S": long}, wantErr: "output limit"},
		{name: "text over", src: long, opts: &template.Options{MaxOutput: 50}, wantErr: "template: message is over the output limit (50 bytes)"},
		{name: "exactly at", src: long, opts: &template.Options{MaxOutput: 80}, want: long},
		{name: "range over", src: "{{range 1000}}{{$.S}}{{end}}", opts: &template.Options{MaxOutput: 1000}, data: map[string]any{"S": long}, wantErr: "output limit",
			why: "stopped while writing, long before 80 kB are built"},
		{name: "default cap", src: "{{range 1000}}{{$.S}}{{end}}", data: map[string]any{"S": long}, wantErr: "65536 bytes"},
	})
	tp, _ := template.Parse("{{.S}}", &template.Options{MaxOutput: 10})
	_, err := tp.Render(map[string]any{"S": long}, "k")
	if !errors.Is(err, template.ErrOutputTooLong) {
		t.Fatalf("err = %v, want ErrOutputTooLong", err)
	}
}

// TestRenderVariantUntidied: the same variant and data, with and without
// the white-space tidy, as a link check needs it.
func TestRenderVariantUntidied(t *testing.T) {
	tm, err := template.Parse("Сайт: {{Сайт}} , ждём вас", nil)
	if err != nil {
		t.Fatal(err)
	}
	data := map[string]any{"Сайт": "bit . ly/abc"}
	tidied, err := tm.RenderVariant(data, big.NewInt(0))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := tm.RenderVariantUntidied(data, big.NewInt(0))
	if err != nil {
		t.Fatal(err)
	}
	if raw != "Сайт: bit . ly/abc , ждём вас" || tidied == raw {
		t.Errorf("untidied %q, tidied %q: want the text as made, and a tidied text that differs", raw, tidied)
	}
}

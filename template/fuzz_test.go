package template_test

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/spinwise/spinwise/internal/corpus"
	"github.com/spinwise/spinwise/template"
)

func seeds(f *testing.F) {
	for _, name := range corpus.TemplateNames() {
		f.Add(corpus.Template(name), "Анна")
	}
	for _, s := range []string{
		"{{if .A}}{a|b}{{else}}c{{end}}", "{a {{if .A}}x{{end}}|b}", "{{Имя | default \"друг\"}}",
		"{{ env \"HOME\" }}", "{{range .L}}{{.}}{{end}}", "{=Document:NAME > printable}",
		"{{ plural .N \"a\" \"b\" \"c\" }}", "{{ money .N }} {{ date .D }}", "{{ trunc 2 Имя }}",
		"{{", "}}", "{{{", "{=", "{{if}}", "{{end}}", "[+,+{{A}}|b]", "\\{{{A}}\\}",
		// the value as a pattern: the regular-expression functions' charges and limits
		"{{ regexMatch .A .N }}", "{{ regexReplaceAll .A .N \"$1\" }}", "{{ range 3 }}{{ regexFindAll $.A \"аб\" -1 }}{{ end }}",
		"{{ mustRegexSplit .A .N 2 }}", "{{ regexFind \"(?i)[а-я]+\" .L }}",
		// TextRandomizer's syntax
		"{{Бытует|Есть} мнение|Многие думают}, {{Имя}}", "[+и+чай|кофе] {{Имя}}\n|абзац", `2\+2 [+\++a|b]`, "{=A|B} {=Document:NAME}",
	} {
		f.Add(s, "{Анна|Мария}")
	}
}

// FuzzParse: Parse never panics; an error is a *template.Error with a
// position inside the source; a template that parses renders without
// panicking and within the output cap.
func FuzzParse(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, src, value string) {
		for _, syntax := range []template.Syntax{template.Spinwise, template.TextRandomizer} {
			fuzzParse(t, src, value, syntax)
		}
	})
}

func fuzzParse(t *testing.T, src, value string, syntax template.Syntax) {
	{
		tp, err := template.Parse(src, &template.Options{MaxOutput: 4096, Syntax: syntax})
		if err != nil {
			var e *template.Error
			if !errors.As(err, &e) {
				t.Fatalf("Parse(%q) error %T %v is not a *template.Error", src, err, err)
			}
			if e.Offset < 0 || e.Offset > len(src) || e.Line < 1 || e.Col < 1 {
				t.Fatalf("Parse(%q): position %d (%d:%d) outside the source", src, e.Offset, e.Line, e.Col)
			}
			if utf8.ValidString(src) {
				line := 1 + strings.Count(src[:e.Offset], "\n")
				if line != e.Line {
					t.Fatalf("Parse(%q): line %d, offset %d is on line %d", src, e.Line, e.Offset, line)
				}
			}
			return
		}
		for _, f := range tp.Fields() {
			if f == "" {
				t.Fatalf("Parse(%q): empty field name in %q", src, tp.Fields())
			}
		}
		for _, w := range tp.Lint([]string{"Имя", value}) {
			if w.Offset < 0 || w.Offset >= len(src) || w.Line < 1 || w.Col < 1 || w.Msg == "" || w.Fix == "" {
				t.Fatalf("Parse(%q).Lint: warning %+v outside the source or without a message and a fix", src, w)
			}
		}
		renderChecked(t, tp, src, value)
	}
}

// FuzzRender: values are never read as syntax: a placeholder filled with
// any value prints exactly that value.
func FuzzRender(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, src, value string) {
		if strings.TrimSpace(value) == "" || !utf8.ValidString(value) {
			return
		}
		for _, syntax := range []template.Syntax{template.Spinwise, template.TextRandomizer} {
			tp, err := template.Parse("<{{Имя}}>", &template.Options{NoTidy: true, Syntax: syntax})
			if err != nil {
				t.Fatal(err)
			}
			got, err := tp.Render(map[string]any{"Имя": value}, src)
			if err != nil || got != "<"+value+">" {
				t.Fatalf("%v: Render(Имя=%q) = %q, %v", syntax, value, got, err)
			}
			if tp2, err := template.Parse(src, &template.Options{MaxOutput: 4096, Syntax: syntax}); err == nil {
				renderChecked(t, tp2, src, value)
			}
		}
	})
}

func renderChecked(t *testing.T, tp *template.Template, src, value string) {
	t.Helper()
	d := map[string]any{"Имя": value, "A": value, "L": []any{value, 1}, "N": value, "D": value, "NAME": value}
	for _, key := range []string{"a", "b"} {
		out, err := tp.Render(d, key)
		if err != nil {
			var re *template.RenderError
			if !errors.As(err, &re) {
				t.Fatalf("Render of %q: error %T %v is not a *RenderError", src, err, err)
			}
			if re.Placeholder != "" && (re.Offset < 0 || re.Offset >= len(src) || !strings.HasPrefix(src[re.Offset:], re.Placeholder)) {
				t.Fatalf("Render of %q: error at %d does not point at %q", src, re.Offset, re.Placeholder)
			}
			continue
		}
		if len(out) > 4096 {
			t.Fatalf("Render of %q: %d bytes over the cap", src, len(out))
		}
		if !utf8.ValidString(out) {
			t.Fatalf("Render of %q: invalid UTF-8 in %q", src, out)
		}
	}
}

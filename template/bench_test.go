package template_test

import (
	"testing"

	"github.com/spinwise/spinwise/internal/corpus"
	"github.com/spinwise/spinwise/template"
)

// BenchmarkParse parses each corpus template (bytes/s is source bytes).
func BenchmarkParse(b *testing.B) {
	for _, name := range corpus.TemplateNames() {
		src := corpus.Template(name)
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(src)))
			for i := 0; i < b.N; i++ {
				if _, err := template.Parse(src, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkRenderFunc renders one placeholder per kind of function, for
// one message per op. The side-by-side comparison with the naive route is
// BenchmarkRender in the bench module.
func BenchmarkRenderFunc(b *testing.B) {
	d := map[string]any{"Имя": "  АННА-МАРИЯ ", "Дней": "22", "Сумма": "177 199,5", "Дата": "05.03.2027", "Телефон": "+7 (999) 123-45-67"}
	for _, row := range []struct{ name, src string }{
		{"field", "{{Имя}}"},
		{"default", `{{ Отчество | default "—" }}`},
		{"name", "{{ Имя | name }}"},
		{"plural", `{{ plural .Дней "день" "дня" "дней" }}`},
		{"money", "{{ money .Сумма }}"},
		{"date", "{{ date .Дата }}"},
		{"sprig", "{{ .Имя | trim | lower }}"},
		{"if", "{{if .Имя}}{a|b}{{else}}c{{end}}"},
		{"regex", `{{ regexReplaceAll "[^0-9+]" .Телефон "" }}`},
		{"regex loop", `{{ range 5 }}{{ if regexMatch "^\\+7" $.Телефон }}+{{ end }}{{ end }}`},
	} {
		b.Run(row.name, func(b *testing.B) {
			tp, err := template.Parse(row.src, nil)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := tp.Render(d, "k"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

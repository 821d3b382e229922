package template_test

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/spinwise/spinwise/template"
)

func TestRequired(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		opts      *template.Options
		want      []string
		why       string
	}{
		{"robot field", "Привет, {{Имя}}!", nil, []string{"Имя"}, ""},
		{"go field and bitrix field", "{{ .Имя | upper }}, {=Document:NAME}", nil, []string{"NAME", "Имя"}, "Bitrix24 fields by their last key, as Fields"},
		{"fallback", "{{ Имя | default \"друг\" }}, {{ coalesce .A .B }}", nil, nil, "a fallback makes every field of its pipeline optional"},
		{"inside if", "{{if .Город}}в {{Город}}{{end}}!", nil, nil, "a condition guards its block, and the condition itself reads leniently"},
		{"inside with and range", "{{with .A}}{{.}}{{end}}{{range .Items}}{{Имя}}{{end}}", nil, nil, ""},
		{"after end", "{{if .X}}x{{else}}{{Y}}{{end}} {{Z}}", nil, []string{"Z"}, "depth returns to 0 after {{end}}"},
		{"spintax option", "{Привет, {{Имя}}|Здравствуйте}!", nil, []string{"Имя"}, "the recipients who get that option need it"},
		{"nested pipe fallback", "{{ printf \"%s %s\" .A (.B | default \"x\") }}", nil, []string{"A"}, "the parenthesised pipeline has its own fallback"},
		{"mapped", "{{Имя клиента}}", &template.Options{Fields: map[string]string{"Имя клиента": "NAME"}}, []string{"NAME"}, "keys after Options.Fields"},
		{"comment", "{{/* Имя */}}текст", nil, nil, ""},
		{"repeated", "{{Имя}} {{Имя}}", nil, []string{"Имя"}, "each once"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tmpl, err := template.Parse(tc.src, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, tmpl.Required()); diff != "" {
				t.Errorf("Required of %q (-want +got), %s:\n%s", tc.src, tc.why, diff)
			}
		})
	}
}

func TestCheckRequired(t *testing.T) {
	tmpl, err := template.Parse("{{if .Город}}{{Город}}{{end}}Привет, {{Имя}}! {{Имяя}} {{Имя}} {=Document:NAME} {{ Сумма | default 0 }}", nil)
	if err != nil {
		t.Fatal(err)
	}
	got := tmpl.CheckRequired([]string{"key", "Имя", "Фамилия"})
	want := []template.FieldProblem{
		{Field: "Имяя", Key: "Имяя", Offset: 67, Line: 1, Col: 49, Suggestion: "Имя"},
		{Field: "Document:NAME", Key: "NAME", Offset: 91, Line: 1, Col: 66},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("CheckRequired (-want +got): Город is in a condition, Сумма has a fallback, Имя is there:\n%s", diff)
	}
	if got := tmpl.CheckRequired([]string{"Имя", "Имяя", "NAME"}); len(got) != 0 {
		t.Errorf("a header with every required column: %v", got)
	}
	if got := tmpl.CheckRequired([]string{"Имя", "Имяя", "Document:NAME"}); len(got) != 0 {
		t.Errorf("a Bitrix24 field is there under its full name: %v", got)
	}
}

func ExampleTemplate_Required() {
	tmpl, _ := template.Parse("{Привет|Здравствуйте}, {{Имя}}! {{if .Город}}Ждём вас в {{Город}}.{{end}} Скидка {{ Скидка | default \"5%\" }}.", nil)
	fmt.Println(tmpl.Fields())
	fmt.Println(tmpl.Required())
	// Output:
	// [Город Имя Скидка]
	// [Имя]
}

func ExampleTemplate_CheckRequired() {
	tmpl, _ := template.Parse("Привет, {{Имя}}! Ваш заказ {{Номер заказа}} готов.", nil)
	header := []string{"key", "Имя", "Номер_заказа"}
	for _, p := range tmpl.CheckRequired(header) {
		fmt.Println(p)
	}
	// Output:
	// template:1:30: unknown field "Номер заказа"; did you mean "Номер_заказа"?
}

package template_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/spinwise/spinwise/internal/corpus"
	"github.com/spinwise/spinwise/template"
)

func TestCheck(t *testing.T) {
	src := "{{Имяя}}, ваш заказ {=Document:NAMEE}\nгород {{ .Горд | upper }} и {{Телефон}} {{ Zzzzz | default .Имяя }}"
	tp, err := template.Parse(src, nil)
	if err != nil {
		t.Fatal(err)
	}
	catalog := []string{"Имя", "NAME", "Город", "Телефон"}
	got := tp.Check(catalog)
	want := []template.FieldProblem{
		{Field: "Имяя", Key: "Имяя", Offset: 2, Line: 1, Col: 3, Suggestion: "Имя"},
		{Field: "Document:NAMEE", Key: "NAMEE", Offset: strings.Index(src, "Document"), Line: 1, Col: 23, Suggestion: "NAME"},
		{Field: "Горд", Key: "Горд", Offset: strings.Index(src, ".Горд"), Line: 2, Col: 10, Suggestion: "Город"},
		{Field: "Zzzzz", Key: "Zzzzz", Offset: strings.Index(src, "Zzzzz"), Line: 2, Col: 44},
		{Field: "Имяя", Key: "Имяя", Offset: strings.Index(src, ".Имяя"), Line: 2, Col: 60, Suggestion: "Имя"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Check (-want +got):\n%s", diff)
	}
	if s := got[0].String(); s != `template:1:3: unknown field "Имяя"; did you mean "Имя"?` {
		t.Errorf("String() = %q", s)
	}
	if s := got[3].String(); !strings.Contains(s, "add it to the CRM") {
		t.Errorf("String() = %q", s)
	}
}

func TestCheckMapped(t *testing.T) {
	tp, err := template.Parse("{{Имя}} {{Город}}", &template.Options{Fields: map[string]string{"Имя": "NAME"}})
	if err != nil {
		t.Fatal(err)
	}
	if got := tp.Check([]string{"NAME", "Город"}); len(got) != 0 {
		t.Errorf("Check with the mapped key in the catalog = %v, want none", got)
	}
	if got := tp.Check([]string{"Имя", "Город"}); len(got) != 0 {
		t.Errorf("Check with the display name in the catalog = %v, want none", got)
	}
	if got := tp.Fields(); !cmp.Equal(got, []string{"NAME", "Город"}) {
		t.Errorf("Fields() = %v", got)
	}
}

func TestCheckCorpus(t *testing.T) {
	header := []string{"key", "Имя", "Фамилия", "Отчество", "Телефон", "Город", "Компания", "Менеджер", "Дата", "Время",
		"Мастер", "Заказ", "NAME", "Скидка", "Срок", "Договор", "Сумма", "Дней"}
	for _, name := range corpus.TemplateNames() {
		tp, err := template.Parse(corpus.Template(name), nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := tp.Check(header); len(got) != 0 {
			t.Errorf("%s: Check = %v, want none", name, got)
		}
	}
}

func TestMissing(t *testing.T) {
	tp, err := template.Parse(corpus.Template("welcome"), nil)
	if err != nil {
		t.Fatal(err)
	}
	contacts := corpus.Contacts()
	want := map[string]int{"Имя": 0, "Менеджер": 0, "Компания": 0}
	for _, c := range contacts {
		if blank(c["Имя"]) {
			want["Имя"]++
		}
	}
	if want["Имя"] == 0 {
		t.Fatal("the corpus should have contacts without a name")
	}
	if diff := cmp.Diff(want, tp.Missing(contacts)); diff != "" {
		t.Errorf("Missing (-want +got):\n%s", diff)
	}
	tp, _ = template.Parse("{=Document:NAME} {{if .X}}{{end}}", nil)
	got := tp.Missing([]map[string]any{{"Document:NAME": "a"}, {"NAME": "b"}, {"NAME": " "}, {}})
	if diff := cmp.Diff(map[string]int{"NAME": 2, "X": 4}, got); diff != "" {
		t.Errorf("Missing (-want +got):\n%s", diff)
	}
}

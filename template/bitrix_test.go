package template_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/spinwise/spinwise/template"
)

// Bitrix24 fields as Bitrix24 means them: the modifiers that can be
// computed from the data are, the bare-field fallback is for Document
// fields only, and what needs the portal is refused at Parse.
func TestBitrixFields(t *testing.T) {
	d := map[string]any{
		"NAME": "Анна", "ID": "777", "Value": "общее", "A1111_2222_3333_4444:Value": "первое", "A1234_5678_9012_3456:Value": "второе",
		"PAID": "Y", "VIP": true, "OFF": "нет", "SUM": "177 199,90", "NEG": -3.7, "DATE": "2027-03-05", "TS": "05.03.2027 14:30",
		"T": time.Date(2027, 3, 5, 9, 5, 7, 0, time.UTC), "PHONES": []any{"+7 900", nil, "+7 901"}, "Имя": "Анна", "Дата": "2027-03-05T10:00:00+03:00",
		"Variable:Sum": "100", "Workflow:ID": "wf-1",
	}
	runRows(t, []renderRow{
		{name: "document falls back to the column", src: "{=Document:NAME}", data: d, want: "Анна"},
		{name: "workflow id is not the export's ID", src: "{=Workflow:ID}", data: map[string]any{"ID": "777"}, wantErr: "missing:Workflow:ID",
			why: "it fell back to the export's ID column: the client got someone's record number"},
		{name: "workflow id under its full name", src: "{=Workflow:ID}", data: d, want: "wf-1"},
		{name: "activity results are distinct", src: "{=A1111_2222_3333_4444:Value} {=A1234_5678_9012_3456:Value}", data: d, want: "первое второе",
			why: "both read the same Value key"},
		{name: "activity result does not read Value", src: "{=A1111_2222_3333_4444:Value}", data: map[string]any{"Value": "общее"}, wantErr: "missing:A1111_2222_3333_4444:Value"},
		{name: "variable", src: "{=Variable:Sum}", data: d, want: "100"},
		{name: "printable keeps text", src: "{=Document:NAME > printable}", data: d, want: "Анна"},
		{name: "printable yes", src: "{=Document:VIP > printable}", data: d, want: "Да", why: "a yes/no field prints as a person reads it, not true"},
		{name: "printable list", src: "{=Document:PHONES > printable}", data: d, want: "+7 900, +7 901"},
		{name: "bool Y", src: "Оплачено: {=Document:PAID > bool}", data: d, want: "Оплачено: Да", why: "Bitrix24 stores yes/no as Y/N"},
		{name: "bool нет", src: "{=Document:OFF > bool}", data: d, want: "Нет"},
		{name: "bool not yes or no", src: "{=Document:NAME > bool}", data: d, wantErr: "is not yes or no"},
		{name: "int of a grouped decimal", src: "{=Document:SUM > int}", data: d, want: "177199", why: "digit groups and a decimal comma, as an export writes them; truncated"},
		{name: "int negative", src: "{=Document:NEG > int}", data: d, want: "-3", why: "toward zero, as a cast"},
		{name: "int of text", src: "{=Document:NAME > int}", data: d, wantErr: "is not a number"},
		{name: "date of ISO", src: "{=Document:DATE > date}", data: d, want: "05.03.2027"},
		{name: "date of a time", src: "{=Document:TS > date}", data: d, want: "05.03.2027"},
		{name: "datetime", src: "{=Document:TS > datetime}", data: d, want: "05.03.2027 14:30:00"},
		{name: "datetime of time.Time", src: "{=Document:T > datetime}", data: d, want: "05.03.2027 09:05:07"},
		{name: "datetime keeps the written clock", src: "{{Дата > datetime}}", data: d, want: "05.03.2027 10:00:00", why: "not moved to UTC or the server's zone"},
		{name: "date of text", src: "{=Document:NAME > date}", data: d, wantErr: "is not a date"},
		{name: "type and printable", src: "{=Document:PAID > bool,printable}", data: d, want: "Да"},
		{name: "two arrows", src: "{=Document:SUM > int > printable}", data: d, want: "177199"},
		{name: "robot field with printable", src: "{{Имя > printable}}", data: d, want: "Анна", why: "it was a missing field named \"Имя > printable\""},
		{name: "robot field with a modifier and a pipeline", src: "{{ Имя > printable | upper }}", data: d, want: "АННА"},
		{name: "missing with a modifier", src: "{=Document:NOPE > int}", data: d, wantErr: "missing:NOPE"},
		{name: "modifier in a fallback", src: `{{ NOPE > int | default "0" }}`, data: d, want: "0"},
	})
}

func TestBitrixParseErrors(t *testing.T) {
	rows := []struct {
		name, src string
		col       int
		msg       []string
		why       string
	}{
		{"friendly", "Ваш менеджер: {=Document:ASSIGNED_BY_ID > friendly}", 15, []string{`modifier "friendly"`, "export the responsible's name column"},
			"it sent user_1 to the client"},
		{"user,printable", "{=Document:ASSIGNED_BY_ID > user,printable}", 1, []string{`modifier "user"`, "needs the portal"}, ""},
		{"server time", "{=Variable:Start > server}", 1, []string{"time zone", "> datetime"}, ""},
		{"publink", "{=Document:FILE > publink}", 1, []string{"public link"}, ""},
		{"unknown", "{=Document:NAME > upper}", 1, []string{`unknown modifier "upper"`, "printable, bool, int, date or datetime"}, ""},
		{"two types", "{=Document:X > int > date}", 1, []string{"two types"}, ""},
		{"robot friendly", "Менеджер {{Ответственный > friendly}}", 12, []string{`modifier "friendly"`}, "at the field's name"},
		{"robot comparison", "{{ Сумма > 1000 }}", 4, []string{`unknown modifier "1000"`, "if gt"}, ""},
		{"calculated expression", `Срок: {{=dateadd({=Document:BEGINDATE}, "1d")}}`, 7, []string{"calculated expression", "{=Variable:NAME}"},
			"it failed with \"stray '}'\""},
		{"calculated expression with a robot field", `{{=dateadd({{Дата}}, "1d")}}`, 1, []string{"calculated expression"},
			"the first '}}' ends the placeholder early"},
	}
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			_, err := template.Parse(r.src, nil)
			var e *template.Error
			if !errors.As(err, &e) {
				t.Fatalf("Parse(%q) = %v, want a *template.Error (%s)", r.src, err, r.why)
			}
			if e.Line != 1 || e.Col != r.col {
				t.Errorf("at %d:%d, want 1:%d: %v (%s)", e.Line, e.Col, r.col, err, r.why)
			}
			for _, m := range r.msg {
				if !strings.Contains(e.Msg, m) {
					t.Errorf("Msg %q lacks %q (%s)", e.Msg, m, r.why)
				}
			}
		})
	}
}

func TestBitrixFieldsListed(t *testing.T) {
	tp, err := template.Parse("{=Document:NAME} {=Workflow:ID} {=Variable:Sum > int} {{Имя > printable}}", nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"NAME", "Variable:Sum", "Workflow:ID", "Имя"}
	if got := tp.Fields(); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Fields() = %q, want %q: a Document field by its column, other objects by their full name, a robot field without its modifier", got, want)
	}
}

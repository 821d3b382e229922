package bitrix24_test

import (
	"errors"
	"fmt"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/spinwise/spinwise/bitrix24"
)

func TestParseForm(t *testing.T) {
	rows := []struct {
		name string
		body string
		want any
		why  string
	}{
		{"flat", "a=1&b=2", map[string]any{"a": "1", "b": "2"}, ""},
		{"nested", "auth%5Bmember_id%5D=m&auth%5Bdomain%5D=x.bitrix24.ru", map[string]any{"auth": map[string]any{"member_id": "m", "domain": "x.bitrix24.ru"}}, ""},
		{"unescaped brackets", "auth[member_id]=m", map[string]any{"auth": map[string]any{"member_id": "m"}}, "brackets may arrive unescaped"},
		{"list in numeric order", "p[x][10]=k&p[x][2]=c&p[x][0]=a", map[string]any{"p": map[string]any{"x": []any{"a", "c", "k"}}}, "[10] sorts after [2], not before"},
		{"append", "p[]=a&p[]=b", map[string]any{"p": []any{"a", "b"}}, "[] appends as PHP does"},
		{"append after index", "p[5]=a&p[]=b", map[string]any{"p": []any{"a", "b"}}, "[] takes one past the largest index"},
		{"later pair wins", "a=1&a=2", map[string]any{"a": "2"}, "as PHP"},
		{"map replaces string", "a=1&a[b]=2", map[string]any{"a": map[string]any{"b": "2"}}, "as PHP"},
		{"plus and percent", "a=%D0%90%2B+b", map[string]any{"a": "А+ b"}, "'+' is a space, %2B a plus"},
		{"no value", "a&b=", map[string]any{"a": "", "b": ""}, ""},
		{"empty pairs", "&&a=1&", map[string]any{"a": "1"}, ""},
		{"no name", "=x&a=1", map[string]any{"a": "1"}, "PHP drops a pair without a name"},
		{"leading zero is a key", "p[01]=a&p[1]=b", map[string]any{"p": map[string]any{"01": "a", "1": "b"}}, "01 is not an index in PHP"},
		{"spintax value", "n=%7B%D0%90%D0%BD%D0%BD%D0%B0%7C%D0%9C%D0%B0%D1%80%D0%B8%D1%8F%7D", map[string]any{"n": "{Анна|Мария}"}, "values are text"},
	}
	for _, r := range rows {
		v, err := bitrix24.ParseForm(r.body)
		if err != nil {
			t.Errorf("%s: %v", r.name, err)
			continue
		}
		if diff := cmp.Diff(r.want, v.Any()); diff != "" {
			t.Errorf("%s (%s): -want +got\n%s", r.name, r.why, diff)
		}
	}
}

func TestParseFormErrors(t *testing.T) {
	deep := "a" + strings.Repeat("[x]", bitrix24.MaxFormDepth+1) + "=1"
	many := strings.Repeat("a=1&", bitrix24.MaxFormFields) + "b=2"
	rows := []struct {
		name   string
		body   string
		offset int
		msg    string
	}{
		{"bad escape in key", "a=1&%zz=2", 4, "key"},
		{"bad escape in value", "a=1&b=%zz", 6, "value"},
		{"unclosed bracket", "ok=1&a[b=2", 5, "unclosed"},
		{"text after bracket", "a[b]c=1", 0, "after ']'"},
		{"empty name", "[a]=1", 0, "empty"},
		{"too deep", deep, 0, "levels"},
		{"too many fields", many, 4 * bitrix24.MaxFormFields, "fields"},
	}
	for _, r := range rows {
		_, err := bitrix24.ParseForm(r.body)
		var fe *bitrix24.FormError
		if !errors.As(err, &fe) {
			t.Errorf("%s: error %v, want a *FormError", r.name, err)
			continue
		}
		if fe.Offset != r.offset || !strings.Contains(fe.Msg, r.msg) {
			t.Errorf("%s: %v, want offset %d and %q", r.name, err, r.offset, r.msg)
		}
	}
}

func TestEncodeFormKeepsListOrder(t *testing.T) {
	chunks := make([]string, 12)
	for i := range chunks {
		chunks[i] = fmt.Sprintf("часть %d", i+1)
	}
	body := bitrix24.EncodeForm(map[string]any{"RETURN_VALUES": map[string]any{"chunks": chunks, "error": ""}, "EVENT_TOKEN": "t|1"})
	// The keys must arrive in list order: PHP keeps arrival order, so
	// chunks[10] before chunks[2] would reorder the message.
	var keys []string
	for _, pair := range strings.Split(body, "&") {
		k, _, _ := strings.Cut(pair, "=")
		k, _ = url.QueryUnescape(k)
		if strings.HasPrefix(k, "RETURN_VALUES[chunks]") {
			keys = append(keys, k)
		}
	}
	for i, k := range keys {
		if want := fmt.Sprintf("RETURN_VALUES[chunks][%d]", i); k != want {
			t.Fatalf("key %d is %s, want %s (body %s)", i, k, want, body)
		}
	}
	v, err := bitrix24.ParseForm(body)
	if err != nil {
		t.Fatal(err)
	}
	if got := v.Lookup("RETURN_VALUES", "chunks").Any(); !reflect.DeepEqual(got, toAny(chunks)) {
		t.Errorf("round trip %v", got)
	}
	if v.Get("EVENT_TOKEN") != "t|1" || v.Lookup("RETURN_VALUES", "error") == nil {
		t.Errorf("round trip lost EVENT_TOKEN or the empty error: %s", body)
	}
}

func toAny(s []string) []any {
	out := make([]any, len(s))
	for i, e := range s {
		out[i] = e
	}
	return out
}

func TestParseRobotCall(t *testing.T) {
	f := url.Values{
		"event_token":          {"wf|A1|tok"},
		"document_id[0]":       {"crm"},
		"document_id[1]":       {"CCrmDocumentDeal"},
		"document_id[2]":       {"DEAL_759"},
		"properties[template]": {"reminder"},
		"properties[user]":     {"user_1"},
		"properties[tel][0]":   {"+7 999"},
		"properties[tel][1]":   {"+7 912"},
		"auth[member_id]":      {"m"},
		"auth[expires]":        {"1758019882"},
	}
	c, err := bitrix24.ParseRobotCall(f.Encode())
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"template": "reminder", "user": "user_1", "tel": []any{"+7 999", "+7 912"}}
	if diff := cmp.Diff(want, c.Properties); diff != "" {
		t.Errorf("properties -want +got\n%s", diff)
	}
	if c.Document() != "DEAL_759" || c.EventToken != "wf|A1|tok" || c.Auth.MemberID != "m" || c.Auth.Expires != 1758019882 {
		t.Errorf("call %+v", c)
	}
}

func TestPropertyCode(t *testing.T) {
	rows := []struct{ name, want, why string }{
		{"order_id", "order_id", "a valid code is its own"},
		{"template", bitrix24.PropertyCode("template"), "the template property's code is taken"},
	}
	for _, r := range rows {
		if got := bitrix24.PropertyCode(r.name); got != r.want {
			t.Errorf("%s: %q, want %q (%s)", r.name, got, r.want, r.why)
		}
	}
	seen := map[string]string{}
	for _, name := range []string{"Имя", "имя", "Имя клиента", "Имя_клиента", "Контакт: Телефон (текст)", "Document:NAME", "template", "123", "☃", ""} {
		c := bitrix24.PropertyCode(name)
		if !regexpProperty(c) {
			t.Errorf("%q: code %q is not a valid property code", name, c)
		}
		if c == bitrix24.TemplateProperty {
			t.Errorf("%q: code %q is the template property's", name, c)
		}
		if prev, ok := seen[c]; ok {
			t.Errorf("%q and %q share the code %q", prev, name, c)
		}
		seen[c] = name
	}
	if c := bitrix24.PropertyCode("Имя"); !strings.HasPrefix(c, "Imya_") {
		t.Errorf("Имя: %q, want a transliteration", c)
	}
}

func regexpProperty(s string) bool {
	if s == "" || !(s[0] >= 'a' && s[0] <= 'z' || s[0] >= 'A' && s[0] <= 'Z') {
		return false
	}
	for _, c := range []byte(s) {
		if !(c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

// FuzzParseForm: no panic; an error is a *FormError whose offset is inside
// the body; a decoded form encodes to a body that decodes to the same.
func FuzzParseForm(f *testing.F) {
	for _, s := range []string{
		"a=1&b[c]=2&b[d][0]=x&b[d][1]=y",
		"auth%5Bmember_id%5D=m&properties%5Bphones%5D%5B0%5D=%2B7",
		"p[]=a&p[]=b&p[7]=c&p[]=d",
		"a=1&a[b]=2&a=3",
		"a[b=1", "%zz", "[x]=1", "a[]b=1", "&&=&",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		v, err := bitrix24.ParseForm(body)
		if err != nil {
			var fe *bitrix24.FormError
			if !errors.As(err, &fe) || fe.Offset < 0 || fe.Offset > len(body) {
				t.Fatalf("%q: error %v", body, err)
			}
			return
		}
		again, err := bitrix24.ParseForm(v.Encode())
		if err != nil {
			t.Fatalf("%q: its encoding %q does not parse: %v", body, v.Encode(), err)
		}
		if !reflect.DeepEqual(v.Any(), again.Any()) {
			t.Fatalf("%q: round trip\n%#v\n%#v", body, v.Any(), again.Any())
		}
	})
}

package chunk_test

import (
	"strings"
	"testing"

	"github.com/spinwise/spinwise/examples/data"
)

// render renders variant 0 of a corpus template for one contact: the first
// option of every {a|b} group, the options of [a|b] and [+SEP+a|b] in
// order, placeholders filled from the contact. It is a stand-in for
// template.RenderVariant(contact, 0), enough for the six corpus templates.
func render(t testing.TB, src string, contact map[string]any) string {
	t.Helper()
	val := func(name string) string {
		name = strings.TrimPrefix(strings.TrimSpace(name), ".")
		if v, ok := contact[name]; ok {
			return v.(string)
		}
		t.Fatalf("render: no field %q", name)
		return ""
	}
	// Placeholders first: {{if .X}}A{{else}}B{{end}} keeps A when X is set.
	var b strings.Builder
	for {
		i := strings.Index(src, "{{")
		if i < 0 {
			b.WriteString(src)
			break
		}
		b.WriteString(src[:i])
		j := strings.Index(src[i:], "}}")
		action := strings.TrimSpace(src[i+2 : i+j])
		src = src[i+j+2:]
		switch {
		case strings.HasPrefix(action, "if "):
			els := strings.Index(src, "{{else}}")
			end := strings.Index(src, "{{end}}")
			if val(action[3:]) != "" {
				src = src[:els] + src[end+len("{{end}}"):]
			} else {
				src = src[els+len("{{else}}"):end] + src[end+len("{{end}}"):]
			}
		case strings.HasPrefix(action, "plural "):
			f := strings.Fields(action)
			n := val(f[1])
			form := f[4] // "дней"
			switch {
			case strings.HasSuffix(n, "1") && !strings.HasSuffix(n, "11"):
				form = f[2]
			case len(n) > 0 && strings.Contains("234", n[len(n)-1:]) && !(len(n) > 1 && n[len(n)-2] == '1'):
				form = f[3]
			}
			b.WriteString(strings.Trim(form, `"`))
		default:
			name, _, _ := strings.Cut(action, "|")
			b.WriteString(val(name))
		}
	}
	src = b.String()
	b.Reset()
	for i := 0; i < len(src); {
		switch {
		case strings.HasPrefix(src[i:], "{="):
			j := strings.IndexByte(src[i:], '}')
			field := src[i+2 : i+j]
			_, name, _ := strings.Cut(field, ":")
			b.WriteString(val(name))
			i += j + 1
		case src[i] == '{' || src[i] == '[':
			closeCh := byte('}')
			if src[i] == '[' {
				closeCh = ']'
			}
			j := strings.IndexByte(src[i:], closeCh)
			body := src[i+1 : i+j]
			i += j + 1
			if closeCh == '}' {
				first, _, _ := strings.Cut(body, "|")
				b.WriteString(first)
				continue
			}
			sep := " "
			if strings.HasPrefix(body, "+") {
				k := strings.Index(body[1:], "+")
				sep, body = body[1:k+1], body[k+2:]
			}
			b.WriteString(strings.Join(strings.Split(body, "|"), sep))
		default:
			b.WriteByte(src[i])
			i++
		}
	}
	return b.String()
}

// corpus returns the six corpus templates rendered for the first contact,
// by name.
func corpus(t testing.TB) map[string]string {
	contact := data.Contacts()[0]
	out := map[string]string{}
	for _, name := range data.TemplateNames() {
		out[name] = render(t, data.Template(name), contact)
	}
	return out
}

func TestRenderHelper(t *testing.T) {
	for name, text := range corpus(t) {
		t.Logf("%s:\n%s", name, text)
		if strings.ContainsAny(text, "{}[]|") {
			t.Errorf("%s: template syntax left in %q", name, text)
		}
	}
}

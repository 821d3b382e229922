package template_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/spinwise/spinwise/randomizer"
	"github.com/spinwise/spinwise/template"
)

func TestParseErrors(t *testing.T) {
	rows := []struct {
		name      string
		src       string
		line, col int
		msg       string
		why       string
	}{
		{"env", `{{ env "HOME" }}`, 1, 4, `unknown function "env"`, "reads the server's environment"},
		{"expandenv", `Привет {{ expandenv "$HOME" }}`, 1, 11, `unknown function "expandenv"`, ""},
		{"getHostByName", `{{ getHostByName "example.com" }}`, 1, 4, `unknown function "getHostByName"`, "network"},
		{"repeat", `{{ repeat 1000000000 "a" }}`, 1, 4, `unknown function "repeat"`, "allocates gigabytes"},
		{"until", `{{ until 1000000000 }}`, 1, 4, `unknown function "until"`, ""},
		{"untilStep", `{{ untilStep 0 1000000000 1 }}`, 1, 4, `unknown function "untilStep"`, ""},
		{"seq", `{{ seq 1 1000000000 }}`, 1, 4, `unknown function "seq"`, ""},
		{"randAlpha", `{{ randAlpha 5 }}`, 1, 4, `unknown function "randAlpha"`, "random"},
		{"sha256sum", `{{ sha256sum "x" }}`, 1, 4, `unknown function "sha256sum"`, "crypto"},
		{"set", `{{ set . "Имя" "x" }}`, 1, 4, `unknown function "set"`, "mutates the recipient's data"},
		{"indent", `{{ indent 1000000000 "x" }}`, 1, 4, `unknown function "indent"`, ""},
		{"call", `{{ call .F }}`, 1, 4, `unknown function "call"`, ""},
		{"unknown in robot pipeline", `{{ Имя | upper | nosuch }}`, 1, 18, `unknown function "nosuch"`, ""},
		{"field as function argument", `{{ upper Имя }}`, 1, 10, "write it as .Имя", "suggests the Go form"},
		{"second line", "Привет!\n  {{ env \"HOME\" }}", 2, 6, `unknown function "env"`, "column in runes"},
		{"unclosed if", "{{if .A}}x", 1, 1, "never closed", ""},
		{"stray end", "a{{end}}", 1, 2, "without an open block", ""},
		{"stray else", "{{else}}", 1, 1, "without {{if}}", ""},
		{"two elses", "{{if .A}}{{else}}{{else}}{{end}}", 1, 18, "after {{else}}", ""},
		{"else if in range", "{{range .A}}{{else if .B}}{{end}}", 1, 13, "takes only a plain {{else}}", ""},
		{"option opens block", "{Привет {{if .A}}|Пока}{{end}}", 1, 2, "does not close it", "the other option would leave {{end}} alone"},
		{"option closes outer block", "{{if .A}}{a{{end}}|b}", 1, 11, "opened outside it", ""},
		{"option has outer else", "{{if .A}}{a|{{else}}b}{{end}}", 1, 13, "opened outside it", ""},
		{"permutation option", "{{if .A}}[x{{end}}|y]", 1, 11, "opened outside it", ""},
		{"variables", "{{ $x := .A }}", 1, 3, "variables", ""},
		{"variable use", "{{ $x }}", 1, 3, "", "undefined variable"},
		{"define", `{{define "x"}}{{end}}`, 1, 1, "not supported", ""},
		{"trim marker", "{{- .A }}", 1, 1, "trim markers", ""},
		{"empty action", "a {{ }}", 1, 5, "empty action", ""},
		{"empty if", "{{if}}{{end}}", 1, 1, "needs a condition", ""},
		{"end with args", "{{if .A}}{{end .A}}", 1, 10, "after end", ""},
		{"pipe to non-function", "{{ .A | .B }}", 1, 9, "only a function", ""},
		{"bad syntax", `{{ .A "x }}`, 1, 3, "", "unterminated quoted string"},
		{"empty bitrix", "{= > printable}", 1, 1, "Bitrix24", ""},
		{"empty modifier", "{=Document:NAME >}", 1, 1, "modifier", ""},
		{"unclosed comment", "{{/* x }}", 1, 1, "comment", ""},
		{"invalid utf-8", "ab\xffc", 1, 3, "UTF-8", ""},
		{"deep blocks", strings.Repeat("{{if .A}}", 101) + strings.Repeat("{{end}}", 101), 1, 901, "nested deeper", "bounded recursion while rendering"},
		{"unknown after a known call", "{{ upper .nosuch | nosuch }}", 1, 20, `unknown function "nosuch"`, "the name is at column 20; matching the error text found the nosuch of .nosuch, column 11"},
		{"unknown inside parentheses", "{{ upper (nosuch .A) }}", 1, 11, `unknown function "nosuch"`, "a call nested in an argument"},
		{"unknown as an operand", "{{ len (nosuch) }}", 1, 9, `unknown function "nosuch"`, "a call without arguments, as an operand"},
		{"dangling pipe", "{{ .Name | }}", 1, 10, "'|' with no function", "text/template parses it as {{ .Name }}: the pipe would be dropped silently"},
		{"dangling pipe in a robot field", "{{ Имя | }}", 1, 8, "'|' with no function", ""},
		{"dangling pipe before another", "{{ .A | | upper }}", 1, 7, "'|' with no function", ""},
		{"dangling pipe in parentheses", "{{ upper (.A | ) }}", 1, 14, "'|' with no function", ""},
		{"pipe inside a quote is text", `{{ .A | printf "%s |" | nosuch }}`, 1, 25, `unknown function "nosuch"`, "the '|' inside the string is no pipe"},
		{"deep parentheses", "{{ " + strings.Repeat("(", 20000) + ".A" + strings.Repeat(")", 20000) + " }}", 1, 3, "max expression depth", "text/template/parse caps the depth"},
	}
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			_, err := template.Parse(r.src, nil)
			var e *template.Error
			if !errors.As(err, &e) {
				t.Fatalf("Parse(%q) = %v, want a *template.Error", r.src, err)
			}
			if e.Line != r.line || e.Col != r.col {
				t.Errorf("at %d:%d, want %d:%d: %v (%s)", e.Line, e.Col, r.line, r.col, err, r.why)
			}
			if e.Offset < 0 || e.Offset > len(r.src) {
				t.Errorf("Offset %d outside the source", e.Offset)
			}
			if !strings.Contains(e.Msg, r.msg) {
				t.Errorf("Msg %q lacks %q (%s)", e.Msg, r.msg, r.why)
			}
			if want := "template:"; !strings.HasPrefix(err.Error(), want) {
				t.Errorf("Error() = %q", err.Error())
			}
		})
	}
}

func TestParseSpintaxError(t *testing.T) {
	src := "Привет, {друг|подруга"
	_, err := template.Parse(src, nil)
	var e *template.Error
	if !errors.As(err, &e) {
		t.Fatalf("err = %v, want *template.Error", err)
	}
	_, rerr := randomizer.Parse(src)
	var se *randomizer.SyntaxError
	if !errors.As(rerr, &se) {
		t.Fatalf("randomizer error %v", rerr)
	}
	if e.Offset != se.Offset || e.Line != se.Line || e.Col != se.Col || e.Msg != se.Msg {
		t.Errorf("got %+v, want the randomizer's %+v", e, se)
	}
}

func TestParseAccepts(t *testing.T) {
	for _, src := range []string{
		"{{if .A}}{a|b}{{end}}",
		"{a {{if .A}}x{{end}}|b}",
		"{{if .A}}{x{{if .B}}y{{end}}|z}{{else}}w{{end}}",
		"[+, +{{.A}}|{{if .B}}b{{end}}|c]",
		"{{with .A}}{{.}}{{else with .B}}{{.}}{{else}}-{{end}}",
		"{{range .L}}{a|b}{{else}}-{{end}}",
		"{{ default `}` .A }}",
		"{{ (list 1 2) | len }}",
		"{{ .A | default (list) }}",
	} {
		if _, err := template.Parse(src, nil); err != nil {
			t.Errorf("Parse(%q): %v", src, err)
		}
	}
}

func TestFuncNames(t *testing.T) {
	names := template.FuncNames()
	has := map[string]bool{}
	for _, n := range names {
		has[n] = true
	}
	for _, n := range []string{"default", "plural", "money", "date", "name", "title", "trunc", "substr", "abbrev", "upper", "eq", "replace"} {
		if !has[n] {
			t.Errorf("FuncNames lacks %q", n)
		}
	}
	for _, n := range []string{"env", "expandenv", "getHostByName", "repeat", "until", "untilStep", "seq", "randAlpha",
		"randInt", "uuidv4", "now", "date_modify", "sha1sum", "bcrypt", "genPrivateKey", "encryptAES", "shuffle",
		"set", "unset", "merge", "mergeOverwrite", "toPrettyJson", "indent", "nindent", "wrap", "wrapWith", "call", "osBase", "abbrevboth"} {
		if has[n] {
			t.Errorf("FuncNames allows %q", n)
		}
	}
}

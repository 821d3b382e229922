package bench

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"text/template"

	"github.com/Masterminds/sprig/v3"
)

// Naive is the route a user would glue together without spinwise's template
// package, kept as the peer of template.Render in the benchmarks (and reused
// by the campaign benchmarks). Once per template, NewNaive:
//
//   - protects every placeholder ({{ ... }} and {=...}) behind a marker so
//     that the spintax engine does not take its braces for groups;
//   - rewrites CRM robot fields into Go: {{Имя}} → {{need . "Имя"}},
//     {{ Имя | default "x" }} → {{ index . "Имя" | default "x" }}, and
//     Bitrix fields {=Document:NAME} → {{need . "NAME"}} (the bare field);
//   - builds the function map: sprig.TxtFuncMap() plus "need" (an error for
//     a missing or blank field, so the route never sends "Здравствуйте, !")
//     and a Russian "plural N one few many" (sprig's is English).
//
// Then per message, Render:
//
//  1. spins with a string-replacing spintax engine: a regexp finds an
//     innermost {a|b} group and replaces it with a random option, or an
//     innermost [a|b] / [+sep+a|b] permutation and replaces it with its
//     shuffled options, until no group is left;
//  2. restores the placeholders;
//  3. template.New("").Funcs(funcs).Option("missingkey=error").Parse(variant)
//     and Execute with the recipient's data.
//
// It handles the corpus templates (no escapes, no brackets without '|', no
// white-space tidying needed) and gives the same texts as spinwise for the
// same spintax choices; it is not a general implementation.
type Naive struct {
	protected string   // source with placeholders replaced by markers
	holders   []string // the rewritten placeholders, by marker index
	funcs     template.FuncMap
}

var (
	naivePlaceholder = regexp.MustCompile(`\{\{.*?\}\}|\{=[^{}]*\}`)
	naiveGroup       = regexp.MustCompile(`\{([^{}\[\]]*)\}`)
	naivePerm        = regexp.MustCompile(`\[(?:\+([^+\[\]{}]*)\+)?([^\[\]{}]*\|[^\[\]{}]*)\]`)
	naiveMarker      = regexp.MustCompile("\x01([0-9]+)\x02")
	naiveGoHead      = regexp.MustCompile(`^\s*(?:[.$("'\x600-9-]|(?:if|else|end|range|with)\b|[A-Za-z]+\s+[.$("'\x60])`)
)

// NewNaive prepares src for the naive route.
func NewNaive(src string) *Naive {
	n := &Naive{funcs: sprig.TxtFuncMap()}
	n.funcs["need"] = func(data map[string]any, key string) (any, error) {
		v, ok := data[key]
		if s, isStr := v.(string); !ok || v == nil || isStr && strings.TrimSpace(s) == "" {
			return nil, fmt.Errorf("field %q has no value", key)
		}
		return v, nil
	}
	n.funcs["plural"] = naivePlural
	n.protected = naivePlaceholder.ReplaceAllStringFunc(src, func(ph string) string {
		n.holders = append(n.holders, naiveRewrite(ph))
		return "\x01" + strconv.Itoa(len(n.holders)-1) + "\x02"
	})
	return n
}

// naiveRewrite turns CRM fields into Go template actions.
func naiveRewrite(ph string) string {
	if strings.HasPrefix(ph, "{=") {
		field, _, _ := strings.Cut(ph[2:len(ph)-1], ">")
		field = strings.TrimSpace(field)
		if i := strings.LastIndexByte(field, ':'); i >= 0 {
			field = field[i+1:]
		}
		return `{{need . ` + strconv.Quote(field) + `}}`
	}
	inner := ph[2 : len(ph)-2]
	if naiveGoHead.MatchString(inner) {
		return ph
	}
	head, tail, piped := strings.Cut(inner, "|")
	field := strings.TrimSpace(head)
	if piped {
		return `{{index . ` + strconv.Quote(field) + ` |` + tail + `}}`
	}
	return `{{need . ` + strconv.Quote(field) + `}}`
}

// Spin is the string-replacing spintax engine: one random variant of s.
func (n *Naive) Spin(r *rand.Rand) string {
	s := n.protected
	for {
		if loc := naiveGroup.FindStringSubmatchIndex(s); loc != nil {
			opts := strings.Split(s[loc[2]:loc[3]], "|")
			s = s[:loc[0]] + opts[r.IntN(len(opts))] + s[loc[1]:]
			continue
		}
		if loc := naivePerm.FindStringSubmatchIndex(s); loc != nil {
			sep := " "
			if loc[2] >= 0 {
				sep = s[loc[2]:loc[3]]
			}
			opts := strings.Split(s[loc[4]:loc[5]], "|")
			r.Shuffle(len(opts), func(i, j int) { opts[i], opts[j] = opts[j], opts[i] })
			s = s[:loc[0]] + strings.Join(opts, sep) + s[loc[1]:]
			continue
		}
		break
	}
	return naiveMarker.ReplaceAllStringFunc(s, func(m string) string {
		i, _ := strconv.Atoi(m[1 : len(m)-1])
		return n.holders[i]
	})
}

// Render spins a variant, parses it as a Go template with sprig's functions
// and executes it with data: the naive route, per message.
func (n *Naive) Render(data map[string]any, r *rand.Rand) (string, error) {
	variant := n.Spin(r)
	t, err := template.New("").Funcs(n.funcs).Option("missingkey=error").Parse(variant)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	if err := t.Execute(&b, data); err != nil {
		return "", err
	}
	return b.String(), nil
}

// naivePlural is a Russian plural for the naive route: plural N one few many,
// N a number or a numeric string with spaces.
func naivePlural(n any, one, few, many string) (string, error) {
	s := strings.NewReplacer(" ", "", "\u00a0", "").Replace(fmt.Sprint(n))
	v, err := strconv.Atoi(s)
	if err != nil {
		return "", err
	}
	if v < 0 {
		v = -v
	}
	switch m10, m100 := v%10, v%100; {
	case m10 == 1 && m100 != 11:
		return one, nil
	case m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14):
		return few, nil
	}
	return many, nil
}

package template

import (
	"fmt"
	"math/big"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/spinwise/spinwise/internal/srcpos"
	"github.com/spinwise/spinwise/randomizer"
)

// Warning is a place where the template parses but is likely to read
// wrong, found by [Template.Lint]: what is wrong, where, and what to write.
type Warning struct {
	Offset int    // bytes, 0-based, into the source
	Line   int    // 1-based
	Col    int    // 1-based, in runes
	Kind   string // what kind of mistake: "glued-separator", "swallowed-spintax", "top-level-bar", "empty-option", "empty-group", "duplicate-option", "field-case", "pipeline-as-spintax"
	Msg    string // what reads wrong
	Fix    string // what to write instead
}

// String formats the warning as "template:LINE:COL: MSG; FIX".
func (w Warning) String() string {
	return fmt.Sprintf("template:%d:%d: %s; %s", w.Line, w.Col, w.Msg, w.Fix)
}

// Lint reports what parses but reads wrong, in source order:
//
//   - a permutation separator glued to the words it joins ([+,+чай|кофе]
//     gives "чай,кофе", [+и+чай|кофе] "чайикофе"), in spinwise's syntax;
//   - a {{...}} holding a brace, spintax that "{{" swallowed into a
//     placeholder (write "{ {" for a group that starts with a group);
//   - a '|' outside any group, printed as is in spinwise's syntax;
//   - an option that is empty in every variant although something is
//     written in it, and a group whose every option is empty: it prints
//     nothing and only multiplies the count of variants;
//   - options of one group that are the same text (white space folded);
//     these two look at options of up to 256 bytes;
//   - with a catalog (the CRM's field names), a field that differs from a
//     catalog field only in case or spaces;
//   - under TextRandomizer's syntax, a Go pipeline ({{ .Имя | upper }}) that
//     the syntax reads as spintax.
func (t *Template) Lint(catalog []string) []Warning {
	var out []Warning
	add := func(off int, kind, msg, fix string) {
		out = append(out, Warning{Offset: off, Kind: kind, Msg: msg, Fix: fix})
	}
	src := t.src
	tr := t.syntax == TextRandomizer
	groups := t.sp.Groups()
	phs := t.sp.Placeholders()
	for _, g := range groups {
		if g.Permutation && !tr {
			t.lintSeparator(g, add)
		}
		if tr && strings.HasPrefix(src[g.Offset:], "{{") && len(g.Options) > 0 {
			if first := strings.TrimSpace(src[g.Options[0][0]:g.Options[0][1]]); strings.HasPrefix(first, "{") {
				if inner := strings.TrimSpace(strings.TrimPrefix(first, "{")); strings.HasPrefix(inner, ".") || strings.HasPrefix(inner, "$") {
					add(g.Offset, "pipeline-as-spintax", "under TextRandomizer's syntax a {{...}} holding a '|' is spintax, so this Go pipeline prints its own words as options",
						"write the field alone, {{ .Имя }}, or read the template in spinwise's syntax (Options.Syntax Spinwise)")
				}
			}
		}
		empty := 0
		seen := map[string]int{} // folded option text -> offset
		for _, o := range g.Options {
			text := src[o[0]:o[1]]
			if len(text) > maxLintOption {
				continue // long options are not compared, so that Lint stays linear in nested groups
			}
			if t.alwaysEmpty(text) {
				empty++
				if strings.TrimSpace(text) != "" {
					add(o[0], "empty-option", fmt.Sprintf("option %q is empty in every variant", shorten(text, 30)), "leave the option empty, as in {|очень}, or write its text")
				}
				continue
			}
			key := strings.Join(strings.Fields(text), " ")
			if first, dup := seen[key]; dup {
				l, c := srcpos.Position(src, first)
				add(o[0], "duplicate-option", fmt.Sprintf("option %q repeats the option at %d:%d", shorten(key, 30), l, c),
					"remove one or change its wording: a repeated option only doubles its chance and the count of variants")
				continue
			}
			seen[key] = o[0]
		}
		if empty == len(g.Options) && len(g.Options) > 1 {
			add(g.Offset, "empty-group", "every option of this group is empty: it prints nothing and multiplies the count of variants without varying the text",
				"remove the group, or write its options")
		}
	}
	for _, p := range phs {
		if !strings.HasPrefix(p.Text, "{{") || len(p.Text) < 4 {
			continue
		}
		if inner := p.Text[2 : len(p.Text)-2]; strings.ContainsAny(inner, "{}") {
			add(p.Offset, "swallowed-spintax", fmt.Sprintf("%s holds a brace: \"{{\" opens a placeholder, so spintax after it is not spintax", shorten(p.Text, 30)),
				"for a group that starts with a group write '{ {' ({ {Бытует|Существует} мнение|Многие думают}), or read the template in TextRandomizer's syntax (Options.Syntax TextRandomizer)")
		}
	}
	if !tr {
		for _, off := range topLevelBars(src, groups, phs) {
			add(off, "top-level-bar", "a '|' outside any group is printed as is",
				"to choose between texts put them in a group, {a|b}; to print a bar write '\\|'; a template written for TextRandomizer, where '|' permutes paragraphs, needs TextRandomizer's syntax (Options.Syntax TextRandomizer)")
		}
	}
	if catalog != nil {
		out = append(out, t.lintFieldCase(catalog)...)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Offset < out[j].Offset })
	pt := &posTracker{src: src, line: 1, col: 1}
	for i := range out {
		out[i].Line, out[i].Col = pt.at(out[i].Offset)
	}
	return out
}

// lintSeparator warns of a [+SEP+...] whose separator is glued to the
// options: no space after it, or a word with no space before it.
func (t *Template) lintSeparator(g randomizer.Group, add func(int, string, string, string)) {
	src := t.src
	if !strings.HasPrefix(src[g.Offset:], "[+") || len(g.Options) == 0 {
		return
	}
	// "[+|]" starts with '+' but has no separator: its first option is "+".
	if end := g.Options[0][0] - 1; end < g.Offset+2 || src[end] != '+' {
		return
	}
	raw := src[g.Offset+2 : g.Options[0][0]-1] // as written, escapes and all
	if raw == "" {
		return // [++a|b]: glued on purpose
	}
	first, _ := utf8.DecodeRuneInString(raw)
	last, _ := utf8.DecodeLastRuneInString(raw)
	word := !strings.ContainsRune(",.;:!?…", first) // a word or a dash wants a space on both sides
	if unicode.IsSpace(last) && (!word || unicode.IsSpace(first)) {
		return
	}
	trimmed := strings.TrimSpace(raw)
	fix := "[+" + trimmed + " +"
	if word {
		fix = "[+ " + trimmed + " +"
	}
	add(g.Offset, "glued-separator", fmt.Sprintf("separator %q is glued to the options it joins (%q)", raw, strings.Join([]string{"чай", "кофе"}, raw)),
		fmt.Sprintf("write %s, or read the template in TextRandomizer's syntax (Options.Syntax TextRandomizer), which spaces separators", fix))
}

// alwaysEmpty reports whether spintax text renders as nothing (or only
// white space) in every variant and holds no placeholder.
func (t *Template) alwaysEmpty(text string) bool {
	sp, err := randomizer.ParseSyntax(text, t.syntax.randomizer())
	if err != nil || len(sp.Placeholders()) > 0 {
		return false
	}
	if _, hi := sp.LengthRange(); hi == 0 {
		return true
	}
	if strings.TrimSpace(text) == "" {
		return true
	}
	// only white space and empty groups: "{ | }", "[ | ]"
	if c := sp.Count(); c.IsInt64() && c.Int64() <= 64 {
		for i := int64(0); i < c.Int64(); i++ {
			if v, _ := sp.Variant(big.NewInt(i)); strings.TrimSpace(v) != "" {
				return false
			}
		}
		return true
	}
	return false
}

// maxLintOption is the longest option, in bytes, that Lint checks for
// being empty or a duplicate: every option is parsed or folded on its own,
// and a nested option is inside each of its ancestors' options.
const maxLintOption = 256

// topLevelBars returns the offsets of the unescaped '|' outside every group
// and placeholder, in time linear in the source.
func topLevelBars(src string, groups []randomizer.Group, phs []randomizer.Placeholder) []int {
	// depth[i+1]-depth[i] is how many spans open at i less those that end there
	delta := make([]int32, len(src)+1)
	for _, g := range groups {
		delta[g.Offset]++
		delta[g.End]--
	}
	for _, p := range phs {
		delta[p.Offset]++
		delta[p.Offset+len(p.Text)]--
	}
	var out []int
	depth := int32(0)
	for i := 0; i < len(src); i++ {
		depth += delta[i]
		switch src[i] {
		case '\\':
			if i+1 < len(src) {
				i++ // an escape takes the next byte
				depth += delta[i]
			}
		case '|':
			if depth == 0 {
				out = append(out, i)
			}
		}
	}
	return out
}

// lintFieldCase warns of fields that differ from a catalog entry only in
// case or spaces.
func (t *Template) lintFieldCase(catalog []string) []Warning {
	fold := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), "")) }
	byFold := map[string]string{}
	exact := map[string]bool{}
	for _, c := range catalog {
		exact[c] = true
		if _, ok := byFold[fold(c)]; !ok {
			byFold[fold(c)] = c
		}
	}
	var out []Warning
	for _, r := range t.refs {
		known := exact[r.written]
		for _, k := range r.keys {
			known = known || exact[k]
		}
		if known {
			continue
		}
		for _, name := range append([]string{r.written}, r.keys...) {
			if c, ok := byFold[fold(name)]; ok {
				out = append(out, Warning{Offset: r.off, Kind: "field-case",
					Msg: fmt.Sprintf("field %q differs from the CRM's %q only in case or spaces: no recipient has it", name, c),
					Fix: fmt.Sprintf("write %q as the CRM does", c)})
				break
			}
		}
	}
	return out
}

package template

import (
	"slices"
	"sort"
	"strings"
)

// Required returns the data keys every recipient needs a value for: the
// fields read by a value placeholder outside any {{if}}, {{with}} or
// {{range}}, with no fallback (default, coalesce, empty) in its pipeline,
// in spintax options too (a recipient whose variant reads a missing field
// gets a *MissingError). Keys are as [Template.Fields] reports them (after
// Options.Fields mapping), sorted, each once. A Bitrix24 field looked up
// under several keys is listed by its last, as in Fields.
//
// A caller with a table of recipients checks its header against them
// before the first row (see [Template.CheckRequired]): a column missing
// there fails every recipient.
func (t *Template) Required() []string {
	var out []string
	for _, keys := range t.required() {
		out = append(out, keys[len(keys)-1])
	}
	sort.Strings(out)
	return slices.Compact(out)
}

// CheckRequired reports every required field (see [Template.Required])
// that catalog, a table's header, lacks: none of the keys it is looked up
// under is there. Each is reported once, at its first place in the source,
// in source order, with a suggestion from catalog as [Template.Check] gives.
func (t *Template) CheckRequired(catalog []string) []FieldProblem {
	known := make(map[string]bool, len(catalog))
	for _, c := range catalog {
		known[c] = true
	}
	missing := map[string]bool{} // keys joined by NUL
	for _, keys := range t.required() {
		if !slices.ContainsFunc(keys, func(k string) bool { return known[k] }) {
			missing[strings.Join(keys, "\x00")] = true
		}
	}
	var out []FieldProblem
	for _, p := range t.Check(catalog) {
		for _, r := range t.refs {
			if r.off == p.Offset && missing[strings.Join(r.keys, "\x00")] {
				out = append(out, p)
				delete(missing, strings.Join(r.keys, "\x00"))
				break
			}
		}
	}
	return out
}

// required returns the key lists of the fields read with no fallback by
// value placeholders outside control blocks, in source order.
func (t *Template) required() [][]string {
	var out [][]string
	depth := 0
	for _, n := range t.nodes {
		switch {
		case n.kind.opens():
			depth++
		case n.kind == nEnd:
			depth = max(depth-1, 0)
		case n.kind == nValue && depth == 0 && n.pipe != nil:
			out = appendRequired(out, n.pipe)
		}
	}
	return out
}

// appendRequired appends the data operands of p that must have a value:
// all of them unless p calls a fallback; parenthesised pipelines by their
// own rule.
func appendRequired(out [][]string, p *pipe) [][]string {
	if p.fallback {
		return out
	}
	for _, c := range p.cmds {
		for _, a := range c.args {
			switch a.kind {
			case opData:
				out = append(out, a.keys)
			case opPipe:
				if a.pipe != nil {
					out = appendRequired(out, a.pipe)
				}
			}
		}
	}
	return out
}

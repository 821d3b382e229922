package template

import (
	"fmt"
	"iter"
	"math/big"
	"sort"
	"strings"
	"unicode/utf8"
)

// FieldProblem is a field the template reads that is not in a CRM's field
// list, found by [Template.Check].
type FieldProblem struct {
	Field      string // as written in the template: "Имяя", "Document:NAMEE"
	Key        string // the data key it reads, after Options.Fields mapping
	Offset     int    // bytes, 0-based, of the field name in the source
	Line       int    // 1-based
	Col        int    // 1-based, in runes
	Suggestion string // the closest name in the catalog, "" if none is close
}

// String formats the problem as "template:LINE:COL: unknown field ...".
func (p FieldProblem) String() string {
	s := fmt.Sprintf("template:%d:%d: unknown field %q", p.Line, p.Col, p.Field)
	if p.Suggestion != "" {
		s += fmt.Sprintf("; did you mean %q?", p.Suggestion)
	} else {
		s += "; add it to the CRM or fix its name"
	}
	return s
}

// Check reports every place the template reads a field that is not in
// catalog, the CRM's list of fields (data keys or display names), in source
// order. A field is known when the name as written or any data key it maps
// to is in the catalog. The suggestion is the catalog entry at the smallest
// edit distance (in runes, ignoring case) when that distance is at most a
// third of the name's length (at least 1, at most 3).
func (t *Template) Check(catalog []string) []FieldProblem {
	known := make(map[string]bool, len(catalog))
	for _, c := range catalog {
		known[c] = true
	}
	var out []FieldProblem
	pt := &posTracker{src: t.src, line: 1, col: 1}
	refs := append([]fieldRef(nil), t.refs...)
	sort.SliceStable(refs, func(i, j int) bool { return refs[i].off < refs[j].off })
	for _, r := range refs {
		ok := known[r.written]
		for _, k := range r.keys {
			ok = ok || known[k]
		}
		if ok {
			continue
		}
		line, col := pt.at(r.off)
		out = append(out, FieldProblem{
			Field: r.written, Key: r.key, Offset: r.off, Line: line, Col: col,
			Suggestion: suggest(r.written, catalog),
		})
		if out[len(out)-1].Suggestion == "" && r.key != r.written {
			out[len(out)-1].Suggestion = suggest(r.key, catalog)
		}
	}
	return out
}

func suggest(name string, catalog []string) string {
	n := utf8.RuneCountInString(name)
	limit := min(max(n/3, 1), 3)
	lname := strings.ToLower(name)
	best, bestD := "", limit+1
	for _, c := range catalog {
		if d := distance(lname, strings.ToLower(c), bestD); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// distance is the Levenshtein distance between a and b in runes, or a value
// >= limit when it is at least limit (the computation stops early). No
// Unicode normalisation is done.
func distance(a, b string, limit int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d >= limit || -d >= limit {
		return limit
	}
	row := make([]int, len(rb)+1)
	for j := range row {
		row[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		prev := row[0]
		row[0] = i
		rowMin := row[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur := min(row[j]+1, row[j-1]+1, prev+cost)
			prev = row[j]
			row[j] = cur
			rowMin = min(rowMin, cur)
		}
		if rowMin >= limit {
			return limit
		}
	}
	return row[len(rb)]
}

// Missing is a dry run over records: for every field in Fields, how many
// records have no value for it (key absent, nil, or a blank string). A
// Bitrix24 field counts as present when any key it is looked up under has a
// value. Fields every record has are reported with 0.
func (t *Template) Missing(records []map[string]any) map[string]int {
	out := make(map[string]int, len(t.fields))
	byKey := map[string][]string{}
	for _, r := range t.refs {
		if _, ok := byKey[r.key]; !ok {
			byKey[r.key] = r.keys
		}
	}
	for key, keys := range byKey {
		n := 0
		for _, rec := range records {
			if _, found := lookupField(rec, keys, true); !found {
				n++
			}
		}
		out[key] = n
	}
	return out
}

// MessageLengths renders each record's message as a batch in this order
// gets it (record i the variant at position i of the spintax's sample for
// Options.Seed, as package campaign numbers recipients) and returns the
// shortest and longest in runes, and how many rendered: a record that
// fails to render (a missing field) is left out. With rendered 0 the
// lengths are 0. Unlike the spintax's LengthRange, which counts each
// placeholder as written ({{Имя}} is 7 runes), these are real messages'.
// Records are read one at a time (slices.Values of a slice will do), so a
// million of them take no more memory than one.
func (t *Template) MessageLengths(records iter.Seq[map[string]any]) (shortest, longest, rendered int) {
	count := t.sp.Count()
	k := new(big.Int)
	i := -1
	for rec := range records {
		i++
		k.SetInt64(int64(i))
		k.Mod(k, count)
		idx, err := t.sp.SampleAt(t.seed, k)
		if err != nil {
			continue
		}
		msg, err := t.RenderVariant(rec, idx)
		if err != nil {
			continue
		}
		n := utf8.RuneCountInString(msg)
		if rendered == 0 || n < shortest {
			shortest = n
		}
		longest = max(longest, n)
		rendered++
	}
	return shortest, longest, rendered
}

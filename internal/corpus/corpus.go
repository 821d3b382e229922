// Package corpus is the project's sample material: six Russian message
// templates (templates/*.txt) and 500 synthetic contacts (contacts.csv), see
// README.md beside this file. Nothing here is real people's data.
//
// The runnable examples, the CLI's demo command, the tests and the
// benchmarks of most packages read it, and golden files are computed from
// it (randomizer/testdata, chunk/testdata, bench/testdata's Levenshtein
// pairs; template's corpus test pins the list of templates): after any edit
// to a file here, regenerate them with
//
//	go test ./randomizer ./chunk ./uniqueness/internal/gen -update
//
// (-update is defined only by packages with golden files, so name them) and
// review the golden diffs in the same commit. Benchmarks recorded in
// BENCHMARKS.md were measured on this material as it is.
package corpus

import (
	"embed"
	"encoding/csv"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// FS holds contacts.csv and templates/*.txt.
//
//go:embed contacts.csv templates/*.txt
var FS embed.FS

// TemplateNames returns the names of the sample templates (file names
// without ".txt"), sorted.
func TemplateNames() []string {
	entries, err := fs.ReadDir(FS, "templates")
	if err != nil {
		panic(err) // embedded at build time: cannot fail
	}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		names = append(names, strings.TrimSuffix(e.Name(), ".txt"))
	}
	sort.Strings(names)
	return names
}

// Template returns the source of the named sample template, without the
// file's final newline. It panics if there is no such template.
func Template(name string) string {
	b, err := FS.ReadFile(path.Join("templates", name+".txt"))
	if err != nil {
		panic("corpus: no sample template " + name)
	}
	return strings.TrimRight(string(b), "\n")
}

// Contacts returns the sample contacts as CRM records: one map per row,
// keyed by the header, every value a string as a CRM export gives it.
func Contacts() []map[string]any {
	f, err := FS.Open("contacts.csv")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		panic(err) // the shipped file is valid CSV; a test guards it
	}
	header := rows[0]
	out := make([]map[string]any, 0, len(rows)-1)
	for _, row := range rows[1:] {
		m := make(map[string]any, len(header))
		for i, h := range header {
			m[h] = row[i]
		}
		out = append(out, m)
	}
	return out
}

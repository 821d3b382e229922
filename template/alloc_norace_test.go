//go:build !race

// Under -race, sync.Pool drops items at random, so allocation counts are
// only meaningful without it.

package template_test

import (
	"testing"

	"github.com/spinwise/spinwise/internal/corpus"
	"github.com/spinwise/spinwise/template"
)

// A corpus message costs one allocation, the message itself, plus one for
// plural's result in payment_reminder, as BENCHMARKS.md (template section)
// reports; the checks on function arguments must not add any.
func TestRenderAllocations(t *testing.T) {
	want := map[string]float64{"payment_reminder": 2}
	contact := corpus.Contacts()[0]
	for _, name := range corpus.TemplateNames() {
		tp, err := template.Parse(corpus.Template(name), nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := tp.Render(contact, "k"); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		w := max(want[name], 1)
		if n := testing.AllocsPerRun(100, func() { tp.Render(contact, "k") }); n > w {
			t.Errorf("%s: %v allocations per message, want at most %v", name, n, w)
		}
	}
}

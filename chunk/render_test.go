package chunk_test

import (
	"math/big"
	"testing"

	"github.com/spinwise/spinwise/internal/corpus"
	"github.com/spinwise/spinwise/template"
)

// corpusTexts returns the six corpus templates, by name, rendered as variant 0
// (the first option of every group) for the first sample contact: the
// rendered messages a campaign would split.
func corpusTexts(t testing.TB) map[string]string {
	t.Helper()
	contact := corpus.Contacts()[0]
	out := map[string]string{}
	for _, name := range corpus.TemplateNames() {
		tp, err := template.Parse(corpus.Template(name), nil)
		if err != nil {
			t.Fatalf("template %s: %v", name, err)
		}
		text, err := tp.RenderVariant(contact, big.NewInt(0))
		if err != nil {
			t.Fatalf("template %s: %v", name, err)
		}
		out[name] = text
	}
	return out
}

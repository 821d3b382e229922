package bench

import (
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/spinwise/spinwise/internal/corpus"
	"github.com/spinwise/spinwise/template"
)

// TestNaiveMatchesTemplate keeps the comparison fair: for every corpus
// template the naive route's message is one of spinwise's variants for the
// same contact, and both routes refuse the same contacts (those lacking a
// required field).
func TestNaiveMatchesTemplate(t *testing.T) {
	contacts := corpus.Contacts()[:40]
	r := rand.New(rand.NewPCG(1, 2))
	for _, name := range corpus.TemplateNames() {
		src := corpus.Template(name)
		tp, err := template.Parse(src, nil)
		if err != nil {
			t.Fatal(err)
		}
		naive := NewNaive(src)
		for _, c := range contacts {
			got, nerr := naive.Render(c, r)
			_, oerr := tp.Render(c, c["key"].(string))
			if (nerr != nil) != (oerr != nil) {
				t.Fatalf("%s %s: naive error %v, spinwise error %v", name, c["key"], nerr, oerr)
			}
			if nerr != nil {
				continue
			}
			found := false
			for i := int64(0); i < tp.Count().Int64() && !found; i++ {
				v, err := tp.RenderVariant(c, big.NewInt(i))
				if err != nil {
					t.Fatal(err)
				}
				found = v == got
			}
			if !found {
				t.Fatalf("%s %s: naive message %q is none of spinwise's variants", name, c["key"], got)
			}
		}
	}
}

// BenchmarkRender renders each corpus template for the 500 sample contacts,
// one message per op (ns/op is ns/message, allocs/op allocs/message):
// spinwise's template.Render against the naive route (spin by string
// replacement, then text/template Parse and Execute per message).
func BenchmarkRender(b *testing.B) {
	contacts := corpus.Contacts()
	keys := make([]string, len(contacts))
	for i, c := range contacts {
		keys[i] = c["key"].(string)
	}
	for _, name := range corpus.TemplateNames() {
		src := corpus.Template(name)
		b.Run("ours/"+name, func(b *testing.B) {
			tp, err := template.Parse(src, &template.Options{Seed: 1})
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				j := i % len(contacts)
				_, _ = tp.Render(contacts[j], keys[j])
			}
		})
		b.Run("naive/"+name, func(b *testing.B) {
			naive := NewNaive(src)
			r := rand.New(rand.NewPCG(1, 2))
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				_, _ = naive.Render(contacts[i%len(contacts)], r)
			}
		})
	}
}

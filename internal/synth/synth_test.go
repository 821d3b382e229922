package synth_test

import (
	"testing"

	"github.com/spinwise/spinwise/campaign"
	"github.com/spinwise/spinwise/examples/data"
	"github.com/spinwise/spinwise/internal/synth"
)

// TestRecipientsRender checks that every corpus template renders for the
// synthetic people (no field is missing), that keys are distinct and that
// the generator is repeatable.
func TestRecipientsRender(t *testing.T) {
	const n = 200
	for _, name := range data.TemplateNames() {
		c, err := campaign.New(data.Template(name), &campaign.Options{Seed: 1, NoAnalysis: true})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		seen := map[string]bool{}
		i := 0
		for r := range synth.Recipients(n) {
			if seen[r.Key] {
				t.Fatalf("key %s repeats", r.Key)
			}
			seen[r.Key] = true
			if row := c.Message(r, i); row.Err != nil && row.Err.Kind == campaign.KindMissingField {
				t.Fatalf("%s: recipient %s: %v", name, r.Key, row.Err)
			}
			i++
		}
		if i != n {
			t.Fatalf("%d recipients, want %d", i, n)
		}
	}
	var a, b []string
	for d := range synth.People(50) {
		a = append(a, d["Дата"].(string)+d["Имя"].(string))
	}
	for d := range synth.People(50) {
		b = append(b, d["Дата"].(string)+d["Имя"].(string))
	}
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("record %d differs between calls: %q, %q", i, a[i], b[i])
		}
	}
}

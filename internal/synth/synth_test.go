package synth_test

import (
	"testing"

	"github.com/spinwise/spinwise/internal/synth"
)

// TestPeople checks that keys are distinct and that the generator is
// repeatable. campaign's TestSynthRecipientsRender checks that every corpus
// template renders for these people.
func TestPeople(t *testing.T) {
	const n = 200
	seen := map[string]bool{}
	i := 0
	for d := range synth.People(n) {
		key := d["key"].(string)
		if seen[key] {
			t.Fatalf("key %s repeats", key)
		}
		seen[key] = true
		i++
	}
	if i != n {
		t.Fatalf("%d records, want %d", i, n)
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

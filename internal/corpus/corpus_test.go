package corpus_test

import (
	"strings"
	"testing"

	"github.com/spinwise/spinwise/internal/corpus"
)

func TestSamples(t *testing.T) {
	names := corpus.TemplateNames()
	if len(names) != 6 {
		t.Fatalf("TemplateNames() = %v, want the 6 corpus templates", names)
	}
	for _, n := range names {
		if src := corpus.Template(n); strings.TrimSpace(src) == "" || strings.HasSuffix(src, "\n") {
			t.Errorf("Template(%q) is empty or ends in a newline", n)
		}
	}
	cs := corpus.Contacts()
	if len(cs) != 500 {
		t.Fatalf("len(Contacts()) = %d, want 500", len(cs))
	}
	if cs[0]["key"] != "c0001" || cs[0]["Имя"] != "Павел" {
		t.Errorf("first contact = %v", cs[0])
	}
}

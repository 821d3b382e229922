package template_test

import (
	"testing"

	"github.com/spinwise/spinwise/examples/data"
	"github.com/spinwise/spinwise/template"
)

func TestSmoke(t *testing.T) {
	cs := data.Contacts()
	for _, name := range data.TemplateNames() {
		tp, err := template.Parse(data.Template(name), nil)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		ok, bad := 0, 0
		for i, c := range cs {
			s, err := tp.Render(c, c["key"].(string))
			if err != nil {
				bad++
				if bad < 3 {
					t.Logf("%s %d: %v", name, i, err)
				}
				continue
			}
			ok++
			if i < 2 {
				t.Logf("%s: %q", name, s)
			}
		}
		t.Logf("%s ok=%d bad=%d count=%v fields=%v", name, ok, bad, tp.Count(), tp.Fields())
	}
}

package campaign_test

import (
	"context"
	"testing"

	"github.com/spinwise/spinwise/campaign"
	"github.com/spinwise/spinwise/linkcheck"
	"github.com/spinwise/spinwise/template"
)

// TestTidyKeepsLinksRejected: the tidy turns "bit . ly/abc" into
// "bit. ly/abc", which the checker reads as a sentence end; a link rejected
// before the tidy must still fail its row, whether it is in the template or
// in the data.
func TestTidyKeepsLinksRejected(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		data      map[string]any
		links     *linkcheck.Options
		link      string // the rejected link; "" for a message
		why       string
	}{
		{"shortener in the template", "Привет, {{Имя}}! Подробнее: bit . ly/abc", nil, nil, "bit . ly/abc", "the tidy would make it bit. ly/abc"},
		{"blocked domain in the template", "{Привет|Здравствуйте} {{Имя}} vulkan . ru/x", nil, &linkcheck.Options{Block: []string{"vulkan.ru"}}, "vulkan . ru/x", "the same for a -block domain"},
		{"shortener in the data", "Привет, {{Имя}}! Подробнее: {{Ссылка}}", map[string]any{"Ссылка": "bit . ly/abc"}, nil, "bit . ly/abc", "a value is tidied with the text around it"},
		{"an empty option before a dot", "Приходите {завтра|} .", nil, nil, "", "the tidy's own job: no link, a message"},
		{"a plain sentence in the data", "{{Имя}}: {{Ссылка}}", map[string]any{"Ссылка": "ждём вас . До встречи"}, nil, "", "a spaced dot between words that are no host"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			camp, err := campaign.New(tc.src, &campaign.Options{Links: tc.links})
			if err != nil {
				t.Fatal(err)
			}
			data := map[string]any{"Имя": "Анна"}
			for k, v := range tc.data {
				data[k] = v
			}
			var rows []campaign.Row
			_, err = camp.Run(context.Background(), campaign.Records([]map[string]any{{"key": "c1", "Имя": data["Имя"], "Ссылка": data["Ссылка"]}}, "key"),
				func(r campaign.Row) error { rows = append(rows, r); return nil })
			if err != nil || len(rows) != 1 {
				t.Fatalf("rows %v, %v", rows, err)
			}
			r := rows[0]
			switch {
			case tc.link == "" && r.Err != nil:
				t.Errorf("error %v, want a message (%s)", r.Err, tc.why)
			case tc.link != "" && (r.Err == nil || r.Err.Kind != campaign.KindLink || r.Err.Link != tc.link):
				t.Errorf("row %+v (error %v), want a link error for %q (%s)", r, r.Err, tc.link, tc.why)
			}
		})
	}
}

// TestTidyLinksOtherSyntax: in TextRandomizer's syntax the randomizer
// itself folds the space before a dot, tidy or not; the template's spaced
// link is still rejected (and the template, not valid spinwise spintax, is
// parsed in its own syntax throughout).
func TestTidyLinksOtherSyntax(t *testing.T) {
	src := "{{Бытует|Существует} мнение|Многие думают}, что {{Имя}} зайдёт на bit . ly/abc"
	camp, err := campaign.New(src, &campaign.Options{Syntax: template.TextRandomizer})
	if err != nil {
		t.Fatal(err)
	}
	row := camp.Message(campaign.Recipient{Key: "c1", Data: map[string]any{"Имя": "Анна"}}, 0)
	if row.Err == nil || row.Err.Kind != campaign.KindLink || row.Err.Link != "bit . ly/abc" {
		t.Errorf("row %+v (error %v): want the spaced shortener rejected", row, row.Err)
	}
}

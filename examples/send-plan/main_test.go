package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func TestRun(t *testing.T) {
	var out, report strings.Builder
	from := time.Date(2026, 12, 2, 9, 0, 0, 0, time.FixedZone("MSK", 3*60*60))
	if err := run(context.Background(), from, &out, &report); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 500 {
		t.Fatalf("%d rows for the 500 sample contacts", len(lines))
	}
	var last time.Time
	perDay := map[string]int{}
	for _, l := range lines {
		var row struct {
			Key    string
			SendAt time.Time `json:"send_at"`
			Error  *struct{ Kind string }
		}
		if err := json.Unmarshal([]byte(l), &row); err != nil {
			t.Fatalf("%v in %s", err, l)
		}
		if row.Error != nil {
			continue
		}
		if row.SendAt.Before(last) || row.SendAt.Weekday() == time.Saturday || row.SendAt.Weekday() == time.Sunday ||
			row.SendAt.Hour() < 10 || row.SendAt.Hour() >= 18 {
			t.Fatalf("%s: send_at %v (previous %v)", row.Key, row.SendAt, last)
		}
		last = row.SendAt
		perDay[row.SendAt.Format(time.DateOnly)]++
	}
	if perDay["2026-12-02"] != 8+5 {
		t.Errorf("the first day has %d messages; 12 new were written to earlier, so 8 new and the 5 known, all among the first rows", perDay["2026-12-02"])
	}
	if !strings.Contains(report.String(), "all at once: maximal") || !strings.Contains(report.String(), "highest daily risk: minimal") {
		t.Errorf("report:\n%s", report.String())
	}
}

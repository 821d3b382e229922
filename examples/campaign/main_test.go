package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	var out, report strings.Builder
	if err := run(context.Background(), "", "", 2026, &out, &report); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 500 {
		t.Fatalf("%d rows for the 500 sample contacts", len(lines))
	}
	suppressed, texts := 0, map[string]bool{}
	for _, l := range lines {
		var row struct {
			Key    string
			Text   string
			Chunks []string
			Error  *struct{ Kind string }
		}
		if err := json.Unmarshal([]byte(l), &row); err != nil {
			t.Fatalf("%v in %s", err, l)
		}
		switch {
		case row.Error != nil && row.Error.Kind == "suppressed":
			suppressed++
		case row.Error == nil:
			texts[row.Text] = true
			if len(row.Chunks) == 0 {
				t.Errorf("%s: no chunks", row.Key)
			}
		}
	}
	if suppressed != 2 {
		t.Errorf("%d suppressed rows, want 2", suppressed)
	}
	if !strings.Contains(report.String(), "recipients: 500") || !strings.Contains(report.String(), "errors:") {
		t.Errorf("report:\n%s", report.String())
	}
	if len(texts) < 400 {
		t.Errorf("only %d distinct texts", len(texts))
	}
}

func TestRunCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, report strings.Builder
	if err := run(ctx, "", "", 1, &out, &report); err == nil {
		t.Fatal("a cancelled run reported success")
	}
}

package linkcheck

import (
	"slices"
	"strings"
	"testing"
)

// TestExtraShorteners checks the list spinwise adds to the upstream one:
// sorted, each entry canonical, not upstream already, with a reason.
func TestExtraShorteners(t *testing.T) {
	upstream := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(shortenerData), "\n") {
		upstream[strings.TrimRight(line, ",;")] = true
	}
	var entries []string
	for line := range strings.Lines(extraShortenerData) {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		domain, reason, ok := strings.Cut(line, "#")
		domain = strings.TrimSpace(domain)
		if !ok || len(strings.TrimSpace(reason)) < 20 {
			t.Errorf("%q: no reason after '#'", line)
		}
		if canonEntry(domain) != domain {
			t.Errorf("%q is not canonical: %q", domain, canonEntry(domain))
		}
		if upstream[domain] {
			t.Errorf("%q is upstream already", domain)
		}
		entries = append(entries, domain)
	}
	if len(entries) == 0 || !slices.IsSorted(entries) {
		t.Errorf("entries %q: want a sorted, non-empty list", entries)
	}
	if got := listEntries(extraShortenerData); !slices.Equal(got, entries) {
		t.Errorf("listEntries = %q, want %q", got, entries)
	}
}

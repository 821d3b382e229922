package chunk_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/spinwise/spinwise/chunk"
	"github.com/spinwise/spinwise/internal/corpus"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// goldenLimits are the limits the corpus is split at: small enough that
// every template splits at 120, and long_news at 300.
var goldenLimits = []struct {
	max  int
	unit chunk.Unit
}{{120, chunk.Runes}, {300, chunk.Runes}, {80, chunk.UTF16}, {80, chunk.Graphemes}}

// formatSplit prints the chunks of text at each limit for a golden file.
func formatSplit(t *testing.T, text string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# input\n%s\n", text)
	for _, l := range goldenLimits {
		opts := &chunk.Options{Max: l.max, Unit: l.unit}
		chunks, err := chunk.Split(text, opts)
		checkSplit(t, text, opts, chunks, err)
		fmt.Fprintf(&b, "\n# Max %d %s\n", l.max, l.unit)
		if err != nil {
			fmt.Fprintf(&b, "error: %v\n", err)
		}
		for i, c := range chunks {
			fmt.Fprintf(&b, "-- chunk %d (%d %s)\n%s\n", i+1, length(c, l.unit), l.unit, c)
		}
	}
	return b.String()
}

// TestGolden splits the six corpus templates, rendered for the first
// sample contact, and compares with testdata/<name>.golden; run with
// -update to rewrite them.
func TestGolden(t *testing.T) {
	texts := corpusTexts(t)
	for _, name := range corpus.TemplateNames() {
		t.Run(name, func(t *testing.T) {
			got := formatSplit(t, texts[name])
			path := filepath.Join("testdata", name+".golden")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("%s mismatch (-want +got):\n%s", path, diff)
			}
		})
	}
}

// TestCorpusSplits checks that the small limits really split the corpus
// and that long_news splits at the default limit.
func TestCorpusSplits(t *testing.T) {
	texts := corpusTexts(t)
	for name, text := range texts {
		got, err := chunk.Split(text, &chunk.Options{Max: 120})
		if err != nil || len(got) < 2 {
			t.Errorf("%s at Max 120: %d chunks, %v; want a split", name, len(got), err)
		}
	}
	if got, err := chunk.Split(texts["long_news"], nil); err != nil || len(got) < 2 {
		t.Errorf("long_news at the default Max: %d chunks, %v; want a split", len(got), err)
	}
}

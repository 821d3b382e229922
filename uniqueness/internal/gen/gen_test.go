package gen

import (
	"bytes"
	"encoding/json"
	"flag"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite ../../../bench/testdata/levenshtein_pairs.json")

const pairsFile = "../../../bench/testdata/levenshtein_pairs.json"

// PairsJSON is the shared pairs file of the side-by-side Levenshtein
// benchmarks (Go peers in bench/, fastest-levenshtein in bench/js): 120
// pairs of 200-rune Cyrillic messages, one JSON array [a, b] per line.
func pairsJSON() []byte {
	var buf bytes.Buffer
	buf.WriteString("[\n")
	for i, p := range Pairs(120, 200, 1) {
		b, _ := json.Marshal(p)
		buf.Write(b)
		if i < 119 {
			buf.WriteByte(',')
		}
		buf.WriteByte('\n')
	}
	buf.WriteString("]\n")
	return buf.Bytes()
}

// TestPairsFile keeps the committed pairs file equal to what Pairs makes.
func TestPairsFile(t *testing.T) {
	want := pairsJSON()
	if *update {
		if err := os.WriteFile(pairsFile, want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(pairsFile)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%s is stale: run go test ./uniqueness/internal/gen -run TestPairsFile -update", pairsFile)
	}
	var ps [][2]string
	if err := json.Unmarshal(got, &ps); err != nil {
		t.Fatal(err)
	}
	for i, p := range ps {
		for _, s := range p {
			if n := utf8.RuneCountInString(s); n != 200 {
				t.Fatalf("pair %d: %d runes, want 200", i, n)
			}
		}
		if p[0] == p[1] {
			t.Fatalf("pair %d: equal sides", i)
		}
	}
}

func TestExpand(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	contact := map[string]any{"Имя": "Анна"}
	tests := []struct{ name, src, want string }{
		{"placeholder", "{{Имя}}, привет", "Анна, привет"},
		{"placeholder with pipeline", "{{ Имя | upper }}!", "Анна!"},
		{"one option", "{а}", "а"},
		{"escaped brace", `\{x\}`, "{x}"},
		{"missing field is empty", "[{{Город}}]", "[]"},
	}
	for _, tc := range tests {
		if got := Expand(tc.src, rng, contact); got != tc.want {
			t.Errorf("%s: Expand(%q) = %q, want %q", tc.name, tc.src, got, tc.want)
		}
	}
	for i := 0; i < 50; i++ {
		got := Expand("{а|б{в|г}}", rng, contact)
		if got != "а" && got != "бв" && got != "бг" {
			t.Fatalf("nested choice gave %q", got)
		}
		got = Expand("[x|y|z]", rng, contact)
		if len(got) != 5 || !strings.Contains(got, "x") || !strings.Contains(got, "y") {
			t.Fatalf("permutation gave %q", got)
		}
	}
}

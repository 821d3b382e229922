package gen

import (
	"bytes"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

const kernelPairsFile = "../../../bench/testdata/kernel_pairs.tsv"

// kernelSets are the sets of the shared kernel pairs file, read by the Go
// benchmarks in bench/ and by the rapidfuzz-cpp harness in bench/cpp: each
// a set name and its pairs, one op of a benchmark is one pair.
func kernelSets() []struct {
	name  string
	pairs [][2]string
} {
	near := NearPairs(120, 200, 0.9, 1)
	var ascii [][2]string
	for _, p := range near {
		if a, b := Translit(p[0]), Translit(p[1]); a != b {
			ascii = append(ascii, [2]string{a, b})
		}
	}
	return []struct {
		name  string
		pairs [][2]string
	}{
		{"Cyrillic200near", near},
		{"Cyrillic200", Pairs(120, 200, 1)},
		{"ASCII200near", ascii},
		{"Short24", Pairs(120, 24, 2)},
	}
}

// escapeTSV escapes the backslash, the tab and the newline of s.
func escapeTSV(s string) string {
	return strings.NewReplacer(`\`, `\\`, "\t", `\t`, "\n", `\n`).Replace(s)
}

// kernelPairsTSV is the file: comment lines starting with '#', then one
// line per pair: set, distance in runes (by the generator's own Distance),
// a, b, separated by tabs, with \\, \t and \n escaped in a and b.
func kernelPairsTSV() []byte {
	var buf bytes.Buffer
	buf.WriteString("# Pairs for the side-by-side kernel benchmarks (bench/kernel_test.go, bench/cpp/kernel.cpp).\n")
	buf.WriteString("# Written by: go test ./uniqueness/internal/gen -run TestKernelPairsFile -update\n")
	buf.WriteString("# Columns: set, Levenshtein distance in runes, a, b (\\\\, \\t, \\n escaped).\n")
	for _, set := range kernelSets() {
		for _, p := range set.pairs {
			d := Distance([]rune(p[0]), []rune(p[1]))
			fmt.Fprintf(&buf, "%s\t%d\t%s\t%s\n", set.name, d, escapeTSV(p[0]), escapeTSV(p[1]))
		}
	}
	return buf.Bytes()
}

// TestKernelPairsFile keeps the committed kernel pairs file equal to what
// the generator makes, and checks what the benchmarks rely on.
func TestKernelPairsFile(t *testing.T) {
	want := kernelPairsTSV()
	if *update {
		if err := os.WriteFile(kernelPairsFile, want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(kernelPairsFile)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%s is stale: run go test ./uniqueness/internal/gen -run TestKernelPairsFile -update", kernelPairsFile)
	}
	count := map[string]int{}
	for _, line := range strings.Split(strings.TrimSuffix(string(got), "\n"), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			t.Fatalf("line %q: %d fields, want 4", line, len(f))
		}
		d, err := strconv.Atoi(f[1])
		if err != nil {
			t.Fatal(err)
		}
		count[f[0]]++
		n := utf8.RuneCountInString(f[2])
		if strings.HasSuffix(f[0], "near") && (d == 0 || float64(d) > 0.1*float64(n)) {
			t.Errorf("set %s: distance %d is not a near pair of %d runes", f[0], d, n)
		}
	}
	for _, set := range []string{"Cyrillic200near", "Cyrillic200", "ASCII200near", "Short24"} {
		if count[set] < 100 {
			t.Errorf("set %s: %d pairs, want at least 100", set, count[set])
		}
	}
}

func TestTranslit(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Добрый день — «Ёлка» №5", `Dobryj den' - "Elka" N5`},
		{"ok 😀", "ok ?"},
	}
	for _, tc := range tests {
		if got := Translit(tc.in); got != tc.want {
			t.Errorf("Translit(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"", "абв", 3},
		{"kitten", "sitting", 3},
		{"привет", "превед", 2},
		{"flaw", "lawn", 2},
	}
	for _, tc := range tests {
		if got := Distance([]rune(tc.a), []rune(tc.b)); got != tc.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

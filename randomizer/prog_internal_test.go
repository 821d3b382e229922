package randomizer

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unsafe"

	"github.com/spinwise/spinwise/examples/data"
)

// TestTextArenaPadded: run reads up to copyPad-1 bytes past a piece of the
// text arena, so Parse must keep the arena as the first bytes of a string
// that goes on for copyPad bytes more.
func TestTextArenaPadded(t *testing.T) {
	for l := range 70 {
		s, err := Parse("{a|b}" + strings.Repeat("я", l/2) + strings.Repeat("z", l%2) + "[x|y]")
		if err != nil {
			t.Fatal(err)
		}
		if len(s.arena) != len(s.text)+copyPad || unsafe.StringData(s.arena) != unsafe.StringData(s.text) {
			t.Fatalf("arena of %d bytes is not followed by %d bytes of padding (%d bytes in all)", len(s.text), copyPad, len(s.arena))
		}
		if pad := s.arena[len(s.text):]; pad != strings.Repeat("\x00", copyPad) {
			t.Fatalf("padding %q, want zeros", pad)
		}
	}
}

var allocSink string

// BenchmarkSpinAlloc makes, for each benchmark template (BenchmarkSpin),
// the one allocation Spin makes and nothing else: a string of a variant's
// length copied from a rendered variant (the lengths of 64 spins, in
// turn). It is the part of Spin's time that any function returning a new
// string of that length pays, set beside BenchmarkSpin and
// BenchmarkAppendSpin in the same run.
func BenchmarkSpinAlloc(b *testing.B) {
	srcs := map[string]string{}
	for _, name := range data.TemplateNames() {
		srcs[name] = data.Template(name)
	}
	big, err := os.ReadFile(filepath.Join("testdata", "generated_24k.txt"))
	if err != nil {
		b.Fatal(err)
	}
	srcs["generated_24k"] = string(big)
	for _, name := range append(data.TemplateNames(), "generated_24k") {
		s, err := Parse(srcs[name])
		if err != nil {
			b.Fatal(err)
		}
		r := rand.New(rand.NewPCG(1, 2))
		var vs [][]byte
		for range 64 {
			vs = append(vs, s.AppendSpin(nil, r))
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(srcs[name])))
			i := 0
			for b.Loop() {
				allocSink = string(vs[i%len(vs)])
				i++
			}
		})
	}
}

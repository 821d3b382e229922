package randomizer_test

import (
	"math/big"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/spinwise/spinwise/internal/corpus"
	"github.com/spinwise/spinwise/randomizer"
)

// benchTemplates are the six corpus templates and the generated 24 KB one;
// bench/js/spintax.mjs spins the very same texts with the JavaScript peers.
func benchTemplates(b *testing.B) []struct{ name, src string } {
	var out []struct{ name, src string }
	for _, name := range corpus.TemplateNames() {
		out = append(out, struct{ name, src string }{name, corpus.Template(name)})
	}
	big, err := os.ReadFile(filepath.Join("testdata", "generated_24k.txt"))
	if err != nil {
		b.Fatal(err)
	}
	return append(out, struct{ name, src string }{"generated_24k", string(big)})
}

func BenchmarkParse(b *testing.B) {
	for _, tt := range benchTemplates(b) {
		b.Run(tt.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(tt.src)))
			for b.Loop() {
				if _, err := randomizer.Parse(tt.src); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkSpin(b *testing.B) {
	for _, tt := range benchTemplates(b) {
		b.Run(tt.name, func(b *testing.B) {
			s := mustParse(b, tt.src)
			r := rand.New(rand.NewPCG(1, 2))
			b.ReportAllocs()
			b.SetBytes(int64(len(tt.src)))
			for b.Loop() {
				_ = s.Spin(r)
			}
		})
	}
}

var allocSink string

// BenchmarkSpinAlloc makes, for each benchmark template, the one allocation
// Spin makes and nothing else: a string of a variant's length copied from a
// rendered variant (the lengths of 64 spins, in turn). It is the part of
// Spin's time that any function returning a new string of that length pays,
// set beside BenchmarkSpin and BenchmarkAppendSpin in the same run.
func BenchmarkSpinAlloc(b *testing.B) {
	for _, tt := range benchTemplates(b) {
		b.Run(tt.name, func(b *testing.B) {
			s := mustParse(b, tt.src)
			r := rand.New(rand.NewPCG(1, 2))
			var vs [][]byte
			for range 64 {
				vs = append(vs, s.AppendSpin(nil, r))
			}
			b.ReportAllocs()
			b.SetBytes(int64(len(tt.src)))
			i := 0
			for b.Loop() {
				allocSink = string(vs[i%len(vs)])
				i++
			}
		})
	}
}

func BenchmarkSpinTo(b *testing.B) {
	for _, tt := range benchTemplates(b) {
		b.Run(tt.name, func(b *testing.B) {
			s := mustParse(b, tt.src)
			r := rand.New(rand.NewPCG(1, 2))
			e := &countingEmitter{}
			b.ReportAllocs()
			b.SetBytes(int64(len(tt.src)))
			for b.Loop() {
				s.SpinTo(r, e)
			}
		})
	}
}

func BenchmarkVariant(b *testing.B) {
	for _, tt := range benchTemplates(b) {
		b.Run(tt.name, func(b *testing.B) {
			s := mustParse(b, tt.src)
			n := s.Count()
			i := new(big.Int)
			one := big.NewInt(1)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := s.Variant(i); err != nil {
					b.Fatal(err)
				}
				if i.Add(i, one); i.Cmp(n) >= 0 {
					i.SetInt64(0)
				}
			}
		})
	}
}

// BenchmarkSample10k takes the first 10,000 items of Sample from a template
// with 10^200 variants (200 groups of 10 digits).
func BenchmarkSample10k(b *testing.B) {
	s := mustParse(b, strings.Repeat("{0|1|2|3|4|5|6|7|8|9}", 200))
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for range s.Sample(1) {
			if n++; n == 10000 {
				break
			}
		}
	}
}

// BenchmarkSampleAt resumes Sample at a far position of the same template.
func BenchmarkSampleAt(b *testing.B) {
	s := mustParse(b, strings.Repeat("{0|1|2|3|4|5|6|7|8|9}", 200))
	k := new(big.Int).Exp(big.NewInt(10), big.NewInt(150), nil)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.SampleAt(1, k); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAppendSpin spins into one reused buffer, as a sender that
// renders message after message would: the spin without its allocation.
func BenchmarkAppendSpin(b *testing.B) {
	for _, tt := range benchTemplates(b) {
		b.Run(tt.name, func(b *testing.B) {
			s := mustParse(b, tt.src)
			r := rand.New(rand.NewPCG(1, 2))
			var buf []byte
			b.ReportAllocs()
			b.SetBytes(int64(len(tt.src)))
			for b.Loop() {
				buf = s.AppendSpin(buf[:0], r)
			}
		})
	}
}

// BenchmarkVariantLargePermutation unranks one variant of a permutation of
// many options, [a|a|...]: the factorial digits and the picking of the
// options left must not cost a big division and a slice shift per option.
func BenchmarkVariantLargePermutation(b *testing.B) {
	for _, n := range []int{1_000, 10_000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			s, err := randomizer.Parse("[" + strings.Repeat("a|", n-1) + "a]")
			if err != nil {
				b.Fatal(err)
			}
			i := new(big.Int).Rsh(s.Count(), 1)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := s.Variant(i); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkSpinTextRandomizer spins TextRandomizer's README example (24,576
// variants) in its own syntax, where every variant is folded on its way
// out, beside the same text rewritten in spinwise's syntax with the
// separators spaced by hand (the same groups, no folding).
func BenchmarkSpinTextRandomizer(b *testing.B) {
	const tr = `{{Бытует|Существует|Есть|Имеется} мнение|{Некоторые|Многие} думают}, что и [+и+{копирайтинг (написание текстов)|написание текстов (копирайтинг)|написание текстов|копирайтинг}|{рерайтинг (переработку готовых текстов)|переработку готовых текстов (рерайтинг)|переработку готовых текстов|рерайтинг}] [{|с успехом}|можно] доверить [+–+{текстовому рандомизатору|рандомизатору {|текста|текстов}}|{специальной|особой} {программе|проге}].`
	sw := strings.NewReplacer("{{", "{ {", "[+и+", "[+ и +", "[+–+", "[+ – +").Replace(tr)
	for _, c := range []struct {
		name   string
		src    string
		syntax randomizer.Syntax
	}{{"textrandomizer", tr, randomizer.TextRandomizer}, {"spinwise", sw, randomizer.Spinwise}} {
		b.Run(c.name, func(b *testing.B) {
			s, err := randomizer.ParseSyntax(c.src, c.syntax)
			if err != nil {
				b.Fatal(err)
			}
			if s.Count().Int64() != 24576 {
				b.Fatalf("%v variants", s.Count())
			}
			r := rand.New(rand.NewPCG(1, 2))
			buf := make([]byte, 0, 1024)
			b.ReportAllocs()
			b.SetBytes(int64(len(c.src)))
			for b.Loop() {
				buf = s.AppendSpin(buf[:0], r)
			}
		})
	}
}

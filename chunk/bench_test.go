package chunk_test

import (
	"strings"
	"testing"

	"github.com/spinwise/spinwise/chunk"
	"mvdan.cc/xurls/v2"
)

// benchInputs are the texts BenchmarkSplit splits at the default limit.
func benchInputs(b *testing.B) []struct{ name, text string } {
	c := corpusTexts(b)
	news := c["long_news"]
	return []struct{ name, text string }{
		{"long_news", news},
		{"long_news_x16", strings.Repeat(news+"\n\n", 16)},
		{"ascii", strings.Repeat("We are open from 9 to 21, no days off. Book at https://salon.example.com today! ", 12)},
		{"cyrillic", strings.Repeat("Мы работаем с 9:00 до 21:00 без выходных, ул. Ленина, д. 5. Ждём вас! ", 12)},
		{"emoji", strings.Repeat("Спасибо 🙏🏽! Скидка 🔥🔥 до пятницы 👨\u200d👩\u200d👧 ждём 🇷🇺. ", 16)},
		{"one_long_word", strings.Repeat("ы", 2000)},
	}
}

// BenchmarkSplit splits each input at the default limit (300 runes); the
// xurls sub-benchmarks run one xurls.Relaxed().FindAllStringIndex over the
// same text, the cost the issue asks Split to beat.
func BenchmarkSplit(b *testing.B) {
	relaxed := xurls.Relaxed()
	for _, in := range benchInputs(b) {
		b.Run(in.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(in.text)))
			for b.Loop() {
				if _, err := chunk.Split(in.text, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	for _, in := range benchInputs(b) {
		b.Run("xurls/"+in.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(in.text)))
			for b.Loop() {
				relaxed.FindAllStringIndex(in.text, -1)
			}
		})
	}
}

// BenchmarkSplitUnits splits long_news at the default limit in each unit.
func BenchmarkSplitUnits(b *testing.B) {
	news := corpusTexts(b)["long_news"]
	for _, u := range []chunk.Unit{chunk.Runes, chunk.UTF16, chunk.Graphemes} {
		b.Run(u.String(), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(news)))
			opts := &chunk.Options{Unit: u}
			for b.Loop() {
				if _, err := chunk.Split(news, opts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkSentences splits each input into sentences.
func BenchmarkSentences(b *testing.B) {
	for _, in := range benchInputs(b) {
		b.Run(in.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(in.text)))
			for b.Loop() {
				if len(chunk.Sentences(in.text)) == 0 {
					b.Fatal("no sentences")
				}
			}
		})
	}
}

package linkcheck_test

import (
	"strings"
	"testing"

	"github.com/spinwise/spinwise/internal/corpus"
	"github.com/spinwise/spinwise/linkcheck"
	"mvdan.cc/xurls/v2"
)

// benchTexts are the corpus templates and a 5 KB Russian message with a few
// links, built from the long_news template.
func benchTexts() (names []string, texts map[string]string) {
	texts = map[string]string{}
	for _, n := range corpus.TemplateNames() {
		names = append(names, n)
		texts[n] = corpus.Template(n)
	}
	var b strings.Builder
	links := []string{"https://salon.example.ru/zapis?utm_source=whatsapp", "сайт.рф/акция", "bit.ly/3xYz", "info@salon.ru"}
	for i := 0; b.Len() < 5000; i++ {
		b.WriteString(corpus.Template("long_news"))
		b.WriteString(" Подробнее: ")
		b.WriteString(links[i%len(links)])
		b.WriteString(".\n")
	}
	names = append(names, "ru_5KB_links")
	texts["ru_5KB_links"] = b.String()
	return names, texts
}

// BenchmarkCheck runs Check and, side by side, xurls.Relaxed().FindAllStringIndex
// (finding only, no judging) on the same texts:
//
//	go test -run '^$' -bench 'BenchmarkCheck' -count 5 ./linkcheck/
func BenchmarkCheck(b *testing.B) {
	names, texts := benchTexts()
	c := linkcheck.New(nil)
	relaxed := xurls.Relaxed()
	for _, n := range names {
		text := texts[n]
		b.Run("ours/"+n, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(text)))
			for i := 0; i < b.N; i++ {
				c.Check(text)
			}
		})
		b.Run("xurls/"+n, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(text)))
			for i := 0; i < b.N; i++ {
				relaxed.FindAllStringIndex(text, -1)
			}
		})
	}
}

// BenchmarkNew measures New with options (list canonicalization); New(nil)
// returns a shared Checker.
func BenchmarkNew(b *testing.B) {
	opts := &linkcheck.Options{Block: []string{"competitor.ru", "spam.example"}, Allow: []string{"salon.ru"}}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		linkcheck.New(opts)
	}
}

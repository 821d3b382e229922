package chunk

import (
	"bufio"
	"fmt"
	"io/fs"
	"math/big"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/spinwise/spinwise/internal/corpus"
	"github.com/spinwise/spinwise/template"
)

// sameWalk fails unless walk and walkRef give the same result for text in
// every unit: every run with every field, start, end, startCum, total.
func sameWalk(t testing.TB, name, text string) {
	t.Helper()
	for _, u := range []Unit{Runes, UTF16, Graphemes} {
		want := walkRef(text, u)
		// Twice: the second walk may reuse the runs the first released
		// (runsPool), and must not see what they held.
		for range 2 {
			got := walk(text, u)
			if !slices.Equal(got.runs, want.runs) || got.start != want.start || got.end != want.end ||
				got.startCum != want.startCum || got.total != want.total {
				t.Fatalf("%s: walk(%q, %s) differs from the reference:\n got %s\nwant %s", name, text, u, dumpWalk(got), dumpWalk(want))
			}
			got.release()
		}
	}
}

func dumpWalk(w walked) string {
	var b strings.Builder
	fmt.Fprintf(&b, "start %d end %d startCum %d total %d, %d runs", w.start, w.end, w.startCum, w.total, len(w.runs))
	for _, r := range w.runs {
		fmt.Fprintf(&b, "\n  %+v", r)
	}
	return b.String()
}

// walkTexts returns the texts the differential test runs on, by name: the
// corpus templates as written and rendered for every sample contact, the
// files in testdata, the UD sentences one by one, two by two and as whole
// documents, and generated adversarial text.
func walkTexts(t testing.TB) map[string]string {
	out := map[string]string{}
	contacts := corpus.Contacts()
	for _, name := range corpus.TemplateNames() {
		src := corpus.Template(name)
		out["template "+name] = src
		tp, err := template.Parse(src, nil)
		if err != nil {
			t.Fatalf("template %s: %v", name, err)
		}
		count := tp.Count()
		for i, c := range contacts {
			v := new(big.Int).Mod(big.NewInt(int64(i*7919)), count)
			text, err := tp.RenderVariant(c, v)
			if err != nil {
				continue // some sample contacts lack a field the template needs
			}
			out[fmt.Sprintf("%s/contact %d/variant %v", name, i, v)] = text
		}
	}
	err := filepath.WalkDir("testdata", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(path, ".tsv") {
			return err
		}
		b, err := os.ReadFile(path)
		out[path] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, split := range []string{"dev", "test"} {
		f, err := os.Open(filepath.Join("testdata", "ud", split+".tsv"))
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		prevID, prev, doc := "", "", ""
		for n := 1; sc.Scan(); n++ {
			id, sent, _ := strings.Cut(sc.Text(), "\t")
			out[fmt.Sprintf("%s.tsv:%d", split, n)] = sent
			if prev != "" {
				out[fmt.Sprintf("%s.tsv:%d-%d", split, n-1, n)] = prev + " " + sent
				out[fmt.Sprintf("%s.tsv:%d-%d on two lines", split, n-1, n)] = prev + "\n" + sent
			}
			if id != prevID && doc != "" {
				out[split+".tsv "+prevID] = doc
				doc = ""
			}
			if doc != "" {
				doc += " "
			}
			doc += sent
			prevID, prev = id, sent
		}
		out[split+".tsv "+prevID] = doc
		f.Close()
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 3000 {
		out[fmt.Sprintf("adversarial %d", i)] = adversarial(rng, 1+rng.IntN(60))
	}
	return out
}

// walkPieces are what adversarial text is made of: words, punctuation,
// every kind of white space, and the runes that join a grapheme cluster
// to the one before or after.
var walkPieces = []string{
	"а", "слово", "Слово", "и", "по", "т.", "г.", "д.", "1.", "12)", "б)", "Я", "Не", "вы", "Вы", "тоже",
	"word", "Word", "a", "I.", "e.g.", "1905", "3,5", "—", "–", "-", "--", ".", "..", "...", "…", "!", "?",
	",", ";", ":", "(", ")", ")))", "((", ":)", ";-)", "«", "»", "\"", "“", "”", "„", "'", "#тег", "@anna",
	"https://x.ru/1", "www.a.b", "✅", "👉", "😊", "🙏🏽", "👨\u200d👩\u200d👧", "🇷🇺", "🇷", "#️⃣", "1\u20e3", "4\ufe0f\u20e3", "🔟", "☝🏻", "📍",
	" ", "  ", "\t", "\n", "\n\n", "\r", "\r\n", "\r\n\r\n", "\v", "\f", "\u0085", "\u00a0", "\u2007",
	"\u202f", "\u2028", "\u2029", "\u3000", "\u1680", "\u2003", "\u200b", "\ufeff",
	"\u0301", "\u0300\u0301", "\u200d", "\u200c", "\ufe0f", "\u093f", "\u0600", "\u0e33",
	"한", "\u1100", "\u1161", "\u11a8", "가", "각", "\U0001F3FB",
	"\xff", "\xc3", "\xd0", "\xe2\x80", "\xf0\x9f\x98", "\xed\xa0\x80", "\x80", "\xc0\xaf",
	"ё", "Ё", "ß", "é", "e\u0301", "ä", "ҍ", "\u0483", "\u0488", "\u052f", "\u0530", "\u2010", "\u2027",
	"\u2030", "\u205e", "\u205f", "\u20a0", "\u20c0", "\u20c1", "\u2100", "\u214f", "\u2150",
}

// adversarial returns n pieces joined, with or without a space between.
func adversarial(rng *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(walkPieces[rng.IntN(len(walkPieces))])
		if rng.IntN(3) == 0 {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// TestWalkMatchesReference holds walk to walkRef, the walk as it was
// before it was made faster, on every text of walkTexts.
func TestWalkMatchesReference(t *testing.T) {
	texts := walkTexts(t)
	if len(texts) < 10000 {
		t.Fatalf("only %d texts", len(texts))
	}
	t.Logf("%d texts", len(texts))
	for name, text := range texts {
		sameWalk(t, name, text)
	}
}

// TestHangingMatchesReference holds hanging, a switch now, to hangingRef,
// the map it was, on every word of the map in both cases and on the
// pieces of adversarial text.
func TestHangingMatchesReference(t *testing.T) {
	words := slices.Concat(walkPieces, []string{"", "Без", "БЕЗ", "Ко", "ко-", "ещё", "Что", "Как", "как,"})
	for w := range hangingWordsRef {
		r, n := utf8.DecodeRuneInString(w)
		words = append(words, w, string(unicode.ToUpper(r))+w[n:], strings.ToUpper(w), w+"x")
	}
	for _, w := range words {
		if got, want := hanging(w), hangingRef(w); got != want {
			t.Errorf("hanging(%q) = %v, hangingRef says %v", w, got, want)
		}
	}
}

// FuzzWalkMatchesReference holds walk to walkRef on any input.
func FuzzWalkMatchesReference(f *testing.F) {
	for _, text := range corpusSeeds(f) {
		f.Add(text)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 200 {
		f.Add(adversarial(rng, 1+rng.IntN(30)))
	}
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 8192 {
			return
		}
		sameWalk(t, "fuzz", text)
		if hanging(text) != hangingRef(text) {
			t.Fatalf("hanging(%q) = %v, hangingRef says %v", text, hanging(text), hangingRef(text))
		}
	})
}

// corpusSeeds returns the corpus templates as written and rendered for the
// first sample contact.
func corpusSeeds(t testing.TB) []string {
	var out []string
	for _, name := range corpus.TemplateNames() {
		src := corpus.Template(name)
		tp, err := template.Parse(src, nil)
		if err != nil {
			t.Fatalf("template %s: %v", name, err)
		}
		text, err := tp.RenderVariant(corpus.Contacts()[0], big.NewInt(0))
		if err != nil {
			t.Fatalf("template %s: %v", name, err)
		}
		out = append(out, src, text)
	}
	return out
}

// BenchmarkWalk times walk and, side by side, walkRef (the walk before it
// was made faster) on long texts in each unit.
func BenchmarkWalk(b *testing.B) {
	news := corpusSeeds(b)[2*slices.Index(corpus.TemplateNames(), "long_news")+1]
	for _, in := range []struct{ name, text string }{
		{"long_news", news},
		{"cyrillic", strings.Repeat("Мы работаем с 9:00 до 21:00 без выходных, ул. Ленина, д. 5. Ждём вас! ", 12)},
		{"ascii", strings.Repeat("We are open from 9 to 21, no days off. Book at https://salon.example.com today! ", 12)},
	} {
		for _, u := range []Unit{Runes, UTF16, Graphemes} {
			for _, impl := range []struct {
				name string
				walk func(string, Unit) walked
			}{{"ref", walkRef}, {"new", walk}} {
				b.Run(in.name+"/"+u.String()+"/"+impl.name, func(b *testing.B) {
					b.ReportAllocs()
					b.SetBytes(int64(len(in.text)))
					for b.Loop() {
						impl.walk(in.text, u)
					}
				})
			}
		}
	}
}

// TestConcurrentWalksShareNothing splits and finds the sentences of long
// texts from several goroutines at once, each run reusing the runs another
// released (runsPool), and wants what one goroutine alone gets. Run with
// -race, it also catches two walks writing one slice.
func TestConcurrentWalksShareNothing(t *testing.T) {
	var texts []string
	for _, s := range corpusSeeds(t) {
		texts = append(texts, s, strings.Repeat(s+"\n\n", 3))
	}
	type result struct {
		chunks    []string
		err       error
		sentences []string
	}
	want := make([]result, len(texts))
	for i, s := range texts {
		want[i].chunks, want[i].err = Split(s, &Options{Max: 80})
		want[i].sentences = Sentences(s)
	}
	errs := make(chan string, 8)
	for g := range 8 {
		go func() {
			for n := range 20 {
				i := (g + n) % len(texts)
				chunks, err := Split(texts[i], &Options{Max: 80})
				if !slices.Equal(chunks, want[i].chunks) || (err == nil) != (want[i].err == nil) {
					errs <- fmt.Sprintf("Split(text %d) = %q, %v; alone %q, %v", i, chunks, err, want[i].chunks, want[i].err)
					return
				}
				if got := Sentences(texts[i]); !slices.Equal(got, want[i].sentences) {
					errs <- fmt.Sprintf("Sentences(text %d) = %q; alone %q", i, got, want[i].sentences)
					return
				}
			}
			errs <- ""
		}()
	}
	for range 8 {
		if e := <-errs; e != "" {
			t.Error(e)
		}
	}
}

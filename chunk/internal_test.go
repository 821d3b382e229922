package chunk

import (
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/rivo/uniseg"

	"github.com/spinwise/spinwise/linkcheck"
)

// BenchmarkSplitOwn measures Split's own scanning with the link finder
// switched off, on a long_news-like text, to tell its cost apart from
// linkcheck's.
func BenchmarkSplitOwn(b *testing.B) {
	text := "Здравствуйте, Павел! С 1 декабря наш салон в г. Москва, ул. Ленина, д. 5 работает по новому графику: " +
		"с 9:00 до 21:00 без выходных. Мы расширили список услуг: теперь доступны массаж, уход за лицом и окрашивание " +
		"по технологии 3.5D.\n\nЗапись открыта на сайте https://salon.example.ru/zapis?utm_source=whatsapp&utm_campaign=dec " +
		"или по телефону +7 (999) 123-45-67. Мастер — А. С. Пушкина, стаж 12 лет, т.е. вы в надёжных руках. Первые 50 " +
		"клиентов получат скидку 15% до 31.12.2025.\n\nХотите записаться? Ответьте на это сообщение, и мы подберём время!"
	saved := findLinks
	defer func() { findLinks = saved }()
	findLinks = func(string) []linkcheck.Link { return nil }
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, err := Split(text, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// TestHostileInputs checks that inputs built to make a scanner rescan
// finish and keep the invariants cheap to reach: each is split into
// sentences and at a small limit and must return within the test's time.
func TestHostileInputs(t *testing.T) {
	for name, text := range map[string]string{
		"brackets":     strings.Repeat("(", 50000),
		"open braces":  strings.Repeat("{{", 25000),
		"bitrix":       strings.Repeat("{=", 25000),
		"stars":        strings.Repeat("*a ", 20000),
		"at signs":     strings.Repeat("a@", 25000),
		"digit groups": strings.Repeat("1 ", 25000),
		"dots":         strings.Repeat("т. ", 20000),
		"blank lines":  strings.Repeat("а\n\n", 20000),
		"backticks":    strings.Repeat("```a ", 10000),
		"combining":    "a" + strings.Repeat("\u0301", 20000),
		"placeholders": strings.Repeat("{{a}}", 20000),
		"unclosed":     strings.Repeat("{{\n", 20000) + "}}",
		"long pairs":   strings.Repeat("*abcdefghijklmnopqrstuvwxyz abcdefghijklmnopqrstuvwxyz* ", 2000),
		"long words":   strings.Repeat(strings.Repeat("ы", 120)+" ", 1000),
		"quotes":       "«" + strings.Repeat("а! ", 20000),
		"dashes":       strings.Repeat("Да? — ", 10000),
		"emoji":        strings.Repeat("Да! 😊 ", 10000),
		"smileys":      strings.Repeat("))) ", 20000),
		"hash tags":    strings.Repeat("Да! #a ", 10000),
		"bullet lines": strings.Repeat("✅\n", 20000),
		"symbol lines": "а\n" + strings.Repeat("😊\n", 20000),
	} {
		t.Run(name, func(t *testing.T) {
			if len(Sentences(text)) == 0 {
				t.Fatal("no sentences")
			}
			chunks, err := Split(text, &Options{Max: 50})
			if err != nil {
				if _, ok := err.(*SpanError); !ok {
					t.Fatalf("error %v, want nil or *SpanError", err)
				}
				return
			}
			if len(chunks) == 0 {
				t.Fatal("no chunks")
			}
		})
	}
}

// FuzzMeasure checks the fast path of the cluster walk (one rune per
// cluster between simple runes) against uniseg, and the rune and UTF-16
// counts against the standard library.
func FuzzMeasure(f *testing.F) {
	for _, s := range []string{"", "abc", "й", "и\u0306", "\r\n", "a\u0301\u0302b", "🇷🇺🇷🇺", "👨\u200d👩\u200d👧",
		"™\ufe0f", "Привет, мир! 👍🏽", "\xff\xfe", "a\u200db", "\u0483\u0400", "₽\u20d0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := measure(s, Graphemes), uniseg.GraphemeClusterCount(s); got != want {
			t.Errorf("measure(%q, Graphemes) = %d, uniseg says %d", s, got, want)
		}
		for _, u := range []Unit{Runes, UTF16, Graphemes} {
			w := walk(s, u)
			if want := uniseg.GraphemeClusterCount(s[:w.end]); u == Graphemes && w.total != want {
				t.Errorf("walk(%q, %s).total = %d, want %d", s, u, w.total, want)
			}
			if want := measure(s[:w.end], u); w.total != want {
				t.Errorf("walk(%q, %s).total = %d, want %d", s, u, w.total, want)
			}
		}
		if got, want := measure(s, Runes), utf8.RuneCountInString(s); got != want {
			t.Errorf("measure(%q, Runes) = %d, want %d", s, got, want)
		}
		u16 := 0
		for _, r := range s {
			u16 += len(utf16.Encode([]rune{r}))
		}
		if got := measure(s, UTF16); got != u16 {
			t.Errorf("measure(%q, UTF16) = %d, want %d", s, got, u16)
		}
	})
}

// checkFits fails when fits accepts text but disagrees with walk on where
// the trimmed text starts and ends, or on whether it is within max.
func checkFits(t *testing.T, text string, max int, u Unit) {
	t.Helper()
	start, end, ok := fits(text, max, u)
	if !ok {
		return
	}
	w := walk(text, u)
	if start == end && w.start == w.end {
		return // all white space
	}
	if start != w.start || end != w.end {
		t.Fatalf("fits(%q, %d, %v) trims to [%d:%d], walk to [%d:%d]", text, max, u, start, end, w.start, w.end)
	}
	if m := w.total - w.startCum; m > max {
		t.Fatalf("fits(%q, %d, %v) says it fits, walk measures %d", text, max, u, m)
	}
}

// TestFitsAgreesWithWalk: the shortcut Split takes for a text that fits
// trims it exactly as the full walk does, around clusters that join a
// space to a mark, CR LF, invalid bytes and characters beyond the BMP.
func TestFitsAgreesWithWalk(t *testing.T) {
	texts := []string{
		"", " ", " \t\n ", "Привет", "  Привет, мир!  ", "\r\nПривет\r\n", " \u0301Привет", "Привет \u0301",
		"Привет\u0600 ", "\u00a0Привет\u00a0", "\u3000Привет\u3000", "\u2028Привет\u2029", "😀 ", " 😀",
		" 👍🏽 ", "\xff Привет \xfe", " \r", "\r ", "a\r\n", " \u200dx", "x \u200d", "🇷🇺 🇷🇺", "\u0085x\u0085",
	}
	for _, text := range texts {
		for _, u := range []Unit{Runes, UTF16, Graphemes} {
			for _, max := range []int{1, 2, 3, 5, 8, 1000} {
				checkFits(t, text, max, u)
			}
		}
	}
}

// FuzzFits checks fits against walk on any input.
func FuzzFits(f *testing.F) {
	f.Add(" \u0301Привет ", 10)
	f.Add("\r\n😀\r\n", 3)
	f.Add("Привет\u0600 ", 7)
	f.Fuzz(func(t *testing.T, text string, max int) {
		if max < 1 || max > 1<<20 || len(text) > 1<<12 {
			return
		}
		for _, u := range []Unit{Runes, UTF16, Graphemes} {
			checkFits(t, text, max, u)
		}
	})
}

package campaign

import (
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

func cp1251(s string) []byte {
	b, err := charmap.Windows1251.NewEncoder().Bytes([]byte(s))
	if err != nil {
		panic(err)
	}
	return b
}

func TestLooksWindows1251(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   []byte
		want bool
		why  string
	}{
		{"cyrillic header", cp1251("key;Имя;Телефон"), true, "letters at 0xC0..0xFF"},
		{"ё and punctuation", cp1251("Ёлкина «Анна» — № 5"), true, "Ё, guillemets, dash and № are the code page's"},
		{"utf-8 russian", []byte("key;Имя;Телефон"), false, "valid UTF-8 is never Windows-1251 here"},
		{"ascii", []byte("key,name"), false, "no byte above 0x7F"},
		{"cut utf-8", []byte("Имя")[:5], false, "an incomplete rune at the end of a peek is not a fault"},
		{"latin-1", []byte("caf\xe9 na\xefve \xfcber"), false, "é ï ü fall in the letter range, but alone among ASCII letters, not in words"},
		{"control bytes", []byte("key,\x80\x81\x82\x83"), false, "0x80..0x9F are not letters"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := looksWindows1251(tc.in); got != tc.want {
				t.Errorf("looksWindows1251(%q) = %v, want %v: %s", tc.in, got, tc.want, tc.why)
			}
		})
	}
}

// FuzzLooksWindows1251: valid UTF-8 never looks like Windows-1251, and
// Cyrillic text encoded in Windows-1251 always does.
func FuzzLooksWindows1251(f *testing.F) {
	f.Add("Привет, Анна!")
	f.Add("key;Имя\nc1;Ёлкина")
	f.Fuzz(func(t *testing.T, s string) {
		if utf8.ValidString(s) && looksWindows1251([]byte(s)) {
			t.Fatalf("valid UTF-8 %q looks like Windows-1251", s)
		}
		var word []rune
		for _, r := range s {
			if r >= 'А' && r <= 'я' {
				word = append(word, r)
			}
		}
		if len(word) > 1 && !looksWindows1251(cp1251(string(word))) {
			t.Fatalf("Cyrillic %q in Windows-1251 does not look so", string(word))
		}
	})
}

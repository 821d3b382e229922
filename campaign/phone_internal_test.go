package campaign

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/nyaruka/phonenumbers"
)

// oracle is phonenumbers' reading of s in Russia: the E.164 form, and
// whether it is a valid mobile number of Russia.
func oracle(s string) (string, bool) {
	n, err := phonenumbers.Parse(s, "RU")
	if err != nil || !phonenumbers.IsValidNumber(n) {
		return "", false
	}
	return phonenumbers.Format(n, phonenumbers.E164),
		phonenumbers.GetNumberType(n) == phonenumbers.MOBILE && phonenumbers.GetRegionCodeForNumber(n) == "RU"
}

// checkFast fails when the fast path reads s and phonenumbers does not
// agree: the same E.164, a valid Russian mobile.
func checkFast(t *testing.T, s string) bool {
	nat, ok := fastRU(s)
	if !ok {
		return false
	}
	got := e164RU(nat)
	want, mobile := oracle(s)
	if got != want || !mobile {
		t.Fatalf("fastRU(%q) = %s; phonenumbers says %q, a Russian mobile: %v", s, got, want, mobile)
	}
	return true
}

// TestFastPathAgrees: every code 900-999, in every format the fast path
// takes, against phonenumbers.
func TestFastPathAgrees(t *testing.T) {
	formats := []string{"+7 %s %s-%s-%s", "8 (%s) %s-%s-%s", "7%s%s%s%s", "%s%s%s%s", "8-%s-%s-%s-%s", "+7(%s)%s%s%s", "8.%s.%s.%s.%s", " %s %s %s %s "}
	taken := 0
	for code := 900; code <= 999; code++ {
		for _, sub := range []string{"0000000", "1234567", "9999999", "5550135"} {
			for _, f := range formats {
				s := fmt.Sprintf(f, fmt.Sprint(code), sub[:3], sub[3:5], sub[5:])
				if !checkFast(t, s) {
					t.Fatalf("fastRU(%q) is not ok: the fast path misses a common format", s)
				}
				taken++
			}
		}
	}
	// Odd punctuation the fast path takes: phonenumbers must agree.
	for _, s := range []string{"---89991234567---", ".9991234567.", "8(9991234567", "7)999(1234567", "((+7))999 123 45 67", "+ 7 999 123 45 67", "  +7...999...1234567", "8 999 123 45 67 )", "(8) 999 123-45-67", "8-(999)-123-45-67", "+7 (999)-123.45.67", "9 9 9 1 2 3 4 5 6 7", "+(7)9991234567"} {
		if !checkFast(t, s) {
			t.Logf("fastRU(%q) leaves it to phonenumbers", s)
		}
	}
	// What the fast path leaves to phonenumbers.
	for _, s := range []string{"+8 999 123 45 67", "+9991234567", "8 495 123 45 67", "++7 999 123 45 67", "8 999 123 45 6", "+7 999 123 45 678", "тел. 89991234567", "7 701 123 45 67", "8\u00a0999\u00a0123\u00a045\u00a067"} {
		if _, ok := fastRU(s); ok {
			t.Fatalf("fastRU(%q) is ok; it must go to phonenumbers", s)
		}
	}
	t.Logf("%d numbers read by the fast path, all as phonenumbers reads them", taken)
}

// FuzzFastPath: whatever the fast path reads, phonenumbers reads the same
// way, as a valid Russian mobile; ParsePhone never panics and gives E.164.
func FuzzFastPath(f *testing.F) {
	for _, s := range []string{"8 (999) 123-45-67", "+79991234567", "9991234567", "8..999..123", "(((999)))1234567", "+7-999-123-45-67.", "7 (999) 123-45-67", "89991234567 #12"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkFast(t, s)
		p, err := ParsePhone(s, "")
		if err == nil && (!strings.HasPrefix(p.E164, "+") || len(p.E164) > 16 || p.Count < 1) {
			t.Fatalf("ParsePhone(%q) = %+v", s, p)
		}
		if err != nil {
			if pe, ok := err.(*PhoneError); !ok || pe.Reason == "" || pe.Text != s {
				t.Fatalf("ParsePhone(%q): %#v", s, err)
			}
		}
	})
}

// TestPhoneSet: the first key is kept, cut to maxFirstKey bytes at a rune
// boundary, across blocks.
func TestPhoneSet(t *testing.T) {
	var s phoneSet
	long := strings.Repeat("ключ", 30) // 240 bytes
	for i := range 5000 {
		if _, dup := s.see(uint64(i), fmt.Sprintf("%s%d", long, i)); dup {
			t.Fatalf("phone %d seen before", i)
		}
	}
	if len(s.blocks) < 2 {
		t.Fatalf("%d blocks; the test must cross a block", len(s.blocks))
	}
	for _, i := range []int{0, 1, 4999} {
		first, dup := s.see(uint64(i), "other")
		if !dup || first != truncate(long, maxFirstKey) {
			t.Fatalf("phone %d: first %q, %v", i, first, dup)
		}
	}
	if k := truncate(long, maxFirstKey); len(k) > maxFirstKey || !strings.HasPrefix(long, k) || len(k) < maxFirstKey-3 {
		t.Fatalf("truncate: %q", k)
	}
}

// BenchmarkPhoneSet measures duplicate detection's memory: the heap a set
// of n distinct phones keeps (keys of 8 bytes, as "s0000001"), in bytes a
// phone, the bound phoneSet documents.
func BenchmarkPhoneSet(b *testing.B) {
	for _, n := range []int{100_000, 1_000_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			var perPhone float64
			for b.Loop() {
				var before, after runtime.MemStats
				runtime.GC()
				runtime.ReadMemStats(&before)
				var s phoneSet
				for i := range n {
					s.see(79_000_000_000+uint64(i)*7919%1_000_000_000, fmt.Sprintf("s%07d", i))
				}
				runtime.GC()
				runtime.ReadMemStats(&after)
				perPhone = float64(after.HeapAlloc-before.HeapAlloc) / float64(n)
				runtime.KeepAlive(&s)
			}
			b.ReportMetric(perPhone, "heap-bytes/phone")
		})
	}
}

// BenchmarkParsePhone is one number read: ParsePhone (the fast path where
// it applies) beside phonenumbers.Parse + IsValidNumber + GetNumberType +
// Format, what a caller of phonenumbers alone would do.
func BenchmarkParsePhone(b *testing.B) {
	for _, in := range []string{"8 (999) 123-45-67", "+7 999 123 45 67", "79991234567", "8 (495) 123-45-67", "8-999-1234567 доб. 12", "+375 29 123 45 67"} {
		b.Run("spinwise/"+in, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ParsePhone(in, "RU"); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("phonenumbers/"+in, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				n, err := phonenumbers.Parse(in, "RU")
				if err != nil || !phonenumbers.IsValidNumber(n) {
					b.Fatal(err)
				}
				_ = phonenumbers.GetNumberType(n)
				_ = phonenumbers.Format(n, phonenumbers.E164)
			}
		})
	}
}

// FuzzLowerName: lowerName is strings.ToLower, for every name.
func FuzzLowerName(f *testing.F) {
	for _, s := range []string{"Мобильный Телефон", "ЁЛКА ёлка", "PHONE", "Контакт: Телефон", "Τηλέφωνο", "\xd0", "Ж\xd0", strings.Repeat("Я", 60)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var buf [96]byte
		if got, want := string(lowerName(s, &buf)), strings.ToLower(s); got != want && utf8.ValidString(s) {
			t.Fatalf("lowerName(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestLowerNameAlphabet: every Russian capital, against strings.ToLower.
func TestLowerNameAlphabet(t *testing.T) {
	var b strings.Builder
	for r := 'А'; r <= 'я'; r++ {
		b.WriteRune(r)
	}
	b.WriteString("ЁёABCxyz: 09")
	var buf [96]byte
	for _, s := range []string{b.String()[:90], b.String()[90:]} {
		if got, want := string(lowerName(s, &buf)), strings.ToLower(s); got != want {
			t.Fatalf("lowerName(%q) = %q, want %q", s, got, want)
		}
	}
}

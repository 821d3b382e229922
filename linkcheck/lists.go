package linkcheck

import (
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/net/publicsuffix"
	"mvdan.cc/xurls/v2"
)

// shortenerData is the shipped shortener list: one domain a line, sorted.
// Source and licence: data/SOURCE.md and data/LICENSE.
//
//go:embed data/link-shorteners.txt
var shortenerData string

// extraShortenerData holds the shorteners spinwise adds to the shipped
// list, one a line, each with its reason after '#'.
//
//go:embed data/link-shorteners-extra.txt
var extraShortenerData string

// set is a set of canonical domains; the nil set is empty. The value is
// true for an entry that must match only itself, not its subdomains.
type set map[string]bool

// matches reports whether host or one of its parent domains (on label
// boundaries) is in s.
func (s set) matches(host string) bool {
	if len(s) == 0 {
		return false
	}
	return matchSuffix(host, func(d string) bool {
		exact, ok := s[d]
		return ok && (!exact || d == host)
	})
}

// matchSuffix calls in for host and for each suffix of host that starts
// after a dot, and reports whether one of the calls returned true.
func matchSuffix(host string, in func(string) bool) bool {
	for {
		if in(host) {
			return true
		}
		i := strings.IndexByte(host, '.')
		if i < 0 {
			return false
		}
		host = host[i+1:]
	}
}

// newSet canonicalizes list entries (see Options) into a set. With
// registrable, an entry that is a public suffix ("gov.tw", "tk", "x.se":
// the shipped shortener list holds such entries) matches only itself: its
// subdomains belong to unrelated owners.
func newSet(entries []string, registrable bool) set {
	if len(entries) == 0 {
		return nil
	}
	s := make(set, len(entries))
	for _, e := range entries {
		if h := canonEntry(e); h != "" {
			exact := false
			if registrable {
				ps, _ := publicsuffix.PublicSuffix(h)
				exact = ps == h
			}
			s[h] = exact
		}
	}
	return s
}

// canonEntry turns a list entry into a canonical host, or "".
func canonEntry(e string) string {
	e = strings.TrimRight(strings.TrimSpace(e), ",;")
	if i := strings.Index(e, "://"); i >= 0 {
		e = e[i+3:]
	}
	if i := strings.IndexAny(e, "/?#"); i >= 0 {
		e = e[:i]
	}
	if i := strings.LastIndexByte(e, '@'); i >= 0 {
		e = e[i+1:]
	}
	if i := strings.LastIndexByte(e, ':'); i >= 0 && !strings.HasSuffix(e, "]") {
		e = e[:i] // a port
	}
	e = strings.TrimPrefix(e, "*")
	e = strings.TrimLeft(e, ".")
	if e == "" {
		return ""
	}
	h := canonHost(e)
	if h.invalid {
		return ""
	}
	return h.host
}

// shipped is the embedded shortener lists as a set.
var shipped = sync.OnceValue(func() set {
	lines := strings.Split(strings.TrimSpace(shortenerData), "\n")
	return newSet(append(lines, listEntries(extraShortenerData)...), true)
})

// listEntries returns the entries of a list file: one a line, without
// what follows '#'; blank lines and comment lines are skipped.
func listEntries(data string) []string {
	var out []string
	for line := range strings.Lines(data) {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	return out
}

// tlds holds every public TLD (xurls.TLDs), in Unicode form for
// internationalized TLDs ("рф") and also in punycode ("xn--p1ai").
var tlds = sync.OnceValue(func() map[string]struct{} {
	m := make(map[string]struct{}, 2*len(xurls.TLDs))
	for _, t := range xurls.TLDs {
		m[t] = struct{}{}
		if !isASCII(t) {
			if a, err := idnaProfile.ToASCII(t); err == nil {
				m[a] = struct{}{}
			}
		}
	}
	return m
})

// isTLD reports whether label (as written: any case, no zero-width
// characters) is a public TLD. It does not allocate.
func isTLD(label string) bool {
	var buf [64]byte
	n := 0
	for _, r := range label {
		r = toLower(r)
		if n+utf8.RuneLen(r) > len(buf) || r == utf8.RuneError {
			return false
		}
		n += utf8.EncodeRune(buf[n:], r)
	}
	_, ok := tlds()[string(buf[:n])]
	return ok
}

// abbreviations are Russian abbreviations that end in a dot and are often
// written without a space before a word that happens to be a Cyrillic TLD:
// "г.Москва", "пр.Онлайн", "напр.сайт". The labels of a bare host that
// are one of these (or any single Cyrillic letter: "т.е.", "т.к.", "и.о.")
// and come before the rest of it are no part of the host (see scanner.bare).
var abbreviations = map[string]bool{
	// addresses
	"ул": true, "пр": true, "пер": true, "пл": true, "обл": true, "стр": true,
	"корп": true, "мкр": true, "наб": true, "бул": true, "просп": true, "пр-т": true,
	"ш": true, "пос": true, "дер": true, "респ": true, "р-н": true, "туп": true,
	"пгт": true, "зд": true, "пом": true, "влад": true, "вл": true, "кв": true,
	"оф": true, "эт": true, "каб": true, "отд": true, "комн": true,
	// money, quantities, units
	"руб": true, "коп": true, "тыс": true, "млн": true, "млрд": true, "трлн": true,
	"долл": true, "шт": true, "уп": true, "ед": true, "чел": true, "мин": true,
	"сек": true, "час": true, "сут": true, "мес": true, "кг": true, "км": true,
	// references in running text
	"см": true, "ср": true, "напр": true, "прим": true, "рис": true, "табл": true,
	"гл": true, "ст": true, "пп": true, "др": true, "пр-во": true, "тел": true,
	"доб": true, "исх": true, "вх": true, "изд": true, "англ": true, "рус": true,
	"лат": true, "вкл": true, "искл": true, "гг": true, "вв": true, "нач": true,
	// people and titles
	"им": true, "гр": true, "св": true, "тов": true, "г-н": true, "г-жа": true,
	"зам": true, "зав": true, "проф": true, "доц": true, "акад": true, "ген": true,
	"дир": true, "рук": true, "ред": true, "сост": true,
	// dates
	"янв": true, "февр": true, "фев": true, "мар": true, "апр": true, "июн": true,
	"июл": true, "авг": true, "сент": true, "сен": true, "окт": true, "нояб": true,
	"ноя": true, "дек": true, "пн": true, "вт": true, "чт": true, "пт": true,
	"сб": true, "вс": true, "нед": true,
}

// isAbbreviation reports whether label, lower-cased, is in abbreviations or
// is a single Cyrillic letter. It does not allocate.
func isAbbreviation(label string) bool {
	r, n := utf8.DecodeRuneInString(label)
	if !isCyrillic(r) {
		return false
	}
	if n == len(label) {
		return true
	}
	var buf [32]byte
	k := 0
	for _, r := range label {
		r = toLower(r)
		if k+utf8.RuneLen(r) > len(buf) {
			return false
		}
		k += utf8.EncodeRune(buf[k:], r)
	}
	return abbreviations[string(buf[:k])]
}

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

// shipped is the embedded shortener list as a set.
var shipped = sync.OnceValue(func() set {
	lines := strings.Split(strings.TrimSpace(shortenerData), "\n")
	return newSet(lines, true)
})

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
// "г.Москва", "пр.Онлайн". A bare two-label host whose first label is one
// of these (or any single Cyrillic letter) is not a link.
var abbreviations = map[string]bool{
	"ул": true, "пр": true, "пер": true, "пл": true, "им": true, "обл": true,
	"стр": true, "корп": true, "мкр": true, "наб": true, "бул": true, "просп": true,
	"тел": true, "руб": true, "коп": true, "тыс": true, "млн": true, "млрд": true,
	"см": true, "ст": true, "гр": true, "св": true, "вл": true, "пос": true,
	"дер": true, "респ": true, "отд": true, "каб": true, "оф": true, "эт": true,
	"кв": true, "д": true, "г": true, "т": true, "др": true, "пр-т": true, "ш": true,
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

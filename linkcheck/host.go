package linkcheck

import (
	"net/netip"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/idna"
)

// idnaProfile maps hosts as a browser's lookup does (UTS #46, non-transitional,
// Bidi rule), but lets '_' through: hosts with underscores exist, and the
// characters a host may hold are checked by validASCIIHost instead.
var idnaProfile = idna.New(idna.MapForLookup(), idna.BidiRule(), idna.Transitional(false), idna.StrictDomainName(false))

// hostInfo is a canonical host and what was found while canonicalizing it.
type hostInfo struct {
	host      string // canonical host, or "" when invalid
	unicode   string // the host in Unicode form, for messages; "" when it equals host
	disguised bool   // written with [.], (dot), " точка ", 。, ．, ...
	zeroWidth bool   // zero-width characters inside
	escaped   bool   // %-escapes inside
	invalid   bool   // not a valid host name after all
	ip        bool   // an IPv4 or IPv6 address
	mixed     bool   // a label mixes Latin with Cyrillic or Greek, or is all Cyrillic look-alikes of Latin letters under a Latin TLD
	lookalike bool   // a label mixes Latin with another script, or holds a Latin-looking letter that is not one or a combining mark
	compat    bool   // written with characters (fullwidth letters, ligatures) that map to plain ASCII
}

// canonHost canonicalizes a host as written (without userinfo or port) the
// way a browser would: disguises removed, %-escapes decoded, IPv4 in any
// notation to dotted decimal, lower case, no trailing dot, IDNA to punycode.
func canonHost(raw string) hostInfo {
	var h hostInfo
	s := raw
	if needsDefang(s) {
		s, h.disguised, h.zeroWidth = defang(s)
	}
	if strings.IndexByte(s, '%') >= 0 {
		h.escaped = true
		var ok bool
		if s, ok = unescapeHost(s); !ok {
			h.invalid = true
			return h
		}
		if needsDefang(s) {
			var d, z bool
			s, d, z = defang(s)
			h.disguised = h.disguised || d
			h.zeroWidth = h.zeroWidth || z
		}
	}
	if strings.HasPrefix(s, "[") {
		if !strings.HasSuffix(s, "]") {
			h.invalid = true
			return h
		}
		a, err := netip.ParseAddr(s[1 : len(s)-1])
		if err != nil || !a.Is6() {
			h.invalid = true
			return h
		}
		h.ip, h.host = true, "["+a.WithZone("").String()+"]"
		return h
	}
	s = strings.TrimSuffix(s, ".")
	if s == "" {
		h.invalid = true
		return h
	}
	if a, isIP, ok := parseIPv4(s); isIP {
		if !ok {
			h.invalid = true
			return h
		}
		h.ip, h.host = true, a
		return h
	}
	nonASCII := !isASCII(s)
	var ascii string
	if !nonASCII && isLowerASCIIHost(s) {
		ascii = s
	} else {
		var err error
		ascii, err = idnaProfile.ToASCII(s)
		// An ASCII host only changes case in IDNA; any other change means a
		// malformed punycode label ("xn--0000-" decodes to plain digits).
		if err != nil || !nonASCII && ascii != strings.ToLower(s) {
			h.invalid = true
			return h
		}
		// A browser looks for an IPv4 address again after IDNA mapping:
		// fullwidth digits become digits.
		if a, isIP, ok := parseIPv4(ascii); isIP {
			h.ip, h.host, h.invalid = ok, a, !ok
			if !ok {
				h.host = ""
			}
			return h
		}
	}
	if !validASCIIHost(ascii) {
		h.invalid = true
		return h
	}
	if nonASCII && !strings.Contains(ascii, "xn--") {
		h.compat = true
	}
	if nonASCII || strings.Contains(ascii, "xn--") {
		if u, err := idnaProfile.ToUnicode(ascii); err == nil {
			h.mixed = confusable(u)
			h.lookalike = !h.mixed && lookalike(u)
			if u != ascii {
				h.unicode = u
			}
		} else {
			h.invalid = true
			return h
		}
	}
	h.host = ascii
	return h
}

// isLowerASCIIHost reports whether s holds only [a-z0-9._-], so that IDNA
// has nothing to do.
func isLowerASCIIHost(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '.' || c == '_') {
			return false
		}
	}
	return true
}

// validASCIIHost reports whether s is a host name a browser would look up:
// labels of [a-z0-9_-], 1 to 63 bytes, not starting or ending with '-', at
// most 253 bytes in all.
func validASCIIHost(s string) bool {
	if len(s) == 0 || len(s) > 253 {
		return false
	}
	for rest := s; ; {
		label := rest
		i := strings.IndexByte(rest, '.')
		if i >= 0 {
			label, rest = rest[:i], rest[i+1:]
		}
		if len(label) == 0 || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		for k := 0; k < len(label); k++ {
			c := label[k]
			if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '_') {
				return false
			}
		}
		if i < 0 {
			return true
		}
	}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// parseIPv4 parses s as a browser parses an IPv4 host (WHATWG URL
// standard): when the last label is a number, the host is an IPv4 address
// of 1 to 4 parts, each decimal, octal (leading 0) or hex (0x); the last
// part fills the remaining bytes. isIP reports that s must be an IPv4
// address; ok that it is a valid one, then a is its dotted-decimal form.
func parseIPv4(s string) (a string, isIP, ok bool) {
	if !isNumber(s[strings.LastIndexByte(s, '.')+1:]) {
		return "", false, false
	}
	parts := strings.Split(s, ".")
	if len(parts) > 4 {
		return "", true, false
	}
	var nums [4]uint64
	for i, p := range parts {
		n, ok := parseIPv4Part(p)
		if !ok {
			return "", true, false
		}
		nums[i] = n
	}
	last := len(parts) - 1
	for i := 0; i < last; i++ {
		if nums[i] > 255 {
			return "", true, false
		}
	}
	if nums[last] >= 1<<(8*(4-last)) {
		return "", true, false
	}
	v := nums[last]
	for i := 0; i < last; i++ {
		v += nums[i] << (8 * (3 - i))
	}
	return itoa(int(v>>24)) + "." + itoa(int(v>>16&255)) + "." + itoa(int(v>>8&255)) + "." + itoa(int(v&255)), true, true
}

// isNumber reports whether p looks like an IPv4 part: decimal digits, or
// 0x followed by hex digits (possibly none).
func isNumber(p string) bool {
	if p == "" {
		return false
	}
	if len(p) >= 2 && p[0] == '0' && (p[1] == 'x' || p[1] == 'X') {
		for i := 2; i < len(p); i++ {
			if !isHex(p[i]) {
				return false
			}
		}
		return true
	}
	for i := 0; i < len(p); i++ {
		if p[i] < '0' || p[i] > '9' {
			return false
		}
	}
	return true
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// parseIPv4Part parses one part; values beyond 2^32 are reported invalid.
func parseIPv4Part(p string) (uint64, bool) {
	base := uint64(10)
	switch {
	case len(p) >= 2 && p[0] == '0' && (p[1] == 'x' || p[1] == 'X'):
		base, p = 16, p[2:]
	case len(p) >= 2 && p[0] == '0':
		base, p = 8, p[1:]
	}
	var n uint64
	for i := 0; i < len(p); i++ {
		var d uint64
		c := p[i]
		switch {
		case '0' <= c && c <= '9':
			d = uint64(c - '0')
		case 'a' <= c && c <= 'f':
			d = uint64(c-'a') + 10
		case 'A' <= c && c <= 'F':
			d = uint64(c-'A') + 10
		}
		if d >= base {
			return 0, false
		}
		n = n*base + d
		if n > 1<<32 {
			return 0, false
		}
	}
	return n, true
}

// needsDefang reports whether s may hold a disguised dot or a zero-width
// character.
func needsDefang(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '[', '(', '{', ' ', '\t', 0xE2, 0xE3, 0xEF, 0xC2, 0xE1:
			return true
		}
	}
	return false
}

// defang replaces disguised dots with '.' and drops zero-width characters.
func defang(s string) (out string, disguised, zeroWidth bool) {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		if n, kind := sepAt(s, i); n > 0 && kind >= sepDisguised {
			b.WriteByte('.')
			disguised = true
			i += n
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if isZeroWidth(r) {
			zeroWidth = true
			i += size
			continue
		}
		b.WriteString(s[i : i+size])
		i += size
	}
	return b.String(), disguised, zeroWidth
}

// unescapeHost decodes %-escapes in a host; ok is false for a malformed
// escape or a decoded byte that is a control character or invalid UTF-8.
func unescapeHost(s string) (string, bool) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '%' {
			b.WriteByte(c)
			continue
		}
		if i+2 >= len(s) || !isHex(s[i+1]) || !isHex(s[i+2]) {
			return "", false
		}
		v := unhex(s[i+1])<<4 | unhex(s[i+2])
		if v < 0x20 || v == 0x7f {
			return "", false
		}
		b.WriteByte(v)
		i += 2
	}
	out := b.String()
	return out, utf8.ValidString(out)
}

// unescapeLoose decodes the valid %-escapes of s and keeps the rest as is.
func unescapeLoose(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			b.WriteByte(unhex(s[i+1])<<4 | unhex(s[i+2]))
			i += 2
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func unhex(c byte) byte {
	switch {
	case '0' <= c && c <= '9':
		return c - '0'
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}

// latinLookalikes are Cyrillic letters that look like Latin ones in common
// fonts (lower case, as IDNA maps them).
const latinLookalikes = "аеорсухіјѕԁһӏԛԝҽпкгъьѵѡ"

// confusable reports whether a host in Unicode form (lower case, after IDNA
// mapping) has a label mixing Latin with Cyrillic or Greek letters, or a
// label written all in Cyrillic letters that look Latin while the TLD is
// not Cyrillic ("аррӏе.com"). An all-Cyrillic host under a Cyrillic TLD
// ("сайт.рф") is fine.
func confusable(u string) bool {
	labels := strings.Split(u, ".")
	tld := labels[len(labels)-1]
	first, _ := utf8.DecodeRuneInString(tld)
	tldCyr := isCyrillic(first)
	for _, label := range labels {
		var latin, cyr, greek, other bool
		allLook := true
		for _, r := range label {
			switch {
			case r < utf8.RuneSelf:
				if 'a' <= r && r <= 'z' {
					latin = true
				}
			case unicode.Is(unicode.Latin, r):
				latin = true
			case isCyrillic(r):
				cyr = true
				if !strings.ContainsRune(latinLookalikes, r) {
					allLook = false
				}
			case unicode.Is(unicode.Greek, r):
				greek = true
			case unicode.IsLetter(r):
				other = true
			}
		}
		if latin && (cyr || greek) || cyr && greek {
			return true
		}
		if cyr && allLook && !tldCyr && !other {
			return true
		}
	}
	return false
}

// latinClones are letters outside ASCII drawn like ASCII letters in
// common fonts, which no language writes words with: dotless ȷ, script ɡ
// and ɑ, ɩ, ǀ, and the small capitals. (Dotless ı is not here: Turkish and
// Azerbaijani domains spell with it, "kırmızı.com.tr".)
const latinClones = "ȷɡɑɩǀɪʏʀɢʜʟɴᴀᴄᴅᴇᴊᴋᴍᴏᴘᴛᴜᴠᴡᴢꜱ"

// lookalike reports whether a host in Unicode form (lower case, after IDNA
// mapping, so NFC) has a label that mixes Latin letters with a script other
// than Cyrillic and Greek (which confusable reports) and the scripts
// written beside Latin in East Asia ("gօօgle" with Armenian օ), holds a
// letter of latinClones ("ɡoogle"), or keeps a combining mark beside Latin
// letters that NFC could not compose ("bi̇t": i and a dot above).
func lookalike(u string) bool {
	for _, label := range strings.Split(u, ".") {
		var latin, other, mark bool
		for _, r := range label {
			switch {
			case r < utf8.RuneSelf:
				latin = latin || 'a' <= r && r <= 'z'
			case strings.ContainsRune(latinClones, r):
				return true
			case unicode.Is(unicode.Latin, r):
				latin = true
			case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r):
				mark = true
			case isCyrillic(r), unicode.Is(unicode.Greek, r):
			case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Bopomofo):
			case unicode.IsLetter(r):
				other = true
			}
		}
		if latin && (other || mark) {
			return true
		}
	}
	return false
}

func isCyrillic(r rune) bool {
	return 0x400 <= r && r <= 0x52F || unicode.Is(unicode.Cyrillic, r)
}

// isZeroWidth reports whether r is an invisible character that is used to
// hide a link from filters: zero-width space, joiners, word joiner, BOM,
// soft hyphen, Mongolian vowel separator, invisible operators.
func isZeroWidth(r rune) bool {
	switch r {
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u180e',
		'\u2061', '\u2062', '\u2063', '\u2064':
		return true
	}
	return false
}

// toLower lower-cases a rune with an ASCII fast path.
func toLower(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	return unicode.ToLower(r)
}

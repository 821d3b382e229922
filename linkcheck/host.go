package linkcheck

import (
	"net/netip"
	"strings"
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

// needsDefang reports whether s may hold a disguised dot or a zero-width
// character.
func needsDefang(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '[', '(', '{', ' ', '\t', 0xE2, 0xE3, 0xEF, 0xC2, 0xE1, 0xCD, 0xD8, 0xF0, 0xF3:
			return true
		}
	}
	return false
}

// defang replaces disguised dots with '.' and drops invisible characters
// (see isZeroWidth). They count as hidden (zeroWidth) unless they are part
// of an emoji: a variation selector or a zero-width joiner after a symbol
// ("❤️", "👨‍💻"), which a reader sees as the emoji.
func defang(s string) (out string, disguised, zeroWidth bool) {
	var b strings.Builder
	b.Grow(len(s))
	emoji := false // the previous rune is a symbol, or part of an emoji after one
	for i := 0; i < len(s); {
		if n, kind := sepAt(s, i); n > 0 && kind >= sepDisguised {
			b.WriteByte('.')
			disguised = true
			i += n
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if isZeroWidth(r) {
			if !emoji || !isVariationSelector(r) && r != '\u200d' {
				zeroWidth = true
			}
			i += size
			continue
		}
		emoji = isSymbol(r)
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

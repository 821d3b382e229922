package linkcheck

import (
	"strings"
)

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

package linkcheck

import (
	"strings"
	"unicode/utf8"
)

// labelStart returns the start of the label that ends at i, or -1. Leading
// '-', '_' and zero-width characters are not part of it.
func (s *scanner) labelStart(i int) int {
	msg := s.msg
	j := i
	for j > s.last {
		r, size := utf8.DecodeLastRuneInString(msg[:j])
		if !isLabelRune(r) && !isZeroWidth(r) && r != '_' {
			break
		}
		j -= size
		if i-j > maxLabelLen {
			s.work += i - j
			return -1
		}
	}
	s.work += i - j
	for j < i {
		r, size := utf8.DecodeRuneInString(msg[j:])
		if r != '-' && r != '_' && !isZeroWidth(r) {
			break
		}
		j += size
	}
	if j > 0 && j == s.last && j < len(msg) {
		// The previous link ends right here: the label would glue onto it.
		if r, _ := utf8.DecodeLastRuneInString(msg[:j]); isLabelRune(r) {
			return -1
		}
	}
	return j
}

// labelEnd returns the end of the label that starts at i and whether it
// holds zero-width characters; trailing '_' and zero-width characters are
// not part of it. It returns i for no label or one longer than maxLabelLen
// bytes.
func labelEnd(msg string, i int) (end int, zw bool) {
	j, end := i, i
	for j < len(msg) {
		r, size := utf8.DecodeRuneInString(msg[j:])
		if isLabelRune(r) {
			j += size
			end = j
		} else if r == '_' {
			// Inside a label only: "my_sub.site.ru" (browsers accept it),
			// not the markup of "_salon.ru_".
			j++
		} else if isZeroWidth(r) {
			j += size
			zw = true
		} else {
			break
		}
		if j-i > maxLabelLen {
			return i, false
		}
	}
	if zw && !strings.ContainsFunc(msg[i:end], isZeroWidth) {
		zw = false
	}
	return end, zw
}

// labelBack returns the start of the label (label characters and
// zero-width characters) that ends at i, not before lo.
func labelBack(msg string, lo, i int) int {
	j := i
	for j > lo && i-j <= maxLabelLen {
		r, size := utf8.DecodeLastRuneInString(msg[:j])
		if !isLabelRune(r) && !isZeroWidth(r) {
			break
		}
		j -= size
	}
	return j
}

// skipZeroWidth returns the end of the run of zero-width characters at i,
// at most maxLabelLen bytes long.
func skipZeroWidth(msg string, i int) int {
	j := i
	for j < len(msg) && j-i < maxLabelLen {
		r, size := utf8.DecodeRuneInString(msg[j:])
		if !isZeroWidth(r) {
			break
		}
		j += size
	}
	return j
}

// labels is a run of host labels and the separators between them.
type labels struct {
	n          int
	start, end [maxLabels]int
	sep        [maxLabels]sepKind // how the separator after label k is written
	zw         bool               // a label holds zero-width characters
	afterAll   int                // end of the last label
}

// fancy reports whether the separator after label k is disguised.
func (l *labels) fancy(k int) bool { return l.sep[k] >= sepDisguised }

// label returns label k as written.
func (l *labels) label(msg string, k int) string { return msg[l.start[k]:l.end[k]] }

// emojiLabelEnd returns the end of the label of emoji that starts at i, or
// i: symbols (isSymbol) and the invisible characters and the keycap that
// join them into one emoji ("❤️", "👨‍💻", "1️⃣"). Emoji domains exist
// ("❤️.ws" is xn--qei.ws); a label of emoji is read only right after
// "www." ("www.😀.com"), where the text is clearly a host: elsewhere an
// emoji glued to a dot is punctuation of a sentence.
func emojiLabelEnd(msg string, i int) int {
	r, size := utf8.DecodeRuneInString(msg[i:])
	if !isSymbol(r) {
		return i
	}
	j := i + size
	for j < len(msg) && j-i <= maxLabelLen {
		r, size := utf8.DecodeRuneInString(msg[j:])
		if !isSymbol(r) && !isZeroWidth(r) && r != '\u20e3' {
			break
		}
		j += size
	}
	if j-i > maxLabelLen {
		return i
	}
	return j
}

// readLabels is parseLabels on s.msg, counted as work.
func (s *scanner) readLabels(i int) labels {
	l := parseLabels(s.msg, i)
	s.work += max(l.afterAll-i, 1)
	return l
}

// parseLabels reads labels and separators from i on.
func parseLabels(msg string, i int) labels {
	var l labels
	for l.n < maxLabels {
		end, zw := labelEnd(msg, i)
		if end == i && l.n == 1 {
			end = emojiLabelEnd(msg, i) // "www.❤️.ws"
		}
		if end == i {
			break
		}
		l.start[l.n], l.end[l.n] = i, end
		l.zw = l.zw || zw
		l.n++
		// Zero-width characters may hide on either side of a separator
		// ("bit\u200b.ly", "bit.\u200bly"): skip them, and flag them.
		sep := skipZeroWidth(msg, end)
		n, kind := sepAt(msg, sep)
		if n == 0 {
			break
		}
		next := skipZeroWidth(msg, sep+n)
		r, _ := utf8.DecodeRuneInString(msg[next:])
		if (!isLabelRune(r) || r == '-') && !(isSymbol(r) && l.n == 1 && kind == sepDot && next == sep+n && strings.EqualFold(l.label(msg, 0), "www")) {
			break
		}
		l.zw = l.zw || sep > end || next > sep+n
		l.sep[l.n-1] = kind
		i = sep + n
	}
	if l.n > 0 {
		l.afterAll = l.end[l.n-1]
	}
	return l
}

// hostLabels returns how many of the labels form a bare host: the longest
// run of at least two labels that ends in a public TLD, or exactly four
// decimal labels 0..255 joined by plain dots (an IPv4 address); 0 for none.
func hostLabels(msg string, l *labels) int {
	if l.n == 4 {
		ip := true
		for k := 0; k < 4 && ip; k++ {
			label := l.label(msg, k)
			ip = isDigits(label) && (k == 3 || l.sep[k] == sepDot) && len(label) <= 3 && atoi(label) <= 255
		}
		if ip {
			return 4
		}
	}
	for k := l.n; k >= 2; k-- {
		if isTLD(stripZeroWidth(l.label(msg, k-1))) {
			return k
		}
	}
	return 0
}

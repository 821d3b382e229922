package uniqueness

import "unicode/utf8"

// smallRunes is the size of the direct lookup table of runeIDs: it covers
// U+0000..U+21FF, which holds ASCII, Latin, Greek, Cyrillic, Armenian,
// Hebrew, Arabic and the punctuation of Russian messages (— « » … № ₽);
// other runes (emoji, CJK) go through a map.
const smallRunes = 0x2200

// runeIDs numbers distinct runes 1, 2, 3, ... in order of first appearance.
// reset forgets them in time proportional to their number.
type runeIDs struct {
	small    []int32
	big      map[rune]int32
	assigned []rune
}

func (t *runeIDs) len() int { return len(t.assigned) }

// lookup returns the id of r, or 0 if r has none.
func (t *runeIDs) lookup(r rune) int32 {
	if uint32(r) < smallRunes {
		if int(r) < len(t.small) {
			return t.small[r]
		}
		return 0
	}
	return t.big[r] // nil map: 0
}

// add returns the id of r, giving it the next one if it has none.
func (t *runeIDs) add(r rune) int32 {
	if uint32(r) < smallRunes {
		if int(r) >= len(t.small) {
			t.small = append(t.small, make([]int32, smallRunes-len(t.small))...)
		}
		if id := t.small[r]; id != 0 {
			return id
		}
		t.assigned = append(t.assigned, r)
		id := int32(len(t.assigned))
		t.small[r] = id
		return id
	}
	if id, ok := t.big[r]; ok {
		return id
	}
	if t.big == nil {
		t.big = make(map[rune]int32)
	}
	t.assigned = append(t.assigned, r)
	id := int32(len(t.assigned))
	t.big[r] = id
	return id
}

func (t *runeIDs) reset() {
	for _, r := range t.assigned {
		if uint32(r) < smallRunes {
			t.small[r] = 0
		} else {
			delete(t.big, r)
		}
	}
	t.assigned = t.assigned[:0]
}

// decodeRune decodes the rune at s[i], with ASCII and two-byte sequences
// (Cyrillic) inline.
func decodeRune(s string, i int) (rune, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	if c >= 0xC2 && c <= 0xDF && i+1 < len(s) {
		if c1 := s[i+1]; c1&0xC0 == 0x80 {
			return rune(c&0x1F)<<6 | rune(c1&0x3F), 2
		}
	}
	return utf8.DecodeRuneInString(s[i:])
}

// commonAffix returns the lengths of the longest common prefix and, of what
// remains, the longest common suffix of a and b.
func commonAffix[T comparable](a, b []T) (pre, suf int) {
	n := min(len(a), len(b))
	for pre < n && a[pre] == b[pre] {
		pre++
	}
	for suf < n-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	return pre, suf
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// commonAffixBytes is commonAffix over the bytes of two strings.
func commonAffixBytes(a, b string) (pre, suf int) {
	n := min(len(a), len(b))
	for pre < n && a[pre] == b[pre] {
		pre++
	}
	for suf < n-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	return pre, suf
}

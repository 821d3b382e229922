package uniqueness

import "unicode/utf8"

// runeMap numbers the distinct runes of one pattern 1, 2, 3, ... in order
// of first appearance, in memory sized by the pattern: a direct table for
// ASCII, pages of 64 ids for the two-byte UTF-8 runes (U+0080..U+07FF:
// Latin, Greek, Cyrillic, « and »), one page per lead byte present, and a
// small open-addressing hash for the other runes (— № ₽ …, emoji). A text
// rune maps to its id with no hashing when it is ASCII or two bytes long.
type runeMap struct {
	ascii  [utf8.RuneSelf]int32
	pageOf [32]uint8 // lead byte & 0x1F -> page; 0 is the empty page
	pages  []int32   // 64 ids per page, page 0 all zeros
	keys   []rune    // hash of the other runes; 0 is empty (never such a rune)
	vals   []int32
	n      int32 // ids given
}

// maxPages is the number of two-byte lead bytes (0xC2..0xDF) plus the empty page.
const maxPages = 31

// lookup returns the id of r, or 0 if r has none.
func (t *runeMap) lookup(r rune) int32 {
	switch {
	case r < utf8.RuneSelf:
		if r < 0 {
			return 0
		}
		return t.ascii[r]
	case r < 0x800:
		return t.pages[int(t.pageOf[r>>6&0x1F])<<6|int(r&0x3F)]
	}
	return t.lookupBig(r)
}

// lookupTwo returns the id of the two-byte rune of lead byte c0 and
// continuation byte c1.
func (t *runeMap) lookupTwo(c0, c1 byte) int32 {
	return t.pages[int(t.pageOf[c0&0x1F])<<6|int(c1&0x3F)]
}

func hashRune(r rune, mask int) int {
	return int(uint32(r)*0x9E3779B1>>7) & mask
}

func (t *runeMap) lookupBig(r rune) int32 {
	if len(t.keys) == 0 {
		return 0
	}
	mask := len(t.keys) - 1
	for h := hashRune(r, mask); ; h = (h + 1) & mask {
		switch t.keys[h] {
		case r:
			return t.vals[h]
		case 0:
			return 0
		}
	}
}

// build gives ids to the runes of s and writes them to ids.
func (t *runeMap) build(s string, ids []int32) []int32 {
	// Size the pages and the hash first: one pass over s.
	var leads uint32
	big := 0
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
		case r < 0x800:
			leads |= 1 << uint(r>>6&0x1F)
		default:
			big++
		}
	}
	np := 1
	for l := 0; l < 32; l++ {
		if leads&(1<<uint(l)) != 0 {
			t.pageOf[l] = uint8(np)
			np++
		}
	}
	t.pages = make([]int32, np*64)
	if big > 0 {
		size := 8
		for size < 2*big {
			size *= 2
		}
		t.keys = make([]rune, size)
		t.vals = make([]int32, size)
	}
	for _, r := range s {
		var slot *int32
		switch {
		case r < utf8.RuneSelf:
			slot = &t.ascii[r]
		case r < 0x800:
			slot = &t.pages[int(t.pageOf[r>>6&0x1F])<<6|int(r&0x3F)]
		default:
			mask := len(t.keys) - 1
			h := hashRune(r, mask)
			for t.keys[h] != 0 && t.keys[h] != r {
				h = (h + 1) & mask
			}
			t.keys[h] = r
			slot = &t.vals[h]
		}
		if *slot == 0 {
			t.n++
			*slot = t.n
		}
		ids = append(ids, *slot)
	}
	return ids
}

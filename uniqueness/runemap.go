package uniqueness

import (
	"encoding/binary"
	"unicode/utf8"
	"unsafe"
)

// runeMap numbers the distinct runes of one pattern 1, 2, 3, ... in order
// of first appearance, in memory sized by the pattern: a direct table for
// ASCII, pages of 64 ids for the two-byte UTF-8 runes (U+0080..U+07FF:
// Latin, Greek, Cyrillic, « and »), one page per lead byte present, and a
// small open-addressing hash for the other runes (— № ₽ …, emoji). A text
// rune maps to its id with no hashing when it is ASCII or two bytes long.
type runeMap struct {
	ascii  *[utf8.RuneSelf]int32
	pageOf [32]uint8 // lead byte & 0x1F -> page; 0 is the empty page
	pages  []int32   // 64 ids per page, page 0 all zeros
	keys   []rune    // hash of the other runes; 0 is empty (never such a rune)
	vals   []int32
	big    int   // keys in the hash
	n      int32 // ids given
}

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

// build gives ids to the runes of s, in one pass, and appends them to
// ids; valid reports whether s is valid UTF-8.
func (t *runeMap) build(s string, ids []int32) (_ []int32, valid bool) {
	valid = true
	if t.ascii == nil {
		t.ascii = new([utf8.RuneSelf]int32)
	}
	if len(t.pages) == 0 {
		t.pages = make([]int32, 64, 3*64) // the empty page, room for two more
	}
	for i := 0; i < len(s); {
		c := s[i]
		var slot *int32
		switch {
		case c < utf8.RuneSelf:
			slot = &t.ascii[c]
			i++
		case c >= 0xC2 && c <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			pg := &t.pageOf[c&0x1F]
			if *pg == 0 {
				*pg = uint8(len(t.pages) / 64)
				t.pages = append(t.pages, make([]int32, 64)...)
			}
			slot = &t.pages[int(*pg)<<6|int(s[i+1]&0x3F)]
			i += 2
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				valid = false
			}
			slot = t.bigSlot(r)
			i += size
		}
		if *slot == 0 {
			t.n++
			*slot = t.n
		}
		ids = append(ids, *slot)
	}
	return ids, valid
}

// bigSlot returns the id slot of r (not ASCII nor two bytes) in the hash,
// adding r; the hash stays at most half full.
func (t *runeMap) bigSlot(r rune) *int32 {
	if len(t.keys) == 0 {
		t.keys, t.vals = make([]rune, 8), make([]int32, 8)
	}
	mask := len(t.keys) - 1
	h := hashRune(r, mask)
	for t.keys[h] != 0 && t.keys[h] != r {
		h = (h + 1) & mask
	}
	if t.keys[h] == r {
		return &t.vals[h]
	}
	t.big++
	if 2*t.big > len(t.keys) {
		keys, vals := t.keys, t.vals
		t.keys, t.vals = make([]rune, 2*len(keys)), make([]int32, 2*len(keys))
		t.big = 0
		for i, k := range keys {
			if k != 0 {
				*t.bigSlot(k) = vals[i]
			}
		}
		return t.bigSlot(r)
	}
	t.keys[h] = r
	return &t.vals[h]
}

// validUTF8 reports whether s is valid UTF-8, as utf8.ValidString does,
// eight bytes at a time where they hold only ASCII and two-byte runes
// (Russian text): there every continuation byte must follow a lead byte
// C2..DF and every such lead byte must be followed by one. Words holding
// anything else (three- and four-byte runes, C0, C1, bytes from F5) are
// checked rune by rune.
func validUTF8(s string) bool {
	const hi = 0x8080808080808080
	b := unsafe.Slice(unsafe.StringData(s), len(s))
	i := 0
	carry := uint64(0) // 0x80: the byte before i is a lead byte C2..DF
	for i+8 <= len(b) {
		x := binary.LittleEndian.Uint64(b[i:])
		top110 := x & (x << 1) &^ (x << 2) & hi // lanes 110xxxxx
		low := x & 0x1E1E1E1E1E1E1E1E           // zero for C0 and C1
		nz := (low + 0x7F7F7F7F7F7F7F7F) & hi
		lead := top110 & nz
		other := x&(x<<1)&(x<<2)&hi | top110&^nz // lanes from E0, and C0, C1
		cont := x &^ (x << 1) & hi
		if other == 0 && cont == lead<<8|carry {
			carry = lead >> 56
			i += 8
			continue
		}
		if carry != 0 {
			i-- // back to the lead byte
		}
		for end := i + 8; i < end && i < len(b); {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				return false
			}
			i += size
		}
		carry = 0
	}
	if carry != 0 {
		i--
	}
	return utf8.ValidString(s[i:])
}

package campaign

import (
	"hash/maphash"
	"unsafe"
)

// arena keeps the texts the uniqueness analysis needs until the end of a
// run, without a heap object per text: the bytes are copied into 1 MiB
// blocks (which the garbage collector does not scan) and equal texts are
// kept once. A campaign's messages repeat (a variant and a first name make
// the same text for many recipients), so a million messages often take a
// quarter of their bytes. The strings it returns are views of the blocks,
// which are never written again once a string points into them.
type arena struct {
	blocks [][]byte
	seen   map[uint64]string // hash of a text -> the text kept for it
	seed   maphash.Seed
}

const arenaBlock = 1 << 20

func newArena() *arena {
	return &arena{seen: make(map[uint64]string), seed: maphash.MakeSeed()}
}

// intern returns a string equal to s that lives in the arena.
func (a *arena) intern(s string) string {
	if s == "" {
		return ""
	}
	h := maphash.String(a.seed, s)
	if t, ok := a.seen[h]; ok && t == s {
		return t
	}
	t := a.copy(s)
	if _, ok := a.seen[h]; !ok {
		a.seen[h] = t
	}
	return t
}

// copy copies s into the current block (a new one when it does not fit).
func (a *arena) copy(s string) string {
	n := len(a.blocks)
	if n == 0 || cap(a.blocks[n-1])-len(a.blocks[n-1]) < len(s) {
		a.blocks = append(a.blocks, make([]byte, 0, max(arenaBlock, len(s))))
		n++
	}
	b := a.blocks[n-1]
	off := len(b)
	b = append(b, s...)
	a.blocks[n-1] = b
	return unsafe.String(&b[off], len(s))
}

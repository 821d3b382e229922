package uniqueness

import (
	"encoding/binary"
	"math/bits"
	"unicode/utf8"
	"unsafe"
)

// prefixRebuild is the common prefix length, in runes, from which a Pattern
// builds a table of the remaining window instead of running the kernel over
// the shared prefix.
const prefixRebuild = 16

// A Pattern is one string prepared for many distance computations against
// other strings: its runes are numbered once and its match-vector table is
// built once, so each call costs only the scan of the other string and the
// kernel, with no allocation once its buffers have grown. Lengths are in
// runes. A Pattern is not safe for concurrent use: give each goroutine its
// own.
//
// Its memory is sized by the pattern: about 8·(d+1)·⌈m/64⌉ bytes of table
// for m runes of which d are distinct, plus 256 bytes per 64-rune page of
// two-byte UTF-8 runes present (one for Cyrillic). With a cutoff of up to
// 31 on a pattern longer than 64 runes (similarity 0.9 up to 310 runes),
// a call reads the text once, mapping each rune to its row as the banded
// kernel advances, and stops as soon as the cutoff is exceeded.
type Pattern struct {
	s     string
	ids   []int32 // the pattern's runes as ids 1..d
	rm    runeMap
	valid bool // s is valid UTF-8: common affixes can be found on bytes
	mt    matcher
	win   *matcher // table of a window after a long common prefix, made when needed
	tids  []int32
	tc    []int32
	a     []int32  // the runeMap's ASCII table and first pages, then ids
	i32   []int32  // the counts of mt and tc
	u64   []uint64 // mt's table and vectors

	cntStale bool // mt.cnt is not counted yet

	kl, kk int // maxDist's last length and answer
	kmin   float64
	kok    bool
}

// NewPattern prepares s for computing distances to other strings.
func NewPattern(s string) *Pattern {
	p := new(Pattern)
	p.Reset(s)
	return p
}

// Reset prepares p for s as NewPattern does, reusing p's memory: a loop
// that takes one pattern after another (one per message of a batch)
// allocates only when a pattern needs more than the previous ones did.
func (p *Pattern) Reset(s string) {
	p.s = s
	// One block for the ASCII table, the first pages (the empty one and
	// four lead bytes: Russian text has D0 and D1 for Cyrillic, C2 for
	// « » and the no-break space) and the ids (one per non-continuation
	// byte: exact for valid UTF-8, grown by append otherwise).
	const head = utf8.RuneSelf + 5*64
	upper := len(s) - continuationBytes(s)
	a := p.a
	if cap(a) < head+upper {
		a = make([]int32, head+upper)
	} else {
		a = a[:head+upper]
		clear(a[:head])
	}
	p.a = a
	keys, vals := p.rm.keys, p.rm.vals
	clear(keys)
	clear(vals)
	p.rm = runeMap{
		ascii: (*[utf8.RuneSelf]int32)(a[:utf8.RuneSelf]),
		pages: a[utf8.RuneSelf : utf8.RuneSelf+64 : head],
		keys:  keys,
		vals:  vals,
	}
	p.ids, p.valid = p.rm.build(s, a[head:head:head+upper])
	d := int(p.rm.n)
	// One block for the counts and the bound's scratch, one for the table
	// (with the words the kernels may read past it) and the kernel's
	// vectors: build finds them large enough and keeps them.
	stride := max(1, (len(p.ids)+wordBits-1)/wordBits)
	i32 := p.i32
	if cap(i32) < 2*(d+1) {
		i32 = make([]int32, 2*(d+1))
	}
	p.i32 = i32
	p.mt.cnt, p.tc = i32[:0:d+1], i32[d+1:2*(d+1)]
	clear(p.tc)
	words := (d+1)*stride + wavePad
	u64 := p.u64
	if cap(u64) < words+2*stride {
		u64 = make([]uint64, words+2*stride)
	}
	p.u64 = u64
	mt := &p.mt
	mt.peq = u64[:0:words]
	mt.vp, mt.vn = u64[words:words:words+stride], u64[words+stride:words+2*stride]
	if stride > denseStride {
		mt.build(p.ids, d)
		p.cntStale = false
		return
	}
	// The dense table as build makes it, without the rune counts: only the
	// histogram bound of the id path reads them (run counts them then).
	mt.m, mt.stride, mt.sparse = len(p.ids), stride, false
	mt.peq = u64[: (d+1)*stride : words]
	clear(mt.peq)
	for i, c := range p.ids {
		mt.peq[int(c)*stride+i/wordBits] |= 1 << uint(i%wordBits)
	}
	mt.cnt = mt.cnt[:0]
	p.cntStale = true
}

// Len returns the pattern's length in runes.
func (p *Pattern) Len() int { return len(p.ids) }

// Distance returns the Levenshtein distance in runes between the pattern
// and text; it equals the package-level Distance.
func (p *Pattern) Distance(text string) int {
	return p.run(p.mapText(text), -1)
}

// DistanceAtMost returns the distance between the pattern and text and true
// when it is at most k; otherwise k+1 and false. A negative k means no
// limit.
func (p *Pattern) DistanceAtMost(text string, k int) (int, bool) {
	d := -1
	if n, ok := p.bandLen(text); ok && k >= 0 {
		if abs(len(p.ids)-n) > k && utf8.ValidString(text) {
			return k + 1, false
		}
		d = p.fast(text, n, k)
	}
	if d < 0 {
		d = p.run(p.mapText(text), k)
	}
	if k >= 0 && d > k {
		return k + 1, false
	}
	return d, true
}

// Similarity returns the similarity of the pattern and text, as the
// package-level Similarity does.
func (p *Pattern) Similarity(text string) float64 {
	n := p.mapText(text)
	return similarity(p.run(n, -1), max(len(p.ids), n))
}

// SimilarityAtLeast returns the similarity of the pattern and text and true
// when it is at least min; otherwise 0 and false.
func (p *Pattern) SimilarityAtLeast(text string, min float64) (float64, bool) {
	m := len(p.ids)
	if n, ok := p.bandLen(text); ok {
		l := max(m, n)
		k := p.maxDist(l, min)
		if k < 0 {
			return 0, false
		}
		d := -1
		if abs(m-n) > k {
			if utf8.ValidString(text) {
				return 0, false
			}
		} else {
			d = p.fast(text, n, k)
		}
		if d > k {
			return 0, false
		}
		if d >= 0 {
			return similarity(d, l), true
		}
	}
	n := p.mapText(text)
	l := max(m, n)
	k := maxDist(l, min)
	if k < 0 {
		return 0, false
	}
	d := p.run(n, k)
	if d > k {
		return 0, false
	}
	return similarity(d, l), true
}

// maxDist is the package's maxDist, remembering its last answer: the
// texts a Pattern meets mostly have its length, and the threshold is
// usually the same.
func (p *Pattern) maxDist(l int, min float64) int {
	if l != p.kl || min != p.kmin || !p.kok {
		p.kl, p.kmin, p.kk, p.kok = l, min, maxDist(l, min), true
	}
	return p.kk
}

// mapText writes the ids of text's runes to p.tids and returns their number.
func (p *Pattern) mapText(text string) int {
	t := p.tids[:0]
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			t = append(t, p.rm.ascii[c])
			i++
			continue
		}
		r, size := decodeRune(text, i)
		t = append(t, p.rm.lookup(r))
		i += size
	}
	p.tids = t
	return len(t)
}

// run computes the distance between the pattern and p.tids[:n].
func (p *Pattern) run(n, k int) int {
	if p.win == nil {
		p.win = new(matcher)
	}
	if p.cntStale {
		d := int(p.rm.n)
		p.mt.cnt = grow32(p.mt.cnt, d+1)
		clear(p.mt.cnt)
		for _, c := range p.ids {
			p.mt.cnt[c]++
		}
		p.cntStale = false
	}
	return runPair(&p.mt, p.win, p.ids, p.tids[:n], p.tc, int(p.rm.n), k)
}

// bandLen reports whether the pattern can take a one-pass path (it is
// valid UTF-8 and not empty) and returns the number of runes of text if
// text is valid UTF-8: its bytes that are not continuation bytes. The
// one-pass paths check validity as they decode.
func (p *Pattern) bandLen(text string) (int, bool) {
	if !p.valid || len(p.ids) == 0 {
		return 0, false
	}
	return len(text) - continuationBytes(text), true
}

// fast answers a cutoff k >= 0 with |m-n| <= k in one pass over text: the
// one-word kernel for patterns of up to 64 runes, the banded one for
// longer patterns. It returns the distance if <= k, k+1 if it exceeds k,
// and -1 when the id path must answer.
func (p *Pattern) fast(text string, n, k int) int {
	m := len(p.ids)
	if m > wordBits && k > bandMax {
		return -1
	}
	pb, sb, pre, suf := byteAffix(p.s, text)
	if pre == m || pre == n {
		// One is a prefix of the other; n counts the runes of the rest
		// of text only if that rest is valid UTF-8.
		if pb == len(text) || pb == len(p.s) && validUTF8(text[pb:]) {
			return min(max(m, n)-pre, k+1)
		}
		return -1
	}
	mEff, nEff := m-suf, n-suf
	if mEff == pre || nEff == pre {
		return -1 // the affixes cover one of them: rare, left to the id path
	}
	dc := newDecoder(text[:len(text)-sb], &p.rm)
	if mEff <= wordBits {
		return p.word(&dc, pb, pre, mEff, nEff, k)
	}
	if k > bandMax {
		return -1
	}
	return p.band(&dc, pb, pre, mEff, nEff, k)
}

// decoder holds a text whose runes the one-pass loops read as ids of a
// Pattern's runeMap, and the map's tables for the common runes.
type decoder struct {
	t      string
	ascii  *[utf8.RuneSelf]int32
	pageOf *[32]uint8
	pages  []int32
	rm     *runeMap
}

func newDecoder(t string, rm *runeMap) decoder {
	return decoder{t: t, ascii: rm.ascii, pageOf: &rm.pageOf, pages: rm.pages, rm: rm}
}

// slowAt decodes the rune at t[i] that next does not, of three or four
// bytes, to its id; for invalid UTF-8 it returns i.
func (dc *decoder) slowAt(i int) (c int32, after int) {
	r, size := utf8.DecodeRuneInString(dc.t[i:])
	if r == utf8.RuneError && size == 1 {
		return 0, i
	}
	return dc.rm.lookupBig(r), i + size
}

// next decodes the rune at t[i] to its id c and returns the offset after
// it, when the rune is ASCII or of two bytes (Cyrillic): from the map's
// tables, inline in the callers' loops. Otherwise it returns i, and the
// caller asks slowAt.
func (dc *decoder) next(i int) (c int32, after int) {
	t := dc.t
	b := t[i]
	if b < utf8.RuneSelf {
		return dc.ascii[b], i + 1
	}
	if b-0xC2 < 0xE0-0xC2 && i+1 < len(t) && t[i+1]&0xC0 == 0x80 { // b in 0xC2..0xDF: the lead of two bytes
		return dc.pages[int(dc.pageOf[b&0x1F])<<6|int(t[i+1]&0x3F)], i + 2
	}
	return 0, i
}

// rejectedAt answers k+1 when the text from byte i on is valid UTF-8,
// that is when the rune count the caller took from its bytes was right;
// else -1.
func (dc *decoder) rejectedAt(i, k int) int {
	if validUTF8(dc.t[i:]) {
		return k + 1
	}
	return -1
}

// word is fast after the common affixes (pb bytes and pre runes of
// prefix, the text of dc without the suffix) for at most 64 remaining
// pattern runes (mEff): the one-word kernel from column pre, tracking row
// mEff, stopping when even matching every remaining rune cannot bring it
// back to k.
func (p *Pattern) word(dc *decoder, pb, pre, mEff, nEff, k int) int {
	t, i := dc.t, pb
	peq, stride := p.mt.peq, p.mt.stride // word 0 of a row: rows 1..64
	vp, vn := prefixColumn(pre)
	score := mEff - pre
	bit := uint(mEff - 1)
	for j := pre; j < nEff; j++ {
		if i >= len(t) {
			return -1
		}
		c, after := dc.next(i)
		if after == i {
			if c, after = dc.slowAt(i); after == i {
				return -1
			}
		}
		i = after
		var ph, mh uint64
		vp, vn, ph, mh = step(peq[int(c)*stride], vp, vn, 1, 0)
		score += int(ph>>bit&1) - int(mh>>bit&1)
		if score-(nEff-j-1) > k {
			return dc.rejectedAt(i, k)
		}
	}
	if i != len(t) {
		return -1
	}
	return min(score, k+1)
}

// continuationBytes returns the number of bytes of s of the form 10xxxxxx.
func continuationBytes(s string) int {
	b := unsafe.Slice(unsafe.StringData(s), len(s))
	const hi = 0x8080808080808080
	c := 0
	i := 0
	for ; i+8 <= len(b); i += 8 {
		x := binary.LittleEndian.Uint64(b[i:])
		c += bits.OnesCount64(x &^ (x << 1) & hi)
	}
	for ; i < len(b); i++ {
		if b[i]&0xC0 == 0x80 {
			c++
		}
	}
	return c
}

// byteAffix returns the common prefix and, of what remains, the common
// suffix of a and b in bytes, both ending at rune boundaries of a, which
// is valid UTF-8; and their lengths in runes.
func byteAffix(a, b string) (pb, sb, pr, sr int) {
	n := min(len(a), len(b))
	for pb+8 <= n {
		x := binary.LittleEndian.Uint64(unsafe.Slice(unsafe.StringData(a[pb:]), 8)) ^
			binary.LittleEndian.Uint64(unsafe.Slice(unsafe.StringData(b[pb:]), 8))
		if x != 0 {
			pb += bits.TrailingZeros64(x) / 8
			goto pre
		}
		pb += 8
	}
	for pb < n && a[pb] == b[pb] {
		pb++
	}
pre:
	// a[pb] (if any) differs: back up to the start of its rune.
	for pb > 0 && pb < len(a) && a[pb]&0xC0 == 0x80 {
		pb--
	}
	for sb+8 <= n-pb {
		x := binary.LittleEndian.Uint64(unsafe.Slice(unsafe.StringData(a[len(a)-sb-8:]), 8)) ^
			binary.LittleEndian.Uint64(unsafe.Slice(unsafe.StringData(b[len(b)-sb-8:]), 8))
		if x != 0 {
			sb += bits.LeadingZeros64(x) / 8
			goto suf
		}
		sb += 8
	}
	for sb < n-pb && a[len(a)-1-sb] == b[len(b)-1-sb] {
		sb++
	}
suf:
	// The suffix must start at a rune start of a.
	for sb > 0 && a[len(a)-sb]&0xC0 == 0x80 {
		sb--
	}
	pr = pb - continuationBytes(a[:pb])
	sr = sb - continuationBytes(a[len(a)-sb:])
	return pb, sb, pr, sr
}

// band is fast for more than 64 remaining pattern runes and k <= bandMax:
// the banded kernel of distBand fused with the decoding of the text.
func (p *Pattern) band(dc *decoder, pb, pre, mEff, nEff, k int) int {
	t, i := dc.t, pb
	mt := &p.mt
	stride := mt.stride
	peq := mt.peq[:len(mt.peq)+1]
	j1 := wordBits - k
	var vp, vn uint64
	var score int
	j := pre
	if pre <= j1 {
		vp, vn = prefixColumn(pre)
		end := min(nEff, j1)
		for ; j < end; j++ {
			if i >= len(t) {
				return -1
			}
			c, after := dc.next(i)
			if after == i {
				if c, after = dc.slowAt(i); after == i {
					return -1
				}
			}
			i = after
			vp, vn, _, _ = step(peq[int(c)*stride], vp, vn, 1, 0)
		}
		score = fixedScore(vp, vn, end, uint(end+mEff-nEff))
		if score > k {
			return dc.rejectedAt(i, k)
		}
		if end == nEff {
			if i != len(t) {
				return -1
			}
			return score
		}
		vp, vn = intoFrame(vp, vn)
	} else {
		vp, vn = frameStart(k)
		score = abs(mEff - nEff)
	}
	dbit := uint(63 - k + mEff - nEff)
	for ; j < nEff; j++ {
		if i >= len(t) {
			return -1
		}
		c, after := dc.next(i)
		if after == i {
			if c, after = dc.slowAt(i); after == i {
				return -1
			}
		}
		i = after
		var d0 uint64
		vp, vn, d0 = bandStep(frameEq(peq, int(c)*stride, j+1+k-wordBits), vp, vn)
		score += 1 - int(d0>>dbit&1)
		if score > k {
			return dc.rejectedAt(i, k)
		}
	}
	if i != len(t) {
		return -1 // more runes than n: text was not valid UTF-8
	}
	return score
}

// runPair is the shared per-pair step of Pattern and Analyze: mt holds the
// table of pat (ids 1..d), text is in the same id space (0: not in pat).
// It returns the distance if <= k (k < 0: any), else some value > k.
func runPair(mt, win *matcher, pat, text, tc []int32, d, k int) int {
	m, n := len(pat), len(text)
	if k >= 0 {
		if m-n > k || n-m > k {
			return k + 1
		}
		// The banded kernel stops as soon as the end's diagonal exceeds
		// k, sooner than the histogram bound would be computed.
		if !mt.bandFits(m, k) && k < max(m, n) && mt.boundExceeds(text, tc, k) {
			return k + 1
		}
	}
	pre, suf := commonAffix(pat, text)
	if pre == m || pre == n {
		return max(m, n) - pre
	}
	if mt.bandFits(m-suf, k) {
		// The band starts after the prefix without a new table.
		return mt.distBand(text[:n-suf], m-suf, pre, k)
	}
	if pre >= prefixRebuild {
		win.build(pat[pre:m-suf], d)
		return win.dist(text[pre:n-suf], m-pre-suf, k)
	}
	return mt.dist(text[:n-suf], m-suf, k)
}

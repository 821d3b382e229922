package uniqueness

import (
	"math"
	"sync"
	"unicode/utf8"
)

// Distance returns the Levenshtein distance between a and b counted in runes:
// the least number of rune insertions, deletions and substitutions that turn
// a into b. It equals github.com/agnivade/levenshtein's ComputeDistance on
// every input. Strings are not normalized: "é" as one rune and as "e" plus a
// combining accent are different. An invalid UTF-8 byte counts as one rune
// U+FFFD, as in a []rune conversion. The result is an int, exact for strings
// of any length.
func Distance(a, b string) int {
	d, _ := measure(a, b, -1, 0, false)
	return d
}

// DistanceAtMost returns the Levenshtein distance in runes between a and b
// and true when it is at most k; otherwise it returns k+1 and false, often
// much sooner than Distance would. A negative k means no limit.
func DistanceAtMost(a, b string, k int) (int, bool) {
	d, _ := measure(a, b, k, 0, false)
	if k >= 0 && d > k {
		return k + 1, false
	}
	return d, true
}

// Similarity returns 1 - Distance(a, b)/max(len(a), len(b)), lengths in
// runes: 1 for equal strings (and for two empty strings), 0 when no rune can
// be kept.
func Similarity(a, b string) float64 {
	if a == b {
		return 1
	}
	d, l := measure(a, b, -1, 0, false)
	return similarity(d, l)
}

// SimilarityAtLeast returns Similarity(a, b) and true when it is at least
// min; otherwise it returns 0 and false, computing only as much of the
// distance as deciding that takes. A min <= 0 always holds; a min above 1
// or NaN never does.
func SimilarityAtLeast(a, b string, min float64) (float64, bool) {
	if math.IsNaN(min) || min > 1 {
		return 0, false
	}
	if a == b {
		return 1, true
	}
	d, l := measure(a, b, 0, min, true)
	if d > maxDist(l, min) {
		return 0, false
	}
	return similarity(d, l), true
}

func similarity(d, l int) float64 {
	if l == 0 {
		return 1
	}
	return 1 - float64(d)/float64(l)
}

// maxDist returns the largest distance d in [0, l] whose similarity
// 1-d/l (as similarity computes it) is at least t, or -1 if there is none.
func maxDist(l int, t float64) int {
	if math.IsNaN(t) || t > 1 {
		return -1
	}
	if l == 0 {
		return 0
	}
	if t <= 0 {
		return l
	}
	k := int((1 - t) * float64(l))
	k = max(-1, min(k, l))
	for k+1 <= l && similarity(k+1, l) >= t {
		k++
	}
	for k >= 0 && similarity(k, l) < t {
		k--
	}
	return k
}

// scratch is the per-call working memory of the one-shot functions.
type scratch struct {
	ra, rb []rune
	direct []uint64 // measureDirect's table, zero between calls
	dm     matcher  // measureDirect's view of it
	dcnt   []int32  // measureDirect's rune counts of the pattern, zero between calls
	dtc    []int32  // and of the text
	pids   []int32
	tids   []int32
	tc     []int32
	lut    runeIDs
	mt     matcher
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// measure returns the distance of a and b if it is <= k (k < 0: any), else
// some value > k, and the larger length in runes. With bySim, k is the
// largest distance whose similarity is at least minSim.
func measure(a, b string, k int, minSim float64, bySim bool) (d, l int) {
	if a == b {
		return 0, -1 // callers handle equal strings before needing l
	}
	if len(a) <= wordBits && len(b) <= wordBits*4 || len(b) <= wordBits && len(a) <= wordBits*4 {
		if isASCII(a) && isASCII(b) {
			l = max(len(a), len(b))
			if bySim {
				k = maxDist(l, minSim)
			}
			return distASCII(a, b, k), l
		}
	}
	s := scratchPool.Get().(*scratch)
	ok := false
	if !noDirect {
		d, l, ok = s.measureDirect(a, b, k, minSim, bySim)
	}
	if !ok {
		d, l = s.measure(a, b, k, minSim, bySim)
	}
	scratchPool.Put(s)
	return d, l
}

// noDirect turns measureDirect off (for tests comparing both paths).
var noDirect = false

// directMaxStride is the widest pattern, in words, measureDirect takes.
const directMaxStride = 4

// measureDirect is measure for patterns of up to 256 runes whose runes
// are all in the direct range (below U+2200): the table and the rune
// counts are indexed by the rune itself, so neither string needs ids. The
// tables are zero between calls: the entries set are cleared after use. ok
// is false when the strings do not qualify.
func (s *scratch) measureDirect(a, b string, k int, minSim float64, bySim bool) (d, l int, ok bool) {
	ra, ok := decodeSmall(s.ra[:0], a)
	s.ra = ra
	if !ok {
		return 0, 0, false
	}
	rb, ok := decodeSmall(s.rb[:0], b)
	s.rb = rb
	if !ok {
		return 0, 0, false
	}
	if len(ra) > len(rb) {
		ra, rb = rb, ra
	}
	l = len(rb)
	if bySim {
		k = maxDist(l, minSim)
		if k < 0 {
			return l + 1, l, true
		}
	}
	if k >= 0 && len(rb)-len(ra) > k {
		return k + 1, l, true
	}
	pre, suf := commonAffix(ra, rb)
	ra, rb = ra[pre:len(ra)-suf], rb[pre:len(rb)-suf]
	m, n := len(ra), len(rb)
	if m == 0 {
		return n, l, true
	}
	stride := (m + wordBits - 1) / wordBits
	if stride > directMaxStride {
		return 0, 0, false
	}
	if s.direct == nil {
		s.direct = make([]uint64, smallRunes*directMaxStride+wavePad)
	}
	peq := s.direct[:smallRunes*stride]
	for i, r := range ra {
		peq[int(r)*stride+i/wordBits] |= 1 << uint(i%wordBits)
	}
	mt := &s.dm
	mt.m, mt.stride, mt.sparse, mt.peq = m, stride, false, peq
	mt.vp = grow64(mt.vp, stride)
	mt.vn = grow64(mt.vn, stride)
	d = -1
	if k >= 0 && k < n && boundPays(m, k) {
		if s.dcnt == nil {
			s.dcnt = make([]int32, smallRunes)
			s.dtc = make([]int32, smallRunes)
		}
		mt.cnt = s.dcnt
		for _, r := range ra {
			s.dcnt[r]++
		}
		if mt.boundExceeds(rb, s.dtc, k) {
			d = k + 1
		}
		for _, r := range ra {
			s.dcnt[r] = 0
		}
	}
	if d < 0 {
		d = mt.dist(rb, m, k)
	}
	for i, r := range ra {
		peq[int(r)*stride+i/wordBits] = 0
	}
	return d, l, true
}

// decodeSmall decodes s into dst (reusing its memory) and reports whether
// all of its runes are below smallRunes. It stops at the first rune that is
// not, and at the first invalid byte (U+FFFD is not below smallRunes): the
// runes are then incomplete and the caller takes the id path.
func decodeSmall(dst []rune, s string) ([]rune, bool) {
	if cap(dst) < len(s) {
		dst = make([]rune, len(s)) // rune count <= byte count
	}
	dst = dst[:len(s)]
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			dst[n] = rune(c)
			i++
		case c >= 0xC2 && c <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			dst[n] = rune(c&0x1F)<<6 | rune(s[i+1]&0x3F)
			i += 2
		case c >= 0xE0 && c <= 0xE2 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			// three bytes: valid and small when U+0800 <= r < smallRunes
			// (the lower bound rejects overlong forms; surrogates are
			// above the range).
			r := rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
			if r < 0x800 || r >= smallRunes {
				return dst[:n], false
			}
			dst[n] = r
			i += 3
		default:
			return dst[:n], false
		}
		n++
	}
	return dst[:n], true
}

func (s *scratch) measure(a, b string, k int, minSim float64, bySim bool) (int, int) {
	if len(a) > len(b) {
		a, b = b, a
	}
	// The string with fewer bytes is the pattern: its runes get ids 1..d,
	// the other's runes the same ids or 0 (not in the pattern). Byte
	// lengths bound rune counts, so the id slices are sized once.
	if s.lut.small == nil {
		s.lut.small = make([]int32, smallRunes)
	}
	small := s.lut.small[:smallRunes]
	pids := grow32(s.pids, len(a))
	np := 0
	for i := 0; i < len(a); {
		c := a[i]
		var r rune
		if c < utf8.RuneSelf {
			r = rune(c)
			i++
		} else if c <= 0xDF && c >= 0xC2 && i+1 < len(a) && a[i+1]&0xC0 == 0x80 {
			r = rune(c&0x1F)<<6 | rune(a[i+1]&0x3F)
			i += 2
		} else {
			var size int
			r, size = utf8.DecodeRuneInString(a[i:])
			i += size
		}
		var id int32
		if uint32(r) < smallRunes {
			if id = small[r]; id == 0 {
				id = s.lut.add(r)
			}
		} else {
			id = s.lut.add(r)
		}
		pids[np] = id
		np++
	}
	pids = pids[:np]
	tids := grow32(s.tids, len(b))
	nt := 0
	for i := 0; i < len(b); {
		c := b[i]
		var id int32
		if c < utf8.RuneSelf {
			id = small[c]
			i++
		} else if c <= 0xDF && c >= 0xC2 && i+1 < len(b) && b[i+1]&0xC0 == 0x80 {
			id = small[rune(c&0x1F)<<6|rune(b[i+1]&0x3F)]
			i += 2
		} else {
			r, size := utf8.DecodeRuneInString(b[i:])
			id = s.lut.lookup(r)
			i += size
		}
		tids[nt] = id
		nt++
	}
	tids = tids[:nt]
	s.pids, s.tids = pids, tids
	dn := s.lut.len()
	s.lut.reset()
	l := max(len(pids), len(tids))
	if bySim {
		k = maxDist(l, minSim)
		if k < 0 {
			return l + 1, l
		}
	}
	if k >= 0 && (len(tids)-len(pids) > k || len(pids)-len(tids) > k) {
		return k + 1, l
	}
	pre, suf := commonAffix(pids, tids)
	pids, tids = pids[pre:len(pids)-suf], tids[pre:len(tids)-suf]
	m, n := len(pids), len(tids)
	if m == 0 || n == 0 {
		return m + n, l
	}
	s.mt.build(pids, dn)
	if k >= 0 && k < max(m, n) && boundPays(m, k) {
		s.tc = grow32(s.tc, dn+1)
		if s.mt.boundExceeds(tids, s.tc, k) {
			return k + 1, l
		}
	}
	return s.mt.dist(tids, m, k), l
}

// distASCII is the path for short ASCII strings: bytes are the ids and the
// table lives on the stack.
func distASCII(a, b string, k int) int {
	pre, suf := commonAffixBytes(a, b)
	a, b = a[pre:len(a)-suf], b[pre:len(b)-suf]
	if len(a) > len(b) {
		a, b = b, a
	}
	m, n := len(a), len(b)
	if m == 0 {
		return n
	}
	if k < 0 || k > n {
		k = n
	}
	if n-m > k {
		return k + 1
	}
	if m > wordBits {
		// both longer than a word: the general path.
		s := scratchPool.Get().(*scratch)
		d, _ := s.measure(a, b, k, 0, false)
		scratchPool.Put(s)
		return d
	}
	var peq [128]uint64
	for i := 0; i < m; i++ {
		peq[a[i]] |= 1 << uint(i)
	}
	vp, vn := ^uint64(0), uint64(0)
	score := m
	bit := uint(m - 1)
	check := k < n
	for j := 0; j < n; j++ {
		var ph, mh uint64
		vp, vn, ph, mh = step(peq[b[j]&0x7f], vp, vn, 1, 0)
		score += int((ph>>bit)&1) - int((mh>>bit)&1)
		if check && score-(n-j-1) > k {
			return k + 1
		}
	}
	return score
}

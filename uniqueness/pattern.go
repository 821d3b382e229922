package uniqueness

import "unicode/utf8"

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
type Pattern struct {
	ids  []int32 // the pattern's runes as ids 1..d
	lut  runeIDs
	mt   matcher // table of the whole pattern
	win  matcher // table of a window after a long common prefix
	tids []int32
	tc   []int32
}

// NewPattern prepares s for computing distances to other strings.
func NewPattern(s string) *Pattern {
	p := &Pattern{}
	top := rune(-1) // the largest rune of the direct range in s
	for _, r := range s {
		if r < smallRunes {
			top = max(top, r)
		}
	}
	p.lut.small = make([]int32, top+1) // not the whole range: a Pattern is small
	p.ids = make([]int32, 0, utf8.RuneCountInString(s))
	for _, r := range s {
		p.ids = append(p.ids, p.lut.add(r))
	}
	p.mt.build(p.ids, p.lut.len())
	p.tc = make([]int32, p.lut.len()+1)
	return p
}

// Len returns the pattern's length in runes.
func (p *Pattern) Len() int { return len(p.ids) }

// Distance returns the Levenshtein distance in runes between the pattern
// and text; it equals the package-level Distance.
func (p *Pattern) Distance(text string) int {
	return p.distance(text, -1)
}

// DistanceAtMost returns the distance between the pattern and text and true
// when it is at most k; otherwise k+1 and false. A negative k means no
// limit.
func (p *Pattern) DistanceAtMost(text string, k int) (int, bool) {
	d := p.distance(text, k)
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
	n := p.mapText(text)
	l := max(len(p.ids), n)
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

func (p *Pattern) distance(text string, k int) int {
	return p.run(p.mapText(text), k)
}

// mapText writes the ids of text's runes to p.tids and returns their number.
func (p *Pattern) mapText(text string) int {
	t := p.tids[:0]
	for i := 0; i < len(text); {
		r, size := decodeRune(text, i)
		t = append(t, p.lut.lookup(r))
		i += size
	}
	p.tids = t
	return len(t)
}

// run computes the distance between the pattern and p.tids[:n].
func (p *Pattern) run(n, k int) int {
	return runPair(&p.mt, &p.win, p.ids, p.tids[:n], p.tc, p.lut.len(), k)
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

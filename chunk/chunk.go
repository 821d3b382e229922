package chunk

import (
	"fmt"
	"strings"

	"github.com/spinwise/spinwise/linkcheck"
)

// Unit is the unit chunk lengths are measured in.
type Unit int

// Units.
const (
	// Runes counts Unicode code points; an invalid UTF-8 byte counts as one.
	Runes Unit = iota
	// UTF16 counts UTF-16 code units, the way WhatsApp and Telegram count
	// message length: a rune above U+FFFF counts as two, an invalid UTF-8
	// byte as one.
	UTF16
	// Graphemes counts extended grapheme clusters (UAX #29), what a reader
	// sees as one character: "🇷🇺" or "й" written as и + U+0306 count as one.
	Graphemes
)

func (u Unit) String() string {
	switch u {
	case Runes:
		return "runes"
	case UTF16:
		return "UTF-16 units"
	case Graphemes:
		return "graphemes"
	}
	return fmt.Sprintf("Unit(%d)", int(u))
}

// DefaultMax is the limit used when Options is nil or Options.Max is 0: 300
// units, a size that reads as a chat message. WhatsApp's own hard limit is
// 4,096 UTF-16 code units.
const DefaultMax = 300

// Options configures Split. A nil *Options or the zero value means Max 300
// runes.
type Options struct {
	Max  int  // the longest chunk allowed, in Unit; 0 means DefaultMax; negative is an error
	Unit Unit // the unit of Max; the zero value is Runes
}

// resolve validates opts and fills in the defaults.
func (o *Options) resolve() (max int, u Unit, err error) {
	if o == nil {
		return DefaultMax, Runes, nil
	}
	max, u = o.Max, o.Unit
	if max < 0 {
		return 0, 0, fmt.Errorf("chunk: Options.Max is %d; use 0 for the default (%d) or a positive limit", max, DefaultMax)
	}
	if max == 0 {
		max = DefaultMax
	}
	if u < Runes || u > Graphemes {
		return 0, 0, fmt.Errorf("chunk: Options.Unit is %d; use chunk.Runes, chunk.UTF16 or chunk.Graphemes", int(u))
	}
	return max, u, nil
}

// links finds the link spans; a Checker is safe for concurrent use, so one
// serves every call.
var links = linkcheck.New(nil)

// findLinks returns the link spans of text; a variable so that a benchmark
// can measure Split's own scanning apart from the link finder.
var findLinks = func(text string) []linkcheck.Link { return links.Check(text) }

// Split splits text into chunks of at most opts.Max units each (see
// Options), cutting at the strongest boundary that makes every chunk fit:
// paragraph > line > sentence > clause > word > grapheme cluster. The package
// documentation gives the rules in full.
//
// Text that fits comes back as one chunk with its leading and trailing
// white space removed; text that is empty or all white space gives no
// chunks and no error. The only errors are a bad Options (a plain error) and
// an atomic span that does not fit (*SpanError). Split never panics, and its
// time and memory are linear in len(text).
func Split(text string, opts *Options) ([]string, error) {
	return split(text, nil, false, opts)
}

// SplitLinks is Split for a caller that has already found the links of text
// with a linkcheck.Checker (as package campaign does to check them): it
// keeps those spans whole and does not look for links again. links are the
// Checker's result for this very text; a span outside it is ignored. With
// the links of a Checker built from nil Options, it gives what Split gives.
func SplitLinks(text string, links []linkcheck.Link, opts *Options) ([]string, error) {
	return split(text, links, true, opts)
}

func split(text string, links []linkcheck.Link, given bool, opts *Options) ([]string, error) {
	max, u, err := opts.resolve()
	if err != nil {
		return nil, err
	}
	if start, end, ok := fits(text, max, u); ok {
		// Most messages fit: no run needs a level.
		if start == end {
			return nil, nil
		}
		return []string{text[start:end]}, nil
	}
	w := walk(text, u)
	defer w.release() // the chunks are substrings of text: nothing keeps the runs
	if w.start == w.end {
		return nil, nil
	}
	if w.total-w.startCum <= max {
		return []string{text[w.start:w.end]}, nil
	}
	s := &splitter{text: text, unit: u, max: max, w: w}
	if !given {
		links = findLinks(text[:w.end])
	}
	if err := s.findSpans(links); err != nil {
		return nil, err
	}
	s.cursor = pairCursor{pairs: s.pairs}
	return s.split()
}

// splitter holds the state of one Split call.
type splitter struct {
	text string
	unit Unit
	max  int
	w    walked

	spans  []span // atomic spans, sorted and merged
	pairs  []pair // markup pairs longer than max, sorted by start
	marks  []string
	cursor pairCursor // for the long pairs at fallback cuts
	// marks[i] is the opening markers of the long pairs open across run i,
	// in opening order; nil when there are no long pairs.
}

// split runs the greedy cut: from the current position, take the run of
// the highest level (farthest among equals) that keeps the chunk within
// max; if none does, cut at the last grapheme boundary that does.
func (s *splitter) split() ([]string, error) {
	text, runs := s.text, s.w.runs
	var out []string
	pos, posCum := s.w.start, s.w.startCum
	prefix := ""
	k := 0
	for {
		if s.w.total-posCum+len(prefix) <= s.max {
			out = append(out, prefix+text[pos:s.w.end])
			return out, nil
		}
		limit := s.max - len(prefix)
		best, last := -1, -1
		var bestLevel level
		for j := k; j < len(runs); j++ {
			r := &runs[j]
			if r.cum0-posCum > limit {
				break
			}
			if r.blocked {
				continue
			}
			if s.marks != nil && r.cum0-posCum+len(s.marks[j]) > limit {
				continue
			}
			lv := r.level
			if lv == levelClause && (r.cum0-posCum)*4 < s.max {
				lv = levelWord // a lone "Да," is no message: too short a clause counts as a word
			}
			if best < 0 || lv >= bestLevel {
				best, bestLevel = j, lv
			}
			last = j
		}
		// Keep a short preposition with its word only when the two can
		// travel together: if they cannot fit in the next chunk anyway,
		// end this chunk after the preposition.
		if bestLevel == levelWord && last > best && runs[last].level == levelHanging {
			next := s.w.total
			if last+1 < len(runs) {
				next = runs[last+1].cum0
			}
			if next-runs[best].cum1 > s.max {
				best, bestLevel = last, levelHanging
			}
		}
		if best >= 0 {
			r := &runs[best]
			mk := ""
			if s.marks != nil {
				mk = s.marks[best]
			}
			out = append(out, prefix+text[pos:r.ws0]+closers(mk))
			pos, posCum, prefix, k = r.ws1, r.cum1, mk, best+1
			continue
		}
		// No white space fits: cut inside a word at a grapheme boundary.
		p, pCum, mk, err := s.fallback(pos, posCum, limit)
		if err != nil {
			return nil, err
		}
		out = append(out, prefix+text[pos:p]+closers(mk))
		pos, posCum, prefix = p, pCum, mk
		for k < len(runs) && runs[k].ws0 < pos {
			k++
		}
		if k < len(runs) && runs[k].ws0 == pos {
			pos, posCum = runs[k].ws1, runs[k].cum1
			k++
		}
	}
}

// closers returns the closing markers for the opening markers mk, in
// reverse order.
func closers(mk string) string {
	if mk == "" {
		return ""
	}
	var b strings.Builder
	for i := len(mk); i > 0; {
		n := 1
		if i >= 3 && mk[i-3:i] == "```" {
			n = 3
		}
		b.WriteString(mk[i-n : i])
		i -= n
	}
	return b.String()
}

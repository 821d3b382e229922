package linkcheck

import (
	"unicode/utf8"
)

// Limits that keep a failed candidate cheap, so that scanning stays linear
// in the message length whatever the input.
const (
	maxLabels    = 16  // labels in a bare host
	maxLabelLen  = 256 // bytes in one label as written (63 after punycode, plus disguises)
	maxLocalLen  = 256 // bytes in the local part of an e-mail address
	maxAuthority = 512 // bytes in the authority (userinfo@host:port) of a URL
	maxScheme    = 12  // bytes in a scheme name
	maxSlashes   = 8   // '/' and '\' between a web scheme's ':' and its host
	maxPort      = 16  // digits in a port, leading zeros included
)

// found is a link's span and what the scanner learned about it.
type found struct {
	start, end         int // the link: msg[start:end]
	hostStart, hostEnd int // the host as written; equal when there is none
	kind               Kind
	hxxp               bool // a defanged scheme such as hxxp://
	disguised          bool // a disguised dot between host labels
	zeroWidth          bool // zero-width characters inside the host
	malformed          bool // an e-mail's domain followed by a port that is no number and a path
}

// scanner finds links from left to right. The pre-scan in next looks at one
// byte at a time for a trigger (see trigger) and runs the matchers only
// there; the matchers work on indices and allocate nothing unless a
// candidate holds zero-width characters.
//
// Each field is either state (what the scan has reached and how it is
// configured) or a cache: an answer remembered so that a later candidate
// need not compute it again, which is what keeps scanning linear in the
// message length. Without the caches a message of one short unit repeated
// ("a.", "mailto:a@b?") costs time quadratic in its length; TestWorkLinear
// checks that it does not.
type scanner struct {
	// msg is the text scanned (state, set once).
	msg string
	// pos is where next looks for the next trigger (state).
	pos int
	// last is the end of the previous link: no link starts before it, and
	// a label that would glue onto it is not one (state).
	last int
	// skip is a cache: a failed matcher found that no link can start
	// before it (a run of labels without a TLD), so the pre-scan jumps
	// there instead of reading up to maxLabels labels again from every
	// later dot of the same run.
	skip int
	// limit, when > 0, ends the pre-scan: no trigger at or after it is
	// looked at (state, set once for a look-ahead; see webAhead).
	limit int

	// pathUntil (state): before it the text is a link's path, query or
	// fragment: the whole message in Checker.carried, and the rest of a
	// mailto: link cut short (see mailto). There a host right after '/' or
	// '\' is a carried URL, never a path segment of a word.
	pathUntil int
	// noAhead (state, set once): this scanner is a look-ahead (see
	// webAhead): a mailto: link ends after its addresses and does not look
	// ahead again, so that scanning never nests deeper than one look-ahead.
	noAhead bool

	// aheadFrom and aheadAt are a cache of the last look-ahead that found
	// a web link: none starts in msg[aheadFrom:aheadAt], one starts at
	// aheadAt (valid when aheadAt > 0). The mailto: links of one run ask
	// webAhead once between them, not once each.
	aheadFrom, aheadAt int
	// runFrom and runEnd are a cache of pathEnd: pathEnd(msg, p) == runEnd
	// for every p in [runFrom, runEnd], so the mailto: links of one run
	// find its end once (see runEndAt).
	runFrom, runEnd int

	// work counts the bytes examined by the scans whose length is not
	// bounded by a constant (the pre-scan, label runs, paths, trimming,
	// authorities, address lists, look-aheads). It only grows and decides
	// nothing: it is how TestWorkLinear sees that scanning is linear
	// without timing it.
	work int
}

// trigger marks bytes that may be part of a link's skeleton: a dot, the ':'
// of a scheme, the '/' of "//host", the '@' of an e-mail address, the
// brackets of "[.]" and "(dot)", the space of " . " and " точка ", and the
// lead bytes of the look-alike dots '․' (E2 80 A4), '。' (E3 80 82), '．'
// (EF BC 8E), '｡' (EF BD A1) and '﹒' (EF B9 92).
var trigger = [256]bool{
	'.': true, ':': true, '/': true, '@': true, '[': true, '(': true, '{': true,
	' ': true, 0xE2: true, 0xE3: true, 0xEF: true,
}

// next returns the next link, or false when there is none.
func (s *scanner) next() (found, bool) {
	msg := s.msg
	end := len(msg)
	if s.limit > 0 {
		end = s.limit
	}
	for i := s.pos; i < end; i++ {
		c := msg[i]
		if !trigger[c] {
			continue
		}
		// Cheap filters before any matcher: most dots end a sentence or an
		// abbreviation, most spaces separate words.
		switch c {
		case '.':
			if i == 0 || i+1 >= len(msg) || !hostByte(msg[i-1]) || !hostByte(msg[i+1]) {
				continue
			}
		case ':':
			// A scheme's last letter, or the last byte of a zero-width
			// character hidden in it.
			if i == 0 || !isASCIILetter(msg[i-1]) && msg[i-1] < utf8.RuneSelf {
				continue
			}
		case '/':
			if i+1 >= len(msg) || msg[i+1] != '/' {
				continue
			}
		case ' ', '[', '(', '{':
			if i+1 >= len(msg) {
				continue
			}
			// '.', "dot", "точка" (т is D1 82, Т is D0 A2), more spaces,
			// the bracket of a spaced "[.]".
			switch msg[i+1] {
			case '.', 'd', 'D', ' ':
			case '[', '(', '{':
				if c != ' ' || !sepWordAt(msg, i+2) {
					continue
				}
			case 0xD1, 0xD0:
				if i+2 >= len(msg) || msg[i+2] != 0x82 && msg[i+2] != 0xA2 {
					continue
				}
			default:
				continue
			}
		case 0xE2, 0xE3, 0xEF:
			if n, _ := sepAt(msg, i); n == 0 {
				continue
			}
		}
		s.work++
		if f, ok := s.matchAt(i); ok {
			s.work += i - s.pos
			s.pos, s.last = f.end, f.end
			return f, true
		}
		if s.skip > i+1 {
			i = s.skip - 1
		}
	}
	s.work += max(end-s.pos, 0)
	s.pos = end
	return found{}, false
}

func (s *scanner) matchAt(i int) (found, bool) {
	switch s.msg[i] {
	case ':':
		return s.scheme(i)
	case '/':
		return s.protocolRelative(i)
	case '@':
		return s.email(i)
	}
	return s.bare(i)
}

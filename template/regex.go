package template

import (
	"fmt"
	"math"
	"reflect"
	"regexp"
	"regexp/syntax"
	"strconv"
	"strings"
)

// The regular-expression functions are sprig's, reimplemented so that the
// evaluator compiles each pattern once per render and charges the work
// budget (see maxWork) for what the pattern really costs. A pattern's cost
// is not its length: \d{1000} is 8 bytes and a program of 1,000
// instructions, and RE2 matching takes time in proportion to the program's
// size times the text's length. So a pattern is parsed first, its program's
// size estimated from the parse tree, and parsing, compiling and matching
// are each charged before they are done.

const (
	// maxRegexBytes caps a pattern's source: parsing a Unicode class
	// (\pL) allocates kilobytes, so 1 KiB of pattern may take megabytes.
	maxRegexBytes = 1024
	// maxRegexInsts caps a pattern's program: compiling costs about 250
	// bytes and 0.2 µs an instruction, and a match holds a thread per
	// instruction.
	maxRegexInsts = 10_000
	// maxRegexCapWords caps a replacement's thread state when it expands
	// $1: each thread of the matcher holds two words per group.
	maxRegexCapWords = 1 << 18
)

// Work units, as maxWork counts them: one is about what a string function
// spends on one byte of its arguments (about 7.5 ns: 64 Mi units take half a
// second), so a render spends at most about half a second on regular
// expressions too, whatever the patterns.
//
// The figures were measured (go1.26, amd64, without -race) by rendering
// loops that spend the whole budget on one kind of pattern made to be slow:
// \d{1000}x and \pL{1000}x over long texts; ((a|b)*)×170 with regexFindAll;
// 100 groups with regexReplaceAll and $1; findAll and split of an empty
// pattern; a new pattern each turn of 9×\pL{1000}, 10×\d{999}, 50
// negated (?i) classes of two Unicode tables, or 20 (?i) ranges of 125,000
// runes. Each took between 0.05 and 0.45 s on a busy 2-core machine.
const (
	regexCompileWork = 1_000   // compiling anything: a few microseconds of setup
	regexByteWork    = 32      // parsing, per byte of the pattern
	regexClassWork   = 16_000  // parsing a \p or \P class: a Unicode table copied and merged, up to 0.1 ms when case-folded
	regexFoldWork    = 600_000 // parsing a range where (?i) may apply: it is folded rune by rune, up to 125,000 runes (4 ms)
	regexInstWork    = 40      // compiling, per instruction of the program
	regexStepWork    = 3       // matching, per instruction per byte of the text
	regexStepExtra   = 8       // instructions' worth of matching work per byte outside the program (bookkeeping, results)
)

// regexFunc is one regular-expression function: PATTERN TEXT, and a third
// argument for some.
type regexFunc struct {
	nargs   int  // 2 or 3
	must    bool // a bad pattern is the function's error (mustX); otherwise sprig's regexp.MustCompile panic
	match   bool // regexMatch: a bad pattern is false
	third   byte // 'n' (an int: how many), 'r' (a replacement string) or 0
	literal bool // the replacement is literal: no $ expansion
	run     func(re *regexp.Regexp, text string, n int, repl string) any
}

var regexFuncs = map[string]*regexFunc{
	"regexMatch":                 {nargs: 2, match: true, run: reMatch},
	"mustRegexMatch":             {nargs: 2, must: true, run: reMatch},
	"regexFind":                  {nargs: 2, run: reFind},
	"mustRegexFind":              {nargs: 2, must: true, run: reFind},
	"regexFindAll":               {nargs: 3, third: 'n', run: reFindAll},
	"mustRegexFindAll":           {nargs: 3, must: true, third: 'n', run: reFindAll},
	"regexSplit":                 {nargs: 3, third: 'n', run: reSplit},
	"mustRegexSplit":             {nargs: 3, must: true, third: 'n', run: reSplit},
	"regexReplaceAll":            {nargs: 3, third: 'r', run: reReplace},
	"mustRegexReplaceAll":        {nargs: 3, must: true, third: 'r', run: reReplace},
	"regexReplaceAllLiteral":     {nargs: 3, third: 'r', literal: true, run: reReplaceLiteral},
	"mustRegexReplaceAllLiteral": {nargs: 3, must: true, third: 'r', literal: true, run: reReplaceLiteral},
}

func reMatch(re *regexp.Regexp, text string, _ int, _ string) any { return re.MatchString(text) }
func reFind(re *regexp.Regexp, text string, _ int, _ string) any  { return re.FindString(text) }
func reFindAll(re *regexp.Regexp, text string, n int, _ string) any {
	return re.FindAllString(text, n)
}
func reSplit(re *regexp.Regexp, text string, n int, _ string) any { return re.Split(text, n) }
func reReplace(re *regexp.Regexp, text string, _ int, repl string) any {
	return re.ReplaceAllString(text, repl)
}
func reReplaceLiteral(re *regexp.Regexp, text string, _ int, repl string) any {
	return re.ReplaceAllLiteralString(text, repl)
}

// compiledRegex is a pattern compiled in this render.
type compiledRegex struct {
	re    *regexp.Regexp
	insts int   // the program's size, estimated from the parse tree
	err   error // the pattern's syntax error; re is nil
}

// The per-render cache holds at most this much, so that a render does not
// keep megabytes of programs alive; a pattern that does not fit is compiled
// (and charged) each time it runs.
const (
	regexCacheEntries = 64
	regexCacheBytes   = 4 * maxRegexBytes
	regexCacheInsts   = 4 * maxRegexInsts
)

var stringType = reflect.TypeFor[string]()
var intType = reflect.TypeFor[int]()

// callRegex runs the regular-expression function fn on a, as sprig would,
// charging the work budget for parsing, compiling and matching before doing
// each.
func (s *state) callRegex(fn *function, a []any) (any, error) {
	rf := fn.rx
	if err := arity(fn.name, a, rf.nargs, rf.nargs); err != nil {
		return nil, err
	}
	// arguments converted as reflectCall converts them: nil is the zero value
	var pattern, text, repl string
	n := 0
	for i, arg := range a {
		t := stringType
		if i == 2 && rf.third == 'n' {
			t = intType
		}
		v, err := convertArg(arg, t)
		if err != nil {
			return nil, fmt.Errorf("%s: argument %d: %v", fn.name, i+1, err)
		}
		switch i {
		case 0:
			pattern = v.String()
		case 1:
			text = v.String()
		default:
			if t == intType {
				n = int(v.Int())
			} else {
				repl = v.String()
			}
		}
	}
	cr, err := s.regex(fn.name, pattern)
	if err != nil {
		return nil, err
	}
	if cr.err != nil {
		switch {
		case rf.match:
			return false, nil // sprig's regexMatch ignores the error
		case rf.must:
			return nil, fmt.Errorf("%s: %w", fn.name, cr.err)
		}
		// sprig calls regexp.MustCompile, whose panic reflectCall reports
		return nil, fmt.Errorf("%s: regexp: Compile(%s): %v", fn.name, quoteRegex(pattern), cr.err)
	}
	// Matching: every instruction may run at every byte. A replacement that
	// expands $1 carries each group's position in every thread.
	words := 0
	if rf.third == 'r' && !rf.literal && strings.Contains(repl, "$") {
		words = 2 * (cr.re.NumSubexp() + 1)
		if cr.insts*words > maxRegexCapWords {
			return nil, tooMuchWork("%s: the pattern's %d groups in a program of about %d instructions are too many to expand $ in the replacement; use fewer groups (?:...), a shorter pattern or regexReplaceAllLiteral",
				fn.name, cr.re.NumSubexp(), cr.insts)
		}
	}
	// A replacement is guarded like replace: a result over 1 MiB is refused
	// before it is built. When each match may add bytes, the matches are
	// counted first: a second pass.
	passes, per := 1, 0
	if rf.third == 'r' {
		per = len(repl)
		if !rf.literal {
			per += strings.Count(repl, "$") * len(text)
		}
		if per > 0 {
			passes = 2
		}
	}
	units := mulSat(mulSat(cr.insts+regexStepExtra+words, len(text)+1), passes*regexStepWork)
	if err := s.chargeRegex(fn.name, units); err != nil {
		return nil, err
	}
	if rf.third == 'r' {
		m := 0
		if per > 0 {
			m = len(cr.re.FindAllStringIndex(text, -1))
		}
		if len(text)+mulSat(m, per) > guardLimit {
			return nil, fmt.Errorf("%s: %w", fn.name, errTooBig)
		}
	}
	return rf.run(cr.re, text, n, repl), nil
}

// regex returns pattern compiled, from this render's cache or compiled now.
// It charges the work budget for parsing and compiling before each, and
// refuses a pattern over maxRegexBytes or a program over maxRegexInsts.
// A syntax error is returned in the result's err, for the caller to report
// as sprig would; the error returned is the budget's or a limit's.
func (s *state) regex(name, pattern string) (*compiledRegex, error) {
	if cr, ok := s.regexps[pattern]; ok {
		return cr, nil
	}
	if len(pattern) > maxRegexBytes {
		return nil, tooMuchWork("%s: pattern of %d bytes is over the %d-byte limit; a message needs a shorter pattern", name, len(pattern), maxRegexBytes)
	}
	// regexp.Compile parses the pattern again: parsing is charged twice
	if err := s.chargeRegex(name, regexCompileWork+2*parseWork(pattern)); err != nil {
		return nil, err
	}
	cr := &compiledRegex{}
	tree, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		cr.err = err
	} else {
		cr.insts = progSize(tree, maxRegexInsts+1) + 2 // and the program's fail and match
		if cr.insts > maxRegexInsts {
			return nil, tooMuchWork("%s: the pattern compiles to over %d instructions (a repeat such as x{1000} counts x a thousand times); use a simpler pattern", name, maxRegexInsts)
		}
		if err := s.chargeRegex(name, cr.insts*regexInstWork); err != nil {
			return nil, err
		}
		if cr.re, err = regexp.Compile(pattern); err != nil {
			cr.re, cr.err = nil, err // not expected: it parsed above
		}
	}
	if len(s.regexps) < regexCacheEntries && s.regexBytes+len(pattern) <= regexCacheBytes && s.regexInsts+cr.insts <= regexCacheInsts {
		if s.regexps == nil {
			s.regexps = make(map[string]*compiledRegex)
		}
		s.regexps[pattern] = cr
		s.regexBytes += len(pattern)
		s.regexInsts += cr.insts
	}
	return cr, nil
}

// chargeRegex adds units to the render's work, or fails when they would
// take it over the budget.
func (s *state) chargeRegex(name string, units int) error {
	budget := maxWork(s.t.limit)
	if units > budget-s.work {
		s.work = budget + 1
		return tooMuchWork("%s: functions were given over %d bytes in this message, a regular expression counting its program's size times its text's; call it less often, or on a shorter text or a simpler pattern", name, budget)
	}
	s.work += units
	return nil
}

// parseWork estimates, in work units, what parsing pattern costs. Most
// bytes cost little; a Unicode class copies a table of hundreds of ranges;
// and where case folding may apply, each range of a class is folded rune by
// rune. The folding flag is set by a group (?i) or (?i:...); any such
// group, anywhere, makes every '-' count as a range to fold.
func parseWork(pattern string) int {
	w := len(pattern) * regexByteWork
	w += (strings.Count(pattern, `\p`) + strings.Count(pattern, `\P`)) * regexClassWork
	if mayFoldCase(pattern) {
		w += strings.Count(pattern, "-") * regexFoldWork
	}
	return w
}

// mayFoldCase reports whether pattern holds a flag group that may set i:
// "(?" followed by flags, one of them i. It errs towards yes.
func mayFoldCase(pattern string) bool {
	for i := 0; i+2 < len(pattern); i++ {
		if pattern[i] != '(' || pattern[i+1] != '?' {
			continue
		}
		for j := i + 2; j < len(pattern); j++ {
			c := pattern[j]
			if c == 'i' {
				return true
			}
			if !strings.ContainsRune("msU-", rune(c)) {
				break
			}
		}
	}
	return false
}

// progSize estimates the size in instructions of the program that
// regexp/syntax compiles from re (after Simplify expands its repeats),
// counting as regexp/syntax's own size check does, pessimistically. It
// stops counting past limit.
func progSize(re *syntax.Regexp, limit int) int {
	size := 0
	switch re.Op {
	case syntax.OpLiteral:
		size = len(re.Rune)
	case syntax.OpCapture, syntax.OpStar:
		size = 2 + progSize(re.Sub[0], limit) // a star of a nullable x is (x+)?: 2
	case syntax.OpPlus, syntax.OpQuest:
		size = 1 + progSize(re.Sub[0], limit)
	case syntax.OpConcat, syntax.OpAlternate:
		for _, sub := range re.Sub {
			if size += progSize(sub, limit); size > limit {
				return size
			}
		}
		if re.Op == syntax.OpAlternate && len(re.Sub) > 1 {
			size += len(re.Sub) - 1
		}
	case syntax.OpRepeat:
		sub := progSize(re.Sub[0], limit)
		switch {
		case re.Max == -1 && re.Min == 0:
			size = 2 + sub // x*
		case re.Max == -1:
			size = 1 + mulSat(re.Min, sub) // xxx+
		default:
			size = mulSat(re.Max, sub) + re.Max - re.Min // x{2,5} is xx(x(x(x)?)?)?
		}
	}
	return min(max(1, size), limit+1)
}

// mulSat returns a*b for non-negative a and b, or the largest int when that
// overflows.
func mulSat(a, b int) int {
	if a == 0 || b == 0 {
		return 0
	}
	if a > math.MaxInt/b {
		return math.MaxInt
	}
	return a * b
}

// quoteRegex quotes a pattern as regexp.MustCompile's panic does.
func quoteRegex(s string) string {
	if strconv.CanBackquote(s) {
		return "`" + s + "`"
	}
	return strconv.Quote(s)
}

package template

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"text/template"
	"time"
	"unicode/utf8"

	"github.com/Masterminds/sprig/v3"
)

// maxItems caps the length of a list or map that a function may return; a
// longer one is an error. It keeps quadratic functions (uniq, without, has)
// and range loops over computed lists bounded in time.
const maxItems = 1000

// maxFormatWidth caps the width and precision in a printf verb, so that
// printf "%999999999d" cannot allocate gigabytes.
const maxFormatWidth = 999

// fnKind tells the evaluator how a function takes its arguments.
type fnKind uint8

const (
	fnPlain    fnKind = iota
	fnAnd             // and: evaluated lazily, left to right
	fnOr              // or: evaluated lazily, left to right
	fnFallback        // default, coalesce, empty: a missing field reaches it as nil instead of failing
)

// function is one allow-listed template function.
type function struct {
	name string
	kind fnKind
	call func(args []any) (any, error)
	// rx, for a regular-expression function, is how the evaluator runs it
	// (call is nil): it compiles the pattern once per render and charges
	// the work budget for what the pattern costs (regex.go).
	rx *regexFunc
}

// sprigAllowed lists the sprig functions templates may call, as sprig
// implements them. Left out on purpose (see doc.go, "Functions"): anything
// that reads the environment, the network, the clock or a random source;
// crypto and hashing; functions that allocate memory out of proportion to
// their input (repeat, until, untilStep, seq, indent, nindent, wrap,
// wrapWith, toPrettyJson, whose indentation grows with the square of the
// nesting depth); functions that mutate their arguments, which may be the
// recipient's data (set, unset, merge*, mergeOverwrite); byte-based string
// cutters replaced by rune-safe ones (trunc, substr, abbrev, abbrevboth);
// sprig's English plural and title, replaced by Russian-aware ones; and the
// os* path functions, whose result depends on the host.
var sprigAllowed = []string{
	// strings
	"trim", "upper", "lower", "untitle", "trimAll", "trimall", "trimSuffix", "trimPrefix",
	"nospace", "initials", "swapcase", "snakecase", "camelcase", "kebabcase",
	"contains", "hasPrefix", "hasSuffix", "quote", "squote", "cat", "toString",
	"split", "splitList", "splitn", "toStrings", "sortAlpha",
	// numbers
	"atoi", "int64", "int", "float64", "toDecimal",
	"add1", "add", "sub", "div", "mod", "mul", "add1f", "addf", "subf", "divf", "mulf",
	"biggest", "max", "min", "maxf", "minf", "ceil", "floor", "round",
	// defaults and data
	"empty", "all", "any", "compact", "mustCompact", "ternary", "deepCopy", "mustDeepCopy",
	"fromJson", "mustFromJson", "toJson", "mustToJson", "toRawJson", "mustToRawJson",
	"typeOf", "typeIs", "typeIsLike", "kindOf", "kindIs", "deepEqual",
	"tuple", "list", "dict", "get", "hasKey", "pluck", "keys", "pick", "omit", "values",
	"append", "push", "mustAppend", "mustPush", "prepend", "mustPrepend",
	"first", "mustFirst", "rest", "mustRest", "last", "mustLast", "initial", "mustInitial",
	"reverse", "mustReverse", "uniq", "mustUniq", "without", "mustWithout", "has", "mustHas",
	"slice", "mustSlice", "concat", "dig", "chunk", "mustChunk",
	// paths (pure string functions), encodings, versions, URLs
	"base", "dir", "clean", "ext", "isAbs",
	"b64enc", "b64dec", "b32enc", "b32dec",
	"semver", "semverCompare", "urlParse", "urlJoin",
	// durations (pure: no clock)
	"duration", "durationRound",
	// flow; the regular-expression functions are in regex.go
	"fail", "regexQuoteMeta",
}

var (
	funcs     map[string]*function // every function a template may call
	funcNames map[string]any       // the same names, for text/template/parse's check
)

func init() {
	funcs = make(map[string]*function)
	add := func(name string, kind fnKind, call func([]any) (any, error)) {
		funcs[name] = &function{name: name, kind: kind, call: call}
	}
	hermetic := sprig.HermeticTxtFuncMap()
	for _, name := range sprigAllowed {
		f, ok := hermetic[name]
		if !ok {
			panic("template: sprig has no function " + name) // caught by every test run
		}
		add(name, fnPlain, reflectCall(name, f))
	}
	// Quadratic sprig functions, guarded: the result's size is bounded before
	// anything is allocated.
	add("replace", fnPlain, guardedReplace)
	add("join", fnPlain, guardedJoin(reflectCall("join", hermetic["join"])))
	// sprig's regular-expression functions, run by the evaluator (regex.go);
	// the replacements are guarded like replace
	for name, rx := range regexFuncs {
		if _, ok := hermetic[name]; !ok {
			panic("template: sprig has no function " + name)
		}
		funcs[name] = &function{name: name, kind: fnPlain, rx: rx}
	}

	// text/template's builtins, reimplemented so numeric strings from a CSV
	// compare as numbers. call is left out: it would call functions found
	// in the data.
	add("and", fnAnd, nil)
	add("or", fnOr, nil)
	add("not", fnPlain, func(a []any) (any, error) {
		if err := arity("not", a, 1, 1); err != nil {
			return nil, err
		}
		return !truth(a[0]), nil
	})
	add("len", fnPlain, builtinLen)
	add("index", fnPlain, builtinIndex)
	add("print", fnPlain, func(a []any) (any, error) { return fmt.Sprint(a...), nil })
	add("println", fnPlain, func(a []any) (any, error) { return fmt.Sprintln(a...), nil })
	add("printf", fnPlain, builtinPrintf)
	add("eq", fnPlain, builtinEq)
	add("ne", fnPlain, func(a []any) (any, error) {
		if err := arity("ne", a, 2, 2); err != nil {
			return nil, err
		}
		eq, err := equal(a[0], a[1])
		return !eq, err
	})
	add("lt", fnPlain, compareFunc("lt", func(c int) bool { return c < 0 }))
	add("le", fnPlain, compareFunc("le", func(c int) bool { return c <= 0 }))
	add("gt", fnPlain, compareFunc("gt", func(c int) bool { return c > 0 }))
	add("ge", fnPlain, compareFunc("ge", func(c int) bool { return c >= 0 }))
	add("html", fnPlain, func(a []any) (any, error) { return template.HTMLEscaper(a...), nil })
	add("js", fnPlain, func(a []any) (any, error) { return template.JSEscaper(a...), nil })
	add("urlquery", fnPlain, func(a []any) (any, error) { return template.URLQueryEscaper(a...), nil })

	// Fallbacks that treat only missing, nil and blank as empty.
	add("default", fnFallback, funcDefault)
	add("coalesce", fnFallback, funcCoalesce)
	funcs["empty"].kind = fnFallback

	// Rune-safe and Russian-aware functions (russian.go).
	add("trunc", fnPlain, funcTrunc)
	add("substr", fnPlain, funcSubstr)
	add("abbrev", fnPlain, funcAbbrev)
	add("title", fnPlain, funcTitle)
	add("name", fnPlain, funcName)
	add("plural", fnPlain, funcPlural)
	add("money", fnPlain, funcMoney)
	add("date", fnPlain, funcDate)

	funcNames = make(map[string]any, len(funcs))
	for name := range funcs {
		funcNames[name] = true
	}
}

// FuncNames returns the names of every function a template may call, sorted.
func FuncNames() []string {
	names := make([]string, 0, len(funcs))
	for n := range funcs {
		names = append(names, n)
	}
	sortStrings(names)
	return names
}

func arity(name string, a []any, min, max int) error {
	if len(a) < min || (max >= 0 && len(a) > max) {
		switch {
		case min == max:
			return fmt.Errorf("%s takes %d argument(s), got %d", name, min, len(a))
		case max < 0:
			return fmt.Errorf("%s takes at least %d argument(s), got %d", name, min, len(a))
		default:
			return fmt.Errorf("%s takes %d to %d arguments, got %d", name, min, max, len(a))
		}
	}
	return nil
}

// reflectCall adapts a Go function to the evaluator's calling convention,
// converting arguments as text/template does (nil becomes the zero value:
// it only arrives there from a missing field in a pipeline with a fallback),
// and turning panics inside the function into errors.
func reflectCall(name string, f any) func([]any) (any, error) {
	fv := reflect.ValueOf(f)
	ft := fv.Type()
	nin := ft.NumIn()
	variadic := ft.IsVariadic()
	return func(args []any) (res any, err error) {
		if variadic {
			if err := arity(name, args, nin-1, -1); err != nil {
				return nil, err
			}
		} else if err := arity(name, args, nin, nin); err != nil {
			return nil, err
		}
		in := make([]reflect.Value, len(args))
		for i, a := range args {
			var pt reflect.Type
			if variadic && i >= nin-1 {
				pt = ft.In(nin - 1).Elem()
			} else {
				pt = ft.In(i)
			}
			v, err := convertArg(a, pt)
			if err != nil {
				return nil, fmt.Errorf("%s: argument %d: %v", name, i+1, err)
			}
			in[i] = v
		}
		defer func() {
			if r := recover(); r != nil {
				res, err = nil, fmt.Errorf("%s: %v", name, r)
			}
		}()
		out := fv.Call(in)
		if len(out) == 2 && !out[1].IsNil() {
			return nil, fmt.Errorf("%s: %w", name, out[1].Interface().(error))
		}
		if len(out) == 0 {
			return nil, nil
		}
		return out[0].Interface(), nil
	}
}

func isNumberKind(k reflect.Kind) bool {
	return (k >= reflect.Int && k <= reflect.Uint64) || k == reflect.Float32 || k == reflect.Float64
}

func convertArg(a any, t reflect.Type) (reflect.Value, error) {
	if a == nil {
		return reflect.Zero(t), nil
	}
	v := reflect.ValueOf(a)
	if v.Type().AssignableTo(t) {
		return v, nil
	}
	if isNumberKind(v.Kind()) && isNumberKind(t.Kind()) {
		return v.Convert(t), nil
	}
	if s, ok := a.(string); ok && isNumberKind(t.Kind()) {
		if f, ok := parseNumber(s); ok {
			return reflect.ValueOf(f).Convert(t), nil
		}
	}
	if v.Kind() == t.Kind() && v.Type().ConvertibleTo(t) && t.Kind() == reflect.String {
		return v.Convert(t), nil
	}
	return reflect.Value{}, fmt.Errorf("cannot use %s (%T) as %s", shorten(fmt.Sprint(a), 30), a, t)
}

// checkSize reports an error when a function's result is bigger than limit
// bytes (strings) or maxItems items (lists, maps).
func checkSize(name string, v any, limit int) error {
	switch x := v.(type) {
	case nil, bool, int, int64, float64:
		return nil
	case string:
		if len(x) > limit {
			return fmt.Errorf("%s: result of %d bytes is over the %d-byte limit", name, len(x), limit)
		}
		return nil
	case []any:
		if len(x) > maxItems {
			return fmt.Errorf("%s: result of %d items is over the %d-item limit", name, len(x), maxItems)
		}
		return nil
	case []string:
		if len(x) > maxItems {
			return fmt.Errorf("%s: result of %d items is over the %d-item limit", name, len(x), maxItems)
		}
		return nil
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Slice, reflect.Map, reflect.Array:
		if rv.Len() > maxItems {
			return fmt.Errorf("%s: result of %d items is over the %d-item limit", name, rv.Len(), maxItems)
		}
	case reflect.String:
		if rv.Len() > limit {
			return fmt.Errorf("%s: result of %d bytes is over the %d-byte limit", name, rv.Len(), limit)
		}
	}
	return nil
}

// sizeLeft returns budget less the size of v: the bytes of its strings,
// walking lists and maps, with 1 byte per item and 8 per other value. It
// stops once the result is negative, and lists nested deeper than 100 count
// as over any budget, so it takes time in proportion to budget at most.
// Every function call's arguments are measured before the call, so that
// one call cannot build gigabytes from many references to one big value
// ({{ with (list .S .S) }}{{ toJson (list . . .) }}{{ end }}) before its
// result is checked.
func sizeLeft(v any, budget, depth int) int {
	if depth > 100 {
		return -1
	}
	switch x := v.(type) {
	case nil, bool, int, int64, float64:
		return budget - 8
	case string:
		return budget - len(x)
	case []any:
		for _, e := range x {
			if budget = sizeLeft(e, budget-1, depth+1); budget < 0 {
				break
			}
		}
		return budget
	case []string:
		for _, e := range x {
			if budget -= len(e) + 1; budget < 0 {
				break
			}
		}
		return budget
	case map[string]any:
		for k, e := range x {
			if budget = sizeLeft(e, budget-len(k)-1, depth+1); budget < 0 {
				break
			}
		}
		return budget
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.String:
		return budget - rv.Len()
	case reflect.Slice, reflect.Array:
		for i := 0; i < rv.Len() && budget >= 0; i++ {
			budget = sizeLeft(rv.Index(i).Interface(), budget-1, depth+1)
		}
		return budget
	case reflect.Map:
		it := rv.MapRange()
		for budget >= 0 && it.Next() {
			budget = sizeLeft(it.Key().Interface(), budget-1, depth+1)
			budget = sizeLeft(it.Value().Interface(), budget, depth+1)
		}
		return budget
	}
	return budget - 8
}

// guardLimit bounds what one guarded function may build, whatever MaxOutput
// is: the evaluator's own check then applies MaxOutput to the result.
const guardLimit = 1 << 20

var errTooBig = errors.New("result would be over 1 MiB; shorten the inputs")

func guardedReplace(a []any) (any, error) {
	if err := arity("replace", a, 3, 3); err != nil {
		return nil, err
	}
	old, new, src := toString(a[0]), toString(a[1]), toString(a[2])
	n := 0
	if old == "" {
		n = utf8.RuneCountInString(src) + 1
	} else {
		n = strings.Count(src, old)
	}
	if len(src)+n*(len(new)-len(old)) > guardLimit {
		return nil, fmt.Errorf("replace: %w", errTooBig)
	}
	return strings.ReplaceAll(src, old, new), nil
}

func guardedJoin(call func([]any) (any, error)) func([]any) (any, error) {
	return func(a []any) (any, error) {
		if err := arity("join", a, 2, 2); err != nil {
			return nil, err
		}
		sep := toString(a[0])
		n := 0
		if rv := reflect.ValueOf(a[1]); rv.Kind() == reflect.Slice || rv.Kind() == reflect.Array {
			n = rv.Len()
		}
		if len(sep)*n > guardLimit {
			return nil, fmt.Errorf("join: %w", errTooBig)
		}
		return call(a)
	}
}

// printf verbs may carry a width and a precision; both are capped.
func builtinPrintf(a []any) (any, error) {
	if err := arity("printf", a, 1, -1); err != nil {
		return nil, err
	}
	format := toString(a[0])
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		for i < len(format) && strings.IndexByte("+-# 0", format[i]) >= 0 {
			i++
		}
		for part := 0; part < 2; part++ {
			start := i
			for i < len(format) && format[i] >= '0' && format[i] <= '9' {
				i++
			}
			if i < len(format) && (format[i] == '*' || format[i] == '[') {
				return nil, errors.New("printf: '*' and explicit argument indexes are not allowed in the format")
			}
			if w, err := strconv.Atoi(format[start:i]); i > start && (err != nil || w > maxFormatWidth) {
				return nil, fmt.Errorf("printf: width or precision %s is over %d", format[start:i], maxFormatWidth)
			}
			if part == 0 && i < len(format) && format[i] == '.' {
				i++
				continue
			}
			break
		}
	}
	return fmt.Sprintf(format, a[1:]...), nil
}

func builtinLen(a []any) (any, error) {
	if err := arity("len", a, 1, 1); err != nil {
		return nil, err
	}
	switch x := a[0].(type) {
	case nil:
		return 0, nil
	case string:
		return utf8.RuneCountInString(x), nil
	}
	rv := reflect.ValueOf(a[0])
	switch rv.Kind() {
	case reflect.Slice, reflect.Map, reflect.Array, reflect.Chan:
		return rv.Len(), nil
	case reflect.String:
		return utf8.RuneCountInString(rv.String()), nil
	}
	return nil, fmt.Errorf("len of %T", a[0])
}

func builtinIndex(a []any) (any, error) {
	if err := arity("index", a, 1, -1); err != nil {
		return nil, err
	}
	v := a[0]
	for _, k := range a[1:] {
		if v == nil {
			return nil, nil
		}
		rv := reflect.ValueOf(v)
		switch rv.Kind() {
		case reflect.Map:
			kv, err := convertArg(k, rv.Type().Key())
			if err != nil {
				return nil, fmt.Errorf("index: %v", err)
			}
			e := rv.MapIndex(kv)
			if !e.IsValid() {
				return nil, nil
			}
			v = e.Interface()
		case reflect.String:
			// in runes, as len counts them: the i-th letter, not a byte of it
			str := rv.String()
			i, ok := toInt(k)
			n := utf8.RuneCountInString(str)
			if !ok || i < 0 || i >= int64(n) {
				return nil, fmt.Errorf("index: %v is out of range [0, %d) (runes)", k, n)
			}
			off := runeOffset(str, int(i))
			_, size := utf8.DecodeRuneInString(str[off:])
			v = str[off : off+size]
		case reflect.Slice, reflect.Array:
			i, ok := toInt(k)
			if !ok || i < 0 || i >= int64(rv.Len()) {
				return nil, fmt.Errorf("index: %v is out of range [0, %d)", k, rv.Len())
			}
			v = rv.Index(int(i)).Interface()
		default:
			return nil, fmt.Errorf("index: cannot index %T", v)
		}
	}
	return v, nil
}

func builtinEq(a []any) (any, error) {
	if err := arity("eq", a, 2, -1); err != nil {
		return nil, err
	}
	for _, b := range a[1:] {
		eq, err := equal(a[0], b)
		if err != nil {
			return nil, err
		}
		if eq {
			return true, nil
		}
	}
	return false, nil
}

// equal compares two values; a number and a numeric string compare as numbers.
func equal(a, b any) (bool, error) {
	if a == nil || b == nil {
		return a == nil && b == nil, nil
	}
	if x, ok := toFloat(a); ok {
		if y, ok := toFloat(b); ok {
			_, as := a.(string)
			_, bs := b.(string)
			if !(as && bs) {
				return x == y, nil
			}
		}
	}
	ta, tb := reflect.TypeOf(a), reflect.TypeOf(b)
	if ta.Comparable() && tb.Comparable() {
		if ta != tb {
			return false, nil
		}
		return a == b, nil
	}
	return false, fmt.Errorf("cannot compare %T with %T", a, b)
}

func compareFunc(name string, ok func(int) bool) func([]any) (any, error) {
	return func(a []any) (any, error) {
		if err := arity(name, a, 2, 2); err != nil {
			return nil, err
		}
		_, as := a[0].(string)
		_, bs := a[1].(string)
		if x, xok := toFloat(a[0]); xok && !(as && bs) {
			if y, yok := toFloat(a[1]); yok {
				c := 0
				if x < y {
					c = -1
				} else if x > y {
					c = 1
				}
				return ok(c), nil
			}
		}
		if as && bs {
			return ok(strings.Compare(a[0].(string), a[1].(string))), nil
		}
		return nil, fmt.Errorf("%s: cannot compare %T with %T", name, a[0], a[1])
	}
}

// truth is text/template's notion of true, except that a blank string is
// false like an empty one.
func truth(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case bool:
		return x
	case string:
		return !isBlank(x)
	case int:
		return x != 0
	case int64:
		return x != 0
	case float64:
		return x != 0
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Slice, reflect.Map, reflect.Array, reflect.String, reflect.Chan:
		return rv.Len() > 0
	case reflect.Pointer, reflect.Interface, reflect.Func:
		return !rv.IsNil()
	case reflect.Bool:
		return rv.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return rv.Int() != 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return rv.Uint() != 0
	case reflect.Float32, reflect.Float64:
		return rv.Float() != 0
	}
	return true
}

// toString formats a value for output and for string arguments.
func toString(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case int:
		return strconv.Itoa(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case float32:
		return strconv.FormatFloat(float64(x), 'f', -1, 32)
	case bool:
		return strconv.FormatBool(x)
	case time.Time:
		return formatTime(x)
	case *time.Time:
		if x == nil {
			return ""
		}
		return formatTime(*x)
	case fmt.Stringer:
		return x.String()
	case error:
		return x.Error()
	}
	return fmt.Sprint(v)
}

// formatTime writes a time.Time value as Russians write dates: "05.03.2027",
// with the time "05.03.2027 14:30" when it is not midnight, in the value's
// own location.
func formatTime(t time.Time) string {
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
		return t.Format("02.01.2006")
	}
	return t.Format("02.01.2006 15:04")
}

// toInt reads an integer from a number or a numeric string.
func toInt(v any) (int64, bool) {
	f, ok := toFloat(v)
	if !ok || f != math.Trunc(f) || math.Abs(f) > 1<<53 {
		return 0, false
	}
	return int64(f), true
}

// toFloat reads a number from a number or a numeric string ("177 199",
// "1 234,5", "-3").
func toFloat(v any) (float64, bool) {
	switch x := v.(type) {
	case int:
		return float64(x), true
	case int64:
		return float64(x), true
	case float64:
		return x, true
	case string:
		return parseNumber(x)
	case nil, bool:
		return 0, false
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return float64(rv.Int()), true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return float64(rv.Uint()), true
	case reflect.Float32, reflect.Float64:
		return rv.Float(), true
	case reflect.String: // json.Number and other string types
		return parseNumber(rv.String())
	}
	return 0, false
}

// numberText normalises a numeric string as a CRM exports it: surrounding
// space trimmed, spaces, no-break spaces (U+00A0, U+202F) and apostrophes
// between digit groups removed, a decimal comma turned into a point. It
// returns "" when s is not a number.
func numberText(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return ""
	}
	var b [64]byte
	n := 0
	seenDot := false
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b[n] = byte(r)
			n++
		case r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\'':
			// group separator: only between digits
			if n == 0 || b[n-1] < '0' || b[n-1] > '9' {
				return ""
			}
		case (r == ',' || r == '.') && !seenDot:
			if n == 0 || b[n-1] < '0' || b[n-1] > '9' {
				return ""
			}
			seenDot = true
			b[n] = '.'
			n++
		case (r == '-' || r == '+' || r == '\u2212') && i == 0:
			if r != '+' {
				b[n] = '-'
				n++
			}
		default:
			return ""
		}
	}
	if n == 0 || b[n-1] < '0' || b[n-1] > '9' {
		return ""
	}
	return string(b[:n])
}

func parseNumber(s string) (float64, bool) {
	t := numberText(s)
	if t == "" {
		return 0, false
	}
	f, err := strconv.ParseFloat(t, 64)
	return f, err == nil
}

func isBlank(s string) bool {
	return strings.TrimSpace(s) == ""
}

// isBlankString reports whether v is a string of only white space.
func isBlankString(v any) bool {
	x, ok := v.(string)
	return ok && isBlank(x)
}

// isEmptyValue reports whether v is missing as a field's value, and what
// default and coalesce treat as empty: nil (also a typed nil pointer, map or
// slice), a string of only white space, or a list (a CRM's multi-value
// field) with no item that is not nil or blank. Zero and false are values,
// and so is a list holding one.
func isEmptyValue(v any) bool {
	switch x := v.(type) {
	case nil, string, int, int64, float64, bool:
		return isNilOrBlank(v)
	case []any:
		return emptyList(len(x), func(i int) bool { return isNilOrBlank(x[i]) })
	case []string:
		return emptyList(len(x), func(i int) bool { return isBlank(x[i]) })
	}
	// a typed nil (*T, map, slice, ...) is nil too: printed, it would be
	// "<nil>", "map[]" or "[]"
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Array || rv.Kind() == reflect.Slice && !rv.IsNil() {
		return emptyList(rv.Len(), func(i int) bool { return isNilOrBlank(rv.Index(i).Interface()) })
	}
	return isNilOrBlank(v)
}

// emptyList reports whether a list of n items has none that is not empty.
// A list over maxItems items is never empty, so that looking a field up
// costs at most maxItems checks, whatever the data.
func emptyList(n int, empty func(i int) bool) bool {
	if n > maxItems {
		return false
	}
	for i := range n {
		if !empty(i) {
			return false
		}
	}
	return true
}

// isNilOrBlank reports whether v is nil (also a typed nil) or a string of
// only white space: an empty item of a multi-value field (a list inside a
// list is an item, not a multi-value field), and a field that has no value
// to give a function (an empty list has one: {{ len .Теги }} is 0).
func isNilOrBlank(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case string:
		return isBlank(x)
	case int, int64, float64, bool:
		return false
	}
	switch rv := reflect.ValueOf(v); rv.Kind() {
	case reflect.Pointer, reflect.Interface, reflect.Map, reflect.Slice, reflect.Func, reflect.Chan:
		return rv.IsNil()
	}
	return false
}

// funcDefault is default DEFAULT [VALUE]: VALUE unless it is missing, nil
// or blank; never replaces 0 or false.
func funcDefault(a []any) (any, error) {
	if err := arity("default", a, 1, 2); err != nil {
		return nil, err
	}
	if len(a) == 2 && !isEmptyValue(a[1]) {
		return a[1], nil
	}
	return a[0], nil
}

// funcCoalesce returns its first argument that is not missing, nil or
// blank; when there is none, its last argument, so that an explicit last
// "" prints nothing while missing fields alone are missing.
func funcCoalesce(a []any) (any, error) {
	for _, v := range a {
		if !isEmptyValue(v) {
			return v, nil
		}
	}
	if len(a) > 0 {
		return a[len(a)-1], nil
	}
	return nil, nil
}

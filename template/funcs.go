package template

import (
	"fmt"
	"reflect"
	"strings"
	"text/template"
	"unicode/utf8"

	"github.com/Masterminds/sprig/v3"
)

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

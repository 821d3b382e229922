package template

import (
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxFormatWidth caps the width and precision in a printf verb, so that
// printf "%999999999d" cannot allocate gigabytes.
const maxFormatWidth = 999

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

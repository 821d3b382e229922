package template

import (
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"time"
)

func isNumberKind(k reflect.Kind) bool {
	return (k >= reflect.Int && k <= reflect.Uint64) || k == reflect.Float32 || k == reflect.Float64
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

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

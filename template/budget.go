package template

import (
	"errors"
	"fmt"
	"math"
	"reflect"
)

// ErrTooMuchWork is wrapped by the error Render returns when one render
// would do more work than it may: over 100,000 steps, functions given more
// than their budget, or a regular expression too big to compile (see
// "Functions" in the package documentation).
var ErrTooMuchWork = errors.New("rendering takes too much work")

// workError is an error that wraps ErrTooMuchWork under its own message.
type workError struct{ msg string }

func (e *workError) Error() string        { return e.msg }
func (e *workError) Is(target error) bool { return target == ErrTooMuchWork }

// tooMuchWork returns an error wrapping ErrTooMuchWork with the message.
func tooMuchWork(format string, args ...any) error {
	return &workError{msg: fmt.Sprintf(format, args...)}
}

// maxSteps bounds the work of one render: placeholders evaluated plus
// {{range}} iterations. Going over is an error.
const maxSteps = 100_000

// maxWork bounds the bytes that one render passes to functions as
// arguments, all calls together: 64 MiB, or 16 times the output cap when
// that is more. Steps alone do not bound the time: a loop of 100,000 turns
// calling upper on a 64 KiB value 50 times a turn would run for hours.
func maxWork(limit int) int {
	if limit > math.MaxInt/16 {
		return math.MaxInt
	}
	return max(64<<20, 16*limit)
}

// maxItems caps the length of a list or map that a function may return; a
// longer one is an error. It keeps quadratic functions (uniq, without, has)
// and range loops over computed lists bounded in time.
const maxItems = 1000

// guardLimit bounds what one guarded function may build, whatever MaxOutput
// is: the evaluator's own check then applies MaxOutput to the result.
const guardLimit = 1 << 20

var errTooBig = errors.New("result would be over 1 MiB; shorten the inputs")

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

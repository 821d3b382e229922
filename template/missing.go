package template

import (
	"fmt"
	"reflect"
)

// The rule for a missing value, in one place. A field's value is missing
// when the key is absent, or the value is nil (also a typed nil pointer,
// map or slice), a string of only white space, or a list (a CRM's
// multi-value field) with no item but nil and blank strings. Where a value
// is read decides what follows:
//
//   - printed by a value action: missing is an error (*MissingError), so a
//     message never goes out as "Здравствуйте, !" (printedMissing);
//   - in a condition ({{if}}, {{with}}, {{range}}) or a pipeline that calls a
//     fallback function (default, coalesce, empty): missing is nil, false
//     to a condition, and what the fallback replaces (lenient);
//   - given to a function anywhere else: only nil and blank are missing; an
//     empty list is a value ({{ len .Теги }} of [] is 0).
//
// A field looked up under several keys (a Bitrix24 field: the full name,
// then the bare one) takes the first key whose value is not missing under
// the lenient rule, and failing that, outside lenient places, the first
// whose value is not missing under the strict one (lookupField).

// MissingError reports a field with no value for the recipient: the key is
// absent, its value is nil, it is a string of only white space, or it is a
// list with no item but nil and blank strings (an empty multi-value field).
// Render returns it wrapped in a *RenderError; reach it with errors.As.
//
// Field is the data key (the CSV column, the CRM's field code), which may
// differ from the name the template writes ("Имя клиента" mapped to "NAME");
// the message names both the key and, as the fix to make, the placeholder
// as written with a fallback.
type MissingError struct {
	Field string // the data key, after Options.Fields mapping; ".X" for a field of {{with}}'s or {{range}}'s value
	fix   string // the failing placeholder with a fallback added; "" when not known
}

func (e *MissingError) Error() string {
	fix := e.fix
	if fix == "" {
		fix = "{{ " + e.Field + ` | default "..." }}`
	}
	return fmt.Sprintf("field %q has no value: fill it in for this recipient, or give a fallback such as %s", e.Field, fix)
}

// isMissing reports whether x, a field's value found (ok) or not, is
// missing where it is read: under the lenient rule in conditions and
// fallback pipelines, under the strict one elsewhere.
func isMissing(x any, ok, lenient bool) bool {
	if !ok {
		return true
	}
	if lenient {
		return isEmptyValue(x)
	}
	return isNilOrBlank(x)
}

// lookupField returns the value of the first of keys in data that has
// content; failing that, unless lenient, the first that is not missing
// under the strict rule (an empty list, for a function). ok is false when
// the field is missing.
func lookupField(data map[string]any, keys []string, lenient bool) (v any, ok bool) {
	for _, k := range keys {
		if x, found := data[k]; found && !isEmptyValue(x) {
			return x, true
		}
	}
	if lenient {
		return nil, false
	}
	for _, k := range keys {
		if x, found := data[k]; !isMissing(x, found, false) {
			return x, true
		}
	}
	return nil, false
}

// printedMissing reports whether v, the result of a value action's
// pipeline, is missing as printed text. Without a fallback, nil, blank and
// an empty list are missing; with one, only a blank string is not: the
// fallback found nothing either ({{ .A | default .B }} with both missing),
// while an explicit {{ .A | default "" }} prints nothing.
func printedMissing(v any, fallback bool) bool {
	return isEmptyValue(v) && (!fallback || !isBlankString(v))
}

// missing returns what a missing field op evaluates to: nil where the
// lenient rule applies, else a *MissingError naming it.
func (s *state) missing(op *operand, lenient bool) (any, error) {
	if lenient {
		return nil, nil
	}
	return nil, &MissingError{Field: op.field}
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

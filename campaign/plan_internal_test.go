package campaign

import (
	"encoding/json"
	"testing"
)

func TestKnownValue(t *testing.T) {
	for _, row := range []struct {
		v    any
		want bool
		why  string
	}{
		{nil, false, "missing"},
		{"", false, "empty"},
		{"  ", false, "blank"},
		{"0", false, ""},
		{"НЕТ", false, "Russian no, any case"},
		{" no ", false, "trimmed"},
		{"-", false, "a dash in a spreadsheet"},
		{"false", false, ""},
		{false, false, "JSON false"},
		{0.0, false, "JSON 0"},
		{int64(0), false, ""},
		{json.Number("0"), false, "a huge-integer column keeps json.Number"},
		{"да", true, ""},
		{"Да", true, ""},
		{"1", true, ""},
		{"2025-11-01", true, "a date of the last dialog"},
		{true, true, ""},
		{3.0, true, ""},
		{int64(7), true, ""},
		{[]any{"x"}, true, "anything else that prints"},
	} {
		if got := knownValue(row.v); got != row.want {
			t.Errorf("knownValue(%#v) = %v, want %v %s", row.v, got, row.want, row.why)
		}
	}
}

package template

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// modifier is a set of Bitrix24 field modifiers ({=Document:X > printable},
// {{Имя > date}}): at most one type conversion, and printable.
type modifier uint8

const (
	modPrintable modifier = 1 << iota // the value as a person reads it
	modBool                           // yes or no: "Да", "Нет"
	modInt                            // an integer: "177199"
	modDate                           // a date: "05.03.2027"
	modDateTime                       // a date and time: "05.03.2027 14:30:00"

	modTypes = modBool | modInt | modDate | modDateTime
)

// portalModifiers are the Bitrix24 modifiers that need the portal, not
// the value: each with what to write instead.
var portalModifiers = map[string]string{
	"friendly":    "it needs the portal to turn a user's id (user_1) into a name; export the responsible's name column and use it instead, as {{Ответственный}}",
	"user":        "it needs the portal to read a user; export the user's name column and use it instead, as {{Ответственный}}",
	"responsible": "it needs the responsible's time zone from the portal; use > datetime, which prints the time as the export has it",
	"server":      "it needs the server's time zone from the portal; use > datetime, which prints the time as the export has it",
	"name":        "it needs the file from the portal; export the file's name as a column and use it instead",
	"publink":     "it needs the portal to make a public link; export the link as a column and use it instead",
	"shortlink":   "it needs the portal to make a short link; export the link as a column and use it instead",
}

// parseModifiers reads the modifiers after a field's first '>': names
// separated by ',' or further '>'. It returns a message saying what is
// wrong and what to write when one cannot be computed from the data.
func parseModifiers(mods, field string) (modifier, string) {
	var m modifier
	for _, part := range strings.FieldsFunc(mods, func(r rune) bool { return r == '>' || r == ',' }) {
		name := strings.ToLower(strings.TrimSpace(part))
		var bit modifier
		switch name {
		case "":
			continue
		case "printable":
			bit = modPrintable
		case "bool":
			bit = modBool
		case "int":
			bit = modInt
		case "date":
			bit = modDate
		case "datetime":
			bit = modDateTime
		default:
			if why, ok := portalModifiers[name]; ok {
				return 0, fmt.Sprintf("modifier %q of %s cannot be applied to an export: %s", name, field, why)
			}
			return 0, fmt.Sprintf("unknown modifier %q of %s; write printable, bool, int, date or datetime after '>' (to compare a field with a number, write {{ if gt .Сумма 1000 }})", strings.TrimSpace(part), field)
		}
		if bit&modTypes != 0 && m&modTypes != 0 && m&bit == 0 {
			return 0, fmt.Sprintf("modifiers of %s convert to two types; keep one of bool, int, date and datetime", field)
		}
		m |= bit
	}
	if m == 0 {
		return 0, fmt.Sprintf("empty modifier after '>' in %s; write {=Document:NAME > printable} or drop the '>'", field)
	}
	return m, ""
}

// apply converts a field's value v as the modifiers m say, into the text
// Bitrix24 would insert.
func (m modifier) apply(v any) (any, error) {
	switch {
	case m&modBool != 0:
		b, ok := readBool(v)
		if !ok {
			return nil, fmt.Errorf("> bool: %q is not yes or no (Y/N, да/нет, true/false, 1/0)", shorten(toString(v), 30))
		}
		if b {
			return "Да", nil
		}
		return "Нет", nil
	case m&modInt != 0:
		f, ok := toFloat(v)
		if !ok || math.IsNaN(f) || math.IsInf(f, 0) {
			return nil, fmt.Errorf("> int: %q is not a number", shorten(toString(v), 30))
		}
		f = math.Trunc(f)
		if math.Abs(f) >= 1<<63 {
			return strconv.FormatFloat(f, 'f', 0, 64), nil
		}
		return strconv.FormatInt(int64(f), 10), nil
	case m&(modDate|modDateTime) != 0:
		t, ok := readTime(v)
		if !ok {
			return nil, fmt.Errorf("> date: %q is not a date (DD.MM.YYYY or YYYY-MM-DD, a time may follow)", shorten(toString(v), 30))
		}
		if m&modDate != 0 {
			return t.Format("02.01.2006"), nil
		}
		return t.Format("02.01.2006 15:04:05"), nil
	}
	// printable alone: what a person reads
	if b, ok := v.(bool); ok {
		if b {
			return "Да", nil
		}
		return "Нет", nil
	}
	if s, flat := joinFlat(v); flat {
		return s, nil
	}
	return v, nil
}

// readBool reads yes or no as Bitrix24 and CRM exports write it.
func readBool(v any) (bool, bool) {
	switch x := v.(type) {
	case bool:
		return x, true
	case string:
		switch strings.ToLower(strings.TrimSpace(x)) {
		case "y", "yes", "true", "1", "да", "д":
			return true, true
		case "n", "no", "false", "0", "нет", "н":
			return false, true
		}
		return false, false
	}
	if f, ok := toFloat(v); ok {
		return f != 0, true
	}
	return false, false
}

// readTime reads a date, with a time or not: a time.Time, or a string
// "DD.MM.YYYY[ HH:MM[:SS]]" or "YYYY-MM-DD[ HH:MM[:SS]]" (also with 'T'
// and a zone, as ISO 8601 writes it; the clock is kept as written).
func readTime(v any) (time.Time, bool) {
	switch x := v.(type) {
	case time.Time:
		return x, true
	case *time.Time:
		if x != nil {
			return *x, true
		}
		return time.Time{}, false
	case string:
		s := strings.TrimSpace(x)
		for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02",
			"02.01.2006 15:04:05", "02.01.2006 15:04", "02.01.2006"} {
			if t, err := time.Parse(layout, s); err == nil {
				return t, true // in the zone written, so the clock is as written
			}
		}
	}
	return time.Time{}, false
}

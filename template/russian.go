package template

import (
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

func sortStrings(s []string) { slices.Sort(s) }

func intArg(fn string, v any, what string) (int, error) {
	n, ok := toInt(v)
	if !ok || n > 1<<31 || n < -(1<<31) {
		return 0, fmt.Errorf("%s: %s %q is not a whole number", fn, what, shorten(toString(v), 30))
	}
	return int(n), nil
}

// funcTrunc is trunc N S: the first N runes of S, or the last -N runes when
// N is negative. It never cuts a rune in half.
func funcTrunc(a []any) (any, error) {
	if err := arity("trunc", a, 2, 2); err != nil {
		return nil, err
	}
	n, err := intArg("trunc", a[0], "length")
	if err != nil {
		return nil, err
	}
	s := toString(a[1])
	total := utf8.RuneCountInString(s)
	if n >= 0 {
		if n >= total {
			return s, nil
		}
		return s[:runeOffset(s, n)], nil
	}
	if -n >= total {
		return s, nil
	}
	return s[runeOffset(s, total+n):], nil
}

// runeOffset returns the byte offset of the n-th rune of s (n in runes,
// 0-based; len(s) if s is shorter).
func runeOffset(s string, n int) int {
	i := 0
	for off := range s {
		if i == n {
			return off
		}
		i++
	}
	return len(s)
}

// funcSubstr is substr START END S with START and END in runes, clamped to
// S; a negative START means 0, a negative END means the end of S.
func funcSubstr(a []any) (any, error) {
	if err := arity("substr", a, 3, 3); err != nil {
		return nil, err
	}
	start, err := intArg("substr", a[0], "start")
	if err != nil {
		return nil, err
	}
	end, err := intArg("substr", a[1], "end")
	if err != nil {
		return nil, err
	}
	s := toString(a[2])
	total := utf8.RuneCountInString(s)
	if start < 0 {
		start = 0
	}
	if end < 0 || end > total {
		end = total
	}
	if start >= end {
		return "", nil
	}
	return s[runeOffset(s, start):runeOffset(s, end)], nil
}

// funcAbbrev is abbrev WIDTH S: S if it has at most WIDTH runes, else its
// first WIDTH-1 runes followed by "…" (one rune).
func funcAbbrev(a []any) (any, error) {
	if err := arity("abbrev", a, 2, 2); err != nil {
		return nil, err
	}
	w, err := intArg("abbrev", a[0], "width")
	if err != nil {
		return nil, err
	}
	s := toString(a[1])
	if utf8.RuneCountInString(s) <= w {
		return s, nil
	}
	if w < 1 {
		return "", nil
	}
	return s[:runeOffset(s, w-1)] + "…", nil
}

// title upper-cases the first letter of every word; a word starts after
// anything that is not a letter, a digit or an apostrophe, so "анна-мария"
// becomes "Анна-Мария". A combining mark (unicode.M) belongs to the letter
// before it, so it neither ends a word nor starts one: "маи\u0306я" (й
// decomposed, as text pasted from macOS or a PDF writes it) becomes
// "Маи\u0306я", not "Маи\u0306Я". The other letters are left as they are.
func title(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	inWord := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’':
			if !inWord && unicode.IsLetter(r) {
				r = unicode.ToTitle(r)
			}
			inWord = true
		case unicode.Is(unicode.M, r):
			// continues whatever came before
		default:
			inWord = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

func funcTitle(a []any) (any, error) {
	if err := arity("title", a, 1, 1); err != nil {
		return nil, err
	}
	return title(toString(a[0])), nil
}

// funcName tidies a person's name from a CRM: trims it, collapses runs of
// white space to one space, and writes every word (and every part of a
// hyphenated word) with a capital first letter and the rest in lower case.
func funcName(a []any) (any, error) {
	if err := arity("name", a, 1, 1); err != nil {
		return nil, err
	}
	return title(strings.ToLower(strings.Join(strings.Fields(toString(a[0])), " "))), nil
}

// pluralForm returns 0 (one), 1 (few) or 2 (many) for n by the CLDR rules
// for Russian integers; a fraction takes the few form ("1,5 дня"), which
// CLDR calls "other".
func pluralForm(t string) int {
	neg := strings.HasPrefix(t, "-")
	t = strings.TrimPrefix(t, "-")
	_ = neg
	if i := strings.IndexByte(t, '.'); i >= 0 {
		if strings.Trim(t[i+1:], "0") != "" {
			return 1
		}
		t = t[:i]
	}
	// last two digits decide
	if len(t) > 2 {
		t = t[len(t)-2:]
	}
	n, _ := strconv.Atoi(t)
	mod10, mod100 := n%10, n%100
	switch {
	case mod10 == 1 && mod100 != 11:
		return 0
	case mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14):
		return 1
	}
	return 2
}

// funcPlural is plural N ONE FEW MANY: the Russian form for the count N,
// which may be a number or a numeric string ("21", "177 199", "1,5").
func funcPlural(a []any) (any, error) {
	if err := arity("plural", a, 4, 4); err != nil {
		return nil, err
	}
	t := numericText(a[0])
	if t == "" {
		return nil, fmt.Errorf("plural: %q is not a number; plural takes the count first: plural N \"товар\" \"товара\" \"товаров\"", shorten(toString(a[0]), 30))
	}
	return toString(a[1+pluralForm(t)]), nil
}

// numericText returns the normalised decimal text of a number or a numeric
// string, or "".
func numericText(v any) string {
	switch x := v.(type) {
	case string:
		return numberText(x)
	case nil, bool:
		return ""
	}
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.String { // json.Number, ...
		return numberText(rv.String())
	}
	f, ok := toFloat(v)
	if !ok || math.IsInf(f, 0) || math.IsNaN(f) {
		return ""
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

const nbsp = "\u00a0"

// funcMoney is money AMOUNT: the amount in roubles in Russian format, digit
// groups and the sign separated by no-break spaces (U+00A0), a decimal
// comma, kopecks rounded half away from zero: "1 234,50 ₽". A whole amount
// prints without kopecks: "177 199 ₽".
func funcMoney(a []any) (any, error) {
	if err := arity("money", a, 1, 1); err != nil {
		return nil, err
	}
	t := numericText(a[0])
	if t == "" {
		return nil, fmt.Errorf("money: %q is not an amount", shorten(toString(a[0]), 30))
	}
	neg := strings.HasPrefix(t, "-")
	t = strings.TrimPrefix(t, "-")
	whole, frac, _ := strings.Cut(t, ".")
	// kopecks: two digits, rounded half away from zero on the third
	frac += "000"
	kop, _ := strconv.Atoi(frac[:2])
	if frac[2] >= '5' {
		kop++
	}
	if kop == 100 {
		kop = 0
		whole = incDecimal(whole)
	}
	whole = strings.TrimLeft(whole, "0")
	if whole == "" {
		whole = "0"
	}
	var b strings.Builder
	if neg && (whole != "0" || kop != 0) {
		b.WriteByte('-')
	}
	for i := 0; i < len(whole); i++ {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString(nbsp)
		}
		b.WriteByte(whole[i])
	}
	if kop != 0 {
		fmt.Fprintf(&b, ",%02d", kop)
	}
	b.WriteString(nbsp + "₽")
	return b.String(), nil
}

// incDecimal adds one to a string of decimal digits.
func incDecimal(s string) string {
	b := []byte(s)
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] < '9' {
			b[i]++
			return string(b)
		}
		b[i] = '0'
	}
	return "1" + string(b)
}

var monthsGenitive = [12]string{
	"января", "февраля", "марта", "апреля", "мая", "июня",
	"июля", "августа", "сентября", "октября", "ноября", "декабря",
}

// funcDate is date D: the date in Russian with the month in the genitive,
// "5 марта 2027". D is a time.Time or a string "DD.MM.YYYY" or
// "YYYY-MM-DD", optionally followed by a time after a space or 'T'.
func funcDate(a []any) (any, error) {
	if err := arity("date", a, 1, 1); err != nil {
		return nil, err
	}
	var y, m, d int
	switch x := a[0].(type) {
	case time.Time:
		y, m, d = x.Year(), int(x.Month()), x.Day()
	case *time.Time:
		if x == nil {
			return nil, fmt.Errorf("date: no date")
		}
		y, m, d = x.Year(), int(x.Month()), x.Day()
	default:
		var ok bool
		y, m, d, ok = parseDate(toString(a[0]))
		if !ok {
			return nil, fmt.Errorf("date: %q is not a date; write it as DD.MM.YYYY or YYYY-MM-DD", shorten(toString(a[0]), 30))
		}
	}
	return strconv.Itoa(d) + " " + monthsGenitive[m-1] + " " + strconv.Itoa(y), nil
}

func parseDate(s string) (y, m, d int, ok bool) {
	s = strings.TrimSpace(s)
	if len(s) > 10 && (s[10] == ' ' || s[10] == 'T') {
		s = s[:10]
	}
	if len(s) != 10 {
		return 0, 0, 0, false
	}
	num := func(t string) int {
		n := 0
		for i := 0; i < len(t); i++ {
			if t[i] < '0' || t[i] > '9' {
				return -1
			}
			n = n*10 + int(t[i]-'0')
		}
		return n
	}
	switch {
	case s[2] == '.' && s[5] == '.':
		d, m, y = num(s[:2]), num(s[3:5]), num(s[6:])
	case s[4] == '-' && s[7] == '-':
		y, m, d = num(s[:4]), num(s[5:7]), num(s[8:])
	default:
		return 0, 0, 0, false
	}
	if y < 1 || m < 1 || m > 12 || d < 1 {
		return 0, 0, 0, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d || int(t.Month()) != m {
		return 0, 0, 0, false
	}
	return y, m, d, true
}

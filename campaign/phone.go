package campaign

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/nyaruka/phonenumbers"
)

// PhoneType says what kind of line a number is, as far as the numbering
// plan of its country tells.
type PhoneType string

// Phone types.
const (
	// PhoneMobile: a mobile number, or one the numbering plan cannot tell
	// from a landline (as in the USA): WhatsApp may be there.
	PhoneMobile PhoneType = "mobile"
	// PhoneLandline: a fixed line (a Russian city number such as
	// +7 495 ...). WhatsApp is rarely there.
	PhoneLandline PhoneType = "landline"
	// PhoneTollFree: a free-call number (8-800 in Russia).
	PhoneTollFree PhoneType = "toll-free"
	// PhoneOther: any other non-mobile number (premium rate, shared cost,
	// VoIP, a universal access number, ...).
	PhoneOther PhoneType = "other"
)

// DefaultRegion is the region of numbers written without a country code
// when Options.Region is empty: Russia, where 8 (999) 123-45-67 is
// +79991234567.
const DefaultRegion = "RU"

// maxPhoneText is the longest phone cell read, in bytes; a longer one is
// an error (it is not a list of phones). It bounds the time one cell takes.
const maxPhoneText = 1000

// maxPhoneParts is the most numbers of one cell looked at.
const maxPhoneParts = 16

// Phone is a recipient's phone number, normalized.
type Phone struct {
	// E164 is the number in E.164: "+79991234567".
	E164 string
	// Type is the kind of line.
	Type PhoneType
	// Region is the ISO 3166 code of the number's country ("RU", "KZ").
	Region string
	// Extension is an extension written after the number ("доб. 12"); it
	// is not part of E164 (WhatsApp has no extensions).
	Extension string
	// Count is the number of phone numbers the text held: more than 1 for
	// a CRM cell that lists several ("+7 999 123-45-67, +7 495 123-45-67");
	// the first mobile one is taken, or the first valid one when none is
	// mobile.
	Count int
	// Offset is the byte offset in the text where the number taken starts.
	Offset int
}

// WAID returns the number as WhatsApp writes it, E164 without its "+":
// "79991234567"; "" for the zero Phone.
func (p Phone) WAID() string {
	if p.E164 == "" {
		return ""
	}
	return p.E164[1:]
}

// Mobile reports whether the number can be a mobile line.
func (p Phone) Mobile() bool { return p.Type == PhoneMobile }

// PhoneError says why a text is not a phone number a message can go to.
type PhoneError struct {
	// Text is the text read (the whole cell), Offset the byte offset in it
	// where the number judged starts.
	Text   string
	Offset int
	// Reason says what is wrong, in Russian, for the people who keep the
	// CRM: "в номере 9 цифр, а нужно 10 после +7".
	Reason string
}

func (e *PhoneError) Error() string {
	t := e.Text
	if len(t) > 60 {
		t = truncate(t, 60) + "…"
	}
	return fmt.Sprintf("номер %q: %s", t, e.Reason)
}

// truncate cuts s to at most n bytes at a rune boundary.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// ParsePhone reads a phone number as people write it in a CRM, and
// normalizes it to E.164. region is the ISO 3166 code of the country of
// numbers written without a country code ("" means DefaultRegion, "RU"):
// with it, "8 (999) 123-45-67", "+7 999 123 45 67", "79991234567",
// "999-123-45-67" and "8-999-1234567 доб. 12" are all +79991234567.
// Spaces, brackets, dashes and dots are ignored, a word before the number
// ("тел.", "моб:") too; an extension after "доб", "вн", "ext", "x" or "#"
// goes to Phone.Extension.
//
// A text with several numbers, separated by ',', ';', '/', '|', a line
// break or "или", gives the first mobile one (the first valid one when none
// is mobile), with Phone.Count saying how many there were.
//
// A text that holds no valid number is a *PhoneError with the reason in
// Russian. A landline is not an error: Phone.Type says what it is. A region
// phonenumbers does not know is an error of its own, not a *PhoneError.
//
// The common Russian mobile formats take a fast path (no allocation but
// the result's string); everything else goes through
// github.com/nyaruka/phonenumbers (Google's libphonenumber), and the tests
// check that both agree.
func ParsePhone(text, region string) (Phone, error) {
	region, err := validRegion(region)
	if err != nil {
		return Phone{}, err
	}
	var p Phone
	_, err = parsePhone(text, region, &p)
	return p, err
}

// parsePhone is ParsePhone into p; it also returns the number's E.164
// digits as an integer, the key of duplicate detection.
func parsePhone(text, region string, p *Phone) (uint64, error) {
	if len(text) > maxPhoneText {
		return 0, &PhoneError{Text: text, Reason: fmt.Sprintf("слишком длинный текст для номера телефона (%d байт)", len(text))}
	}
	// The common case: one number, a Russian mobile.
	if region == "RU" {
		if nat, ok := fastRU(text); ok {
			*p = Phone{E164: e164RU(nat), Type: PhoneMobile, Region: "RU", Count: 1}
			return 7_000_000_0000 + nat, nil
		}
	}
	if excelExponent(strings.TrimSpace(text)) { // before the comma splits it
		return 0, &PhoneError{Text: text, Reason: "номер записан в экспоненциальной форме, как Excel пишет длинные числа: цифры номера потеряны; в Excel задайте колонке формат «Текстовый» и выгрузите заново"}
	}
	var firstErr error
	var found Phone
	var foundKey uint64
	n := 0
	for off, part := range phoneParts(text) {
		if n == maxPhoneParts {
			break
		}
		if found.Mobile() {
			n++ // counted, not read: the first mobile number is taken
			continue
		}
		var q Phone
		key, err := parseOne(part, region, &q)
		if err != nil {
			if pe, ok := err.(*PhoneError); ok {
				pe.Text, pe.Offset = text, off
			}
			if firstErr == nil && n == 0 {
				firstErr = err
			}
			n++
			continue
		}
		n++
		q.Offset = off
		if found.E164 == "" || (!found.Mobile() && q.Mobile()) {
			found, foundKey = q, key
		}
	}
	if found.E164 == "" {
		if firstErr == nil {
			firstErr = &PhoneError{Text: text, Reason: "номер телефона не указан"}
		}
		return 0, firstErr
	}
	found.Count = n
	*p = found
	return foundKey, nil
}

// phoneParts yields the non-empty numbers of a cell with their byte
// offsets: the text split at ',', ';', '/', '|', line breaks and the word
// "или", each part trimmed.
func phoneParts(text string) func(yield func(int, string) bool) {
	return func(yield func(int, string) bool) {
		start := 0
		emit := func(end, next int) bool {
			part := text[start:end]
			lead := len(part) - len(strings.TrimLeft(part, " \t\u00a0"))
			part = strings.TrimSpace(part[lead:])
			off := start + lead
			start = next
			if part == "" {
				return true
			}
			return yield(off, part)
		}
		for i := 0; i < len(text); i++ {
			switch text[i] {
			case ',', ';', '/', '|', '\n', '\r':
				if !emit(i, i+1) {
					return
				}
			case 0xD0: // "или" between spaces
				const ili = "или"
				if strings.HasPrefix(text[i:], ili) && i > 0 && text[i-1] == ' ' &&
					(i+len(ili) == len(text) || text[i+len(ili)] == ' ') {
					if !emit(i, i+len(ili)) {
						return
					}
					i += len(ili) - 1
				}
			}
		}
		emit(len(text), len(text))
	}
}

// extMarkers are the words that start an extension, lower case.
var extMarkers = []string{"доб", "внутр", "вн", "ext", "x", "#"}

// splitExtension cuts an extension off a number: "8-999-1234567 доб. 12"
// is "8-999-1234567" and "12". A marker counts only after the number's
// first digit and when digits follow it.
func splitExtension(s string) (num, ext string) {
	firstDigit := strings.IndexAny(s, "0123456789")
	if firstDigit < 0 {
		return s, ""
	}
	for i := firstDigit + 1; i < len(s); i++ {
		for _, m := range extMarkers {
			// Upper and lower case of these letters have the same length
			// in UTF-8, so the marker's bytes are compared in place.
			if i+len(m) > len(s) || !strings.EqualFold(s[i:i+len(m)], m) {
				continue
			}
			rest := strings.TrimLeft(s[i+len(m):], " .:№\u00a0")
			j := 0
			for j < len(rest) && rest[j] >= '0' && rest[j] <= '9' {
				j++
			}
			if j == 0 {
				continue
			}
			return strings.TrimSpace(s[:i]), rest[:j]
		}
	}
	return s, ""
}

// parseOne reads one number (not a list).
func parseOne(part, region string, p *Phone) (uint64, error) {
	num, ext := splitExtension(part)
	// Words after the number ("+7 999 123-45-67 (Иван)") are not part of
	// it.
	if i := strings.LastIndexAny(num, "0123456789"); i >= 0 {
		num = num[:i+1]
	}
	if region == "RU" {
		if nat, ok := fastRU(num); ok {
			*p = Phone{E164: e164RU(nat), Type: PhoneMobile, Region: "RU", Extension: ext}
			return 7_000_000_0000 + nat, nil
		}
	}
	digits := phoneDigits(num)
	if digits == "" {
		return 0, &PhoneError{Reason: "в тексте нет цифр, это не номер телефона"}
	}
	if len(digits) > 17 {
		return 0, &PhoneError{Reason: fmt.Sprintf("%s подряд — больше, чем в любом номере: два номера без разделителя? Разделите их запятой", digitWord(len(digits)))}
	}
	plus := hasPlus(num)
	if plus && digits[0] == '8' && len(digits) == 11 {
		return 0, &PhoneError{Reason: "«+8» — не код страны: российский номер пишут с +7 или с 8 без плюса"}
	}
	n, err := phonenumbers.Parse(num, region)
	if err != nil {
		switch {
		case errors.Is(err, phonenumbers.ErrInvalidCountryCode):
			if plus {
				return 0, &PhoneError{Reason: fmt.Sprintf("такого кода страны нет: +%s…", digits[:min(3, len(digits))])}
			}
			return 0, &PhoneError{Reason: "номер без кода страны, а регион не задан"}
		case errors.Is(err, phonenumbers.ErrTooShortNSN), errors.Is(err, phonenumbers.ErrTooShortAfterIDD):
			return 0, &PhoneError{Reason: fmt.Sprintf("в номере всего %s — это не номер телефона", digitWord(len(digits)))}
		case errors.Is(err, phonenumbers.ErrNumTooLong):
			return 0, &PhoneError{Reason: "слишком длинный номер"}
		}
		return 0, &PhoneError{Reason: "это не номер телефона"}
	}
	if !phonenumbers.IsValidNumber(n) {
		return 0, &PhoneError{Reason: invalidReason(n, digits, plus)}
	}
	e := phonenumbers.Format(n, phonenumbers.E164)
	key, perr := strconv.ParseUint(e[1:], 10, 64)
	if perr != nil || len(e) > 16 {
		return 0, &PhoneError{Reason: "это не номер телефона"}
	}
	*p = Phone{E164: e, Type: phoneType(phonenumbers.GetNumberType(n)), Region: phonenumbers.GetRegionCodeForNumber(n), Extension: ext}
	if p.Extension == "" {
		p.Extension = n.GetExtension()
	}
	return key, nil
}

// excelExponent reports whether s is a number as Excel shows a long one,
// "7,99912E+10" or "7.99912e+10": the digits past the sixth are lost.
func excelExponent(s string) bool {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 || i == len(s) || (s[i] != ',' && s[i] != '.') {
		return false
	}
	e := strings.IndexAny(s, "Ee")
	if e < i+2 || e+2 >= len(s) || s[e+1] != '+' {
		return false
	}
	return strings.Trim(s[i+1:e], "0123456789") == "" && strings.Trim(s[e+2:], "0123456789") == ""
}

// invalidReason says why a number phonenumbers parsed is not valid.
func invalidReason(n *phonenumbers.PhoneNumber, digits string, plus bool) string {
	cc := int(n.GetCountryCode())
	nsn := phonenumbers.GetNationalSignificantNumber(n)
	if cc == 7 {
		// Count as the writer did: after +7, after a leading 8 or 7 (a
		// valid 10-digit number may start with 8, but this one is not
		// valid), or all of them.
		k := len(digits)
		if (plus && digits[0] == '7') || (!plus && len(digits) >= 10 && (digits[0] == '8' || digits[0] == '7')) {
			k--
		}
		if k != 10 {
			return fmt.Sprintf("в номере %s, а нужно 10 после +7", digitWord(k))
		}
		return fmt.Sprintf("номеров +7 %s… не бывает: в России коды начинаются с 3, 4, 8 или 9, в Казахстане — с 6 или 7", nsn[:min(3, len(nsn))])
	}
	region := phonenumbers.GetRegionCodeForCountryCode(cc)
	switch phonenumbers.IsPossibleNumberWithReason(n) {
	case phonenumbers.TOO_SHORT:
		return fmt.Sprintf("номер слишком короткий для +%d (%s): %s после кода страны", cc, region, digitWord(len(nsn)))
	case phonenumbers.TOO_LONG:
		return fmt.Sprintf("номер слишком длинный для +%d (%s): %s после кода страны", cc, region, digitWord(len(nsn)))
	case phonenumbers.INVALID_LENGTH:
		return fmt.Sprintf("номеров такой длины нет у +%d (%s): %s после кода страны", cc, region, digitWord(len(nsn)))
	}
	return fmt.Sprintf("такого номера нет в плане нумерации +%d (%s)", cc, region)
}

// digitWord writes "9 цифр", "1 цифра", "22 цифры".
func digitWord(n int) string {
	w := "цифр"
	switch {
	case n%100 >= 11 && n%100 <= 14:
	case n%10 == 1:
		w = "цифра"
	case n%10 >= 2 && n%10 <= 4:
		w = "цифры"
	}
	return fmt.Sprintf("%d %s", n, w)
}

func phoneType(t phonenumbers.PhoneNumberType) PhoneType {
	switch t {
	case phonenumbers.MOBILE, phonenumbers.FIXED_LINE_OR_MOBILE, phonenumbers.PAGER:
		return PhoneMobile
	case phonenumbers.FIXED_LINE:
		return PhoneLandline
	case phonenumbers.TOLL_FREE:
		return PhoneTollFree
	}
	return PhoneOther
}

// phoneDigits returns the ASCII digits of s.
func phoneDigits(s string) string {
	var b []byte
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			b = append(b, s[i])
		}
	}
	return string(b)
}

// hasPlus reports whether the first digit of s has a '+' before it.
func hasPlus(s string) bool {
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '+':
			return true
		case s[i] >= '0' && s[i] <= '9':
			return false
		}
	}
	return false
}

// fastRU reads a Russian mobile number written in one of the common ways:
// "+7 999 123-45-67", "8 (999) 123-45-67", "79991234567", "9991234567",
// with spaces, dashes, brackets and dots anywhere, and returns its 10-digit
// national number. Anything else (another character, another length, a
// number not starting with 9 after the country code) is not ok, and goes
// to phonenumbers. Every +7 9XX XXX XX XX is a valid mobile number of
// Russia in phonenumbers' metadata, which TestFastPathAgrees and
// FuzzFastPath check.
func fastRU(s string) (uint64, bool) {
	var d [11]byte
	n := 0
	plus := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			if n == len(d) {
				return 0, false
			}
			d[n] = c - '0'
			n++
		case c == ' ' || c == '-' || c == '(' || c == ')' || c == '.':
		case c == '+' && n == 0 && !plus:
			plus = true
		default:
			return 0, false
		}
	}
	var nat []byte
	switch {
	case n == 11 && (d[0] == 7 || (d[0] == 8 && !plus)):
		nat = d[1:11]
	case n == 10 && !plus:
		nat = d[:10]
	default:
		return 0, false
	}
	if nat[0] != 9 {
		return 0, false
	}
	var v uint64
	for _, x := range nat {
		v = v*10 + uint64(x)
	}
	return v, true
}

// e164RU writes +7 and a 10-digit national number.
func e164RU(nat uint64) string {
	var b [12]byte
	b[0], b[1] = '+', '7'
	for i := 11; i >= 2; i-- {
		b[i] = byte('0' + nat%10)
		nat /= 10
	}
	return string(b[:])
}

package campaign

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/nyaruka/phonenumbers"
)

// Phone error kinds.
const (
	// KindPhone: the recipient's phone is missing, invalid or impossible
	// (RowError.Message says why, in Russian; RowError.Field names the
	// column; RowError.Err is a *PhoneError).
	KindPhone Kind = "phone"
	// KindDuplicatePhone: an earlier recipient of the input has the same
	// phone, normalized (RowError.Duplicate is that recipient's key): it
	// gets the message, this one none. Not a failure: one person, one
	// message, as intended; the CLI does not exit 1 for it.
	KindDuplicatePhone Kind = "duplicate-phone"
)

// Words in field names, lower case.
var (
	notPhoneWords = words("факс", "fax", "менеджер", "ответствен", "manager", "responsible", "owner", "тип", "type", "код", "code", "подтвержд", "confirm", "кол-во", "count")
	whatsappWords = words("whatsapp", "ватсап", "вотсап", "wa_id")
	mobileWords   = words("мобильн", "моб. телефон", "mobile", "сотов", "cell")
	phoneNames    = words("телефон", "тел", "тел.", "phone", "tel", "номер телефона", "phone number", "phone_number", "телефон (текст)")
	sideWords     = words("рабоч", "work", "домашн", "home")
	phoneWords    = words("телефон", "phone")
)

func words(ws ...string) [][]byte {
	out := make([][]byte, len(ws))
	for i, w := range ws {
		out[i] = []byte(w)
	}
	return out
}

func hasWord(n []byte, ws [][]byte) bool {
	for _, w := range ws {
		if bytes.Contains(n, w) {
			return true
		}
	}
	return false
}

func isName(n []byte, ws [][]byte) bool {
	for _, w := range ws {
		if bytes.Equal(n, w) {
			return true
		}
	}
	return false
}

// phoneFieldScore rates a data field's name as the phone column: 0 is not
// a phone column, and the highest score wins. It does not allocate for
// names of Latin and Russian letters (Message detects the column on every
// call).
func phoneFieldScore(name string) int {
	var buf [96]byte
	n := lowerName(strings.TrimSpace(name), &buf)
	if i := bytes.LastIndexByte(n, ':'); i >= 0 { // "Контакт: Телефон"
		n = bytes.TrimSpace(n[i+1:])
	}
	switch {
	case hasWord(n, notPhoneWords):
		return 0
	case hasWord(n, whatsappWords):
		return 5
	case hasWord(n, mobileWords):
		return 4
	case isName(n, phoneNames):
		return 3
	case hasWord(n, sideWords):
		if hasWord(n, phoneWords) {
			return 1
		}
	case hasWord(n, phoneWords):
		return 2
	}
	return 0
}

// lowerName lowers the case of a name's Latin and Russian letters into buf;
// a longer name or another script goes to strings.ToLower.
func lowerName(s string, buf *[96]byte) []byte {
	if len(s) > len(buf) {
		return []byte(strings.ToLower(s))
	}
	b := buf[:len(s)]
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c >= 0x80 && c != 0xD0 && c != 0xD1 && utf8.RuneStart(c),
			c == 0xD1 && i+1 < len(s) && s[i+1] >= 0xA0:
			return []byte(strings.ToLower(s)) // another script: let Unicode do it
		case c == 0xD0 && i+1 < len(s):
			// А-П (D0 90-9F) -> а-п (D0 B0-BF); Р-Я (D0 A0-AF) -> р-я
			// (D1 80-8F); Ѐ-Џ, Ё among them (D0 80-8F) -> ѐ-џ (D1 90-9F).
			switch d := s[i+1]; {
			case d >= 0x80 && d <= 0x8F:
				b[i], b[i+1] = 0xD1, d+0x10
				i++
				continue
			case d >= 0x90 && d <= 0x9F:
				b[i], b[i+1] = 0xD0, d+0x20
				i++
				continue
			case d >= 0xA0 && d <= 0xAF:
				b[i], b[i+1] = 0xD1, d-0x20
				i++
				continue
			}
		}
		b[i] = c
	}
	return b
}

// detectPhoneField returns the field of data that holds the phone, by its
// name (see Options.PhoneField), or "" when none looks like one. Ties go to
// the name first in byte order, so the choice does not depend on map order.
func detectPhoneField(data map[string]any) string {
	best, bestScore := "", 0
	for name := range data {
		s := phoneFieldScore(name)
		if s > bestScore || (s == bestScore && s > 0 && name < best) {
			best, bestScore = name, s
		}
	}
	return best
}

// phoneText returns a phone field's value as text: a string as it is, a
// number in plain digits (as KeyText writes it), the numbers of a list
// (as Bitrix24's REST API gives PHONE: [{"VALUE": "..."}, ...]) joined by
// ", ".
func phoneText(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case []string:
		return strings.Join(x[:min(len(x), maxPhoneParts)], ", ")
	case []any:
		parts := make([]string, 0, min(len(x), maxPhoneParts))
		for _, e := range x[:min(len(x), maxPhoneParts)] {
			if s := phoneText(e); s != "" {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, ", ")
	case map[string]any:
		for _, k := range []string{"VALUE", "value", "phone", "number"} {
			if e, ok := x[k]; ok {
				return phoneText(e)
			}
		}
		return ""
	}
	return KeyText(v)
}

// phoneOutcome is what the phone column says about one recipient.
type phoneOutcome struct {
	phone Phone
	key   uint64 // E.164 digits as a number; 0 when there is no phone
	field string // the phone column, "" when there is none
	err   *PhoneError
}

// phoneOf reads the recipient's phone from field (no column: a zero
// outcome).
func (c *Campaign) phoneOf(r *Recipient, field string) phoneOutcome {
	po := phoneOutcome{field: field}
	if field == "" || r.Err != nil {
		return po
	}
	v, ok := r.Data[field]
	if !ok {
		po.err = &PhoneError{Reason: fmt.Sprintf("в записи нет поля «%s» с номером телефона", field)}
		return po
	}
	text := phoneText(v)
	key, err := parsePhone(text, c.region, &po.phone)
	if err != nil {
		pe, ok := err.(*PhoneError)
		if !ok {
			pe = &PhoneError{Text: text, Reason: err.Error()}
		}
		po.err = pe
		return po
	}
	po.key = key
	return po
}

// phoneField returns the phone column Message uses for r: Options.PhoneField,
// or the field detected from r's names.
func (c *Campaign) phoneField(r *Recipient) string {
	switch {
	case c.opts.NoPhone:
		return ""
	case c.opts.PhoneField != "":
		return c.opts.PhoneField
	}
	return c.names.detect(r.Data)
}

// maxScoredNames bounds fieldScores' memory.
const maxScoredNames = 4096

// fieldScores caches phoneFieldScore by field name for Message, which
// detects the phone column on every call: a CRM robot's records have the
// same few dozen names.
type fieldScores struct {
	mu sync.RWMutex
	m  map[string]int
}

// detect is detectPhoneField, with the scores of names seen before taken
// from the cache.
func (fs *fieldScores) detect(data map[string]any) string {
	best, bestScore := "", 0
	var missed []string
	fs.mu.RLock()
	for name := range data {
		s, ok := fs.m[name]
		if !ok {
			s = phoneFieldScore(name)
			missed = append(missed, name)
		}
		if s > bestScore || (s == bestScore && s > 0 && name < best) {
			best, bestScore = name, s
		}
	}
	fs.mu.RUnlock()
	if len(missed) > 0 {
		fs.mu.Lock()
		if fs.m == nil {
			fs.m = make(map[string]int)
		}
		for _, name := range missed {
			if len(fs.m) < maxScoredNames {
				fs.m[strings.Clone(name)] = phoneFieldScore(name)
			}
		}
		fs.mu.Unlock()
	}
	return best
}

// phoneRow applies the phone outcome to a row being built: an error for
// an invalid number, else the number and its warnings. It reports whether
// the row is still going (no error).
func (c *Campaign) phoneRow(row *Row, po *phoneOutcome, line int) bool {
	if po.err != nil {
		row.Err = &RowError{Kind: KindPhone, Message: po.err.Error(), Field: po.field, Line: line, Err: po.err}
		return false
	}
	p := &po.phone
	if p.E164 == "" {
		return true
	}
	row.Phone, row.WAID = p.E164, p.WAID()
	row.PhoneType, row.PhoneCount = p.Type, p.Count
	if p.Count > 1 {
		what := "первый мобильный"
		if !p.Mobile() {
			what = "первый верный (мобильного нет)"
		}
		row.Warnings = append(row.Warnings, fmt.Sprintf("в поле «%s» %d номера: взят %s, %s", po.field, p.Count, what, p.E164))
	}
	switch p.Type {
	case PhoneLandline:
		row.Warnings = append(row.Warnings, fmt.Sprintf("%s — городской номер, не мобильный: WhatsApp на нём бывает редко", p.E164))
	case PhoneTollFree:
		row.Warnings = append(row.Warnings, fmt.Sprintf("%s — бесплатный номер (8-800), не мобильный: WhatsApp на нём бывает редко", p.E164))
	case PhoneOther:
		row.Warnings = append(row.Warnings, fmt.Sprintf("%s — не мобильный номер: WhatsApp на нём бывает редко", p.E164))
	}
	return true
}

// maxFirstKey is the most bytes of the first recipient's key kept for a
// duplicate's error row.
const maxFirstKey = 64

// arenaChunk is the size of one block of phoneSet's key store.
const arenaChunk = 64 << 10

// phoneSet remembers the phones of a run, each with the key of the first
// recipient that had it. The map is keyed by the number's E.164 digits as
// an integer (at most 15 digits: it fits in 64 bits), not by a string, and
// the keys are copied into blocks of 64 KiB (at most 64 bytes each; a
// longer one is cut), so memory is linear in the distinct phones: the map's
// 16 bytes a slot at a load between 7/16 and 7/8 (about 19 to 40 bytes a
// phone with the map's own overhead), plus the key's length.
// BenchmarkPhoneSet measures it: 46 bytes a phone in all, with keys of 8
// bytes, at a million phones (46 MB); the bound is under 50 bytes a phone
// plus its key.
type phoneSet struct {
	first  map[uint64]uint64 // phone -> block<<24 | offset<<8 | length
	blocks [][]byte
}

// see returns the key of the recipient that had phone first, or registers
// key as that recipient and returns "", false.
func (s *phoneSet) see(phone uint64, key string) (string, bool) {
	if s.first == nil {
		s.first = make(map[uint64]uint64)
	}
	if v, ok := s.first[phone]; ok {
		b := s.blocks[v>>24]
		off, n := (v>>8)&0xFFFF, v&0xFF
		return string(b[off : off+n]), true
	}
	k := truncate(key, maxFirstKey)
	if len(s.blocks) == 0 || len(s.blocks[len(s.blocks)-1])+len(k) > arenaChunk {
		s.blocks = append(s.blocks, make([]byte, 0, arenaChunk))
	}
	i := len(s.blocks) - 1
	off := len(s.blocks[i])
	s.blocks[i] = append(s.blocks[i], k...)
	s.first[phone] = uint64(i)<<24 | uint64(off)<<8 | uint64(len(k))
	return "", false
}

// phoneRun is a run's phone state. Run's reader decides the column on the
// first readable record (and, with Options.Resume, registers the phones of
// the records before Start, before it hands on any batch); the workers read
// the phones; Run's own goroutine, which sees the rows in order, tells the
// duplicates.
type phoneRun struct {
	c       *Campaign
	decided bool
	field   string
	seen    phoneSet
}

// decide sets the column from the first readable record; a PhoneField it
// lacks is the run's error.
func (pr *phoneRun) decide(r *Recipient) error {
	if !pr.decided && r.Err == nil && r.Data != nil {
		pr.decided = true
		switch {
		case pr.c.opts.NoPhone:
		case pr.c.opts.PhoneField != "":
			if _, ok := r.Data[pr.c.opts.PhoneField]; !ok {
				names := slices.Sorted(maps.Keys(r.Data))
				if len(names) > 20 {
					names = append(names[:20], "...")
				}
				return fmt.Errorf("campaign: the recipients have no phone field %q; the first record has: %s",
					pr.c.opts.PhoneField, strings.Join(names, ", "))
			}
			pr.field = pr.c.opts.PhoneField
		default:
			pr.field = detectPhoneField(r.Data)
		}
	}
	return nil
}

// skip registers the phone of a record read but not run (Options.Resume).
func (pr *phoneRun) skip(r *Recipient) {
	if po := pr.c.phoneOf(r, pr.field); po.key != 0 {
		pr.seen.see(po.key, r.Key)
	}
}

// dedup registers the phone of a row, in input order, or turns the row
// into a duplicate of the earlier recipient with that phone, who gets the
// message. Every row with a valid phone counts, whatever became of it (a
// recipient whose row failed still has the phone); a suppressed row stays
// suppressed.
func (pr *phoneRun) dedup(row *Row, phone uint64, line int, field string) {
	first, dup := pr.seen.see(phone, row.Key)
	if !dup || (row.Err != nil && row.Err.Kind == KindSuppressed) {
		return
	}
	row.Text, row.Chunks, row.Variant, row.Links = "", nil, "", nil
	row.Err = &RowError{Kind: KindDuplicatePhone, Line: line, Field: field, Duplicate: first,
		Message: fmt.Sprintf("the phone %s is also the phone of %q, an earlier recipient, who gets the message: one person, one message", row.Phone, first)}
}

// PhoneReport is the phone part of a Report.
type PhoneReport struct {
	// Field is the data field read as the phone (Options.PhoneField, or
	// the one found by its name); Region the default region.
	Field  string `json:"field"`
	Region string `json:"region"`
	// Numbers is the number of rows with a valid phone (messages and
	// error rows alike).
	Numbers int `json:"numbers"`
	// Invalid is the number of rows of KindPhone: no number, or one that
	// is invalid or impossible.
	Invalid int `json:"invalid"`
	// Duplicates is the number of rows of KindDuplicatePhone.
	Duplicates int `json:"duplicates"`
	// Landlines is the number of valid phones that cannot be mobile
	// (landlines, 8-800 and other non-mobile numbers); their rows carry a
	// warning.
	Landlines int `json:"landlines"`
	// Several is the number of rows whose phone field held several
	// numbers (the first mobile one was taken; the row says so).
	Several int `json:"several,omitempty"`
}

// addPhone counts a row's phone for the report.
func (a *accumulator) addPhone(r *Row) {
	if r.Phone != "" {
		a.phones.Numbers++
		if r.PhoneType != PhoneMobile {
			a.phones.Landlines++
		}
		if r.PhoneCount > 1 {
			a.phones.Several++
		}
	}
	if r.Err != nil {
		switch r.Err.Kind {
		case KindPhone:
			a.phones.Invalid++
		case KindDuplicatePhone:
			a.phones.Duplicates++
		}
	}
}

// finishPhones puts the phone counts in the report when the run had a
// phone column.
func (a *accumulator) finishPhones(field string) {
	if field == "" {
		return
	}
	p := a.phones
	p.Field, p.Region = field, a.c.region
	a.rep.Phones = &p
	if p.Duplicates > 0 {
		a.rep.Warnings = append(a.rep.Warnings, fmt.Sprintf(
			"%d recipients have the phone of an earlier one (field %q): each person gets one message; their rows are errors of kind %s naming the first",
			p.Duplicates, field, KindDuplicatePhone))
	}
	if p.Landlines > 0 {
		a.rep.Warnings = append(a.rep.Warnings, fmt.Sprintf(
			"%d phones are not mobile (landlines, 8-800): WhatsApp is rarely there; their rows carry a warning", p.Landlines))
	}
}

// writePhones prints the phone line of WriteText.
func (p *PhoneReport) writeText(b *strings.Builder) {
	fmt.Fprintf(b, "phones: field %q (region %s): %d valid, %d invalid, %d duplicates, %d not mobile", p.Field, p.Region, p.Numbers, p.Invalid, p.Duplicates, p.Landlines)
	if p.Several > 0 {
		fmt.Fprintf(b, ", %d with several numbers", p.Several)
	}
	b.WriteString("\n")
}

// phoneSuppress returns the phones among a suppression list's entries:
// each entry that reads as a valid phone number in region.
func phoneSuppress(entries []string, region string) map[uint64]struct{} {
	var m map[uint64]struct{}
	for _, e := range entries {
		e = strings.TrimSpace(e)
		if len(phoneDigits(e)) < 5 || !utf8.ValidString(e) {
			continue
		}
		var p Phone
		if key, err := parsePhone(e, region, &p); err == nil {
			if m == nil {
				m = make(map[uint64]struct{})
			}
			m[key] = struct{}{}
		}
	}
	return m
}

// validRegion returns region in upper case, DefaultRegion for "", or an
// error for a code phonenumbers does not know.
func validRegion(region string) (string, error) {
	if region == "" {
		return DefaultRegion, nil
	}
	r := strings.ToUpper(strings.TrimSpace(region))
	if !phonenumbers.GetSupportedRegions()[r] {
		return "", fmt.Errorf("campaign: Region %q is not a country code phonenumbers knows; give an ISO 3166 code such as RU, KZ or BY", region)
	}
	return r, nil
}

package campaign_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/spinwise/spinwise/campaign"
)

// TestParsePhone is the table of numbers as CRM exports write them: every
// Russian way of writing a mobile, landlines, extensions, several numbers in
// one cell, typos, and a few foreign numbers.
func TestParsePhone(t *testing.T) {
	const m, l = campaign.PhoneMobile, campaign.PhoneLandline
	tests := []struct {
		name, in, region string
		e164             string
		typ              campaign.PhoneType
		ext              string
		count            int    // 0 means 1
		err              string // a substring of the reason; "" means valid
		why              string
	}{
		// Russian mobiles, every way people type them.
		{name: "trunk 8, brackets, dashes", in: "8 (999) 123-45-67", e164: "+79991234567", typ: m},
		{name: "plus 7, spaces", in: "+7 999 123 45 67", e164: "+79991234567", typ: m},
		{name: "plus 7, packed", in: "+79991234567", e164: "+79991234567", typ: m},
		{name: "7 without plus", in: "79991234567", e164: "+79991234567", typ: m, why: "the country code without its +"},
		{name: "8 packed", in: "89991234567", e164: "+79991234567", typ: m},
		{name: "10 digits", in: "9991234567", e164: "+79991234567", typ: m, why: "the national number alone, region RU"},
		{name: "10 digits dashed", in: "999-123-45-67", e164: "+79991234567", typ: m},
		{name: "8 dashed", in: "8-999-123-45-67", e164: "+79991234567", typ: m},
		{name: "plus 7 brackets", in: "+7 (999) 123-45-67", e164: "+79991234567", typ: m},
		{name: "plus 7 brackets packed", in: "+7(999)1234567", e164: "+79991234567", typ: m},
		{name: "7 brackets", in: "7 (999) 123-45-67", e164: "+79991234567", typ: m},
		{name: "dots", in: "8.999.123.45.67", e164: "+79991234567", typ: m},
		{name: "8 space 10", in: "8 9991234567", e164: "+79991234567", typ: m},
		{name: "plus 7 dash", in: "+7-999-123-45-67", e164: "+79991234567", typ: m},
		{name: "surrounding spaces", in: "  +7 999 123 45 67 ", e164: "+79991234567", typ: m},
		{name: "no-break spaces", in: "+7\u00a0999\u00a0123\u00a045\u00a067", e164: "+79991234567", typ: m, why: "Excel and Word write U+00A0 between groups"},
		{name: "word before", in: "тел. 8 999 123 45 67", e164: "+79991234567", typ: m},
		{name: "label before", in: "моб: +7(916)000-00-00", e164: "+79160000000", typ: m},
		{name: "name after", in: "+7 999 123-45-67 (Иван)", e164: "+79991234567", typ: m},
		{name: "double plus", in: "++7 999 123 45 67", e164: "+79991234567", typ: m, why: "a typo phonenumbers forgives"},
		{name: "plus 7 then 8", in: "+7 8 999 123 45 67", e164: "+79991234567", typ: m, why: "the trunk prefix after the country code"},
		{name: "new 940 range", in: "+7 940 123 45 67", e164: "+79401234567", typ: m},
		{name: "a JSON number's text", in: "79161234567", e164: "+79161234567", typ: m},
		// Extensions: the number without them.
		{name: "доб.", in: "8-999-1234567 доб. 12", e164: "+79991234567", typ: m, ext: "12"},
		{name: "доб without dot", in: "+7 495 123-45-67 доб 305", e164: "+74951234567", typ: l, ext: "305"},
		{name: "вн.", in: "8 (495) 123-45-67 вн. 12", e164: "+74951234567", typ: l, ext: "12", why: "phonenumbers alone does not know вн."},
		{name: "ext", in: "8 (999) 123-45-67 ext 5", e164: "+79991234567", typ: m, ext: "5"},
		{name: "x", in: "+7 999 1234567x5", e164: "+79991234567", typ: m, ext: "5"},
		{name: "hash", in: "89991234567 #12", e164: "+79991234567", typ: m, ext: "12"},
		// Russian landlines and others: valid, not mobile.
		{name: "Moscow landline", in: "8 (495) 123-45-67", e164: "+74951234567", typ: l},
		{name: "Saratov landline", in: "8 (8452) 12-34-56", e164: "+78452123456", typ: l},
		{name: "Tyumen landline", in: "+7 (3452) 12-34-56", e164: "+73452123456", typ: l},
		{name: "8-800", in: "8-800-555-35-35", e164: "+78005553535", typ: campaign.PhoneTollFree},
		// Several numbers in one cell.
		{name: "landline then mobile", in: "8 (495) 123-45-67, +7 999 111-22-33", e164: "+79991112233", typ: m, count: 2, why: "the first mobile one, not the first one"},
		{name: "two mobiles, semicolon", in: "+7 999 123-45-67; 8 916 000-00-00", e164: "+79991234567", typ: m, count: 2},
		{name: "или", in: "+7 999 123 45 67 или 8 916 000 00 00", e164: "+79991234567", typ: m, count: 2},
		{name: "new line", in: "8 916 000 00 00\n8 999 123 45 67", e164: "+79160000000", typ: m, count: 2},
		{name: "two landlines", in: "8 495 123 45 67 / 8 495 765 43 21", e164: "+74951234567", typ: l, count: 2, why: "no mobile: the first valid one"},
		{name: "bad then good", in: "12345, 8 999 123 45 67", e164: "+79991234567", typ: m, count: 2},
		// Errors, with reasons.
		{name: "empty", in: "", err: "номер телефона не указан"},
		{name: "blank", in: "   ", err: "номер телефона не указан"},
		{name: "no digits", in: "нет", err: "нет цифр"},
		{name: "9 digits", in: "999123456", err: "в номере 9 цифр, а нужно 10 после +7"},
		{name: "9 digits after 8", in: "8 999 123 45 6", err: "в номере 9 цифр, а нужно 10 после +7", why: "the trunk 8 is not counted"},
		{name: "11 digits after 8", in: "8 999 123 45 678", err: "в номере 11 цифр, а нужно 10 после +7"},
		{name: "11 digits after +7", in: "+7 999 123 45 678", err: "в номере 11 цифр, а нужно 10 после +7"},
		{name: "plus 8", in: "+8 999 123 45 67", err: "«+8» — не код страны", why: "a common typo: +8 for +7"},
		{name: "code 0xx", in: "8 099 123 45 67", err: "номеров +7 099… не бывает"},
		{name: "all zeros", in: "+7 (000) 000-00-00", err: "номеров +7 000… не бывает"},
		{name: "two numbers run together", in: "8 999 123 45 67 8 916 123 45 67", err: "два номера без разделителя"},
		{name: "unknown country", in: "+99 1234567", err: "такого кода страны нет"},
		{name: "too long a cell", in: strings.Repeat("8", 1001), err: "слишком длинный текст"},
		{name: "two digits", in: "12", err: "в номере 2 цифры"},
		{name: "Excel exponent", in: "7,99912E+10", err: "экспоненциальной форме", why: "Excel shows a long number so, and its digits are gone"},
		{name: "Excel exponent, dot", in: "7.99912e+10", err: "экспоненциальной форме"},
		// Foreign numbers.
		{name: "Kazakhstan with 8", in: "8 701 123 45 67", e164: "+77011234567", typ: m, why: "+7 7xx is Kazakhstan"},
		{name: "Belarus", in: "+375 29 123 45 67", e164: "+375291234567", typ: m},
		{name: "Ukraine", in: "+380 50 123 4567", e164: "+380501234567", typ: m},
		{name: "USA", in: "+1 650 253 0000", e164: "+16502530000", typ: m, why: "the US plan cannot tell mobiles: counted as mobile"},
		{name: "UK landline", in: "+44 20 7946 0958", e164: "+442079460958", typ: l},
		{name: "Germany landline", in: "+49 30 123456", e164: "+4930123456", typ: l},
		{name: "Belarus too short", in: "+375 29 123 45", err: "+375"},
		{name: "region BY", in: "8 029 123 45 67", region: "BY", e164: "+375291234567", typ: m, why: "the region's own trunk prefix"},
		{name: "region KZ", in: "8 701 123 45 67", region: "KZ", e164: "+77011234567", typ: m},
	}
	if len(tests) < 40 {
		t.Fatalf("%d rows; the table needs at least 40", len(tests))
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := campaign.ParsePhone(tc.in, tc.region)
			if tc.err != "" {
				var pe *campaign.PhoneError
				if !errors.As(err, &pe) {
					t.Fatalf("ParsePhone(%q) = %+v, %v; want a *PhoneError with %q (%s)", tc.in, p, err, tc.err, tc.why)
				}
				if !strings.Contains(pe.Reason, tc.err) || pe.Text != tc.in {
					t.Fatalf("ParsePhone(%q): reason %q on text %q; want %q in it (%s)", tc.in, pe.Reason, pe.Text, tc.err, tc.why)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParsePhone(%q): %v (%s)", tc.in, err, tc.why)
			}
			count := max(tc.count, 1)
			if p.E164 != tc.e164 || p.Type != tc.typ || p.Extension != tc.ext || p.Count != count {
				t.Fatalf("ParsePhone(%q) = %+v; want %s %s ext %q count %d (%s)", tc.in, p, tc.e164, tc.typ, tc.ext, count, tc.why)
			}
			if p.WAID() != tc.e164[1:] {
				t.Fatalf("WAID = %q, want %q", p.WAID(), tc.e164[1:])
			}
		})
	}
}

// phoneRecs returns recipients keyed k0, k1, ... with a name and the phone
// texts given.
func phoneRecs(field string, phones ...string) []campaign.Recipient {
	out := make([]campaign.Recipient, len(phones))
	for i, p := range phones {
		key := fmt.Sprintf("k%d", i)
		out[i] = campaign.Recipient{Key: key, Data: map[string]any{"key": key, "Имя": "Анна", field: p}}
	}
	return out
}

type rowSummary struct {
	Key, Phone, WAID, Kind, Duplicate string
	Warnings                          int
}

func summarize(rows []campaign.Row) []rowSummary {
	out := make([]rowSummary, len(rows))
	for i, r := range rows {
		out[i] = rowSummary{Key: r.Key, Phone: r.Phone, WAID: r.WAID, Warnings: len(r.Warnings)}
		if r.Err != nil {
			out[i].Kind, out[i].Duplicate = string(r.Err.Kind), r.Err.Duplicate
		}
	}
	return out
}

// TestRunPhoneDuplicates: one person written in several formats gets one
// message, the first row; each later row is a duplicate naming it. Rows in
// equal rows out, in order, whatever the number of workers.
func TestRunPhoneDuplicates(t *testing.T) {
	recs := phoneRecs("Телефон",
		"8 (999) 123-45-67",     // k0: first
		"+7 916 000-00-00",      // k1
		"+7 999 123 45 67",      // k2: k0 again
		"79991234567",           // k3: k0 again
		"9160000000",            // k4: k1 again
		"12345",                 // k5: invalid
		"8 (495) 123-45-67",     // k6: landline, a warning
		"8-999-1234567 доб. 12", // k7: k0 with an extension
		"",                      // k8: no number
		"+375 29 123 45 67",     // k9
	)
	recs = append(recs, campaign.Recipient{Key: "bad", Line: 12, Err: &campaign.InputError{Line: 12, Msg: "3 fields, but the header has 4"}})
	want := []rowSummary{
		{Key: "k0", Phone: "+79991234567", WAID: "79991234567"},
		{Key: "k1", Phone: "+79160000000", WAID: "79160000000"},
		{Key: "k2", Phone: "+79991234567", WAID: "79991234567", Kind: "duplicate-phone", Duplicate: "k0"},
		{Key: "k3", Phone: "+79991234567", WAID: "79991234567", Kind: "duplicate-phone", Duplicate: "k0"},
		{Key: "k4", Phone: "+79160000000", WAID: "79160000000", Kind: "duplicate-phone", Duplicate: "k1"},
		{Key: "k5", Kind: "phone"},
		{Key: "k6", Phone: "+74951234567", WAID: "74951234567", Warnings: 1},
		{Key: "k7", Phone: "+79991234567", WAID: "79991234567", Kind: "duplicate-phone", Duplicate: "k0"},
		{Key: "k8", Kind: "phone"},
		{Key: "k9", Phone: "+375291234567", WAID: "375291234567"},
		{Key: "bad", Kind: "input"},
	}
	var first []campaign.Row
	for _, workers := range []int{1, 2, 7} {
		c := newCampaign(t, "{Привет|Здравствуйте}, {{Имя}}!", &campaign.Options{Seed: 3, Workers: workers})
		rows, rep := runAll(t, c, recs)
		if d := cmp.Diff(want, summarize(rows)); d != "" {
			t.Fatalf("workers %d: rows (-want +got):\n%s", workers, d)
		}
		if first == nil {
			first = rows
		} else if d := cmp.Diff(first, rows); d != "" {
			t.Fatalf("workers %d: rows differ from the first run:\n%s", workers, d)
		}
		wantRep := &campaign.PhoneReport{Field: "Телефон", Region: "RU", Numbers: 8, Invalid: 2, Duplicates: 4, Landlines: 1}
		if d := cmp.Diff(wantRep, rep.Phones); d != "" {
			t.Fatalf("report's phones (-want +got):\n%s", d)
		}
		if rep.Failed != 3 || rep.Messages != 4 {
			t.Fatalf("failed %d, messages %d; want 3 (two phones, one input) and 4: duplicates are not failures", rep.Failed, rep.Messages)
		}
	}
	for _, r := range first {
		if r.Err != nil && r.Err.Kind == campaign.KindDuplicatePhone && (r.Text != "" || r.Chunks != nil || r.Variant != "") {
			t.Fatalf("duplicate row %s carries a message: %+v", r.Key, r)
		}
	}
	if msg := first[2].Err.Message; !strings.Contains(msg, `"k0"`) || !strings.Contains(msg, "+79991234567") {
		t.Fatalf("duplicate's message %q does not name the first key and the phone", msg)
	}
	if msg := first[5].Err.Message; !strings.Contains(msg, "в номере 5 цифр, а нужно 10 после +7") || first[5].Err.Field != "Телефон" {
		t.Fatalf("invalid phone's error: %+v", first[5].Err)
	}
	if w := first[6].Warnings[0]; !strings.Contains(w, "городской номер") {
		t.Fatalf("landline warning %q", w)
	}
}

// TestRunPhoneSuppress: the suppression list matches keys and phones, in
// any format.
func TestRunPhoneSuppress(t *testing.T) {
	recs := phoneRecs("Мобильный телефон", "+7 999 123-45-67", "8 916 000 00 00", "+7 903 111 22 33", "+7 905 000 11 22")
	c := newCampaign(t, "Привет, {{Имя}}!", &campaign.Options{Suppress: []string{
		"8 (999) 123-45-67", // k0 by phone, written otherwise
		"79160000000",       // k1 by phone, as a wa_id
		"k3",                // k3 by key
		"12345",             // neither
	}})
	rows, rep := runAll(t, c, recs)
	want := []rowSummary{
		{Key: "k0", Phone: "+79991234567", WAID: "79991234567", Kind: "suppressed"},
		{Key: "k1", Phone: "+79160000000", WAID: "79160000000", Kind: "suppressed"},
		{Key: "k2", Phone: "+79031112233", WAID: "79031112233"},
		{Key: "k3", Phone: "+79050001122", WAID: "79050001122", Kind: "suppressed"},
	}
	if d := cmp.Diff(want, summarize(rows)); d != "" {
		t.Fatalf("rows (-want +got):\n%s", d)
	}
	if rep.Failed != 0 || rep.Errors[campaign.KindSuppressed] != 3 {
		t.Fatalf("failed %d, suppressed %d", rep.Failed, rep.Errors[campaign.KindSuppressed])
	}
	// A suppressed person listed again is suppressed again, by phone.
	c2 := newCampaign(t, "Привет, {{Имя}}!", &campaign.Options{Suppress: []string{"k0"}})
	rows, _ = runAll(t, c2, phoneRecs("Телефон", "+7 999 123-45-67", "89991234567"))
	if got := summarize(rows); got[0].Kind != "suppressed" || got[1].Kind != "duplicate-phone" || got[1].Duplicate != "k0" {
		t.Fatalf("a suppressed key's phone again: %+v", got)
	}
}

// TestRunPhoneResume: a run resumed with Resume over the whole input gives
// the rows of the full run from Start on, duplicates of earlier rows
// included.
func TestRunPhoneResume(t *testing.T) {
	recs := phoneRecs("Телефон", "+7 999 123-45-67", "8 916 000 00 00", "bad", "89991234567", "+7 903 111 22 33", "9160000000", "+7 903 111 22 33")
	const tmpl = "{Привет|Здравствуйте|Добрый день}, {{Имя}}!"
	full, _ := runAll(t, newCampaign(t, tmpl, &campaign.Options{Seed: 9}), recs)
	for start := 0; start <= len(recs); start++ {
		c := newCampaign(t, tmpl, &campaign.Options{Seed: 9, Start: start, Resume: true})
		var rows []campaign.Row
		rep, err := c.Run(context.Background(), slice(recs), func(r campaign.Row) error {
			rows = append(rows, r)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(full[start:], rows, cmpopts.EquateEmpty()); d != "" {
			t.Fatalf("resumed at %d (-full run +resumed):\n%s", start, d)
		}
		if rep.Recipients != len(recs)-start {
			t.Fatalf("resumed at %d: report counts %d rows", start, rep.Recipients)
		}
	}
	// Without Resume the source is the tail: earlier phones are unknown.
	c := newCampaign(t, tmpl, &campaign.Options{Seed: 9, Start: 3})
	rows, _ := runAll(t, c, recs[3:])
	if rows[0].Err != nil {
		t.Fatalf("the tail alone: %v", rows[0].Err)
	}
}

// TestPhoneFieldDetection: the phone column by its name.
func TestPhoneFieldDetection(t *testing.T) {
	tests := []struct {
		name   string
		fields []string
		want   string // "" means no phone column
	}{
		{"Russian", []string{"key", "Имя", "Телефон"}, "Телефон"},
		{"Bitrix24 code", []string{"ID", "NAME", "PHONE"}, "PHONE"},
		{"English", []string{"id", "name", "Phone"}, "Phone"},
		{"deal export", []string{"ID", "Контакт: Имя", "Контакт: Телефон"}, "Контакт: Телефон"},
		{"mobile before work", []string{"key", "Рабочий телефон", "Мобильный телефон", "Домашний телефон"}, "Мобильный телефон"},
		{"WhatsApp first", []string{"key", "Телефон", "WhatsApp"}, "WhatsApp"},
		{"generic before work", []string{"key", "Рабочий телефон", "Телефон"}, "Телефон"},
		{"only work", []string{"key", "Рабочий телефон"}, "Рабочий телефон"},
		{"fax is not a phone", []string{"key", "Факс"}, ""},
		{"manager's phone is not the client's", []string{"key", "Телефон менеджера"}, ""},
		{"none", []string{"key", "Имя", "Город"}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := map[string]any{}
			for _, f := range tc.fields {
				d[f] = "+7 999 123 45 67"
			}
			c := newCampaign(t, "Привет!", nil)
			rows, rep := runAll(t, c, []campaign.Recipient{{Key: "k", Data: d}})
			if tc.want == "" {
				if rep.Phones != nil || rows[0].Phone != "" {
					t.Fatalf("phone column found in %v: %+v", tc.fields, rep.Phones)
				}
				return
			}
			if rep.Phones == nil || rep.Phones.Field != tc.want || rows[0].Phone != "+79991234567" {
				t.Fatalf("fields %v: report %+v, row phone %q; want field %q", tc.fields, rep.Phones, rows[0].Phone, tc.want)
			}
		})
	}
}

// TestRunPhoneOptions: PhoneField names the column, NoPhone turns it off,
// a PhoneField the data lacks stops the run, a bad Region is New's error.
func TestRunPhoneOptions(t *testing.T) {
	recs := []campaign.Recipient{{Key: "k", Data: map[string]any{"Имя": "Анна", "Телефон": "x", "Номер": "+7 999 123 45 67"}}}
	c := newCampaign(t, "Привет!", &campaign.Options{PhoneField: "Номер"})
	rows, rep := runAll(t, c, recs)
	if rows[0].Phone != "+79991234567" || rep.Phones.Field != "Номер" {
		t.Fatalf("PhoneField: row %+v, report %+v", rows[0], rep.Phones)
	}
	c = newCampaign(t, "Привет!", &campaign.Options{NoPhone: true})
	rows, rep = runAll(t, c, recs)
	if rows[0].Phone != "" || rows[0].Err != nil || rep.Phones != nil {
		t.Fatalf("NoPhone: row %+v, report %+v", rows[0], rep.Phones)
	}
	c = newCampaign(t, "Привет!", &campaign.Options{PhoneField: "Тел"})
	n := 0
	_, err := c.Run(context.Background(), slice(recs), func(campaign.Row) error { n++; return nil })
	if err == nil || !strings.Contains(err.Error(), `no phone field "Тел"; the first record has: Имя, Номер, Телефон`) || n != 0 {
		t.Fatalf("missing PhoneField: %v, %d rows", err, n)
	}
	if _, err := campaign.New("Привет!", &campaign.Options{Region: "XX"}); err == nil || !strings.Contains(err.Error(), `Region "XX"`) {
		t.Fatalf("Region XX: %v", err)
	}
	var pe *campaign.PhoneError
	if _, err := campaign.ParsePhone("8 999 123 45 67", "XX"); err == nil || errors.As(err, &pe) {
		t.Fatalf("ParsePhone in region XX: %v", err)
	}
	c = newCampaign(t, "Привет!", &campaign.Options{Region: "by"})
	rows, rep = runAll(t, c, phoneRecs("Телефон", "8 029 123 45 67"))
	if rows[0].Phone != "+375291234567" || rep.Phones.Region != "BY" {
		t.Fatalf("region by: %+v %+v", rows[0], rep.Phones)
	}
	// Message, one recipient at a time, reads the phone too.
	c = newCampaign(t, "Привет!", nil)
	row := c.Message(phoneRecs("Phone", "+7 (999) 123-45-67")[0], 0)
	if row.Phone != "+79991234567" || row.WAID != "79991234567" || row.Err != nil {
		t.Fatalf("Message: %+v", row)
	}
	// Values from JSON: numbers and Bitrix24's lists.
	for _, v := range []any{float64(79991234567), int64(89991234567), []any{map[string]any{"VALUE": "+7 999 123-45-67", "VALUE_TYPE": "WORK"}}, []string{"", "8 999 123 45 67"}} {
		row := c.Message(campaign.Recipient{Key: "k", Data: map[string]any{"PHONE": v}}, 0)
		if row.Phone != "+79991234567" {
			t.Fatalf("PHONE %#v: %+v", v, row)
		}
	}
}

// TestRunWithoutPhones: data without a phone column gives the rows it
// always did: no phone, no report part.
func TestRunWithoutPhones(t *testing.T) {
	c := newCampaign(t, greeting, &campaign.Options{Seed: 2})
	rows, rep := runAll(t, c, people(50))
	for _, r := range rows {
		if r.Phone != "" || r.WAID != "" || r.Warnings != nil || r.Err != nil {
			t.Fatalf("row %+v", r)
		}
		b, _ := json.Marshal(r)
		if bytes.Contains(b, []byte("phone")) || bytes.Contains(b, []byte("wa_id")) {
			t.Fatalf("row JSON %s", b)
		}
	}
	var text strings.Builder
	rep.WriteText(&text)
	if rep.Phones != nil || strings.Contains(text.String(), "phones") {
		t.Fatalf("report: %+v\n%s", rep.Phones, text.String())
	}
}

// TestReportPhonesText: the counts in the text report and in JSON.
func TestReportPhonesText(t *testing.T) {
	c := newCampaign(t, "Привет, {{Имя}}!", nil)
	_, rep := runAll(t, c, phoneRecs("Телефон", "+7 999 123-45-67", "89991234567", "8 495 123 45 67", "1", "8 495 000 00 00, 8 916 000 00 00"))
	var b strings.Builder
	if err := rep.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`phones: field "Телефон" (region RU): 4 valid, 1 invalid, 1 duplicates, 1 not mobile, 1 with several numbers`,
		"warning: 1 recipients have the phone of an earlier one",
		"warning: 1 phones are not mobile",
	} {
		if !strings.Contains(b.String(), want) {
			t.Fatalf("report text lacks %q:\n%s", want, b.String())
		}
	}
	j, _ := json.Marshal(rep)
	if !bytes.Contains(j, []byte(`"phones":{"field":"Телефон","region":"RU","numbers":4,"invalid":1,"duplicates":1,"landlines":1,"several":1}`)) {
		t.Fatalf("report JSON: %s", j)
	}
}

// FuzzPhoneColumn runs the pipeline over a CSV whose phone column holds the
// fuzzer's text, one line a recipient: rows in equal rows out, in order; no
// two messages share a phone; every duplicate names an earlier key with
// the same phone; every phone is E.164 and wa_id is it without "+".
func FuzzPhoneColumn(f *testing.F) {
	for _, s := range []string{
		"8 (999) 123-45-67\n+7 999 123 45 67\n12345\n8 495 123 45 67",
		"79991234567\n9991234567\n8-999-1234567 доб. 12",
		"+375 29 123 45 67, 8 916 000 00 00\n\n+8 999 123 45 67",
		"++7(((999)))1234567x\n+1 650 253 0000\n+44 20 7946 0958 или 8 800 555 35 35",
	} {
		f.Add(s)
	}
	c, err := campaign.New("Привет, {{Имя}}!", &campaign.Options{Workers: 2, NoAnalysis: true, Suppress: []string{"+7 916 000 00 00"}})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		lines := strings.Split(s, "\n")
		recs := make([]campaign.Recipient, len(lines))
		for i, l := range lines {
			key := fmt.Sprintf("k%d", i)
			recs[i] = campaign.Recipient{Key: key, Data: map[string]any{"Имя": "Анна", "Телефон": l}}
		}
		var rows []campaign.Row
		_, err := c.Run(context.Background(), slice(recs), func(r campaign.Row) error {
			rows = append(rows, r)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != len(recs) {
			t.Fatalf("%d recipients, %d rows", len(recs), len(rows))
		}
		phoneOf := map[string]string{} // key -> phone
		sent := map[string]string{}    // phone -> key of its message
		for i, r := range rows {
			if r.Key != recs[i].Key {
				t.Fatalf("row %d is %s", i, r.Key)
			}
			if r.Phone != "" {
				if r.Phone[0] != '+' || len(r.Phone) > 16 || r.WAID != r.Phone[1:] || strings.Trim(r.WAID, "0123456789") != "" {
					t.Fatalf("row %d: phone %q wa_id %q", i, r.Phone, r.WAID)
				}
				if _, err := campaign.ParsePhone(r.Phone, ""); err != nil {
					t.Fatalf("row %d: its own phone %q does not parse: %v", i, r.Phone, err)
				}
			}
			phoneOf[r.Key] = r.Phone
			switch {
			case r.Err == nil:
				if r.Phone == "" {
					t.Fatalf("row %d: a message without a phone", i)
				}
				if k, dup := sent[r.Phone]; dup {
					t.Fatalf("rows %s and %s both get a message to %s", k, r.Key, r.Phone)
				}
				sent[r.Phone] = r.Key
			case r.Err.Kind == campaign.KindDuplicatePhone:
				if p, ok := phoneOf[r.Err.Duplicate]; !ok || p != r.Phone {
					t.Fatalf("row %d: duplicate of %q, which is not an earlier row with %s", i, r.Err.Duplicate, r.Phone)
				}
			case r.Err.Kind == campaign.KindPhone:
				var pe *campaign.PhoneError
				if !errors.As(r.Err, &pe) || pe.Reason == "" {
					t.Fatalf("row %d: phone error without a reason: %v", i, r.Err)
				}
			}
		}
	})
}

// TestMessagePhonesConcurrent: Message is safe for concurrent use with the
// phone column found by name (its cache of field names is shared); run it
// with -race.
func TestMessagePhonesConcurrent(t *testing.T) {
	c := newCampaign(t, "Привет, {{Имя}}!", nil)
	fields := []string{"Телефон", "PHONE", "Мобильный телефон", "Контакт: Телефон"}
	done := make(chan error)
	for g := range 8 {
		go func() {
			for i := range 200 {
				f := fields[(g+i)%len(fields)]
				data := map[string]any{"Имя": "Анна", f: fmt.Sprintf("8 999 %03d %02d %02d", g, i%100, i/100), fmt.Sprintf("Поле %d", i): "x"}
				row := c.Message(campaign.Recipient{Key: "k", Data: data}, i)
				want := fmt.Sprintf("+7999%03d%02d%02d", g, i%100, i/100)
				if row.Err != nil || row.Phone != want {
					done <- fmt.Errorf("goroutine %d, call %d, field %q: %+v, want phone %s", g, i, f, row, want)
					return
				}
			}
			done <- nil
		}()
	}
	for range 8 {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}

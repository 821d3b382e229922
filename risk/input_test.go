package risk_test

import (
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/spinwise/spinwise/risk"
)

func TestReadInput(t *testing.T) {
	f, err := os.Open("testdata/account.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := risk.ReadInput(f)
	if err != nil {
		t.Fatal(err)
	}
	msk := time.FixedZone("", 3*60*60)
	twenty := 20
	want := risk.Input{
		Account: risk.Account{
			Registered:   time.Date(2026, 1, 10, 9, 0, 0, 0, msk),
			Connected:    time.Date(2026, 1, 20, 9, 0, 0, 0, msk),
			LastOutgoing: time.Date(2026, 2, 28, 18, 30, 0, 0, msk),
			LastBlock:    time.Date(2026, 2, 1, 10, 0, 0, 0, time.UTC),
			LastUnblock:  time.Date(2026, 2, 2, 10, 0, 0, 0, time.UTC),
			Blocks:       1,
		},
		Stats:  risk.Stats{Outgoing: 140, Replies: 52, Dialogs: 40, PhoneChecks: 10, NewRecipientsToday: 5},
		Plan:   risk.PlanInput{NewRecipients: &twenty, Promotional: true},
		Policy: risk.Policy{GreenLightDays: 25, GrowthPerDay: 10},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}

	// json.Unmarshal into an Input decodes as strictly.
	var in risk.Input
	if err := json.Unmarshal([]byte(`{"stats":{"outgoin":1}}`), &in); err == nil {
		t.Error("json.Unmarshal accepted an unknown field")
	}
	if err := json.Unmarshal([]byte(`{"stats":{"outgoing":7}}`), &in); err != nil || in.Stats.Outgoing != 7 {
		t.Errorf("json.Unmarshal: %v %+v", err, in)
	}
}

func TestReadInputEmptyAndNull(t *testing.T) {
	for _, src := range []string{`{}`, ` {"account": null, "stats": {}, "plan": null} `, "\xEF\xBB\xBF{}",
		`{"account": {"registered": null, "blocks": null}}`} {
		got, err := risk.ParseInput([]byte(src))
		if err != nil || !cmp.Equal(got, risk.Input{}) {
			t.Errorf("ParseInput(%q) = %+v, %v; want the zero Input", src, got, err)
		}
	}
}

func TestReadInputErrors(t *testing.T) {
	for _, row := range []struct {
		name, src string
		field     string
		line, col int
		msg       string
	}{
		{"empty file", ``, "", 1, 1, "invalid JSON"},
		{"syntax", "{\n  \"stats\": {\"outgoing\": 1,}\n}", "", 2, 27, "invalid JSON"},
		{"syntax after Cyrillic", "{\n\"plan\": {\"new_recipients\": ☺}}", "", 2, 28, "invalid JSON"},
		{"trailing data", `{} {}`, "", 1, 4, "invalid JSON"},
		{"not an object", `[1, 2]`, "", 1, 1, "must be a JSON object"},
		{"unknown top field", `{"acount": {}}`, "acount", 1, 2, `unknown field "acount"; the fields here are account, plan, policy, stats`},
		{"unknown account field", "{\"account\": {\n \"registerd\": \"2026-01-01T00:00:00Z\"}}", "account.registerd", 2, 2, "unknown field"},
		{"repeated field", `{"stats": {"outgoing": 1, "outgoing": 2}}`, "stats.outgoing", 1, 27, "appears twice"},
		{"part not an object", `{"stats": [1]}`, "stats", 1, 11, "must be a JSON object {...}, not an array"},
		{"count as string", `{"stats": {"outgoing": "5"}}`, "stats.outgoing", 1, 24, "must be a whole number, not a string"},
		{"negative count", `{"stats": {"queued": -1}}`, "stats.queued", 1, 22, "-1 is negative"},
		{"fraction", `{"stats": {"replies": 1.5}}`, "stats.replies", 1, 23, "1.5 is not a whole number"},
		{"exponent", `{"stats": {"replies": 1e3}}`, "stats.replies", 1, 23, "not a whole number"},
		{"huge count", `{"account": {"blocks": 99999999999999999999}}`, "account.blocks", 1, 24, "too large"},
		{"bool as number", `{"plan": {"inbound_only": 1}}`, "plan.inbound_only", 1, 27, "must be true or false, not a number"},
		{"date as number", `{"account": {"registered": 20260101}}`, "account.registered", 1, 28, "must be a date and time in quotes"},
		{"date only", `{"account": {"registered": "2026-01-10"}}`, "account.registered", 1, 28, `"2026-01-10" is not an RFC 3339 date and time`},
		{"date without zone", `{"account": {"registered": "2026-01-10T09:00:00"}}`, "account.registered", 1, 28, "not an RFC 3339"},
		{"Russian date", `{"account": {"connected": "10.01.2026"}}`, "account.connected", 1, 27, "not an RFC 3339"},
		{"empty date", `{"account": {"connected": ""}}`, "account.connected", 1, 27, "leave the field out"},
		{"unknown policy field", `{"policy": {"greenlight": 5}}`, "policy.greenlight", 1, 13, "unknown field"},
		{"policy negative", `{"policy": {"idle_days": -3}}`, "policy.idle_days", 1, 26, "negative"},
		{"blocks without date", `{"account": {"blocks": 2}}`, "account.last_block", 0, 0, "blocks is 2 but last_block is missing"},
		{"block date without blocks", `{"account": {"last_block": "2026-02-01T10:00:00Z"}}`, "account.blocks", 0, 0, "at least 1"},
		{"unblock without block", `{"account": {"blocks": 1, "last_block": null, "last_unblock": "2026-02-01T10:00:00Z"}}`, "account.last_block", 0, 0, "missing"},
		{"connected before registered", `{"account": {"registered": "2026-02-01T10:00:00Z", "connected": "2026-01-01T10:00:00Z"}}`, "account.connected", 0, 0, "before it was registered"},
		{"inbound with new recipients", `{"plan": {"inbound_only": true, "new_recipients": 3}}`, "plan.new_recipients", 0, 0, "must be 0 when inbound_only"},
		{"invalid UTF-8", "{\"plan\": {}}\xff", "", 1, 13, "not valid UTF-8"},
	} {
		t.Run(row.name, func(t *testing.T) {
			_, err := risk.ParseInput([]byte(row.src))
			var ie *risk.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error %v (%T), want *InputError", err, err)
			}
			if ie.Field != row.field || ie.Line != row.line || ie.Col != row.col || !strings.Contains(ie.Msg, row.msg) {
				t.Errorf("got field %q at %d:%d %q\nwant field %q at %d:%d containing %q", ie.Field, ie.Line, ie.Col, ie.Msg, row.field, row.line, row.col, row.msg)
			}
			if ie.Line > 0 && (ie.Offset < 0 || ie.Offset > int64(len(row.src))) {
				t.Errorf("offset %d outside the input", ie.Offset)
			}
			if !strings.HasPrefix(err.Error(), "risk: account file") || (row.field != "" && !strings.Contains(err.Error(), row.field)) {
				t.Errorf("Error() = %q", err)
			}
		})
	}
}

func TestReadInputLimits(t *testing.T) {
	big := `{"stats":{"outgoing":1}}` + strings.Repeat(" ", risk.MaxInputBytes)
	_, err := risk.ReadInput(strings.NewReader(big))
	var ie *risk.InputError
	if !errors.As(err, &ie) || !strings.Contains(ie.Msg, "larger than") {
		t.Errorf("oversized file: %v", err)
	}
	boom := errors.New("disk on fire")
	if _, err := risk.ReadInput(iotest.ErrReader(boom)); !errors.Is(err, boom) {
		t.Errorf("read error not wrapped: %v", err)
	}
}

func TestPlanInputApply(t *testing.T) {
	batch := risk.Plan{Recipients: 30, Personalized: true, Varied: true, AsksQuestion: true}
	five, fifty := 5, 50
	for _, row := range []struct {
		name string
		in   risk.PlanInput
		want risk.Plan
	}{
		{"all new by default", risk.PlanInput{}, risk.Plan{Recipients: 30, NewRecipients: 30, Personalized: true, Varied: true, AsksQuestion: true}},
		{"inbound: none new", risk.PlanInput{InboundOnly: true}, risk.Plan{Recipients: 30, InboundOnly: true, Personalized: true, Varied: true, AsksQuestion: true}},
		{"given", risk.PlanInput{NewRecipients: &five, NegativeRecipients: 2, Promotional: true, Groups: 1},
			risk.Plan{Recipients: 30, NewRecipients: 5, NegativeRecipients: 2, Promotional: true, Groups: 1, Personalized: true, Varied: true, AsksQuestion: true}},
		{"more new than recipients", risk.PlanInput{NewRecipients: &fifty}, risk.Plan{Recipients: 30, NewRecipients: 30, Personalized: true, Varied: true, AsksQuestion: true}},
	} {
		if got := row.in.Apply(batch); !cmp.Equal(got, row.want) {
			t.Errorf("%s: %s", row.name, cmp.Diff(row.want, got))
		}
	}
}

// FuzzParseInput: no panic; every error is an *InputError whose position is
// inside the input; an accepted input marshals and parses back to itself.
func FuzzParseInput(f *testing.F) {
	seed, _ := os.ReadFile("testdata/account.json")
	f.Add(seed)
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"account": {"blocks": 1, "last_block": "2026-02-01T10:00:00.5-02:30"}, "plan": {"new_recipients": null}}`))
	f.Add([]byte(`{"stats": {"outgoing": 1, "outgoing": 1}}`))
	f.Add([]byte("\xEF\xBB\xBF{\"policy\": {\"idle_days\": 3}}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		in, err := risk.ParseInput(data)
		if err != nil {
			var ie *risk.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error %v (%T) is not an *InputError", err, err)
			}
			if ie.Offset < 0 || ie.Offset > int64(len(data)) || ie.Msg == "" {
				t.Fatalf("bad error %+v for %q", ie, data)
			}
			return
		}
		out, err := json.Marshal(in)
		if err != nil {
			return // a year outside 0-9999 after the zone offset; cannot be marshalled
		}
		back, err := risk.ParseInput(out)
		if err != nil {
			t.Fatalf("re-parse of %s: %v", out, err)
		}
		if !cmp.Equal(in, back) {
			t.Fatalf("round trip:\n%s", cmp.Diff(in, back))
		}
		_ = risk.Assess(time.Now(), in.Account, in.Stats, in.Plan.Apply(risk.Plan{Recipients: 10}))
	})
}

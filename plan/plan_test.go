package plan_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the DST rows need Europe/Berlin, America/New_York and Australia/Lord_Howe on any machine

	"github.com/spinwise/spinwise/plan"
	"github.com/spinwise/spinwise/risk"
)

const day = 24 * time.Hour

var msk = time.FixedZone("MSK", 3*60*60)

func zone(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// run plans n messages, known(i) telling which recipients are known.
func run(t testing.TB, o plan.Options, n int, known func(int) bool) ([]time.Time, error) {
	t.Helper()
	p, err := plan.New(&o)
	if err != nil {
		t.Fatal(err)
	}
	var out []time.Time
	for i := range n {
		at, err := p.Next(i, known != nil && known(i))
		if err != nil {
			return out, err
		}
		out = append(out, at)
	}
	return out, nil
}

// checkPlan checks the plan's invariants against package risk: times in
// order, at least MinGap apart, inside the hours of an allowed weekday,
// and at every send the day's new recipients so far within the cap
// NewRecipientsCap gives at that moment, in a phase that allows sending.
func checkPlan(t testing.TB, o plan.Options, times []time.Time, known func(int) bool) {
	t.Helper()
	loc := o.Location
	hours := o.Hours
	if hours == (plan.Hours{}) {
		hours = plan.DefaultHours
	}
	minGap := o.MinGap
	if minGap == 0 {
		minGap = plan.DefaultMinGap
	}
	acct := o.Account
	if lim := o.Policy.LimitsAt(o.From, acct); acct.Connected.IsZero() && !(lim.Phase == risk.PhaseWarmup && lim.Until.IsZero()) {
		acct.Connected = o.From
	}
	fromDay := o.From.In(loc).Format(time.DateOnly)
	var dayKey string
	var dayNew, planned int
	var dayLast time.Time
	// The day as a whole, assessed at its last send as Report does (a day
	// whose new recipients all came before the plan is not the plan's).
	closeDay := func() {
		if dayKey != "" && !o.InboundOnly && planned > 0 {
			if c := o.Policy.NewRecipientsCap(dayLast, acct, o.Stats); dayNew > c {
				t.Fatalf("%s ends with %d new recipients; the cap at its last send %v is %d", dayKey, dayNew, dayLast, c)
			}
		}
	}
	defer closeDay()
	for i, at := range times {
		if at.Location() != loc {
			t.Fatalf("message %d: time %v is in %v, not the plan's zone %v", i, at, at.Location(), loc)
		}
		if at.Before(o.From) {
			t.Fatalf("message %d at %v, before From %v", i, at, o.From)
		}
		if at.Nanosecond() != 0 {
			t.Fatalf("message %d at %v: not a whole second", i, at)
		}
		if i > 0 && at.Sub(times[i-1]) < minGap {
			t.Fatalf("messages %d and %d are %v apart (%v, %v): under the gap %v", i-1, i, at.Sub(times[i-1]), times[i-1], at, minGap)
		}
		if !o.Weekdays.Has(at.Weekday()) {
			t.Fatalf("message %d on %v, a %v: not an allowed day (%v)", i, at, at.Weekday(), o.Weekdays)
		}
		if m := at.Hour()*60 + at.Minute(); m < hours.Start || m >= hours.End {
			t.Fatalf("message %d at %v: outside the hours %v", i, at, hours)
		}
		if k := at.Format(time.DateOnly); k != dayKey {
			closeDay()
			dayKey, dayNew, planned = k, 0, 0
			if k == fromDay {
				dayNew = o.Stats.NewRecipientsToday
			}
		}
		dayLast = at
		lim := o.Policy.LimitsAt(at, acct)
		if o.InboundOnly {
			if lim.Phase == risk.PhaseWarmup || lim.Phase == risk.PhaseBlocked || lim.Phase == risk.PhasePhoneOnly {
				t.Fatalf("message %d at %v in phase %v", i, at, lim.Phase)
			}
			continue
		}
		if lim.MessagesPerDay == 0 {
			t.Fatalf("message %d at %v in phase %v, which allows no message", i, at, lim.Phase)
		}
		if known == nil || !known(i) {
			dayNew++
			planned++
			if c := o.Policy.NewRecipientsCap(at, acct, o.Stats); dayNew > c {
				t.Fatalf("message %d at %v is new recipient %d of its day; the cap then is %d (phase %v)", i, at, dayNew, c, lim.Phase)
			}
		}
	}
}

// perDay counts the messages of each calendar day in the plan's zone, in
// order.
func perDay(times []time.Time) []int {
	var out []int
	last := ""
	for _, at := range times {
		if k := at.Format(time.DateOnly); k != last {
			out = append(out, 0)
			last = k
		}
		out[len(out)-1]++
	}
	return out
}

// from is Wednesday 2 December 2026, 10:00 in Moscow.
var from = time.Date(2026, 12, 2, 10, 0, 0, 0, msk)

var oldReg = from.AddDate(-1, 0, 0)

func TestDayCaps(t *testing.T) {
	everyThird := func(i int) bool { return i%3 == 0 }
	for _, row := range []struct {
		name    string
		acct    risk.Account
		stats   risk.Stats
		policy  *risk.Policy
		n       int
		known   func(int) bool
		inbound bool
		want    []int     // messages per day
		first   time.Time // the first send, when it matters
		at      map[int]time.Time
		why     string
	}{
		{
			name: "day 9 after connecting", acct: risk.Account{Registered: oldReg, Connected: from.Add(-9 * day)},
			n: 100, want: []int{20, 25, 30, 25},
			why: "the 20 of the new-number days, then 20 + 5 a day from day 10",
		},
		{
			name: "day 10 after connecting", acct: risk.Account{Registered: oldReg, Connected: from.Add(-10 * day)},
			n: 100, want: []int{25, 30, 35, 10},
			why: "day 10 is the first growing day",
		},
		{
			name: "cap rises in the middle of the day", acct: risk.Account{Registered: oldReg, Connected: from.Add(-10*day + 4*time.Hour)},
			n: 60, want: []int{25, 30, 5},
			at:  map[int]time.Time{20: from.Add(4 * time.Hour), 50: from.Add(day + 4*time.Hour)},
			why: "connected at 14:00: the 21st waits for 14:00, when day 10 begins, not for tomorrow; the next day 25 go in the morning, 5 more from 14:00",
		},
		{
			name: "today's earlier sends count", acct: risk.Account{Registered: oldReg, Connected: from.Add(-3 * day)},
			stats: risk.Stats{NewRecipientsToday: 12}, n: 30, want: []int{8, 20, 2},
			why: "12 written to first this morning leave 8 for today",
		},
		{
			name: "earlier sends above the cap", acct: risk.Account{Registered: oldReg, Connected: from.Add(-3 * day)},
			stats: risk.Stats{NewRecipientsToday: 25}, n: 5, want: []int{5}, first: from.Add(day),
			why: "today is already over the cap: the plan starts tomorrow",
		},
		{
			name: "known recipients are not new", acct: risk.Account{Registered: oldReg, Connected: from.Add(-3 * day)},
			n: 30, known: everyThird, want: []int{30},
			why: "10 known and 20 new fit the new-number day",
		},
		{
			name: "known after a full day wait, in order", acct: risk.Account{Registered: oldReg, Connected: from.Add(-3 * day)},
			n: 40, known: func(i int) bool { return i >= 30 }, want: []int{20, 20},
			why: "the known recipients 30..39 come after new ones of the second day: order is kept",
		},
		{
			name: "warm-up: the plan starts when it ends", acct: risk.Account{Registered: from.Add(-5*day + 3*time.Hour)},
			n: 25, want: []int{20, 5}, first: from.Add(5*day + 3*time.Hour),
			why: "registered 5 days ago at 13:00: the first allowed moment is 13:00 on day 10, connecting then",
		},
		{
			name: "a block in the middle: after a repeated one, phone only, chats only, then new", acct: risk.Account{
				Registered: oldReg, Connected: from.Add(-90 * day), Blocks: 2,
				LastBlock: from.Add(-3 * day), LastUnblock: from.Add(-day)},
			n: 25, want: []int{20, 5}, first: from.Add(5 * day),
			why: "lifted yesterday: 3 phone-only days, 3 chats-only days, then the new-number limits",
		},
		{
			name: "blocked now with the lift scheduled", acct: risk.Account{
				Registered: oldReg, Connected: from.Add(-90 * day), Blocks: 1,
				LastBlock: from.Add(-2 * day), LastUnblock: from.Add(2*day + 5*time.Hour)},
			n: 25, want: []int{20, 5}, first: from.Add(2*day + 5*time.Hour),
			why: "a lift after now is a lift to come: the plan starts then, with the new-number limits",
		},
		{
			name: "through every phase", acct: risk.Account{Registered: from.Add(-5 * day)},
			n: 1950, want: throughPhases, first: from.Add(5 * day),
			why: "5 more warm-up days, 10 days of 20, 20 growing days of 25 to 120, then 150 a day after the green light",
		},
		{
			name: "green light: many at once", acct: risk.Account{Registered: oldReg, Connected: from.Add(-60 * day)},
			stats: risk.Stats{Outgoing: 70, Replies: 40}, n: 200, want: []int{150, 50},
			why: "after the green light a day holds at most 150 new recipients (2 x 10 a day is less)",
		},
		{
			name: "a cap that falls at the green light", acct: risk.Account{Registered: oldReg, Connected: from.Add(-30*day + 4*time.Hour)},
			policy: &risk.Policy{ManyAtOnce: 30}, n: 70, want: []int{30, 30, 10},
			why: "day 29's cap of 120 gives way to 30 at 14:00: the morning keeps to 30, or the day would end over its cap",
		},
		{
			name: "inbound only: no caps", acct: risk.Account{Registered: oldReg, Connected: from.Add(-3 * day)},
			inbound: true, n: 100, want: []int{100},
			why: "replies to recipients who wrote first are not capped",
		},
	} {
		t.Run(row.name, func(t *testing.T) {
			o := plan.Options{From: from, Location: msk, Seed: 1, Account: row.acct, Stats: row.stats, Policy: row.policy, InboundOnly: row.inbound}
			times, err := run(t, o, row.n, row.known)
			if err != nil {
				t.Fatalf("%v\nwhy: %s", err, row.why)
			}
			checkPlan(t, o, times, row.known)
			p, _ := plan.New(&o)
			for i := range row.n {
				p.Next(i, row.known != nil && row.known(i))
			}
			if rep := p.Report(risk.Plan{Personalized: true, Varied: true, AsksQuestion: true}); !rep.OK() || rep.Level > risk.Minimal {
				t.Errorf("report: level %v, error %q\nwhy: %s", rep.Level, rep.Error, row.why)
			}
			if got := perDay(times); !slices.Equal(got, row.want) {
				t.Errorf("messages per day %v, want %v\nwhy: %s", got, row.want, row.why)
			}
			if !row.first.IsZero() && !times[0].Equal(row.first) {
				t.Errorf("first send %v, want %v\nwhy: %s", times[0], row.first, row.why)
			}
			for i, want := range row.at {
				if !times[i].Equal(want) {
					t.Errorf("message %d at %v, want %v\nwhy: %s", i, times[i], want, row.why)
				}
			}
		})
	}
}

// throughPhases is the day counts of a number from the end of its warm-up
// on: 10 days of 20, 20 days of 25, 30, ..., 120, then 150, 150.
var throughPhases = func() []int {
	var out []int
	for range 10 {
		out = append(out, 20)
	}
	for c := 25; c <= 120; c += 5 {
		out = append(out, c)
	}
	return append(out, 150, 150)
}()

func TestNoPlan(t *testing.T) {
	for _, row := range []struct {
		name  string
		acct  risk.Account
		phase risk.Phase
		why   string
	}{
		{"registration unknown", risk.Account{}, risk.PhaseWarmup, "no date at all: the warm-up has no known end"},
		{"blocked, no lift", risk.Account{Registered: oldReg, Connected: from.Add(-90 * day), LastBlock: from.Add(-day)},
			risk.PhaseBlocked, "nothing can be planned before the block is lifted"},
		{"policy pushes the start beyond two years", risk.Account{Registered: from.Add(-day)}, risk.PhaseWarmup,
			"a 1000-day warm-up: no moment within MaxWait"},
	} {
		t.Run(row.name, func(t *testing.T) {
			o := plan.Options{From: from, Location: msk, Account: row.acct}
			if row.name == "policy pushes the start beyond two years" {
				o.Policy = &risk.Policy{WarmupDays: 1000}
			}
			p, err := plan.New(&o)
			if err != nil {
				t.Fatal(err)
			}
			_, err = p.Next(0, false)
			var ne *plan.NoPlanError
			if !errors.As(err, &ne) {
				t.Fatalf("err = %v, want a *NoPlanError\nwhy: %s", err, row.why)
			}
			if ne.Phase != row.phase {
				t.Errorf("phase %v, want %v\nwhy: %s", ne.Phase, row.phase, row.why)
			}
			if _, again := p.Next(1, true); again != err {
				t.Errorf("the next call gave %v, want the same error", again)
			}
			rep := p.Report(risk.Plan{Personalized: true, Varied: true, AsksQuestion: true})
			if rep.OK() || rep.Error == "" || rep.Messages != 0 {
				t.Errorf("report OK %v, error %q, messages %d: want no plan and the reason", rep.OK(), rep.Error, rep.Messages)
			}
		})
	}
}

// A plan that would run past the year 9999 stops there with a
// NoPlanError: its times could not be written in RFC 3339.
func TestPlanEndsBeforeYear10000(t *testing.T) {
	start := time.Date(9899, 12, 30, 10, 0, 0, 0, time.UTC)
	o := plan.Options{From: start, Location: time.UTC, MinGap: 24 * time.Hour, MaxGap: 24 * time.Hour,
		Account: risk.Account{Registered: start.AddDate(-1, 0, 0), Connected: start.AddDate(0, -2, 0)}}
	p, err := plan.New(&o)
	if err != nil {
		t.Fatal(err)
	}
	var last time.Time
	for i := range 50000 {
		at, err := p.Next(i, true)
		if err != nil {
			if !strings.Contains(err.Error(), "beyond the year 9999") || last.Year() != 9999 {
				t.Fatalf("message %d: %v (the last at %v)", i, err, last)
			}
			return
		}
		last = at
	}
	t.Fatalf("50,000 daily messages from 9899 reached %v without an error", last)
}

func TestHoursAndZones(t *testing.T) {
	berlin, ny := zone(t, "Europe/Berlin"), zone(t, "America/New_York")
	lordHowe := zone(t, "Australia/Lord_Howe")
	green := risk.Account{Registered: oldReg.AddDate(-1, 0, 0), Connected: oldReg}
	all := func(int) bool { return true }
	for _, row := range []struct {
		name  string
		o     plan.Options
		n     int
		want  []int
		times map[int]string // RFC 3339 of some messages
		why   string
	}{
		{
			name: "spring forward: a wall-clock window loses an hour",
			o: plan.Options{From: time.Date(2026, 3, 28, 0, 0, 0, 0, berlin), Location: berlin,
				Hours: plan.Hours{Start: 60, End: 4 * 60}, MinGap: 30 * time.Second, MaxGap: 30 * time.Second},
			n: 700, want: []int{360, 240, 100},
			times: map[int]string{0: "2026-03-28T01:00:00+01:00", 360: "2026-03-29T01:00:00+01:00",
				479: "2026-03-29T01:59:30+01:00", 480: "2026-03-29T03:00:00+02:00", 600: "2026-03-30T01:00:00+02:00"},
			why: "01:00-04:00 on 29 March 2026 is two hours long; 01:59:30 + 30 s is 03:00 CEST",
		},
		{
			name: "fall back: a wall-clock window gains an hour",
			o: plan.Options{From: time.Date(2026, 10, 25, 0, 0, 0, 0, berlin), Location: berlin,
				Hours: plan.Hours{Start: 60, End: 4 * 60}, MinGap: 30 * time.Second, MaxGap: 30 * time.Second},
			n: 500, want: []int{480, 20},
			times: map[int]string{119: "2026-10-25T01:59:30+02:00", 120: "2026-10-25T02:00:00+02:00",
				240: "2026-10-25T02:00:00+01:00", 479: "2026-10-25T03:59:30+01:00", 480: "2026-10-26T01:00:00+01:00"},
			why: "the hour from 02:00 repeats: four hours of sending, 30 s apart in elapsed time",
		},
		{
			name: "spring forward inside the hours: they open when the clocks change",
			o: plan.Options{From: time.Date(2026, 3, 29, 0, 0, 0, 0, berlin), Location: berlin,
				Hours: plan.Hours{Start: 2*60 + 15, End: 3*60 + 30}, MinGap: 30 * time.Second, MaxGap: 30 * time.Second},
			n: 100, want: []int{60, 40},
			times: map[int]string{0: "2026-03-29T03:00:00+02:00", 59: "2026-03-29T03:29:30+02:00", 60: "2026-03-30T02:15:00+02:00"},
			why:   "02:15 does not exist on 29 March 2026 in Berlin: the hours run from 03:00, when the clocks change, not from 03:15",
		},
		{
			name: "hours a clock change skips: no sending that day",
			o: plan.Options{From: time.Date(2026, 10, 3, 0, 0, 0, 0, lordHowe), Location: lordHowe,
				Hours: plan.Hours{Start: 2*60 + 15, End: 2*60 + 30}, MinGap: 30 * time.Second, MaxGap: 30 * time.Second},
			n: 60, want: []int{30, 30},
			times: map[int]string{0: "2026-10-03T02:15:00+10:30", 29: "2026-10-03T02:29:30+10:30", 30: "2026-10-05T02:15:00+11:00"},
			why:   "on 4 October 2026 Lord Howe Island's clocks go from 02:00 to 02:30: 02:15-02:30 does not exist, so nothing is sent that day",
		},
		{
			name: "10:00 local on both sides of a change",
			o:    plan.Options{From: time.Date(2026, 3, 28, 9, 0, 0, 0, time.UTC), Location: berlin, MinGap: time.Hour, MaxGap: time.Hour},
			n:    27, want: []int{9, 9, 9},
			times: map[int]string{0: "2026-03-28T10:00:00+01:00", 8: "2026-03-28T18:00:00+01:00",
				9: "2026-03-29T10:00:00+02:00", 18: "2026-03-30T10:00:00+02:00"},
			why: "From 09:00 UTC is 10:00 CET; the next days open at 10:00 CEST",
		},
		{
			name: "calendar days are the zone's",
			o: plan.Options{From: time.Date(2026, 12, 2, 3, 0, 0, 0, time.UTC), Location: ny,
				Hours: plan.Hours{Start: 0, End: 24 * 60}, MinGap: time.Hour, MaxGap: time.Hour},
			n: 5, want: []int{2, 3},
			times: map[int]string{0: "2026-12-01T22:00:00-05:00", 2: "2026-12-02T00:00:00-05:00"},
			why:   "03:00 UTC on 2 December is still 1 December in New York",
		},
		{
			name: "From inside the hours, rounded up to a second",
			o: plan.Options{From: time.Date(2026, 12, 2, 15, 30, 0, 500, msk), Location: msk,
				MinGap: time.Hour, MaxGap: time.Hour},
			n: 5, want: []int{4, 1},
			times: map[int]string{0: "2026-12-02T15:30:01+03:00", 3: "2026-12-02T18:30:01+03:00", 4: "2026-12-03T10:00:00+03:00"},
			why:   "sends until before 19:00, then the next morning",
		},
		{
			name: "Location nil: From's",
			o:    plan.Options{From: time.Date(2026, 12, 2, 20, 0, 0, 0, msk), MinGap: time.Hour, MaxGap: time.Hour},
			n:    1, want: []int{1},
			times: map[int]string{0: "2026-12-03T10:00:00+03:00"},
			why:   "after the hours: the next morning, in From's zone",
		},
	} {
		t.Run(row.name, func(t *testing.T) {
			o := row.o
			o.Account = green
			times, err := run(t, o, row.n, all)
			if err != nil {
				t.Fatal(err)
			}
			if o.Location == nil {
				o.Location = msk
			}
			checkPlan(t, o, times, all)
			if got := perDay(times); !slices.Equal(got, row.want) {
				t.Errorf("messages per day %v, want %v\nwhy: %s", got, row.want, row.why)
			}
			for i, want := range row.times {
				if got := times[i].Format(time.RFC3339); got != want {
					t.Errorf("message %d at %s, want %s\nwhy: %s", i, got, want, row.why)
				}
			}
		})
	}
}

func TestWeekdays(t *testing.T) {
	friday := time.Date(2026, 12, 4, 18, 0, 0, 0, msk)
	acct := risk.Account{Registered: oldReg, Connected: friday.Add(-3 * day)}
	for _, row := range []struct {
		name string
		days plan.Weekdays
		n    int
		want []string // dates of the sending days
		why  string
	}{
		{"mon-fri", weekdays(time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday), 45,
			[]string{"2026-12-04", "2026-12-07", "2026-12-08"}, "Friday's last hour holds the day's 20 at most; then Monday"},
		{"weekend only", weekdays(time.Saturday, time.Sunday), 45,
			[]string{"2026-12-05", "2026-12-06", "2026-12-12"}, "Friday is not allowed; the next Saturday follows Sunday"},
		{"every day", 0, 45, []string{"2026-12-04", "2026-12-05", "2026-12-06"}, "zero is every day"},
	} {
		t.Run(row.name, func(t *testing.T) {
			o := plan.Options{From: friday, Location: msk, Weekdays: row.days, Seed: 9, Account: acct, MinGap: 30 * time.Second, MaxGap: 90 * time.Second}
			times, err := run(t, o, row.n, nil)
			if err != nil {
				t.Fatal(err)
			}
			checkPlan(t, o, times, nil)
			var got []string
			for _, at := range times {
				if d := at.Format(time.DateOnly); len(got) == 0 || got[len(got)-1] != d {
					got = append(got, d)
				}
			}
			if !slices.Equal(got, row.want) {
				t.Errorf("sending days %v, want %v\nwhy: %s", got, row.want, row.why)
			}
		})
	}
}

func weekdays(ds ...time.Weekday) plan.Weekdays {
	var w plan.Weekdays
	for _, d := range ds {
		w |= 1 << d
	}
	return w
}

func TestDeterminism(t *testing.T) {
	o := plan.Options{From: from, Location: msk, Seed: 42, Account: risk.Account{Registered: oldReg, Connected: from.Add(-40 * day)}}
	known := func(i int) bool { return i%4 == 1 }
	a, err := run(t, o, 500, known)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := run(t, o, 500, known)
	if !slices.EqualFunc(a, b, time.Time.Equal) {
		t.Fatal("the same seed and options gave two plans")
	}
	o.Seed = 43
	c, _ := run(t, o, 500, known)
	if slices.EqualFunc(a, c, time.Time.Equal) {
		t.Fatal("seeds 42 and 43 gave the same plan")
	}
	// The gaps are drawn over the whole range.
	p, _ := plan.New(&o)
	lo, hi := time.Hour, time.Duration(0)
	for i := range 2000 {
		g := p.Gap(i)
		lo, hi = min(lo, g), max(hi, g)
	}
	if lo != plan.DefaultMinGap || hi != plan.DefaultMaxGap {
		t.Errorf("gaps from %v to %v over 2000 draws, want %v to %v", lo, hi, plan.DefaultMinGap, plan.DefaultMaxGap)
	}
}

func TestResume(t *testing.T) {
	o := plan.Options{From: from, Location: msk, Seed: 7, Stats: risk.Stats{NewRecipientsToday: 4},
		Account: risk.Account{Registered: oldReg, Connected: from.Add(-8 * day)}}
	known := func(i int) bool { return i%5 == 2 }
	const n = 300
	full, err := run(t, o, n, known)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []int{1, 7, 16, 17, 18, 150, 299} {
		t.Run(fmt.Sprint(k), func(t *testing.T) {
			p, _ := plan.New(&o)
			for i := range k {
				if _, err := p.Next(i, known(i)); err != nil {
					t.Fatal(err)
				}
			}
			// Through the text form, as the CLI carries it.
			text, _ := p.State().MarshalText()
			var st plan.State
			if err := st.UnmarshalText(text); err != nil {
				t.Fatal(err)
			}
			r := o
			r.Resume = st
			q, err := plan.New(&r)
			if err != nil {
				t.Fatal(err)
			}
			for i := k; i < n; i++ {
				at, err := q.Next(i, known(i))
				if err != nil {
					t.Fatal(err)
				}
				if !at.Equal(full[i]) {
					t.Fatalf("resumed at %d (state %s): message %d at %v, the whole plan has %v", k, text, i, at, full[i])
				}
			}
		})
	}
}

func TestStateText(t *testing.T) {
	for _, row := range []struct {
		text string
		ok   bool
		why  string
	}{
		{"", true, "the zero state"},
		{"2026-12-02T14:05:12+03:00/17/20", true, ""},
		{"2026-12-02T14:05:12+03:00/17", false, "a count missing"},
		{"2026-12-02 14:05:12/1/1", false, "not RFC 3339"},
		{"2026-12-02T14:05:12+03:00/5/4", false, "more new recipients than messages"},
		{"2026-12-02T14:05:12+03:00/-1/4", false, "negative"},
		{"0001-01-01T00:00:00Z/0/1", false, "the zero time with counts: the zero state is written empty, so this could not be written back"},
	} {
		var s plan.State
		err := s.UnmarshalText([]byte(row.text))
		if (err == nil) != row.ok {
			t.Errorf("%q: err = %v, want ok %v (%s)", row.text, err, row.ok, row.why)
			continue
		}
		if row.ok && s.String() != row.text {
			t.Errorf("%q reads back as %q", row.text, s.String())
		}
	}
}

func TestOptionErrors(t *testing.T) {
	for _, row := range []struct {
		name string
		o    plan.Options
	}{
		{"gap under 30 s", plan.Options{MinGap: 29 * time.Second}},
		{"max under min", plan.Options{MinGap: time.Minute, MaxGap: 40 * time.Second}},
		{"max over a day", plan.Options{MaxGap: 25 * time.Hour}},
		{"hours backwards", plan.Options{Hours: plan.Hours{Start: 19 * 60, End: 10 * 60}}},
		{"hours past midnight", plan.Options{Hours: plan.Hours{Start: 10 * 60, End: 25 * 60}}},
		{"bad resume", plan.Options{Resume: plan.State{Last: from, New: 3, Messages: 2}}},
		{"From in year 9950", plan.Options{From: time.Date(9950, 1, 1, 0, 0, 0, 0, time.UTC)}},
		{"From before 1970", plan.Options{From: time.Date(1969, 12, 31, 0, 0, 0, 0, time.UTC)}},
	} {
		if row.o.From.IsZero() {
			row.o.From = from
		}
		if _, err := plan.New(&row.o); err == nil {
			t.Errorf("%s: no error", row.name)
		}
	}
}

func TestReport(t *testing.T) {
	o := plan.Options{From: from, Location: msk, Seed: 3, Stats: risk.Stats{NewRecipientsToday: 5, Outgoing: 50, Replies: 20},
		Account: risk.Account{Registered: oldReg, Connected: from.Add(-9 * day)}}
	p, _ := plan.New(&o)
	for i := range 60 {
		if _, err := p.Next(i, i%6 == 0); err != nil {
			t.Fatal(err)
		}
	}
	good := risk.Plan{Personalized: true, Varied: true, AsksQuestion: true}
	rep := p.Report(good)
	if !rep.OK() || rep.Level != risk.Minimal || rep.Messages != 60 || rep.New != 50 || rep.Known != 10 {
		t.Fatalf("report: ok %v level %v messages %d new %d known %d (%s)", rep.OK(), rep.Level, rep.Messages, rep.New, rep.Known, rep.Error)
	}
	if len(rep.Days) != 3 || rep.Days[0].EarlierNew != 5 || rep.Days[0].New != 15 || rep.CalendarDays != 3 {
		t.Fatalf("days %+v", rep.Days)
	}
	if !rep.First.Equal(from) || !rep.Last.Equal(rep.Days[2].Last) || rep.Next.Last != rep.Last {
		t.Errorf("first %v last %v next %v", rep.First, rep.Last, rep.Next)
	}
	// Identical messages: a risk no schedule fixes.
	bad := p.Report(risk.Plan{AsksQuestion: true})
	if bad.OK() || bad.Level != risk.Maximal {
		t.Fatalf("identical messages: ok %v level %v", bad.OK(), bad.Level)
	}
	if want := "identical-messages"; !strings.Contains(bad.Error, want) {
		t.Errorf("error %q does not name %s", bad.Error, want)
	}
}

func TestReportZoneName(t *testing.T) {
	for _, row := range []struct {
		loc  *time.Location
		want string
	}{
		{zone(t, "Europe/Berlin"), "Europe/Berlin"},
		{msk, "MSK"},
		{time.Local, "Local ("},
	} {
		p, err := plan.New(&plan.Options{From: from, Location: row.loc})
		if err != nil {
			t.Fatal(err)
		}
		if got := p.Report(risk.Plan{}).TimeZone; !strings.HasPrefix(got, row.want) {
			t.Errorf("zone %v named %q, want %q...", row.loc, got, row.want)
		}
	}
}

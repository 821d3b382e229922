package plan_test

import (
	"testing"
	"time"

	"github.com/spinwise/spinwise/plan"
	"github.com/spinwise/spinwise/risk"
)

var fuzzZones = []string{"UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Europe/Moscow", "Australia/Lord_Howe"}

// FuzzPlan checks the plan's invariants over random accounts, hours, days,
// gaps, zones and mixes of known and new recipients: times in order, at
// least the gap apart, inside the hours of allowed days, every day's new
// recipients within the cap package risk gives at each send, no send in a
// phase that allows none; and a resumed planner continues the plan.
func FuzzPlan(f *testing.F) {
	f.Add(uint64(1), int64(0), int16(-9), uint8(0), uint8(10*4), uint8(19*4), uint8(0), uint16(60), uint16(180), uint64(0), uint16(80), uint8(0), uint8(0), uint8(40))
	f.Add(uint64(7), int64(86400*120), int16(-40), uint8(1), uint8(4), uint8(16), uint8(0x3e), uint16(30), uint16(30), uint64(0x5555), uint16(300), uint8(3), uint8(0), uint8(100))
	f.Add(uint64(3), int64(86400*200), int16(-2), uint8(2), uint8(0), uint8(96), uint8(0x41), uint16(45), uint16(600), uint64(1), uint16(200), uint8(25), uint8(2), uint8(7))
	f.Fuzz(func(t *testing.T, seed uint64, fromSec int64, connDays int16, zoneIdx, h1, h2, days uint8,
		gapLo, gapHi uint16, knownMask uint64, n uint16, earlier, blocks, split uint8) {
		loc := zone(t, fuzzZones[int(zoneIdx)%len(fuzzZones)])
		// From within about 3 years of 2026-01-01, in quarter hours of the
		// day and seconds.
		base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
		from := base.Add(time.Duration(fromSec%(86400*1100)) * time.Second).In(loc)
		start, end := int(h1%96)*15, int(h2%96)*15+15 // 0..23:45, 00:15..24:00
		if start >= end {
			start, end = end-15, start+15
		}
		lo := max(time.Duration(gapLo)*time.Second, plan.MinGap)
		hi := max(time.Duration(gapHi)*time.Second, lo)
		acct := risk.Account{Registered: from.AddDate(-1, 0, 0), Connected: from.Add(time.Duration(connDays%400) * 24 * time.Hour)}
		switch blocks % 4 {
		case 1: // blocked, lift in a few days
			acct.Blocks, acct.LastBlock, acct.LastUnblock = 1, from.Add(-day), from.Add(time.Duration(split%5)*day+time.Hour)
		case 2: // repeated block lifted lately
			acct.Blocks, acct.LastUnblock = 2, from.Add(-time.Duration(split%6)*day)
			acct.LastBlock = acct.LastUnblock.Add(-day)
		case 3: // warm-up restarted
			acct.WarmupRestarted = from.Add(-time.Duration(split%12) * day)
		}
		var pol *risk.Policy
		if blocks&8 != 0 { // a policy whose many-at-once bound may be below the growing caps
			pol = &risk.Policy{ManyAtOnce: 1 + int(split)%60, GrowthPerDay: 1 + int(earlier)%10}
		}
		o := plan.Options{Policy: pol,
			From: from, Location: loc, Hours: plan.Hours{Start: start, End: end}, Weekdays: plan.Weekdays(days),
			MinGap: lo, MaxGap: hi, Seed: seed, Account: acct,
			Stats: risk.Stats{NewRecipientsToday: int(earlier % 40), Outgoing: int(earlier) * 20},
		}
		count := int(n % 400)
		known := func(i int) bool { return knownMask>>(uint(i)%64)&1 == 1 }
		times, err := run(t, o, count, known)
		if err != nil {
			t.Fatalf("no plan: %v", err)
		}
		if plan.Weekdays(days)&plan.EveryDay == 0 {
			o.Weekdays = 0
		}
		checkPlan(t, o, times, known)

		// A planner resumed after message k gives the same times.
		if count == 0 {
			return
		}
		k := int(split) % count
		p, _ := plan.New(&o)
		for i := range k {
			p.Next(i, known(i))
		}
		r := o
		r.Resume = p.State()
		q, err := plan.New(&r)
		if err != nil {
			t.Fatal(err)
		}
		for i := k; i < count; i++ {
			at, err := q.Next(i, known(i))
			if err != nil || !at.Equal(times[i]) {
				t.Fatalf("resumed after %d: message %d at %v (%v), the whole plan has %v", k, i, at, err, times[i])
			}
		}
	})
}

// FuzzState: the state's text form never panics, and what it accepts
// writes back to a text that reads as the same state.
func FuzzState(f *testing.F) {
	for _, s := range []string{"", "2026-12-02T14:05:12+03:00/17/20", "2026-12-02T14:05:12Z/0/0", "2026-12-02T14:05:12.5Z/1/1", "x/1/2", "2026-12-02T14:05:12Z/1/2/3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var st plan.State
		if err := st.UnmarshalText([]byte(s)); err != nil {
			return
		}
		if st.New < 0 || st.Messages < st.New || st.Last.Nanosecond() != 0 {
			t.Fatalf("%q read as %+v", s, st)
		}
		b, err := st.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back plan.State
		if err := back.UnmarshalText(b); err != nil || !back.Last.Equal(st.Last) || back.New != st.New || back.Messages != st.Messages {
			t.Fatalf("%q -> %q -> %+v (%v)", s, b, back, err)
		}
	})
}

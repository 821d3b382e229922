package main

import (
	"errors"
	"flag"
	"fmt"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // -tz works on machines without a zoneinfo database (Windows)

	"github.com/spinwise/spinwise/campaign"
	"github.com/spinwise/spinwise/plan"
	"github.com/spinwise/spinwise/risk"
)

// planFlags are generate's send-plan flags.
type planFlags struct {
	on                     bool
	from, hours, tz, days  string
	gap, known, knownCol   string
	state                  string
	set                    []string // plan flags given, for "needs -plan"
	parsedFrom             time.Time
	parsedState            plan.State
	parsedHours            plan.Hours
	parsedDays             plan.Weekdays
	parsedMinGap, parsedMx time.Duration
}

func (pf *planFlags) register(f *flags) {
	f.BoolVar(&pf.on, "plan", false, "plan the sending: give every message a \"send_at\" that keeps each day within the account's limits (needs -account)")
	f.StringVar(&pf.from, "from", "", "with -plan: first moment to send, RFC 3339 `TIME` such as 2026-12-02T10:00:00+03:00 (default now)")
	f.StringVar(&pf.hours, "hours", "10-19", "with -plan: sending hours `H1-H2`, from H1:00 to before H2:00 (or HH:MM-HH:MM)")
	f.StringVar(&pf.tz, "tz", "", "with -plan: time `ZONE` of the sending hours and of send_at, an IANA name such as Europe/Moscow (default the system's)")
	f.StringVar(&pf.days, "days", "", "with -plan: sending `DAYS`, such as mon-fri or mon,wed,fri (default every day)")
	f.StringVar(&pf.gap, "gap", "60-180", "with -plan: random gap between two messages, `MIN-MAX` seconds (or 1m-3m); at least 30 s")
	f.StringVar(&pf.known, "known", "", "list `FILE` of keys of recipients already in a dialog with the business: not new recipients for -plan and -account")
	f.StringVar(&pf.knownCol, "known-column", "", "data `COLUMN` that marks recipients already in a dialog, as -known does (any value but empty, 0, no, нет)")
	f.StringVar(&pf.state, "plan-state", "", "with -plan: the `STATE` a plan stopped at (the report's plan.next), to continue it with -start N or with another batch")
}

// check reads the plan flags after parsing; f tells which flags were given.
func (pf *planFlags) check(f *flags, rf *runFlags) error {
	f.Visit(func(fl *flag.Flag) {
		switch fl.Name {
		case "from", "hours", "tz", "days", "gap", "known", "known-column", "plan-state":
			pf.set = append(pf.set, fl.Name)
		}
	})
	if !pf.on {
		for _, name := range pf.set {
			// Known recipients also tell the risk assessment how many
			// recipients are new.
			if (name == "known" || name == "known-column") && rf.account != "" {
				continue
			}
			return fmt.Errorf("-%s needs -plan", name)
		}
		return nil
	}
	if rf.account == "" {
		return errors.New("-plan needs -account FILE: the plan follows the account's sending limits")
	}
	var err error
	if pf.from != "" {
		if pf.parsedFrom, err = time.Parse(time.RFC3339, pf.from); err != nil {
			return fmt.Errorf("-from %q: not an RFC 3339 time such as 2026-12-02T10:00:00+03:00", pf.from)
		}
	}
	if pf.parsedHours, err = parseHours(pf.hours); err != nil {
		return fmt.Errorf("-hours %q: %v", pf.hours, err)
	}
	if pf.parsedDays, err = parseDays(pf.days); err != nil {
		return fmt.Errorf("-days %q: %v", pf.days, err)
	}
	if pf.parsedMinGap, pf.parsedMx, err = parseGap(pf.gap); err != nil {
		return fmt.Errorf("-gap %q: %v", pf.gap, err)
	}
	if err := pf.parsedState.UnmarshalText([]byte(pf.state)); err != nil {
		return fmt.Errorf("-plan-state: %v", strings.TrimPrefix(err.Error(), "plan: "))
	}
	if rf.start > 0 && pf.state == "" {
		return fmt.Errorf("-start %d with -plan continues a plan: give -plan-state, the state printed by the run that planned the recipients before %d (its report's plan.next)", rf.start, rf.start)
	}
	return nil
}

// apply adds the plan to the campaign options (after check and
// runFlags.options).
func (pf *planFlags) apply(c *cli, o *campaign.Options) error {
	var err error
	if o.Known, err = c.readList(pf.known); err != nil {
		return err
	}
	o.KnownField = pf.knownCol
	if !pf.on {
		return nil
	}
	loc := time.Local
	if pf.tz != "" {
		if loc, err = time.LoadLocation(pf.tz); err != nil {
			return fmt.Errorf("-tz %q: not a known time zone; give an IANA name such as Europe/Moscow", pf.tz)
		}
	}
	from := pf.parsedFrom
	if from.IsZero() {
		from = time.Now()
	} else if now := time.Now(); from.Before(now.Add(-time.Minute)) {
		fmt.Fprintf(c.stderr, "spinwise generate: warning: -from %s is in the past: a sender would send the overdue messages at once, in a burst; plan from now\n", pf.from)
	}
	in := o.Risk.Input
	o.Risk.Now = from
	o.Plan = &plan.Options{
		From: from, Location: loc, Hours: pf.parsedHours, Weekdays: pf.parsedDays,
		MinGap: pf.parsedMinGap, MaxGap: pf.parsedMx,
		Account: in.Account, Stats: in.Stats, Policy: &in.Policy, InboundOnly: in.Plan.InboundOnly,
		Resume: pf.parsedState,
	}
	return nil
}

// refusal says why nothing may be written, or "" when the messages may be.
func (pf *planFlags) refusal(rep *campaign.Report) string {
	if pf.on {
		if rep.Plan != nil && !rep.Plan.OK() {
			return "there is no safe send plan: no messages written; fix what the plan says above, or pass -force to write them anyway"
		}
		return ""
	}
	if rep.Risk != nil && rep.Risk.Level == risk.Maximal {
		return "the risk is maximal: no messages written; fix the findings above, or pass -force to write them anyway"
	}
	return ""
}

// parseHours reads "10-19" or "9:30-18:45": from the first time to before
// the second, 0 <= start < end <= 24:00.
func parseHours(s string) (plan.Hours, error) {
	a, b, ok := strings.Cut(strings.TrimSpace(s), "-")
	if !ok {
		return plan.Hours{}, errors.New("give the sending hours as H1-H2, such as 10-19")
	}
	start, err := parseClock(a)
	if err != nil {
		return plan.Hours{}, err
	}
	end, err := parseClock(b)
	if err != nil {
		return plan.Hours{}, err
	}
	if start >= end {
		return plan.Hours{}, errors.New("the first hour must come before the second (hours that cross midnight are not supported)")
	}
	return plan.Hours{Start: start, End: end}, nil
}

// parseClock reads "10" or "10:30" as minutes after midnight, up to 24:00.
func parseClock(s string) (int, error) {
	s = strings.TrimSpace(s)
	h, m, hasMin := strings.Cut(s, ":")
	hh, err := strconv.Atoi(h)
	if err != nil || len(h) > 2 || hh < 0 || hh > 24 {
		return 0, fmt.Errorf("%q is not an hour from 0 to 24", s)
	}
	mm := 0
	if hasMin {
		if mm, err = strconv.Atoi(m); err != nil || len(m) != 2 || mm < 0 || mm > 59 {
			return 0, fmt.Errorf("%q: the minutes must be two digits from 00 to 59", s)
		}
	}
	if hh*60+mm > 24*60 {
		return 0, fmt.Errorf("%q is after 24:00", s)
	}
	return hh*60 + mm, nil
}

var dayNumbers = map[string]time.Weekday{
	"sun": time.Sunday, "mon": time.Monday, "tue": time.Tuesday, "wed": time.Wednesday,
	"thu": time.Thursday, "fri": time.Friday, "sat": time.Saturday,
	"вс": time.Sunday, "пн": time.Monday, "вт": time.Tuesday, "ср": time.Wednesday,
	"чт": time.Thursday, "пт": time.Friday, "сб": time.Saturday,
}

// parseDays reads a comma-separated list of days and ranges of days
// (mon-fri, sat-sun, fri-mon wraps over the weekend), in English or Russian
// abbreviations (пн-пт); "" is every day.
func parseDays(s string) (plan.Weekdays, error) {
	if strings.TrimSpace(s) == "" {
		return 0, nil
	}
	var w plan.Weekdays
	for part := range strings.SplitSeq(s, ",") {
		a, b, isRange := strings.Cut(strings.TrimSpace(part), "-")
		from, ok := dayNumbers[strings.ToLower(strings.TrimSpace(a))]
		if !ok {
			return 0, fmt.Errorf("%q is not a day; use mon tue wed thu fri sat sun (or пн вт ср чт пт сб вс)", strings.TrimSpace(a))
		}
		to := from
		if isRange {
			if to, ok = dayNumbers[strings.ToLower(strings.TrimSpace(b))]; !ok {
				return 0, fmt.Errorf("%q is not a day; use mon tue wed thu fri sat sun (or пн вт ср чт пт сб вс)", strings.TrimSpace(b))
			}
		}
		for d := from; ; d = (d + 1) % 7 {
			w |= 1 << d
			if d == to {
				break
			}
		}
	}
	return w, nil
}

// parseGap reads "MIN-MAX": seconds ("30-120") or Go durations ("1m-3m",
// "90s-2m30s"), MIN at least 30 seconds, MAX at least MIN and at most a day.
func parseGap(s string) (lo, hi time.Duration, err error) {
	a, b, ok := strings.Cut(strings.TrimSpace(s), "-")
	if !ok {
		return 0, 0, errors.New("give the gap as MIN-MAX seconds, such as 60-180")
	}
	if lo, err = parseSeconds(a); err != nil {
		return 0, 0, err
	}
	if hi, err = parseSeconds(b); err != nil {
		return 0, 0, err
	}
	switch {
	case lo < plan.MinGap:
		return 0, 0, fmt.Errorf("the shortest gap must be at least %v: no two messages closer than that", plan.MinGap)
	case hi < lo:
		return 0, 0, errors.New("the longest gap is shorter than the shortest")
	case hi > plan.MaxGapLimit:
		return 0, 0, fmt.Errorf("the longest gap must be at most %v", plan.MaxGapLimit)
	}
	return lo, hi, nil
}

func parseSeconds(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	if n, err := strconv.ParseUint(s, 10, 32); err == nil {
		return time.Duration(n) * time.Second, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d%time.Second != 0 {
		return 0, fmt.Errorf("%q is not a whole number of seconds (or a duration such as 2m)", s)
	}
	return d, nil
}

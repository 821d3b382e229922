package campaign_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/spinwise/spinwise/campaign"
	"github.com/spinwise/spinwise/plan"
	"github.com/spinwise/spinwise/risk"
)

var msk = time.FixedZone("MSK", 3*60*60)

// planOptions plan from Wednesday 2 December 2026, 10:00 Moscow time, for
// a number connected 3 days before: 20 new recipients a day.
func planOptions() *plan.Options {
	from := time.Date(2026, 12, 2, 10, 0, 0, 0, msk)
	return &plan.Options{From: from, Location: msk,
		Account: risk.Account{Registered: from.AddDate(-1, 0, 0), Connected: from.AddDate(0, 0, -3)}}
}

// With a plan every message gets a send time, in input order, and error
// rows get none; known recipients (by key or by field) are not new.
func TestRunPlan(t *testing.T) {
	recs := people(70)
	recs[3].Data = map[string]any{"key": recs[3].Key} // missing field: no message
	for i := 40; i < 70; i++ {
		recs[i].Data["Клиент"] = []string{"да", "", "нет", "1", "0", "false", "2025-11-01"}[i%7]
	}
	opts := &campaign.Options{
		Seed: 4, NoAnalysis: true, Plan: planOptions(),
		Suppress: []string{"c0005"}, Known: []string{" c0010 ", "c0011"}, KnownField: "Клиент",
		Risk: &campaign.RiskInput{Now: planOptions().From, Input: risk.Input{Account: planOptions().Account}},
	}
	rows, rep := runAll(t, newCampaign(t, "Добрый день, {{Имя}}! {Удобно|Можно} позвонить?", opts), recs)
	known := map[string]bool{"c0010": true, "c0011": true}
	for i := 40; i < 70; i++ {
		if v := recs[i].Data["Клиент"]; v == "да" || v == "1" || v == "2025-11-01" {
			known[recs[i].Key] = true
		}
	}
	var last time.Time
	perDay := map[string]int{}
	for _, r := range rows {
		if !r.OK() {
			if !r.SendAt.IsZero() {
				t.Errorf("%s: an error row (%s) has send_at %v", r.Key, r.Err.Kind, r.SendAt)
			}
			continue
		}
		if r.SendAt.IsZero() || r.SendAt.Before(last) || r.SendAt.Location() != msk {
			t.Fatalf("%s: send_at %v after %v", r.Key, r.SendAt, last)
		}
		last = r.SendAt
		if r.Known != known[r.Key] {
			t.Errorf("%s: known %v, want %v", r.Key, r.Known, known[r.Key])
		}
		if !r.Known {
			perDay[r.SendAt.Format(time.DateOnly)]++
		}
	}
	for d, n := range perDay {
		if n > 20 {
			t.Errorf("%s: %d new recipients, over the cap of 20", d, n)
		}
	}
	p := rep.Plan
	if p == nil || !p.OK() || p.Messages != rep.Messages || p.Known != len(known) || p.New != rep.Messages-len(known) {
		t.Fatalf("plan report %+v; messages %d, known %d", p, rep.Messages, len(known))
	}
	if len(p.Days) != 3 || p.Level != risk.Minimal {
		t.Errorf("plan: %d days, level %v; want 3 days of minimal risk", len(p.Days), p.Level)
	}
	// The batch at once: the known recipients are not new in the
	// assessment either.
	if rep.Risk == nil || rep.Risk.Level != risk.Maximal || !strings.Contains(rep.Risk.Findings[0].Message, fmt.Sprint(rep.Messages-len(known))) {
		t.Errorf("risk of the batch at once: %+v", rep.Risk)
	}
	var text strings.Builder
	rep.WriteText(&text)
	if len(known) != 15 {
		t.Fatalf("%d known recipients; the data marks 15", len(known))
	}
	for _, want := range []string{"plan: 68 messages (53 new recipients, 15 known) over 3 calendar days", "-start 70 -from 2026-12-02T10:00:00+03:00 -plan-state 2026-12-04T"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("report text lacks %q:\n%s", want, text.String())
		}
	}
	b, _ := json.Marshal(rows[0])
	if !strings.Contains(string(b), `"send_at":"2026-12-02T10:00:00+03:00"`) {
		t.Errorf("row JSON %s", b)
	}
}

// A resumed run with the state of the first part gives the rows the times
// of the whole run.
func TestRunPlanResume(t *testing.T) {
	recs := people(50)
	src := "Добрый день, {{Имя}}! {Удобно|Можно} позвонить?"
	opts := &campaign.Options{Seed: 9, NoAnalysis: true, Plan: planOptions(), Known: []string{"c0002", "c0030"}}
	full, _ := runAll(t, newCampaign(t, src, opts), recs)
	_, rep := runAll(t, newCampaign(t, src, opts), recs[:23])
	o2 := *opts
	po := *opts.Plan
	po.Resume = rep.Plan.Next
	o2.Plan, o2.Start = &po, 23
	rest, _ := runAll(t, newCampaign(t, src, &o2), recs[23:])
	for i, r := range rest {
		if !r.SendAt.Equal(full[23+i].SendAt) {
			t.Fatalf("%s: resumed send_at %v, the whole run %v", r.Key, r.SendAt, full[23+i].SendAt)
		}
	}
}

// No plan: the rows carry no time, the report says why.
func TestRunNoPlan(t *testing.T) {
	po := planOptions()
	po.Account = risk.Account{} // age unknown: the warm-up has no known end
	rows, rep := runAll(t, newCampaign(t, "Привет, {{Имя}}?", &campaign.Options{NoAnalysis: true, Plan: po}), people(3))
	for _, r := range rows {
		if !r.SendAt.IsZero() {
			t.Errorf("%s: send_at %v without a plan", r.Key, r.SendAt)
		}
	}
	if rep.Plan.OK() || !strings.Contains(rep.Plan.Error, "registration date is unknown") {
		t.Errorf("plan error %q", rep.Plan.Error)
	}
	if len(rep.Warnings) == 0 || !strings.Contains(rep.Warnings[len(rep.Warnings)-1], "no safe send plan") {
		t.Errorf("warnings %q", rep.Warnings)
	}
}

func TestRunKnownFieldMissing(t *testing.T) {
	opts := &campaign.Options{NoAnalysis: true, Plan: planOptions(), KnownField: "Клиент "}
	_, rep := runAll(t, newCampaign(t, "Привет, {{Имя}}?", opts), people(3))
	if rep.Plan.Known != 0 || len(rep.Warnings) == 0 || !strings.Contains(rep.Warnings[len(rep.Warnings)-1], `field "Клиент "`) {
		t.Errorf("known %d, warnings %q", rep.Plan.Known, rep.Warnings)
	}
}

func TestNewPlanErrors(t *testing.T) {
	po := planOptions()
	po.MinGap = time.Second
	if _, err := campaign.New("Привет", &campaign.Options{Plan: po}); err == nil || !strings.Contains(err.Error(), "gap") {
		t.Errorf("a 1 s gap: err = %v", err)
	}
}

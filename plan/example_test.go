package plan_test

import (
	"fmt"
	"os"
	"time"

	"github.com/spinwise/spinwise/plan"
	"github.com/spinwise/spinwise/risk"
)

// A number connected to the service 8 days ago has 60 clients to write to,
// 10 of whom already talk to the business. Sent at once, that is maximal
// risk (20 new recipients a day in the first 10 days); planned, it takes
// three days, on weekdays from 10:00 to 19:00 Moscow time.
func ExampleNew() {
	moscow := time.FixedZone("MSK", 3*60*60)
	from := time.Date(2026, 12, 3, 9, 0, 0, 0, moscow) // a Thursday
	p, err := plan.New(&plan.Options{
		From:     from,
		Location: moscow,
		Weekdays: plan.EveryDay &^ (1<<time.Saturday | 1<<time.Sunday),
		Seed:     1,
		Account:  risk.Account{Registered: from.AddDate(-1, 0, 0), Connected: from.AddDate(0, 0, -8)},
	})
	if err != nil {
		panic(err)
	}
	for i := range 60 {
		known := i%6 == 0
		at, err := p.Next(i, known)
		if err != nil {
			panic(err)
		}
		if i < 3 {
			fmt.Println(i, at.Format(time.RFC3339))
		}
	}
	rep := p.Report(risk.Plan{Personalized: true, Varied: true, AsksQuestion: true})
	for _, d := range rep.Days {
		fmt.Printf("%s %s: %d new, %d known, risk %s\n", d.Date, d.First.Weekday(), d.New, d.Known, d.Risk.Level)
	}
	// Output:
	// 0 2026-12-03T10:00:00+03:00
	// 1 2026-12-03T10:01:39+03:00
	// 2 2026-12-03T10:04:05+03:00
	// 2026-12-03 Thursday: 20 new, 5 known, risk minimal
	// 2026-12-04 Friday: 20 new, 4 known, risk minimal
	// 2026-12-07 Monday: 10 new, 1 known, risk minimal
}

// A plan carried over to another run: the state after the first part
// starts the second, which goes on exactly where the whole plan would.
func ExampleState_MarshalText() {
	msk := time.FixedZone("MSK", 3*60*60)
	o := plan.Options{
		From: time.Date(2026, 12, 2, 10, 0, 0, 0, msk), Location: msk, Seed: 5,
		Account: risk.Account{Registered: time.Date(2025, 1, 1, 0, 0, 0, 0, msk), Connected: time.Date(2026, 11, 30, 10, 0, 0, 0, msk)},
	}
	first, _ := plan.New(&o)
	for i := range 25 {
		first.Next(i, false)
	}
	state, _ := first.State().MarshalText()
	fmt.Println("state:", string(state))

	var resumed plan.State
	if err := resumed.UnmarshalText(state); err != nil {
		panic(err)
	}
	o.Resume = resumed
	second, _ := plan.New(&o)
	at, _ := second.Next(25, false)
	fmt.Println("recipient 25:", at.Format(time.RFC3339))
	// Output:
	// state: 2026-12-03T10:07:21+03:00/5/5
	// recipient 25: 2026-12-03T10:08:37+03:00
}

// The report for people, as spinwise generate -plan prints it.
func ExampleReport_WriteText() {
	msk := time.FixedZone("MSK", 3*60*60)
	from := time.Date(2026, 12, 2, 18, 0, 0, 0, msk)
	p, _ := plan.New(&plan.Options{
		From: from, Location: msk, Seed: 2, MinGap: 5 * time.Minute, MaxGap: 10 * time.Minute,
		Account: risk.Account{Registered: from.AddDate(-1, 0, 0), Connected: from.AddDate(0, -2, 0)},
		Stats:   risk.Stats{Outgoing: 300, Replies: 120, NewRecipientsToday: 140},
	})
	for i := range 30 {
		p.Next(i, false)
	}
	p.Report(risk.Plan{Personalized: true, Varied: true, AsksQuestion: true}).WriteText(os.Stdout)
	// Output:
	// plan: 30 messages (30 new recipients, 0 known) over 2 calendar days (2 with sends), from 2026-12-02 18:00 +03:00 to 2026-12-03 12:34 +03:00; hours 10-19 MSK, every day, gaps 300-600 s; highest daily risk: minimal
	//   2026-12-02 Wed: 9 new, 0 known (+140 new earlier), 18:00:00 to 18:52:28, phase green, risk minimal
	//   2026-12-03 Thu: 21 new, 0 known, 10:00:00 to 12:34:19, phase green, risk minimal
}

// Gaps are whole seconds from MinGap to MaxGap, drawn from the seed and the
// recipient's position.
func ExamplePlanner_Gap() {
	p, _ := plan.New(&plan.Options{From: time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC), Seed: 1})
	fmt.Println(p.Gap(0), p.Gap(1), p.Gap(2), p.Gap(0))
	// Output:
	// 1m43s 1m39s 2m26s 1m43s
}

func ExampleWeekdays_String() {
	fmt.Println(plan.Weekdays(0b0111110), plan.Weekdays(1<<time.Saturday|1<<time.Sunday), plan.Weekdays(0))
	// Output:
	// mon-fri sat,sun every day
}

package plan_test

import (
	"testing"
	"time"

	"github.com/spinwise/spinwise/plan"
	"github.com/spinwise/spinwise/risk"
)

// BenchmarkNext is the cost of one message's time, in three accounts: a
// new number (most messages wait for another day), a green one with every
// third recipient known, and replies with no caps. It must not grow with
// the plan: BenchmarkPlan1M plans a million recipients per op.
func BenchmarkNext(b *testing.B) {
	from := time.Date(2026, 12, 2, 10, 0, 0, 0, time.FixedZone("MSK", 3*60*60))
	for _, bc := range []struct {
		name    string
		acct    risk.Account
		inbound bool
	}{
		{"new-number", risk.Account{Registered: from.AddDate(-1, 0, 0), Connected: from.AddDate(0, 0, -2)}, false},
		{"green", risk.Account{Registered: from.AddDate(-1, 0, 0), Connected: from.AddDate(0, -3, 0)}, false},
		{"inbound", risk.Account{Registered: from.AddDate(-1, 0, 0), Connected: from.AddDate(0, -3, 0)}, true},
	} {
		b.Run(bc.name, func(b *testing.B) {
			p, err := plan.New(&plan.Options{From: from, Seed: 1, Account: bc.acct, InboundOnly: bc.inbound})
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				if _, err := p.Next(i, i%3 == 0); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}

func BenchmarkPlan1M(b *testing.B) {
	from := time.Date(2026, 12, 2, 10, 0, 0, 0, time.FixedZone("MSK", 3*60*60))
	o := plan.Options{From: from, Seed: 1, Account: risk.Account{Registered: from.AddDate(-1, 0, 0), Connected: from.AddDate(0, 0, -2)}}
	b.ReportAllocs()
	for b.Loop() {
		p, _ := plan.New(&o)
		for i := range 1_000_000 {
			if _, err := p.Next(i, i%2 == 0); err != nil {
				b.Fatal(err)
			}
		}
		p.Report(risk.Plan{Personalized: true, Varied: true, AsksQuestion: true})
	}
}

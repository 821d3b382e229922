package risk_test

import (
	"os"
	"testing"

	"github.com/spinwise/spinwise/linkcheck"
	"github.com/spinwise/spinwise/risk"
)

// BenchmarkRisk measures Assess and the account-file decoder. risk has no
// performance target and no peer: it runs once per batch.
func BenchmarkRisk(b *testing.B) {
	a, s, p := healthy()
	b.Run("Assess/clean", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			risk.Assess(now, a, s, p)
		}
	})
	bad := p
	bad.Personalized, bad.Varied, bad.NewRecipients, bad.Recipients = false, false, 500, 500
	bad.Links = []linkcheck.Link{{Text: "https://clck.ru/x", Verdict: linkcheck.Shortener}}
	b.Run("Assess/many-findings", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			risk.Assess(now, a, risk.Stats{Outgoing: 100, Replies: 3, PhoneChecks: 90}, bad)
		}
	})
	data, err := os.ReadFile("testdata/account.json")
	if err != nil {
		b.Fatal(err)
	}
	b.Run("ParseInput", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, err := risk.ParseInput(data); err != nil {
				b.Fatal(err)
			}
		}
	})
}

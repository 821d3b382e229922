package campaign_test

import (
	"context"
	"fmt"
	"iter"
	"testing"

	"github.com/spinwise/spinwise/campaign"
	"github.com/spinwise/spinwise/internal/corpus"
)

// benchPhones returns n phone cells as CRM exports write them: Russian
// mobiles in eight formats, and every 50th a landline, every 100th a
// repeat of an earlier number in another format, every 200th a typo (nine
// digits).
func benchPhones(n int) []string {
	formats := []string{"+7 %s %s-%s-%s", "8 (%s) %s-%s-%s", "7%s%s%s%s", "8%s%s%s%s", "+7(%s)%s-%s-%s", "8-%s-%s-%s-%s", "%s %s %s %s", "+7 %s %s %s %s"}
	out := make([]string, n)
	for i := range out {
		num := fmt.Sprintf("9%02d%07d", i%100, (i*7919)%10_000_000)
		j := i
		switch {
		case i%200 == 199:
			out[i] = "8 999 123 45 6" // nine digits
			continue
		case i%100 == 99:
			j = i - 37 // the number of an earlier row (a mobile), written its own way
			num = fmt.Sprintf("9%02d%07d", j%100, (j*7919)%10_000_000)
		case i%50 == 49:
			num = fmt.Sprintf("495%07d", i%10_000_000)
		}
		f := formats[i%len(formats)]
		out[i] = fmt.Sprintf(f, num[:3], num[3:6], num[6:8], num[8:])
	}
	return out
}

// withPhones yields synthRecipients(n) with a "Телефон" field.
func withPhones(n int, phones []string) iter.Seq2[campaign.Recipient, error] {
	return func(yield func(campaign.Recipient, error) bool) {
		i := 0
		for r, err := range synthRecipients(n) {
			r.Data["Телефон"] = phones[i]
			i++
			if !yield(r, err) {
				return
			}
		}
	}
}

// BenchmarkCampaignPhones is the pipeline of BenchmarkCampaign (the
// reactivation template, synthetic recipients, no uniqueness report: it
// would hide the cost measured) side by side on the same data, a
// "Телефон" column in every record: read as the phone column
// ("phones": normalization, duplicate detection, the rows' phone and
// wa_id) and turned off with NoPhone ("nophone": the pipeline as it was).
// Compare ns/message.
func BenchmarkCampaignPhones(b *testing.B) {
	src := corpus.Template("reactivation")
	for _, n := range []int{10_000} {
		phones := benchPhones(n)
		for _, mode := range []struct {
			name    string
			noPhone bool
		}{{"nophone", true}, {"phones", false}} {
			b.Run(fmt.Sprintf("%dk/%s", n/1000, mode.name), func(b *testing.B) {
				c, err := campaign.New(src, &campaign.Options{Seed: 1, NoAnalysis: true, NoPhone: mode.noPhone})
				if err != nil {
					b.Fatal(err)
				}
				b.ReportAllocs()
				var msgs int
				cpu0 := cpuTime()
				for b.Loop() {
					rep, err := c.Run(context.Background(), withPhones(n, phones), func(campaign.Row) error { return nil })
					if err != nil || rep.Recipients != n {
						b.Fatalf("%v, %d rows", err, rep.Recipients)
					}
					msgs = rep.Messages
					if !mode.noPhone && (rep.Phones == nil || rep.Phones.Duplicates == 0 || rep.Phones.Invalid == 0) {
						b.Fatalf("phones: %+v", rep.Phones)
					}
				}
				// Per message sent, not per row: the phones run sends 1.5%
				// fewer (typos and repeats), so this is its dearer measure.
				cpu := cpuTime() - cpu0
				sec := b.Elapsed().Seconds() / float64(b.N)
				b.ReportMetric(sec*1e9/float64(msgs), "ns/message")
				b.ReportMetric(sec*1e9/float64(n), "ns/row")
				b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N)/float64(msgs), "cpu-ns/message")
			})
		}
	}
}

// BenchmarkMessagePhones is one recipient's message through Message, as a
// CRM robot calls it, on the same recipients with a "Телефон" field: read
// as the phone column (found by its name on every call, or named by
// PhoneField), or turned off with NoPhone. One goroutine, no pipeline.
func BenchmarkMessagePhones(b *testing.B) {
	const n = 1000
	phones := benchPhones(n)
	var rs []campaign.Recipient
	for r := range withPhones(n, phones) {
		rs = append(rs, r)
	}
	for _, mode := range []struct {
		name    string
		noPhone bool
		field   string
	}{{"nophone", true, ""}, {"phones", false, ""}, {"phonefield", false, "Телефон"}} {
		b.Run(mode.name, func(b *testing.B) {
			c, err := campaign.New(corpus.Template("reactivation"), &campaign.Options{Seed: 1, NoPhone: mode.noPhone, PhoneField: mode.field})
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				row := c.Message(rs[i%n], i)
				if row.Err != nil && row.Err.Kind != campaign.KindPhone {
					b.Fatal(row.Err)
				}
				i++
			}
		})
	}
}

package bench

import (
	"context"
	"fmt"
	"iter"
	"math/rand/v2"
	"net/url"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/agnivade/levenshtein"
	"github.com/spinwise/spinwise/campaign"
	"github.com/spinwise/spinwise/internal/corpus"
	"github.com/spinwise/spinwise/internal/synth"
	"github.com/spinwise/spinwise/uniqueness"
	"mvdan.cc/xurls/v2"
)

// campaignTemplate is the corpus template the campaign benchmarks use: the
// one with the most variants (2,304), so distinct variants matter.
const campaignTemplate = "reactivation"

// naiveCampaign is the batch a user would glue together without spinwise,
// one recipient after another: the suppression check, the naive render of
// bench/naive.go (spin by string replacement, text/template + sprig parsed
// per message), xurls over every text with each link's host looked up in
// the same shortener list linkcheck ships. It does not split messages (the
// naive route has no splitter), so it does less work than the pipeline.
type naiveCampaign struct {
	naive      *Naive
	links      interface{ FindAllString(string, int) []string }
	shorteners map[string]bool
	suppress   map[string]bool
}

func newNaiveCampaign(tb testing.TB, src string) *naiveCampaign {
	list, err := os.ReadFile("../linkcheck/data/link-shorteners.txt")
	if err != nil {
		tb.Fatal(err)
	}
	nc := &naiveCampaign{naive: NewNaive(src), links: xurls.Relaxed(), shorteners: map[string]bool{}, suppress: map[string]bool{"s0000007": true}}
	for _, l := range strings.Split(string(list), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			nc.shorteners[strings.ToLower(l)] = true
		}
	}
	return nc
}

// message renders and checks one recipient's message.
func (nc *naiveCampaign) message(d map[string]any, r *rand.Rand) (string, error) {
	if nc.suppress[d["key"].(string)] {
		return "", fmt.Errorf("suppressed")
	}
	text, err := nc.naive.Render(d, r)
	if err != nil {
		return "", err
	}
	for _, l := range nc.links.FindAllString(text, -1) {
		if !strings.Contains(l, "://") {
			l = "http://" + l
		}
		u, err := url.Parse(l)
		if err != nil || nc.shorteners[strings.ToLower(u.Hostname())] {
			return "", fmt.Errorf("bad link %s", l)
		}
	}
	return text, nil
}

var campaignSizes = []struct {
	name string
	n    int
}{{"10k", 10_000}, {"100k", 100_000}}

// BenchmarkCampaignPipeline is campaign.Run without the uniqueness report
// (suppression, distinct variants, render, link check, split, ordered
// output), on GOMAXPROCS workers and on one; BenchmarkCampaignNaive is the
// naive route on the same recipients. One op is one whole batch.
func BenchmarkCampaignPipeline(b *testing.B) {
	src := corpus.Template(campaignTemplate)
	for _, size := range campaignSizes {
		for _, w := range []struct {
			name    string
			workers int
		}{{"", 0}, {"-1worker", 1}} {
			b.Run(size.name+w.name, func(b *testing.B) {
				c, err := campaign.New(src, &campaign.Options{Seed: 1, NoAnalysis: true, Workers: w.workers, Suppress: []string{"s0000007"}})
				if err != nil {
					b.Fatal(err)
				}
				b.ReportAllocs()
				var bytes int64
				for b.Loop() {
					bytes = 0
					rep, err := c.Run(context.Background(), synthRecipients(size.n), func(r campaign.Row) error {
						bytes += int64(len(r.Text))
						return nil
					})
					if err != nil || rep.Messages != size.n-1 {
						b.Fatalf("%v; %d messages", err, rep.Messages)
					}
				}
				perMessage(b, size.n, bytes)
			})
		}
	}
}

// The naive route runs at 10k only: at ~200 µs a message one iteration at
// 100k would take 20 s on a quiet machine and over a minute on a loaded
// one; its cost is linear, so 10k gives its rate.
func BenchmarkCampaignNaive(b *testing.B) {
	src := corpus.Template(campaignTemplate)
	for _, size := range campaignSizes[:1] {
		b.Run(size.name, func(b *testing.B) {
			nc := newNaiveCampaign(b, src)
			b.ReportAllocs()
			var bytes int64
			for b.Loop() {
				bytes = 0
				r := rand.New(rand.NewPCG(1, 2))
				msgs := 0
				for d := range synth.People(size.n) {
					text, err := nc.message(d, r)
					if err == nil {
						msgs++
						bytes += int64(len(text))
					}
				}
				if msgs != size.n-1 {
					b.Fatalf("%d messages", msgs)
				}
			}
			perMessage(b, size.n, bytes)
		})
	}
}

func perMessage(b *testing.B, n int, bytes int64) {
	b.SetBytes(bytes)
	sec := b.Elapsed().Seconds() / float64(b.N)
	b.ReportMetric(float64(n)/sec, "messages/s")
	b.ReportMetric(sec*1e9/float64(n), "ns/message")
}

// BenchmarkCampaignReport is the batch report's uniqueness part on the
// pipeline's messages: uniqueness.Analyze ("ours") against all pairs with
// agnivade ("naive-allpairs"), the report a user would write. All pairs are
// quadratic, so they run at 500 messages only; the metric extrap-100k-s is
// their time extrapolated to 100,000 messages (4,999,950,000 pairs) from
// the measured pairs per second.
func BenchmarkCampaignReport(b *testing.B) {
	texts := campaignTexts(b, 500)
	for _, n := range []int{500} { // larger batches: BenchmarkCampaign/*/report in ./campaign
		b.Run(fmt.Sprintf("ours/%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				rep := uniqueness.Analyze(texts[:n], nil)
				if rep.N != n {
					b.Fatal(rep.N)
				}
			}
			b.ReportMetric(float64(n)/(b.Elapsed().Seconds()/float64(b.N)), "messages/s")
		})
	}
	const n = 500
	b.Run(fmt.Sprintf("naive-allpairs/%d", n), func(b *testing.B) {
		b.ReportAllocs()
		similar := 0
		for b.Loop() {
			similar = 0
			for i := range n {
				li := utf8.RuneCountInString(texts[i])
				for j := i + 1; j < n; j++ {
					d := levenshtein.ComputeDistance(texts[i], texts[j])
					if 1-float64(d)/float64(max(li, utf8.RuneCountInString(texts[j]))) >= 0.9 {
						similar++
					}
				}
			}
		}
		pairs := float64(n * (n - 1) / 2)
		perSec := pairs / (b.Elapsed().Seconds() / float64(b.N))
		b.ReportMetric(perSec, "pairs/s")
		b.ReportMetric(4_999_950_000/perSec, "extrap-100k-s")
	})
}

// campaignTexts renders n messages with the pipeline, for the report
// benchmarks.
func campaignTexts(tb testing.TB, n int) []string {
	c, err := campaign.New(corpus.Template(campaignTemplate), &campaign.Options{Seed: 1, NoAnalysis: true})
	if err != nil {
		tb.Fatal(err)
	}
	texts := make([]string, 0, n)
	if _, err := c.Run(context.Background(), synthRecipients(n), func(r campaign.Row) error {
		texts = append(texts, r.Text)
		return nil
	}); err != nil {
		tb.Fatal(err)
	}
	return texts
}

// TestNaiveCampaignAgrees keeps the comparison fair: on the same recipients
// both routes give the same number of messages, and the naive route's links
// pass the pipeline's checker too.
func TestNaiveCampaignAgrees(t *testing.T) {
	const n = 300
	nc := newNaiveCampaign(t, corpus.Template(campaignTemplate))
	r := rand.New(rand.NewPCG(1, 2))
	naive := 0
	for d := range synth.People(n) {
		if _, err := nc.message(d, r); err == nil {
			naive++
		}
	}
	c, err := campaign.New(corpus.Template(campaignTemplate), &campaign.Options{NoAnalysis: true, Suppress: []string{"s0000007"}})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := c.Run(context.Background(), synthRecipients(n), func(campaign.Row) error { return nil })
	if err != nil {
		t.Fatal(err)
	}
	if rep.Messages != naive || naive != n-1 {
		t.Fatalf("pipeline %d messages, naive %d, of %d recipients (one suppressed)", rep.Messages, naive, n)
	}
}

// synthRecipients yields synth.People(n) as campaign recipients keyed by "key".
func synthRecipients(n int) iter.Seq2[campaign.Recipient, error] {
	return func(yield func(campaign.Recipient, error) bool) {
		for d := range synth.People(n) {
			if !yield(campaign.Recipient{Key: d["key"].(string), Data: d}, nil) {
				return
			}
		}
	}
}

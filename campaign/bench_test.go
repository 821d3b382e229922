package campaign_test

import (
	"context"
	"flag"
	"iter"
	"runtime"
	"testing"

	"github.com/spinwise/spinwise/campaign"
	"github.com/spinwise/spinwise/internal/corpus"
	"github.com/spinwise/spinwise/internal/synth"
)

var large = flag.Bool("large", false, "also run the benchmarks whose one iteration takes minutes (the uniqueness report at 100k and 1M messages)")

// BenchmarkCampaign is the whole pipeline (read, variant, render, link
// check, split, ordered write, report) over synthetic recipients, with and
// without the uniqueness analysis. One iteration is one whole batch; read
// messages/s, ns/message and pipeline-allocs/message (allocations per
// message with the generator's own allocations taken out).
//
// The report's uniqueness analysis dominates its runs and grows faster than
// the batch (near-duplicates from one template are many); at 100k and 1M
// messages one iteration takes minutes on 2 cores, so those run only with
// -large (go test -bench Campaign -large ./campaign/). Every other
// iteration stays under ~30 s. long_news/20k/noreport runs the corpus
// template whose every message is split.
func BenchmarkCampaign(b *testing.B) {
	src := corpus.Template("reactivation") // the corpus template with the most variants (2,304)
	for _, size := range []struct {
		name string
		n    int
	}{{"10k", 10_000}, {"100k", 100_000}, {"1M", 1_000_000}} {
		for _, mode := range []struct {
			name     string
			analysis bool
		}{{"noreport", false}, {"report", true}} {
			if mode.analysis && size.n > 10_000 && !*large {
				continue // one iteration takes minutes: registered only with -large
			}
			b.Run(size.name+"/"+mode.name, func(b *testing.B) {
				benchRun(b, src, size.n, mode.analysis)
			})
		}
	}
	// Here the walk over long messages (chunk) shows.
	b.Run("long_news/20k/noreport", func(b *testing.B) {
		benchRun(b, corpus.Template("long_news"), 20_000, false)
	})
}

func mallocs() uint64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.Mallocs
}

func benchRun(b *testing.B, src string, n int, analysis bool) {
	c, err := campaign.New(src, &campaign.Options{Seed: 1, NoAnalysis: !analysis})
	if err != nil {
		b.Fatal(err)
	}
	m0 := mallocs()
	for range synthRecipients(n) {
	}
	genAllocs := mallocs() - m0
	b.ReportAllocs()
	b.ResetTimer()
	var bytes int64
	m0 = mallocs()
	for b.Loop() {
		bytes = 0
		rep, err := c.Run(context.Background(), synthRecipients(n), func(r campaign.Row) error {
			bytes += int64(len(r.Text))
			return nil
		})
		if err != nil || rep.Recipients != n {
			b.Fatalf("%v, %d rows", err, rep.Recipients)
		}
	}
	allocs := mallocs() - m0
	b.SetBytes(bytes)
	sec := b.Elapsed().Seconds() / float64(b.N)
	b.ReportMetric(float64(n)/sec, "messages/s")
	b.ReportMetric(sec*1e9/float64(n), "ns/message")
	b.ReportMetric((float64(allocs)/float64(b.N)-float64(genAllocs))/float64(n), "pipeline-allocs/message")
}

// BenchmarkMessage is one recipient's message through Message (variant,
// render, link check, split), as a CRM robot that sends one message at a
// time calls it: long_news renders to several chunks with a link,
// reactivation to one.
func BenchmarkMessage(b *testing.B) {
	for _, name := range []string{"long_news", "reactivation"} {
		b.Run(name, func(b *testing.B) {
			c, err := campaign.New(corpus.Template(name), &campaign.Options{Seed: 1})
			if err != nil {
				b.Fatal(err)
			}
			var rs []campaign.Recipient
			for r := range synthRecipients(500) {
				rs = append(rs, r)
			}
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				row := c.Message(rs[i%len(rs)], i)
				if row.Err != nil {
					b.Fatal(row.Err)
				}
				i++
			}
		})
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

// TestSynthRecipientsRender checks that every corpus template renders for
// the benchmarks' synthetic people (no field is missing) and that their keys
// are distinct.
func TestSynthRecipientsRender(t *testing.T) {
	const n = 200
	for _, name := range corpus.TemplateNames() {
		c, err := campaign.New(corpus.Template(name), &campaign.Options{Seed: 1, NoAnalysis: true})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		seen := map[string]bool{}
		i := 0
		for r := range synthRecipients(n) {
			if seen[r.Key] {
				t.Fatalf("key %s repeats", r.Key)
			}
			seen[r.Key] = true
			if row := c.Message(r, i); row.Err != nil && row.Err.Kind == campaign.KindMissingField {
				t.Fatalf("%s: recipient %s: %v", name, r.Key, row.Err)
			}
			i++
		}
		if i != n {
			t.Fatalf("%d recipients, want %d", i, n)
		}
	}
}

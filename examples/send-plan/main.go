// Command send-plan spreads the 500 sample contacts of internal/corpus over
// the days a number connected to the service a week ago may write to them:
// every message line on stdout carries its "send_at", and the plan, day by
// day with each day's risk, goes to stderr.
//
//	go run ./examples/send-plan > planned.jsonl
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/signal"
	"time"

	"github.com/spinwise/spinwise/campaign"
	"github.com/spinwise/spinwise/internal/corpus"
	"github.com/spinwise/spinwise/plan"
	"github.com/spinwise/spinwise/risk"
)

func main() {
	from := flag.String("from", "2026-12-02T09:00:00+03:00", "first moment to send, RFC 3339")
	flag.Parse()
	start, err := time.Parse(time.RFC3339, *from)
	if err != nil {
		log.Fatal(err)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, start, os.Stdout, os.Stderr); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context, from time.Time, stdout, stderr io.Writer) error {
	moscow := time.FixedZone("MSK", 3*60*60)
	// The sending number: registered long ago, connected to the service a
	// week before the plan starts; 12 clients already written to today.
	account := risk.Account{Registered: from.AddDate(-1, 0, 0), Connected: from.AddDate(0, 0, -7)}
	stats := risk.Stats{Outgoing: 90, Replies: 40, Dialogs: 35, NewRecipientsToday: 12}

	c, err := campaign.New(corpus.Template("appointment"), &campaign.Options{
		Seed:       2026,
		NoAnalysis: true,
		// Clients who already talk to the business are not new recipients.
		Known: []string{"c0001", "c0002", "c0003", "c0010", "c0011"},
		Plan: &plan.Options{
			From:     from,
			Location: moscow,
			Hours:    plan.Hours{Start: 10 * 60, End: 18 * 60},             // 10:00 to 18:00
			Weekdays: plan.EveryDay &^ (1<<time.Saturday | 1<<time.Sunday), // Monday to Friday
			Account:  account,
			Stats:    stats,
		},
		Risk: &campaign.RiskInput{Now: from, Input: risk.Input{Account: account, Stats: stats}},
	})
	if err != nil {
		return err
	}
	in, err := corpus.FS.Open("contacts.csv")
	if err != nil {
		return err
	}
	defer in.Close()

	out := bufio.NewWriter(stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	rep, err := c.Run(ctx, campaign.ReadCSV(in, nil), func(r campaign.Row) error { return enc.Encode(r) })
	if err != nil {
		return err
	}
	// Sent at once the batch is maximal risk; the plan keeps every day at
	// most Minimal, or says why it cannot.
	fmt.Fprintf(stderr, "all at once: %s\n", rep.Risk.Level)
	if !rep.Plan.OK() {
		return fmt.Errorf("no safe plan: %s", rep.Plan.Error)
	}
	return rep.Plan.WriteText(stderr)
}

// Command campaign runs a whole batch: the sample template and the 500
// sample contacts of internal/corpus (or your own files), every recipient's
// message as a JSON line on stdout, the report on stderr.
//
//	go run ./examples/campaign                       # the shipped sample
//	go run ./examples/campaign -contacts my.csv -template my.txt > out.jsonl
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log"
	"os"
	"os/signal"

	"github.com/spinwise/spinwise/campaign"
	"github.com/spinwise/spinwise/internal/corpus"
)

func main() {
	contacts := flag.String("contacts", "", "contacts CSV (default: internal/corpus/contacts.csv, embedded)")
	tmplFile := flag.String("template", "", "template file (default: the sample template appointment)")
	seed := flag.Uint64("seed", 2026, "campaign seed")
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, *contacts, *tmplFile, *seed, os.Stdout, os.Stderr); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context, contacts, tmplFile string, seed uint64, stdout, stderr io.Writer) error {
	src := corpus.Template("appointment")
	if tmplFile != "" {
		b, err := os.ReadFile(tmplFile)
		if err != nil {
			return err
		}
		src = string(b)
	}
	var in fs.File
	var err error
	if contacts == "" {
		in, err = corpus.FS.Open("contacts.csv")
	} else {
		in, err = os.Open(contacts)
	}
	if err != nil {
		return err
	}
	defer in.Close()

	// Parse once. The options' zero values are sensible: distinct variants
	// by position, chunks of at most 300 runes, the shipped shortener list,
	// the uniqueness report at similarity 0.9.
	c, err := campaign.New(src, &campaign.Options{
		Seed:     seed,
		Suppress: []string{"c0007", "c0042"}, // clients who asked not to be written to
	})
	if err != nil {
		return err // a *template.Error: line, column, what to do
	}

	out := bufio.NewWriter(stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)

	// Stream: rows arrive in input order, one per contact, bad ones as
	// error rows; memory stays flat however long the file is.
	rep, err := c.Run(ctx, campaign.ReadCSV(in, nil), func(r campaign.Row) error {
		return enc.Encode(r)
	})
	if err != nil {
		return err // unreadable input, a failed write, or ctx cancelled
	}
	fmt.Fprintf(stderr, "template: %v variants\n", c.Count())
	return rep.WriteText(stderr)
}

package campaign_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"os"
	"strings"

	"github.com/spinwise/spinwise/campaign"
	"github.com/spinwise/spinwise/uniqueness"
)

func ExampleNew() {
	c, err := campaign.New("{Здравствуйте|Добрый день}, {{Имя}}! {Ждём вас|Будем рады вас видеть} {{Дата}}.", &campaign.Options{Seed: 1})
	if err != nil {
		log.Fatal(err) // a *template.Error with line and column
	}
	fmt.Println(c.Count(), "variants; fields:", c.Template().Fields())

	_, err = campaign.New("{Здравствуйте|Добрый день, {{Имя}}!", nil)
	fmt.Println(err)
	// Output:
	// 4 variants; fields: [Дата Имя]
	// template:1:1: unclosed '{'; close it with '}' or escape it as '\{'
}

// A whole batch: rows come out in input order, one per recipient; bad
// recipients get an error row and the run goes on.
func ExampleCampaign_Run() {
	c, err := campaign.New("{Здравствуйте|Добрый день}, {{Имя}}! {Ждём вас|Будем рады вас видеть} {{Дата}}.",
		&campaign.Options{Seed: 1, Suppress: []string{"c3"}})
	if err != nil {
		log.Fatal(err)
	}
	csv := "key,Имя,Дата\nc1,Анна,1 декабря\nc2,,2 декабря\nc3,Вера,3 декабря\nc4,Глеб,4 декабря\n"
	rep, err := c.Run(context.Background(), campaign.ReadCSV(strings.NewReader(csv), nil), func(r campaign.Row) error {
		if r.Err != nil {
			fmt.Printf("%s: %s (line %d)\n", r.Key, r.Err.Kind, r.Err.Line)
			return nil
		}
		fmt.Printf("%s: %s\n", r.Key, r.Text)
		return nil
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(rep.Recipients, "in,", rep.Messages, "messages,", rep.Failed, "failed")
	// Output:
	// c1: Здравствуйте, Анна! Будем рады вас видеть 1 декабря.
	// c2: missing-field (line 3)
	// c3: suppressed (line 4)
	// c4: Здравствуйте, Глеб! Ждём вас 4 декабря.
	// 4 in, 2 messages, 1 failed
}

// A CRM robot sends one message at a time: with ByKey the same client always
// gets the same wording.
func ExampleCampaign_Message() {
	c, err := campaign.New("{Здравствуйте|Добрый день}, {{Имя}}! Заказ №{{Заказ}} {передан в доставку|уже в пути}.",
		&campaign.Options{Seed: 7, ByKey: true})
	if err != nil {
		log.Fatal(err)
	}
	row := c.Message(campaign.Recipient{Key: "deal-545", Data: map[string]any{"Имя": "Павел", "Заказ": "545134"}}, 0)
	again := c.Message(campaign.Recipient{Key: "deal-545", Data: map[string]any{"Имя": "Павел", "Заказ": "545134"}}, 99)
	fmt.Println(row.Chunks)
	fmt.Println(row.Text == again.Text)
	// Output:
	// [Добрый день, Павел! Заказ №545134 передан в доставку.]
	// true
}

func ExampleReadCSV() {
	// An Excel export: BOM, semicolons, no "key" column (the first is the key).
	in := "\uFEFFID;Имя;Город\n17;Анна;Казань\n18;Борис\n"
	for r, err := range campaign.ReadCSV(strings.NewReader(in), nil) {
		if err != nil {
			log.Fatal(err) // the file cannot be read as a whole
		}
		if r.Err != nil {
			fmt.Println(r.Key, "error:", r.Err)
			continue
		}
		fmt.Println(r.Key, r.Data["Имя"], r.Data["Город"])
	}
	// Output:
	// 17 Анна Казань
	// 18 error: line 3: 2 fields, but the header has 3
}

func ExampleReadJSONL() {
	in := `{"key":"c1","Имя":"Анна","Дней":3}
{"Имя":"Борис"}
`
	for r, err := range campaign.ReadJSONL(strings.NewReader(in), nil) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%q %v %v\n", r.Key, r.Data, r.Err)
	}
	// Output:
	// "c1" map[key:c1 Дней:3 Имя:Анна] <nil>
	// "" map[] line 2: no "key" member (a string or a number) to use as the key
}

// Recipient 4 is at position 3 and gets the variant of position 0: the
// template has only 3 variants, and the report says so.
func ExampleReport_WriteText() {
	c, err := campaign.New("{a|b|c} {{Имя}}", &campaign.Options{NoAnalysis: true})
	if err != nil {
		log.Fatal(err)
	}
	recs := []map[string]any{{"key": "1", "Имя": "Анна"}, {"key": "2"}, {"key": "3", "Имя": "Вера"}, {"key": "4", "Имя": "Глеб"}}
	rep, err := c.Run(context.Background(), campaign.Records(recs, "key"), func(campaign.Row) error { return nil })
	if err != nil {
		log.Fatal(err)
	}
	rep.WriteText(os.Stdout)
	// Output:
	// recipients: 4, messages: 3 (3 chunks), failed: 1
	// errors: missing-field 1
	// variants: 2 used of 3 (distinct by position, seed 0, start 0)
	// length: 6 to 6 runes, mean 6
	// warning: the template has 3 variants, fewer than the 4 recipient positions: variants repeat every 3 recipients; add spintax options to give everyone a different text
}

func ExampleRecords() {
	crm := []map[string]any{
		{"ID": "17", "Имя": "Анна"},
		{"Имя": "Борис"}, // no ID: an error row, not a lost recipient
	}
	for r := range campaign.Records(crm, "ID") {
		fmt.Printf("%q %v\n", r.Key, r.Err)
	}
	// Output:
	// "17" <nil>
	// "" the record has no "ID" field to use as its key
}

// Variant tells which variant a position gets, without rendering: the first
// Count() positions get pairwise different ones, then the sequence repeats.
func ExampleCampaign_Variant() {
	c, err := campaign.New("{a|b|c}", &campaign.Options{Seed: 5})
	if err != nil {
		log.Fatal(err)
	}
	for pos := range 6 {
		v, err := c.Variant("", pos)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Print(v, " ")
	}
	fmt.Println()
	// Output:
	// 1 2 0 1 2 0
}

func ExampleMostSimilar() {
	texts := []string{
		"Анна, ваш заказ готов.",
		"Анна, ваш заказ готов!",
		"Борис, ваш заказ уже в пути.",
		"Борис, ваш заказ уже в пути!",
		"Добрый день! Запись подтверждена.",
	}
	rep := uniqueness.Analyze(texts, &uniqueness.Options{Threshold: 0.8})
	for _, p := range campaign.MostSimilar(rep.Pairs, 1) {
		fmt.Printf("%.3f %q ~ %q\n", p.Similarity, texts[p.I], texts[p.J])
	}
	fmt.Println(len(campaign.MostSimilar(rep.Pairs, -1)), "similar pairs in all")
	// Output:
	// 0.964 "Борис, ваш заказ уже в пути." ~ "Борис, ваш заказ уже в пути!"
	// 2 similar pairs in all
}

// KeyText is how a key column's value becomes a recipient key: a phone
// number that encoding/json decoded as a float keeps its digits.
func ExampleKeyText() {
	for _, v := range []any{" c-17 ", 79991234567.0, int64(42), json.Number("0042"), nil, true} {
		fmt.Printf("%q\n", campaign.KeyText(v))
	}
	// Output:
	// "c-17"
	// "79991234567"
	// "42"
	// "0042"
	// ""
	// "true"
}

// ParseEncoding reads a user's name for an encoding (the CLI's -encoding):
// here a Windows-1251 export, as Excel on a Russian Windows saves it.
func ExampleParseEncoding() {
	enc, err := campaign.ParseEncoding("CP1251")
	if err != nil {
		log.Fatal(err)
	}
	in := "key;\xc8\xec\xff\nc1;\xc0\xed\xed\xe0\n" // "key;Имя\nc1;Анна\n" in Windows-1251
	for r, err := range campaign.ReadCSV(strings.NewReader(in), &campaign.CSVOptions{Encoding: enc}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(enc, r.Key, r.Data["Имя"])
	}
	_, err = campaign.ParseEncoding("koi8-r")
	fmt.Println(err)
	// Output:
	// windows-1251 c1 Анна
	// unknown encoding "koi8-r": use utf-8, windows-1251 or utf-16 (or auto)
}

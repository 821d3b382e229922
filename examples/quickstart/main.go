// Command quickstart renders one personalized message: parse a template,
// fill it for one recipient, check its links and split it into short
// messages. Run it with: go run ./examples/quickstart
package main

import (
	"fmt"
	"io"
	"log"
	"os"

	"github.com/spinwise/spinwise/chunk"
	"github.com/spinwise/spinwise/linkcheck"
	"github.com/spinwise/spinwise/template"
)

const src = `{Здравствуйте|Добрый день}, {{Имя}}! Ваш заказ №{{Заказ}} {передан в доставку|уже в пути}.
{Отследить его можно|Статус можно посмотреть} {по ссылке|здесь}: https://shop.example.ru/track/{{Заказ}}
{Будут вопросы|Если появятся вопросы} — {пишите|напишите нам}, {мы на связи|мы всегда ответим}.`

func main() {
	if err := run(os.Stdout); err != nil {
		log.Fatal(err)
	}
}

func run(w io.Writer) error {
	// 1. Parse once: syntax errors come back as *template.Error with a line
	// and a column.
	tpl, err := template.Parse(src, &template.Options{Seed: 42})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%v variants; the template reads %v\n\n", tpl.Count(), tpl.Fields())

	// 2. Render for one recipient: the key (here a CRM contact id) and the
	// seed choose the wording, so the same client always gets the same text.
	client := map[string]any{"Имя": "Павел", "Заказ": "545134"}
	text, err := tpl.Render(client, "c0001")
	if err != nil {
		return err // e.g. a *template.MissingError naming an empty field
	}

	// 3. Check every link: shortened, blocked or disguised links are not OK.
	for _, l := range linkcheck.New(nil).Check(text) {
		fmt.Fprintf(w, "link %s: %v\n", l.Text, l.Verdict)
		if l.Verdict != linkcheck.OK {
			return fmt.Errorf("%s: %s", l.Text, l.Reason)
		}
	}

	// 4. Split into short messages (at most 120 runes each here).
	msgs, err := chunk.Split(text, &chunk.Options{Max: 120})
	if err != nil {
		return err
	}
	for i, m := range msgs {
		fmt.Fprintf(w, "\n[%d/%d] %s\n", i+1, len(msgs), m)
	}

	// A recipient without a name is an error, never "Здравствуйте, !".
	if _, err := tpl.Render(map[string]any{"Заказ": "1"}, "c0002"); err != nil {
		fmt.Fprintf(w, "\nwithout a name: %v\n", err)
	}
	return nil
}

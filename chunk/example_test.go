package chunk_test

import (
	"errors"
	"fmt"

	"github.com/spinwise/spinwise/chunk"
	"github.com/spinwise/spinwise/linkcheck"
)

func ExampleSplit() {
	text := "Здравствуйте, Анна! Салон в г. Москва, ул. Ленина, д. 5 открыт с 9:00.\n\n" +
		"Запись: https://salon.example.ru/zapis или +7 (999) 123-45-67. Ждём вас!"
	chunks, err := chunk.Split(text, &chunk.Options{Max: 70})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range chunks {
		fmt.Printf("%q\n", c)
	}
	// Output:
	// "Здравствуйте, Анна! Салон в г. Москва, ул. Ленина, д. 5 открыт с 9:00."
	// "Запись: https://salon.example.ru/zapis или +7 (999) 123-45-67."
	// "Ждём вас!"
}

// Sentences counts the sentences and questions of a text by the rules
// Split cuts by: abbreviations, initials and dialogue do not end one, and
// emoji stay with the sentence they follow.
func ExampleSentences() {
	text := "Здравствуйте, Анна! Салон в г. Москва открыт с 1995 г. Ждём вас 😊 " +
		"— Вы придёте? — спросила администратор. Запись: +7 (999) 123-45-67. Отлично! 🎉"
	for _, s := range chunk.Sentences(text) {
		fmt.Printf("%q\n", s)
	}
	// Output:
	// "Здравствуйте, Анна!"
	// "Салон в г. Москва открыт с 1995 г."
	// "Ждём вас 😊"
	// "— Вы придёте? — спросила администратор."
	// "Запись: +7 (999) 123-45-67."
	// "Отлично! 🎉"
}

// UTF-16 code units are what WhatsApp and Telegram count: an emoji above
// U+FFFF is two of them.
func ExampleSplit_utf16() {
	text := "Спасибо за заказ! 🎉🎉🎉 Доставим завтра."
	for _, u := range []chunk.Unit{chunk.Runes, chunk.UTF16} {
		chunks, _ := chunk.Split(text, &chunk.Options{Max: 40, Unit: u})
		fmt.Printf("%s: %q\n", u, chunks)
	}
	// Output:
	// runes: ["Спасибо за заказ! 🎉🎉🎉 Доставим завтра."]
	// UTF-16 units: ["Спасибо за заказ! 🎉🎉🎉" "Доставим завтра."]
}

// Graphemes count what a reader sees as one character: a flag is two runes
// but one grapheme cluster, and it is never cut.
func ExampleSplit_graphemes() {
	text := "Мы в 🇷🇺🇷🇺🇷🇺🇷🇺🇷🇺"
	for _, u := range []chunk.Unit{chunk.Runes, chunk.Graphemes} {
		chunks, _ := chunk.Split(text, &chunk.Options{Max: 10, Unit: u})
		fmt.Printf("%s: %q\n", u, chunks)
	}
	// Output:
	// runes: ["Мы в" "🇷🇺🇷🇺🇷🇺🇷🇺🇷🇺"]
	// graphemes: ["Мы в 🇷🇺🇷🇺🇷🇺🇷🇺🇷🇺"]
}

// A markup pair longer than Max is closed at the end of one chunk and
// re-opened at the start of the next.
func ExampleSplit_markup() {
	chunks, _ := chunk.Split("Акция: *скидка 20% на всё до пятницы*", &chunk.Options{Max: 20})
	fmt.Printf("%q\n", chunks)
	// Output:
	// ["Акция:" "*скидка 20% на всё*" "*до пятницы*"]
}

// An atomic span longer than Max is an error, never a cut.
func ExampleSpanError() {
	_, err := chunk.Split("Ссылка: https://salon.example.ru/zapis?utm_source=whatsapp", &chunk.Options{Max: 30})
	var se *chunk.SpanError
	if errors.As(err, &se) {
		fmt.Println(se.Kind, se.Offset, se.Len)
		fmt.Println(err)
	}
	// Output:
	// link 14 50
	// chunk:1:9: link "https://salon.example.ru/zapis?utm_source=whatsapp" is 50 runes, longer than the limit of 30 runes; raise Options.Max or shorten the link in the text
}

// SplitLinks is for a caller that has checked the links already (package
// campaign does): the spans it found are kept whole, and not looked for
// again.
func ExampleSplitLinks() {
	text := "Анна, ваша запись подтверждена. Подробности и перенос записи: https://salon.example.ru/zapis/2026-12-05?master=7"
	links := linkcheck.New(nil).Check(text)
	for _, l := range links {
		fmt.Println(l.Text, l.Verdict)
	}
	chunks, err := chunk.SplitLinks(text, links, &chunk.Options{Max: 60})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range chunks {
		fmt.Println(c)
	}
	// Output:
	// https://salon.example.ru/zapis/2026-12-05?master=7 ok
	// Анна, ваша запись подтверждена.
	// Подробности и перенос записи:
	// https://salon.example.ru/zapis/2026-12-05?master=7
}

// ErrorWithPosition shows where in the text the span that cannot fit is.
func ExampleSpanError_ErrorWithPosition() {
	text := "Оплата:\nhttps://pay.example.ru/invoice/2027/03/05/a1b2c3d4e5f6"
	_, err := chunk.Split(text, &chunk.Options{Max: 40})
	var se *chunk.SpanError
	if errors.As(err, &se) {
		fmt.Print(se.ErrorWithPosition("", text))
	}
	// Output:
	// chunk:2:1: link "https://pay.example.ru/invoice/2027/03/05/a1b2c3d4e5f6" is 54 runes, longer than the limit of 40 runes; raise Options.Max or shorten the link in the text
	// 	https://pay.example.ru/invoice/2027/03/05/a1b2c3d4e5f6
	// 	^
}

package linkcheck_test

import (
	"fmt"

	"github.com/spinwise/spinwise/linkcheck"
)

func ExampleNew() {
	c := linkcheck.New(&linkcheck.Options{
		Block: []string{"competitor.ru"},
		Allow: []string{"bit.ly"}, // this sender trusts bit.ly after all
	})
	for _, l := range c.Check("Было: https://www.competitor.ru/sale, стало: bit.ly/salon и wa.me/79991234567") {
		fmt.Println(l.Text, l.Verdict)
	}
	// Output:
	// https://www.competitor.ru/sale blocked
	// bit.ly/salon ok
	// wa.me/79991234567 ok
}

func ExampleChecker_Check() {
	msg := "Анна, запись на сайт.рф/zapis, скидка по ссылке clck.ru/3Abc. Вопросы: info@salon.ru или hxxp://salon[.]ru"
	for _, l := range linkcheck.New(nil).Check(msg) {
		fmt.Printf("%d:%d %s host=%s %s %s\n", l.Start, l.End, l.Text, l.Host, l.Kind, l.Verdict)
		if l.Reason != "" {
			fmt.Println("   ", l.Reason)
		}
	}
	// Output:
	// 28:47 сайт.рф/zapis host=xn--80aswg.xn--p1ai web ok
	// 80:92 clck.ru/3Abc host=clck.ru web shortener
	//     Ссылка сокращена сервисом clck.ru, а WhatsApp считает сокращённые ссылки признаком спама: вставьте полную ссылку на страницу вашего сайта.
	// 110:123 info@salon.ru host=salon.ru email ok
	// 131:148 hxxp://salon[.]ru host=salon.ru web suspicious
	//     Ссылка испорчена («hxxp» вместо «http»), так пишут опасные ссылки: напишите адрес сайта обычной ссылкой или уберите его.
}

func ExampleVerdict_String() {
	fmt.Println(linkcheck.OK, linkcheck.Shortener, linkcheck.Blocked, linkcheck.Suspicious)
	// Output: ok shortener blocked suspicious
}

func ExampleKind_String() {
	for _, l := range linkcheck.New(nil).Check("salon.ru info@salon.ru tel:+79991234567 javascript:void(0)") {
		fmt.Println(l.Kind, l.Text)
	}
	// Output:
	// web salon.ru
	// email info@salon.ru
	// phone tel:+79991234567
	// script javascript:void(0)
}

package template_test

import (
	"errors"
	"fmt"
	"math/big"
	"slices"

	"github.com/spinwise/spinwise/template"
)

func ExampleParse() {
	t, err := template.Parse("{{Имя}}, {добрый день|здравствуйте}! Заказ №{{ .Заказ }} {отправлен|в пути}.", nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(t.Count(), "variants")

	_, err = template.Parse(`Привет, {{ env "HOME" }}`, nil)
	fmt.Println(err)
	// Output:
	// 4 variants
	// template:1:12: unknown function "env": message templates leave it out for safety; remove it (FuncNames lists the functions a template may call)
}

func ExampleTemplate_Render() {
	t, err := template.Parse(`{{ Имя | name }}, у вас {{ .Дней }} {{ plural .Дней "день" "дня" "дней" }} до оплаты {{ money .Сумма }}.`, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	msg, err := t.Render(map[string]any{"Имя": "ИВАН", "Дней": "3", "Сумма": "1234.5"}, "c0001")
	fmt.Printf("%q %v\n", msg, err)

	_, err = t.Render(map[string]any{"Имя": " ", "Дней": "3", "Сумма": "10"}, "c0002")
	var missing *template.MissingError
	if errors.As(err, &missing) {
		fmt.Println("missing:", missing.Field)
	}
	// Output:
	// "Иван, у вас 3 дня до оплаты 1\u00a0234,50\u00a0₽." <nil>
	// missing: Имя
}

func ExampleTemplate_RenderVariant() {
	t, _ := template.Parse("{{if .VIP}}{Дорогой|Уважаемый} {{Имя}}{{else}}{Здравствуйте|Добрый день}, {{Имя}}{{end}}!", nil)
	for i := int64(0); i < t.Count().Int64(); i++ {
		msg, _ := t.RenderVariant(map[string]any{"Имя": "Анна", "VIP": true}, big.NewInt(i))
		fmt.Println(msg)
	}
	// Output:
	// Дорогой Анна!
	// Дорогой Анна!
	// Уважаемый Анна!
	// Уважаемый Анна!
}

func ExampleTemplate_Fields() {
	t, _ := template.Parse("{=Document:NAME}, {{Имя клиента}}: {{ .Сумма | money }}", &template.Options{
		Fields: map[string]string{"Имя клиента": "first_name"},
	})
	fmt.Println(t.Fields())
	// Output:
	// [NAME first_name Сумма]
}

func ExampleTemplate_Check() {
	t, _ := template.Parse("{{Имяя}}, ваш заказ №{{Заказ}} {{ .Горд }}", nil)
	for _, p := range t.Check([]string{"Имя", "Заказ", "Город"}) {
		fmt.Println(p)
	}
	// Output:
	// template:1:3: unknown field "Имяя"; did you mean "Имя"?
	// template:1:35: unknown field "Горд"; did you mean "Город"?
}

func ExampleTemplate_Missing() {
	t, _ := template.Parse("{{Имя}}, заказ {{Заказ}}", nil)
	fmt.Println(t.Missing([]map[string]any{
		{"Имя": "Анна", "Заказ": "1"},
		{"Имя": "", "Заказ": "2"},
		{"Заказ": "3"},
	}))
	// Output:
	// map[Заказ:0 Имя:2]
}

func ExampleFuncNames() {
	for _, f := range template.FuncNames() {
		if f == "plural" || f == "money" || f == "env" {
			fmt.Println(f)
		}
	}
	// Output:
	// money
	// plural
}

func ExampleTemplate_Count() {
	t, err := template.Parse("{Здравствуйте|Добрый день}, {{Имя}}! {Ваш заказ|Заказ} {готов|ждёт вас}.", nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(t.Count(), "variants") // 2 × 2 × 2: how many recipients can get different texts
	// Output:
	// 8 variants
}

func ExampleTemplate_Source() {
	src := "{Здравствуйте|Добрый день}, {{Имя}}!"
	t, _ := template.Parse(src, nil)
	fmt.Println(t.Source() == src, t.Source())
	// Output:
	// true {Здравствуйте|Добрый день}, {{Имя}}!
}

func ExampleTemplate_Spintax() {
	t, err := template.Parse("{Здравствуйте|Добрый день}, {{Имя}}! {Ждём вас|До встречи}.", nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	// The variants a batch of three recipients gets, all different, without
	// parsing the source again.
	sp := t.Spintax()
	for k := range 3 {
		i, _ := sp.SampleAt(7, big.NewInt(int64(k)))
		msg, _ := t.RenderVariant(map[string]any{"Имя": "Анна"}, i)
		fmt.Println(i, msg)
	}
	// Output:
	// 3 Добрый день, Анна! До встречи.
	// 2 Добрый день, Анна! Ждём вас.
	// 1 Здравствуйте, Анна! До встречи.
}

// A template written for the PHP TextRandomizer: a group that starts with a
// group, a separator spaced as a word, paragraphs permuted by a top-level
// '|', and a robot field that stays a placeholder.
func ExampleSyntax() {
	src := "{{Бытует|Существует} мнение|Многие думают}, что {{Имя}} любит [+и+чай|кофе].\n|Ждём вас!"
	t, err := template.Parse(src, &template.Options{Syntax: template.TextRandomizer})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(t.Count(), "variants")
	msg, _ := t.RenderVariant(map[string]any{"Имя": "Анна"}, big.NewInt(0))
	fmt.Println(msg)

	var syntax template.Syntax
	if err := syntax.UnmarshalText([]byte("textrandomizer")); err == nil {
		fmt.Println(syntax == template.TextRandomizer)
	}
	// Output:
	// 12 variants
	// Бытует мнение, что Анна любит чай и кофе. Ждём вас!
	// true
}

func ExampleTemplate_Lint() {
	t, err := template.Parse("{Привет|Здравствуйте|Привет}, {{имя}}! Возьмите [+,+чай|кофе].|Ждём вас.", nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, w := range t.Lint([]string{"Имя"}) {
		fmt.Println(w.Kind, w.Line, w.Col)
		fmt.Println(" ", w.Fix)
	}
	// Output:
	// duplicate-option 1 22
	//   remove one or change its wording: a repeated option only doubles its chance and the count of variants
	// field-case 1 33
	//   write "Имя" as the CRM does
	// glued-separator 1 49
	//   write [+, +, or read the template in TextRandomizer's syntax (Options.Syntax TextRandomizer), which spaces separators
	// top-level-bar 1 63
	//   to choose between texts put them in a group, {a|b}; to print a bar write '\|'; a template written for TextRandomizer, where '|' permutes paragraphs, needs TextRandomizer's syntax (Options.Syntax TextRandomizer)
}

func ExampleTemplate_MessageLengths() {
	t, err := template.Parse("{Здравствуйте|Добрый день}, {{Имя}}!", nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	lo, hi := t.Spintax().LengthRange()
	fmt.Printf("as written: %d to %d runes\n", lo, hi)
	lo, hi, n := t.MessageLengths(slices.Values([]map[string]any{{"Имя": "Ян"}, {"Имя": "Александра"}, {"Имя": "Ольга"}}))
	fmt.Printf("real: %d to %d runes over %d messages\n", lo, hi, n)
	// Output:
	// as written: 21 to 22 runes
	// real: 16 to 25 runes over 3 messages
}

// RenderVariantUntidied gives the text before the white-space tidy: a link
// checker must see "bit . ly" as a recipient's data wrote it.
func ExampleTemplate_RenderVariantUntidied() {
	t, _ := template.Parse("Ссылка: {{Ссылка}} .", nil)
	data := map[string]any{"Ссылка": "bit . ly/abc"}
	tidied, _ := t.RenderVariant(data, big.NewInt(0))
	raw, _ := t.RenderVariantUntidied(data, big.NewInt(0))
	fmt.Println(tidied)
	fmt.Println(raw)
	// Output:
	// Ссылка: bit. ly/abc.
	// Ссылка: bit . ly/abc .
}

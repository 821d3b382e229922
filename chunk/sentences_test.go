package chunk_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/spinwise/spinwise/chunk"
)

// sentenceCases: each row names a rule and why it matters; a row's text
// is split by Sentences, and every row also runs through Split at a limit
// that forces a cut at each sentence end (see TestSplitAtSentences).
var sentenceCases = []struct {
	name string
	text string
	want []string
	why  string
}{
	{"empty", "", nil, "no text, no sentences"},
	{"white space", " \n\t ", nil, "white space is no sentence"},
	{"one", "  Привет, мир!  ", []string{"Привет, мир!"}, "a sentence is trimmed"},
	{"three marks", "Вы придёте? Да! Ждём.", []string{"Вы придёте?", "Да!", "Ждём."}, "'?', '!' and '.' end sentences"},

	// Missed ends.
	{"year г.", "Салон открылся в 1905 г. Потом переехал.", []string{"Салон открылся в 1905 г.", "Потом переехал."},
		"'г.' after a year before a capital ends the sentence"},
	{"years гг.", "Это было в 1904–1905 гг. Затем был мир.", []string{"Это было в 1904–1905 гг.", "Затем был мир."},
		"'гг.' after a range of years"},
	{"century в.", "Собор построен в XVII в. Его перестроили.", []string{"Собор построен в XVII в.", "Его перестроили."},
		"'в.' after a Roman numeral"},
	{"н. э.", "Город основан в 500 г. до н. э. Потом его разрушили.", []string{"Город основан в 500 г. до н. э.", "Потом его разрушили."},
		"'н. э.' written with a space ends a sentence"},
	{"г. Москва", "Салон в г. Москва ждёт вас.", []string{"Салон в г. Москва ждёт вас."},
		"'г.' not after a number is a city"},
	{"г. before a date", "В 2008 г. 15 мая открылся салон.", []string{"В 2008 г. 15 мая открылся салон."},
		"a number after 'г.' continues the sentence"},
	{"и т. д. with spaces", "Кофе, чай и т. д. Приходите к нам.", []string{"Кофе, чай и т. д.", "Приходите к нам."},
		"'т. д.' written with a space ends like 'т.д.'"},
	{"и т. п. with spaces", "Стрижки, укладки и т. п. Ждём вас.", []string{"Стрижки, укладки и т. п.", "Ждём вас."},
		"'т. п.' too"},
	{"т. е. stays", "Это выгодно, т. е. Вы экономите.", []string{"Это выгодно, т. е. Вы экономите."},
		"'т. е.' precedes the rest of the sentence"},
	{"bracket then period", "Фирма работает давно (с 1920 г.). Далее о ценах.", []string{"Фирма работает давно (с 1920 г.).", "Далее о ценах."},
		"an abbreviation, a closing bracket, then the final period"},
	{"decade", "Это случилось в 1980-е. Затем всё изменилось.", []string{"Это случилось в 1980-е.", "Затем всё изменилось."},
		"one letter after digits is a word's end, not an abbreviation"},
	{"price", "Стоимость 500р. Звоните нам.", []string{"Стоимость 500р.", "Звоните нам."},
		"'500р.' is no abbreviation"},
	{"unit after a number", "Бутылка 200 мл. Хватит на месяц.", []string{"Бутылка 200 мл.", "Хватит на месяц."},
		"a unit after a number before a capital"},
	{"year as a sentence start", "Первый пункт. 1905. Начало революции.", []string{"Первый пункт.", "1905.", "Начало революции."},
		"a four-digit number opening a sentence is no list item"},
	{"Ок.", "Кажется, всё Ок. Своей дорогой пойдём.", []string{"Кажется, всё Ок.", "Своей дорогой пойдём."},
		"'ок.' (около) precedes numbers, so before a capital it is an end"},
	{"title before a number", "Письмо написал митр. 5 июля его отправили.", []string{"Письмо написал митр.", "5 июля его отправили."},
		"a title precedes names, not numbers"},

	{"Roman numeral after a name", "Землёй правил Пётр I. Потом пришёл другой.", []string{"Землёй правил Пётр I.", "Потом пришёл другой."},
		"a Latin I, V or X after a Cyrillic name is a regnal number, not an initial"},
	{"Latin initial", "Речь John F. Kennedy помнят.", []string{"Речь John F. Kennedy помнят."},
		"after a Latin name a capital letter stays an initial"},
	{"speech after a colon", "Он наклонился и произнёс: — Вообще-то она не вредная.",
		[]string{"Он наклонился и произнёс:", "— Вообще-то она не вредная."},
		"speech after a colon and a dash is an utterance of its own"},
	{"hyphen after a colon", "Пишет: - Так вы ещё не прошли?", []string{"Пишет: - Так вы ещё не прошли?"},
		"a hyphen is no dialogue dash"},
	{"lower case after a colon and dash", "Состав: — мука, сахар.", []string{"Состав: — мука, сахар."},
		"a dash before a lower-case word after a colon lists, it does not begin speech"},
	{"unmarked end", "Спасибо за заказ Мы доставим его завтра", []string{"Спасибо за заказ", "Мы доставим его завтра"},
		"a pronoun with a capital after lower-case words begins a sentence the writer did not mark"},
	{"unmarked end, preposition", "Напишу обязательно У меня есть вопрос", []string{"Напишу обязательно", "У меня есть вопрос"},
		"a preposition with a capital too"},
	{"polite Вы", "Мы рады пригласить Вас на праздник", []string{"Мы рады пригласить Вас на праздник"},
		"the polite 'Вы' and 'Вас' are written with a capital inside a sentence"},
	{"title case", "Поздравляем С Новым Годом", []string{"Поздравляем С Новым Годом"},
		"a capital function word before another capital is title case, not a new sentence"},
	{"abbreviation without a period", "Снимок 2015 г На левой фотографии", []string{"Снимок 2015 г На левой фотографии"},
		"after an abbreviation that lost its period a capital is no evidence of an end"},
	{"list marker opens", "3) Страница подписана. 4) Ещё одна.", []string{"3) Страница подписана.", "4) Ещё одна."},
		"'3)' is a list marker, not a smiley: it belongs to the item after it"},
	{"list marker lines", "Условия:\n1) Первый пункт\n2) Второй пункт", []string{"Условия:\n1) Первый пункт", "2) Второй пункт"},
		"a numbered line begins an item; its marker never ends a sentence"},
	{"lettered list", "Выберите: а) Доставка б) Самовывоз", []string{"Выберите: а) Доставка б) Самовывоз"},
		"a letter and ')' mark an item too"},
	{"digit in brackets", "Смотрите пункт (1) Далее условия.", []string{"Смотрите пункт (1) Далее условия."},
		"a ')' that closes a bracket is no smiley, and no list marker either"},

	// False ends.
	{"dialogue", "— Правда? — спросил он. — Да!", []string{"— Правда? — спросил он.", "— Да!"},
		"'?' before a dash and a lower-case word is dialogue, one sentence"},
	{"dialogue with --", "-- Учил? -- спросила Ольга. -- Нет.", []string{"-- Учил? -- спросила Ольга.", "-- Нет."},
		"'--' is a dash too"},
	{"dash then capital", "Он ушёл. — Куда? — Домой.", []string{"Он ушёл.", "— Куда?", "— Домой."},
		"a dash before a capital begins a new sentence"},
	{"emoji at the end", "Отлично! 🎉🎉", []string{"Отлично! 🎉🎉"},
		"emoji that end a text belong to the last sentence"},
	{"emoji between", "Ждём вас! 😊 Приходите.", []string{"Ждём вас! 😊", "Приходите."},
		"emoji after an end belong to the sentence before"},
	{"emoji as the end", "Такие вы классные😍 Мы придём.", []string{"Такие вы классные😍", "Мы придём."},
		"emoji before a capital end a sentence"},
	{"emoji line", "Спасибо!\n👍👍", []string{"Спасибо!\n👍👍"},
		"a line of emoji joins the sentence before: no sentence is only symbols"},
	{"bullet emoji", "Наши услуги: ✅ Стрижка ✅ Укладка", []string{"Наши услуги: ✅ Стрижка ✅ Укладка"},
		"a check mark before a capital is a bullet, not an end"},
	{"bullet after an end", "Готово! ✅ Заказ собран.", []string{"Готово!", "✅ Заказ собран."},
		"a bullet after an end begins the next sentence"},
	{"smiley", "Спасибо))) Ждём вас.", []string{"Спасибо)))", "Ждём вас."},
		"')))' closes no bracket: a smiley ends the sentence before a capital"},
	{"smiley after an end", "Спасибо! ))) Ждём вас.", []string{"Спасибо! )))", "Ждём вас."},
		"a smiley after an end belongs to it"},
	{"sad smiley", "Жаль (( Приходите ещё.", []string{"Жаль ((", "Приходите ещё."},
		"'((' is no bracket"},
	{"bracket is no smiley", "Мы (салон «Весна») Вас ждём.", []string{"Мы (салон «Весна») Вас ждём."},
		"a ')' that closes a bracket is not a smiley"},
	{"bracket after an end", "Жить не на что. ( Не на пенсию же). Думайте.", []string{"Жить не на что.", "( Не на пенсию же).", "Думайте."},
		"a lone '(' that a ')' closes ahead opens the next sentence, it is no sad smiley"},
	{"lone sad smiley", "Жаль. ( Приходите ещё.", []string{"Жаль. (", "Приходите ещё."},
		"a lone '(' that nothing closes is a sad smiley: it belongs to the sentence before"},
	{"sad smiley before a bracket", "Жаль. ( Приходите (в пятницу).", []string{"Жаль. (", "Приходите (в пятницу)."},
		"the ')' ahead closes a later '(', not the lone one"},
	{"colon smiley", "Ждём :) Приходите.", []string{"Ждём :)", "Приходите."},
		"':)' ends the sentence before a capital"},
	{"род.", "Барри Гордон (род. 21 декабря 1948 г.) — актёр.", []string{"Барри Гордон (род. 21 декабря 1948 г.) — актёр."},
		"'род.' is an abbreviation"},
	{"ум.", "Поэт (ум. 1837) жил здесь.", []string{"Поэт (ум. 1837) жил здесь."}, "'ум.'"},
	{"оз.", "Отдых на оз. Байкал летом.", []string{"Отдых на оз. Байкал летом."}, "'оз.' precedes a name"},
	{"Дж.", "Роман Дж. Лондона вышел.", []string{"Роман Дж. Лондона вышел."}, "'Дж.' is an initial of two letters"},
	{"чел.", "Плотность 13 чел. / км². Это мало.", []string{"Плотность 13 чел. / км².", "Это мало."},
		"'/' cannot begin a sentence"},
	{"! inside quotes", "Он крикнул «Стой!» и убежал.", []string{"Он крикнул «Стой!» и убежал."},
		"'!' inside quotes before a lower-case word"},
	{"? inside quotes, comma", "«Кто там?», — спросил он.", []string{"«Кто там?», — спросил он."},
		"a comma after the closing quote continues the sentence"},
	{"! inside an open quotation", "Он подумал: \"Вот это да! Землетрясение!\" А потом ушёл.",
		[]string{"Он подумал: \"Вот это да! Землетрясение!\"", "А потом ушёл."},
		"'!' inside a quotation that closes soon does not end the sentence"},
	{"ellipsis before a title year", "Альбом «Как это делалось...» (1992) вышел.", []string{"Альбом «Как это делалось...» (1992) вышел."},
		"an ellipsis before a bracketed year continues"},
	{"ellipsis lower", "Ну… ладно, приходите.", []string{"Ну… ладно, приходите."}, "an ellipsis before a lower-case word is a pause"},
	{"ellipsis upper", "Подумайте... Мы ждём.", []string{"Подумайте...", "Мы ждём."}, "an ellipsis before a capital ends"},
	{"inline list", "Подведём итоги. 1. Продажи выросли. 2. По плану всё.", []string{"Подведём итоги.", "1. Продажи выросли.", "2. По плану всё."},
		"a small number after an end is a list item: no end after it"},
	{"list on lines", "Итак:\n1. Первый пункт\n2. Второй пункт", []string{"Итак:\n1. Первый пункт", "2. Второй пункт"},
		"a line after a colon goes on; a list item line begins a sentence"},
	{"hash tags", "Ждём вас! #салон #красота Запись открыта.", []string{"Ждём вас! #салон #красота", "Запись открыта."},
		"hash tags after an end belong to the sentence before"},
	{"hash tags then a capital", "Отдых у моря #отдых #отель Добрый вечер, сколько стоит?",
		[]string{"Отдых у моря #отдых #отель", "Добрый вечер, сколько стоит?"},
		"a run of hash tags closes a post: a capital after two tags begins the next sentence"},
	{"one hash tag then a capital", "Скидки в #салон Весна до пятницы.", []string{"Скидки в #салон Весна до пятницы."},
		"one tag inside words is part of the sentence"},
	{"link then a capital", "Подпишите петицию https://example.org/42/ Против повышения тоже.",
		[]string{"Подпишите петицию https://example.org/42/", "Против повышения тоже."},
		"a link after words closes their sentence before a capital"},
	{"list of links", "Ссылки https://a.example/1 https://b.example/2 Давайте подпишем.",
		[]string{"Ссылки https://a.example/1 https://b.example/2 Давайте подпишем."},
		"a link after a link is one of a list: the capital after it does not begin a sentence"},
	{"mention after emoji", "Спасибо 😊 @anna ждём вас.", []string{"Спасибо 😊", "@anna ждём вас."},
		"a mention after emoji begins a sentence"},
	{"lower-case start", "Спасибо. жду ответа.", []string{"Спасибо.", "жду ответа."},
		"a period after a full word ends a sentence even before a lower-case letter"},
	{"short word before lower case", "Ставки растут вверх. я готов платить.", []string{"Ставки растут вверх.", "я готов платить."},
		"a period after a word of five letters or more that is no known abbreviation ends a sentence"},
	{"long abbreviation lower", "Слово из франц. языка.", []string{"Слово из франц. языка."},
		"a known abbreviation of five letters before a lower-case word does not end"},
	{"abbreviation lower", "Цена 100 руб. в месяц, напр. сегодня.", []string{"Цена 100 руб. в месяц, напр. сегодня."},
		"abbreviations before lower-case words do not end"},

	// Lines and atomic spans.
	{"line break", "Здравствуйте, Анна\nВаш заказ готов", []string{"Здравствуйте, Анна", "Ваш заказ готов"},
		"a line break ends a sentence"},
	{"line after a comma", "Здравствуйте,\nАнна! Ждём.", []string{"Здравствуйте,\nАнна!", "Ждём."},
		"a line that ends with a comma goes on"},
	{"line before lower case", "Мы работаем\nкаждый день.", []string{"Мы работаем\nкаждый день."},
		"a line before a lower-case word goes on"},
	{"placeholder", "Привет, {{ Имя. Фамилия }}! Ждём.", []string{"Привет, {{ Имя. Фамилия }}!", "Ждём."},
		"a period inside a placeholder is not an end"},
	{"phone", "Тел. +7 (999) 123-45-67. Ждём.", []string{"Тел. +7 (999) 123-45-67.", "Ждём."},
		"'Тел.' precedes the number"},
	{"initials", "Мастер А. С. Пушкина ждёт.", []string{"Мастер А. С. Пушкина ждёт."}, "initials"},
	{"only symbols", "!!! ???", []string{"!!! ???"}, "a text with no letters is one sentence"},
}

func TestSentences(t *testing.T) {
	for _, tc := range sentenceCases {
		t.Run(tc.name, func(t *testing.T) {
			got := chunk.Sentences(tc.text)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Sentences(%q) mismatch (-want +got):\n%s\nwhy: %s", tc.text, diff, tc.why)
			}
			checkSentences(t, tc.text, got)
		})
	}
}

package chunk_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/spinwise/spinwise/chunk"
	"github.com/spinwise/spinwise/linkcheck"
)

type splitCase struct {
	name   string
	text   string
	max    int
	unit   chunk.Unit
	want   []string
	err    string // kind of *SpanError wanted, if any
	reason string
}

// The cases: each names what could go wrong.
var splitCases = []splitCase{
	{name: "fits", text: "  Привет, мир!\n", want: []string{"Привет, мир!"},
		reason: "text that fits is one trimmed chunk"},
	{name: "empty", text: "", want: nil, reason: "no text, no chunks"},
	{name: "white space only", text: " \n\t\u00a0 ", want: nil, reason: "white space is not a chunk"},
	{name: "exactly Max", text: "абв где", max: 7, want: []string{"абв где"},
		reason: "a chunk of exactly Max fits"},

	// Boundary preference.
	{name: "paragraph over sentence", max: 30,
		text:   "Первый абзац. Ещё фраза.\n\nВторой абзац тут.",
		want:   []string{"Первый абзац. Ещё фраза.", "Второй абзац тут."},
		reason: "a blank line beats the sentence end inside the window"},
	{name: "paragraph early beats sentence later", max: 40,
		text:   "Привет!\n\nМы открылись. Ждём вас в любое время, до встречи",
		want:   []string{"Привет!", "Мы открылись.", "Ждём вас в любое время, до встречи"},
		reason: "the strongest boundary wins even when it leaves a short chunk"},
	{name: "emoji stay with their sentence", max: 25,
		text:   "Ждём вас завтра! 😊 Приходите с друзьями обязательно",
		want:   []string{"Ждём вас завтра! 😊", "Приходите с друзьями", "обязательно"},
		reason: "the sentence ends after the emoji that follow its '!', not before them"},
	{name: "several emoji after a sentence", max: 25,
		text:   "Скидка 20% на всё! 🔥 🔥 Только до пятницы, успейте",
		want:   []string{"Скидка 20% на всё! 🔥 🔥", "Только до пятницы,", "успейте"},
		reason: "each emoji word moves the sentence end past it"},
	{name: "emoji that end the text", max: 25,
		text:   "Отлично! Ждём вас снова! 🎉🎉",
		want:   []string{"Отлично!", "Ждём вас снова! 🎉🎉"},
		reason: "emoji at the end belong to the last sentence: no chunk of emoji alone"},
	{name: "smiley after a sentence", max: 22,
		text:   "Спасибо! ))) Приходите к нам ещё раз",
		want:   []string{"Спасибо! )))", "Приходите к нам ещё", "раз"},
		reason: "')))' after '!' belongs to that sentence"},
	{name: "year abbreviation ends a sentence", max: 30,
		text:   "Салон открыт с 1905 г. Приходите к нам, ждём вас",
		want:   []string{"Салон открыт с 1905 г.", "Приходите к нам, ждём вас"},
		reason: "'г.' after a year before a capital is a sentence end"},
	{name: "emoji before a line break", max: 20,
		text:   "Ждём вас! 👍🏽\nАдрес: ул. Ленина, д. 5",
		want:   []string{"Ждём вас! 👍🏽", "Адрес: ул. Ленина,", "д. 5"},
		reason: "no chunk starts with the emoji of the sentence before"},
	{name: "line over sentence", max: 30,
		text:   "Первая строка. Ещё.\nВторая строка тут.",
		want:   []string{"Первая строка. Ещё.", "Вторая строка тут."},
		reason: "a line break beats a sentence end"},
	{name: "sentence over clause", max: 25,
		text:   "Раз, два. Три, четыре, пять, шесть",
		want:   []string{"Раз, два.", "Три, четыре, пять, шесть"},
		reason: "an early sentence end beats a later comma"},
	{name: "clause over word", max: 20,
		text:   "Мы рады, что вы снова с нами",
		want:   []string{"Мы рады,", "что вы снова с нами"},
		reason: "a comma beats a plain space"},
	{name: "short clause counts as a word", max: 30, text: "Да, мы работаем без выходных и праздников круглый год",
		want:   []string{"Да, мы работаем без выходных", "и праздников круглый год"},
		reason: "'Да,' is under a quarter of Max, so its comma is no better than a space"},
	{name: "semicolon", max: 20, text: "Итак; мы начинаем новый сезон",
		want: []string{"Итак;", "мы начинаем новый", "сезон"}, reason: "';' ends a clause"},
	{name: "colon", max: 25, text: "Новый график: с 9:00 до 21:00 ежедневно",
		want: []string{"Новый график:", "с 9:00 до 21:00 ежедневно"}, reason: "': ' ends a clause, '9:00' does not"},
	{name: "dash", max: 20, text: "Мастер — опытный специалист",
		want: []string{"Мастер —", "опытный специалист"}, reason: "a dash between spaces ends a clause"},
	{name: "word", max: 12, text: "один два три четыре пять",
		want: []string{"один два три", "четыре пять"}, reason: "no punctuation: the last space that fits"},
	{name: "hanging preposition", max: 20, text: "Запись на сайте или по телефону сегодня",
		want: []string{"Запись на сайте", "или по телефону", "сегодня"}, reason: "no chunk ends on 'или' or 'по' when another space fits"},
	{name: "hanging preposition when nothing else fits", max: 8, text: "по телефону",
		want: []string{"по", "телефону"}, reason: "a chunk ends on 'по' when it is the only boundary"},
	{name: "hanging preposition that cannot travel", max: 10, text: "Мы в 🇷🇺🇷🇺🇷🇺🇷🇺🇷🇺",
		want: []string{"Мы в", "🇷🇺🇷🇺🇷🇺🇷🇺🇷🇺"}, reason: "'в' and the flags do not fit together, so 'в' stays behind rather than standing alone"},
	{name: "long word", max: 10, text: "Превысокомногорассмотрительствующий",
		want:   []string{"Превысоком", "ногорассмо", "трительств", "ующий"},
		reason: "a word longer than Max is cut between grapheme clusters"},

	// Sentence ends.
	{name: "ellipsis char ends", max: 22, text: "Подумайте… Мы ждём вас, друзья",
		want: []string{"Подумайте…", "Мы ждём вас, друзья"}, reason: "'…' ends a sentence (UAX #29 misses it)"},
	{name: "three dots", max: 22, text: "Подумайте... Мы ждём вас, друзья",
		want: []string{"Подумайте...", "Мы ждём вас, друзья"}, reason: "'...' ends a sentence"},
	{name: "ellipsis before lower case", max: 22, text: "Ну… ладно, приходите завтра",
		want: []string{"Ну… ладно,", "приходите завтра"}, reason: "'…' before a lower-case word is a pause, not an end"},
	{name: "?!", max: 22, text: "Вы ещё не с нами?! Пора бы, друзья",
		want: []string{"Вы ещё не с нами?!", "Пора бы, друзья"}, reason: "'?!' ends a sentence"},
	{name: "closing quote", max: 30, text: "Он сказал: «Приходите!» Мы придём, конечно",
		want: []string{"Он сказал: «Приходите!»", "Мы придём, конечно"}, reason: "the quote closes with the sentence"},
	{name: "closing bracket", max: 22, text: "(Это важно.) Приходите, ждём вас",
		want: []string{"(Это важно.)", "Приходите, ждём вас"}, reason: "the bracket closes with the sentence"},
	{name: "period before quote", max: 30, text: "Салон «Весна». Приходите, ждём вас",
		want: []string{"Салон «Весна».", "Приходите, ждём вас"}, reason: "a period after a closing quote ends a sentence"},

	// Not sentence ends: each would be the only sentence end in the window.
	{name: "г.", max: 20, text: "Салон в г. Москва, рядом с парком",
		want: []string{"Салон в г. Москва,", "рядом с парком"}, reason: "г. precedes a capitalised name"},
	{name: "ул.", max: 22, text: "Салон на ул. Ленина, рядом с парком",
		want: []string{"Салон на ул. Ленина,", "рядом с парком"}, reason: "ул."},
	{name: "д.", max: 20, text: "Вход в д. 5, второй этаж слева",
		want: []string{"Вход в д. 5,", "второй этаж слева"}, reason: "д. precedes a number"},
	{name: "кв.", max: 13, text: "Дом 3 кв. 15, звоните",
		want: []string{"Дом 3 кв. 15,", "звоните"}, reason: "кв."},
	{name: "доб.", max: 22, text: "Наберите доб. 123, спросите Анну",
		want: []string{"Наберите доб. 123,", "спросите Анну"}, reason: "an extension number follows доб."},
	{name: "дек.", max: 22, text: "Акция до 5 дек. 2026, успейте купить",
		want: []string{"Акция до 5 дек. 2026,", "успейте купить"}, reason: "a month before a year"},
	{name: "им.", max: 25, text: "Парк им. Горького, вход с набережной",
		want: []string{"Парк им. Горького,", "вход с набережной"}, reason: "им. precedes a name"},
	{name: "т.е.", max: 30, text: "Это выгодно т.е. Вы экономите, а мы рады",
		want: []string{"Это выгодно т.е. Вы экономите,", "а мы рады"}, reason: "т.е. before a capital 'Вы' is still an abbreviation"},
	{name: "т. е.", max: 31, text: "Это выгодно т. е. Вы экономите, а мы рады",
		want: []string{"Это выгодно т. е. Вы экономите,", "а мы рады"}, reason: "т. е. with a space: two one-letter abbreviations"},
	{name: "т.к.", max: 35, text: "Звоните заранее т.к. Мастер занят, спасибо",
		want: []string{"Звоните заранее т.к. Мастер занят,", "спасибо"}, reason: "т.к. before a capital"},
	{name: "и т.д. mid-sentence", max: 20, text: "Чай кофе и т.д. всё свежее",
		want: []string{"Чай кофе и т.д. всё", "свежее"}, reason: "т.д. before a lower-case word"},
	{name: "и т.д. at the end", max: 30, text: "Кофе и чай и т.д. Приходите к нам завтра",
		want: []string{"Кофе и чай и т.д.", "Приходите к нам завтра"}, reason: "т.д. before a capital ends a sentence"},
	{name: "руб.", max: 25, text: "Цена 500 руб. в месяц, без скрытых платежей",
		want: []string{"Цена 500 руб. в месяц,", "без скрытых платежей"}, reason: "руб. before a lower-case word"},
	{name: "руб. at the end", max: 30, text: "Цена 500 руб. Оплата онлайн, быстро",
		want: []string{"Цена 500 руб.", "Оплата онлайн, быстро"}, reason: "руб. before a capital ends a sentence"},
	{name: "тыс.", max: 25, text: "Скидка 5 тыс. рублей, только сегодня",
		want: []string{"Скидка 5 тыс. рублей,", "только сегодня"}, reason: "тыс. before a lower-case word"},
	{name: "др.", max: 30, text: "Массаж, маникюр и др. услуги, ждём вас",
		want: []string{"Массаж, маникюр и др. услуги,", "ждём вас"}, reason: "др. before a lower-case word"},
	{name: "initials", max: 25, text: "Мастер — А. С. Пушкина, стаж 12 лет",
		want: []string{"Мастер — А. С. Пушкина,", "стаж 12 лет"}, reason: "А. and С. are initials"},
	{name: "initials after surname", max: 25, text: "Ваш врач Иванов И.И. Он ждёт вас завтра",
		want: []string{"Ваш врач Иванов И.И. Он", "ждёт вас завтра"}, reason: "И.И. are initials even before a capital"},
	{name: "decimal number", max: 25, text: "Технология 3.5D, новинка сезона",
		want: []string{"Технология 3.5D,", "новинка сезона"}, reason: "no break inside 3.5"},
	{name: "date", max: 25, text: "Скидка до 01.02.2025 включительно",
		want: []string{"Скидка до 01.02.2025", "включительно"}, reason: "no break inside a date"},
	{name: "date ends a sentence", max: 25, text: "Скидка до 01.02.2025. Успейте, друзья",
		want: []string{"Скидка до 01.02.2025.", "Успейте, друзья"}, reason: "a number is no abbreviation"},
	{name: "numbered list", max: 20, text: "1. Первый пункт, очень важный",
		want: []string{"1. Первый пункт,", "очень важный"}, reason: "'1.' at the start of a line is a list item"},
	{name: "numbered list on a new line", max: 30, text: "Итак:\n2. Второй пункт, тоже важный",
		want: []string{"Итак:", "2. Второй пункт, тоже важный"}, reason: "the line break is the cut; '2.' stays with its item"},
	{name: "sentence ends with pronoun я", max: 10, text: "Это я. Жду вас",
		want: []string{"Это я.", "Жду вас"}, reason: "'я.' is not a one-letter abbreviation"},

	// Atomic spans.
	{name: "link", max: 45, text: "Запись на сайте https://salon.example.ru/zapis?utm_source=wa сегодня",
		want:   []string{"Запись на сайте", "https://salon.example.ru/zapis?utm_source=wa", "сегодня"},
		reason: "the link is longer than what is left, so it moves whole to the next chunk"},
	{name: "link too long", max: 20, text: "Сайт https://salon.example.ru/zapis тут", err: "link",
		reason: "an atomic span longer than Max is an error, not a cut"},
	{name: "phone +7 (999)", max: 20, text: "Звоните +7 (999) 123-45-67 сегодня",
		want: []string{"Звоните", "+7 (999) 123-45-67", "сегодня"}, reason: "spaces inside a phone are not boundaries"},
	{name: "phone 8 800", max: 20, text: "Звоните 8 800 555-35-35 бесплатно",
		want: []string{"Звоните", "8 800 555-35-35", "бесплатно"}, reason: "8 800 ..."},
	{name: "phone +7 911", max: 20, text: "Звоните +7 911 552-48-49 днём",
		want: []string{"Звоните", "+7 911 552-48-49", "днём"}, reason: "+7 911 ..."},
	{name: "phone then a one-digit number", max: 19, text: "Звоните +7 (999) 123-45-67 7 дней в неделю",
		want:   []string{"Звоните", "+7 (999) 123-45-67", "7 дней в неделю"},
		reason: "the run of groups stops being a phone at \" 7\"; the phone before it stays whole"},
	{name: "two phones in a row", max: 20, text: "Тел. +7 (999) 123-45-67 555-35-35",
		want:   []string{"Тел.", "+7 (999) 123-45-67", "555-35-35"},
		reason: "16 digits are no phone; the first ends at the space, and the second is found after it"},
	{name: "amount is no phone", max: 12, text: "Сумма 177 199 ₽ к оплате",
		want:   []string{"Сумма", "177 199 ₽", "к оплате"},
		reason: "six digits with spaces are an amount, not a phone; its groups and its sign stay together"},
	{name: "amount with kopecks", max: 20, text: "Сумма к оплате 1 234,50 ₽ до пятницы",
		want:   []string{"Сумма к оплате", "1 234,50 ₽", "до пятницы"},
		reason: "a CRM field written with ordinary spaces: \"1\" must not end a chunk"},
	{name: "amount longer than Max is cut", max: 10, text: "Итого 12 345 678 ₽",
		want:   []string{"Итого 12", "345 678 ₽"},
		reason: "an amount that cannot fit is cut as text, not an error"},
	{name: "a year is no amount", max: 14, text: "В 2025 году 10 000 клиентов",
		want:   []string{"В 2025 году", "10 000", "клиентов"},
		reason: "a group of 4 digits starts no amount; \"10 000\" is one"},
	{name: "counting is no phone", max: 12, text: "Шаги 1 2 3 4 5 6 7 8 9 10 готово",
		want: []string{"Шаги 1 2 3 4", "5 6 7 8 9 10", "готово"}, reason: "one-digit groups after the first are no phone"},
	{name: "phone 8-800 in a long word", max: 16, text: "Тел:8-800-555-35-35",
		want: []string{"Тел:", "8-800-555-35-35"}, reason: "a cut inside a word still keeps the phone whole"},
	{name: "e-mail", max: 24, text: "Пишите на info@salon-example.ru сегодня",
		want: []string{"Пишите", "на info@salon-example.ru", "сегодня"}, reason: "an e-mail moves whole"},
	{name: "e-mail too long", max: 15, text: "Пишите на info@salon-example.ru", err: "e-mail",
		reason: "cutting the address would break it"},
	{name: "placeholder", max: 20, text: "Здравствуйте {{ Имя клиента }} рады",
		want: []string{"Здравствуйте", "{{ Имя клиента }}", "рады"}, reason: "spaces inside {{ }} are not boundaries"},
	{name: "bitrix placeholder", max: 30, text: "Клиент {=Document:NAME > printable} ждёт",
		want: []string{"Клиент", "{=Document:NAME > printable}", "ждёт"}, reason: "spaces inside {= } are not boundaries"},
	{name: "bold pair", max: 16, text: "Акция *только сегодня* для вас",
		want: []string{"Акция", "*только сегодня*", "для вас"}, reason: "a pair that fits is kept whole"},
	{name: "italic pair", max: 16, text: "Акция _только сегодня_ для вас",
		want: []string{"Акция", "_только сегодня_", "для вас"}, reason: "_курсив_"},
	{name: "strike pair", max: 14, text: "Цена ~старая цена~ новая",
		want: []string{"Цена", "~старая цена~", "новая"}, reason: "~зачёркнутый~"},
	{name: "mono pair", max: 16, text: "Код ```SALE 2025``` действует",
		want: []string{"Код", "```SALE 2025```", "действует"}, reason: "```моно```"},
	{name: "long bold re-opened", max: 12, text: "*очень длинный текст*",
		want: []string{"*очень*", "*длинный*", "*текст*"}, reason: "a pair longer than Max is closed and re-opened at each cut"},
	{name: "nested pairs re-opened", max: 16, text: "*жирный _курсив текст_ конец*",
		want:   []string{"*жирный*", "*_курсив текст_*", "*конец*"},
		reason: "the inner pair fits and stays whole; the outer one is re-opened around it"},
	{name: "long mono re-opened", max: 14, text: "```код один два три```",
		want: []string{"```код один```", "```два три```"}, reason: "``` is re-opened like the one-character markers"},
	{name: "long pair with a link", max: 40, text: "*Запись: https://salon.example.ru/zapis/abc и ещё текст*",
		want:   []string{"*Запись:*", "*https://salon.example.ru/zapis/abc*", "*и ещё текст*"},
		reason: "the link inside a re-opened pair stays whole; the markers count towards Max"},
	{name: "markers leave no room", max: 6, text: "```0```", err: "markup",
		reason: "re-opened ``` markers alone fill Max: the pair cannot be split"},
	{name: "underscore in a link is no markup", max: 20, text: "См. https://x.ru/_a и _тут_",
		want: []string{"См. https://x.ru/_a", "и _тут_"}, reason: "the '_' in the link would pair with the last '_' into a span over Max"},
	{name: "lone star", max: 12, text: "Оценка 5* из 5 звёзд",
		want: []string{"Оценка 5*", "из 5 звёзд"}, reason: "an unpaired marker is plain text"},

	// Merging, white space.
	{name: "tiny last alone when it does not fit", max: 60,
		text:   "Мы рады видеть вас в нашем салоне. Приходите снова.\n\nСпасибо!",
		want:   []string{"Мы рады видеть вас в нашем салоне. Приходите снова.", "Спасибо!"},
		reason: "61 runes together: 'Спасибо!' cannot be merged"},
	{name: "tiny last merged after a split", max: 40,
		text:   "Мы рады видеть вас. Приходите в наш салон снова.\n\nСпасибо!",
		want:   []string{"Мы рады видеть вас.", "Приходите в наш салон снова.\n\nСпасибо!"},
		reason: "the last piece joins the chunk before it when both fit"},
	{name: "no-break space", max: 7, text: "Цена 5\u00a0000 рублей",
		want: []string{"Цена", "5\u00a0000", "рублей"}, reason: "a no-break space is not a boundary"},
	{name: "CRLF", max: 20, text: "Первая строка\r\nВторая строка",
		want: []string{"Первая строка", "Вторая строка"}, reason: "CR LF is one line break"},
	{name: "padding trimmed", max: 12, text: "\t один  два \n\n три  четыре \n",
		want: []string{"один  два", "три  четыре"}, reason: "no chunk starts or ends with white space"},

	// Units.
	{name: "emoji runes", max: 7, text: "😀😀😀 😀😀😀 😀😀😀",
		want: []string{"😀😀😀 😀😀😀", "😀😀😀"}, reason: "an emoji is one rune"},
	{name: "emoji UTF-16", max: 7, unit: chunk.UTF16, text: "😀😀😀 😀😀😀 😀😀😀",
		want: []string{"😀😀😀", "😀😀😀", "😀😀😀"}, reason: "an emoji is two UTF-16 units"},
	{name: "emoji graphemes", max: 7, unit: chunk.Graphemes, text: "😀😀😀 😀😀😀 😀😀😀",
		want: []string{"😀😀😀 😀😀😀", "😀😀😀"}, reason: "an emoji is one grapheme"},
	{name: "flag runes", max: 5, text: "🇷🇺🇷🇺🇷🇺",
		want: []string{"🇷🇺🇷🇺", "🇷🇺"}, reason: "a flag is two runes and is never cut"},
	{name: "flag UTF-16", max: 5, unit: chunk.UTF16, text: "🇷🇺🇷🇺🇷🇺",
		want: []string{"🇷🇺", "🇷🇺", "🇷🇺"}, reason: "a flag is four UTF-16 units"},
	{name: "flag graphemes", max: 2, unit: chunk.Graphemes, text: "🇷🇺🇷🇺🇷🇺",
		want: []string{"🇷🇺🇷🇺", "🇷🇺"}, reason: "a flag is one grapheme"},
	{name: "flag over Max", max: 1, text: "🇷🇺", err: "grapheme cluster",
		reason: "a cluster longer than Max cannot be cut"},
	{name: "combining breve runes", max: 3, text: "и\u0306и\u0306и\u0306",
		want: []string{"и\u0306", "и\u0306", "и\u0306"}, reason: "й as и + U+0306 is two runes, one cluster"},
	{name: "combining breve graphemes", max: 2, unit: chunk.Graphemes, text: "и\u0306и\u0306и\u0306",
		want: []string{"и\u0306и\u0306", "и\u0306"}, reason: "й as и + U+0306 is one grapheme"},
	{name: "ZWJ family", max: 8, unit: chunk.UTF16, text: "👨\u200d👩\u200d👧 👍",
		want: []string{"👨\u200d👩\u200d👧", "👍"}, reason: "a ZWJ sequence is one cluster of eight UTF-16 units"},
	{name: "invalid UTF-8", max: 4, text: "\xff\xfeab cd\xff",
		want: []string{"\xff\xfeab", "cd\xff"}, reason: "invalid bytes pass through, one unit each"},
}

// TestSplit runs every row in its unit and, when the row's text has the
// same length in runes, UTF-16 units and graphemes (no emoji, no
// combining marks), in all three units: the result must not change.
func TestSplit(t *testing.T) {
	for _, tc := range splitCases {
		units := []chunk.Unit{tc.unit}
		if tc.unit == chunk.Runes && length(tc.text, chunk.UTF16) == length(tc.text, chunk.Runes) &&
			length(tc.text, chunk.Graphemes) == length(tc.text, chunk.Runes) {
			units = []chunk.Unit{chunk.Runes, chunk.UTF16, chunk.Graphemes}
		}
		for _, u := range units {
			t.Run(tc.name+"/"+u.String(), func(t *testing.T) {
				testSplitRow(t, tc, u)
			})
		}
	}
}

func testSplitRow(t *testing.T, tc splitCase, unit chunk.Unit) {
	opts := &chunk.Options{Max: tc.max, Unit: unit}
	// Every row also runs wrapped in white space: the result is the same.
	for _, text := range []string{tc.text, " \n" + tc.text + "\n\t "} {
		got, err := chunk.Split(text, opts)
		checkSplit(t, text, opts, got, err)
		if tc.err != "" {
			var se *chunk.SpanError
			if !errors.As(err, &se) || se.Kind != tc.err {
				t.Fatalf("Split(%q) = %q, %v; want a *SpanError of kind %s (%s)", text, got, err, tc.err, tc.reason)
			}
			continue
		}
		if err != nil {
			t.Fatalf("Split(%q): %v (%s)", text, err, tc.reason)
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("Split(%q, Max %d %s) mismatch (-want +got):\n%s\nreason: %s", text, tc.max, unit, diff, tc.reason)
		}
	}
}

// TestSplitLinksUsesGivenSpans: SplitLinks keeps the spans it is given
// whole and does not look for others. A link longer than the limit is an
// error when it is known; when the caller says there are no links, the
// same text is cut like any long word.
func TestSplitLinksUsesGivenSpans(t *testing.T) {
	text := "Ссылка: https://shop.example.ru/track/12345 конец"
	opts := &chunk.Options{Max: 20}
	links := linkcheck.New(nil).Check(text)
	if len(links) != 1 {
		t.Fatalf("the checker finds %d links in %q, want 1", len(links), text)
	}
	var se *chunk.SpanError
	if _, err := chunk.SplitLinks(text, links, opts); !errors.As(err, &se) {
		t.Fatalf("SplitLinks with the link: error %v, want a *SpanError", err)
	}
	if _, err := chunk.Split(text, opts); !errors.As(err, &se) {
		t.Fatalf("Split: error %v, want a *SpanError", err)
	}
	chunks, err := chunk.SplitLinks(text, nil, opts)
	if err != nil {
		t.Fatalf("SplitLinks with no links: %v", err)
	}
	if strings.Join(chunks, "") != strings.ReplaceAll(text, " ", "") || len(chunks) < 3 {
		t.Fatalf("SplitLinks with no links gives %q: want the URL cut like a long word", chunks)
	}
	// Spans outside the text are ignored, not trusted.
	bad := []linkcheck.Link{{Start: 5, End: 500}, {Start: -1, End: 3}}
	if _, err := chunk.SplitLinks(text, bad, opts); err != nil {
		t.Fatalf("SplitLinks with spans outside the text: %v", err)
	}
}

func TestSplitOptions(t *testing.T) {
	for _, tc := range []struct {
		name string
		opts *chunk.Options
		want string // substring of the error; "" for none
	}{
		{"nil", nil, ""},
		{"zero", &chunk.Options{}, ""},
		{"negative Max", &chunk.Options{Max: -1}, "Options.Max is -1"},
		{"unknown Unit", &chunk.Options{Unit: 7}, "Options.Unit is 7"},
		{"negative Unit", &chunk.Options{Unit: -1}, "Options.Unit is -1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := chunk.Split("Привет", tc.opts)
			if tc.want == "" {
				if err != nil || len(got) != 1 {
					t.Fatalf("Split = %q, %v; want one chunk", got, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Split error = %v; want one containing %q", err, tc.want)
			}
			var se *chunk.SpanError
			if errors.As(err, &se) {
				t.Fatalf("bad options gave a *SpanError: %v", err)
			}
		})
	}
}

// TestDefaultMax checks the default limit of 300 runes on both sides.
func TestDefaultMax(t *testing.T) {
	word := "слово "
	fits := strings.Repeat(word, 50)[:len(strings.Repeat(word, 50))-1] // 299 runes
	if got, err := chunk.Split(fits+"ы", nil); err != nil || len(got) != 1 {
		t.Fatalf("300 runes: got %d chunks, %v; want 1", len(got), err)
	}
	if got, err := chunk.Split(fits+"ыы", nil); err != nil || len(got) != 2 {
		t.Fatalf("301 runes: got %d chunks, %v; want 2", len(got), err)
	}
}

func TestSpanErrorMessage(t *testing.T) {
	text := "Привет!\nСайт https://salon.example.ru/zapis/very/long тут"
	_, err := chunk.Split(text, &chunk.Options{Max: 20})
	var se *chunk.SpanError
	if !errors.As(err, &se) {
		t.Fatalf("want *SpanError, got %v", err)
	}
	if se.Offset != strings.Index(text, "https") || se.Line != 2 || se.Col != 6 || se.Len != 40 || se.Max != 20 {
		t.Fatalf("SpanError = %+v", se)
	}
	want := `chunk:2:6: link "https://salon.example.ru/zapis/very/long" is 40 runes, longer than the limit of 20 runes; raise Options.Max or shorten the link in the text`
	if err.Error() != want {
		t.Fatalf("Error() =\n%s\nwant\n%s", err, want)
	}
}

package linkcheck_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/spinwise/spinwise/linkcheck"
)

// want is the expected part of one Link. Reason is a fragment the reason
// must contain; an OK link must have an empty reason.
type want struct {
	Text    string
	Host    string
	Verdict linkcheck.Verdict
	Reason  string
}

type checkCase struct {
	name string
	in   string
	opts *linkcheck.Options
	want []want
	why  string // what makes the row tricky, when it is
}

const (
	rShort   = "сокращена сервисом"
	rBlocked = "в списке запрещённых"
	rDisg    = "замаскирован"
	rHxxp    = "hxxp"
	rZW      = "невидимые символы"
	rIP      = "IP-адрес"
	rMixed   = "смешаны похожие русские и латинские буквы"
	rLook    = "только похожи на латинские буквы"
	rCompat  = "необычными символами"
	rScript  = "запускает код"
	rCarried = "перенаправляет"
	rEscaped = "закодирован"
	rInvalid = "с ошибкой"
)

var checkCases = []checkCase{
	// Finding links.
	{name: "no link", in: "Здравствуйте, Анна! Ждём вас завтра.", want: nil},
	{name: "https", in: "Запись: https://salon.example.ru/zapis?utm_source=whatsapp", want: []want{{Text: "https://salon.example.ru/zapis?utm_source=whatsapp", Host: "salon.example.ru"}}},
	{name: "bare domain", in: "Наш сайт salon.ru", want: []want{{Text: "salon.ru", Host: "salon.ru"}}},
	{name: "cyrillic domain", in: "Заходите на сайт.рф!", want: []want{{Text: "сайт.рф", Host: "xn--80aswg.xn--p1ai"}}, why: "no scheme, Cyrillic TLD, '!' trimmed"},
	{name: "cyrillic domain upper case", in: "САЙТ.РФ/Акции", want: []want{{Text: "САЙТ.РФ/Акции", Host: "xn--80aswg.xn--p1ai"}}},
	{name: "cyrillic domain glued to a word", in: "сайт.рфмагазин", want: nil, why: "a TLD ends on a label boundary: рфмагазин is no TLD"},
	{name: "cyrillic domain then a sentence without space", in: "сайт.рф.Ждём вас", want: []want{{Text: "сайт.рф", Host: "xn--80aswg.xn--p1ai"}}, why: "the longest run of labels ending in a TLD"},
	{name: "city abbreviation", in: "г.Москва", want: nil, why: "москва is a real TLD, but г. is an abbreviation"},
	{name: "sentence glued to a dot", in: "Спасибо.Сайт работает, Приходите.Онлайн-запись", want: nil, why: "сайт and онлайн are TLDs, but a capitalized Cyrillic TLD starts a sentence"},
	{name: "space before a full stop", in: "Спасибо . Сайт работает, https://salon.ru . Ждём", want: []want{{Text: "https://salon.ru", Host: "salon.ru"}}, why: "a spaced dot before a capitalized word or a non-TLD is punctuation"},
	{name: "zero-width before the colon", in: "http\u200b://example.com", want: []want{{Text: "http\u200b://example.com", Host: "example.com", Verdict: linkcheck.Suspicious, Reason: rZW}}},
	{name: "spaced dot in a scheme link", in: "hxxp://example . com/x", want: []want{{Text: "hxxp://example . com/x", Host: "example.com", Verdict: linkcheck.Suspicious, Reason: rHxxp}}},
	{name: "all capitals is a domain", in: "САЙТ.РФ", want: []want{{Text: "САЙТ.РФ", Host: "xn--80aswg.xn--p1ai"}}},
	{name: "ellipsis after a link", in: "Подробнее: salon.ru/news…", want: []want{{Text: "salon.ru/news", Host: "salon.ru"}}},
	{name: "ellipsis before a link", in: "Ждём...salon.ru", want: []want{{Text: "salon.ru", Host: "salon.ru"}}},
	{name: "emoji before a link", in: "👉salon.ru", want: []want{{Text: "salon.ru", Host: "salon.ru"}}},
	{name: "street abbreviation", in: "ул.Ленина, д.5", want: nil},
	{name: "то есть", in: "т.е. завтра", want: nil},
	{name: "percent", in: "скидка 3.5% и 3.5D", want: nil},
	{name: "date", in: "до 01.02.2025.", want: nil},
	{name: "time and phone", in: "с 9:00 до 21:00, +7 (999) 123-45-67", want: nil},
	{name: "initials", in: "Мастер — А. С. Пушкина", want: nil},
	{name: "guillemets", in: "«https://salon.ru/a»", want: []want{{Text: "https://salon.ru/a", Host: "salon.ru"}}},
	{name: "curly quotes", in: "„https://salon.ru/a“", want: []want{{Text: "https://salon.ru/a", Host: "salon.ru"}}},
	{name: "closing paren", in: "(см. https://salon.ru/a)", want: []want{{Text: "https://salon.ru/a", Host: "salon.ru"}}},
	{name: "balanced paren", in: "(см. https://ru.wikipedia.org/wiki/Салон_(значения))", want: []want{{Text: "https://ru.wikipedia.org/wiki/Салон_(значения)", Host: "ru.wikipedia.org"}}, why: "a ')' balanced inside the URL stays"},
	{name: "trailing punctuation", in: "https://salon.ru/a. https://salon.ru/b, https://salon.ru/c! https://salon.ru/d? https://salon.ru/e: https://salon.ru/f;", want: []want{
		{Text: "https://salon.ru/a", Host: "salon.ru"}, {Text: "https://salon.ru/b", Host: "salon.ru"}, {Text: "https://salon.ru/c", Host: "salon.ru"},
		{Text: "https://salon.ru/d", Host: "salon.ru"}, {Text: "https://salon.ru/e", Host: "salon.ru"}, {Text: "https://salon.ru/f", Host: "salon.ru"}}},
	{name: "whatsapp italic", in: "_https://salon.ru/a_", want: []want{{Text: "https://salon.ru/a", Host: "salon.ru"}}},
	{name: "whatsapp bold", in: "*salon.ru/a*", want: []want{{Text: "salon.ru/a", Host: "salon.ru"}}},
	{name: "whatsapp strike", in: "~salon.ru~", want: []want{{Text: "salon.ru", Host: "salon.ru"}}},
	{name: "whatsapp monospace", in: "```https://salon.ru/a```", want: []want{{Text: "https://salon.ru/a", Host: "salon.ru"}}},
	{name: "two links", in: "salon.ru и https://shop.ru", want: []want{{Text: "salon.ru", Host: "salon.ru"}, {Text: "https://shop.ru", Host: "shop.ru"}}},
	{name: "trailing dot host", in: "https://SALON.ru./a", want: []want{{Text: "https://SALON.ru./a", Host: "salon.ru"}}, why: "lower case, trailing dot dropped from Host only"},
	{name: "port", in: "salon.ru:8080/a", want: []want{{Text: "salon.ru:8080/a", Host: "salon.ru"}}},
	{name: "idna", in: "http://bücher.de", want: []want{{Text: "http://bücher.de", Host: "xn--bcher-kva.de"}}},

	// Shorteners, lists.
	{name: "shortener", in: "Жмите bit.ly/abc", want: []want{{Text: "bit.ly/abc", Host: "bit.ly", Verdict: linkcheck.Shortener, Reason: rShort}}},
	{name: "shortener subdomain", in: "https://evil.bit.ly/x", want: []want{{Text: "https://evil.bit.ly/x", Host: "evil.bit.ly", Verdict: linkcheck.Shortener, Reason: rShort}}, why: "label boundary: evil.bit.ly is under bit.ly"},
	{name: "not a shortener", in: "https://notbit.ly/x", want: []want{{Text: "https://notbit.ly/x", Host: "notbit.ly"}}, why: "notbit.ly is not under bit.ly"},
	{name: "public suffix on the shortener list", in: "https://www.mof.gov.tw/ https://dot.tk/", want: []want{{Text: "https://www.mof.gov.tw/", Host: "www.mof.gov.tw"}, {Text: "https://dot.tk/", Host: "dot.tk"}},
		why: "the shipped list holds gov.tw and tk., which are public suffixes: they match only themselves"},
	{name: "shortener entry with a trailing comma", in: "lnkiy.com/x", want: []want{{Text: "lnkiy.com/x", Host: "lnkiy.com", Verdict: linkcheck.Shortener, Reason: rShort}}, why: "the shipped list has 'lnkiy.com,'"},
	{name: "caller blocks a TLD", in: "https://free.tk/", opts: &linkcheck.Options{Block: []string{"tk"}}, want: []want{{Text: "https://free.tk/", Host: "free.tk", Verdict: linkcheck.Blocked, Reason: rBlocked}}},
	{name: "clck.ru", in: "https://clck.ru/3A", want: []want{{Text: "https://clck.ru/3A", Host: "clck.ru", Verdict: linkcheck.Shortener, Reason: rShort}}},
	{name: "wa.me allowed", in: "https://wa.me/79991234567", want: []want{{Text: "https://wa.me/79991234567", Host: "wa.me"}}, why: "on the shipped shortener list, allowed by default"},
	{name: "wa.me blocked by caller", in: "https://wa.me/79991234567", opts: &linkcheck.Options{Block: []string{"wa.me"}}, want: []want{{Text: "https://wa.me/79991234567", Host: "wa.me", Verdict: linkcheck.Blocked, Reason: rBlocked}}},
	{name: "caller shortener", in: "https://go.salon.ru/x", opts: &linkcheck.Options{Shorteners: []string{"go.salon.ru"}}, want: []want{{Text: "https://go.salon.ru/x", Host: "go.salon.ru", Verdict: linkcheck.Shortener, Reason: rShort}}},
	{name: "blocked", in: "https://www.Competitor.ru/a", opts: &linkcheck.Options{Block: []string{"https://competitor.ru/"}}, want: []want{{Text: "https://www.Competitor.ru/a", Host: "www.competitor.ru", Verdict: linkcheck.Blocked, Reason: rBlocked}}},
	{name: "blocked cyrillic entry", in: "пример.рф/a", opts: &linkcheck.Options{Block: []string{"ПРИМЕР.РФ"}}, want: []want{{Text: "пример.рф/a", Host: "xn--e1afmkfd.xn--p1ai", Verdict: linkcheck.Blocked, Reason: rBlocked}}},
	{name: "capitalized Cyrillic TLD with a path", in: "конкурент.Рф/акция", opts: &linkcheck.Options{Block: []string{"конкурент.рф"}}, want: []want{{Text: "конкурент.Рф/акция", Host: "xn--e1ajalccqsf.xn--p1ai", Verdict: linkcheck.Blocked, Reason: rBlocked}}, why: "a sentence does not start with a path"},
	{name: "capitalized Cyrillic TLD after www", in: "www.конкурент.Рф", opts: &linkcheck.Options{Block: []string{"конкурент.рф"}}, want: []want{{Text: "www.конкурент.Рф", Host: "www.xn--e1ajalccqsf.xn--p1ai", Verdict: linkcheck.Blocked, Reason: rBlocked}}},
	{name: "capitalized Cyrillic country code", in: "конкурент.Рф", opts: &linkcheck.Options{Block: []string{"конкурент.рф"}}, want: []want{{Text: "конкурент.Рф", Host: "xn--e1ajalccqsf.xn--p1ai", Verdict: linkcheck.Blocked, Reason: rBlocked}}, why: "Рф is no word that starts a sentence"},
	{name: "capitalized word TLD with a path", in: "конкурент.Онлайн/акция", opts: &linkcheck.Options{Block: []string{"конкурент.онлайн"}}, want: []want{{Text: "конкурент.Онлайн/акция", Host: "xn--e1ajalccqsf.xn--80asehdb", Verdict: linkcheck.Blocked, Reason: rBlocked}}},
	{name: "capitalized word TLD after www", in: "www.конкурент.Онлайн", opts: &linkcheck.Options{Block: []string{"конкурент.онлайн"}}, want: []want{{Text: "www.конкурент.Онлайн", Host: "www.xn--e1ajalccqsf.xn--80asehdb", Verdict: linkcheck.Blocked, Reason: rBlocked}}},
	{name: "capitalized word TLD with a port", in: "конкурент.Онлайн:8080", opts: &linkcheck.Options{Block: []string{"конкурент.онлайн"}}, want: []want{{Text: "конкурент.Онлайн:8080", Host: "xn--e1ajalccqsf.xn--80asehdb", Verdict: linkcheck.Blocked, Reason: rBlocked}}},
	{name: "allow overrides shortener", in: "bit.ly/x", opts: &linkcheck.Options{Allow: []string{"bit.ly"}}, want: []want{{Text: "bit.ly/x", Host: "bit.ly"}}},
	{name: "allow overrides block", in: "a.salon.ru", opts: &linkcheck.Options{Allow: []string{"a.salon.ru"}, Block: []string{"salon.ru"}}, want: []want{{Text: "a.salon.ru", Host: "a.salon.ru"}}},
	{name: "allow overrides suspicious", in: "http://192.168.1.1/crm", opts: &linkcheck.Options{Allow: []string{"192.168.1.1"}}, want: []want{{Text: "http://192.168.1.1/crm", Host: "192.168.1.1"}}},

	// Disguised links.
	{name: "spaced dot", in: "сайт example . com", want: []want{{Text: "example . com", Host: "example.com", Verdict: linkcheck.Suspicious, Reason: rDisg}}},
	{name: "bracket dot", in: "example[.]com", want: []want{{Text: "example[.]com", Host: "example.com", Verdict: linkcheck.Suspicious, Reason: rDisg}}},
	{name: "paren dot word", in: "example(dot)com/x", want: []want{{Text: "example(dot)com/x", Host: "example.com", Verdict: linkcheck.Suspicious, Reason: rDisg}}},
	{name: "dot word", in: "example dot com", want: []want{{Text: "example dot com", Host: "example.com", Verdict: linkcheck.Suspicious, Reason: rDisg}}},
	{name: "hxxp", in: "hxxp://example.com/x", want: []want{{Text: "hxxp://example.com/x", Host: "example.com", Verdict: linkcheck.Suspicious, Reason: rHxxp}}},
	{name: "hxxps with bracket dot", in: "hXXps://example[.]com", want: []want{{Text: "hXXps://example[.]com", Host: "example.com", Verdict: linkcheck.Suspicious, Reason: rHxxp}}},
	{name: "точка", in: "пишите на пример точка рф", want: []want{{Text: "пример точка рф", Host: "xn--e1afmkfd.xn--p1ai", Verdict: linkcheck.Suspicious, Reason: rDisg}}},
	{name: "точка between Latin labels", in: "пишите на salon точка ru", want: []want{{Text: "salon точка ru", Host: "salon.ru", Verdict: linkcheck.Suspicious, Reason: rDisg}}},
	{name: "точка after www", in: "www точка сайт точка рф", want: []want{{Text: "www точка сайт точка рф", Host: "www.xn--80aswg.xn--p1ai", Verdict: linkcheck.Suspicious, Reason: rDisg}}},
	{name: "dot word between mixed-script labels", in: "аpple dot com", want: []want{{Text: "аpple dot com", Host: "xn--pple-43d.com", Verdict: linkcheck.Suspicious, Reason: rDisg}}, why: "Latin letters on both sides, one of them a Cyrillic а"},
	{name: "точка of sale", in: "Наша точка онлайн работает круглосуточно", want: nil, why: "точка is a common word and онлайн a TLD that is a word: a sentence"},
	{name: "точка before орг", in: "Контрольная точка орг", want: nil},
	{name: "точка before москва", in: "Новая точка москва", want: nil},
	{name: "точка before a Latin TLD", in: "конечная точка ru", want: nil, why: "a Russian word before the separator: no Latin label to join"},
	{name: "spaced dot in a sentence", in: "Ждём вас . москва ждёт", want: nil},
	{name: "точка before the country", in: "Доставка: любая точка РФ", want: nil, why: "РФ in capitals is the country, not a TLD"},
	{name: "точка before a capitalised code word", in: "Главная точка Бел", want: nil, why: "a capital says it is a word of the sentence"},
	{name: "Turkish dotless i", in: "https://kırmızı.com.tr", want: []want{{Text: "https://kırmızı.com.tr", Host: "xn--krmz-lzacb.com.tr"}}, why: "ı is a Turkish letter, not a look-alike"},
	{name: "точка in a sentence, then a host", in: "Наша точка онлайн.рф", want: []want{{Text: "онлайн.рф", Host: "xn--80asehdb.xn--p1ai"}}, why: "the sentence is not part of the host"},
	{name: "a host, then точка in a sentence", in: "salon.ru точка онлайн", want: []want{{Text: "salon.ru", Host: "salon.ru"}}},
	{name: "a scheme link, then точка in a sentence", in: "https://salon.ru точка онлайн работает", want: []want{{Text: "https://salon.ru", Host: "salon.ru"}}},
	{name: "точка after a scheme", in: "https://конечная точка ru", want: []want{{Text: "https://конечная точка ru", Host: "xn--80ajombd9d6c.ru", Verdict: linkcheck.Suspicious, Reason: rDisg}}, why: "after a scheme it is a link anyway: the host does not end in a TLD yet"},
	{name: "ideographic dot", in: "example。com", want: []want{{Text: "example。com", Host: "example.com", Verdict: linkcheck.Suspicious, Reason: rDisg}}},
	{name: "fullwidth dot", in: "example．com", want: []want{{Text: "example．com", Host: "example.com", Verdict: linkcheck.Suspicious, Reason: rDisg}}},
	{name: "zero-width inside", in: "exa\u200bmple.com", want: []want{{Text: "exa\u200bmple.com", Host: "example.com", Verdict: linkcheck.Suspicious, Reason: rZW}}},
	{name: "zero-width before a dot", in: "example\u200b.com", want: []want{{Text: "example\u200b.com", Host: "example.com", Verdict: linkcheck.Suspicious, Reason: rZW}}, why: "the hidden character sits between a label and its dot"},
	{name: "zero-width after a dot", in: "example.\u2060com/x", want: []want{{Text: "example.\u2060com/x", Host: "example.com", Verdict: linkcheck.Suspicious, Reason: rZW}}},
	{name: "zero-width before the dot of a shortener", in: "Жмите bit\u200b.ly/x", want: []want{{Text: "bit\u200b.ly/x", Host: "bit.ly", Verdict: linkcheck.Shortener, Reason: rShort}}, why: "the disguise must not hide a shortener"},
	{name: "zero-width in a glued sentence", in: "Спасибо\u200b.Ждём вас", want: nil, why: "still a sentence glued to a capitalized word"},
	{name: "backslashes after the scheme of a shortener", in: `Жмите http:\\bit.ly\x`, want: []want{{Text: `http:\\bit.ly\x`, Host: "bit.ly", Verdict: linkcheck.Shortener, Reason: rShort}}, why: "a browser reads '\\' as '/' and opens bit.ly/x"},
	{name: "backslashes after a scheme", in: `HTTPS:/\example.com`, want: []want{{Text: `HTTPS:/\example.com`, Host: "example.com", Verdict: linkcheck.Suspicious, Reason: rDisg}}, why: "nobody writes a link so but to disguise it"},
	{name: "a Windows path is no link", in: `Файл C:\Users\отчёт.docx`, want: nil},
	{name: "zero-width in a scheme link", in: "https://exa\u2060mple.com/", want: []want{{Text: "https://exa\u2060mple.com/", Host: "example.com", Verdict: linkcheck.Suspicious, Reason: rZW}}},
	{name: "zero-width in the scheme", in: "ht\u200btp://example.com/x", want: []want{{Text: "ht\u200btp://example.com/x", Host: "example.com", Verdict: linkcheck.Suspicious, Reason: rZW}}},
	{name: "zero-width in the scheme of a shortener", in: "ht\u200btps://bit.ly/x", want: []want{{Text: "ht\u200btps://bit.ly/x", Host: "bit.ly", Verdict: linkcheck.Shortener, Reason: rShort}}},
	{name: "unknown scheme", in: "hxxxp://bit.ly/x", want: []want{{Text: "bit.ly/x", Host: "bit.ly", Verdict: linkcheck.Shortener, Reason: rShort}}, why: "the host after an unknown scheme is still found"},
	{name: "disguised shortener", in: "bit[.]ly/x", want: []want{{Text: "bit[.]ly/x", Host: "bit.ly", Verdict: linkcheck.Shortener, Reason: rShort}}, why: "the list verdict names the real problem"},
	{name: "spaced bracket dot", in: "bit [.] ly/x", want: []want{{Text: "bit [.] ly/x", Host: "bit.ly", Verdict: linkcheck.Shortener, Reason: rShort}}},
	{name: "spaced paren dot word", in: "bit (dot) ly/x", want: []want{{Text: "bit (dot) ly/x", Host: "bit.ly", Verdict: linkcheck.Shortener, Reason: rShort}}},
	{name: "spaced bracket точка", in: "bit [точка] ly", want: []want{{Text: "bit [точка] ly", Host: "bit.ly", Verdict: linkcheck.Shortener, Reason: rShort}}},
	{name: "spaces inside the brackets", in: "example [ . ] com и example{ dot }com", want: []want{
		{Text: "example [ . ] com", Host: "example.com", Verdict: linkcheck.Suspicious, Reason: rDisg},
		{Text: "example{ dot }com", Host: "example.com", Verdict: linkcheck.Suspicious, Reason: rDisg}}},
	{name: "small full stop", in: "https://bit﹒ly", want: []want{{Text: "https://bit﹒ly", Host: "bit.ly", Verdict: linkcheck.Shortener, Reason: rShort}}, why: "U+FE52 is a full stop in compatibility form, as '．' is"},
	{name: "one dot leader", in: "https://bit․ly", want: []want{{Text: "https://bit․ly", Host: "bit.ly", Verdict: linkcheck.Shortener, Reason: rShort}}, why: "U+2024 is a full stop in compatibility form"},
	{name: "look-alike dots in bare hosts", in: "example﹒com/x — example․com", want: []want{
		{Text: "example﹒com/x", Host: "example.com", Verdict: linkcheck.Suspicious, Reason: rDisg},
		{Text: "example․com", Host: "example.com", Verdict: linkcheck.Suspicious, Reason: rDisg}}},

	// Slashes: a browser skips any run of '/' and '\' after a web scheme.
	{name: "one slash after the scheme of a shortener", in: "http:/bit.ly/x", want: []want{{Text: "http:/bit.ly/x", Host: "bit.ly", Verdict: linkcheck.Shortener, Reason: rShort}}, why: "a browser opens http://bit.ly/x"},
	{name: "one backslash after the scheme of a shortener", in: `http:\bit.ly/x`, want: []want{{Text: `http:\bit.ly/x`, Host: "bit.ly", Verdict: linkcheck.Shortener, Reason: rShort}}},
	{name: "three slashes after the scheme of a shortener", in: "http:///bit.ly/x", want: []want{{Text: "http:///bit.ly/x", Host: "bit.ly", Verdict: linkcheck.Shortener, Reason: rShort}}},
	{name: "a wrong count of slashes is a typo", in: "https:/salon.ru/a и https:///salon.ru/b", want: []want{{Text: "https:/salon.ru/a", Host: "salon.ru"}, {Text: "https:///salon.ru/b", Host: "salon.ru"}}, why: "not a disguise: the link is judged by its host"},
	{name: "one backslash after the scheme", in: `http:\salon.ru/a`, want: []want{{Text: `http:\salon.ru/a`, Host: "salon.ru", Verdict: linkcheck.Suspicious, Reason: rDisg}}},
	{name: "slash before a bare host", in: "Ссылка /bit.ly/abc", want: []want{{Text: "bit.ly/abc", Host: "bit.ly", Verdict: linkcheck.Shortener, Reason: rShort}}},
	{name: "colon and slash before a bare host", in: "Жми:/bit.ly/x", want: []want{{Text: "bit.ly/x", Host: "bit.ly", Verdict: linkcheck.Shortener, Reason: rShort}}},
	{name: "two slashes after a word", in: "Ссылка//bit.ly/x", want: []want{{Text: "bit.ly/x", Host: "bit.ly", Verdict: linkcheck.Shortener, Reason: rShort}}},
	{name: "slash after a Cyrillic word", in: "Жми/bit.ly/x", want: []want{{Text: "bit.ly/x", Host: "bit.ly", Verdict: linkcheck.Shortener, Reason: rShort}}, why: "Russian text is no file path"},
	{name: "three slashes before a bare host", in: "///bit.ly/x", want: []want{{Text: "bit.ly/x", Host: "bit.ly", Verdict: linkcheck.Shortener, Reason: rShort}}},
	{name: "backslash before a bare host", in: `Жми \bit.ly/x`, want: []want{{Text: "bit.ly/x", Host: "bit.ly", Verdict: linkcheck.Shortener, Reason: rShort}}},
	{name: "path segments are no links", in: `docs/README.md, /path/to/file.pl, C:\dir\site.ru`, want: nil, why: "a single slash glued to an ASCII word separates path segments"},

	// Hosts judged as a browser would.
	{name: "userinfo", in: "http://good.com@bit.ly/x", want: []want{{Text: "http://good.com@bit.ly/x", Host: "bit.ly", Verdict: linkcheck.Shortener, Reason: rShort}}, why: "the host is after '@'"},
	{name: "userinfo without scheme", in: "good.com@bit.ly/x", want: []want{{Text: "good.com@bit.ly/x", Host: "bit.ly", Verdict: linkcheck.Shortener, Reason: rShort}}, why: "a path after an e-mail-like text makes it a URL"},
	{name: "percent in host", in: "http://%62it.ly/x", want: []want{{Text: "http://%62it.ly/x", Host: "bit.ly", Verdict: linkcheck.Shortener, Reason: rShort}}},
	{name: "percent in host, not listed", in: "http://ex%61mple.com/", want: []want{{Text: "http://ex%61mple.com/", Host: "example.com", Verdict: linkcheck.Suspicious, Reason: rEscaped}}},
	{name: "ip decimal", in: "http://2130706433/", want: []want{{Text: "http://2130706433/", Host: "127.0.0.1", Verdict: linkcheck.Suspicious, Reason: rIP}}},
	{name: "ip short", in: "http://127.1/", want: []want{{Text: "http://127.1/", Host: "127.0.0.1", Verdict: linkcheck.Suspicious, Reason: rIP}}},
	{name: "ip hex", in: "http://0x7f.0.0.1/", want: []want{{Text: "http://0x7f.0.0.1/", Host: "127.0.0.1", Verdict: linkcheck.Suspicious, Reason: rIP}}},
	{name: "ip octal", in: "http://0177.0.0.01/", want: []want{{Text: "http://0177.0.0.01/", Host: "127.0.0.1", Verdict: linkcheck.Suspicious, Reason: rIP}}},
	{name: "ip dotted bare", in: "зайдите 192.168.1.1/abc", want: []want{{Text: "192.168.1.1/abc", Host: "192.168.1.1", Verdict: linkcheck.Suspicious, Reason: rIP}}},
	{name: "ipv6", in: "http://[::FFFF:7f00:1]:8080/", want: []want{{Text: "http://[::FFFF:7f00:1]:8080/", Host: "[::ffff:127.0.0.1]", Verdict: linkcheck.Suspicious, Reason: rIP}}},
	{name: "ip out of range", in: "http://256.256.256.256/", want: []want{{Text: "http://256.256.256.256/", Host: "", Verdict: linkcheck.Suspicious, Reason: rInvalid}}, why: "a browser refuses it; we report it, not skip it"},
	{name: "ip in fullwidth digits", in: "http://１２７.０.０.１/", want: []want{{Text: "http://１２７.０.０.１/", Host: "127.0.0.1", Verdict: linkcheck.Suspicious, Reason: rIP}}, why: "IDNA maps fullwidth digits, then the host is an IPv4 address"},
	{name: "malformed punycode", in: "http://xn--00000000000000-/", want: []want{{Text: "http://xn--00000000000000-/", Host: "", Verdict: linkcheck.Suspicious, Reason: rInvalid}}, why: "found by fuzzing: the label decodes to plain digits"},
	{name: "mixed script", in: "https://аpple.com/login", want: []want{{Text: "https://аpple.com/login", Host: "xn--pple-43d.com", Verdict: linkcheck.Suspicious, Reason: rMixed}}, why: "the first letter is Cyrillic а"},
	{name: "whole-script confusable punycode", in: "https://xn--80ak6aa92e.com", want: []want{{Text: "https://xn--80ak6aa92e.com", Host: "xn--80ak6aa92e.com", Verdict: linkcheck.Suspicious, Reason: rMixed}}, why: "аррӏе.com: all Cyrillic look-alikes under a Latin TLD"},
	{name: "armenian look-alikes", in: "https://gօօgle.com/x", want: []want{{Text: "https://gօօgle.com/x", Host: "xn--ggle-vifa.com", Verdict: linkcheck.Suspicious, Reason: rLook}}, why: "Armenian օ beside Latin letters"},
	{name: "script g", in: "https://ɡoogle.com", want: []want{{Text: "https://ɡoogle.com", Host: "xn--oogle-qmc.com", Verdict: linkcheck.Suspicious, Reason: rLook}}, why: "U+0261 is no ASCII g"},
	{name: "small capital in the TLD", in: "https://paypal.ᴄom", want: []want{{Text: "https://paypal.ᴄom", Host: "paypal.xn--om-z4r", Verdict: linkcheck.Suspicious, Reason: rLook}}},
	{name: "combining dot above", in: "https://bi\u0307t.ly/x", want: []want{{Text: "https://bi\u0307t.ly/x", Host: "xn--bit-9dc.ly", Verdict: linkcheck.Suspicious, Reason: rLook}}, why: "i and U+0307 do not compose; the link is not bit.ly"},
	{name: "accented Latin is fine", in: "https://café.fr/menu", want: []want{{Text: "https://café.fr/menu", Host: "xn--caf-dma.fr"}}, why: "é is a letter of its own, drawn unlike e"},
	{name: "Latin beside Chinese is fine", in: "https://shop.中国", want: []want{{Text: "https://shop.中国", Host: "shop.xn--fiqs8s"}}},
	{name: "cyrillic punycode is fine", in: "http://xn--80aswg.xn--p1ai/", want: []want{{Text: "http://xn--80aswg.xn--p1ai/", Host: "xn--80aswg.xn--p1ai"}}, why: "сайт.рф in punycode"},
	{name: "cyrillic under com is fine", in: "http://пример.com", want: []want{{Text: "http://пример.com", Host: "xn--e1afmkfd.com"}}, why: "п, и, м are not Latin look-alikes"},
	{name: "fullwidth letters", in: "https://ｅｘａｍｐｌｅ.com", want: []want{{Text: "https://ｅｘａｍｐｌｅ.com", Host: "example.com", Verdict: linkcheck.Suspicious, Reason: rCompat}}},
	{name: "javascript", in: "javascript:alert(1)", want: []want{{Text: "javascript:alert(1)", Verdict: linkcheck.Suspicious, Reason: rScript}}},
	{name: "data", in: "data:text/html;base64,PHNjcmlwdD4=", want: []want{{Text: "data:text/html;base64,PHNjcmlwdD4=", Verdict: linkcheck.Suspicious, Reason: rScript}}},
	{name: "redirect to shortener", in: "https://google.com/url?q=https://bit.ly/x", want: []want{{Text: "https://google.com/url?q=https://bit.ly/x", Host: "google.com", Verdict: linkcheck.Suspicious, Reason: rCarried}}},
	{name: "redirect to shortener encoded", in: "https://google.com/url?q=https%3A%2F%2Fbit.ly%2Fx", want: []want{{Text: "https://google.com/url?q=https%3A%2F%2Fbit.ly%2Fx", Host: "google.com", Verdict: linkcheck.Suspicious, Reason: rCarried}}},
	{name: "redirect to shortener double encoded", in: "https://l.example.com/?u=https%253A%252F%252Fclck.ru%252Fx", want: []want{{Text: "https://l.example.com/?u=https%253A%252F%252Fclck.ru%252Fx", Host: "l.example.com", Verdict: linkcheck.Suspicious, Reason: rCarried}}},
	{name: "redirect to blocked", in: "https://google.com/url?q=competitor.ru/sale", opts: &linkcheck.Options{Block: []string{"competitor.ru"}}, want: []want{{Text: "https://google.com/url?q=competitor.ru/sale", Host: "google.com", Verdict: linkcheck.Suspicious, Reason: rCarried}}},
	{name: "search for a shortener", in: "https://www.google.com/search?q=bit.ly", want: []want{{Text: "https://www.google.com/search?q=bit.ly", Host: "www.google.com"}}, why: "a bare host in a query is text (a search), not a redirect target"},
	{name: "redirect to a bare shortener with a path", in: "https://away.example.com/?to=bit.ly/x", want: []want{{Text: "https://away.example.com/?to=bit.ly/x", Host: "away.example.com", Verdict: linkcheck.Suspicious, Reason: rCarried}}},
	{name: "redirect to a fine site", in: "https://google.com/url?q=https://salon.ru/", want: []want{{Text: "https://google.com/url?q=https://salon.ru/", Host: "google.com"}}},
	{name: "shortener carried in the path", in: "https://salon.ru/r/bit.ly/x", want: []want{{Text: "https://salon.ru/r/bit.ly/x", Host: "salon.ru", Verdict: linkcheck.Suspicious, Reason: rCarried}}, why: "a host right after '/' in a path is a carried URL"},
	{name: "shortener as the first path segment", in: "https://salon.ru/bit.ly/x", want: []want{{Text: "https://salon.ru/bit.ly/x", Host: "salon.ru", Verdict: linkcheck.Suspicious, Reason: rCarried}}},
	{name: "blocked site carried in the path", in: "salon.ru/go/competitor.ru/sale", opts: &linkcheck.Options{Block: []string{"competitor.ru"}}, want: []want{{Text: "salon.ru/go/competitor.ru/sale", Host: "salon.ru", Verdict: linkcheck.Suspicious, Reason: rCarried}}},
	{name: "ordinary paths carry nothing", in: "https://salon.ru/catalog/item.html https://salon.ru/v1.2/ https://salon.ru/r/bit.ly", want: []want{
		{Text: "https://salon.ru/catalog/item.html", Host: "salon.ru"}, {Text: "https://salon.ru/v1.2/", Host: "salon.ru"}, {Text: "https://salon.ru/r/bit.ly", Host: "salon.ru"}},
		why: "item.html and v1.2 are no hosts; a bare host alone, without a path, is no redirect target (as ?q=bit.ly)"},

	// Never rejected.
	{name: "tel", in: "Звоните: tel:+79991234567.", want: []want{{Text: "tel:+79991234567"}}},
	{name: "mailto", in: "mailto:info@salon.ru", want: []want{{Text: "mailto:info@salon.ru", Host: "salon.ru"}}},
	{name: "email", in: "Пишите на info@salon.ru.", want: []want{{Text: "info@salon.ru", Host: "salon.ru"}}},
	{name: "email with dots", in: "user.name+tag@mail.ru", want: []want{{Text: "user.name+tag@mail.ru", Host: "mail.ru"}}},
	{name: "mailto with a subject", in: "mailto:info@salon.ru?subject=Запись&body=Добрый день", want: []want{{Text: "mailto:info@salon.ru?subject=Запись&body=Добрый", Host: "salon.ru"}}},
	{name: "mailto carrying a shortener", in: "mailto:info@salon.ru?body=https://bit.ly/x", want: []want{{Text: "mailto:info@salon.ru", Host: "salon.ru"}, {Text: "https://bit.ly/x", Host: "bit.ly", Verdict: linkcheck.Shortener, Reason: rShort}}, why: "a mailto: link is never rejected, so it ends before a query that holds a web link, which is judged on its own"},
	{name: "mailto carrying a bare shortener", in: "mailto:info@salon.ru?body=bit.ly/x", want: []want{{Text: "mailto:info@salon.ru", Host: "salon.ru"}, {Text: "bit.ly/x", Host: "bit.ly", Verdict: linkcheck.Shortener, Reason: rShort}}},
	{name: "email at a shortener domain", in: "mailto:x@bit.ly", want: []want{{Text: "mailto:x@bit.ly", Host: "bit.ly"}}, why: "mailto is never rejected"},
	{name: "mailto with a fragment carrying a shortener", in: "mailto:a@salon.ru#https://bit.ly/x", want: []want{{Text: "mailto:a@salon.ru", Host: "salon.ru"}, {Text: "https://bit.ly/x", Host: "bit.ly", Verdict: linkcheck.Shortener, Reason: rShort}}, why: "the domain ends at '#'"},
	{name: "mailto with a path carrying a shortener", in: "mailto:a@salon.ru/https://bit.ly/x", want: []want{{Text: "mailto:a@salon.ru", Host: "salon.ru"}, {Text: "https://bit.ly/x", Host: "bit.ly", Verdict: linkcheck.Shortener, Reason: rShort}}, why: "a domain holds no '/'"},
	{name: "mailto with a path carrying a bare shortener", in: "mailto:a@salon.ru/bit.ly/x", want: []want{{Text: "mailto:a@salon.ru", Host: "salon.ru"}, {Text: "bit.ly/x", Host: "bit.ly", Verdict: linkcheck.Shortener, Reason: rShort}}, why: "found by fuzzing: a host after a slash that follows a link is no path segment of a word"},
	{name: "mailto with a query carrying a shortener in a path", in: "mailto:a@salon.ru?subject=go/bit.ly/x", want: []want{{Text: "mailto:a@salon.ru", Host: "salon.ru"}, {Text: "bit.ly/x", Host: "bit.ly", Verdict: linkcheck.Shortener, Reason: rShort}}, why: "what follows the addresses is read as a link's path is: a host after '/' counts"},
	{name: "mailto with a shortener in the local part", in: "mailto:https://bit.ly/x@salon.ru", want: []want{{Text: "https://bit.ly/x@salon.ru", Host: "bit.ly", Verdict: linkcheck.Shortener, Reason: rShort}}, why: "a local part holds no ':' or '/' (RFC 6068): no mailto: link, and the web link is judged"},
	{name: "mailto with a fragment", in: "mailto:a@salon.ru#top", want: []want{{Text: "mailto:a@salon.ru#top", Host: "salon.ru"}}},
	{name: "mailto with several addresses", in: "mailto:a@salon.ru,b@shop.ru?cc=c@mail.ru&subject=Запись", want: []want{{Text: "mailto:a@salon.ru,b@shop.ru?cc=c@mail.ru&subject=Запись", Host: "salon.ru"}}},
	{name: "mailto with several addresses carrying a shortener", in: "mailto:a@salon.ru,b@shop.ru?body=bit.ly/x", want: []want{{Text: "mailto:a@salon.ru,b@shop.ru", Host: "salon.ru"}, {Text: "bit.ly/x", Host: "bit.ly", Verdict: linkcheck.Shortener, Reason: rShort}}},
	{name: "mailto links one after another", in: "mailto:a@b.ru?cc=mailto:c@d.ru?body=https://bit.ly/x", want: []want{{Text: "mailto:a@b.ru", Host: "b.ru"}, {Text: "mailto:c@d.ru", Host: "d.ru"}, {Text: "https://bit.ly/x", Host: "bit.ly", Verdict: linkcheck.Shortener, Reason: rShort}}},
	{name: "email cyrillic", in: "почта@сайт.рф", want: []want{{Text: "почта@сайт.рф", Host: "xn--80aswg.xn--p1ai"}}},
	{name: "mention is no link", in: "@salon.ru", want: nil},

	// Russian abbreviations glued to a word that is a TLD.
	{name: "abbreviation pair before a TLD word", in: "т.к.сайт не работает", want: nil, why: "single Cyrillic letters are abbreviations, however many come before the TLD"},
	{name: "abbreviation pair before a capitalised TLD word", in: "т.е.Онлайн-запись", want: nil},
	{name: "abbreviation pair before a word", in: "и.о.директора", want: nil},
	{name: "listed abbreviation before a TLD word", in: "напр.сайт или в т.ч.онлайн", want: nil},
	{name: "abbreviation before a host", in: "см.сайт.рф", want: []want{{Text: "сайт.рф", Host: "xn--80aswg.xn--p1ai"}}, why: "the host starts after the abbreviation"},
	{name: "invisible mark after an abbreviation", in: "т.\ufe00сайт.рф и т.е.\u200bbit.ly/x", want: []want{{Text: "сайт.рф", Host: "xn--80aswg.xn--p1ai"}, {Text: "bit.ly/x", Host: "bit.ly", Verdict: linkcheck.Shortener, Reason: rShort}}, why: "an invisible character between the abbreviations and the host is beside the link, not its first character"},
	{name: "abbreviation pair before a host with a path", in: "т.к.сайт.рф/акция", want: []want{{Text: "сайт.рф/акция", Host: "xn--80aswg.xn--p1ai"}}},
	{name: "abbreviation before a Latin host", in: "г.salon.ru", want: []want{{Text: "salon.ru", Host: "salon.ru"}}},
	{name: "a word before a TLD word is a host", in: "мой.сайт и школа.москва", want: []want{{Text: "мой.сайт", Host: "xn--i1afg.xn--80aswg"}, {Text: "школа.москва", Host: "xn--80atdl2c.xn--80adxhks"}}, why: "only abbreviations are text"},

	// Emoji labels.
	{name: "emoji label after www", in: "www.😀.com/x", want: []want{{Text: "www.😀.com/x", Host: "www.xn--e28h.com"}}},
	{name: "emoji label with a variation selector after www", in: "www.❤️.ws", want: []want{{Text: "www.❤️.ws", Host: "www.xn--qei.ws"}}, why: "U+FE0F after a symbol belongs to the emoji: not a hidden character"},
	{name: "emoji label after www, shortener below", in: "www.😀.bit.ly/x", want: []want{{Text: "www.😀.bit.ly/x", Host: "www.xn--e28h.bit.ly", Verdict: linkcheck.Shortener, Reason: rShort}}},

	// Where a link ends.
	{name: "closing paren glued to a word", in: "(https://site.ru/a)и", want: []want{{Text: "https://site.ru/a", Host: "site.ru"}}, why: "a closer without its opener in the link ends it, as in every peer"},
	{name: "closing bracket glued to a word", in: "[https://site.ru/a]и", want: []want{{Text: "https://site.ru/a", Host: "site.ru"}}},
	{name: "closing brace glued to a word", in: "{https://site.ru/a}и", want: []want{{Text: "https://site.ru/a", Host: "site.ru"}}},
	{name: "closing quote glued to a word", in: "\"https://site.ru/a\"и", want: []want{{Text: "https://site.ru/a", Host: "site.ru"}}},
	{name: "bare host in parens glued to a word", in: "(site.ru/a)и", want: []want{{Text: "site.ru/a", Host: "site.ru"}}},
	{name: "balanced parens glued to a word", in: "https://ru.wikipedia.org/wiki/Салон_(значения)и", want: []want{{Text: "https://ru.wikipedia.org/wiki/Салон_(значения)и", Host: "ru.wikipedia.org"}}},
	{name: "paired quotes in a query", in: "https://site.ru/?q=\"a\"", want: []want{{Text: "https://site.ru/?q=\"a\"", Host: "site.ru"}}},
	{name: "closing paren before a shortener", in: "(https://site.ru/a)bit.ly/x", want: []want{{Text: "https://site.ru/a", Host: "site.ru"}, {Text: "bit.ly/x", Host: "bit.ly", Verdict: linkcheck.Shortener, Reason: rShort}}, why: "what follows the end is scanned on its own"},
	{name: "double vertical bar", in: "https://site.ru/a‖site.ru/b‖", want: []want{{Text: "https://site.ru/a", Host: "site.ru"}, {Text: "site.ru/b", Host: "site.ru"}}},
	{name: "box-drawing vertical bar", in: "site.ru/a│", want: []want{{Text: "site.ru/a", Host: "site.ru"}}},
	{name: "closing paren in a mailto link", in: "(mailto:a@site.ru)и", want: []want{{Text: "mailto:a@site.ru", Host: "site.ru"}}},

	// Odd authorities must not hide a shortener.
	{name: "userinfo and a port that is no number", in: "https://a@bit.ly:x/y", want: []want{{Text: "https://a@bit.ly", Host: "bit.ly", Verdict: linkcheck.Shortener, Reason: rShort}}, why: "was read as the e-mail a@bit.ly, verdict OK; the link ends at its host, as in every peer"},
	{name: "a port that is no number", in: "https://a@salon.ru:x/y", want: []want{{Text: "https://a@salon.ru", Host: "salon.ru"}}},
	{name: "a port that hides a shortener", in: "https://a.b@salon.ru:bit.ly/x", want: []want{{Text: "https://a.b@salon.ru", Host: "salon.ru"}, {Text: "bit.ly/x", Host: "bit.ly", Verdict: linkcheck.Shortener, Reason: rShort}}, why: "the scan goes on after the host"},
	{name: "a port beyond 65535", in: "https://salon.ru:99999/a", want: []want{{Text: "https://salon.ru", Host: "salon.ru"}}},
	{name: "a port that is no number after a trailing dot", in: "https://salon.ru.:x", want: []want{{Text: "https://salon.ru", Host: "salon.ru"}}},
	{name: "e-mail then a port that is no number and a path", in: "a@bit.ly:x/y", want: []want{{Text: "a@bit.ly:x/y", Host: "bit.ly", Verdict: linkcheck.Shortener, Reason: rShort}}},
	{name: "e-mail then a colon", in: "Пишите a@salon.ru: ответим", want: []want{{Text: "a@salon.ru", Host: "salon.ru"}}},
	{name: "underscore and dot before a shortener", in: "_.bit.ly/x", want: []want{{Text: "bit.ly/x", Host: "bit.ly", Verdict: linkcheck.Shortener, Reason: rShort}}, why: "a dot that follows no label starts no run of labels to skip"},
	{name: "hyphen and dot before a shortener", in: "-.bit.ly/x", want: []want{{Text: "bit.ly/x", Host: "bit.ly", Verdict: linkcheck.Shortener, Reason: rShort}}},
	{name: "tilde and dot before a shortener", in: "~.bit.ly/x", want: []want{{Text: "bit.ly/x", Host: "bit.ly", Verdict: linkcheck.Shortener, Reason: rShort}}},
	{name: "space and dot before a shortener", in: "Жми .bit.ly/x", want: []want{{Text: "bit.ly/x", Host: "bit.ly", Verdict: linkcheck.Shortener, Reason: rShort}}},
	{name: "underscore inside a subdomain", in: "my_sub.salon.ru/a", want: []want{{Text: "my_sub.salon.ru/a", Host: "my_sub.salon.ru"}}, why: "was cut to sub.salon.ru"},
	{name: "underscore inside a shortener's subdomain", in: "a_b.bit.ly/x", want: []want{{Text: "a_b.bit.ly/x", Host: "a_b.bit.ly", Verdict: linkcheck.Shortener, Reason: rShort}}},
	{name: "italic markup around a bare host", in: "_salon.ru/a_ и _salon.ru_", want: []want{{Text: "salon.ru/a", Host: "salon.ru"}, {Text: "salon.ru", Host: "salon.ru"}}, why: "'_' inside a label only"},
	{name: "bang before at, with a path", in: "ab!@salon.ru/x", want: []want{{Text: "ab!@salon.ru/x", Host: "salon.ru"}}, why: "RFC 5322 allows '!' in a local part; a path makes it a web link with userinfo"},
	{name: "bang before at, shortener", in: "ab!@bit.ly/x", want: []want{{Text: "ab!@bit.ly/x", Host: "bit.ly", Verdict: linkcheck.Shortener, Reason: rShort}}},
	{name: "bang before at, e-mail", in: "ab!@salon.ru", want: []want{{Text: "ab!@salon.ru", Host: "salon.ru"}}},
	{name: "bang ends a sentence before an e-mail", in: "Привет!info@salon.ru", want: []want{{Text: "info@salon.ru", Host: "salon.ru"}}},
	{name: "bang alone before at", in: "!@bit.ly/x", want: []want{{Text: "bit.ly/x", Host: "bit.ly", Verdict: linkcheck.Shortener, Reason: rShort}}},
	{name: "mention with a path", in: "@bit.ly/x", want: []want{{Text: "bit.ly/x", Host: "bit.ly", Verdict: linkcheck.Shortener, Reason: rShort}}, why: "a mention has no path"},
	{name: "port with leading zeros", in: "https://salon.ru:000080/a salon.ru:0080/b", want: []want{{Text: "https://salon.ru:000080/a", Host: "salon.ru"}, {Text: "salon.ru:0080/b", Host: "salon.ru"}}, why: "a browser reads :000080 as port 80"},

	// Invisible characters beside a link are not part of it.
	{name: "variation selector before a host", in: "✅️shop.ru", want: []want{{Text: "shop.ru", Host: "shop.ru"}}, why: "U+FE0F asks for the emoji form of ✅; it is a combining mark, which a label may hold, but never at its start"},
	{name: "variation selector before www", in: "▶️www.site.ru", want: []want{{Text: "www.site.ru", Host: "www.site.ru"}}},
	{name: "variation selector before a scheme", in: "▶️https://salon.ru/a", want: []want{{Text: "https://salon.ru/a", Host: "salon.ru"}}, why: "an invisible character before a scheme hides nothing in it"},
	{name: "variation selector before a shortener", in: "👉️bit.ly/x", want: []want{{Text: "bit.ly/x", Host: "bit.ly", Verdict: linkcheck.Shortener, Reason: rShort}}},
	{name: "phone emoji before a number and a host", in: "☎️ +7 (999) 123-45-67, ✅️salon.ru/zapis", want: []want{{Text: "salon.ru/zapis", Host: "salon.ru"}}},
	{name: "phone emoji before a tel link", in: "☎️tel:+79991234567", want: []want{{Text: "tel:+79991234567"}}},
	{name: "keycap before a host", in: "1️⃣salon.ru", want: []want{{Text: "salon.ru", Host: "salon.ru"}}, why: "the keycap U+20E3 is an enclosing mark, which no host label holds: the digit before it is no label"},
	{name: "emoji sequence before a host", in: "👨‍💻salon.ru", want: []want{{Text: "salon.ru", Host: "salon.ru"}}, why: "a zero-width joiner inside the emoji"},
	{name: "Hangul filler before a host", in: "\u3164salon.ru", want: []want{{Text: "salon.ru", Host: "salon.ru"}}, why: "U+3164 is an invisible letter"},
	{name: "left-to-right mark after a path", in: "https://salon.ru/a\u200e", want: []want{{Text: "https://salon.ru/a", Host: "salon.ru"}}},
	{name: "right-to-left mark after a host", in: "salon.ru\u200f", want: []want{{Text: "salon.ru", Host: "salon.ru"}}},
	{name: "direction mark after a path, then punctuation", in: "salon.ru/a.\u200e,", want: []want{{Text: "salon.ru/a", Host: "salon.ru"}}},
	{name: "isolates around a link", in: "\u2066https://salon.ru/a?b=1\u2069", want: []want{{Text: "https://salon.ru/a?b=1", Host: "salon.ru"}}},
	{name: "right-to-left override after a port", in: "salon.ru:8080\u202e", want: []want{{Text: "salon.ru:8080", Host: "salon.ru"}}},
	{name: "direction mark inside a host", in: "salon\u200f.ru", want: []want{{Text: "salon\u200f.ru", Host: "salon.ru", Verdict: linkcheck.Suspicious, Reason: rZW}}, why: "inside a host an invisible character hides something"},
	{name: "variation selector inside a host", in: "sal\ufe0fon.ru", want: []want{{Text: "sal\ufe0fon.ru", Host: "salon.ru", Verdict: linkcheck.Suspicious, Reason: rZW}}, why: "after a letter it is no emoji's"},
	{name: "invisible letter inside a scheme link's host", in: "https://sa\u3164lon.ru", want: []want{{Text: "https://sa\u3164lon.ru", Host: "salon.ru", Verdict: linkcheck.Suspicious, Reason: rZW}}},
}

func TestCheck(t *testing.T) {
	for _, tc := range checkCases {
		t.Run(tc.name, func(t *testing.T) {
			checkOne(t, tc, "", "")
		})
	}
}

// TestCheckWrapped re-runs every row inside white space, Russian text and
// the invisible characters that stand beside links in templates (an emoji's
// variation selector U+FE0F before, a direction mark after): the links are
// the same, shifted.
func TestCheckWrapped(t *testing.T) {
	wraps := []struct{ before, after string }{
		{" ", " "},
		{"\n\t", "\r\n"},
		{"Ссылка: ", " — ждём вас!"},
		{"Привет 👋 ", "\nС уважением, Салон"},
		{"Запись ✅️ ", "\u200e и ждём"},
		{"✅️", "\u200f"},
		{"▶️\u2066", "\u2069. Ждём"},
	}
	for _, tc := range checkCases {
		for _, w := range wraps {
			t.Run(tc.name, func(t *testing.T) {
				checkOne(t, tc, w.before, w.after)
			})
		}
	}
}

func checkOne(t *testing.T, tc checkCase, before, after string) {
	t.Helper()
	defer func() {
		if t.Failed() && tc.why != "" {
			t.Logf("why: %s", tc.why)
		}
	}()
	msg := before + tc.in + after
	links := linkcheck.New(tc.opts).Check(msg)
	var got []want
	for _, l := range links {
		if msg[l.Start:l.End] != l.Text {
			t.Errorf("msg[%d:%d] = %q, Text %q", l.Start, l.End, msg[l.Start:l.End], l.Text)
		}
		if (l.Verdict == linkcheck.OK) != (l.Reason == "") {
			t.Errorf("%q: verdict %v with reason %q", l.Text, l.Verdict, l.Reason)
		}
		got = append(got, want{Text: l.Text, Host: l.Host, Verdict: l.Verdict, Reason: l.Reason})
	}
	for i := range got {
		if i < len(tc.want) && tc.want[i].Reason != "" && strings.Contains(got[i].Reason, tc.want[i].Reason) {
			got[i].Reason = tc.want[i].Reason
		}
	}
	if diff := cmp.Diff(tc.want, got); diff != "" {
		t.Errorf("Check(%q) mismatch (-want +got):\n%s", msg, diff)
	}
}

func TestVerdictString(t *testing.T) {
	for v, s := range map[linkcheck.Verdict]string{
		linkcheck.OK: "ok", linkcheck.Shortener: "shortener", linkcheck.Blocked: "blocked",
		linkcheck.Suspicious: "suspicious", linkcheck.Verdict(7): "verdict(7)",
	} {
		if got := v.String(); got != s {
			t.Errorf("Verdict(%d).String() = %q, want %q", int(v), got, s)
		}
	}
	for k, s := range map[linkcheck.Kind]string{
		linkcheck.Web: "web", linkcheck.Email: "email", linkcheck.Phone: "phone",
		linkcheck.Script: "script", linkcheck.Kind(-1): "kind(-1)",
	} {
		if got := k.String(); got != s {
			t.Errorf("Kind(%d).String() = %q, want %q", int(k), got, s)
		}
	}
}

func TestDomainAndKind(t *testing.T) {
	links := linkcheck.New(nil).Check("https://a.b.example.co.uk/x info@shop.ru tel:+79991234567 http://10.0.0.1/ javascript:void(0)")
	var got [][3]string
	for _, l := range links {
		got = append(got, [3]string{l.Text, l.Kind.String(), l.Domain})
	}
	wantLinks := [][3]string{
		{"https://a.b.example.co.uk/x", "web", "example.co.uk"},
		{"info@shop.ru", "email", "shop.ru"},
		{"tel:+79991234567", "phone", ""},
		{"http://10.0.0.1/", "web", ""},
		{"javascript:void(0)", "script", ""},
	}
	if diff := cmp.Diff(wantLinks, got); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
}

// TestNoAllocs asserts the promise of the pre-scan: no allocation when a
// message holds no link, even with dots, colons and abbreviations.
func TestNoAllocs(t *testing.T) {
	c := linkcheck.New(nil)
	for _, msg := range []string{
		"",
		"Здравствуйте, Анна! С 1 декабря наш салон в г. Москва, ул. Ленина, д. 5 работает с 9:00 до 21:00, т.е. без выходных.",
		"г.Москва, ул.Ленина, т.е., 3.5%, 01.02.2025, сайт.рфмагазин, А. С. Пушкина, (999) [1] {x}",
		"Note: Tel: Email: foo@bar (dot) x [.] y",
		"Наша точка онлайн работает — круглосуточно… Новая точка москва, конечная точка ru, 5 [.] 5",
		strings.Repeat("Очень длинное сообщение без ссылок. ", 200),
	} {
		if n := testing.AllocsPerRun(20, func() { c.Check(msg) }); n != 0 {
			t.Errorf("Check(%.40q...) allocates %v times, want 0", msg, n)
		}
		if got := c.Check(msg); got != nil {
			t.Errorf("Check(%.40q...) = %v, want nil", msg, got)
		}
	}
}

// TestHostile: long runs that could make a naive scanner quadratic finish
// quickly and find nothing or something sane.
func TestHostile(t *testing.T) {
	c := linkcheck.New(nil)
	for name, msg := range map[string]string{
		"dots":        strings.Repeat("a.", 100000),
		"long label":  strings.Repeat("а", 100000) + ".рф",
		"at signs":    strings.Repeat("a@", 100000),
		"schemes":     strings.Repeat("http:", 100000),
		"slashes":     strings.Repeat("//", 100000),
		"brackets":    strings.Repeat("[.]", 100000),
		"spaced dots": strings.Repeat("a . ", 100000),
		"parens":      "https://salon.ru/" + strings.Repeat(")", 100000),
		"numbers":     strings.Repeat("1.", 100000),
		"mailto":      strings.Repeat("mailto:a@b?", 100000),
		"mailto web":  strings.Repeat("mailto:a@b?", 100000) + "https://bit.ly/x",
		"точка":       strings.Repeat("a точка ", 100000) + "ru",
		"leaders":     strings.Repeat("․a", 100000),
	} {
		t.Run(name, func(t *testing.T) {
			for _, l := range c.Check(msg) {
				if msg[l.Start:l.End] != l.Text {
					t.Fatalf("bad span %d:%d", l.Start, l.End)
				}
			}
		})
	}
}

func TestOptionsEntries(t *testing.T) {
	for _, tc := range []struct {
		entry string
		host  string // checked as https://HOST/
		want  linkcheck.Verdict
	}{
		{"competitor.ru", "competitor.ru", linkcheck.Blocked},
		{"COMPETITOR.RU.", "shop.competitor.ru", linkcheck.Blocked},
		{"*.competitor.ru", "a.competitor.ru", linkcheck.Blocked},
		{".competitor.ru", "competitor.ru", linkcheck.Blocked},
		{"https://user@competitor.ru:8080/path?x", "competitor.ru", linkcheck.Blocked},
		{" competitor.ru\t", "competitor.ru", linkcheck.Blocked},
		{"конкурент.рф", "КОНКУРЕНТ.РФ", linkcheck.Blocked},
		{"[::1]", "[::1]", linkcheck.Blocked},
		{"competitor.ru", "notcompetitor.ru", linkcheck.OK},
		{"", "competitor.ru", linkcheck.OK},
		{"not a domain!", "competitor.ru", linkcheck.OK},
	} {
		c := linkcheck.New(&linkcheck.Options{Block: []string{tc.entry}})
		links := c.Check("https://" + tc.host + "/")
		if len(links) != 1 || links[0].Verdict != tc.want {
			t.Errorf("Block %q, link to %s: got %+v, want verdict %v", tc.entry, tc.host, links, tc.want)
		}
	}
}

// TestConcurrent uses one Checker from several goroutines (run with -race).
func TestConcurrent(t *testing.T) {
	c := linkcheck.New(&linkcheck.Options{Block: []string{"competitor.ru"}})
	done := make(chan []linkcheck.Link)
	for g := 0; g < 4; g++ {
		go func() {
			var last []linkcheck.Link
			for i := 0; i < 50; i++ {
				last = c.Check("bit.ly/x competitor.ru сайт.рф https://google.com/url?q=https://clck.ru/x")
				last = append(last, linkcheck.New(nil).Check("wa.me/7999")...)
			}
			done <- last
		}()
	}
	for g := 0; g < 4; g++ {
		got := <-done
		var verdicts []linkcheck.Verdict
		for _, l := range got {
			verdicts = append(verdicts, l.Verdict)
		}
		want := []linkcheck.Verdict{linkcheck.Shortener, linkcheck.Blocked, linkcheck.OK, linkcheck.Suspicious, linkcheck.OK}
		if diff := cmp.Diff(want, verdicts); diff != "" {
			t.Errorf("verdicts (-want +got):\n%s", diff)
		}
	}
}

// TestWellKnownShorteners: the shorteners users meet, the ones popular in
// Russia among them, are on the shipped lists; a company's own short
// domain, which leads only to its own site, is not.
func TestWellKnownShorteners(t *testing.T) {
	c := linkcheck.New(nil)
	for _, tc := range []struct {
		host string
		want linkcheck.Verdict
		why  string
	}{
		{"goo.gl", linkcheck.Shortener, "Google's retired shortener, added by spinwise"},
		{"qps.ru", linkcheck.Shortener, "added by spinwise"},
		{"tr.ee", linkcheck.Shortener, "Linktree's short links, added by spinwise"},
		{"clck.ru", linkcheck.Shortener, "Yandex"},
		{"vk.cc", linkcheck.Shortener, "VK"},
		{"u.to", linkcheck.Shortener, ""},
		{"goo.su", linkcheck.Shortener, ""},
		{"rlu.ru", linkcheck.Shortener, ""},
		{"kurl.ru", linkcheck.Shortener, ""},
		{"surl.li", linkcheck.Shortener, ""},
		{"bit.ly", linkcheck.Shortener, ""},
		{"tinyurl.com", linkcheck.Shortener, ""},
		{"cutt.ly", linkcheck.Shortener, ""},
		{"is.gd", linkcheck.Shortener, ""},
		{"t.ly", linkcheck.Shortener, ""},
		{"go-link.ru", linkcheck.Shortener, "a Russian public shortener, added by spinwise"},
		{"s.ee", linkcheck.Shortener, "added by spinwise"},
		{"shorten.world", linkcheck.Shortener, "added by spinwise"},
		{"linkvertise.com", linkcheck.Shortener, "a pay-per-click wrapper, added by spinwise"},
		{"temu.to", linkcheck.OK, "a company's own short domain"},
		{"youtu.be", linkcheck.OK, "a company's own short domain: it leads to YouTube only"},
		{"goo.glass.ru", linkcheck.OK, "goo.gl matches on label boundaries only"},
	} {
		for _, msg := range []string{"https://" + tc.host + "/abc", "Ссылка: " + tc.host + "/abc, ждём"} {
			links := c.Check(msg)
			if len(links) != 1 || links[0].Verdict != tc.want {
				t.Errorf("Check(%q) = %+v, want one link with verdict %v (%s)", msg, links, tc.want, tc.why)
			}
		}
	}
}

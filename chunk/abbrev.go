package chunk

// abbrevs are Russian abbreviations that are written with a period and are
// followed by a name, a number or a capitalised word, so a period after
// them never ends a sentence: "г. Москва", "ул. Ленина", "д. 5", "им.
// Пушкина", "тел. +7 ...". Keys are lower case, without the final period;
// inner periods stay ("т.е"). Written with spaces ("т. е.") they are one
// letter each and covered by the single-letter rule in abbreviation.
//
// Abbreviations that can close a sentence (руб., тыс., млн, шт., др., т.д.,
// т.п., мин.) are not here: a period after them ends a sentence unless the
// next word begins with a lower-case letter ("100 руб. в месяц" does not
// end, "и т.д. Далее" does), which classify checks before it asks this
// table.
//
// Source: compiled for this package (and under its licence) from common
// Russian usage: address elements (street and settlement types, building
// parts), titles, references and running text. It is not exhaustive; an
// abbreviation missing here costs at most one sentence-level cut where a
// word-level cut would do.
var abbrevs = map[string]bool{
	// addresses
	"г": true, "гг": true, "ул": true, "д": true, "кв": true, "корп": true,
	"стр": true, "пр": true, "просп": true, "пр-т": true, "пер": true,
	"наб": true, "пл": true, "ш": true, "б-р": true, "бул": true, "обл": true,
	"р-н": true, "пос": true, "пгт": true, "дер": true, "с": true, "мкр": true,
	"мкр-н": true, "тер": true, "эт": true, "оф": true, "каб": true,
	"пом": true, "зд": true, "вл": true, "лит": true, "туп": true, "пр-д": true,
	"стр-е": true, "а/я": true,
	// names, titles, references
	"им": true, "тел": true, "моб": true, "факс": true, "см": true, "ср": true,
	"напр": true, "рис": true, "табл": true, "гл": true, "п": true, "пп": true,
	"ст": true, "ч": true, "проф": true, "акад": true, "доц": true,
	"канд": true, "зав": true, "зам": true, "ген": true, "гр": true,
	"г-н": true, "г-жа": true, "св": true, "тов": true, "ред": true,
	"изд": true, "вып": true, "т": true, "е": true, "ок": true, "вкл": true,
	"искл": true, "англ": true, "рус": true, "лат": true, "нем": true,
	"франц": true, "сокр": true, "букв": true, "прим": true, "перев": true,
	"т.е": true, "т.к": true, "т.н": true, "т.ч": true, "т.о": true,
	"и.о": true, "н.э": true, "вр.и.о": true, "р": true, "ж": true,
	"ж.д": true, "м": true, "мл": true, "ст.ст": true, "св-во": true,
	// business papers and phone extensions: "исх. № 12", "доб. 45"
	"доб": true, "исх": true, "вх": true, "сч": true, "дог": true,
	// months before a year: "до 5 дек. 2026"
	"янв": true, "фев": true, "февр": true, "мар": true, "апр": true,
	"авг": true, "сен": true, "сент": true, "окт": true, "ноя": true,
	"нояб": true, "дек": true,
	// biographies, geography, languages, history: "(род. 21 декабря)",
	// "ум. 1837", "оз. Байкал", "Дж. Буш", "13 чел./км²", "митр. Филарет"
	"род": true, "ум": true, "оз": true, "о-в": true, "п-ов": true,
	"дж": true, "чел": true, "хр": true, "обл-ть": true,
	"респ": true, "окр": true, "губ": true, "у": true, "вол": true,
	"сев": true, "юж": true, "зап": true, "вост": true,
	"митр": true, "архиеп": true, "еп": true, "свящ": true, "прот": true,
	"кн": true, "имп": true, "кор": true, "полк": true, "подполк": true,
	"кап": true, "лейт": true, "мл.лейт": true, "ст.лейт": true, "серж": true,
	"адм": true, "ген.-л": true, "ген.-м": true, "нач": true, "пред": true,
	"засл": true, "нар": true, "худ": true, "реж": true, "соч": true,
	"греч": true, "др.-греч": true, "итал": true, "исп": true, "фр": true,
	"араб": true, "кит": true, "яп": true, "тур": true, "укр": true,
	"белор": true, "польск": true, "швед": true, "санскр": true, "ст.-слав": true,
	"церк": true, "диал": true, "устар": true, "разг": true, "перен": true,
	"мн": true, "ед": true, "ил": true, "илл": true, "предисл": true,
	"сост": true, "пер.с": true, "науч": true, "техн": true, "мед": true,
	"биол": true, "хим": true, "физ": true, "мат": true, "геогр": true,
	"ист": true, "экон": true, "юрид": true, "филол": true, "пед": true,
	"психол": true, "филос": true, "гос": true, "гос-во": true, "ин-т": true,
	"ун-т": true, "о-во": true, "к-т": true, "з-д": true,
	"прибл": true, "приб": true,
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "vs": true,
	"no": true, "tel": true, "e.g": true, "i.e": true,
}

// endable are abbreviations of short letter groups that would otherwise
// look like "т.е" to the letter-group rule but commonly close a sentence.
var endable = map[string]bool{
	"т.д": true, "т.п": true, "и.т.д": true, "и.т.п": true, "etc": true,
	"н.э": true, "до.н.э": true,
}

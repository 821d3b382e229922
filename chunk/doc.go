// Package chunk splits a long message into short ones the way a person
// would write them, never cutting links, phone numbers or markup.
//
// Several short messages read like a conversation; one long block reads
// like a mailing. [Split] cuts a rendered message into chunks of at most
// [Options].Max units each. [SplitLinks] does the same with the links the
// caller has already found with a linkcheck.Checker (package campaign
// checks every message's links, then splits it), so that they are not
// looked for twice.
//
// # Units
//
// Every length is in the [Unit] the caller picks: [Runes] (the default),
// [UTF16] code units (what WhatsApp and Telegram count; a rune above U+FFFF
// is two) or [Graphemes] (extended grapheme clusters, UAX #29). Offsets in
// errors are in bytes. The default limit is [DefaultMax], 300 units;
// WhatsApp's own hard limit is 4,096 UTF-16 code units.
//
// # Where a chunk ends
//
// A chunk ends at the strongest boundary that lets it fit, and among
// boundaries of that strength at the last one that fits:
//
//  1. a paragraph break: two or more line breaks, a blank line;
//  2. a line break;
//  3. a sentence end (below);
//  4. a clause end: white space after ',' ';' ':' or a dash ('—', '–', or
//     '-' standing alone between spaces), unless the chunk would be shorter
//     than a quarter of Max (a lone "Да," is no message), when it counts as
//     a word boundary;
//  5. any other white space between words, except after a short
//     preposition, conjunction or particle ("в", "на", "по", "и", "или",
//     "не", ...: the list is in sentence.go), which Russian typesetting
//     keeps with the next word;
//  6. the white space after such a short word: a chunk ends on "по" only
//     when no other space fits or when "по" and the word after it cannot
//     fit in the next chunk together anyway;
//  7. when a single word does not fit, a grapheme cluster boundary inside
//     it.
//
// No-break spaces (U+00A0, U+2007, U+202F) are white space but never a
// boundary: "5 000" and "г. Москва" written with them stay together. A
// chunk is never cut inside a grapheme cluster, so "й" written as и +
// U+0306, a flag or an emoji ZWJ sequence stays whole.
//
// Text that fits comes back as one chunk. When the text does not fit, each
// chunk takes as much as it can up to the chosen boundary, so a short last
// piece such as a lone "Спасибо!" is merged into the chunk before it
// whenever the two fit together; it stands alone only when they do not.
//
// # Sentences
//
// A sentence ends at '.', '!', '?', '…', "...", "?!" and the like,
// followed by any closing quotes or brackets ('»', '"', '”', ')', ']') and
// then white space. [Sentences] returns the sentences of a text by these
// rules. Words made only of emoji, smileys ("))))", ":)", "((") or hash
// tags that follow a sentence end belong to that sentence: "Ждём вас! 😊
// Приходите" ends after "😊", and "Отлично! 🎉🎉" is one sentence, so no
// chunk is emoji alone when they fit with their sentence. A bullet (✅,
// 👉, ▶, a keycap) after an end begins the next sentence instead. Emoji or
// a smiley before a capital letter, a mention ("@anna") or a dash and a
// capital end a sentence even without a mark: "Такие вы классные😍 Мы",
// "Спасибо))) Ждём", and so does a hand pointing up at the words it is
// glued to ("отдыху☝🏻 А какой"), but not another bullet glued to a word,
// which marks what follows it ("по адресу📍 Москва"). So do two hash tags
// or more before a capital ("#отдых #отель Добрый вечер") and a link after
// words ("петицию https://x.ru/1 Против", not the second of two links). A
// lone "(" after an end is a sad smiley unless a ")" closes it ahead on
// its line: then it opens the next sentence ("налогами. ( Не
// карманных)."). A pronoun, conjunction, particle, question word or
// sentence adverb written with a capital after a lower-case word and
// before another begins a sentence the writer did not mark: "Спасибо за
// заказ Мы доставим его завтра", "Напишу обязательно Я тоже", "новый зал
// Несмотря на ремонт". Not among them: words that templates capitalise for
// emphasis or as a keyword ("сказать Спасибо", "у нас Очень выгодные
// цены", "отправьте слово Привет"); the polite "Вы", "Вас", "Ваш", written
// with a capital inside a sentence; prepositions and "и", "а", which set
// phrases capitalise ("поздравляем С днём рождения", "ждём вас В гости");
// and title case.
//
// Not every mark ends one:
//
//   - '!', '?' or '…' before a dash and a lower-case word is dialogue: "—
//     Правда? — спросил он." is one sentence; so is '!' or '?' inside
//     quotes before a lower-case word ("«Стой!» — крикнул он", "«Кто там?»,
//     — спросил он") and inside a quotation that closes soon after on the
//     same line ("Он подумал: "Вот это да! Землетрясение!" А потом");
//   - no mark ends a sentence before a word that cannot begin one (',',
//     ';', ':', ')', '/', '%') or before a bracket that opens a year or a
//     lower-case remark: "«Как это делалось...» (1992)", "13 чел. / км²";
//   - '…' and "..." before a lower-case word are a pause: "Ну… ладно";
//   - a period before a lower-case word does not end a sentence after an
//     abbreviation ("т. е. вы", "5 тыс. рублей", "100 руб. в месяц", "и
//     др. вопросы"), but does after a full word: a word of three letters or
//     more that ends in a vowel, 'ь' or 'й' (abbreviations are cut before a
//     vowel), or of five letters or more: "Спасибо. жду ответа", "вверх.
//     я";
//   - a period after an abbreviation that precedes a name or a number does
//     not end one even before a capital letter: "г. Москва", "ул. Ленина",
//     "д. 5", "им. Пушкина", "род. 21 декабря", "оз. Байкал", "Дж. Лондон",
//     "т.е.", "т.к." (the list is in abbrev.go);
//   - nor after initials, one capital letter or several joined by periods:
//     "А. С. Пушкин", "Иванов И.И."; but a Latin I, V or X after a Cyrillic
//     name is a regnal number: "Пётр I. Потом" ends;
//   - nor after a single lower-case letter ("с. Ивановка", "п. 3"), except
//     the pronoun "я"; a letter after digits is the end of a word, not an
//     abbreviation: "в 1980-е. Затем", "500р. Звоните" end;
//   - nor after a list number of one or two digits ("1.", "2.1.") at the
//     start of a line or of a sentence: "1. Первый пункт", "итогам. 2. По
//     плану". A longer number ends a sentence ("В 1905. Потом"). Periods
//     inside numbers ("3.5", "01.02.2025") are not followed by white
//     space, so they never end a sentence either. A list marker with a
//     bracket is no smiley: it never ends a sentence, it opens the item
//     after it. It is a letter and ')' ("б)") anywhere, or one or two digits
//     and ')' ("1)") at the start of a line or a sentence or after ':', ','
//     or ';'; elsewhere "до 18) До встречи" is a number and a smiley.
//
// Some abbreviations end a sentence before a capital letter though:
// those that often close one ("руб.", "тыс.", "млн", "др.", "т.д.",
// "т.п.", and "т. д.", "т. п.", "н. э." written with spaces); a year, a
// century or a unit after a number ("в 1905 г. Потом", "1904–1905 гг.",
// "XVII в.", "200 мл. Хватит", "13 чел."); an abbreviation that precedes
// numbers ("ок.", "рис.", "кв.") before a capital; a title that precedes
// names ("митр.", "проф.") before a number; and any abbreviation whose
// bracket closes before the final period: "(с 1920 г.). Далее". "и т.д.
// и т.п." does not end.
//
// A line break ends a sentence for Sentences unless the line ends with a
// comma, a colon, a semicolon, a dash or a short preposition or
// conjunction, or the next line begins with a lower-case letter; Split
// cuts at line breaks before sentence ends in any case.
//
// # Atomic spans
//
// These are never cut:
//
//   - links, as found by [github.com/spinwise/spinwise/linkcheck];
//   - e-mail addresses ("info@salon.ru");
//   - phone numbers: 7 to 15 digits in groups joined by single spaces,
//     hyphens or brackets, every group after the first of two digits or
//     more, starting with '+', or with 10 digits or more, or with a hyphen
//     ("+7 (999) 123-45-67", "8 800 555-35-35", "555-35-35"); when the
//     groups run on past a phone ("+7 (999) 123-45-67 7 дней", or two
//     numbers in a row), the phone ends at the last space where it was
//     still one;
//   - placeholders left in the text, "{{ ... }}" or "{=Object:FIELD}",
//     closed on the same line;
//   - WhatsApp markup pairs that fit in Max: *жирный*, _курсив_,
//     ~зачёркнутый~, ```моно```. An opening marker follows the start, white
//     space or punctuation and precedes a non-space; a closing marker
//     follows a non-space and precedes the end, white space or
//     punctuation; a pair does not cross a blank line, and inside
//     ```моно``` other markers are plain text. Markers inside links and
//     e-mail addresses do not count.
//
// Amounts written with ordinary spaces between digit groups, as CRM fields
// often hold them, are kept whole when they fit in Max, and cut as text
// when they do not: 1 to 3 digits, then groups of exactly 3 digits each
// after one space, an optional decimal part and an optional currency sign
// after one space ("1 234,50 ₽", "177 199 ₽", "10 000 $").
//
// An atomic span longer than Max is an error, a [*SpanError] with the span
// and its byte offset, not a cut. So is a single grapheme cluster longer
// than Max (a flag at Max 1 rune).
//
// # Markup longer than Max
//
// A markup pair that fits in Max is kept whole, as above. A pair longer than
// Max cannot be kept whole, so it is cut like ordinary text and re-opened:
// the chunk that ends inside it gets the closing marker appended, and the
// next chunk gets the opening marker prepended, so every chunk's markup is
// balanced. At Max 12, "*очень длинный текст*" gives "*очень*",
// "*длинный*", "*текст*" (markers of nested pairs close innermost first).
// The added markers count towards Max; when they leave no room for even one
// character, Split returns a [*SpanError] for the pair. This is the only
// case where a chunk holds text that is not in the input.
//
// # Guarantees
//
//   - Every chunk is non-empty, at most Max units long, and neither starts
//     nor ends with white space (a grapheme cluster of white space only; a
//     space that a combining mark attaches to is part of a character).
//   - Nothing is lost: the chunks joined, with all white space removed,
//     equal the input with all white space removed (apart from the markers
//     added to re-open long markup pairs).
//   - Time and memory are linear in the length of the text; Split never
//     panics.
//
// # Invalid UTF-8
//
// Invalid UTF-8 is passed through byte for byte, never replaced: each
// invalid byte counts as one rune, one UTF-16 code unit and one grapheme
// cluster (as U+FFFD would), and chunk boundaries fall only between whole
// runes or invalid bytes, so every chunk is a byte-exact substring of the
// input (plus any re-opened markers).
package chunk

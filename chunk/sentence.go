package chunk

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// near is what the level of a run of spaces (no line break) depends on:
// the word before it and its neighbours.
type near struct {
	prev      string // the word before tok on its line; "" when tok begins the line
	tok       string // the word the run follows
	next      string // the text after the run, nextLen bytes of it: where the next word begins
	next2     string // when the next word is a dash, the word after it on the line (lookahead bytes at most); else ""
	lineStart bool   // tok begins a line (or the text)
	afterEnd  bool   // tok begins a sentence: a line or the text, or the run before it ends one
	depth     int    // '(' opened and not closed before tok in this paragraph
	// quoteCloses: tok is inside a quotation opened before it on its line
	// that closes within lookahead bytes after it.
	quoteCloses bool
}

// lookahead bounds how much of the next words classify reads, so that the
// walk stays linear however long a word is.
const lookahead = 48

// classify returns the level of a run of spaces (no line break).
func classify(c near) level {
	if c.depth == 0 && listMarker(c.tok, c.afterEnd || listIntro(c.prev)) {
		return levelWord // "1) Первый пункт", "б) второй": the item goes on, no smiley ends it
	}
	core, decor := stripDecor(c.tok, c.depth)
	t := trimClosers(core)
	quoted := len(t) < len(core)
	next, _ := utf8.DecodeRuneInString(c.next)
	if t == "" {
		// Only emoji, smileys or closing marks: a sentence ends after them
		// when a capital follows ("Ждём вас 😊 Приходите"); a bullet goes
		// with the words after it ("✅ Готово").
		if decor && startsSentence(c.next, c.next2) && !strings.ContainsFunc(c.tok, bullet) {
			return levelSentence
		}
		return levelWord
	}
	r, size := utf8.DecodeLastRuneInString(t)
	if (r == '!' || r == '?' || r == '…' || r == '.') && startsLower(c.next2) {
		return levelClause // dialogue: "— Правда? — спросил он.", "и т. д. — это"
	}
	switch {
	case r == '!' || r == '?' || r == '…' || r == '.' && strings.HasSuffix(t, ".."):
		if unicode.IsLower(next) && (r == '…' || r == '.' || quoted || decor) {
			// "Ну… ладно", "«Стой!» — крикнул он", "верю!)) правда"
			return levelWord
		}
		if continues(c.next) {
			return levelWord // "«Как это делалось...» (1992)"
		}
		if c.quoteCloses && !quoted {
			return levelWord // "Он подумал: «Вот это да! Землетрясение!» А потом"
		}
		return levelSentence
	case r == '.':
		if unicode.IsLower(next) {
			if fullWord(trimOpeners(t[:len(t)-size])) {
				return levelSentence // "Спасибо. жду ответа": a word, not an abbreviation
			}
			return levelWord // "т. е. вы", "5 тыс. рублей", "100 руб. в месяц"
		}
		if continues(c.next) {
			return levelWord // "13 чел. / км²"
		}
		w := t[:len(t)-size]
		if w == "" {
			return levelSentence
		}
		if l, _ := utf8.DecodeLastRuneInString(w); closer(l) {
			return levelSentence // "(с 1920 г.). Далее": the bracket closed, then the sentence
		}
		w = trimOpeners(w)
		if digitsAndDots(w) {
			// A list number at the start of a line or of a sentence: "1.
			// Первый пункт", "итогам. 2. По"; a year or a long number ends
			// a sentence ("в 1905. Потом").
			if c.afterEnd && listNumber(w) && !unicode.IsDigit(next) {
				return levelWord
			}
			return levelSentence
		}
		if endsAfter(c.prev, w, next) {
			return levelSentence
		}
		if abbreviation(w) {
			return levelWord
		}
		return levelSentence
	case r == ',' || r == ';' || r == ':' || r == '—' || r == '–':
		return levelClause
	case r == '-':
		if t == "-" || t == "--" {
			return levelClause // a hyphen standing for a dash
		}
	}
	if decor && startsSentence(c.next, c.next2) && (!strings.ContainsFunc(c.tok, bullet) || pointsBack(c.tok, core, t)) {
		// A bullet marks the item after it ("✅ Стрижка", "адресу📍
		// Москва"), unless it is a hand pointing up at the words it
		// is glued to ("отдыху)))☝🏻 А какой").
		return levelSentence // "Такие вы классные😍 Мы", "отлично) Завтра", "спасибо 😊 @anna"
	}
	if unicode.IsUpper(next) && (hashtag(c.tok) && hashtag(c.prev) || link(c.tok) && !link(c.prev)) {
		// A run of hash tags closes a post ("#отдых #отель Добрый вечер");
		// a link after words closes their sentence ("подписывайте
		// https://x.ru/1 Против"), but not one of a list of links.
		return levelSentence
	}
	if capitalFunctionWord(c.next) && lowerWord(c.tok) {
		// Words with no punctuation, then a pronoun, conjunction or
		// particle with a capital: a new sentence that the writer did not
		// mark ("Напишу обязательно Я тоже не понимаю").
		return levelSentence
	}
	if hanging(c.tok) {
		return levelHanging
	}
	return levelWord
}

// plainWord reports whether tok is one of the commonest words: ASCII
// letters and digits and the Cyrillic letters А-Я, а-я, Ё, ё, then at
// most one ',', ';' or ':'. Such a word has no quotation mark (for
// quoteState), bracket (parenDelta), emoji, smiley, closing mark or dash
// (stripDecor, trimClosers, attachable), and is no list marker, hash tag
// or link.
func plainWord(tok string) bool {
	n := len(tok)
	if n == 0 {
		return false
	}
	switch tok[n-1] {
	case ',', ';', ':':
		n--
	}
	if n == 0 {
		return false
	}
	for k := 0; k < n; {
		c := tok[k]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
			k++
		case k+1 < n && cyrillicLetter(c, tok[k+1]):
			k += 2
		default:
			return false
		}
	}
	return true
}

// cyrillicLetter reports whether the bytes b0, b1 encode one of А-Я, а-я,
// Ё, ё.
func cyrillicLetter(b0, b1 byte) bool {
	return b0 == 0xD0 && (b1 >= 0x90 && b1 <= 0xBF || b1 == 0x81) || b0 == 0xD1 && (b1 >= 0x80 && b1 <= 0x8F || b1 == 0x91)
}

// quickLevel returns, without the context classify needs, the level
// classify gives a run of spaces after the plain word tok (see plainWord)
// when text[i:] follows the run; ok is false when the answer depends on
// more.
//
// It agrees with classify because a plain word is no list marker and has
// no emoji, smiley or closing mark at its end: stripDecor and trimClosers
// leave it, and decor is false. After ',', ';' or ':' classify says
// levelClause whatever follows. After a letter or a digit no punctuation
// rule applies and tok is no hash tag or link; only
// "capitalFunctionWord(next) && lowerWord(tok)" remains before hanging,
// and capitalFunctionWord is false when the next word begins with ASCII
// or a lower-case а-я, ё: it needs a Cyrillic capital.
func quickLevel(tok, text string, i int) (l level, ok bool) {
	switch tok[len(tok)-1] {
	case ',', ';', ':':
		return levelClause, true
	}
	if text[i] >= utf8.RuneSelf && (i+1 == len(text) || !lowerCyrillic(text[i], text[i+1])) {
		return 0, false // maybe a capital function word: "обязательно Я тоже"
	}
	switch {
	case len(tok) > 6:
		return levelWord, true // longer than any word hanging knows
	case len(tok) >= 2 && lowerCyrillic(tok[0], tok[1]):
		if hangingWord(tok) { // in lower case already: hanging(tok)
			return levelHanging, true
		}
		return levelWord, true
	}
	if hanging(tok) {
		return levelHanging, true
	}
	return levelWord, true
}

// lowerCyrillic reports whether the bytes b0, b1 encode a lower-case
// letter а-я or ё.
func lowerCyrillic(b0, b1 byte) bool {
	return b0 == 0xD0 && b1 >= 0xB0 && b1 <= 0xBF || b0 == 0xD1 && (b1 >= 0x80 && b1 <= 0x8F || b1 == 0x91)
}

// listMarker reports whether w marks a list item with a closing bracket:
// a letter lists are lettered with and ')' ("б)", "c)"), or, where an item
// may begin (placed: at the start of a line or a sentence, or after a
// colon, comma or semicolon), one or two digits and ')' ("1)", "12)").
// Elsewhere a number before ')' is a number and a smiley: "Ждём вас до 18)
// До встречи".
func listMarker(w string, placed bool) bool {
	m, ok := strings.CutSuffix(w, ")")
	if !ok || m == "" {
		return false
	}
	if len(m) <= 2 && strings.Trim(m, "0123456789") == "" {
		return placed
	}
	r, n := utf8.DecodeRuneInString(m)
	return n == len(m) && (r >= 'а' && r <= 'е' || r >= 'a' && r <= 'f')
}

// listIntro reports whether the word w ends with a mark after which a
// list item may follow on the same line: ':', ',' or ';'.
func listIntro(w string) bool {
	return strings.HasSuffix(w, ":") || strings.HasSuffix(w, ",") || strings.HasSuffix(w, ";")
}

// lowerWord reports whether w is a word of two or more lower-case
// Cyrillic letters and hyphens, not a preposition or conjunction that the
// next word belongs to, nor an abbreviation written without its period
// ("2015 г На").
func lowerWord(w string) bool {
	if len(w) < 4 || len(w) > 64 || hanging(w) || abbrevs[w] {
		return false
	}
	letters := 0
	for _, r := range w {
		if r == '-' {
			continue
		}
		if !unicode.Is(unicode.Cyrillic, r) || !unicode.IsLower(r) {
			return false
		}
		letters++
	}
	return letters >= 2
}

// capitalFunctionWord reports whether s begins with a pronoun,
// conjunction, particle, question word or sentence adverb written with a
// capital and then a lower-case word: "Я тоже", "Или хочет", "Не
// допустить", "Несмотря на". Inside a sentence these are written in lower
// case. Words that templates capitalise for emphasis or as a keyword are
// not among them: "сказать Спасибо мастерам", "у нас Очень выгодные
// цены", "отправьте слово Привет", "мы Поздравляем вас". Not among them: the polite "Вы", "Вас",
// "Ваш", written with a capital inside a sentence; prepositions and "и",
// "а", which set phrases capitalise ("поздравляем С днём рождения", "ждём
// вас В гости"); and a word in capitals.
func capitalFunctionWord(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	if !unicode.Is(unicode.Cyrillic, r) || !unicode.IsUpper(r) {
		return false
	}
	end := strings.IndexByte(s, ' ')
	if end < 0 || end > maxFunctionWordLen {
		return false
	}
	for _, r := range s[n:end] {
		if !unicode.IsLower(r) {
			return false
		}
	}
	var buf [maxFunctionWordLen]byte
	if !functionWords[string(lower(buf[:0], s[:end]))] {
		return false
	}
	next, _ := utf8.DecodeRuneInString(s[end+1:])
	return unicode.Is(unicode.Cyrillic, next) && unicode.IsLower(next)
}

// maxFunctionWordLen is the byte length of the longest key of
// functionWords ("несмотря").
const maxFunctionWordLen = 16

var functionWords = map[string]bool{
	"я": true, "мы": true, "он": true, "она": true, "оно": true, "они": true,
	"его": true, "её": true, "ее": true, "их": true, "ему": true, "ей": true,
	"им": true, "меня": true, "мне": true, "нас": true, "нам": true,
	"но": true, "или": true, "если": true, "когда": true, "потому": true,
	"поэтому": true, "однако": true, "зато": true, "тоже": true, "также": true,
	"не": true, "ни": true, "да": true, "нет": true, "вот": true, "ну": true,
	"уже": true, "еще": true, "ещё": true, "даже": true, "только": true,
	"так": true, "тут": true, "там": true, "здесь": true, "это": true,
	"этот": true, "эта": true, "эти": true, "что": true, "как": true,
	"кто": true, "где": true, "почему": true, "зачем": true,
	"особенно": true, "несмотря": true, "кстати": true, "наверное": true,
	"возможно": true, "потом": true, "тогда": true, "затем": true,
	"хотя": true, "ведь": true, "чтобы": true, "какой": true, "какая": true,
	"какое": true, "какие": true, "сколько": true, "куда": true,
}

// classify sees nextLen bytes of the next words: the longest function
// word, a space and a two-byte letter must fit (this fails to compile
// otherwise).
const _ = uint(nextLen - (maxFunctionWordLen + 3))

// endsAfter reports whether the period after the abbreviation w (without
// that period) ends a sentence before a word that begins with next (not a
// lower-case letter): "и т. д. Далее", "до н. э. Потом", and a unit or a
// year after a number, "в 1905 г. Потом", "в 1904–1905 гг. Затем", "4 × 400
// м. Однако", "500 р. Звоните".
func endsAfter(prev, w string, next rune) bool {
	if len(w) > maxAbbrevLen {
		return false // longer than any abbreviation in the tables below
	}
	if unicode.IsDigit(next) {
		// "в 2008 г. 15 мая"; but a title precedes a name, not a number:
		// "газскому митр. 5 июля"
		var buf [maxAbbrevLen * 2]byte
		return nameAbbrevs[string(lower(buf[:0], w))]
	}
	if !unicode.IsUpper(next) {
		return false
	}
	p := trimOpeners(prev)
	switch w {
	case "I", "V", "X":
		return capitalised(p) // "королю Твртко I. Сын": a Roman numeral after a name, not an initial
	case "д", "п":
		return p == "т." // "и т. д.", "и т. п."
	case "э":
		return p == "н." // "до н. э."
	}
	var buf [maxAbbrevLen * 2]byte
	if numberAbbrevs[string(lower(buf[:0], w))] {
		return true // "всё Ок. Своей": "ок." and "рис." precede numbers, not names
	}
	return afterNumber[w] && number(p)
}

// capitalised reports whether w is a Cyrillic word with a capital first
// letter and lower-case letters after it: "Твртко", "Пётр".
func capitalised(w string) bool {
	for i, r := range w {
		if !unicode.Is(unicode.Cyrillic, r) || unicode.IsUpper(r) != (i == 0) || !unicode.IsLetter(r) {
			return false
		}
	}
	return utf8.RuneCountInString(w) >= 2
}

// maxAbbrevLen is the byte length of the longest key of nameAbbrevs,
// numberAbbrevs and afterNumber ("подполк", "до н.э").
const maxAbbrevLen = 16

// numberAbbrevs precede a number, never a name: a period after one before
// a capital ends a sentence.
var numberAbbrevs = map[string]bool{
	"ок": true, "доб": true, "рис": true, "табл": true, "вып": true,
	"пп": true, "исх": true, "вх": true, "сч": true, "эт": true, "оф": true,
	"каб": true, "кв": true, "корп": true,
}

// afterNumber are the abbreviations of units and of years and centuries
// that end a sentence when they follow a number and precede a capital.
var afterNumber = map[string]bool{
	"г": true, "гг": true, "в": true, "вв": true, "м": true, "км": true,
	"см": true, "мм": true, "кг": true, "гр": true, "мл": true, "л": true,
	"р": true, "руб": true, "коп": true, "тыс": true, "млн": true,
	"млрд": true, "чел": true, "шт": true, "экз": true, "мин": true,
	"сек": true, "ч": true, "час": true, "сут": true, "мес": true,
	"долл": true, "га": true, "т": true, "ц": true, "с": true, "стр": true,
	"кв": true, "куб": true, "н.э": true,
}

// fullWord reports whether w, before a period, is a word rather than an
// abbreviation: Cyrillic letters only, not a known abbreviation, and
// either ending in a vowel, 'ь' or 'й' with three letters or more
// (abbreviations are cut before a vowel: "напр.", "англ.", "сокр."), or
// five letters or more long ("вверх.", "другим."; the longer
// abbreviations, "просп.", "франц.", "филос.", are in the tables).
func fullWord(w string) bool {
	n := 0
	var last rune
	for _, r := range w {
		if !unicode.Is(unicode.Cyrillic, r) || !unicode.IsLetter(r) {
			return false
		}
		n++
		last = unicode.ToLower(r)
	}
	if n < 3 || n > 40 {
		return false
	}
	var buf [128]byte
	if lw := lower(buf[:0], w); abbrevs[string(lw)] || endable[string(lw)] {
		return false
	}
	return n >= 5 || strings.ContainsRune("аеёиоуыэюяьй", last)
}

// lower appends w in lower case to b, without allocating when it fits:
// map keys for the abbreviation tables.
func lower(b []byte, w string) []byte {
	for _, r := range w {
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	return b
}

// nameAbbrevs are titles that precede a name, never a number: a period
// after one before a number ends a sentence.
var nameAbbrevs = map[string]bool{
	"им": true, "митр": true, "архиеп": true, "еп": true, "свящ": true,
	"прот": true, "кн": true, "имп": true, "полк": true, "подполк": true,
	"кап": true, "лейт": true, "серж": true, "адм": true, "ген": true,
	"проф": true, "акад": true, "доц": true, "г-н": true, "г-жа": true,
	"тов": true, "св": true, "дж": true, "зав": true, "зам": true,
}

// number reports whether w is a number, a range of numbers or a Roman
// numeral: "1905", "1904-1905", "1904–1905", "3,5", "XIX", "XVII–XVIII".
func number(w string) bool {
	digits, roman := 0, 0
	for _, r := range w {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case strings.ContainsRune("IVXLCM", r):
			roman++
		case r == '-' || r == '–' || r == '—' || r == '.' || r == ',' || r == '/':
		default:
			return false
		}
	}
	return (digits > 0) != (roman > 0)
}

// listNumber reports whether w (digits and dots) is a list item number:
// groups of one or two digits, "1", "12", "2.1".
func listNumber(w string) bool {
	n := 0
	for i := 0; i < len(w); i++ {
		if w[i] == '.' {
			n = 0
			continue
		}
		if n++; n > 2 {
			return false
		}
	}
	return true
}

// startsSentence reports whether the words w, w2 begin a sentence after
// emoji or a smiley: a capital letter, a mention ("@anna"), or a dash
// before a capital ("— Вы придёте?").
func startsSentence(w, w2 string) bool {
	if w2 != "" {
		w = trimOpeners(w2) // w is a dash
	}
	r, n := utf8.DecodeRuneInString(w)
	if r == '@' {
		r, _ = utf8.DecodeRuneInString(w[n:])
		return unicode.IsLetter(r)
	}
	return unicode.IsUpper(r)
}

// pointsBack reports whether the only bullets of the word tok are hands
// pointing up (☝, 👆) among the emoji after its letters: they point at
// the words before them. core is tok without those emoji and smileys, t
// the core without closing marks.
func pointsBack(tok, core, t string) bool {
	return strings.IndexFunc(t, unicode.IsLetter) >= 0 && !strings.ContainsFunc(core, bullet) &&
		!strings.ContainsFunc(tok[len(core):], func(r rune) bool { return bullet(r) && r != 0x261D && r != 0x1F446 })
}

// dash reports whether the word w is a dash standing alone.
func dash(w string) bool {
	return w != "" && dashLen(w) == len(w)
}

// dashLen returns the length of the dash that s begins with: "—", "–",
// "--" or "-"; 0 when it begins with none.
func dashLen(s string) int {
	switch {
	case strings.HasPrefix(s, "—"), strings.HasPrefix(s, "–"):
		return len("—")
	case strings.HasPrefix(s, "--"):
		return 2
	case strings.HasPrefix(s, "-"):
		return 1
	}
	return 0
}

func startsLower(w string) bool {
	r, _ := utf8.DecodeRuneInString(trimOpeners(w))
	return unicode.IsLower(r)
}

// continues reports whether a word that begins with w cannot begin a
// sentence, so the sentence goes on: punctuation that follows a word
// (",", ";", ":", ")", "/", "%"), or a bracket opening a year or a lower-case
// remark ("(1992)", "(см. ниже)").
func continues(w string) bool {
	if q := strings.TrimLeft(w, "»\"”'`"); q != w && q != "" {
		w = q // a closing quote, then "," or ")": "«Стой!», — сказал он"
	}
	r, n := utf8.DecodeRuneInString(w)
	switch r {
	case ',', ';', ':', ')', ']', '/', '%', '»':
		return true
	case '(':
		r2, _ := utf8.DecodeRuneInString(w[n:])
		return unicode.IsDigit(r2) || unicode.IsLower(r2)
	}
	return false
}

// stripDecor removes from the end of the word w the emoji and pictographs,
// and the smileys: ")" that close no bracket opened before ("да)))"),
// "((", and eyes before them (":)", ";-)", ":("); decor reports whether it
// removed any. depth is the count of brackets open before w.
func stripDecor(w string, depth int) (core string, decor bool) {
	core = w
	for core != "" {
		r, n := utf8.DecodeLastRuneInString(core)
		if !emojiRune(r) {
			break
		}
		core = core[:len(core)-n]
		decor = true
	}
	k := len(core)
	switch {
	case strings.HasSuffix(core, "(("):
		k = len(strings.TrimRight(core, "("))
	case strings.HasSuffix(core, ")"):
		opens := depth + strings.Count(core, "(")
		closes := strings.Count(core, ")")
		for extra := closes - opens; extra > 0 && k > 0 && core[k-1] == ')'; extra-- {
			k--
		}
	case strings.HasSuffix(core, ":(") || strings.HasSuffix(core, ":-("):
		k--
	}
	if k < len(core) {
		// Eyes and a nose before the mouth: ":)", ";-)", "=)".
		if k > 0 && core[k-1] == '-' && k > 1 && strings.IndexByte(":;=", core[k-2]) >= 0 {
			k--
		}
		if k > 0 && strings.IndexByte(":;=", core[k-1]) >= 0 {
			k--
		}
		core, decor = core[:k], true
	}
	return core, decor
}

// emojiRune reports whether r is part of an emoji or a pictograph: a
// symbol above U+2000, a joiner, a variation selector, a keycap, a tag.
func emojiRune(r rune) bool {
	return r == 0x200D || r == 0xFE0F || r == 0xFE0E || r == 0x20E3 || 0xE0020 <= r && r <= 0xE007F ||
		0x1F3FB <= r && r <= 0x1F3FF ||
		r >= 0x2000 && (unicode.Is(unicode.So, r) || unicode.Is(unicode.Sk, r))
}

// attachable reports whether the word w, following a sentence end, belongs
// to the sentence before: emoji, smileys and closing marks ("😊", ")))",
// ":)", "!!!"), with no letter or digit. A dash, an opening bracket or
// quote, a hash tag, an arrow, a check mark or a bullet begins the next
// sentence instead ("— Да.", "👉 Запись", "✅ Готово").
func attachable(w string) bool {
	if w == "" || dash(w) {
		return false
	}
	if hashtag(w) {
		return true // "Ждём вас! #салон #красота"
	}
	last, _ := utf8.DecodeLastRuneInString(w)
	closing := strings.Trim(w, "(") == "" || closer(last) || last == '.' || last == '!' || last == '?' // "((", "``."
	for i, r := range w {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || bullet(r):
			return false
		case i == 0 && (opener(r) && !closing || r == '#' || r == '@' || r == '-' || r == '*' || r == '_' || r == '~'):
			return false
		}
	}
	return true
}

// link reports whether w is a web address: it begins with "http://",
// "https://" or "www.".
func link(w string) bool {
	w = trimOpeners(w)
	return strings.HasPrefix(w, "http://") || strings.HasPrefix(w, "https://") || strings.HasPrefix(w, "www.")
}

// hashtag reports whether w is a hash tag, '#' and a letter: "#салон".
func hashtag(w string) bool {
	if len(w) < 2 || w[0] != '#' {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w[1:])
	return unicode.IsLetter(r)
}

// bullet reports whether r is a symbol that marks the start of an item:
// arrows, pointing hands, check marks, bullets, keycaps.
func bullet(r rune) bool {
	switch {
	case 0x2190 <= r && r <= 0x21FF, 0x2B05 <= r && r <= 0x2B07, 0x2794 <= r && r <= 0x27BF:
		return true // arrows
	case r == 0x1F448 || r == 0x1F449 || r == 0x261D || r == 0x1F446 || r == 0x1F447:
		return true // pointing hands
	case r == 0x2714 || r == 0x2705 || r == 0x2611 || r == 0x2713 || r == 0x2716 || r == 0x274C || r == 0x274E:
		return true // check and cross marks
	case r == 0x2022 || r == 0x25CF || r == 0x25AA || r == 0x25AB || r == 0x25FE || r == 0x25FD || r == 0x25B6 || r == 0x25BA ||
		0x1F534 <= r && r <= 0x1F539 || r == 0x2023 || r == 0x2043 || r == 0x25E6:
		return true // bullets and small shapes
	case r == 0x20E3 || r == 0x1F51F || r == 0x1F4CC || r == 0x1F4CD:
		return true // keycaps, pins
	}
	return false
}

// hanging reports whether w is a short preposition, conjunction or
// particle that belongs with the word after it, so a chunk should not end
// on it ("... или по" / "телефону"), as Russian typesetting keeps it off a
// line's end. The case of the first letter is ignored.
func hanging(w string) bool {
	if len(w) > 6 || w == "" {
		return false
	}
	r, n := utf8.DecodeRuneInString(w)
	if lr := unicode.ToLower(r); lr != r {
		var buf [8]byte
		b := utf8.AppendRune(buf[:0], lr)
		b = append(b, w[n:]...)
		return hangingWord(string(b))
	}
	return hangingWord(w)
}

// hangingWord reports whether w is one of the words hanging knows, in
// lower case. A switch, not a map: it is asked about most words of a long
// message, and hashing cost more than the comparisons.
func hangingWord(w string) bool {
	switch w {
	case "а", "без", "в", "во", "для", "до",
		"за", "и", "из", "или", "к", "ко",
		"на", "над", "не", "ни", "но", "о",
		"об", "от", "по", "под", "при", "про",
		"с", "со", "у", "что", "как":
		return true
	}
	return false
}

// closer reports whether r closes a quotation or a bracket.
func closer(r rune) bool {
	switch r {
	case '»', '"', '”', '’', '\'', ')', ']', '}', '“', '`':
		return true
	}
	return false
}

// opener reports whether r opens a quotation or a bracket.
func opener(r rune) bool {
	switch r {
	case '«', '"', '“', '„', '‘', '\'', '(', '[', '{', '`':
		return true
	}
	return false
}

func trimClosers(s string) string {
	for s != "" {
		r, n := utf8.DecodeLastRuneInString(s)
		if !closer(r) {
			break
		}
		s = s[:len(s)-n]
	}
	return s
}

func trimOpeners(s string) string {
	for s != "" {
		r, n := utf8.DecodeRuneInString(s)
		if !opener(r) {
			break
		}
		s = s[n:]
	}
	return s
}

// abbreviation reports whether a period after w (w without that period)
// marks an abbreviation or an initial rather than the end of a sentence.
// It is called only when the next word does not begin with a lower-case
// letter.
func abbreviation(w string) bool {
	w = trimClosers(w)
	if w == "" || len(w) > 40 {
		return false
	}
	var buf [40]byte
	lw := buf[:0]
	letters, parts, maxPart, part := 0, 1, 0, 0
	allUpperSingles, lettersOnly := true, true
	for _, r := range w {
		switch {
		case r == '.':
			parts++
			part = 0
		case unicode.IsLetter(r):
			letters++
			part++
			if part > maxPart {
				maxPart = part
			}
			if !unicode.IsUpper(r) || part > 1 {
				allUpperSingles = false
			}
			r = unicode.ToLower(r)
		case r == '-':
		default:
			lettersOnly, allUpperSingles = false, false
		}
		lw = utf8.AppendRune(lw, r)
	}
	if endable[string(lw)] {
		return false
	}
	if abbrevs[string(lw)] {
		return true
	}
	if letters == 0 || !lettersOnly {
		return false // "1980-е. Затем", "500р. Звоните": a letter after digits is a word's end
	}
	// One upper-case letter, or several joined by periods: initials
	// ("А. С. Пушкин", "Иванов И.И."). One lower-case letter: an
	// abbreviation ("т. е.", "д. 5"), except the pronoun "я".
	if parts == letters && maxPart == 1 {
		if allUpperSingles {
			return true
		}
		return string(lw) != "я"
	}
	// Short letter groups joined by periods: "т.е", "н.э", "и.о".
	if parts > 1 && maxPart <= 2 && letters+parts-1 == utf8.RuneCountInString(w) {
		return true
	}
	return false
}

func digitsAndDots(w string) bool {
	digit := false
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c >= '0' && c <= '9':
			digit = true
		case c == '.':
		default:
			return false
		}
	}
	return digit
}

// quoteState returns whether a quotation is open after the word w, given
// whether one was open before it: "«" and "“" open one, "»" and "”" close
// it, and a straight '"' opens one at the start of a word and closes one
// elsewhere.
func quoteState(open bool, w string) bool {
	for i, r := range w {
		switch r {
		case '«', '“', '„':
			open = true
		case '»', '”':
			open = false
		case '"':
			open = i == 0 || strings.ContainsRune("([«", rune(w[i-1]))
		}
	}
	return open
}

// maybeQuote reports whether w may hold a quotation mark: a '"' or the
// first byte of '«', '»' (C2) or '“', '”', '„' (E2).
func maybeQuote(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c == '"' || c == 0xC2 || c == 0xE2 {
			return true
		}
	}
	return false
}

// quoteAhead reports whether a closing quotation mark follows text[i:] on
// the same line within quoteWindow bytes.
func quoteAhead(text string, i int) bool {
	end := min(len(text), i+quoteWindow)
	for j := i; j < end; j++ {
		switch text[j] {
		case '\n', '\r':
			return false
		case '"':
			if j+1 == len(text) || !unicode.IsLetter(rune(text[j+1])) && text[j+1] < utf8.RuneSelf {
				return true
			}
		case 0xC2: // '»' is C2 BB
			if j+1 < len(text) && text[j+1] == 0xBB {
				return true
			}
		case 0xE2: // '”' is E2 80 9D
			if strings.HasPrefix(text[j:], "”") {
				return true
			}
		}
	}
	return false
}

// quoteWindow bounds how far past a '!' or '?' inside a quotation the walk
// looks for the quotation's end.
const quoteWindow = 160

// Package template is spinwise's message language: spintax and CRM
// placeholders in one source, parsed once and rendered per recipient.
//
// A CRM user writes one text:
//
//	{{Имя}}, {добрый день|здравствуйте}! Ваш заказ №{{Заказ}} {отправлен|уже в пути}.
//
// [Parse] reads the spintax with package randomizer and compiles every
// placeholder once; [Template.Render] picks a variant (deterministic in
// Options.Seed and the recipient's key) and fills the placeholders from the
// recipient's data, a map[string]any as a CRM export gives it.
//
// # Syntax
//
// Options.Syntax chooses the spintax dialect. The zero value, [Spinwise],
// is the language this documentation describes (spintax as package
// randomizer's Parse reads it). [TextRandomizer] reads spintax as the PHP
// TextRandomizer does and renders exactly the texts it renders (see
// "TextRandomizer's syntax" in package randomizer): groups may start with
// a group, every '[' permutes, [+и+чай|кофе] gives "чай и кофе", a
// top-level '|' permutes paragraphs, and white space is folded onto one
// line. Placeholders are the same in both, except that under
// TextRandomizer a {{...}} or {=...} holding a '|' or a '{' is spintax (so a
// pipeline such as {{ .Имя | upper }} cannot be written there). Under
// TextRandomizer the tidy (see "Tidy") leaves a space before : and ;, as
// TextRandomizer does, so it changes nothing TextRandomizer renders.
//
// # Placeholders
//
// Three kinds of placeholder, passed through spintax untouched:
//
//   - A CRM robot field by its display name: {{Имя}}, {{Имя клиента}},
//     {{Контакт: Телефон (текст)}}. Spaces, Cyrillic and punctuation are
//     allowed; runs of white space inside the name count as one space. It may
//     be followed by a pipeline: {{ Имя | default "друг" }}. A robot field
//     always reads the recipient's data, even inside {{with}} and {{range}}.
//   - A Go text/template action: {{ .Имя }}, {{ .Имя | upper }},
//     {{ plural .Дней "день" "дня" "дней" }}, {{ if .Имя }}...{{ end }}.
//     Identifiers may be Cyrillic. The head of an action (the part before its
//     first '|') is a Go expression when it starts with '.', '$', '(', a
//     quote, a digit or a sign, is true, false or nil, or is a word followed
//     by more words of which the first is an argument (a quote, '.', ...) or
//     the word is a function's name. Otherwise it is a field's display name;
//     so {{name}} is the field "name", while {{ name .Имя }} calls name. A
//     display name whose second word starts like an argument, as in
//     {{Телефон (рабочий)}} or {{Дом 5}}, therefore reads as a call and
//     does not parse; write such a field as {=Телефон (рабочий)} (looked up
//     under its full name, see below), or, to give it a pipeline, as
//     {{ index $ "Телефон (рабочий)" | default "нет" }}. The parse error
//     suggests the form to write.
//   - A Bitrix24 business-process field: {=Document:NAME}, {=Variable:Sum},
//     {=Document:NAME > printable}. It is looked up under the full name
//     (Document:NAME); a Document field then under the bare field (NAME, an
//     export's column). Other objects' fields ({=Variable:Sum},
//     {=Workflow:ID}, an activity's result {=A1234_…:Value}) are read under
//     their full name only, so {=Workflow:ID} never prints an export's ID.
//     A {{=...}} calculated expression is a parse error: compute it in the
//     business process.
//
// # Bitrix24 modifiers
//
// A Bitrix24 field, and a robot field ({{Имя > printable}}), may carry
// modifiers after '>', separated by ',' or '>', as Bitrix24 writes them;
// they convert the value found:
//
//   - printable: the value as a person reads it: yes/no as "Да"/"Нет", a
//     list as its items joined by ", ", text as it is;
//   - bool: yes or no (Y/N, да/нет, true/false, 1/0, a number) as "Да" or
//     "Нет"; anything else is a render error;
//   - int: a number (digit groups and a decimal comma accepted) truncated
//     toward zero: "177 199,90" → "177199";
//   - date: "05.03.2027", from a time.Time, "DD.MM.YYYY" or "YYYY-MM-DD"
//     (a time after it, or ISO 8601's, is read and left out);
//   - datetime: "05.03.2027 14:30:00", the clock as the data writes it.
//
// At most one of bool, int, date and datetime; printable goes with any.
// Modifiers that need the Bitrix24 portal rather than the value (friendly
// and user, which turn user_1 into a name; responsible and server, which
// move a time to a time zone; name, publink and shortlink, which read a
// file) are parse errors that say what to export instead.
//
// Options.Fields maps display names and Bitrix codes to data keys
// ("Имя": "NAME"); the mapping applies to robot fields, to Bitrix fields and
// to the first name of .Field chains at the top level. [Template.Fields]
// lists the keys a template reads, after mapping.
//
// Control actions {{if}}, {{else}}, {{else if}}, {{with}}, {{else with}},
// {{range}} and {{end}} may enclose spintax. A spintax option that opens a
// block must close it in the same option, and no option may hold an
// {{else}} or {{end}} of a block opened outside it; Parse reports either
// with the option's position. {{range}} walks lists, maps (in key order:
// numbers by value, other keys by their text) and counts; a map with more
// entries than the steps left (see "Functions") is refused before sorting.
// Not supported, each a parse error: variables ($x := ...), {{define}},
// {{template}}, {{block}}, {{break}}, {{continue}} and the trim
// markers {{- -}}. Comments {{/* ... */}} print nothing.
//
// # Values
//
// A placeholder whose field has no value (the key is absent, the value is
// nil or a typed nil pointer, map or slice, it is a string of only white
// space, or it is a list, as a CRM's multi-value field, with no item but
// nil and blank strings: [], [null], ["", " "]) is an error wrapping
// *MissingError that names the field; a message never goes out as
// "Здравствуйте, !". The exception is a pipeline that
// calls a fallback function (default, coalesce, empty): there a missing
// field is nil, and any other function given nil returns nil without being
// called, so the missing value reaches the fallback as nil rather than as
// the "<nil>" print or printf would make of it. In the condition of {{if}},
// {{with}} and {{range}} a missing field is simply false. A function given
// such a list outside a condition gets it as it is: {{ len .Теги }} of []
// is 0. A value action
// whose result is nil or blank is an error too; with a fallback, a nil
// result is (the fallback found nothing either, as in
// {{ Имя | default .Фамилия }} with both missing), while an explicit
// {{ Отчество | default "" }} prints nothing.
//
// default fires on a missing, nil or blank value only (an empty list, or
// one of nil and blank items, included), never on 0 or false.
// Values are written as they are and never read as template or spintax
// syntax: a client named {Анна|Мария} gets exactly that text. Numbers print
// in full ("1000000", not "1e+06"); a time.Time prints as "05.03.2027", or
// "05.03.2027 14:30" when its clock is not at midnight; a list of strings,
// numbers or dates (a CRM's multi-value field: phones, e-mails) as its items
// joined by ", ", leaving out nil items and blank strings (["+7999", null]
// prints "+7999"), and a list with no other item is missing, as above;
// other types as fmt.Sprint prints them. A value that is not valid UTF-8
// is an error wrapping [ErrInvalidUTF8], so a message is always valid
// UTF-8.
//
// # Functions
//
// Functions come from an allow-list; calling any other is a parse error at
// the name's position ([FuncNames] lists them all) that suggests the
// closest allowed name ("plurl": did you mean "plural"?) or says the
// function is left out on purpose. It holds:
//
//   - sprig's hermetic functions that are pure and bounded, as sprig writes
//     them, minus: env, expandenv and getHostByName (they reach outside the
//     process); the clock, random, UUID, crypto and hash functions; repeat,
//     until, untilStep, seq, indent, nindent, wrap, wrapWith and the
//     toPrettyJson pair (memory out of proportion to the input); set,
//     unset and the merge family (they mutate their argument, which may be
//     the recipient's data); shuffle (random); the os* path functions; sprig's byte-based trunc, substr, abbrev, abbrevboth
//     and its English plural and title. replace, join and the
//     regexReplaceAll family are kept with a guard that refuses results over
//     1 MiB before building them.
//   - text/template's builtins and, or, not, len (in runes for strings),
//     index (a string's i-th rune, as a string), print, printf (width and precision at most 999), println, eq,
//     ne, lt, le, gt, ge, html, js, urlquery. eq and the comparisons treat a
//     number and a numeric string ("15", "177 199") as numbers. call is left
//     out.
//   - default DEF VALUE and coalesce A B ...: missing, nil and blank only.
//   - trunc N S (first N runes; last -N runes when N < 0), substr START END S
//     (runes), abbrev WIDTH S (at most WIDTH runes, ending in "…"): rune-safe.
//   - title S: every word starts with a capital letter, also after a hyphen
//     (анна-мария → Анна-Мария) but not after an apostrophe (o'neil →
//     O'neil); other letters stay as they are. A combining mark belongs to
//     the letter before it, so a decomposed й or ё (и + U+0306, е + U+0308,
//     as text pasted from macOS or a PDF has them) continues its word.
//   - name S: a CRM name tidied: trimmed, white space collapsed, each word
//     and each hyphenated part capitalised, the rest in lower case
//     (" ИВАН  петров " → "Иван Петров").
//   - plural N ONE FEW MANY: the Russian form by the CLDR rules (1, 21 → one;
//     2–4, 22 → few; 0, 5–20, 11–14, 111 → many; a fraction → few). N is a
//     number or a numeric string (also a json.Number or another string
//     type); digit groups separated by spaces or no-break spaces
//     ("177 199") and a decimal comma are accepted. money and the
//     comparisons read numbers the same way.
//   - money AMOUNT: roubles in Russian format, digit groups and the ₽ sign
//     separated by no-break spaces (U+00A0), decimal comma, kopecks rounded
//     half away from zero: 1234.5 → "1 234,50 ₽". A whole amount prints
//     without kopecks: "177 199 ₽".
//   - date D: "5 марта 2027", the month in the genitive. D is a time.Time or
//     a string "DD.MM.YYYY" or "YYYY-MM-DD" (a time after it is ignored).
//
// Every function's result is checked: a string over Options.MaxOutput bytes
// or a list or map over 1,000 items is an error. Before a call, the
// arguments are measured (the bytes of their strings, lists and maps
// walked): over 1 MiB (or MaxOutput, when larger) is an error, and all the
// calls of one render may be given at most 64 MiB (or 16 times MaxOutput)
// together. One render does at most 100,000 steps (placeholders evaluated
// plus loop turns).
//
// A regular expression costs what its compiled program does, not what its
// source's length suggests: \d{1000} is 8 bytes and 1,000 instructions, and
// matching takes time in proportion to the program's size times the text's
// length. So the regular-expression functions (sprig's regexMatch,
// regexFind, regexFindAll, regexSplit, regexReplaceAll and their must and
// Literal forms, with sprig's behaviour) compile each pattern once per
// render (up to 64 patterns and 4 KiB of them; beyond, a pattern is
// compiled each time it runs), and charge the same budget, in bytes' worth
// of work, for parsing it (more for Unicode classes \pL and for ranges that
// (?i) folds), for compiling it (by the program's size) and for each match
// (the program's size times the text's bytes), each before doing it. A
// pattern over 1,024 bytes, or whose program is over 10,000 instructions,
// is an error, and so is a replacement expanding $1 with more groups than
// such a program can carry in each matching thread (262,144 words in all).
// Spending the whole budget on regular expressions takes about half a
// second at most, whatever the patterns.
//
// Going over the steps, the budget or a pattern's limits is an error
// wrapping [ErrTooMuchWork]. So no template can take unbounded time or
// memory. A panic inside a function becomes an error.
//
// # Output
//
// A message is capped at Options.MaxOutput bytes (64 KiB by default); going
// over is an error wrapping [ErrOutputTooLong], detected while writing, not
// a truncation.
//
// # Tidy
//
// After rendering, unless Options.NoTidy is set, white space is tidied on
// every line: runs of spaces and tabs become one space, a space before a
// run of , . ! ? : ; that ends a word (white space, the end of the text or
// a closing quote follows it) is removed, and leading and trailing spaces
// and tabs are dropped. Newlines are never touched, so paragraphs stay as
// written; no-break spaces are kept. Left as written: a space before
// punctuation that starts something (":)", ";)", ".NET") and a space after
// a link (a word holding "://" or starting with "www."), where punctuation
// glued to the link could be read as part of it. This cleans up after
// empty spintax options ("{|очень }" and the like) and applies to values
// too.
//
// # Errors
//
// Parse returns every syntax error as an *Error with the byte offset, the
// line and the column in runes, formatted "template:LINE:COL: MSG", the
// message saying what to do. Render returns a *RenderError naming the
// placeholder and its line and column; it wraps the cause (*MissingError, a
// function's error, ErrOutputTooLong, ErrInvalidUTF8, ErrTooMuchWork).
//
// # Checking before sending
//
// [Template.Check] compares the fields a template reads with a CRM's field
// list and reports each unknown one with its position and a "did you mean"
// suggestion. [Template.Missing] is a dry run over the recipients: how many
// of them lack each field.
//
// # Files
//
// For a reader of the code: parse.go holds Parse and the block checks;
// compile.go turns each placeholder into a node (robot fields, Bitrix24
// fields, text/template pipelines checked on their parse tree); exec.go
// renders a variant through the randomizer's Emitter and runs the control
// blocks; missing.go is the one rule for a missing value; values.go
// converts and prints values; funcs.go is the allow-listed function set,
// builtins.go text/template's builtins, russian.go the Russian-aware
// functions and regex.go the regular-expression functions with their cost
// model; budget.go bounds a render's work (steps, bytes given to
// functions, result sizes); bitrix.go the Bitrix24 modifiers; tidy.go
// is the white-space tidy; check.go is Check, Missing and MessageLengths;
// lint.go is Lint; errors.go the error types.
//
// # Concurrency and speed
//
// A *Template is immutable after Parse and safe for concurrent use. Each
// render takes its scratch buffers from a pool; no template is parsed per
// message, and a variant is streamed from the randomizer straight into the
// evaluator, so a render allocates little more than the resulting string.
package template

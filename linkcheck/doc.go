// Package linkcheck finds every link in a message and judges it: shortened,
// blocked and disguised links are rejected with a reason a CRM user
// understands.
//
// WhatsApp treats shortened links and links to some resources as a spam
// signal, so a business message should carry only links its sender means.
// [New] builds a [Checker] from [Options] (nil means the defaults), and
// [Checker.Check] returns every [Link] in a message, in order, each with a
// [Verdict] and, when the verdict is not OK, one Russian sentence saying what
// is wrong and what to do:
//
//	for _, l := range linkcheck.New(nil).Check(msg) {
//		if l.Verdict != linkcheck.OK {
//			fmt.Println(l.Text, l.Reason)
//		}
//	}
//
// All offsets ([Link.Start], [Link.End]) are in bytes of the message, and
// message[Start:End] == Text always holds.
//
// # Finding links
//
// Check is a hand-written scanner, not a regular expression. A pre-scan looks
// at one byte at a time for the bytes a link is built around: '.', the ':' of
// a scheme, the "//" of a protocol-relative link, '@', the brackets of
// "[.]" and "(dot)", a space followed by '.', "dot", "точка" or a bracket,
// and the lead bytes of the look-alike dots. Most such bytes fail a one- or
// two-byte test at once (a dot that ends a sentence, a colon in "9:00");
// only the rest run a matcher, which works on byte offsets and allocates
// nothing. A message without a link costs no allocation at all.
//
// Invisible characters (Unicode's default ignorable code points: zero-width
// space and joiners, soft hyphen, Hangul fillers, the variation selector
// U+FE0F that gives an emoji its colour form, the direction marks U+200E,
// U+200F and isolates U+2066-U+2069) are not triggers of their own: a link
// still needs a dot or a scheme's ':'. Beside a link they are not part of
// it ("✅️shop.ru", "▶️www.site.ru" and "https://site.ru/a" followed by
// U+200E are judged as the plain links); inside a host or a scheme
// ("bit\u200b.ly", "ht\u200btp://") the matchers accept them and flag
// them, except a variation selector or a joiner within an emoji.
//
// Check finds:
//   - links with a scheme: http, https, ftp, ftps, and the defanged hxxp,
//     hxxps, fxp (any 't' written as 'x'). As in a browser (WHATWG URL
//     standard), any run of '/' and '\' (up to 8) may follow the ':':
//     "http:/bit.ly/x" and "http:///bit.ly/x" open bit.ly/x. A wrong count
//     of slashes is a typo and not judged in itself; "http:\\host" with
//     backslashes is judged disguised;
//   - protocol-relative links ("//salon.ru/a");
//   - bare hosts ("salon.ru/zapis", "сайт.рф", "www.example.co.uk:8080/x"):
//     at least two labels, the last one a public top-level domain from the
//     list xurls ships ([mvdan.cc/xurls/v2.TLDs]), in any case, ending on a
//     label boundary ("сайт.рфмагазин" is not a link); or a dotted-decimal
//     IPv4 address. A label may hold '_' inside ("my_sub.salon.ru"), and
//     right after "www." it may be made of emoji ("www.😀.com"). A bare
//     host right after slashes is a link
//     ("Ссылка /bit.ly/x", "Жми:/bit.ly/x", "Ссылка//bit.ly/x",
//     "///bit.ly/x"), unless a single '/' or '\' glues it to an ASCII word
//     before it: then it is a path segment ("docs/README.md",
//     "/path/to/file.pl");
//   - e-mail addresses ("info@salon.ru", "ab!@salon.ru") and mailto:,
//     tel:, sms: links;
//   - javascript:, vbscript: and data: links;
//   - disguised hosts: "example[.]com", "example(dot)com", "example [.] com",
//     "пример{точка}рф", dots written as '。' '．' '｡' '﹒' '․' (the IDNA
//     label separators and every character whose compatibility form is a
//     full stop), zero-width characters inside a host; and, when the labels
//     around it are clearly a host, a spaced dot: "example . com",
//     "example dot com", "пример точка рф".
//
// A spaced dot (" . ", " dot ", " точка ") joins two labels only when there
// are Latin letters on both sides (an ASCII letter or digit before it and an
// ASCII label after it: "bit dot ly", "salon точка ru"), when "www" is
// before it, or when it stands right before a Cyrillic TLD that is no
// Russian word, written in lower case: рф, рус, укр, бел, бг, мкд, мон,
// срб, қаз ("пример точка рф"; "любая точка РФ" and "Главная точка Бел"
// are sentences). "Наша точка онлайн", "Контрольная точка орг", "Новая точка москва"
// and "конечная точка ru" are sentences, not links: "точка" (a point of
// sale) is a common word, and so are the TLDs сайт, онлайн, москва, дети,
// ком, орг. After a scheme, the host is a link anyway: a spaced dot
// continues it while it does not end in a TLD yet ("https://конечная точка
// ru"), and by the same rule once it does ("https://salon.ru точка онлайн
// работает" is the link https://salon.ru and a sentence).
//
// Not links: Russian abbreviations glued to a word that happens to be a
// TLD, however many ("г.Москва", "ул.Ленина", "пр.Онлайн", "т.к.сайт",
// "т.е.Онлайн", "напр.сайт": any single Cyrillic letter and a list of
// common abbreviations; a host after them starts after them, so
// "см.сайт.рф" gives сайт.рф), a capitalized Cyrillic
// word TLD that starts a sentence glued to a dot ("Спасибо.Сайт работает":
// exactly two labels, the first not "www", no port or path after, and a TLD
// that is a word, so "конкурент.Рф", "конкурент.Онлайн/акция" and
// "www.конкурент.Онлайн" are links), numbers and dates ("3.5%",
// "01.02.2025", "1.2.3.4.5"), mentions ("@salon.ru"; a mention has no
// path, so "@bit.ly/x" gives bit.ly/x), spaced dots in a
// sentence (above), path segments (above). A file name whose extension is
// also a TLD ("README.md", "photo.zip") is reported as a link, as xurls and
// messengers do.
//
// A link ends at white space, a control character, '<', '>', '«', '»', '“',
// '”', '„', the vertical bars '｜', '‖' and '│', at a ')', ']' or '}'
// without its opening one before it in the link, and at the last of an
// odd number of '"' ("(https://site.ru/a)и" gives https://site.ru/a, as in
// xurls, twitter-text and Telegram). Then the scanner trims what belongs
// to the text around it rather than to the link: trailing '.', ',', '!',
// '?', ':', ';', '…', invisible characters, WhatsApp markup ('*', '_', '~',
// '`' of *bold*, _italic_, ~strike~, ```monospace```) and an unpaired
// trailing apostrophe. A bare host's port (leading zeros allowed:
// "salon.ru:0080"), path, query and fragment are part of the link. After a
// port that is no number the link ends at its host, as in the peers
// ("https://a@bit.ly:x/y" is https://a@bit.ly), and the scan goes on
// there; after an e-mail address such a port and a path make a malformed
// web link ("a@bit.ly:x/y", host bit.ly, Suspicious at least).
//
// # E-mail and phone links
//
// E-mail addresses (bare or mailto:) are reported with [Kind] [Email] and
// their domain as Host; tel: and sms: links with Kind [Phone] and no Host.
// They are never rejected: their verdict is always OK. So that a mailto:
// link cannot carry a web link past the checks:
//   - its addresses are read as RFC 6068 writes them: a local part of
//     letters, digits, !$'*+-._~ and %-escapes (no ':', '/', '?' or '#', so
//     it never holds a URL: "mailto:https://bit.ly/x@salon.ru" is no mailto:
//     link, and the bit.ly link in it is judged), then '@' and a domain
//     that ends at the first character a domain cannot hold ('?', '#', ',',
//     '/', ...); more addresses may follow after ',';
//   - when what follows its addresses (header fields, a fragment, anything
//     else up to the end of the link) holds a web or script link, the link
//     ends after the addresses and the scan goes on there
//     ("mailto:a@salon.ru?body=https://bit.ly/x",
//     "mailto:a@salon.ru#https://bit.ly/x" and
//     "mailto:a@salon.ru/https://bit.ly/x" each give the mailto: link, Host
//     salon.ru, and then the bit.ly link). That rest is read as a link's
//     path is (see Judging a host): a host right after '/' counts
//     ("mailto:a@salon.ru?subject=go/bit.ly/x" gives bit.ly/x too).
//
// Callers that only want web links filter on Kind. A text such as
// "good.com@bit.ly/x", an e-mail address followed by a path, is a web link
// whose host is bit.ly, as a browser reads it.
//
// # Judging a host
//
// The host is read as a browser reads it: the part after the last '@' of the
// authority (so "http://good.com@bit.ly/x" has host bit.ly); disguised dots
// replaced and zero-width characters dropped; %-escapes decoded; an IPv4
// address in any notation (decimal "2130706433", short "127.1", hex
// "0x7f.0.0.1", octal "0177.0.0.1") normalized to dotted decimal, and an
// IPv6 address to its bracketed canonical form; then lower case, no trailing
// dot, and IDNA (UTS #46 lookup mapping, golang.org/x/net/idna) to punycode.
// [Link.Host] holds the result, and [Link.Domain] the registrable domain
// from golang.org/x/net/publicsuffix.
//
// Lists match on label boundaries: "bit.ly" matches "bit.ly" and
// "evil.bit.ly", never "notbit.ly". List entries are canonicalized the same
// way, so "ПРИМЕР.РФ", "https://example.com/x" and "*.example.com" all work.
// A shortener entry that is a public suffix (the shipped list holds "gov.tw",
// "tk." and "x.se") matches only itself, not the registrable domains under
// it, which belong to unrelated owners; a caller's Block or Allow entry that
// is a public suffix ("tk") covers all of it.
// The verdict is decided in this order:
//
//  1. E-mail and phone links: [OK]. Script links: [Suspicious].
//  2. Host on the caller's allow list, or wa.me (WhatsApp's own chat links,
//     which every public shortener list holds) unless the caller blocks it:
//     [OK]. The allow list overrides everything below.
//  3. Host on the caller's block list: [Blocked].
//  4. Host on the shipped shortener list (2,315 domains from a public
//     list and a few spinwise adds with the reason for each, such as
//     goo.gl; data/SOURCE.md) or the caller's: [Shortener]. A disguised or encoded link to a shortener
//     gets this verdict too: it names the real problem.
//  5. [Suspicious] when the link is disguised (hxxp, spaced or bracketed
//     dots, "точка", look-alike dots, backslashes after the scheme; not a
//     mere wrong count of slashes), hides zero-width characters, has a
//     %-encoded or malformed host, points at an IP address, has a label
//     mixing Latin with Cyrillic or Greek letters ("аpple.com" with a
//     Cyrillic 'а'), a label made only of Cyrillic letters that look Latin
//     under a non-Cyrillic TLD ("аррӏе.com", also when written in punycode),
//     a label mixing Latin with another script (Armenian "gօօgle.com"; the
//     Chinese, Japanese and Korean scripts excepted), a letter drawn like
//     an ASCII one that is not one (script ɡ, small capitals), a
//     combining mark left beside Latin letters ("bi̇t.ly": i and a dot
//     above), or letters that IDNA maps to plain ASCII (fullwidth
//     "ｅｘａｍｐｌｅ.com");
//     or when its path, query or fragment carries another URL (with a
//     scheme, protocol-relative or with a path; "?q=bit.ly" alone is a
//     search), plain or %-encoded up to twice, whose host would be Blocked
//     or a Shortener ("https://google.com/url?q=https://bit.ly/x",
//     "https://salon.ru/r/bit.ly/x": in a path, a host right after '/'
//     counts; "/catalog/item.html" and "/v1.2/" hold no host).
//  6. Otherwise [OK]. All-Cyrillic hosts under a Cyrillic TLD ("сайт.рф")
//     and Cyrillic hosts with letters that have no Latin look-alike
//     ("пример.com") are OK.
//
// # Differences from linkify-it
//
// The tests run the fixtures of the linkify-it library (testdata/linkify).
// Where spinwise decides differently, the case is listed with its reason in
// linkify_test.go: mostly because WhatsApp markup ('_' italics) wraps links,
// and because a checker should rather report a doubtful link than miss one.
//
// # Performance
//
// On the corpus templates and a 5 KB Russian message with four links, Check
// (finding and judging) is more than 100 times faster than
// xurls.Relaxed().FindAllStringIndex (finding only); see BenchmarkCheck.
// New(nil) returns a shared Checker and costs nothing; New with options
// canonicalizes the caller's lists once. A Checker is immutable and safe for
// concurrent use.
//
// # Data
//
// data/link-shorteners.txt: URL-shortener domains, sorted, one per line,
// embedded with go:embed; MIT licence, source and commit in data/SOURCE.md.
// data/link-shorteners-extra.txt: the shorteners that list lacks (goo.gl,
// qps.ru, tr.ee), each with its reason after '#'.
//
// # Files
//
// Finding links, one concept a file:
//   - scan.go: the scanner, its state and caches, and next, the pre-scan
//     that runs a matcher only at a trigger byte;
//   - label.go: host labels, read forwards and backwards, and which run of
//     them forms a host (a public TLD or an IPv4 address);
//   - sep.go: separators between labels: the plain dot, disguised dots
//     ("[.]", "(dot)", look-alike dots) and spaced ones (" точка "), with
//     the rules for when a spaced dot joins a host (spacedJoin, the
//     Cyrillic TLDs that are no words);
//   - bare.go: hosts without a scheme ("salon.ru/a", "//salon.ru") and the
//     rules that keep abbreviations and sentences out ("г.Москва");
//   - email.go: e-mail addresses and mailto: links, with the look-ahead
//     that ends a mailto: link before a web link it carries;
//   - scheme.go: links with a scheme (web, tel:, script) and the authority
//     (userinfo@host:port) of a web link;
//   - tail.go: where a link ends: port, path, stop characters (pathEnd) and
//     the punctuation trimmed off its end (trimEnd);
//   - chars.go: character classes shared by the above.
//
// Judging links:
//   - linkcheck.go: the API, Check and the verdict order (judge, carried);
//   - host.go: a host's canonical form (canonHost: disguises, %-escapes,
//     IDNA); ip.go: IPv4 addresses in every notation a browser reads;
//   - lookalike.go: mixed-script and look-alike host labels;
//   - lists.go: the shortener, block and allow lists, the TLDs and the
//     abbreviations; reason.go: the Russian reasons.
package linkcheck

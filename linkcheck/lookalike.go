package linkcheck

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// latinLookalikes are Cyrillic letters that look like Latin ones in common
// fonts (lower case, as IDNA maps them).
const latinLookalikes = "аеорсухіјѕԁһӏԛԝҽпкгъьѵѡ"

// confusable reports whether a host in Unicode form (lower case, after IDNA
// mapping) has a label mixing Latin with Cyrillic or Greek letters, or a
// label written all in Cyrillic letters that look Latin while the TLD is
// not Cyrillic ("аррӏе.com"). An all-Cyrillic host under a Cyrillic TLD
// ("сайт.рф") is fine.
func confusable(u string) bool {
	labels := strings.Split(u, ".")
	tld := labels[len(labels)-1]
	first, _ := utf8.DecodeRuneInString(tld)
	tldCyr := isCyrillic(first)
	for _, label := range labels {
		var latin, cyr, greek, other bool
		allLook := true
		for _, r := range label {
			switch {
			case r < utf8.RuneSelf:
				if 'a' <= r && r <= 'z' {
					latin = true
				}
			case unicode.Is(unicode.Latin, r):
				latin = true
			case isCyrillic(r):
				cyr = true
				if !strings.ContainsRune(latinLookalikes, r) {
					allLook = false
				}
			case unicode.Is(unicode.Greek, r):
				greek = true
			case unicode.IsLetter(r):
				other = true
			}
		}
		if latin && (cyr || greek) || cyr && greek {
			return true
		}
		if cyr && allLook && !tldCyr && !other {
			return true
		}
	}
	return false
}

// latinClones are letters outside ASCII drawn like ASCII letters in
// common fonts, which no language writes words with: dotless ȷ, script ɡ
// and ɑ, ɩ, ǀ, and the small capitals. (Dotless ı is not here: Turkish and
// Azerbaijani domains spell with it, "kırmızı.com.tr".)
const latinClones = "ȷɡɑɩǀɪʏʀɢʜʟɴᴀᴄᴅᴇᴊᴋᴍᴏᴘᴛᴜᴠᴡᴢꜱ"

// lookalike reports whether a host in Unicode form (lower case, after IDNA
// mapping, so NFC) has a label that mixes Latin letters with a script other
// than Cyrillic and Greek (which confusable reports) and the scripts
// written beside Latin in East Asia ("gօօgle" with Armenian օ), holds a
// letter of latinClones ("ɡoogle"), or keeps a combining mark beside Latin
// letters that NFC could not compose ("bi̇t": i and a dot above).
func lookalike(u string) bool {
	for _, label := range strings.Split(u, ".") {
		var latin, other, mark bool
		for _, r := range label {
			switch {
			case r < utf8.RuneSelf:
				latin = latin || 'a' <= r && r <= 'z'
			case strings.ContainsRune(latinClones, r):
				return true
			case unicode.Is(unicode.Latin, r):
				latin = true
			case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r):
				mark = true
			case isCyrillic(r), unicode.Is(unicode.Greek, r):
			case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Bopomofo):
			case unicode.IsLetter(r):
				other = true
			}
		}
		if latin && (other || mark) {
			return true
		}
	}
	return false
}

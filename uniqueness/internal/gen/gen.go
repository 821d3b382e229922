// Package gen makes deterministic batches of Russian messages for the tests
// and benchmarks of package uniqueness: a tiny spintax expander (enough for
// the sample templates and the synthetic template below), and batches with
// planted near duplicates whose positions are known.
package gen

import (
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/spinwise/spinwise/internal/corpus"
)

// Synthetic is a template of about 200 runes per message with many
// independent choices, so two messages of a batch are rarely near
// duplicates by chance: what Analyze must find are the planted ones.
const Synthetic = `{Здравствуйте|Добрый день|Приветствуем вас|Доброго времени суток|Рады вас видеть}, {{Имя}}! ` +
	`{Напоминаем|Хотим напомнить|Сообщаем|Обращаем внимание|Пишем сказать}, что {ваш визит|ваша запись|ваш приём|встреча с мастером|процедура} ` +
	`{назначен на|запланирован на|состоится|ожидает вас|будет} {{Дата}} в {{Время}}. ` +
	`{Мастер|Специалист|Ваш мастер|Наш специалист|С вами будет} {{Мастер}} {уже готовится|ждёт вас|подготовит всё заранее|будет на месте|освободит время}. ` +
	`{Адрес|Наш адрес|Мы находимся|Ждём по адресу|Приходите}: {{Город}}, {ул. Ленина, 5|пр. Мира, 12|ул. Садовая, 3|наб. Реки, 7|пл. Победы, 1}. ` +
	`{Если планы изменились|Если не получается прийти|Если нужно перенести|При изменении планов|Если что-то поменялось}, ` +
	`{ответьте на это сообщение|напишите нам|позвоните по телефону {{Телефон}}|сообщите менеджеру {{Менеджер}}|дайте знать здесь}. ` +
	`{Спасибо!|До встречи!|Хорошего дня!|Ждём вас!|С уважением, «{{Компания}}».}`

// Expand fills one message from src: {a|b|c} picks one option (groups nest),
// [a|b|c] puts all options in a random order joined by a space (a '['
// without a top-level '|' is text), {{Field}}
// (spaces allowed, a pipeline after '|' ignored) is the contact's Field, and
// other {{ ... }} actions become empty; \x is a literal x.
func Expand(src string, rng *rand.Rand, contact map[string]any) string {
	var sb strings.Builder
	expand(&sb, src, rng, contact)
	return sb.String()
}

func expand(sb *strings.Builder, s string, rng *rand.Rand, contact map[string]any) {
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s):
			sb.WriteByte(s[i+1])
			i += 2
		case strings.HasPrefix(s[i:], "{{"):
			end := strings.Index(s[i:], "}}")
			if end < 0 {
				sb.WriteString(s[i:])
				return
			}
			name := strings.TrimSpace(s[i+2 : i+end])
			if p := strings.IndexByte(name, '|'); p >= 0 {
				name = strings.TrimSpace(name[:p])
			}
			name = strings.TrimPrefix(name, ".")
			if v, ok := contact[name].(string); ok {
				sb.WriteString(v)
			}
			i += end + 2
		case c == '{' || c == '[':
			close := byte('}')
			if c == '[' {
				close = ']'
			}
			end, opts := group(s, i, close)
			if c == '[' && len(opts) < 2 {
				sb.WriteByte('[') // a '[' without a top-level '|' is text
				i++
				continue
			}
			if end < 0 {
				sb.WriteString(s[i:])
				return
			}
			if c == '{' {
				expand(sb, opts[rng.IntN(len(opts))], rng, contact)
			} else {
				sep := " "
				if strings.HasPrefix(opts[0], "+") {
					if p := strings.IndexByte(opts[0][1:], '+'); p >= 0 {
						sep, opts[0] = opts[0][1:p+1], opts[0][p+2:]
					}
				}
				rng.Shuffle(len(opts), func(a, b int) { opts[a], opts[b] = opts[b], opts[a] })
				for k, o := range opts {
					if k > 0 {
						sb.WriteString(sep)
					}
					expand(sb, o, rng, contact)
				}
			}
			i = end + 1
		default:
			_, size := utf8.DecodeRuneInString(s[i:])
			sb.WriteString(s[i : i+size])
			i += size
		}
	}
}

// group splits the group opened at s[at] into its top-level options and
// returns the index of its closing byte (-1 if none).
func group(s string, at int, close byte) (int, []string) {
	depth := 0
	var opts []string
	start := at + 1
	for i := at + 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '{', '[':
			depth++
		case '}', ']':
			if depth == 0 {
				if s[i] != close {
					return -1, nil
				}
				return i, append(opts, s[start:i])
			}
			depth--
		case '|':
			if depth == 0 {
				opts = append(opts, s[start:i])
				start = i + 1
			}
		}
	}
	return -1, nil
}

// Batch is a generated batch of messages.
type Batch struct {
	Msgs []string
	// Planted lists the planted near duplicates: Msgs[p[1]] is Msgs[p[0]]
	// with a few rune edits (p[0] < p[1]).
	Planted [][2]int
}

// Make returns n messages from src and the sample contacts (contact i mod
// 500, fields shuffled), of which planted (< n/2) are copies of earlier
// messages with 1..maxEdits random rune edits (substitutions, insertions,
// deletions of Cyrillic letters), all from seed.
func Make(src string, n, planted, maxEdits int, seed uint64) Batch {
	rng := rand.New(rand.NewPCG(seed, seed^0x5eed))
	contacts := corpus.Contacts()
	var b Batch
	b.Msgs = make([]string, 0, n)
	base := n - planted
	for i := 0; i < base; i++ {
		c := contacts[rng.IntN(len(contacts))]
		b.Msgs = append(b.Msgs, Expand(src, rng, c))
	}
	for len(b.Msgs) < n {
		from := rng.IntN(base)
		b.Planted = append(b.Planted, [2]int{from, len(b.Msgs)})
		b.Msgs = append(b.Msgs, Edit(b.Msgs[from], 1+rng.IntN(maxEdits), rng))
	}
	return b
}

var letters = []rune("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")

// Edit applies e random rune edits to s.
func Edit(s string, e int, rng *rand.Rand) string {
	r := []rune(s)
	for ; e > 0; e-- {
		l := letters[rng.IntN(len(letters))]
		switch op := rng.IntN(3); {
		case op == 0 && len(r) > 0:
			r[rng.IntN(len(r))] = l
		case op == 1 && len(r) > 0:
			i := rng.IntN(len(r))
			r = append(r[:i], r[i+1:]...)
		default:
			i := rng.IntN(len(r) + 1)
			r = append(r[:i], append([]rune{l}, r[i:]...)...)
		}
	}
	return string(r)
}

// Pairs returns n pairs of Cyrillic messages of exactly runes runes each:
// both sides of a pair come from the same sample template (the templates in
// turn) filled for different contacts with independent choices, the way two
// messages of one campaign differ; a message shorter than runes continues
// with a second expansion of its template.
func Pairs(n, runes int, seed uint64) [][2]string {
	rng := rand.New(rand.NewPCG(seed, seed^0x9a125))
	contacts := corpus.Contacts()
	names := corpus.TemplateNames()
	ps := make([][2]string, n)
	for i := range ps {
		src := corpus.Template(names[i%len(names)])
		a, b := fill(src, runes, rng, contacts), fill(src, runes, rng, contacts)
		for k := 0; b == a && k < 100; k++ {
			b = fill(src, runes, rng, contacts) // equal sides measure nothing: draw the second again
		}
		ps[i] = [2]string{a, b}
	}
	return ps
}

// NearPairs returns n pairs of Cyrillic messages of exactly runes runes
// each, made as Pairs makes them, of which only the pairs whose similarity
// (1 - distance/runes) is at least minSim and whose sides differ are kept:
// the near duplicates of one campaign a batch report verifies. It panics if
// 1,000 draws per pair do not find them.
func NearPairs(n, runes int, minSim float64, seed uint64) [][2]string {
	rng := rand.New(rand.NewPCG(seed, seed^0x4ea2))
	contacts := corpus.Contacts()
	names := corpus.TemplateNames()
	ps := make([][2]string, 0, n)
	for draw := 0; len(ps) < n; draw++ {
		if draw > 1000*n {
			panic("gen: NearPairs found too few near pairs")
		}
		src := corpus.Template(names[draw%len(names)])
		a := fill(src, runes, rng, contacts)
		b := fill(src, runes, rng, contacts)
		if a != b && 1-float64(Distance([]rune(a), []rune(b)))/float64(runes) >= minSim {
			ps = append(ps, [2]string{a, b})
		}
	}
	return ps
}

// fill expands src for random contacts until it has runes runes, joining
// expansions with a space, and cuts it there.
func fill(src string, runes int, rng *rand.Rand, contacts []map[string]any) string {
	var r []rune
	for len(r) < runes {
		if len(r) > 0 {
			r = append(r, ' ')
		}
		r = append(r, []rune(Expand(src, rng, contacts[rng.IntN(len(contacts))]))...)
	}
	return string(r[:runes])
}

// translit maps the Russian letters and punctuation of the corpus to one
// ASCII byte each, as SMS transliteration does (lossy: ш, щ and с all
// become s).
var translit = map[rune]byte{
	'а': 'a', 'б': 'b', 'в': 'v', 'г': 'g', 'д': 'd', 'е': 'e', 'ё': 'e', 'ж': 'z', 'з': 'z', 'и': 'i', 'й': 'j',
	'к': 'k', 'л': 'l', 'м': 'm', 'н': 'n', 'о': 'o', 'п': 'p', 'р': 'r', 'с': 's', 'т': 't', 'у': 'u', 'ф': 'f',
	'х': 'h', 'ц': 'c', 'ч': 'c', 'ш': 's', 'щ': 's', 'ъ': '\'', 'ы': 'y', 'ь': '\'', 'э': 'e', 'ю': 'u', 'я': 'a',
	'—': '-', '–': '-', '«': '"', '»': '"', '№': 'N', '…': '.', '₽': 'R',
}

// Translit returns s with every rune of the translit table replaced by its
// ASCII byte (capitals by the upper case of their letter's byte) and every
// other non-ASCII rune by '?': an ASCII string of as many runes as s.
func Translit(s string) string {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		switch {
		case r < 0x80:
			b = append(b, byte(r))
		case translit[r] != 0:
			b = append(b, translit[r])
		case translit[unicode.ToLower(r)] != 0:
			c := translit[unicode.ToLower(r)]
			if c >= 'a' && c <= 'z' {
				c -= 'a' - 'A'
			}
			b = append(b, c)
		default:
			b = append(b, '?')
		}
	}
	return string(b)
}

// Distance is the textbook dynamic-programming Levenshtein distance of two
// rune slices: the generator's own oracle, independent of the kernels it
// feeds.
func Distance(a, b []rune) int {
	row := make([]int, len(b)+1)
	for j := range row {
		row[j] = j
	}
	for i := 1; i <= len(a); i++ {
		diag := row[0]
		row[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			diag, row[j] = row[j], min(row[j]+1, row[j-1]+1, diag+cost)
		}
	}
	return row[len(b)]
}

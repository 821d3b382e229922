package chunk_test

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
	"github.com/spinwise/spinwise/chunk"
)

var udErrors = flag.String("ud.errors", "", "print the sentence boundary errors on this split of testdata/ud (dev or test)")

// udText is one evaluation text: treebank sentences joined by single
// spaces, and the byte offsets where the second and later sentences start.
type udText struct {
	id     string
	text   string
	starts []int
}

// loadUD reads testdata/ud/<split>.tsv (see testdata/ud/README.md).
func loadUD(t testing.TB, split string) []udText {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "ud", split+".tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var texts []udText
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		id, sent, ok := strings.Cut(sc.Text(), "\t")
		if !ok || sent == "" {
			t.Fatalf("%s.tsv: bad line %q", split, sc.Text())
		}
		if n := len(texts); n > 0 && texts[n-1].id == id {
			u := &texts[n-1]
			u.text += " "
			u.starts = append(u.starts, len(u.text))
			u.text += sent
			continue
		}
		texts = append(texts, udText{id: id, text: sent})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return texts
}

// starts returns the byte offsets in text where the second and later of
// sents begin; sents are substrings of text in order.
func starts(t testing.TB, text string, sents []string) []int {
	t.Helper()
	var out []int
	pos := 0
	for i, s := range sents {
		j := strings.Index(text[pos:], s)
		if j < 0 || s == "" {
			t.Fatalf("sentence %d %q is not in %q after byte %d", i, s, text, pos)
		}
		if i > 0 {
			out = append(out, pos+j)
		}
		pos += j + len(s)
	}
	return out
}

// ownStarts segments text with chunk.Sentences.
func ownStarts(t testing.TB, text string) []int { return starts(t, text, chunk.Sentences(text)) }

// unisegStarts segments text with uniseg's UAX #29 sentence boundaries,
// each sentence trimmed.
func unisegStarts(t testing.TB, text string) []int {
	var sents []string
	state := -1
	for rest := text; rest != ""; {
		var s string
		s, rest, state = uniseg.FirstSentenceInString(rest, state)
		if s = strings.TrimSpace(s); s != "" {
			sents = append(sents, s)
		}
	}
	return starts(t, text, sents)
}

// prf counts true and false boundaries; bare counts the missed ones after
// a sentence that ends in a letter or a digit, with no punctuation or
// emoji that a segmenter could go by.
type prf struct{ tp, fp, fn, bare int }

func (s prf) precision() float64 { return float64(s.tp) / float64(s.tp+s.fp) }
func (s prf) recall() float64    { return float64(s.tp) / float64(s.tp+s.fn) }
func (s prf) f1() float64        { return 2 * float64(s.tp) / float64(2*s.tp+s.fp+s.fn) }
func (s prf) String() string {
	return fmt.Sprintf("P %.4f R %.4f F1 %.4f (tp %d, fp %d, fn %d, of them %d after no punctuation)",
		s.precision(), s.recall(), s.f1(), s.tp, s.fp, s.fn, s.bare)
}

// symbolic reports whether the word w has no letter and no digit: emoji,
// smileys, brackets, dashes.
func symbolic(w string) bool {
	return !strings.ContainsFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
}

// canon moves the sentence start p of text forward past every word with
// no letter or digit ("😆", "((", "👍 👍"). Which of two sentences such a
// word belongs to is a convention: the treebanks put "😆" at the start of
// the next sentence, Sentences puts it at the end of the one before. With
// tolerant scoring both starts count as one place. A start with only such
// words before it or after it (emoji that open or close the text) is no
// boundary at all with tolerant scoring: canon returns -1, and score
// skips it, in the treebank's segmentation and in the one scored alike.
func canon(text string, p int) int {
	if symbolic(text[:p]) {
		return -1
	}
	for p < len(text) {
		j := p
		for j < len(text) && text[j] != ' ' {
			j++
		}
		if !symbolic(text[p:j]) {
			return p
		}
		p = j + 1
	}
	return -1
}

// score compares the predicted sentence starts of each text with the
// treebank's, exactly or (tolerant) after canon; report, when not nil, is
// called for every text with a mistake.
func score(t testing.TB, texts []udText, seg func(testing.TB, string) []int, tolerant bool, report func(u udText, got []int)) prf {
	var s prf
	for _, u := range texts {
		got := seg(t, u.text)
		gold := map[int]bool{}
		for _, p := range u.starts {
			if tolerant {
				if p = canon(u.text, p); p < 0 {
					continue
				}
			}
			gold[p] = true
		}
		seen := map[int]bool{}
		bad := false
		for _, p := range got {
			if tolerant {
				if p = canon(u.text, p); p < 0 {
					continue
				}
			}
			if seen[p] {
				continue
			}
			seen[p] = true
			if gold[p] {
				s.tp++
				delete(gold, p)
			} else {
				s.fp++
				bad = true
			}
		}
		s.fn += len(gold)
		for p := range gold {
			r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(u.text[:p], " "))
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				s.bare++
			}
		}
		if (bad || len(gold) > 0) && report != nil {
			report(u, got)
		}
	}
	return s
}

// mark prints text with "‖" at the gold starts and "¦" at wrong starts,
// "⁑" where a gold start was missed.
func mark(u udText, got []int) string {
	gold := map[int]bool{}
	for _, p := range u.starts {
		gold[p] = true
	}
	pred := map[int]bool{}
	for _, p := range got {
		pred[p] = true
	}
	var b strings.Builder
	for i := 0; i <= len(u.text); i++ {
		switch {
		case gold[i] && pred[i]:
			b.WriteString("‖")
		case gold[i]:
			b.WriteString("⁑MISS⁑")
		case pred[i]:
			b.WriteString("¦FALSE¦")
		}
		if i < len(u.text) {
			b.WriteByte(u.text[i])
		}
	}
	return b.String()
}

// udFloor is the F1 of Sentences on the held-out split (test.tsv) that
// BENCHMARKS.md reports, rounded down: a change to the sentence rules that
// loses boundaries fails here.
var udFloor = map[bool]float64{false: 0.966, true: 0.969}

// TestSentencesUD scores Sentences against the human sentence
// segmentation of the Universal Dependencies Russian treebanks
// (testdata/ud) and fails when F1 on the held-out split drops below the
// reported floor. Run with -v to see the figures, uniseg's beside them,
// and -ud.errors=dev to see every mistake.
func TestSentencesUD(t *testing.T) {
	for _, split := range []string{"dev", "test"} {
		texts := loadUD(t, split)
		var report func(udText, []int)
		if *udErrors == split {
			report = func(u udText, got []int) { t.Logf("%s: %s", u.id, mark(u, got)) }
		}
		for _, tolerant := range []bool{false, true} {
			how := "strict"
			if tolerant {
				how = "tolerant"
			}
			own := score(t, texts, ownStarts, tolerant, report)
			uni := score(t, texts, unisegStarts, tolerant, nil)
			report = nil
			t.Logf("%s, %s: %d texts, %d boundaries", split, how, len(texts), own.tp+own.fn)
			t.Logf("%s, %s: Sentences %v", split, how, own)
			t.Logf("%s, %s: uniseg    %v", split, how, uni)
			if floor := udFloor[tolerant]; split == "test" && own.f1() < floor {
				t.Errorf("%s F1 on the held-out split is %.4f, below the floor %.4f", how, own.f1(), floor)
			}
		}
	}
}

// TestSplitUD holds Split's invariants on the evaluation texts, whose
// sentences its cuts follow: nothing lost, every chunk within Max, no cut
// inside a grapheme cluster or a link (checkSplit); and, in a text whose
// words are all at most half of Max runes long (so that each fits in
// every unit), no cut inside a word: each chunk ends where white space or
// the text does.
func TestSplitUD(t *testing.T) {
	opts := []chunk.Options{{Max: 40}, {Max: 70}, {Max: 160}, {Max: 70, Unit: chunk.UTF16}, {Max: 70, Unit: chunk.Graphemes}}
	for _, split := range []string{"dev", "test"} {
		cut := 0
		for _, u := range loadUD(t, split) {
			longest := 0
			for _, w := range strings.Fields(u.text) {
				longest = max(longest, utf8.RuneCountInString(w))
			}
			for _, o := range opts {
				chunks, err := chunk.Split(u.text, &o)
				checkSplit(t, u.text, &o, chunks, err)
				if err != nil || longest > o.Max/2 || strings.ContainsAny(u.text, markupChars) {
					// A word over Max may be cut, and Max counts UTF-16 units
					// or clusters too; re-opened markup makes chunks no plain
					// substrings.
					continue
				}
				from := 0
				for i, c := range chunks {
					j := strings.Index(u.text[from:], c)
					if j < 0 {
						t.Fatalf("%s, %+v: chunk %d %q is not in the text after byte %d", u.id, o, i, c, from)
					}
					end := from + j + len(c)
					if r, _ := utf8.DecodeRuneInString(u.text[end:]); end < len(u.text) && !unicode.IsSpace(r) {
						t.Errorf("%s, %+v: chunk %d %q ends inside a word: %q", u.id, o, i, c, u.text[end:min(len(u.text), end+20)])
					}
					from = end
				}
				cut += len(chunks) - 1
			}
		}
		t.Logf("%s: %d cuts checked to fall between words", split, cut)
		if cut == 0 {
			t.Fatalf("%s: no cut was checked", split)
		}
	}
}

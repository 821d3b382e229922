package campaign_test

import (
	"math/big"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/spinwise/spinwise/chunk"
	"github.com/spinwise/spinwise/internal/corpus"
	"github.com/spinwise/spinwise/risk"
	"github.com/spinwise/spinwise/template"
)

// endsInQuestion reports whether one of the sentences of text, as
// chunk.Sentences finds them, ends in a question mark (before any
// emoji, smileys or closing quotes that follow it).
func endsInQuestion(text string) bool {
	for _, s := range chunk.Sentences(text) {
		s = strings.TrimRightFunc(s, func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '?' && r != '？'
		})
		if r, _ := utf8.DecodeLastRuneInString(s); r == '?' || r == '？' {
			return true
		}
	}
	return false
}

// TestAsksQuestionAgreesWithSentences: the report's "asks a question"
// (risk.AsksQuestion, which depends on no other package and so scans for
// itself) says what the sentence rules say, on the messages of every
// corpus template: a message asks a question when one of its sentences
// ends in '?'.
func TestAsksQuestionAgreesWithSentences(t *testing.T) {
	contacts := corpus.Contacts()
	for _, name := range corpus.TemplateNames() {
		tm, err := template.Parse(corpus.Template(name), nil)
		if err != nil {
			t.Fatal(err)
		}
		asks := 0
		for i := range 300 {
			v := new(big.Int).Mod(big.NewInt(int64(i)*7919), tm.Count())
			text, err := tm.RenderVariant(contacts[i%len(contacts)], v)
			if err != nil {
				continue // a contact without a field this template needs
			}
			got, want := risk.AsksQuestion(text), endsInQuestion(text)
			if got != want {
				t.Errorf("%s, variant %v: AsksQuestion = %v, the sentences say %v:\n%s", name, v, got, want, text)
			}
			if got {
				asks++
			}
		}
		t.Logf("%s: %d of 300 messages ask a question", name, asks)
	}
}

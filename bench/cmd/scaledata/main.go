// Command scaledata makes the inputs of bench/scale, the campaign-scale
// measurements of spinwise generate and spinwise similarity, and checks
// similarity's recall:
//
//	scaledata -contacts N            a CRM export of N rows: the 500 sample contacts repeated under new keys
//	scaledata -planted N -pairs F    N synthetic messages, one a line, 1% of them near copies of another
//	                                 (1 to 10 rune edits, similarity >= 0.9); the planted pairs (1-based lines) go to F
//	scaledata -recall F < JSON       the share of F's pairs that similarity -json -top -1 reported
package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"unicode"

	"github.com/spinwise/spinwise/internal/corpus"
	"github.com/spinwise/spinwise/uniqueness"
)

func main() {
	contacts := flag.Int("contacts", 0, "rows of the CRM export to write")
	planted := flag.Int("planted", 0, "synthetic messages to write")
	pairs := flag.String("pairs", "", "file for the planted pairs")
	recall := flag.String("recall", "", "planted pairs to look for in similarity -json on stdin")
	flag.Parse()
	w := bufio.NewWriterSize(os.Stdout, 1<<20)
	defer w.Flush()
	var err error
	switch {
	case *contacts > 0:
		err = writeContacts(w, *contacts)
	case *planted > 0 && *pairs != "":
		err = writePlanted(w, *planted, *pairs)
	case *recall != "":
		err = checkRecall(w, *recall)
	default:
		flag.Usage()
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "scaledata:", err)
		os.Exit(1)
	}
}

func writeContacts(w *bufio.Writer, n int) error {
	f, err := corpus.FS.Open("contacts.csv")
	if err != nil {
		return err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.Write(rows[0])
	body := rows[1:]
	for i := range n {
		row := append([]string(nil), body[i%len(body)]...)
		row[0] = fmt.Sprintf("k%07d", i)
		cw.Write(row)
	}
	cw.Flush()
	return cw.Error()
}

// writePlanted writes arbitrary messages: 8 to 60 words drawn at random
// from the vocabulary of the corpus templates (with a contact's name in
// front), so unrelated messages share words but not wording; then it
// overwrites 1% of them with near copies of others.
func writePlanted(w *bufio.Writer, n int, pairsFile string) error {
	rng := rand.New(rand.NewPCG(7, 11))
	var vocab []string
	for _, name := range corpus.TemplateNames() {
		vocab = append(vocab, strings.FieldsFunc(corpus.Template(name), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-'
		})...)
	}
	people := corpus.Contacts()
	msgs := make([]string, n)
	var b strings.Builder
	for i := range msgs {
		b.Reset()
		b.WriteString(people[rng.IntN(len(people))]["Имя"].(string))
		b.WriteString(", ")
		for k := range 8 + rng.IntN(53) {
			if k > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(vocab[rng.IntN(len(vocab))])
		}
		b.WriteByte('.')
		msgs[i] = b.String()
	}
	pf, err := os.Create(pairsFile)
	if err != nil {
		return err
	}
	defer pf.Close()
	perm := rng.Perm(n) // sources and copies all different messages
	for k := range n / 100 {
		i, j := perm[2*k], perm[2*k+1]
		r := []rune(msgs[i])
		// 1 to 10 edits, fewer on a short message: a planted copy stays a
		// near duplicate (similarity >= 0.9), so recall counts only pairs
		// the report must find.
		for range 1 + rng.IntN(max(1, min(10, len(r)/12))) {
			if len(r) == 0 {
				break
			}
			p := rng.IntN(len(r))
			switch rng.IntN(3) {
			case 0:
				r[p] = 'а' + rune(rng.IntN(32))
			case 1:
				r = append(r[:p], append([]rune{'о'}, r[p:]...)...)
			default:
				r = append(r[:p], r[p+1:]...)
			}
		}
		if uniqueness.Similarity(msgs[i], string(r)) < 0.9 {
			continue
		}
		msgs[j] = string(r)
		fmt.Fprintf(pf, "%d %d\n", min(i, j)+1, max(i, j)+1)
	}
	for _, m := range msgs {
		w.WriteString(m)
		w.WriteByte('\n')
	}
	return nil
}

func checkRecall(w *bufio.Writer, pairsFile string) error {
	var rep struct {
		Pairs []struct{ A, B string }
	}
	if err := json.NewDecoder(os.Stdin).Decode(&rep); err != nil {
		return err
	}
	found := map[string]bool{}
	for _, p := range rep.Pairs {
		found[p.A+"|"+p.B] = true
		found[p.B+"|"+p.A] = true
	}
	b, err := os.ReadFile(pairsFile)
	if err != nil {
		return err
	}
	hit, all := 0, 0
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		var i, j int
		if _, err := fmt.Sscan(line, &i, &j); err != nil {
			return err
		}
		all++
		if found[fmt.Sprintf("line %d|line %d", i, j)] {
			hit++
		}
	}
	fmt.Fprintf(w, "recall %.4f (%d of %d planted pairs)\n", float64(hit)/float64(max(all, 1)), hit, all)
	return nil
}

// Command scaledata makes the inputs of bench/scale, the campaign-scale
// measurements of spinwise generate and spinwise similarity, and checks
// similarity's recall:
//
//	scaledata -contacts N            a CRM export of N rows: the 500 sample contacts repeated under new keys
//	scaledata -planted N -pairs F    N synthetic messages, one a line, 1% of them near copies of another
//	                                 (1 to 10 rune edits); the planted pairs (1-based lines) go to F
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

	"github.com/spinwise/spinwise/internal/corpus"
	"github.com/spinwise/spinwise/template"
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

// writePlanted spins the corpus templates with the sample contacts (each
// message a random variant), then overwrites 1% of the messages with near
// copies of earlier ones.
func writePlanted(w *bufio.Writer, n int, pairsFile string) error {
	rng := rand.New(rand.NewPCG(7, 11))
	var tmpls []*template.Template
	for _, name := range corpus.TemplateNames() {
		t, err := template.Parse(corpus.Template(name), nil)
		if err != nil {
			return err
		}
		tmpls = append(tmpls, t)
	}
	people := corpus.Contacts()
	msgs := make([]string, n)
	for i := range msgs {
		t := tmpls[rng.IntN(len(tmpls))]
		m, err := t.Render(people[rng.IntN(len(people))], fmt.Sprint(rng.Uint64()))
		if err != nil {
			i--
			continue
		}
		msgs[i] = strings.ReplaceAll(m, "\n", " ")
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
		for range 1 + rng.IntN(10) {
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

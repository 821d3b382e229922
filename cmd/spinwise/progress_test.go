package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestProgressBar: a bar over an input of known size shows the rows, their
// rate, the share of the input read and the time left; over stdin (size
// unknown) the rows and their rate; done clears the line.
func TestProgressBar(t *testing.T) {
	for _, tc := range []struct {
		name string
		size int64
		want []string // regular expressions the drawn bar must match
	}{
		{"file", 1000, []string{`2000 rows, \d+ rows/s`, ` 50% `, `\[\d+s:\d+s\]`}},
		{"stdin", 0, []string{`2000 rows`, `\d+ rows/s`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out strings.Builder
			counter := &countingReader{}
			counter.n.Store(500)
			p := newProgressTo(&out, counter, tc.size, 0)
			p.update(2000)
			got := out.String()
			for _, re := range tc.want {
				if !regexp.MustCompile(re).MatchString(got) {
					t.Errorf("bar %q does not match %q", got, re)
				}
			}
			p.done()
			if end := out.String()[len(got):]; !regexp.MustCompile(`^\r *\r$`).MatchString(end) {
				t.Errorf("done wrote %q: want the line cleared", end)
			}
		})
	}
}

// TestProgressDelay: within the delay nothing is drawn (a small batch never
// shows a bar), and done draws nothing either.
func TestProgressDelay(t *testing.T) {
	var out strings.Builder
	p := newProgressTo(&out, &countingReader{}, 1000, 1<<62)
	p.update(10)
	p.done()
	if out.Len() != 0 {
		t.Errorf("drew %q before the delay", out.String())
	}
	var nilBar *progress
	nilBar.update(1) // no terminal: no bar, and the calls are safe
	nilBar.done()
}

func TestIsTerminal(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "x"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if isTerminal(f) || isTerminal(nil) {
		t.Error("a regular file or nil is not a terminal")
	}
	if dev, err := os.Open(os.DevNull); err == nil {
		defer dev.Close()
		if isTerminal(dev) {
			t.Errorf("%s is a character device but not a terminal: no bar must be drawn to it", os.DevNull)
		}
	}
	c := &cli{errFile: f, stderr: f}
	if c.newProgress(&dataSource{counter: &countingReader{}}, false) != nil {
		t.Error("a bar for a stderr that is not a terminal")
	}
}

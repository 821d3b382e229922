package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestProgress(t *testing.T) {
	var out strings.Builder
	counter := &countingReader{n: 500}
	p := &progress{w: &out, counter: counter, size: 1000, start: time.Now(), last: time.Now()}
	p.update(10)
	if out.Len() != 0 {
		t.Fatalf("drew %q in the first second: a small batch must never show a bar", out.String())
	}
	p.start = p.start.Add(-2 * time.Second)
	p.last = p.last.Add(-time.Second)
	p.update(2000)
	got := out.String()
	if !strings.HasPrefix(got, "\r[###############---------------]  50% 2000 rows, ") {
		t.Fatalf("bar %q: want half full at 500 of 1000 bytes", got)
	}
	p.update(2001) // within 100 ms of the last draw: throttled
	if out.String() != got {
		t.Errorf("redrew within 100 ms: %q", out.String())
	}
	p.done()
	if !strings.HasSuffix(out.String(), "\r\033[K") {
		t.Errorf("done did not clear the line: %q", out.String())
	}
	var nilBar *progress
	nilBar.done() // no terminal: no bar, and done is safe
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
}

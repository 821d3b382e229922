//go:build unix

package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// endless is a CSV export that never ends: a header, then rows c0, c1, ...
type endless struct {
	n   int
	buf []byte
}

func (e *endless) Read(p []byte) (int, error) {
	if e.buf == nil {
		e.buf = []byte("key,Имя\n")
	}
	for len(e.buf) < len(p) {
		e.buf = fmt.Appendf(e.buf, "c%d,Имя%d\n", e.n, e.n)
		e.n++
	}
	n := copy(p, e.buf)
	e.buf = e.buf[n:]
	return n, nil
}

// syncBuffer is stdout: it tells when the first rows arrive.
type syncBuffer struct {
	mu    sync.Mutex
	buf   bytes.Buffer
	first chan struct{}
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.buf.Len() == 0 {
		close(b.first)
	}
	return b.buf.Write(p)
}

// TestGenerateInterrupt sends SIGINT (Ctrl-C) or SIGTERM (kill, a service
// manager) in the middle of a run: the output holds whole JSON lines only,
// the exit code is 2, and stderr says how many rows were written and where
// to resume.
func TestGenerateInterrupt(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) { testInterrupt(t, sig) })
	}
}

func testInterrupt(t *testing.T, sig syscall.Signal) {
	tmpl := filepath.Join(t.TempDir(), "t.txt")
	if err := os.WriteFile(tmpl, []byte("{Привет|Здравствуйте}, {{Имя}}!"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := &syncBuffer{first: make(chan struct{})}
	var errOut bytes.Buffer
	done := make(chan int)
	go func() {
		done <- run([]string{"generate", tmpl, "-data", "-", "-format", "csv", "-no-analysis", "-start", "7"}, &endless{}, out, &errOut)
	}()
	select {
	case <-out.first:
	case <-time.After(30 * time.Second):
		t.Fatal("no output after 30 s")
	}
	if err := syscall.Kill(os.Getpid(), sig); err != nil {
		t.Fatal(err)
	}
	var code int
	select {
	case code = <-done:
	case <-time.After(30 * time.Second):
		t.Fatalf("generate did not stop within 30 s of %v", sig)
	}
	if code != exitUsage {
		t.Errorf("exit code %d, want %d", code, exitUsage)
	}
	text := out.buf.String()
	if !strings.HasSuffix(text, "\n") {
		t.Fatalf("output ends in a partial line: %q", text[max(0, len(text)-80):])
	}
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	for i, l := range lines {
		var row struct {
			Key string `json:"key"`
		}
		if err := json.Unmarshal([]byte(l), &row); err != nil || row.Key != fmt.Sprintf("c%d", i) {
			t.Fatalf("line %d: %q (%v): want the row of c%d", i+1, l, err, i)
		}
	}
	want := fmt.Sprintf("spinwise generate: interrupted after %d rows (each a whole JSON line); to resume, run again on the recipients from record %d on (0-based, not counting the header) with -start %d\n",
		len(lines), 7+len(lines), 7+len(lines))
	if errOut.String() != want {
		t.Errorf("stderr:\n%q\nwant\n%q", errOut.String(), want)
	}
}

// TestGenerateInterruptBlockedStdin: a run waiting for data on a pipe that
// sends nothing stops at the first SIGTERM (the data is closed), with exit
// 2 and nothing written, rather than waiting for a second signal.
func TestGenerateInterruptBlockedStdin(t *testing.T) {
	tmpl := filepath.Join(t.TempDir(), "t.txt")
	if err := os.WriteFile(tmpl, []byte("Привет, {{Имя}}!"), 0o644); err != nil {
		t.Fatal(err)
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	defer r.Close()
	armed := make(chan struct{})
	interruptArmed = func() { close(armed) }
	defer func() { interruptArmed = func() {} }()
	if _, err := w.Write([]byte("key,Имя\n")); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	done := make(chan int)
	go func() {
		done <- run([]string{"generate", tmpl, "-data", "-", "-format", "csv"}, r, &out, &errOut)
	}()
	// Until the signal is caught, a SIGTERM would end the test binary: send
	// it only once the run has armed its handler.
	select {
	case <-armed:
	case <-time.After(30 * time.Second):
		t.Fatal("no SIGTERM handler after 30 s")
	}
	if err := syscall.Kill(os.Getpid(), syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case code := <-done:
		if code != exitUsage || out.Len() != 0 || !strings.Contains(errOut.String(), "interrupted after 0 rows") {
			t.Errorf("exit %d, stdout %q, stderr %q", code, out.String(), errOut.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatal("generate still waits for stdin 30 s after SIGTERM")
	}
}

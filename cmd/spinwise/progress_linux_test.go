package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"golang.org/x/sys/unix"
)

// openPty returns both ends of a new pseudo-terminal: writes to the
// terminal end are read from the other.
func openPty(t *testing.T) (term, master *os.File) {
	t.Helper()
	master, err := os.OpenFile("/dev/ptmx", os.O_RDWR, 0)
	if err != nil {
		t.Fatalf("open a pseudo-terminal: %v", err)
	}
	t.Cleanup(func() { master.Close() })
	if err := unix.IoctlSetPointerInt(int(master.Fd()), unix.TIOCSPTLCK, 0); err != nil {
		t.Fatal(err)
	}
	n, err := unix.IoctlGetInt(int(master.Fd()), unix.TIOCGPTN)
	if err != nil {
		t.Fatal(err)
	}
	term, err = os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { term.Close() })
	return term, master
}

// TestProgressInTerminal runs generate with stderr on a terminal (under
// -race in CI: the bar reads the byte count while the reader adds to it).
// The bar shows rows on stderr; stdout holds the JSON lines alone. With
// stdout on the terminal too, no bar is drawn at all.
func TestProgressInTerminal(t *testing.T) {
	saved := progressDelay
	progressDelay = 0
	defer func() { progressDelay = saved }()
	dir := t.TempDir()
	tmpl := filepath.Join(dir, "t.txt")
	data := filepath.Join(dir, "c.csv")
	var csv strings.Builder
	csv.WriteString("key,Имя\n")
	for i := range 3000 {
		fmt.Fprintf(&csv, "c%d,Имя%d\n", i, i)
	}
	if err := os.WriteFile(tmpl, []byte("{Привет|Здравствуйте}, {{Имя}}!"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(data, []byte(csv.String()), 0o644); err != nil {
		t.Fatal(err)
	}

	t.Run("stderr a terminal", func(t *testing.T) {
		tty, master := openPty(t)
		var drawn bytes.Buffer
		var wg sync.WaitGroup
		wg.Add(1)
		go func() { defer wg.Done(); io.Copy(&drawn, master) }()
		var stdout bytes.Buffer
		code := run([]string{"generate", tmpl, "-data", data, "-q", "-no-analysis", "-workers", "2"}, nil, &stdout, tty)
		if code != exitOK {
			t.Fatalf("exit %d", code)
		}
		tty.Close()
		master.Close()
		wg.Wait()
		if !strings.Contains(drawn.String(), " rows") {
			t.Errorf("no bar with rows on the terminal: %q", drawn.String())
		}
		if n := strings.Count(stdout.String(), "\n"); n != 3000 || strings.Contains(stdout.String(), "rows") {
			t.Errorf("stdout has %d lines or a bar in it", n)
		}
	})

	t.Run("stdout the same terminal", func(t *testing.T) {
		tty, _ := openPty(t)
		c := &cli{stdout: tty, stderr: tty, outFile: tty, errFile: tty}
		if c.newProgress(&dataSource{counter: &countingReader{}}, true) != nil {
			t.Error("a bar drawn among the messages on the terminal")
		}
		if c.newProgress(&dataSource{counter: &countingReader{}}, false) == nil {
			t.Error("no bar with the messages going to a file")
		}
	})
}

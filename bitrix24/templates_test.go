package bitrix24_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/spinwise/spinwise/bitrix24"
)

func writeFile(t *testing.T, path, s string, mod time.Time) {
	t.Helper()
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	// Modification times are set, not read from the clock, so that a
	// rewrite within one clock tick is still seen as a change.
	if err := os.Chtimes(path, mod, mod); err != nil {
		t.Fatal(err)
	}
}

func TestTemplates(t *testing.T) {
	dir := t.TempDir()
	t0 := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	writeFile(t, filepath.Join(dir, "a.txt"), "\uFEFF{Привет|Здравствуйте}, {{Имя}}!\n", t0)
	writeFile(t, filepath.Join(dir, "broken.txt"), "Привет, {Анна|Мария", t0)
	writeFile(t, filepath.Join(dir, "big.txt"), strings.Repeat("я", 100), t0)
	writeFile(t, filepath.Join(dir, "notes.md"), "not a template", t0)
	ts, err := bitrix24.LoadTemplates(dir, &bitrix24.TemplateOptions{MaxSize: 150})
	var le *bitrix24.LoadError
	if !errors.As(err, &le) || le.Files["broken.txt"] == nil || le.Files["big.txt"] == nil || len(le.Files) != 2 {
		t.Fatalf("error %v: want broken.txt (syntax) and big.txt (over the cap) left out", err)
	}
	if got := ts.Names(); !slices.Equal(got, []string{"a"}) {
		t.Fatalf("names %v", got)
	}
	if !slices.Equal(ts.Fields(), []string{"Имя"}) {
		t.Errorf("fields %v", ts.Fields())
	}
	first := ts.Campaign("a")

	// Nothing changed: nothing is parsed again.
	changed, _ := ts.Reload()
	if changed || ts.Campaign("a") != first {
		t.Errorf("a reload without changes parsed again (changed %v)", changed)
	}

	// A fixed file and a new one are parsed; the unchanged one is kept.
	writeFile(t, filepath.Join(dir, "broken.txt"), "Привет, {Анна|Мария}", t0.Add(time.Second))
	writeFile(t, filepath.Join(dir, "b.txt"), "{{Заказ}} готов", t0)
	changed, err = ts.Reload()
	if !changed || !slices.Equal(ts.Names(), []string{"a", "b", "broken"}) {
		t.Errorf("after the change: changed %v, names %v, err %v", changed, ts.Names(), err)
	}
	if ts.Campaign("a") != first {
		t.Error("the unchanged template was parsed again")
	}
	// A removed file disappears.
	os.Remove(filepath.Join(dir, "b.txt"))
	if changed, _ := ts.Reload(); !changed || ts.Campaign("b") != nil {
		t.Errorf("a removed template stays (changed %v)", changed)
	}
}

// TestTemplatesReadWhileReloading runs readers against reloads that parse
// a template near the size cap: run with -race. Readers take no lock, so
// they never wait for a parse.
func TestTemplatesReadWhileReloading(t *testing.T) {
	dir := t.TempDir()
	t0 := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	writeFile(t, filepath.Join(dir, "a.txt"), "{Привет|Здравствуйте}, {{Имя}}!", t0)
	big := strings.Repeat("{раз|два|три} ", 2500)
	ts, err := bitrix24.LoadTemplates(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	stop := make(chan struct{})
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				if ts.Campaign("a") == nil {
					t.Error("template a vanished during a reload")
					return
				}
			}
		}()
	}
	for i := range 5 {
		writeFile(t, filepath.Join(dir, "big.txt"), big, t0.Add(time.Duration(i+1)*time.Second))
		if _, err := ts.Reload(); err != nil {
			t.Error(err)
		}
	}
	close(stop)
	wg.Wait()
}

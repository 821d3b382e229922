package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/spinwise/spinwise/bitrix24"
	"github.com/spinwise/spinwise/internal/fakeportal"
)

// TestRobotServes runs `spinwise robot` on 127.0.0.1 against a fake portal:
// install, ONAPPINSTALL, a robot call with an expired token answered through
// bizproc.event.send after a renewal at -oauth, then a clean stop.
func TestRobotServes(t *testing.T) {
	portal := fakeportal.Start()
	defer portal.Close()
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "reminder.txt"), []byte("{Здравствуйте|Добрый день}, {{Имя}}!"), 0o644)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	old := robotContext
	robotContext = func() (context.Context, context.CancelFunc) { return ctx, cancel }
	defer func() { robotContext = old }()

	pr, pw := io.Pipe()
	done := make(chan int, 1)
	go func() {
		done <- run([]string{"robot", "-addr", "127.0.0.1:0", "-public", "https://robot.example.ru/",
			"-db", filepath.Join(t.TempDir(), "r.db"), "-templates", dir,
			"-client-id", portal.ClientID, "-client-secret", portal.ClientSecret,
			"-oauth", portal.Server.URL + "/oauth/token/", "-code", "msg"}, strings.NewReader(""), io.Discard, pw)
		pw.Close()
	}()
	sc := bufio.NewScanner(pr)
	if !sc.Scan() {
		t.Fatal("no output")
	}
	m := regexp.MustCompile(`listening on (http://\S+);`).FindStringSubmatch(sc.Text())
	if m == nil {
		t.Fatalf("first line %q", sc.Text())
	}
	var tail strings.Builder
	drained := make(chan struct{})
	go func() {
		for sc.Scan() {
			tail.WriteString(sc.Text() + "\n")
		}
		close(drained)
	}()
	base := m[1]
	post := func(path string, q, f url.Values) int {
		resp, err := http.PostForm(base+path+"?"+q.Encode(), f)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	q, f := portal.InstallForm()
	if code := post("/install", q, f); code != 200 {
		t.Fatalf("install: %d", code)
	}
	if got := portal.Robot("msg").Get("HANDLER"); got != "https://robot.example.ru/robot" {
		t.Errorf("HANDLER %q", got)
	}
	if code := post("/event", nil, portal.EventForm("ONAPPINSTALL", portal.AppToken)); code != 200 {
		t.Fatalf("ONAPPINSTALL: %d", code)
	}
	access, refresh := portal.Tokens()
	portal.Expire(access)
	form := portal.RobotFormToken("msg", "DEAL_1", map[string]any{"template": "reminder", bitrix24.PropertyCode("Имя"): "Анна"}, access, refresh)
	if code := post("/robot", nil, form); code != 200 {
		t.Fatalf("robot: %d", code)
	}
	sent, ok := portal.WaitSend(10 * time.Second)
	if !ok || !strings.HasSuffix(sent.Form.Get("RETURN_VALUES[text]"), ", Анна!") || portal.Refreshes != 1 {
		t.Fatalf("sent %v (renewals %d)", sent.Form, portal.Refreshes)
	}
	cancel()
	if code := <-done; code != exitOK {
		t.Errorf("exit %d", code)
	}
	<-drained
	if !strings.Contains(tail.String(), "1 robot calls answered") {
		t.Errorf("stderr:\n%s", tail.String())
	}
}

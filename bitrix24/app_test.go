package bitrix24_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spinwise/spinwise/bitrix24"
	"github.com/spinwise/spinwise/internal/fakeportal"
)

// Templates of the tests: a reminder reading two fields, one reading a
// Multiple property, one with a shortened link.
var testTemplates = map[string]string{
	"reminder.txt": "{Здравствуйте|Добрый день}, {{Имя}}! Ваш заказ №{{Заказ}} {передан в доставку|уже в пути}.",
	"phones.txt":   "{{Имя}}, мы позвоним по номерам: {{Телефоны}}.",
	"promo.txt":    "{{Имя}}, скидка по ссылке bit.ly/abc",
}

// waitFor bounds every wait for an asynchronous answer; a test that hits
// it fails, and no result depends on it.
const waitFor = 10 * time.Second

type env struct {
	t      *testing.T
	portal *fakeportal.Portal
	app    *bitrix24.App
	srv    *httptest.Server
	store  bitrix24.Store
	dir    string
}

func newEnv(t *testing.T) *env {
	t.Helper()
	dir := t.TempDir()
	for name, src := range testTemplates {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ts, err := bitrix24.LoadTemplates(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	store, err := bitrix24.OpenSQLite(filepath.Join(t.TempDir(), "robot.db"))
	if err != nil {
		t.Fatal(err)
	}
	portal := fakeportal.Start()
	e := &env{t: t, portal: portal, store: store, dir: dir}
	e.srv = httptest.NewUnstartedServer(nil)
	app, err := bitrix24.New(bitrix24.Config{
		Store:     store,
		Templates: ts,
		Public:    "http://" + e.srv.Listener.Addr().String(),
		Client: &bitrix24.Client{
			TokenURL:     portal.Server.URL + "/oauth/token/",
			ClientID:     portal.ClientID,
			ClientSecret: portal.ClientSecret,
		},
		Workers: 2,
		Logger:  slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	if err != nil {
		t.Fatal(err)
	}
	e.app = app
	e.srv.Config.Handler = app.Handler()
	e.srv.Start()
	t.Cleanup(func() {
		e.srv.Close()
		app.Close(context.Background())
		store.Close()
		portal.Close()
	})
	return e
}

func (e *env) post(path string, query, form url.Values) (int, string) {
	e.t.Helper()
	u := e.srv.URL + path
	if len(query) > 0 {
		u += "?" + query.Encode()
	}
	resp, err := http.PostForm(u, form)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// install runs the install page and ONAPPINSTALL, as the portal does.
func (e *env) install() {
	e.t.Helper()
	q, f := e.portal.InstallForm()
	if code, body := e.post("/install", q, f); code != 200 || !strings.Contains(body, "BX24.installFinish()") {
		e.t.Fatalf("install: %d %s", code, body)
	}
	if code, body := e.post("/event", nil, e.portal.EventForm("ONAPPINSTALL", e.portal.AppToken)); code != 200 {
		e.t.Fatalf("ONAPPINSTALL: %d %s", code, body)
	}
}

// call posts a robot call and waits for its bizproc.event.send.
func (e *env) call(form url.Values) fakeportal.Call {
	e.t.Helper()
	if code, body := e.post("/robot", nil, form); code != 200 || !strings.Contains(body, "accepted") {
		e.t.Fatalf("robot call: %d %s", code, body)
	}
	c, ok := e.portal.WaitSend(waitFor)
	if !ok {
		e.t.Fatal("no bizproc.event.send")
	}
	if got, want := c.Form.Get("EVENT_TOKEN"), form.Get("event_token"); got != want {
		e.t.Fatalf("EVENT_TOKEN %q, want the call's %q", got, want)
	}
	return c
}

var (
	codeName   = bitrix24.PropertyCode("Имя")
	codeOrder  = bitrix24.PropertyCode("Заказ")
	codePhones = bitrix24.PropertyCode("Телефоны")
)

func TestInstallRegistersTheRobot(t *testing.T) {
	e := newEnv(t)
	e.install()
	r := e.portal.Robot(bitrix24.DefaultCode)
	if r == nil {
		t.Fatal("no robot registered")
	}
	checks := []struct{ key, want, why string }{
		{"HANDLER", e.srv.URL + "/robot", "the portal calls -public + /robot"},
		{"USE_SUBSCRIPTION", "Y", "the robot waits for bizproc.event.send"},
		{"PROPERTIES[template][Type]", "select", "the template is chosen by name, never passed as text"},
		{"PROPERTIES[template][Options][reminder]", "reminder", "every template file is an option"},
		{"PROPERTIES[template][Options][phones]", "phones", "every template file is an option"},
		{"PROPERTIES[" + codeName + "][Name]", "Имя", "a template field is a property named after it"},
		{"PROPERTIES[" + codeName + "][Type]", "string", ""},
		{"RETURN_PROPERTIES[chunks][Multiple]", "Y", "chunks are a list"},
		{"RETURN_PROPERTIES[text][Type]", "text", ""},
		{"RETURN_PROPERTIES[variant][Type]", "string", ""},
		{"RETURN_PROPERTIES[error][Type]", "string", ""},
	}
	for _, c := range checks {
		if got := r.Get(c.key); got != c.want {
			t.Errorf("%s = %q, want %q (%s)", c.key, got, c.want, c.why)
		}
	}
	var events []string
	for _, b := range e.portal.Calls("event.bind") {
		if b.Form.Get("handler") != e.srv.URL+"/event" {
			t.Errorf("event.bind handler %q", b.Form.Get("handler"))
		}
		events = append(events, b.Form.Get("event"))
	}
	if strings.Join(events, ",") != "ONAPPINSTALL,ONAPPUNINSTALL" {
		t.Errorf("events bound: %v", events)
	}

	// Installing again updates the robot instead of failing on the
	// existing one.
	q, f := e.portal.InstallForm()
	if code, body := e.post("/install", q, f); code != 200 {
		t.Fatalf("second install: %d %s", code, body)
	}
	if n := len(e.portal.Calls("bizproc.robot.update")); n != 1 {
		t.Errorf("%d bizproc.robot.update calls after a reinstall, want 1", n)
	}
}

func TestRobotCall(t *testing.T) {
	e := newEnv(t)
	e.install()

	t.Run("message", func(t *testing.T) {
		form := e.portal.RobotForm(bitrix24.DefaultCode, "DEAL_759", map[string]any{
			"template": "reminder", codeName: "Анна", codeOrder: "545134",
		})
		c := e.call(form)
		text := c.Form.Get("RETURN_VALUES[text]")
		if !strings.Contains(text, "Анна") || !strings.Contains(text, "№545134") || strings.ContainsAny(text, "{}") {
			t.Errorf("text %q", text)
		}
		if c.Form.Get("RETURN_VALUES[chunks][0]") != text || c.Form.Get("RETURN_VALUES[error]") != "" || c.Form.Get("RETURN_VALUES[variant]") == "" {
			t.Errorf("return values %v", c.Form)
		}
		if !strings.Contains(c.Form.Get("LOG_MESSAGE"), "reminder") {
			t.Errorf("LOG_MESSAGE %q", c.Form.Get("LOG_MESSAGE"))
		}
		if c.Form.Get("auth") != form.Get("auth[access_token]") {
			t.Errorf("sent with token %q, want the call's", c.Form.Get("auth"))
		}
		// The same deal always gets the same wording.
		again := e.call(e.portal.RobotForm(bitrix24.DefaultCode, "DEAL_759", map[string]any{
			"template": "reminder", codeName: "Анна", codeOrder: "545134",
		}))
		if again.Form.Get("RETURN_VALUES[text]") != text {
			t.Errorf("second call %q, first %q", again.Form.Get("RETURN_VALUES[text]"), text)
		}
	})

	t.Run("a client named like spintax stays literal", func(t *testing.T) {
		c := e.call(e.portal.RobotForm(bitrix24.DefaultCode, "DEAL_1", map[string]any{
			"template": "reminder", codeName: "{Анна|Мария}", codeOrder: "{{.X}}",
		}))
		text := c.Form.Get("RETURN_VALUES[text]")
		if !strings.Contains(text, ", {Анна|Мария}!") || !strings.Contains(text, "№{{.X}}") {
			t.Errorf("text %q: document values must never become template syntax", text)
		}
	})

	t.Run("multiple property", func(t *testing.T) {
		c := e.call(e.portal.RobotForm(bitrix24.DefaultCode, "DEAL_2", map[string]any{
			"template": "phones", codeName: "Анна", codePhones: []string{"+7 999 111-22-33", "", "+7 912 000-00-00"},
		}))
		if got, want := c.Form.Get("RETURN_VALUES[text]"), "Анна, мы позвоним по номерам: +7 999 111-22-33, +7 912 000-00-00."; got != want {
			t.Errorf("text %q, want %q", got, want)
		}
	})

	errorRows := []struct {
		name     string
		props    map[string]any
		wantErr  string
		whyError string
	}{
		{"unknown template", map[string]any{"template": "nosuch", codeName: "Анна"}, `нет шаблона "nosuch"`, "a template is chosen among the files"},
		{"template text as property is not a template", map[string]any{"template": "{Привет|Здравствуйте}, {{Имя}}", codeName: "Анна"}, "нет шаблона", "the property names a template, it is never one"},
		{"missing field", map[string]any{"template": "reminder", codeName: "Анна"}, "missing-field", "Заказ is not given"},
		{"shortened link", map[string]any{"template": "promo", codeName: "Анна"}, "link", "links are checked"},
	}
	for _, row := range errorRows {
		t.Run(row.name, func(t *testing.T) {
			c := e.call(e.portal.RobotForm(bitrix24.DefaultCode, "DEAL_3", row.props))
			if got := c.Form.Get("RETURN_VALUES[error]"); !strings.Contains(got, row.wantErr) {
				t.Errorf("error %q, want it to hold %q (%s)", got, row.wantErr, row.whyError)
			}
			if c.Form.Get("RETURN_VALUES[text]") != "" || c.Form.Get("LOG_MESSAGE") == "" {
				t.Errorf("an error row has text %q, log %q", c.Form.Get("RETURN_VALUES[text]"), c.Form.Get("LOG_MESSAGE"))
			}
		})
	}

	t.Run("expired access token is renewed once", func(t *testing.T) {
		access, refresh := e.portal.Tokens()
		e.portal.Expire(access)
		before := e.portal.Refreshes
		c := e.call(e.portal.RobotFormToken(bitrix24.DefaultCode, "DEAL_4", map[string]any{
			"template": "reminder", codeName: "Анна", codeOrder: "1",
		}, access, refresh))
		if e.portal.Refreshes != before+1 {
			t.Errorf("%d renewals, want 1", e.portal.Refreshes-before)
		}
		if c.Form.Get("auth") == access || c.Form.Get("RETURN_VALUES[text]") == "" {
			t.Errorf("sent with %q: want the renewed token and the message", c.Form.Get("auth"))
		}
		p, err := e.store.Portal(context.Background(), e.portal.MemberID)
		if err != nil || p.AccessToken != c.Form.Get("auth") {
			t.Errorf("the renewed token is not stored: %+v, %v", p, err)
		}
	})

	t.Run("duplicate event token is served once", func(t *testing.T) {
		form := e.portal.RobotForm(bitrix24.DefaultCode, "DEAL_5", map[string]any{"template": "reminder", codeName: "Анна", codeOrder: "1"})
		e.call(form)
		code, body := e.post("/robot", nil, form)
		if code != 200 || !strings.Contains(body, "duplicate") {
			t.Fatalf("second call: %d %s", code, body)
		}
		e.sync(t, form.Get("event_token"), 1)
	})

	t.Run("an undelivered answer frees its event token", func(t *testing.T) {
		form := e.portal.RobotFormToken(bitrix24.DefaultCode, "DEAL_8", map[string]any{"template": "reminder", codeName: "Анна", codeOrder: "1"}, "unknown-token", "")
		before := e.app.Stats().Failed
		if code, body := e.post("/robot", nil, form); code != 200 || !strings.Contains(body, "accepted") {
			t.Fatalf("%d %s", code, body)
		}
		for deadline := time.Now().Add(waitFor); e.app.Stats().Failed == before; time.Sleep(time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatal("the failed delivery was not counted")
			}
		}
		// The portal calls again: served, not taken for a duplicate.
		if code, body := e.post("/robot", nil, form); code != 200 || !strings.Contains(body, "accepted") {
			t.Fatalf("repeated call: %d %s", code, body)
		}
	})

	t.Run("foreign application token", func(t *testing.T) {
		form := e.portal.RobotForm(bitrix24.DefaultCode, "DEAL_6", map[string]any{"template": "reminder", codeName: "Анна", codeOrder: "1"})
		form.Set("auth[application_token]", "forged")
		if code, _ := e.post("/robot", nil, form); code != http.StatusForbidden {
			t.Fatalf("status %d, want 403", code)
		}
		form.Del("auth[application_token]")
		if code, _ := e.post("/robot", nil, form); code != http.StatusForbidden {
			t.Fatalf("no token: status %d, want 403", code)
		}
		e.sync(t, form.Get("event_token"), 0)
	})

	t.Run("unknown portal", func(t *testing.T) {
		form := e.portal.RobotForm(bitrix24.DefaultCode, "DEAL_7", map[string]any{"template": "reminder", codeName: "Анна", codeOrder: "1"})
		form.Set("auth[member_id]", "someone-else")
		if code, _ := e.post("/robot", nil, form); code != http.StatusForbidden {
			t.Fatalf("status %d, want 403", code)
		}
		e.sync(t, form.Get("event_token"), 0)
	})
}

// sync makes one more call and waits for its answer: every call before it
// has been served by then (the workers take calls in order and the
// earlier ones were answered or refused synchronously). It then checks
// how many bizproc.event.send calls carried the event token.
func (e *env) sync(t *testing.T, eventToken string, want int) {
	t.Helper()
	e.call(e.portal.RobotForm(bitrix24.DefaultCode, "DEAL_SYNC", map[string]any{"template": "reminder", codeName: "Анна", codeOrder: "1"}))
	n := 0
	for _, c := range e.portal.Calls("bizproc.event.send") {
		if c.Form.Get("EVENT_TOKEN") == eventToken {
			n++
		}
	}
	if n != want {
		t.Errorf("%d bizproc.event.send calls with the event token, want %d", n, want)
	}
}

func TestNoRobotCallBeforeONAPPINSTALL(t *testing.T) {
	e := newEnv(t)
	q, f := e.portal.InstallForm()
	if code, _ := e.post("/install", q, f); code != 200 {
		t.Fatal("install failed")
	}
	form := e.portal.RobotForm(bitrix24.DefaultCode, "DEAL_1", map[string]any{"template": "reminder", codeName: "Анна", codeOrder: "1"})
	if code, _ := e.post("/robot", nil, form); code != http.StatusForbidden {
		t.Fatalf("status %d, want 403: no application token is known yet", code)
	}
}

func TestEvents(t *testing.T) {
	e := newEnv(t)
	rows := []struct {
		name string
		form func() url.Values
		want int
		why  string
	}{
		{"ONAPPINSTALL of an unknown portal", func() url.Values { return e.portal.EventForm("ONAPPINSTALL", e.portal.AppToken) }, 403, "install comes first"},
	}
	for _, r := range rows {
		if code, body := e.post("/event", nil, r.form()); code != r.want {
			t.Errorf("%s: %d %s, want %d (%s)", r.name, code, body, r.want, r.why)
		}
	}
	e.install()
	rows = []struct {
		name string
		form func() url.Values
		want int
		why  string
	}{
		{"ONAPPINSTALL with an access token the portal does not know", func() url.Values {
			f := e.portal.EventForm("ONAPPINSTALL", "attacker-token")
			f.Set("auth[access_token]", "made-up")
			return f
		}, 403, "a new application token needs an access token the portal accepts"},
		{"ONAPPUNINSTALL with a foreign token", func() url.Values { return e.portal.EventForm("ONAPPUNINSTALL", "forged") }, 403, "only the portal knows the token"},
		{"ONAPPUNINSTALL", func() url.Values { return e.portal.EventForm("ONAPPUNINSTALL", e.portal.AppToken) }, 200, ""},
	}
	for _, r := range rows {
		if code, body := e.post("/event", nil, r.form()); code != r.want {
			t.Errorf("%s: %d %s, want %d (%s)", r.name, code, body, r.want, r.why)
		}
	}
	// Uninstalled: robot calls are refused, the store forgot the portal.
	form := e.portal.RobotForm(bitrix24.DefaultCode, "DEAL_1", map[string]any{"template": "reminder", codeName: "Анна", codeOrder: "1"})
	if code, _ := e.post("/robot", nil, form); code != http.StatusForbidden {
		t.Errorf("robot call after uninstall: %d, want 403", code)
	}
	if _, err := e.store.Portal(context.Background(), e.portal.MemberID); err != bitrix24.ErrNoPortal {
		t.Errorf("store after uninstall: %v", err)
	}
}

func TestInstallCallback(t *testing.T) {
	// An application without interface: the portal posts ONAPPINSTALL with
	// auth[...] to the install URL, and the application token comes with it.
	e := newEnv(t)
	if code, body := e.post("/install", nil, e.portal.EventForm("ONAPPINSTALL", e.portal.AppToken)); code != 200 {
		t.Fatalf("install callback: %d %s", code, body)
	}
	if e.portal.Robot(bitrix24.DefaultCode) == nil {
		t.Fatal("no robot registered")
	}
	c := e.call(e.portal.RobotForm(bitrix24.DefaultCode, "DEAL_1", map[string]any{"template": "reminder", codeName: "Анна", codeOrder: "1"}))
	if c.Form.Get("RETURN_VALUES[text]") == "" {
		t.Errorf("no text: %v", c.Form)
	}
}

func TestInstallRefused(t *testing.T) {
	e := newEnv(t)
	e.install()
	rows := []struct {
		name   string
		mutate func(q, f url.Values)
		want   int
		why    string
	}{
		{"another address for a known portal", func(q, f url.Values) { q.Set("DOMAIN", "evil.example:1") }, 403, "an installation cannot move a portal"},
		{"no member_id", func(q, f url.Values) { f.Del("member_id") }, 400, ""},
		{"a domain with a path", func(q, f url.Values) { q.Set("DOMAIN", "x.example/rest/evil?") }, 400, "DOMAIN is a host, nothing else"},
		{"an access token the portal refuses", func(q, f url.Values) { f.Set("member_id", "new-member"); f.Set("AUTH_ID", "made-up") }, 502, "the robot cannot be registered"},
	}
	for _, r := range rows {
		q, f := e.portal.InstallForm()
		r.mutate(q, f)
		if code, body := e.post("/install", q, f); code != r.want {
			t.Errorf("%s: %d %s, want %d (%s)", r.name, code, body, r.want, r.why)
		}
	}
}

func TestBounds(t *testing.T) {
	e := newEnv(t)
	e.install()
	form := e.portal.RobotForm(bitrix24.DefaultCode, "DEAL_1", map[string]any{"template": "reminder", codeName: strings.Repeat("я", bitrix24.MaxBody), codeOrder: "1"})
	if code, _ := e.post("/robot", nil, form); code != http.StatusRequestEntityTooLarge {
		t.Errorf("a body over MaxBody: %d, want 413", code)
	}
	resp, err := http.Get(e.srv.URL + "/robot")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("GET: %d, want 405", resp.StatusCode)
	}
	if code, _ := e.post("/robot", nil, url.Values{"a[b": {"1"}}); code != http.StatusBadRequest {
		t.Errorf("a malformed form: %d, want 400", code)
	}
}

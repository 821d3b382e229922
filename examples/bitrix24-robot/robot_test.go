package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/spinwise/spinwise/campaign"
)

// call is a robot call as Bitrix24 sends it (form-encoded), with the given
// properties.
func call(props map[string]string) url.Values {
	f := url.Values{
		"workflow_id":                 {"68c9331a5f3a55.48452815"},
		"code":                        {"spinwise_message"},
		"document_id[0]":              {"crm"},
		"document_id[1]":              {"CCrmDocumentDeal"},
		"document_id[2]":              {"DEAL_759"},
		"document_type[0]":            {"crm"},
		"document_type[1]":            {"CCrmDocumentDeal"},
		"document_type[2]":            {"DEAL"},
		"event_token":                 {"68c9331a5f3a55.48452815|A8071_9616_32705_17951|token"},
		"ts":                          {"1758016282"},
		"auth[access_token]":          {"access"},
		"auth[member_id]":             {"member"},
		"auth[application_token]":     {"app-secret"},
		"auth[domain]":                {"example.bitrix24.ru"},
		"auth[client_endpoint]":       {"https://example.bitrix24.ru/rest/"},
		"auth[user_id]":               {"1"},
		"auth[expires_in]":            {"3600"},
		"auth[scope]":                 {"crm,bizproc"},
		"auth[server_endpoint]":       {"https://oauth.bitrix.info/rest/"},
		"auth[status]":                {"L"},
		"auth[refresh_token]":         {"refresh"},
		"auth[expires]":               {"1758019882"},
		"timeout_duration":            {"0"},
		"properties[unused_property]": {"x"},
	}
	for k, v := range props {
		f.Set("properties["+k+"]", v)
	}
	return f
}

func newServer() *httptest.Server {
	return httptest.NewServer(&Robot{
		ApplicationToken: "app-secret",
		Template:         defaultTemplate,
		Options: campaign.Options{
			Seed:     1,
			Fields:   map[string]string{"Имя": "client_name", "Заказ": "order"},
			Suppress: []string{"DEAL_13"},
		},
	})
}

func post(t *testing.T, srv *httptest.Server, form url.Values) (int, Reply) {
	t.Helper()
	resp, err := http.PostForm(srv.URL, form)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var r Reply
	if strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
			t.Fatal(err)
		}
	}
	return resp.StatusCode, r
}

func TestRobot(t *testing.T) {
	srv := newServer()
	defer srv.Close()

	t.Run("message", func(t *testing.T) {
		code, r := post(t, srv, call(map[string]string{"client_name": "Павел", "order": "545134"}))
		if code != http.StatusOK || r.Error != nil || len(r.Chunks) == 0 {
			t.Fatalf("status %d, reply %+v", code, r)
		}
		text := strings.Join(r.Chunks, " ")
		if !strings.Contains(text, "Павел") || !strings.Contains(text, "№545134") || strings.Contains(text, "{") {
			t.Errorf("chunks %q", r.Chunks)
		}
		if r.Document != "DEAL_759" || !strings.HasPrefix(r.EventToken, "68c9331a5f3a55.48452815|") {
			t.Errorf("reply does not name the document and event token: %+v", r)
		}
		// The same deal gets the same wording on every call.
		_, again := post(t, srv, call(map[string]string{"client_name": "Павел", "order": "545134"}))
		if strings.Join(again.Chunks, " ") != text || again.Variant != r.Variant {
			t.Errorf("second call %q, first %q", again.Chunks, r.Chunks)
		}
	})

	t.Run("template in the robot's settings", func(t *testing.T) {
		code, r := post(t, srv, call(map[string]string{
			"client_name": "Анна",
			"template":    "{Привет|Здравствуйте}, {{Имя}}! Подробности: https://salon.example.ru/akcii",
		}))
		if code != http.StatusOK || len(r.Chunks) != 1 || !strings.HasSuffix(r.Chunks[0], ", Анна! Подробности: https://salon.example.ru/akcii") {
			t.Fatalf("status %d, reply %+v", code, r)
		}
	})

	t.Run("missing field", func(t *testing.T) {
		code, r := post(t, srv, call(map[string]string{"order": "1"}))
		if code != http.StatusUnprocessableEntity || r.Error == nil || r.Error.Kind != campaign.KindMissingField || r.Chunks != nil {
			t.Fatalf("status %d, reply %+v", code, r)
		}
	})

	t.Run("shortened link", func(t *testing.T) {
		code, r := post(t, srv, call(map[string]string{"client_name": "Анна", "template": "{{Имя}}, смотрите bit.ly/abc"}))
		if code != http.StatusUnprocessableEntity || r.Error == nil || r.Error.Kind != campaign.KindLink || r.Error.Link != "bit.ly/abc" {
			t.Fatalf("status %d, reply %+v", code, r)
		}
	})

	t.Run("template syntax error", func(t *testing.T) {
		code, r := post(t, srv, call(map[string]string{"template": "Привет, {Анна|Мария"}))
		if code != http.StatusUnprocessableEntity || r.SyntaxError == nil || r.SyntaxError.Line != 1 || r.SyntaxError.Col != 9 {
			t.Fatalf("status %d, reply %+v", code, r)
		}
	})

	t.Run("suppressed", func(t *testing.T) {
		f := call(map[string]string{"client_name": "Павел", "order": "1"})
		f.Set("document_id[2]", "DEAL_13")
		code, r := post(t, srv, f)
		if code != http.StatusUnprocessableEntity || r.Error == nil || r.Error.Kind != campaign.KindSuppressed {
			t.Fatalf("status %d, reply %+v", code, r)
		}
	})

	t.Run("wrong application token", func(t *testing.T) {
		f := call(map[string]string{"client_name": "Павел", "order": "1"})
		f.Set("auth[application_token]", "forged")
		if code, _ := post(t, srv, f); code != http.StatusForbidden {
			t.Fatalf("status %d, want 403", code)
		}
	})

	t.Run("an empty template is no message", func(t *testing.T) {
		// A 200 with no chunks would let the business process send nothing.
		code, r := post(t, srv, call(map[string]string{"client_name": "Павел", "order": "1", "template": "{ |}"}))
		if code != http.StatusUnprocessableEntity || r.Error == nil || r.Error.Kind != campaign.KindRender {
			t.Fatalf("status %d, reply %+v: want 422 with a render error", code, r)
		}
	})

	t.Run("a body over the cap is refused with 413, not read on", func(t *testing.T) {
		f := call(map[string]string{"client_name": strings.Repeat("я", maxBody), "order": "1"})
		if code, _ := post(t, srv, f); code != http.StatusRequestEntityTooLarge {
			t.Fatalf("status %d, want 413", code)
		}
	})

	t.Run("concurrent calls with different templates", func(t *testing.T) {
		// Run under -race: the template cache and the campaigns are shared.
		var wg sync.WaitGroup
		codes := make([]int, 16)
		for i := range codes {
			wg.Add(1)
			go func() {
				defer wg.Done()
				props := map[string]string{"client_name": "Павел", "order": fmt.Sprint(i)}
				if i%2 == 1 {
					props["template"] = fmt.Sprintf("{Привет|Здравствуйте}, {{Имя}}! Заказ %d.", i)
				}
				resp, err := http.PostForm(srv.URL, call(props))
				if err != nil {
					t.Error(err)
					return
				}
				resp.Body.Close()
				codes[i] = resp.StatusCode
			}()
		}
		wg.Wait()
		for i, code := range codes {
			if code != http.StatusOK {
				t.Errorf("call %d: status %d, want 200", i, code)
			}
		}
	})

	t.Run("not a robot call", func(t *testing.T) {
		f := call(nil)
		f.Del("document_id[2]")
		if code, _ := post(t, srv, f); code != http.StatusBadRequest {
			t.Fatalf("status %d, want 400", code)
		}
		resp, err := http.Get(srv.URL)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusMethodNotAllowed {
			t.Fatalf("GET: status %d, want 405", resp.StatusCode)
		}
	})
}

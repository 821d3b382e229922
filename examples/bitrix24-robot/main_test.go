package main

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spinwise/spinwise/bitrix24"
	"github.com/spinwise/spinwise/internal/fakeportal"
)

// TestExample installs the example under its /bitrix prefix in a fake
// portal and runs the robot on a suppressed and an ordinary deal.
func TestExample(t *testing.T) {
	portal := fakeportal.Start()
	defer portal.Close()
	srv := httptest.NewUnstartedServer(nil)
	handler, _, closeAll, err := setup("http://"+srv.Listener.Addr().String()+"/bitrix", "../../internal/corpus/templates",
		filepath.Join(t.TempDir(), "robot.db"), &bitrix24.Client{})
	if err != nil {
		t.Fatal(err)
	}
	defer closeAll()
	mux := http.NewServeMux()
	mux.Handle("/bitrix/", http.StripPrefix("/bitrix", handler))
	srv.Config.Handler = mux
	srv.Start()
	defer srv.Close()
	post := func(path string, q, f url.Values) int {
		resp, err := http.PostForm(srv.URL+"/bitrix"+path+"?"+q.Encode(), f)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	q, f := portal.InstallForm()
	if post("/install", q, f) != 200 || post("/event", nil, portal.EventForm("ONAPPINSTALL", portal.AppToken)) != 200 {
		t.Fatal("installation failed")
	}
	robot := portal.Robot("example_message")
	if robot.Get("HANDLER") != srv.URL+"/bitrix/robot" || robot.Get("PROPERTIES[template][Options][order_status]") != "order_status" {
		t.Fatalf("robot %v", robot)
	}
	props := map[string]any{"template": "welcome"}
	for field, v := range map[string]string{"Имя": "Павел", "Менеджер": "Ольга", "Компания": "Ромашка"} {
		props[bitrix24.PropertyCode(field)] = v
	}
	rows := []struct{ deal, wantErr string }{
		{"DEAL_13", "suppressed"},
		{"DEAL_759", ""},
	}
	for _, r := range rows {
		if code := post("/robot", nil, portal.RobotForm("example_message", r.deal, props)); code != 200 {
			t.Fatalf("%s: status %d", r.deal, code)
		}
		sent, ok := portal.WaitSend(10 * time.Second)
		if !ok {
			t.Fatalf("%s: no answer", r.deal)
		}
		got := sent.Form.Get("RETURN_VALUES[error]")
		if r.wantErr == "" && (got != "" || sent.Form.Get("RETURN_VALUES[text]") == "") || r.wantErr != "" && !strings.HasPrefix(got, r.wantErr) {
			t.Errorf("%s: error %q text %q, want error %q", r.deal, got, sent.Form.Get("RETURN_VALUES[text]"), r.wantErr)
		}
	}
}

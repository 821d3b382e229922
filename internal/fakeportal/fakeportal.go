// Package fakeportal is a Bitrix24 portal and OAuth server in one
// httptest server on 127.0.0.1, for tests: it implements, as Bitrix24's REST
// documentation describes them, the methods a robot application calls
// (bizproc.robot.add, bizproc.robot.update, event.bind, app.info,
// bizproc.event.send, bizproc.activity.log) at /rest/METHOD, and the token
// endpoint /oauth/token/ (grant_type=refresh_token). It parses the
// requests with net/url only, independently of package bitrix24, and
// records them.
package fakeportal

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"time"
)

// Portal is a fake portal.
type Portal struct {
	Server       *httptest.Server
	MemberID     string
	ClientID     string
	ClientSecret string
	AppToken     string // the application token the portal issued

	mu      sync.Mutex
	access  map[string]bool // valid access tokens; false = expired
	refresh map[string]bool // valid refresh tokens
	robots  map[string]url.Values
	binds   []url.Values
	calls   map[string][]Call
	sends   chan Call
	tokenID int
	// Refreshes counts the token renewals.
	Refreshes int
	// Quiet, when set before the calls, keeps the calls from being
	// recorded (Calls is empty; Sends still delivers), for benchmarks
	// whose memory must stay flat.
	Quiet bool
}

// Call is one recorded REST call.
type Call struct {
	Method string
	Form   url.Values
	Body   string // raw, to check the order of keys
}

// Start starts a fake portal listening on 127.0.0.1. Close it with Close.
func Start() *Portal {
	p := &Portal{
		MemberID:     "member-" + randHex(8),
		ClientID:     "local.fake.client",
		ClientSecret: "fake-secret",
		AppToken:     "apptoken-" + randHex(8),
		access:       map[string]bool{},
		refresh:      map[string]bool{},
		robots:       map[string]url.Values{},
		calls:        map[string][]Call{},
		sends:        make(chan Call, 1<<16),
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	p.Server = httptest.NewUnstartedServer(http.HandlerFunc(p.serve))
	p.Server.Listener.Close()
	p.Server.Listener = l
	p.Server.Start()
	return p
}

// Close stops the server.
func (p *Portal) Close() { p.Server.Close() }

// Domain is the portal's host:port.
func (p *Portal) Domain() string { return strings.TrimPrefix(p.Server.URL, "http://") }

// Endpoint is the portal's client_endpoint.
func (p *Portal) Endpoint() string { return p.Server.URL + "/rest/" }

// Tokens issues a valid access token and a refresh token.
func (p *Portal) Tokens() (access, refresh string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.issue()
}

func (p *Portal) issue() (string, string) {
	p.tokenID++
	a := fmt.Sprintf("access-%d-%s", p.tokenID, randHex(4))
	r := fmt.Sprintf("refresh-%d-%s", p.tokenID, randHex(4))
	p.access[a] = true
	p.refresh[r] = true
	return a, r
}

// Expire makes an access token expired.
func (p *Portal) Expire(access string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if _, ok := p.access[access]; ok {
		p.access[access] = false
	}
}

// Calls returns the recorded calls of a method.
func (p *Portal) Calls(method string) []Call {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]Call(nil), p.calls[method]...)
}

// Robot returns the registered robot's parameters by code, or nil.
func (p *Portal) Robot(code string) url.Values {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.robots[code]
}

// Sends delivers every accepted bizproc.event.send call.
func (p *Portal) Sends() <-chan Call { return p.sends }

// WaitSend waits for the next accepted bizproc.event.send, at most d.
func (p *Portal) WaitSend(d time.Duration) (Call, bool) {
	select {
	case c := <-p.sends:
		return c, true
	case <-time.After(d):
		return Call{}, false
	}
}

// InstallForm is the install page's POST as the portal sends it (the
// query's DOMAIN and PROTOCOL included in the form, as they would be in
// the URL).
func (p *Portal) InstallForm() (query, body url.Values) {
	a, r := p.Tokens()
	query = url.Values{"DOMAIN": {p.Domain()}, "PROTOCOL": {"0"}, "LANG": {"ru"}, "APP_SID": {randHex(8)}}
	body = url.Values{
		"AUTH_ID": {a}, "AUTH_EXPIRES": {"3600"}, "REFRESH_ID": {r},
		"SERVER_ENDPOINT": {"https://oauth.bitrix.info/rest/"},
		"member_id":       {p.MemberID}, "status": {"L"}, "PLACEMENT": {"DEFAULT"}, "PLACEMENT_OPTIONS": {"{\"any\":\"1/\"}"},
	}
	return query, body
}

// EventForm is an event as the portal posts it: event=NAME&auth[...].
func (p *Portal) EventForm(event, appToken string) url.Values {
	a, r := p.Tokens()
	f := url.Values{"event": {event}, "data[LANGUAGE_ID]": {"ru"}, "ts": {"1758016282"}}
	p.addAuth(f, a, r, appToken)
	return f
}

func (p *Portal) addAuth(f url.Values, access, refresh, appToken string) {
	f.Set("auth[access_token]", access)
	f.Set("auth[refresh_token]", refresh)
	f.Set("auth[expires]", "1758019882")
	f.Set("auth[expires_in]", "3600")
	f.Set("auth[scope]", "bizproc")
	f.Set("auth[domain]", p.Domain())
	f.Set("auth[server_endpoint]", "https://oauth.bitrix.info/rest/")
	f.Set("auth[status]", "L")
	f.Set("auth[client_endpoint]", p.Endpoint())
	f.Set("auth[member_id]", p.MemberID)
	f.Set("auth[user_id]", "1")
	f.Set("auth[application_token]", appToken)
}

// RobotForm is a robot call as the portal sends it, for the deal with the
// given id, with a fresh event token and access token. props values are a
// string or a []string (a Multiple property: properties[x][0], [1], ...).
func (p *Portal) RobotForm(code, deal string, props map[string]any) url.Values {
	a, r := p.Tokens()
	return p.RobotFormToken(code, deal, props, a, r)
}

// RobotFormToken is RobotForm with the given tokens.
func (p *Portal) RobotFormToken(code, deal string, props map[string]any, access, refresh string) url.Values {
	wf := randHex(8)
	f := url.Values{
		"workflow_id":      {wf},
		"code":             {code},
		"document_id[0]":   {"crm"},
		"document_id[1]":   {"CCrmDocumentDeal"},
		"document_id[2]":   {deal},
		"document_type[0]": {"crm"},
		"document_type[1]": {"CCrmDocumentDeal"},
		"document_type[2]": {"DEAL"},
		"event_token":      {wf + "|A" + randHex(6) + "|" + randHex(16)},
		"use_subscription": {"Y"},
		"timeout_duration": {"0"},
		"ts":               {"1758016282"},
	}
	for k, v := range props {
		switch x := v.(type) {
		case string:
			f.Set("properties["+k+"]", x)
		case []string:
			for i, e := range x {
				f.Set(fmt.Sprintf("properties[%s][%d]", k, i), e)
			}
		}
	}
	p.addAuth(f, access, refresh, p.AppToken)
	return f
}

func (p *Portal) serve(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, "/oauth/token") {
		p.token(w, r)
		return
	}
	method, ok := strings.CutPrefix(r.URL.Path, "/rest/")
	if !ok || r.Method != http.MethodPost {
		http.NotFound(w, r)
		return
	}
	body, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	form, err := url.ParseQuery(string(body))
	if err != nil {
		apiError(w, 400, "INVALID_REQUEST", err.Error())
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	valid, known := p.access[form.Get("auth")]
	switch {
	case !known:
		apiError(w, 401, "NO_AUTH_FOUND", "Wrong authorization data")
		return
	case !valid:
		apiError(w, 401, "expired_token", "The access token provided has expired.")
		return
	}
	c := Call{Method: method, Form: form, Body: string(body)}
	if !p.Quiet {
		p.calls[method] = append(p.calls[method], c)
	}
	switch method {
	case "bizproc.robot.add":
		code := form.Get("CODE")
		if code == "" || form.Get("HANDLER") == "" || form.Get("NAME") == "" {
			apiError(w, 400, "ERROR_ACTIVITY_VALIDATION_FAILURE", "Empty data!")
			return
		}
		if _, ok := p.robots[code]; ok {
			apiError(w, 400, "ERROR_ACTIVITY_ALREADY_INSTALLED", "Activity or Automation rule already installed!")
			return
		}
		p.robots[code] = form
	case "bizproc.robot.update":
		code := form.Get("CODE")
		if _, ok := p.robots[code]; !ok {
			apiError(w, 400, "ERROR_ACTIVITY_NOT_FOUND", "Activity or Automation rule not found!")
			return
		}
		p.robots[code] = form
	case "event.bind":
		for _, b := range p.binds {
			if b.Get("event") == form.Get("event") && b.Get("handler") == form.Get("handler") {
				apiError(w, 400, "ERROR_CORE", "Handler already binded")
				return
			}
		}
		p.binds = append(p.binds, form)
	case "app.info":
		result(w, map[string]any{"ID": 5, "CODE": p.ClientID, "VERSION": 1, "STATUS": "L", "INSTALLED": true})
		return
	case "bizproc.event.send", "bizproc.activity.log":
		if form.Get("EVENT_TOKEN") == "" && form.Get("event_token") == "" {
			apiError(w, 403, "ACCESS_DENIED", "Access denied!")
			return
		}
		if method == "bizproc.event.send" {
			p.sends <- c
		}
	default:
		apiError(w, 404, "ERROR_METHOD_NOT_FOUND", "Method not found!")
		return
	}
	result(w, true)
}

func (p *Portal) token(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	p.mu.Lock()
	defer p.mu.Unlock()
	switch {
	case q.Get("grant_type") != "refresh_token":
		oauthError(w, "invalid_request", "grant_type")
	case q.Get("client_id") != p.ClientID || q.Get("client_secret") != p.ClientSecret:
		oauthError(w, "invalid_client", "Invalid client")
	case !p.refresh[q.Get("refresh_token")]:
		oauthError(w, "invalid_grant", "Invalid grant")
	default:
		delete(p.refresh, q.Get("refresh_token"))
		p.Refreshes++
		a, rf := p.issue()
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{
			"access_token": a, "refresh_token": rf, "expires": 1780319382, "expires_in": 3600,
			"client_endpoint": p.Endpoint(), "server_endpoint": "https://oauth.bitrix.info/rest/",
			"domain": "oauth.bitrix.info", "member_id": p.MemberID, "scope": "bizproc", "status": "L", "user_id": 1,
		})
	}
}

func result(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{"result": v, "time": map[string]any{"start": 1738148752.69, "duration": 0.05}})
}

func apiError(w http.ResponseWriter, status int, code, desc string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"error": code, "error_description": desc})
}

func oauthError(w http.ResponseWriter, code, desc string) {
	apiError(w, http.StatusBadRequest, code, desc)
}

func randHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}

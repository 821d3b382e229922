package bitrix24

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/spinwise/spinwise/campaign"
)

// Bounds of the handlers.
const (
	// MaxBody caps the body of any request to the application, in bytes.
	MaxBody = 256 << 10
	// DefaultQueue is the default number of robot calls waiting for a
	// worker; a call that finds the queue full is answered 503, so the
	// portal tries again later.
	DefaultQueue = 4096
	// DefaultEventRetention is how long an event_token is remembered, so
	// that a second call with it is not served again.
	DefaultEventRetention = 7 * 24 * time.Hour
)

// Config configures an App.
type Config struct {
	// Store keeps portals and served event tokens. Required.
	Store Store
	// Templates are the message templates. Required.
	Templates *Templates
	// Public is the base URL the portal reaches the application at,
	// "https://robot.example.ru": the robot's handler is Public+"/robot",
	// the events' Public+"/event". Required.
	Public string
	// Code is the robot's CODE; "" means DefaultCode.
	Code string
	// Name is the robot's name in the portal; "" means a Russian default.
	Name string
	// Client calls the portals and the OAuth server; nil means a zero
	// Client (no token renewal).
	Client *Client
	// Workers is the number of goroutines serving robot calls; 0 means
	// 4×GOMAXPROCS (serving is mostly waiting for the portal).
	Workers int
	// Queue bounds the robot calls waiting for a worker; 0 means
	// DefaultQueue.
	Queue int
	// EventRetention is how long event tokens are remembered; 0 means
	// DefaultEventRetention.
	EventRetention time.Duration
	// Logger receives what the application does; nil means slog.Default().
	Logger *slog.Logger
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

// App is a Bitrix24 application with one robot. Its Handler serves:
//
//   - POST /install: the installation (the install page's POST with
//     AUTH_ID, REFRESH_ID, member_id and DOMAIN, PROTOCOL; or the
//     installation callback, an ONAPPINSTALL event with auth[...]). It saves
//     the portal, registers the robot with bizproc.robot.add (or
//     bizproc.robot.update when it exists) and binds ONAPPINSTALL and
//     ONAPPUNINSTALL to /event.
//   - POST /event: ONAPPINSTALL (saves auth[application_token] after
//     checking the event's access token on the portal) and ONAPPUNINSTALL
//     (forgets the portal, when the application token matches).
//   - POST /robot: robot calls, answered at once and served by a bounded
//     pool of workers, which answer the portal with bizproc.event.send.
type App struct {
	cfg    Config
	client *Client
	log    *slog.Logger
	now    func() time.Time

	mu      sync.RWMutex
	portals map[string]*Portal // cache of the store, by member_id

	queue   chan *job
	wg      sync.WaitGroup
	closed  atomic.Bool
	closeMu sync.RWMutex // held for reading while enqueuing; Close takes it to close the queue
	claims  atomic.Int64

	// Stats.
	served, failed, sent atomic.Int64
}

type job struct {
	portal string // member_id
	call   *RobotCall
}

// New checks cfg and starts the workers. Call Close to stop them.
func New(cfg Config) (*App, error) {
	if cfg.Store == nil || cfg.Templates == nil {
		return nil, errors.New("bitrix24: Config needs a Store and Templates")
	}
	u, err := url.Parse(cfg.Public)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return nil, fmt.Errorf("bitrix24: the public URL %q is not an absolute http(s) URL", cfg.Public)
	}
	cfg.Public = strings.TrimRight(cfg.Public, "/")
	if cfg.Code == "" {
		cfg.Code = DefaultCode
	}
	if !ValidCode(cfg.Code) {
		return nil, fmt.Errorf("bitrix24: robot code %q: use Latin letters, digits, '.', '-' and '_'", cfg.Code)
	}
	if cfg.Workers <= 0 {
		cfg.Workers = 4 * runtime.GOMAXPROCS(0)
	}
	if cfg.Queue <= 0 {
		cfg.Queue = DefaultQueue
	}
	if cfg.EventRetention <= 0 {
		cfg.EventRetention = DefaultEventRetention
	}
	a := &App{
		cfg:     cfg,
		client:  cfg.Client,
		log:     cfg.Logger,
		now:     cfg.Now,
		portals: map[string]*Portal{},
		queue:   make(chan *job, cfg.Queue),
	}
	if a.client == nil {
		a.client = &Client{}
	}
	if a.log == nil {
		a.log = slog.Default()
	}
	if a.now == nil {
		a.now = time.Now
	}
	for range cfg.Workers {
		a.wg.Add(1)
		go a.worker()
	}
	return a, nil
}

// Close stops taking robot calls, lets the workers finish the calls queued
// so far (or gives up on them when ctx ends) and returns. It does not close
// the Store.
func (a *App) Close(ctx context.Context) error {
	a.closeMu.Lock()
	if !a.closed.Swap(true) {
		close(a.queue)
	}
	a.closeMu.Unlock()
	done := make(chan struct{})
	go func() { a.wg.Wait(); close(done) }()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Stats are counters since New.
type Stats struct {
	Served int64 // robot calls answered through bizproc.event.send
	Failed int64 // robot calls whose answer could not be delivered
	Sent   int64 // bizproc.event.send calls that succeeded
}

// Stats returns the counters.
func (a *App) Stats() Stats {
	return Stats{Served: a.served.Load(), Failed: a.failed.Load(), Sent: a.sent.Load()}
}

// Spec returns the robot the application registers, with the current
// templates.
func (a *App) Spec() RobotSpec {
	return RobotSpec{
		Code:      a.cfg.Code,
		Handler:   a.cfg.Public + "/robot",
		Name:      a.cfg.Name,
		Templates: a.cfg.Templates.Names(),
		Fields:    a.cfg.Templates.Fields(),
	}
}

// Handler returns the application's routes: POST /install, /event, /robot.
func (a *App) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/install", a.post(a.install))
	mux.HandleFunc("/event", a.post(a.event))
	mux.HandleFunc("/robot", a.post(a.robot))
	return mux
}

// post wraps a handler: POST only, the body capped at MaxBody and decoded
// (the query string too, where the install page gets DOMAIN and PROTOCOL).
func (a *App) post(h func(w http.ResponseWriter, r *http.Request, form *Value)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", http.MethodPost)
			http.Error(w, "POST only", http.StatusMethodNotAllowed)
			return
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBody))
		if err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				http.Error(w, fmt.Sprintf("the body is over %d bytes", MaxBody), http.StatusRequestEntityTooLarge)
				return
			}
			http.Error(w, "cannot read the body", http.StatusBadRequest)
			return
		}
		raw := string(body)
		if r.URL.RawQuery != "" {
			// The body's pairs come last and win over the query's.
			raw = r.URL.RawQuery + "&" + raw
		}
		form, err := ParseForm(raw)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		h(w, r, form)
	}
}

// portal returns the portal from the cache or the store; nil when unknown.
func (a *App) portal(ctx context.Context, memberID string) (*Portal, error) {
	if memberID == "" {
		return nil, nil
	}
	a.mu.RLock()
	p := a.portals[memberID]
	a.mu.RUnlock()
	if p != nil {
		return p, nil
	}
	p, err := a.cfg.Store.Portal(ctx, memberID)
	if errors.Is(err, ErrNoPortal) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	a.mu.Lock()
	a.portals[memberID] = p
	a.mu.Unlock()
	return p, nil
}

// savePortal writes p to the store, then to the cache. The cache holds
// immutable values: a change is a new *Portal.
func (a *App) savePortal(ctx context.Context, p *Portal) error {
	if err := a.cfg.Store.SavePortal(ctx, p); err != nil {
		return err
	}
	a.mu.Lock()
	a.portals[p.MemberID] = p
	a.mu.Unlock()
	return nil
}

func (a *App) deletePortal(ctx context.Context, memberID string) error {
	a.mu.Lock()
	delete(a.portals, memberID)
	a.mu.Unlock()
	return a.cfg.Store.DeletePortal(ctx, memberID)
}

func sameToken(got, want string) bool {
	return want != "" && subtle.ConstantTimeCompare([]byte(got), []byte(want)) == 1
}

// install serves /install.
func (a *App) install(w http.ResponseWriter, r *http.Request, f *Value) {
	ctx := r.Context()
	callback := strings.EqualFold(f.Get("event"), "ONAPPINSTALL")
	var p Portal
	var appToken string
	if callback {
		// The installation callback of an application without interface.
		au := authFrom(f)
		p = Portal{MemberID: au.MemberID, Domain: au.Domain, ClientEndpoint: au.ClientEndpoint,
			AccessToken: au.AccessToken, RefreshToken: au.RefreshToken, Expires: au.Expires}
		appToken = au.ApplicationToken
	} else {
		// The install page: AUTH_ID and friends in the body, DOMAIN and
		// PROTOCOL (1 for https, 0 for http) in the query.
		domain := f.Get("DOMAIN")
		scheme := "https"
		if f.Get("PROTOCOL") == "0" {
			scheme = "http"
		}
		exp, _ := strconv.ParseInt(f.Get("AUTH_EXPIRES"), 10, 64)
		p = Portal{MemberID: f.Get("member_id"), Domain: domain, ClientEndpoint: scheme + "://" + domain + "/rest/",
			AccessToken: f.Get("AUTH_ID"), RefreshToken: f.Get("REFRESH_ID")}
		if exp > 0 {
			p.Expires = a.now().Unix() + exp
		}
	}
	if p.MemberID == "" || p.AccessToken == "" || !validHost(p.Domain) {
		http.Error(w, "not an installation: need member_id, an access token and the portal's domain", http.StatusBadRequest)
		return
	}
	if _, err := methodURL(p.ClientEndpoint, "x"); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	old, err := a.portal(ctx, p.MemberID)
	if err != nil {
		a.fail(w, "install", err)
		return
	}
	if old != nil && old.ClientEndpoint != p.ClientEndpoint {
		// A portal's address is changed by the portal, not by a request:
		// an installation naming another address for a known member_id is
		// refused rather than trusted.
		a.log.Warn("install refused: another address for a known portal", "member_id", p.MemberID, "known", old.ClientEndpoint, "given", p.ClientEndpoint)
		http.Error(w, "this portal is installed at another address; uninstall the application there first", http.StatusForbidden)
		return
	}
	if old != nil && !callback {
		p.ApplicationToken = old.ApplicationToken // kept until ONAPPINSTALL brings a new one
	}
	// Registering the robot checks the access token on the portal too.
	if err := a.register(ctx, &p); err != nil {
		a.log.Error("install: cannot register the robot", "member_id", p.MemberID, "err", err)
		http.Error(w, "cannot register the robot: "+err.Error(), http.StatusBadGateway)
		return
	}
	if callback {
		p.ApplicationToken = appToken
	}
	p.InstalledAt = a.now().Unix()
	if err := a.savePortal(ctx, &p); err != nil {
		a.fail(w, "install", err)
		return
	}
	a.log.Info("installed", "member_id", p.MemberID, "domain", p.Domain, "robot", a.cfg.Code)
	if callback {
		writeJSON(w, http.StatusOK, map[string]any{"status": "installed"})
		return
	}
	// The install page must call BX24.installFinish(), or the portal keeps
	// the application half-installed and sends no events.
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprintf(w, installPage, html.EscapeString(a.cfg.Code))
}

const installPage = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>spinwise</title>
<script src="//api.bitrix24.com/api/v1/"></script></head>
<body><p>Робот «%s» зарегистрирован. Установка завершается…</p>
<script>BX24.init(function () { BX24.installFinish(); });</script>
</body></html>
`

// register adds the robot to the portal (updating it when it is already
// there) and binds the application's events.
func (a *App) register(ctx context.Context, p *Portal) error {
	spec := a.Spec()
	if len(spec.Templates) == 0 {
		return errors.New("no templates to offer: put NAME.txt files in the templates directory")
	}
	_, err := a.call(ctx, p, "bizproc.robot.add", spec.Params())
	var ae *APIError
	if errors.As(err, &ae) && (ae.Code == "ERROR_ACTIVITY_ALREADY_INSTALLED" || ae.Code == "ERROR_ACTIVITY_ADD_FAILURE") {
		_, err = a.call(ctx, p, "bizproc.robot.update", spec.UpdateParams())
	}
	if err != nil {
		return err
	}
	for _, ev := range []string{"ONAPPINSTALL", "ONAPPUNINSTALL"} {
		_, err := a.call(ctx, p, "event.bind", map[string]any{"event": ev, "handler": a.cfg.Public + "/event"})
		if err != nil && !(errors.As(err, &ae) && strings.Contains(strings.ToLower(ae.Description), "already")) {
			return err
		}
	}
	return nil
}

// UpdateRobots registers the robot again on every stored portal, with the
// current templates (their names and fields): call it after the templates
// changed. It returns the errors joined.
func (a *App) UpdateRobots(ctx context.Context) error {
	memberIDs, err := a.cfg.Store.MemberIDs(ctx)
	if err != nil {
		return err
	}
	var errs []error
	for _, id := range memberIDs {
		p, err := a.portal(ctx, id)
		if err != nil || p == nil {
			errs = append(errs, fmt.Errorf("portal %s: %v", id, err))
			continue
		}
		cp := *p
		if _, err := a.call(ctx, &cp, "bizproc.robot.update", a.Spec().UpdateParams()); err != nil {
			errs = append(errs, fmt.Errorf("portal %s: %w", id, err))
		}
	}
	return errors.Join(errs...)
}

// call calls a method with the portal's stored token, renewing it once
// when it has expired; a renewed pair is saved (into *p and the store).
func (a *App) call(ctx context.Context, p *Portal, method string, params map[string]any) (json.RawMessage, error) {
	res, err := a.client.Call(ctx, p.ClientEndpoint, p.AccessToken, method, params)
	if !Expired(err) || !a.client.CanRefresh() || p.RefreshToken == "" {
		return res, err
	}
	if err := a.renew(ctx, p, p.RefreshToken); err != nil {
		return nil, err
	}
	return a.client.Call(ctx, p.ClientEndpoint, p.AccessToken, method, params)
}

// renew exchanges the refresh token, stores the new pair in *p and, when
// the portal is stored, in the store.
func (a *App) renew(ctx context.Context, p *Portal, refresh string) error {
	t, err := a.client.Refresh(ctx, refresh)
	if err != nil {
		return err
	}
	if t.MemberID != "" && t.MemberID != p.MemberID {
		return fmt.Errorf("bitrix24: the OAuth server renewed a token of portal %s, not %s", t.MemberID, p.MemberID)
	}
	p.AccessToken, p.RefreshToken = t.AccessToken, t.RefreshToken
	switch {
	case t.Expires > 0:
		p.Expires = t.Expires
	case t.ExpiresIn > 0:
		p.Expires = a.now().Unix() + t.ExpiresIn
	}
	if stored, _ := a.portal(ctx, p.MemberID); stored != nil {
		np := *stored
		np.AccessToken, np.RefreshToken, np.Expires = p.AccessToken, p.RefreshToken, p.Expires
		if err := a.savePortal(ctx, &np); err != nil {
			a.log.Error("cannot save renewed tokens", "member_id", p.MemberID, "err", err)
		}
	}
	a.log.Info("access token renewed", "member_id", p.MemberID)
	return nil
}

// event serves /event.
func (a *App) event(w http.ResponseWriter, r *http.Request, f *Value) {
	ctx := r.Context()
	au := authFrom(f)
	p, err := a.portal(ctx, au.MemberID)
	if err != nil {
		a.fail(w, "event", err)
		return
	}
	if p == nil {
		http.Error(w, "unknown portal", http.StatusForbidden)
		return
	}
	switch ev := strings.ToUpper(f.Get("event")); ev {
	case "ONAPPINSTALL":
		if au.ApplicationToken == "" || au.AccessToken == "" {
			http.Error(w, "ONAPPINSTALL without auth[application_token] and auth[access_token]", http.StatusBadRequest)
			return
		}
		if !sameToken(au.ApplicationToken, p.ApplicationToken) {
			// A new application token is taken only with an access token
			// the portal itself accepts: asked at the address saved at
			// installation, never the one the event names.
			if _, err := a.client.Call(ctx, p.ClientEndpoint, au.AccessToken, "app.info", nil); err != nil {
				a.log.Warn("ONAPPINSTALL refused: the portal does not accept its access token", "member_id", p.MemberID, "err", err)
				http.Error(w, "the event's access token is not valid on the portal", http.StatusForbidden)
				return
			}
		}
		np := *p
		np.ApplicationToken = au.ApplicationToken
		np.AccessToken = au.AccessToken
		if au.RefreshToken != "" {
			np.RefreshToken = au.RefreshToken
		}
		if au.Expires > 0 {
			np.Expires = au.Expires
		}
		if err := a.savePortal(ctx, &np); err != nil {
			a.fail(w, "event", err)
			return
		}
		a.log.Info("application token saved", "member_id", p.MemberID)
	case "ONAPPUNINSTALL":
		if !sameToken(au.ApplicationToken, p.ApplicationToken) {
			http.Error(w, "foreign application token", http.StatusForbidden)
			return
		}
		if err := a.deletePortal(ctx, p.MemberID); err != nil {
			a.fail(w, "event", err)
			return
		}
		a.log.Info("uninstalled", "member_id", p.MemberID)
	default:
		if !sameToken(au.ApplicationToken, p.ApplicationToken) {
			http.Error(w, "foreign application token", http.StatusForbidden)
			return
		}
		a.log.Info("event ignored", "event", ev, "member_id", p.MemberID)
	}
	writeJSON(w, http.StatusOK, map[string]any{"status": "ok"})
}

// robot serves /robot: checks the call and queues it.
func (a *App) robot(w http.ResponseWriter, r *http.Request, f *Value) {
	ctx := r.Context()
	call := robotCall(f)
	p, err := a.portal(ctx, call.Auth.MemberID)
	if err != nil {
		a.fail(w, "robot", err)
		return
	}
	if p == nil || !sameToken(call.Auth.ApplicationToken, p.ApplicationToken) {
		a.log.Warn("robot call refused: unknown portal or foreign application token", "member_id", call.Auth.MemberID)
		http.Error(w, "unknown portal or foreign application token", http.StatusForbidden)
		return
	}
	if call.EventToken == "" || call.Document() == "" {
		http.Error(w, "not a robot call: need event_token and document_id[2]", http.StatusBadRequest)
		return
	}
	first, err := a.cfg.Store.ClaimEvent(ctx, p.MemberID, call.EventToken, a.now())
	if err != nil {
		a.fail(w, "robot", err)
		return
	}
	if !first {
		writeJSON(w, http.StatusOK, map[string]any{"status": "duplicate"})
		return
	}
	if a.claims.Add(1)%4096 == 0 {
		if err := a.cfg.Store.PruneEvents(ctx, a.now().Add(-a.cfg.EventRetention)); err != nil {
			a.log.Error("cannot prune event tokens", "err", err)
		}
	}
	if !a.enqueue(&job{portal: p.MemberID, call: call}) {
		// Not taken: forget the claim so that the portal's retry is served.
		if err := a.cfg.Store.ReleaseEvent(context.WithoutCancel(ctx), p.MemberID, call.EventToken); err != nil {
			a.log.Error("cannot release an event token", "err", err)
		}
		w.Header().Set("Retry-After", "5")
		http.Error(w, "busy; try again", http.StatusServiceUnavailable)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"status": "accepted"})
}

func robotCall(f *Value) *RobotCall {
	c := &RobotCall{
		WorkflowID: f.Get("workflow_id"),
		Code:       f.Get("code"),
		EventToken: f.Get("event_token"),
		Properties: map[string]any{},
		Auth:       authFrom(f),
	}
	for _, i := range []string{"0", "1", "2"} {
		c.DocumentID = append(c.DocumentID, f.Get("document_id", i))
		c.DocumentType = append(c.DocumentType, f.Get("document_type", i))
	}
	props := f.Lookup("properties")
	for _, k := range props.Keys() {
		c.Properties[k] = props.Lookup(k).Any()
	}
	return c
}

func (a *App) enqueue(j *job) bool {
	a.closeMu.RLock()
	defer a.closeMu.RUnlock()
	if a.closed.Load() {
		return false
	}
	select {
	case a.queue <- j:
		return true
	default:
		return false
	}
}

func (a *App) worker() {
	defer a.wg.Done()
	for j := range a.queue {
		a.serve(context.Background(), j)
	}
}

// Result is what a robot call gives back: the values of bizproc.event.send.
type Result struct {
	Text    string
	Chunks  []string
	Variant string
	Error   string // empty on success
	Log     string // LOG_MESSAGE
}

// Render renders the message for a robot call: the template named by its
// "template" property, every other property as data (a property
// registered for a template field under that field's name, see
// PropertyCode, and under its code), the variant chosen by the document's
// id. Document values are data and never template syntax.
func (a *App) Render(call *RobotCall) Result {
	return render(a.cfg.Templates, call)
}

func render(ts *Templates, call *RobotCall) Result {
	name, _ := call.Properties[TemplateProperty].(string)
	c := ts.Campaign(name)
	if c == nil {
		msg := fmt.Sprintf("нет шаблона %q; выберите шаблон в настройках робота", name)
		return Result{Error: msg, Log: "spinwise: " + msg}
	}
	codes := map[string]string{}
	for _, f := range c.Template().Fields() {
		codes[PropertyCode(f)] = f
	}
	data := make(map[string]any, len(call.Properties))
	for k, v := range call.Properties {
		if k == TemplateProperty {
			continue
		}
		data[k] = v
	}
	for code, field := range codes {
		if v, ok := call.Properties[code]; ok {
			if _, taken := data[field]; !taken || field == code {
				data[field] = v
			}
		}
	}
	row := c.Message(campaign.Recipient{Key: call.Document(), Data: data}, 0)
	if row.Err != nil {
		msg := string(row.Err.Kind) + ": " + row.Err.Message
		return Result{Variant: row.Variant, Error: msg,
			Log: fmt.Sprintf("spinwise: шаблон %q, документ %s: сообщение не создано: %s", name, call.Document(), msg)}
	}
	return Result{Text: row.Text, Chunks: row.Chunks, Variant: row.Variant,
		Log: fmt.Sprintf("spinwise: шаблон %q, документ %s, вариант %s, частей: %d", name, call.Document(), row.Variant, len(row.Chunks))}
}

// serve renders a queued call and answers it with bizproc.event.send.
func (a *App) serve(ctx context.Context, j *job) {
	res := a.Render(j.call)
	params := map[string]any{
		"EVENT_TOKEN": j.call.EventToken,
		"RETURN_VALUES": map[string]any{
			ReturnText:    res.Text,
			ReturnChunks:  res.Chunks,
			ReturnVariant: res.Variant,
			ReturnError:   res.Error,
		},
		"LOG_MESSAGE": res.Log,
	}
	if len(res.Chunks) == 0 {
		// An empty list would not be sent at all; send one empty value.
		params["RETURN_VALUES"].(map[string]any)[ReturnChunks] = []string{""}
	}
	err := a.send(ctx, j, params)
	if err != nil {
		a.failed.Add(1)
		a.log.Error("robot call not answered", "member_id", j.portal, "document", j.call.Document(), "err", err)
		// Forget the event token, so that a repeated call is served.
		if rerr := a.cfg.Store.ReleaseEvent(ctx, j.portal, j.call.EventToken); rerr != nil {
			a.log.Error("cannot release an event token", "err", rerr)
		}
		return
	}
	a.served.Add(1)
}

// send calls bizproc.event.send with the call's own access token, at the
// portal's saved address, renewing the token once when it has expired.
func (a *App) send(ctx context.Context, j *job, params map[string]any) error {
	p, err := a.portal(ctx, j.portal)
	if err != nil {
		return err
	}
	if p == nil {
		return errors.New("the portal was uninstalled")
	}
	cp := *p
	token := j.call.Auth.AccessToken
	if token == "" {
		token = p.AccessToken
	}
	_, err = a.client.Call(ctx, cp.ClientEndpoint, token, "bizproc.event.send", params)
	if Expired(err) && a.client.CanRefresh() {
		refresh := j.call.Auth.RefreshToken
		if refresh == "" {
			refresh = cp.RefreshToken
		}
		if rerr := a.renew(ctx, &cp, refresh); rerr != nil {
			return fmt.Errorf("%w; renewing the token: %v", err, rerr)
		}
		_, err = a.client.Call(ctx, cp.ClientEndpoint, cp.AccessToken, "bizproc.event.send", params)
	}
	if err == nil {
		a.sent.Add(1)
	}
	return err
}

func (a *App) fail(w http.ResponseWriter, route string, err error) {
	a.log.Error(route, "err", err)
	http.Error(w, "internal error", http.StatusInternalServerError)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

// validHost accepts a host name or address with an optional port, nothing
// else (no path, user or scheme).
func validHost(h string) bool {
	if h == "" || len(h) > 255 || strings.ContainsAny(h, "/\\@?#% \t\r\n") {
		return false
	}
	host := h
	if hh, port, err := net.SplitHostPort(h); err == nil {
		if _, err := strconv.ParseUint(port, 10, 16); err != nil {
			return false
		}
		host = hh
	}
	return host != ""
}

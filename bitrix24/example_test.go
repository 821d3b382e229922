package bitrix24_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spinwise/spinwise/bitrix24"
	"github.com/spinwise/spinwise/internal/fakeportal"
)

// exampleTemplates writes one template into a new directory.
func exampleTemplates() string {
	dir, err := os.MkdirTemp("", "templates")
	if err != nil {
		panic(err)
	}
	os.WriteFile(filepath.Join(dir, "reminder.txt"),
		[]byte("{Здравствуйте|Добрый день}, {{Имя}}! Ваш заказ №{{Заказ}} {передан в доставку|уже в пути}."), 0o644)
	return dir
}

// The whole life of the application against a portal (here a fake one):
// installation, ONAPPINSTALL, and a robot call answered through
// bizproc.event.send.
func Example() {
	portal := fakeportal.Start()
	defer portal.Close()
	dir := exampleTemplates()
	defer os.RemoveAll(dir)

	templates, err := bitrix24.LoadTemplates(dir, nil)
	if err != nil {
		panic(err)
	}
	srv := httptest.NewUnstartedServer(nil)
	app, err := bitrix24.New(bitrix24.Config{
		Store:     bitrix24.NewMemoryStore(),
		Templates: templates,
		Public:    "http://" + srv.Listener.Addr().String(),
		Client:    &bitrix24.Client{TokenURL: portal.Server.URL + "/oauth/token/", ClientID: portal.ClientID, ClientSecret: portal.ClientSecret},
		Logger:    slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	if err != nil {
		panic(err)
	}
	defer app.Close(context.Background())
	srv.Config.Handler = app.Handler()
	srv.Start()
	defer srv.Close()

	post := func(path string, query, form url.Values) int {
		resp, err := http.PostForm(srv.URL+path+"?"+query.Encode(), form)
		if err != nil {
			panic(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	q, f := portal.InstallForm()
	fmt.Println("install:", post("/install", q, f))
	fmt.Println("ONAPPINSTALL:", post("/event", nil, portal.EventForm("ONAPPINSTALL", portal.AppToken)))
	fmt.Println("robot:", post("/robot", nil, portal.RobotForm(bitrix24.DefaultCode, "DEAL_759", map[string]any{
		"template":                     "reminder",
		bitrix24.PropertyCode("Имя"):   "Анна",
		bitrix24.PropertyCode("Заказ"): "545134",
	})))
	sent, _ := portal.WaitSend(10 * time.Second)
	fmt.Println(sent.Form.Get("RETURN_VALUES[text]"))
	fmt.Printf("error: %q\n", sent.Form.Get("RETURN_VALUES[error]"))
	// Output:
	// install: 200
	// ONAPPINSTALL: 200
	// robot: 200
	// Здравствуйте, Анна! Ваш заказ №545134 передан в доставку.
	// error: ""
}

func ExampleParseForm() {
	v, err := bitrix24.ParseForm("auth%5Bmember_id%5D=a2&properties%5Bphones%5D%5B1%5D=%2B7912&properties%5Bphones%5D%5B0%5D=%2B7999")
	if err != nil {
		panic(err)
	}
	fmt.Println(v.Get("auth", "member_id"))
	fmt.Println(v.Lookup("properties", "phones").Any())
	// Output:
	// a2
	// [+7999 +7912]
}

func ExampleEncodeForm() {
	fmt.Println(bitrix24.EncodeForm(map[string]any{
		"EVENT_TOKEN":   "wf|A1|t",
		"RETURN_VALUES": map[string]any{"chunks": []string{"Привет!", "Заказ готов."}},
	}))
	// Output:
	// EVENT_TOKEN=wf%7CA1%7Ct&RETURN_VALUES%5Bchunks%5D%5B0%5D=%D0%9F%D1%80%D0%B8%D0%B2%D0%B5%D1%82%21&RETURN_VALUES%5Bchunks%5D%5B1%5D=%D0%97%D0%B0%D0%BA%D0%B0%D0%B7+%D0%B3%D0%BE%D1%82%D0%BE%D0%B2.
}

func ExamplePropertyCode() {
	fmt.Println(bitrix24.PropertyCode("order_id"))
	fmt.Println(strings.HasPrefix(bitrix24.PropertyCode("Имя клиента"), "Imya_klienta_"))
	// Output:
	// order_id
	// true
}

func ExampleValidCode() {
	fmt.Println(bitrix24.ValidCode("spinwise_message"), bitrix24.ValidCode("сообщение"))
	// Output: true false
}

func ExampleParseRobotCall() {
	c, err := bitrix24.ParseRobotCall("event_token=wf%7CA1%7Ct&document_id[2]=DEAL_759&properties[template]=reminder&properties[tel][0]=%2B7999&auth[member_id]=a2")
	if err != nil {
		panic(err)
	}
	fmt.Println(c.Document(), c.EventToken, c.Auth.MemberID, c.Properties["template"], c.Properties["tel"])
	// Output: DEAL_759 wf|A1|t a2 reminder [+7999]
}

func ExampleRobotSpec_Params() {
	p := bitrix24.RobotSpec{Code: "spinwise_message", Handler: "https://robot.example.ru/robot", Templates: []string{"reminder"}, Fields: []string{"Имя"}}.Params()
	v, _ := bitrix24.ParseForm(bitrix24.EncodeForm(p))
	fmt.Println(v.Get("CODE"), v.Get("HANDLER"), v.Get("USE_SUBSCRIPTION"))
	fmt.Println(v.Get("PROPERTIES", "template", "Type"), v.Lookup("PROPERTIES", "template", "Options").Keys())
	fmt.Println(v.Get("RETURN_PROPERTIES", "chunks", "Multiple"))
	// Output:
	// spinwise_message https://robot.example.ru/robot Y
	// select [reminder]
	// Y
}

func ExampleRobotSpec_UpdateParams() {
	p := bitrix24.RobotSpec{Code: "spinwise_message", Handler: "https://robot.example.ru/robot", Templates: []string{"reminder"}}.UpdateParams()
	v, _ := bitrix24.ParseForm(bitrix24.EncodeForm(p))
	fmt.Println(v.Get("CODE"), v.Get("FIELDS", "HANDLER"))
	// Output: spinwise_message https://robot.example.ru/robot
}

func ExampleLoadTemplates() {
	dir := exampleTemplates()
	defer os.RemoveAll(dir)
	ts, err := bitrix24.LoadTemplates(dir, nil)
	if err != nil {
		panic(err)
	}
	fmt.Println(ts.Names(), ts.Fields())
	// Output: [reminder] [Заказ Имя]
}

func ExampleTemplates_Reload() {
	dir := exampleTemplates()
	defer os.RemoveAll(dir)
	ts, _ := bitrix24.LoadTemplates(dir, nil)
	os.WriteFile(filepath.Join(dir, "thanks.txt"), []byte("{Спасибо|Благодарим}, {{Имя}}!"), 0o644)
	changed, err := ts.Reload()
	fmt.Println(changed, err, ts.Names())
	// Output: true <nil> [reminder thanks]
}

func ExampleApp_Render() {
	dir := exampleTemplates()
	defer os.RemoveAll(dir)
	ts, _ := bitrix24.LoadTemplates(dir, nil)
	app, _ := bitrix24.New(bitrix24.Config{Store: bitrix24.NewMemoryStore(), Templates: ts, Public: "https://robot.example.ru"})
	defer app.Close(context.Background())
	res := app.Render(&bitrix24.RobotCall{
		DocumentID: []string{"crm", "CCrmDocumentDeal", "DEAL_1"},
		Properties: map[string]any{"template": "reminder", bitrix24.PropertyCode("Имя"): "{Анна|Мария}", bitrix24.PropertyCode("Заказ"): "7"},
	})
	fmt.Println(res.Text)
	// Output: Добрый день, {Анна|Мария}! Ваш заказ №7 уже в пути.
}

func ExampleOpenSQLite() {
	dir, _ := os.MkdirTemp("", "db")
	defer os.RemoveAll(dir)
	store, err := bitrix24.OpenSQLite(filepath.Join(dir, "robot.db"))
	if err != nil {
		panic(err)
	}
	defer store.Close()
	ctx := context.Background()
	store.SavePortal(ctx, &bitrix24.Portal{MemberID: "a2", Domain: "example.bitrix24.ru", ClientEndpoint: "https://example.bitrix24.ru/rest/"})
	p, _ := store.Portal(ctx, "a2")
	first, _ := store.ClaimEvent(ctx, "a2", "wf|A1|t", time.Unix(0, 0))
	again, _ := store.ClaimEvent(ctx, "a2", "wf|A1|t", time.Unix(0, 0))
	fmt.Println(p.ClientEndpoint, first, again)
	// Output: https://example.bitrix24.ru/rest/ true false
}

func ExampleNewMemoryStore() {
	store := bitrix24.NewMemoryStore()
	_, err := store.Portal(context.Background(), "nobody")
	fmt.Println(errors.Is(err, bitrix24.ErrNoPortal))
	// Output: true
}

func ExampleClient_Call() {
	portal := fakeportal.Start()
	defer portal.Close()
	access, _ := portal.Tokens()
	c := &bitrix24.Client{}
	res, err := c.Call(context.Background(), portal.Endpoint(), access, "bizproc.event.send", map[string]any{
		"EVENT_TOKEN":   "wf|A1|t",
		"RETURN_VALUES": map[string]any{"text": "Привет!"},
	})
	fmt.Println(string(res), err)
	portal.Expire(access)
	_, err = c.Call(context.Background(), portal.Endpoint(), access, "app.info", nil)
	fmt.Println(bitrix24.Expired(err))
	// Output:
	// true <nil>
	// true
}

func ExampleClient_Refresh() {
	portal := fakeportal.Start()
	defer portal.Close()
	_, refresh := portal.Tokens()
	c := &bitrix24.Client{TokenURL: portal.Server.URL + "/oauth/token/", ClientID: portal.ClientID, ClientSecret: portal.ClientSecret}
	t, err := c.Refresh(context.Background(), refresh)
	fmt.Println(err, t.AccessToken != "", t.MemberID == portal.MemberID)
	_, err = c.Refresh(context.Background(), refresh) // spent
	var ae *bitrix24.APIError
	fmt.Println(errors.As(err, &ae), ae.Code)
	// Output:
	// <nil> true true
	// true invalid_grant
}

func ExampleExpired() {
	err := &bitrix24.APIError{Method: "bizproc.event.send", Status: 401, Code: "expired_token"}
	fmt.Println(bitrix24.Expired(err), bitrix24.Expired(errors.New("timeout")))
	// Output: true false
}

func ExampleNew() {
	dir := exampleTemplates()
	defer os.RemoveAll(dir)
	ts, _ := bitrix24.LoadTemplates(dir, nil)
	app, err := bitrix24.New(bitrix24.Config{Store: bitrix24.NewMemoryStore(), Templates: ts, Public: "https://robot.example.ru/"})
	if err != nil {
		panic(err)
	}
	defer app.Close(context.Background())
	spec := app.Spec()
	fmt.Println(spec.Code, spec.Handler, spec.Templates, spec.Fields)
	_, err = bitrix24.New(bitrix24.Config{Store: bitrix24.NewMemoryStore(), Templates: ts, Public: "robot.example.ru"})
	fmt.Println(err)
	// Output:
	// spinwise_message https://robot.example.ru/robot [reminder] [Заказ Имя]
	// bitrix24: the public URL "robot.example.ru" is not an absolute http(s) URL
}

func ExampleApp_Handler() {
	dir := exampleTemplates()
	defer os.RemoveAll(dir)
	ts, _ := bitrix24.LoadTemplates(dir, nil)
	app, _ := bitrix24.New(bitrix24.Config{Store: bitrix24.NewMemoryStore(), Templates: ts, Public: "https://robot.example.ru"})
	defer app.Close(context.Background())
	srv := httptest.NewServer(app.Handler())
	defer srv.Close()
	// A robot call from a portal that never installed the application.
	resp, _ := http.PostForm(srv.URL+"/robot", url.Values{"auth[member_id]": {"stranger"}, "auth[application_token]": {"x"}})
	resp.Body.Close()
	fmt.Println(resp.StatusCode)
	// Output: 403
}

func ExampleApp_Stats() {
	dir := exampleTemplates()
	defer os.RemoveAll(dir)
	ts, _ := bitrix24.LoadTemplates(dir, nil)
	app, _ := bitrix24.New(bitrix24.Config{Store: bitrix24.NewMemoryStore(), Templates: ts, Public: "https://robot.example.ru"})
	app.Close(context.Background())
	fmt.Printf("%+v\n", app.Stats())
	// Output: {Served:0 Failed:0 Sent:0}
}

func ExampleApp_UpdateRobots() {
	portal := fakeportal.Start()
	defer portal.Close()
	dir := exampleTemplates()
	defer os.RemoveAll(dir)
	ts, _ := bitrix24.LoadTemplates(dir, nil)
	store := bitrix24.NewMemoryStore()
	app, _ := bitrix24.New(bitrix24.Config{Store: store, Templates: ts, Public: "https://robot.example.ru",
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	defer app.Close(context.Background())
	srv := httptest.NewServer(app.Handler())
	defer srv.Close()
	q, f := portal.InstallForm()
	resp, _ := http.PostForm(srv.URL+"/install?"+q.Encode(), f)
	resp.Body.Close()

	// A new template: the robot's list of templates is registered again.
	os.WriteFile(filepath.Join(dir, "thanks.txt"), []byte("Спасибо, {{Имя}}!"), 0o644)
	ts.Reload()
	fmt.Println(app.UpdateRobots(context.Background()))
	fmt.Println(portal.Robot(bitrix24.DefaultCode).Get("FIELDS[PROPERTIES][template][Options][thanks]"))
	// Output:
	// <nil>
	// thanks
}

func ExampleTemplates_Campaign() {
	dir := exampleTemplates()
	defer os.RemoveAll(dir)
	ts, _ := bitrix24.LoadTemplates(dir, nil)
	fmt.Println(ts.Campaign("reminder").Count(), ts.Campaign("nosuch") == nil)
	// Output: 4 true
}

func ExampleTemplates_Watch() {
	dir := exampleTemplates()
	defer os.RemoveAll(dir)
	ts, _ := bitrix24.LoadTemplates(dir, nil)
	ctx, cancel := context.WithCancel(context.Background())
	changed := make(chan struct{}, 1)
	go ts.Watch(ctx, time.Millisecond, func(error) {
		select {
		case changed <- struct{}{}:
		default:
		}
	})
	os.WriteFile(filepath.Join(dir, "thanks.txt"), []byte("Спасибо, {{Имя}}!"), 0o644)
	<-changed
	cancel()
	fmt.Println(ts.Names())
	// Output: [reminder thanks]
}

func ExampleValue_List() {
	v, _ := bitrix24.ParseForm("tel[2]=c&tel[10]=k&tel[0]=a")
	for _, e := range v.Lookup("tel").List() {
		fmt.Print(e.String(), " ")
	}
	fmt.Println(v.Lookup("tel").Keys(), v.Lookup("tel").IsMap())
	// Output: a c k [2 10 0] true
}

func ExampleRobotCall_Document() {
	c, _ := bitrix24.ParseRobotCall("document_id[0]=crm&document_id[1]=CCrmDocumentLead&document_id[2]=LEAD_42")
	fmt.Println(c.Document(), c.DocumentID)
	// Output: LEAD_42 [crm CCrmDocumentLead LEAD_42]
}

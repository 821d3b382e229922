package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/spinwise/spinwise/bitrix24"
)

// robotContext is the context the robot server runs in: until SIGINT or
// SIGTERM. Tests replace it.
var robotContext = func() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}

// robot serves the Bitrix24 application of package bitrix24.
func (c *cli) robot(args []string) int {
	f := newFlags("robot", "-addr HOST:PORT -public URL -db FILE -templates DIR [-client-id ID -client-secret SECRET] [-oauth URL] [-code spinwise_message]",
		"Serve a Bitrix24 application whose robot writes a WhatsApp message with a template from DIR:\n"+
			"POST /install (the application's install URL), /event (ONAPPINSTALL, ONAPPUNINSTALL) and /robot\n"+
			"(the robot's calls, answered through bizproc.event.send). Portals and tokens are kept in the\n"+
			"SQLite file -db. Register the application in the portal with the scope bizproc and the install\n"+
			"URL -public/install. The client secret may also come from $SPINWISE_CLIENT_SECRET.")
	addr := f.String("addr", "127.0.0.1:8080", "listen on `HOST:PORT`")
	public := f.String("public", "", "the base `URL` the portal reaches this server at (the robot's handler is URL/robot)")
	db := f.String("db", "", "the SQLite `FILE` of portals and tokens (created if missing)")
	dir := f.String("templates", "", "the template `DIR`ectory: one NAME.txt a template")
	clientID := f.String("client-id", "", "the application's client_id, to renew expired access tokens")
	clientSecret := f.String("client-secret", "", "the application's client_secret")
	oauth := f.String("oauth", bitrix24.DefaultTokenURL, "the OAuth token endpoint `URL`")
	code := f.String("code", bitrix24.DefaultCode, "the robot's CODE")
	workers := f.Int("workers", 0, "goroutines answering robot calls (0: 4×GOMAXPROCS)")
	reload := f.Duration("reload", 2*time.Second, "how often to look for changed templates (0: never)")
	if _, code, ok := f.parse(c, args, 0, 0); !ok {
		return code
	}
	if *clientSecret == "" {
		*clientSecret = os.Getenv("SPINWISE_CLIENT_SECRET")
	}
	switch {
	case *public == "":
		return f.usageError(c, "-public URL is required")
	case *db == "":
		return f.usageError(c, "-db FILE is required")
	case *dir == "":
		return f.usageError(c, "-templates DIR is required")
	case (*clientID == "") != (*clientSecret == ""):
		return f.usageError(c, "give -client-id and -client-secret together")
	case !bitrix24.ValidCode(*code):
		return f.usageError(c, fmt.Sprintf("-code %q: use Latin letters, digits, '.', '-' and '_'", *code))
	case *workers < 0:
		return f.usageError(c, fmt.Sprintf("-workers is %d; it must be 0 or more", *workers))
	}
	log := slog.New(slog.NewTextHandler(c.stderr, nil))

	templates, err := bitrix24.LoadTemplates(*dir, nil)
	var le *bitrix24.LoadError
	switch {
	case errors.As(err, &le):
		fmt.Fprintln(c.stderr, err) // the others are served
	case err != nil:
		return c.errorf(exitUsage, "robot", "%v", err)
	}
	if len(templates.Names()) == 0 {
		return c.errorf(exitUsage, "robot", "no templates in %s: write one NAME.txt a template", *dir)
	}
	store, err := bitrix24.OpenSQLite(*db)
	if err != nil {
		return c.errorf(exitUsage, "robot", "%v", err)
	}
	defer store.Close()
	app, err := bitrix24.New(bitrix24.Config{
		Store:     store,
		Templates: templates,
		Public:    *public,
		Code:      *code,
		Client:    &bitrix24.Client{TokenURL: *oauth, ClientID: *clientID, ClientSecret: *clientSecret},
		Workers:   *workers,
		Logger:    log,
	})
	if err != nil {
		return f.usageError(c, err.Error())
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		app.Close(context.Background())
		return c.errorf(exitUsage, "robot", "%v", err)
	}
	srv := &http.Server{
		Handler:           app.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
	ctx, stop := robotContext()
	defer stop()
	if *reload > 0 {
		go templates.Watch(ctx, *reload, func(err error) {
			log.Info("templates changed", "names", templates.Names(), "err", err)
			if err := app.UpdateRobots(ctx); err != nil {
				log.Error("cannot update the robots", "err", err)
			}
		})
	}
	fmt.Fprintf(c.stderr, "spinwise robot: listening on http://%s; robot handler %s; templates %v\n", ln.Addr(), app.Spec().Handler, templates.Names())
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		app.Close(context.Background())
		return c.errorf(exitFailed, "robot", "%v", err)
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	err = srv.Shutdown(shut)
	if cerr := app.Close(shut); err == nil {
		err = cerr
	}
	if err != nil {
		return c.errorf(exitFailed, "robot", "shutting down: %v", err)
	}
	st := app.Stats()
	fmt.Fprintf(c.stderr, "spinwise robot: stopped; %d robot calls answered, %d not delivered\n", st.Served, st.Failed)
	return exitOK
}

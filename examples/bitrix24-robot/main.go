// Command bitrix24-robot embeds package bitrix24 in a program of your own:
// the Bitrix24 application with a robot that writes a WhatsApp message
// from a template, under a path prefix of an existing server, with a
// suppression list and a chunk limit of your choosing. See README.md; for
// the ready-made server, use `spinwise robot`.
//
//	go run ./examples/bitrix24-robot -public https://robot.example.ru -templates internal/corpus/templates
package main

import (
	"context"
	"flag"
	"log"
	"net/http"
	"os"
	"os/signal"
	"time"

	"github.com/spinwise/spinwise/bitrix24"
	"github.com/spinwise/spinwise/campaign"
	"github.com/spinwise/spinwise/chunk"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
	public := flag.String("public", "", "the URL the portal reaches this server at")
	dir := flag.String("templates", "internal/corpus/templates", "template directory")
	db := flag.String("db", "robot.db", "SQLite file of portals and tokens")
	flag.Parse()

	handler, app, closeAll, err := setup(*public+"/bitrix", *dir, *db, &bitrix24.Client{
		ClientID:     os.Getenv("BITRIX_CLIENT_ID"),
		ClientSecret: os.Getenv("BITRIX_CLIENT_SECRET"),
	})
	if err != nil {
		log.Fatal(err)
	}
	defer closeAll()
	mux := http.NewServeMux()
	mux.Handle("/bitrix/", http.StripPrefix("/bitrix", handler))
	mux.HandleFunc("/health", func(w http.ResponseWriter, _ *http.Request) { w.Write([]byte("ok\n")) })
	srv := &http.Server{Addr: *addr, Handler: mux, ReadHeaderTimeout: 10 * time.Second}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	go func() {
		<-ctx.Done()
		srv.Shutdown(context.Background())
	}()
	log.Printf("install URL %s/bitrix/install, robot handler %s", *public, app.Spec().Handler)
	if err := srv.ListenAndServe(); err != http.ErrServerClosed {
		log.Fatal(err)
	}
}

// setup builds the application: templates with your campaign options, the
// SQLite store, and the App. public is the URL its routes are reached at.
func setup(public, dir, db string, client *bitrix24.Client) (http.Handler, *bitrix24.App, func(), error) {
	templates, err := bitrix24.LoadTemplates(dir, &bitrix24.TemplateOptions{
		Campaign: campaign.Options{
			Seed:     1,
			Suppress: []string{"DEAL_13"}, // documents that must never get a message
			Chunk:    chunk.Options{Max: 500},
		},
	})
	if err != nil {
		return nil, nil, nil, err
	}
	store, err := bitrix24.OpenSQLite(db)
	if err != nil {
		return nil, nil, nil, err
	}
	app, err := bitrix24.New(bitrix24.Config{
		Store:     store,
		Templates: templates,
		Public:    public,
		Code:      "example_message",
		Name:      "Сообщение клиенту (пример)",
		Client:    client,
	})
	if err != nil {
		store.Close()
		return nil, nil, nil, err
	}
	closeAll := func() {
		app.Close(context.Background())
		store.Close()
	}
	return app.Handler(), app, closeAll, nil
}

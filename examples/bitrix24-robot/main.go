// Command bitrix24-robot serves a Bitrix24 automation rule ("robot") that
// writes a personalized, varied, checked WhatsApp message for the deal or
// contact it fires on. See README.md for registering it.
//
//	go run ./examples/bitrix24-robot -addr :8080 -token APPLICATION_TOKEN
package main

import (
	"flag"
	"log"
	"net/http"
	"time"

	"github.com/spinwise/spinwise/campaign"
)

// defaultTemplate reads the robot's properties client_name and order; a
// template in the robot's "template" property replaces it.
const defaultTemplate = `{Здравствуйте|Добрый день}, {{Имя}}! {Ваш заказ|Заказ} №{{Заказ}} {передан в доставку|уже в пути}.
{Будут вопросы|Если появятся вопросы} — {пишите|напишите нам}, {мы на связи|мы всегда ответим}.`

func main() {
	addr := flag.String("addr", "localhost:8080", "listen address")
	token := flag.String("token", "", "the application token Bitrix24 gave the application (auth[application_token])")
	seed := flag.Uint64("seed", 1, "campaign seed")
	flag.Parse()
	robot := &Robot{
		ApplicationToken: *token,
		Template:         defaultTemplate,
		Options: campaign.Options{
			Seed: *seed,
			// The template's display names -> the robot's property codes.
			Fields: map[string]string{"Имя": "client_name", "Заказ": "order"},
		},
	}
	srv := &http.Server{Addr: *addr, Handler: robot, ReadHeaderTimeout: 10 * time.Second}
	log.Printf("robot handler on http://%s/", *addr)
	log.Fatal(srv.ListenAndServe())
}

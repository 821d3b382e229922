// Package examples holds runnable spinwise programs, one per folder, each
// with a README:
//
//   - quickstart: parse a template, render one message, check its links,
//     split it (go run ./examples/quickstart).
//   - campaign: a whole batch from the sample contacts to JSON Lines and a
//     report (go run ./examples/campaign).
//   - send-plan: the sample batch spread over the days a young number may
//     write to it, every message with its send_at (go run ./examples/send-plan).
//   - bitrix24-robot: package bitrix24 (a Bitrix24 application whose robot
//     answers through bizproc.event.send) embedded in a server of your own.
//
// The sample templates and contacts they use are the project's corpus,
// package internal/corpus.
package examples

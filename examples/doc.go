// Package examples holds runnable spinwise programs, one per folder, each
// with a README:
//
//   - quickstart: parse a template, render one message, check its links,
//     split it (go run ./examples/quickstart).
//   - campaign: a whole batch from the sample contacts to JSON Lines and a
//     report (go run ./examples/campaign).
//   - bitrix24-robot: an net/http handler for a Bitrix24 automation rule,
//     answering a robot call with the rendered short messages as JSON.
//
// The sample templates and contacts they use are the project's corpus,
// package internal/corpus.
package examples

// Package examples holds runnable spinwise programs, one per folder, each
// with a README:
//
//   - quickstart: parse a template, render one message, check its links,
//     split it (go run ./examples/quickstart).
//   - campaign: a whole batch from the sample contacts to JSON Lines and a
//     report (go run ./examples/campaign).
//   - bitrix24-robot: package bitrix24 (a Bitrix24 application whose robot
//     answers through bizproc.event.send) embedded in a server of your own.
//   - data: the sample templates and contacts the others, the CLI demo, the
//     tests and the benchmarks use.
package examples

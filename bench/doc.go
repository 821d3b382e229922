// Package bench holds spinwise's side-by-side benchmarks against the peer
// libraries a user would pick instead. It is a separate module so that the
// peers never become dependencies of the library. Run ./run (see
// BENCHMARKS.md at the repository's root); results/ keeps the raw output of
// the runs BENCHMARKS.md quotes, named by what they measure.
package bench

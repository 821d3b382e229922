// Shared timing harness for the JavaScript peers. It prints results in the
// format of `go test -bench`, so Go and JavaScript figures of one bench/run
// line up (and benchstat reads both).
//
//   import { bench, done } from './harness.mjs';
//   bench('SpinJS/node-spintax/welcome', () => spin(src), { bytes: src.length });
//
// Names are matched against the regular expression in process.argv[2]
// (default: everything). BENCHTIME (seconds, default 1) sets how long each
// benchmark runs after a warm-up.

const filter = new RegExp(process.argv[2] || '.');
const benchtime = Number(process.env.BENCHTIME || '1');
const cores = (await import('node:os')).availableParallelism();
let sink = 0;

export function bench(name, fn, opts = {}) {
  const full = 'Benchmark' + name;
  if (!filter.test(full)) return;
  // Warm up so that the JIT has compiled fn, then grow n until a run takes
  // at least benchtime, as the Go testing package does.
  let n = 1;
  for (let i = 0; i < 200; i++) sink ^= hash(fn());
  let elapsed = 0;
  for (;;) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) sink ^= hash(fn());
    elapsed = Number(process.hrtime.bigint() - t0);
    if (elapsed >= benchtime * 1e9 || n >= 1e9) break;
    const want = Math.ceil((benchtime * 1e9 * 1.2 * n) / Math.max(elapsed, 1));
    n = Math.min(Math.max(want, n + 1), n * 100);
  }
  const nsop = elapsed / n;
  let line = `${full}-${cores}\t${String(n).padStart(10)}\t${nsop.toFixed(1).padStart(14)} ns/op`;
  if (opts.bytes) line += `\t${((opts.bytes * 1e3) / nsop).toFixed(2).padStart(10)} MB/s`;
  console.log(line);
}

// hash keeps results alive so that the JIT cannot drop the work.
function hash(v) {
  if (typeof v === 'number') return v | 0;
  if (typeof v === 'string') return v.length;
  if (Array.isArray(v)) return v.length;
  return v ? 1 : 0;
}

export function done() {
  if (sink === 0.5) console.log(''); // never true; reads sink
}

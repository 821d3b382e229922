// Side-by-side peers of spinwise/randomizer: the npm spintax engines that
// WhatsApp sender tools use, spinning the very same templates as the Go
// benchmarks BenchmarkParse and BenchmarkSpin (the six corpus templates of
// internal/corpus and randomizer/testdata/generated_24k.txt).
//
//   node js/spintax.mjs 'Spin'      (bench/run does this)
//
// Names: BenchmarkParseJS/<engine>/<template>, BenchmarkSpinJS/<engine>/<template>.
// SpinJS spins a template parsed once beforehand, as BenchmarkSpin does, and
// reads one character of the middle of the result: V8 builds the text as a
// rope of pieces and only lays it out as one string (as Go's Spin returns
// it, and as a sender must before writing it) when it is read. The raw rope
// is measured too, as SpinRopeJS.
// MB/s counts the template's UTF-8 bytes, as Go's b.SetBytes(len(src)).
//
// The peers do not read spinwise's language the same way, so they do not do
// the same work on every template: both treat {{Имя}} and {=Document:NAME}
// as spintax groups (rendering "Имя", "=Document:NAME", and splitting
// {{ .Name | upper }} at its '|'); node-spintax has no [a|b] permutations
// (it prints them verbatim); spintax-extended joins [a|b] without a space
// and drops the brackets of [акция]. They still get the same text.

import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bench, done } from './harness.mjs';

const require = createRequire(import.meta.url);
const SpintaxExtended = require('spintax-extended');
const NodeSpintax = require('node-spintax');

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const templates = [];
const dir = join(root, 'internal', 'corpus', 'templates');
for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
  // data.Template trims the file's final newlines; so do we.
  templates.push([f.slice(0, -4), readFileSync(join(dir, f), 'utf8').replace(/\n+$/, '')]);
}
templates.push(['generated_24k', readFileSync(join(root, 'randomizer', 'testdata', 'generated_24k.txt'), 'utf8')]);

const engines = {
  'spintax-extended': {
    parse: (src) => new SpintaxExtended(src),
    spin: (t) => t.unspin(),
  },
  'node-spintax': {
    parse: (src) => NodeSpintax(src),
    spin: (t) => t.unspinRandom()[0],
  },
};

for (const [engine, e] of Object.entries(engines)) {
  for (const [name, src] of templates) {
    const bytes = Buffer.byteLength(src, 'utf8');
    bench(`ParseJS/${engine}/${name}`, () => e.parse(src), { bytes });
  }
}
for (const [engine, e] of Object.entries(engines)) {
  for (const [name, src] of templates) {
    const bytes = Buffer.byteLength(src, 'utf8');
    const t = e.parse(src);
    bench(`SpinJS/${engine}/${name}`, () => flat(e.spin(t)), { bytes });
  }
}
for (const [engine, e] of Object.entries(engines)) {
  for (const [name, src] of templates) {
    const bytes = Buffer.byteLength(src, 'utf8');
    const t = e.parse(src);
    bench(`SpinRopeJS/${engine}/${name}`, () => e.spin(t), { bytes });
  }
}

// flat makes V8 lay the rope out as one string, and keeps the string as the
// result.
function flat(v) {
  if (v.length > 0 && v.charCodeAt(v.length >> 1) < 0) return '';
  return v;
}
done();

// fastest-levenshtein (bit-parallel, 32-bit words) on the same pairs as
// bench/uniqueness_test.go: 120 pairs of 200-rune Cyrillic messages. All
// runes of the file are in the BMP, so its UTF-16 code units are runes and
// the distances are the same as spinwise's. One op is one pair.
import { readFileSync } from 'node:fs';
import { distance } from 'fastest-levenshtein';
import { bench, done } from './harness.mjs';

const pairs = JSON.parse(readFileSync(new URL('../testdata/levenshtein_pairs.json', import.meta.url), 'utf8'));
const bytes = Buffer.byteLength(pairs[0][0]) + Buffer.byteLength(pairs[0][1]);
let i = 0;
bench('Levenshtein/Cyrillic200/fastest-levenshtein', () => {
  const p = pairs[i++ % pairs.length];
  return distance(p[0], p[1]);
}, { bytes });
done();

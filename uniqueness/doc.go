// Package uniqueness measures how alike the messages of a batch are: exact
// edit distance, similarity, and a batch report of near duplicates, the texts
// an anti-spam system would see as one message sent to many recipients.
//
// # Distance and similarity
//
// [Distance] is the Levenshtein distance counted in runes (Unicode code
// points): the least number of rune insertions, deletions and substitutions
// that turn one string into the other. It equals
// github.com/agnivade/levenshtein's ComputeDistance on every input, and it
// is an int, exact at any length (a uint16 row, as agnivade's older
// releases used, wraps above 65,535). Text is not normalized: a precomposed
// "ё" and "е" plus U+0308 differ, and each combining mark is a rune of its
// own. An invalid UTF-8 byte is one U+FFFD rune.
//
// [Similarity] is 1 - Distance/max(len(a), len(b)), lengths in runes; two
// empty strings are equal, so their similarity is 1.
//
// [DistanceAtMost] and [SimilarityAtLeast] take a cutoff and stop as soon as
// the answer is known, which is what a batch needs: most pairs are far below
// the threshold.
//
// A [Pattern] prepares one string once (its runes numbered, its table
// built) for many comparisons, allocation-free once its buffers have grown;
// [Pattern.Reset] reuses one Pattern for the next string.
//
// # The algorithm
//
// The kernel is the bit-parallel algorithm of Myers (1999) in the
// formulation of Hyyrö (2003): one text rune advances 64 rows of the
// dynamic-programming column with a dozen word operations. Patterns longer
// than 64 runes are split in 64-rune blocks. For two to four blocks (65 to
// 256 runes) on amd64 with AVX2, the blocks run as a wavefront over the
// four 64-bit lanes of one vector register: lane b advances block b by
// text column t-b, so the carries of block b-1 for a column are ready when
// block b needs them, and one vector step per column replaces four
// dependent scalar blocks. Without AVX2 the same blocks run in scalar
// assembly with all eight vectors in registers. Neither tracks the score
// per column: the distance is read from the last column's vertical deltas.
// Elsewhere, and with the purego build tag, the same loop runs in Go.
// Before the kernel:
//
//   - a common prefix and suffix are stripped (a Pattern strips the suffix
//     for free and rebuilds its table only after a long common prefix);
//   - the runes of both strings are mapped to small dense ids (1..d for the
//     pattern's distinct runes, 0 for a text rune not in the pattern), so
//     the match-vector table is a flat array indexed without hashing; runes
//     below U+2200 (ASCII, Cyrillic, Russian punctuation such as — « » №
//     ₽) are numbered through a direct table, others through a map; when
//     all runes of both strings are below U+2200 and the shorter has at
//     most 256 runes after stripping, the table is indexed by the rune
//     itself and no ids are made;
//   - with a cutoff k, two exact lower bounds reject a pair cheaply: the
//     length difference and the rune-histogram bound max(m, n) minus the
//     number of runes the strings share as multisets (skipped where the
//     wavefront kernel runs: there it costs about as much as the kernel).
//
// With a cutoff k of at most 31 on more than 64 runes (similarity 0.9 up
// to 310 runes) the kernel is a single 64-bit word: a frame of 64 rows
// that moves one row down per text column, holding Ukkonen's diagonal band
// of the cells that can lie on a path of cost <= k (Hyyrö's banded
// variant). The value on the diagonal of the end cell is tracked by one
// bit per column; it never decreases, so the kernel stops as soon as it
// exceeds k, and at the last column it is the distance. A Pattern with a
// cutoff reads the text once: it finds the common affixes on bytes, counts
// runes from the continuation bytes, and decodes each rune to its row as
// the kernel advances (a text that is not valid UTF-8 takes the id path).
//
// Otherwise, with a cutoff the kernel advances only the blocks that meet
// Ukkonen's band of cells that can still lie on a path of cost <= k,
// narrowing it as the scores grow, and gives up as soon as no such cell
// is left; where the
// wavefront kernel runs and the band would be wider than one word, the
// exact full kernel is cheaper and answers the cutoff instead. Long
// patterns with many distinct runes keep rare runes as position lists, so
// the table takes O(m) words, not O(m·σ).
//
// # Batches
//
// [Analyze] reports every pair of messages whose similarity is at least
// Options.Threshold (default 0.9), exact duplicates, a headline
// [Report].Score (the share of messages in no such pair), the most similar
// pair, the histogram of each message's nearest-neighbour similarity above
// Options.Floor, and clusters of near duplicates (connected components of
// the pair graph, by union-find).
//
// Equal texts are grouped by hashing first, so n copies of one message cost
// one comparison, not n(n-1)/2; their pairs are counted in
// [Report].TotalPairs, and [Report].Pairs keeps at most Options.MaxPairs of
// all pairs (default 100,000) in (I, J) order, with [Report].Truncated set
// when it dropped some. Clusters list every member.
//
// Up to Options.ExactUpTo distinct texts (default 5,000) every pair is
// compared: texts sorted by length, each row's table built once, rows
// spread over Options.Workers goroutines (default GOMAXPROCS), the cutoff
// kernel per pair. The report is then exact ([Report].Exact).
//
// Beyond that, candidate pairs come from MinHash over character 3-grams:
// one hash per 3-gram picks a bin and a value (one-permutation hashing, one
// pass instead of one per hash function), empty bins borrow from a
// pseudo-random filled bin (densification), and bins are grouped in bands
// (LSH): texts whose band values agree in some band are candidates. Every
// candidate is verified with the exact kernel, so no reported pair is
// false. Messages of one template share much of their text, so the bands are
// tuned to keep unrelated messages of a template out: near duplicates with a
// few edits (up to about 5% of the runes) are found with recall >= 0.99;
// pairs just at the threshold are found less reliably (about 0.93 for 10%
// of runes edited). The nearest-neighbour histogram then only knows the
// candidates' similarities. A band bucket of more than 128 texts (many near
// copies of one message) yields only the pairs of texts within 16 places
// of each other in it, so time and memory stay linear in the batch size;
// clusters and the score still see every such text linked, but some of
// their pairs may be missing from Pairs and TotalPairs.
//
// # Cost
//
// One distance costs O(m·n/64) word operations for m and n runes, and
// O(k·n/64) with a cutoff k; the table takes O(m) words. A batch of N
// distinct texts of L runes costs O(N²·L·k/64) on the exact path; on the
// MinHash path O(N·L) to sign the texts plus the candidates' verification.
//
// # Options
//
// The zero [Options] (or nil) means the defaults. Threshold must be in
// (0, 1] and Floor in (0, Threshold] (0 means the default for either);
// [Options.Validate] says what is wrong, and Analyze panics on options it
// rejects, a programmer's error: validate first when values come from users.
package uniqueness

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
// [Analyze] (and [AnalyzeContext], which stops when its context is done)
// answers what a sender needs to know before a campaign goes out: does one
// text go to many people ([Report].MaxSameText), how many different
// wordings the batch really has ([Report].Wordings, LargestGroup, Groups),
// how close each message's nearest neighbour is
// ([Report].NearestQuantiles), which pairs are the most alike
// ([Report].WorstPairs), the share of messages with no near duplicate
// ([Report].Score), and how many pairs are near duplicates
// ([Report].TotalPairs, with the first Options.MaxPairs of them in
// [Report].Pairs).
//
// Wordings come from greedy leader clustering: the distinct texts, in batch
// order, each join the group of a leader they are within the threshold of,
// or lead a new group. Every member is within the threshold of its leader,
// so groups never chain; Clusters, the connected components of the pair
// graph, do, and a campaign whose messages differ by a word or two each
// makes one cluster of all of them.
//
// Equal texts are grouped by hashing first, so n copies of one message cost
// one comparison, not n(n-1)/2.
//
// Up to Options.ExactUpTo distinct texts (default 1,000) every pair is
// compared: texts sorted by length, each row's table built once, rows
// spread over Options.Workers goroutines (default GOMAXPROCS), the cutoff
// kernel per pair. Every figure of the report is then exact
// ([Report].Exact).
//
// Beyond that, the analysis verifies only what it reports:
//
//   - Options.Labels (a campaign passes each message's template variant):
//     each text is compared with the first text of its label, one table
//     per label. Messages of one variant differ only in the recipients'
//     data, so this settles almost every message of a campaign with one
//     comparison.
//   - The texts still without a near duplicate are signed by MinHash over
//     character 3-grams (one-permutation hashing with densification, 24
//     bands of 5 rows at the default threshold); their band keys go into a
//     table, every text of the batch is signed and probed against it, and
//     each unsettled text is compared with the 12 texts that agree with it
//     in the most bands, the cutoff raised to the best similarity found up
//     to the threshold. A band bucket full of near copies adds at most 8
//     texts a probe, so work stays linear in the batch.
//   - The groups try each text against the leaders of its verified
//     neighbours, the leader of its label's first text, and the leaders a
//     MinHash index of the leaders offers (32 bands of 4 rows), at most 8
//     leaders a text.
//
// What that costs in accuracy, beyond the exact path:
//
//   - Every reported pair, pair count and similarity is verified exactly:
//     nothing false is reported.
//   - Score is an upper bound (a message counted unique may have a near
//     duplicate the candidates missed); a near duplicate with a few edits
//     (up to 5% of its runes) is found with probability >= 0.99, one just
//     at the threshold less reliably.
//   - NearestQuantiles are lower bounds: each message's nearest neighbour
//     is the most similar of the texts compared with it. For a campaign
//     that is almost always a message of the same variant, so the bound is
//     close; a message whose nearest neighbour is below Floor counts as 0.
//   - Wordings is an upper estimate (a text whose leader the candidates
//     missed leads a group of its own); the groups' members are always
//     within the threshold of their leader.
//   - WorstPairs are the most similar of the pairs verified.
//   - TotalPairs is an estimate ([Report].PairsEstimated): copies are
//     counted exactly, other pairs estimated from 4,000 random pairs within
//     groups and 4,000 across groups, each verified exactly, and never less
//     than the pairs found. Pairs lists found pairs only.
//
// # Cost
//
// One distance costs O(m·n/64) word operations for m and n runes, and
// O(k·n/64) with a cutoff k; the table takes O(m) words. A batch of N
// distinct texts of L runes costs O(N²·L·k/64) on the exact path; beyond
// it O(N·L) to sign and probe, and a bounded number of cutoff comparisons
// per text: at most one per label, 12 per unsettled text and 8 per text for
// the groups. Memory is the texts' runes as 16-bit ids (32-bit beyond
// 65,535 distinct runes), O(N) words of bookkeeping, and the probe table of
// the unsettled texts (24 words each).
//
// # Options
//
// The zero [Options] (or nil) means the defaults. Threshold must be in
// (0, 1] and Floor in (0, Threshold] (0 means the default for either);
// [Options.Validate] says what is wrong, and Analyze panics on options it
// rejects, a programmer's error: validate first when values come from users.
//
// # Files
//
// distance.go: Distance, Similarity and the one-shot cutoff functions;
// pattern.go: Pattern and its one-pass cutoff loops; runemap.go: a
// Pattern's rune numbering; runes.go: rune ids; kernel*.go: the
// bit-parallel kernels (the amd64 assembly beside its Go twin); band.go:
// the one-word banded kernel. analyze.go: Options,
// Report and Analyze; batch.go: the prepared batch and the per-goroutine
// verifier; candidates.go: the label and MinHash candidates; lsh.go: the
// MinHash signatures; groups.go: the leader clustering; summary.go: the
// report's figures from the verified pairs.
package uniqueness

// Package campaign is the batch pipeline: from one template and many
// recipients to checked, distinct, short messages and a batch report.
//
// # The pipeline
//
// [New] parses a template once; [Campaign.Run] streams recipients through
// it. For each recipient, in order:
//
//  1. A record the reader could not read becomes an error row of [KindInput].
//  2. When the data has a phone column ([Options.PhoneField], or a field
//     named like one), the phone is normalized to E.164 ([ParsePhone]): a
//     missing, invalid or impossible number is an error row of [KindPhone]
//     with the reason in Russian; a landline is a warning in the row.
//  3. A key or a phone on the suppression list ([Options.Suppress]) becomes
//     a row of [KindSuppressed], never a message.
//  4. A phone an earlier recipient of the input has is a row of
//     [KindDuplicatePhone] that names that recipient's key: one person, one
//     message.
//  5. The recipient gets a spintax variant (see "Variants" below).
//  6. The template's placeholders are filled from the recipient's data
//     (package template); a missing field is this recipient's error
//     ([KindMissingField]), not the batch's.
//  7. Every link in the text is checked (package linkcheck); a link whose
//     verdict is not OK makes the row an error of [KindLink] that names it.
//  8. The text is split into short messages (package chunk); an unsplittable
//     span longer than the limit is an error of [KindTooLong].
//
// Run reads with one goroutine, renders with [Options.Workers] goroutines
// (GOMAXPROCS by default), and hands the rows to the caller's sink in input
// order from its own goroutine. Rows out always equal recipients in: every
// record read gives exactly one [Row]. Memory is bounded by a window of a
// few thousand rows in flight, whatever the size of the batch, except that
// the uniqueness analysis keeps the texts of the messages until the end
// ([Options.NoAnalysis] turns it off) and that duplicate detection keeps
// each distinct phone with its first key (under 50 bytes a phone plus the
// key, at most 64 bytes of it; [Options.NoPhone] turns it off). Cancelling the context stops the run
// cleanly: Run returns after every goroutine it started has ended.
//
// # Variants
//
// The key identifies a recipient: it is what rows carry and what the
// suppression list matches. The variant is chosen by position: the recipient
// at position n (0-based, counting every record of the input, suppressed
// and bad ones included, plus [Options.Start]) gets the n-th item of the
// randomizer's seeded sample of the template's variants (Spintax.SampleAt
// with [Options.Seed]), which is a permutation: the first Count()
// recipients get pairwise different variants, and only then do variants
// repeat, from the start of the same sequence (the report warns when that
// happens). Because the choice depends on (seed, position) alone:
//
//   - the same seed and the same input give the same rows, byte for byte;
//   - a run resumed at recipient N with Options.Start = N (giving it the
//     input from record N on, or the whole input with [Options.Resume],
//     which also remembers the phones of the records before N) continues
//     the full run's sequence exactly;
//   - no list of all variants is ever built: a template with 10^200 variants
//     costs the same as one with ten.
//
// With [Options.ByKey] the variant is a function of (seed, key) instead:
// the same client always gets the same wording wherever it is in the list,
// which suits a CRM robot that sends one message at a time
// ([Campaign.Message]), at the price of distinctness.
//
// # Input
//
// A source is an iter.Seq2[Recipient, error]. [ReadCSV] reads a CRM export
// (UTF-8 with or without BOM, or a legacy code page such as Windows-1251
// named in [CSVOptions].Encoding; ',' or ';' detected; a key column or the
// first column as key), [ReadJSONL] reads JSON Lines, and [Records] wraps maps
// already in memory. A record the reader can still delimit but not use is
// an error row with its line (a stray or bare quote within one line
// included); a fault that makes the rest of the input unreadable (a header
// that is not UTF-8, a quote that does not close on its line) is the
// source's error, which ends the run with the rows emitted so far.
//
// # Report
//
// Run returns a [Report]: recipients in, messages and chunks out, errors by
// kind, variants used against the template's Count(), the range of message
// lengths in runes, the uniqueness analysis (package uniqueness: score,
// similar pairs, the worst of them by key, clusters of near-duplicates) and,
// when [Options.Risk] is set, the risk assessment of package risk for the
// sending account: the batch fills the plan (its messages, whether the
// template is personalized and varied, whether every message asks a
// question, its links) and the account file ([RiskInput], read with
// risk.ReadInput) gives the rest. It marshals to JSON and prints for people
// with [Report.WriteText]. The CLI refuses to write messages when the level
// is risk.Maximal unless told to.
//
// # Send plan
//
// With [Options].Plan, Run gives every message a send time (Row.SendAt,
// "send_at" in JSON) from a plan.Planner, in input order in its writer
// goroutine, so that each day keeps within the account's sending limits
// (package plan): a batch that would be maximal risk sent at once becomes a
// schedule of days that are each at most Minimal. Recipients on
// [Options].Known or marked by [Options].KnownField are already in a
// dialog with the business: not new recipients, so they count against the
// message cap only. Error rows get no time and take no place in the plan.
// The report's Plan lists the days with each day's assessment, and its Next
// state continues the plan in a run resumed with Options.Start (set it as
// the plan's Resume). The planner costs well under a microsecond a message.
//
// # Performance
//
// The pipeline costs about ten allocations a message of its own (the
// variant index, the text, the chunks); the rest is rendering, link
// checking and splitting. The uniqueness analysis is the expensive part of
// a large batch: messages from one template are near-duplicates of one
// another by construction, and the analysis has to verify them; see
// package uniqueness for its costs. BENCHMARKS.md has the figures.
package campaign

// Package randomizer parses and expands spintax: the part of a spinwise
// template that makes one message read differently for every recipient.
//
//	s, err := randomizer.Parse("{Здравствуйте|Добрый день}, {{Имя}}!")
//	s.Count()              // 2
//	s.Spin(r)              // "Добрый день, {{Имя}}!"
//	for i, text := range s.Sample(seed) { ... } // every variant once, shuffled
//
// # Syntax
//
//   - {a|b|c} is a choice group: a variant has one of its options. Groups
//     nest ({Привет|{Добрый|Хороший} день}); {|a} has an empty option and {}
//     is one empty option.
//   - [a|b|c] is a permutation group: a variant has all its options, in some
//     order, joined by one space. [+SEP+a|b|c] joins them with SEP instead;
//     SEP is literal text up to the next unescaped '+', in which an
//     unescaped { } [ ] | makes "[+" plain text (so [+, +кофе|чай] joins
//     with ", ", [+\++a|b] with "+", and [+7 999 123] is text). A '['
//     whose top level has no '|' is plain text: [акция] is printed as is,
//     and so is a ']' that closes no '['.
//   - \{ \} \[ \] \| \+ and \\ are the literal characters. Any other
//     backslash is itself. A '|' outside any group is plain text.
//   - {{ ... }} (up to the first "}}") and {= ... } (up to the first '}')
//     are placeholders: the randomizer keeps them verbatim and never reads
//     their insides, even a '|' ({{ .Name | upper }}). Package template
//     fills them in. Because "{{" always opens a placeholder, a group cannot
//     start with a placeholder or with a nested group: "{{{" is an error,
//     and {{a|b} c|d} is a placeholder; write {d|{a|b} c} or { {a|b} c|d}.
//   - Everything else is literal text, in UTF-8.
//
// # TextRandomizer's syntax
//
// ParseSyntax(src, TextRandomizer) reads the dialect of the PHP
// TextRandomizer (github.com/RotEval/TextRandomizer), the classic Russian
// text randomizer, and renders exactly the texts it renders, with the same
// count of variants (checked against its recorded output in testdata):
//
//   - {a|b} and {|a} as above; groups may start with a group:
//     {{Бытует|Существует} мнение|Многие думают}.
//   - Every '[' is a permutation, even without a '|' ([акция] prints
//     акция); [+SEP+a|b] joins with SEP spaced on both sides: [+,+чай|кофе]
//     gives "чай, кофе", [+и+чай|кофе] "чай и кофе".
//   - A '|' outside any group separates paragraphs, which are permuted and
//     joined by a space.
//   - \{ \} \[ \] \| \+ \\ are the characters; another backslash is itself.
//   - Every variant is folded as TextRandomizer folds it: a space goes
//     before and after every group, then white space (newlines and Unicode
//     spaces such as U+00A0 included: PCRE's \s under PHP's u flag) is
//     trimmed at the ends and every run of it becomes one space, and a space
//     before , . ! or ? is dropped. So при{вет|вед} gives "при вет", and a
//     template is always one line.
//   - {{...}} (up to the first "}}") and {=...} (up to the first '}') are
//     placeholders when they hold no '|' and no '{', and count as words when
//     folding; otherwise the braces are groups, as TextRandomizer reads them.
//
// Where TextRandomizer silently prints a broken template, ParseSyntax
// reports it: an unclosed '{' or '[', a '}' that closes nothing or would
// close a '[', a "[+" with no closing '+' before a bracket, a '|' or the
// end (TextRandomizer would read the rest of the text as a separator), and
// a NUL character. LengthRange is a true range of the folded lengths: its
// minimum counts no white space, its maximum all of it.
//
// Parse rejects, with a *SyntaxError that gives the byte offset, line and
// column (in runes) and says what to do: invalid UTF-8; an unclosed '{',
// '[', "{{" or "{="; a '}' that closes nothing or that would close a '[';
// "{{{"; groups nested more than MaxDepth (1,000) deep; more than
// MaxGroups (200,000) groups or MaxOptions (1,000,000) options. For an unclosed
// bracket the position is that of the opening bracket.
//
// # Variants and their order
//
// A variant is one path of choices through the groups: an option for each
// choice group, and an order of the options (and then their own choices)
// for each permutation. Count is the exact number of variants as a
// *big.Int; it never overflows (10,000 groups of 10 options give 10^10,000)
// and is computed once, by Parse. Different paths may give the same text
// ({a|a}, or [|] whose two orders both give " ").
//
// All enumerates the variants in lexicographic order of the choices, the
// leftmost group most significant, as bash orders a brace expansion;
// Variant(i) is the i-th of them. A permutation's orders come in
// lexicographic order of the tuples of option indices: [a|b|c] gives "a b c",
// "a c b", "b a c", "b c a", "c a b", "c b a".
//
// # Randomness
//
// Spin picks each group's option uniformly with the given *rand.Rand
// (math/rand/v2: exactly uniform, two choices per r.Uint64 call) and
// shuffles permutations with Fisher-Yates: uniform per group, not per
// variant, and two recipients may get the same text. Sample
// is what gives N recipients N different variants when Count() >= N: it
// yields every variant exactly once in a seeded pseudo-random order, using
// O(1) memory (a keyed Feistel permutation of the indices [0, Count()), not
// a shuffled list), and SampleAt resumes that order at any position. Nothing
// here touches a global random source.
//
// # Rendering through an Emitter
//
// SpinTo and VariantTo emit a variant piece by piece to an Emitter: literal
// text with escapes resolved (permutation separators included) and
// placeholders by their index into Placeholders(). Package template renders
// through them; Variant is the same walk writing to a string. Spin and
// AppendSpin run the template compiled by Parse into a flat program of
// 8-byte words that they execute in order, jumping over the options not
// taken; they make the same choices as SpinTo from the same generator
// state. AppendSpin renders into the caller's buffer, so a sender that
// writes message after message through one buffer spins without
// allocating.
// Groups returns the source spans of every group and option, so that a
// caller can check what an option's text contains; LengthRange gives the
// shortest and longest variant in runes without enumerating anything.
//
// # Limits and cost
//
// Parse takes time linear in the template's length (a 24 KB template parses
// in under a millisecond) and never recurses on the input: 100,000
// nested '{' give a *SyntaxError at once. Spin, AppendSpin and SpinTo take
// time linear in the length of the variant and allocate nothing but Spin's
// result (and AppendSpin's, when its buffer must grow).
// Counting is exact but capped: a template with more than 2^1,048,576
// variants, or whose cached counts would take more than 4 MiB, is rejected
// by Parse with a *SyntaxError rather than left to compute for minutes.
// Variant and Sample on templates with more than 2^64 variants do
// big-integer arithmetic and allocate.
package randomizer

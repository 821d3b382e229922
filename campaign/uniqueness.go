package campaign

import (
	"cmp"
	"context"
	"fmt"
	"hash/maphash"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/spinwise/spinwise/randomizer"
	"github.com/spinwise/spinwise/uniqueness"
)

// InvariantRun is a run of template text that every variant shares: it
// reaches every recipient word for word, so it is where options help most.
type InvariantRun struct {
	// Text is the run as written in the template (escapes included),
	// trimmed of white space at both ends.
	Text string `json:"text"`
	// Offset is in bytes (0-based) into the template source; Line and
	// Column are 1-based, Column counted in runes.
	Offset int `json:"offset"`
	Line   int `json:"line"`
	Column int `json:"column"`
	// Length is the run's length in runes.
	Length int `json:"length_runes"`
}

// Invariant returns the longest runs of the template's text that every
// variant shares, longest first (ties: earliest first), at most n of them
// (all when n is negative), each at least minRunes runes long: the
// literal text outside every spintax group, every placeholder, and every
// {{ if }}, {{ with }} or {{ range }} block. It reads the spintax structure,
// not messages, so it costs nothing per recipient.
func (c *Campaign) Invariant(n, minRunes int) []InvariantRun {
	return invariantRuns(c.tmpl.Source(), c.tmpl.Spintax(), n, minRunes)
}

func invariantRuns(src string, sp *randomizer.Spintax, most, minRunes int) []InvariantRun {
	var cut []span
	end := -1
	for _, g := range sp.Groups() { // pre-order: nested groups follow theirs
		if g.Offset >= end {
			cut = append(cut, span{g.Offset, g.End})
			end = g.End
		}
	}
	// Placeholders at the top level, and the text inside conditional and
	// repeated blocks, vary too.
	depth, blockStart := 0, 0
	for _, p := range sp.Placeholders() {
		if inside(cut, p.Offset) {
			continue
		}
		lo, hi := p.Offset, p.Offset+len(p.Text)
		switch action(p.Text) {
		case "if", "with", "range":
			if depth == 0 {
				blockStart = lo
			}
			depth++
			continue
		case "end":
			if depth > 0 {
				depth--
				if depth == 0 {
					cut = append(cut, span{blockStart, hi})
				}
				continue
			}
		}
		if depth == 0 {
			cut = append(cut, span{lo, hi})
		}
	}
	if depth > 0 {
		cut = append(cut, span{blockStart, len(src)})
	}
	slices.SortFunc(cut, func(x, y span) int { return cmp.Compare(x.lo, y.lo) })
	var runs []InvariantRun
	at := 0
	emit := func(lo, hi int) {
		for lo < hi {
			r, n := utf8.DecodeRuneInString(src[lo:])
			if !unicode.IsSpace(r) {
				break
			}
			lo += n
		}
		for hi > lo {
			r, n := utf8.DecodeLastRuneInString(src[:hi])
			if !unicode.IsSpace(r) {
				break
			}
			hi -= n
		}
		text := src[lo:hi]
		n := utf8.RuneCountInString(text)
		if n < minRunes || n == 0 {
			return
		}
		line := 1 + strings.Count(src[:lo], "\n")
		col := 1 + utf8.RuneCountInString(src[strings.LastIndexByte(src[:lo], '\n')+1:lo])
		runs = append(runs, InvariantRun{Text: text, Offset: lo, Line: line, Column: col, Length: n})
	}
	for _, c := range cut {
		if c.lo > at {
			emit(at, c.lo)
		}
		at = max(at, c.hi)
	}
	emit(at, len(src))
	slices.SortStableFunc(runs, func(x, y InvariantRun) int { return cmp.Compare(y.Length, x.Length) })
	if most >= 0 && len(runs) > most {
		runs = runs[:most]
	}
	return runs
}

// span is a range of source bytes.
type span struct{ lo, hi int }

func inside(cut []span, off int) bool {
	for _, c := range cut {
		if off >= c.lo && off < c.hi {
			return true
		}
	}
	return false
}

// action returns the first word of a {{ ... }} action ("if", "end", ...),
// or "" for anything else.
func action(ph string) string {
	if !strings.HasPrefix(ph, "{{") {
		return ""
	}
	s := strings.TrimPrefix(ph, "{{")
	s = strings.TrimSuffix(s, "}}")
	s = strings.TrimPrefix(s, "-")
	s = strings.TrimSpace(s)
	w, _, _ := strings.Cut(s, " ")
	return w
}

var labelSeed = maphash.MakeSeed()

// variantLabel hashes a row's variant, so the analysis compares messages
// of one variant with each other first.
func variantLabel(v string) uint64 { return maphash.String(labelSeed, v) }

// uniqueness runs the analysis over the kept messages and summarizes it.
func (a *accumulator) uniqueness(ctx context.Context) (*Uniqueness, error) {
	c := a.c
	an, err := uniqueness.AnalyzeContext(ctx, a.texts, &uniqueness.Options{
		Threshold: c.opts.Threshold, Workers: c.opts.Workers, Seed: c.opts.Seed,
		Labels: a.labels, Progress: c.opts.AnalysisProgress,
	})
	if err != nil {
		return nil, err
	}
	u := &Uniqueness{
		Threshold:             c.opts.Threshold,
		Score:                 an.Score,
		ScorePercent:          math.Round(1000*an.Score) / 10,
		Distinct:              an.Distinct,
		MaxSameText:           an.MaxSameText,
		EffectiveWordings:     an.Wordings,
		LargestGroup:          an.LargestGroup,
		Nearest:               Nearest{P50: an.NearestQuantiles.P50, P90: an.NearestQuantiles.P90, Max: an.NearestQuantiles.Max, Exact: an.Exact},
		SimilarPairs:          an.TotalPairs,
		SimilarPairsEstimated: an.PairsEstimated,
		Exact:                 an.Exact,
		Clusters:              len(an.Clusters),
		Invariant:             c.Invariant(5, 10),
		Analysis:              an,
	}
	for _, g := range an.Groups {
		u.Groups = append(u.Groups, GroupInfo{LeaderKey: a.keys[g.Leader], Recipients: g.Messages, Texts: g.Texts})
	}
	if len(an.Clusters) > 0 {
		big := an.Clusters[0] // biggest first
		u.LargestClusterSize = len(big)
		for _, i := range big[:min(len(big), 10)] {
			u.LargestCluster = append(u.LargestCluster, a.keys[i])
		}
	}
	for _, p := range an.WorstPairs {
		u.WorstPairs = append(u.WorstPairs, SimilarPair{A: a.keys[p.I], B: a.keys[p.J], Similarity: p.Similarity})
	}
	u.Verdict, u.Advice = verdict(u, a.rep.Variants.Used, an.N)
	return u, nil
}

// verdict says in a line how varied the batch reads, and what to do.
func verdict(u *Uniqueness, variants, n int) (string, string) {
	if n == 0 {
		return "no messages to compare", ""
	}
	share := func(x int) float64 { return 100 * float64(x) / float64(n) }
	var v string
	switch {
	case n == 1:
		return "one message: nothing to compare it with", ""
	case u.MaxSameText > 1 && share(u.MaxSameText) >= 5:
		v = fmt.Sprintf("monotonous: %d recipients (%.0f%%) get one identical text", u.MaxSameText, share(u.MaxSameText))
	case share(u.LargestGroup) > 20:
		v = fmt.Sprintf("monotonous: one wording reaches %d recipients (%.0f%%); a messenger may read it as one message sent to many", u.LargestGroup, share(u.LargestGroup))
	case share(u.LargestGroup) > 5:
		v = fmt.Sprintf("moderately varied: %d wordings, the largest reaches %d recipients (%.0f%%)", u.EffectiveWordings, u.LargestGroup, share(u.LargestGroup))
	default:
		v = fmt.Sprintf("varied: %d wordings, none reaches more than %.0f%% of recipients", u.EffectiveWordings, math.Max(1, math.Ceil(share(u.LargestGroup))))
	}
	if strings.HasPrefix(v, "varied") {
		return v, ""
	}
	var adv strings.Builder
	if variants > u.EffectiveWordings {
		fmt.Fprintf(&adv, "the %d variants used read as only %d different wordings; ", variants, u.EffectiveWordings)
	}
	if len(u.Invariant) > 0 {
		iv := u.Invariant[0]
		fmt.Fprintf(&adv, "add options ({a|b|c}) to the text every message repeats, longest first: line %d, column %d, %d runes: «%s»",
			iv.Line, iv.Column, iv.Length, excerpt(iv.Text, 40))
	} else {
		adv.WriteString("add options ({a|b|c}) with different wording, not just different words, so that messages differ by more than a tenth of their text")
	}
	return v, adv.String()
}

// excerpt shortens s to at most n runes, marking the cut with "…".
func excerpt(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// writeText prints the uniqueness part of the report.
func (u *Uniqueness) writeText(b *strings.Builder) {
	n := 0
	if u.Analysis != nil {
		n = u.Analysis.N
	}
	if n == 0 {
		b.WriteString("uniqueness: no messages to compare\n")
		return
	}
	fmt.Fprintf(b, "uniqueness: %.1f%% of messages have no near-duplicate (similarity %.2f or more); %s\n", u.ScorePercent, u.Threshold, u.Verdict)
	same := "no two recipients get the same text"
	if u.MaxSameText > 1 {
		same = fmt.Sprintf("up to %d recipients get the same text", u.MaxSameText)
	}
	fmt.Fprintf(b, "  %s, %s; %s, the largest reaches %s\n",
		plural(u.Distinct, "distinct text", "distinct texts"), same, plural(u.EffectiveWordings, "wording", "wordings"),
		plural(u.LargestGroup, "recipient", "recipients"))
	approx := ""
	if !u.Nearest.Exact {
		approx = ", lower bounds"
	}
	fmt.Fprintf(b, "  nearest neighbour similarity: median %s, 90%% %s, max %s%s\n",
		nearestText(u.Nearest.P50, u.Analysis.Floor), nearestText(u.Nearest.P90, u.Analysis.Floor), nearestText(u.Nearest.Max, u.Analysis.Floor), approx)
	est := ""
	if u.SimilarPairsEstimated {
		est = " (estimated)"
	}
	fmt.Fprintf(b, "  %s%s; most similar:", plural64(u.SimilarPairs, "similar pair", "similar pairs"), est)
	if len(u.WorstPairs) == 0 {
		b.WriteString(" none")
	}
	for i, p := range u.WorstPairs[:min(len(u.WorstPairs), 3)] {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(b, " %s ~ %s %.3f", p.A, p.B, p.Similarity)
	}
	b.WriteString("\n")
	for _, iv := range u.Invariant[:min(len(u.Invariant), 3)] {
		fmt.Fprintf(b, "  every message repeats %d:%d (%d runes): «%s»\n", iv.Line, iv.Column, iv.Length, excerpt(iv.Text, 60))
	}
	if u.Advice != "" {
		fmt.Fprintf(b, "  advice: %s\n", u.Advice)
	}
}

func nearestText(s, floor float64) string {
	if s == 0 {
		return fmt.Sprintf("< %.2f", floor)
	}
	return fmt.Sprintf("%.3f", s)
}

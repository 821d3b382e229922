package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/spinwise/spinwise/uniqueness"
)

const similarityDesc = `Reports how alike a list of messages is (package uniqueness): the number of distinct texts,
the score (the share of messages with no near-duplicate at -threshold), and the most similar
pairs. FILE ("-": stdin) holds one message a line, or JSON Lines with a "text" member (generate's
output: error rows without text are skipped). The report goes to stdout; -json prints it as JSON.

Exit codes: 0 the report was made; 2 bad usage or unreadable input.`

// maxMessagesBytes caps similarity's input, read whole (the analysis holds
// every text anyway).
const maxMessagesBytes = 1 << 30

type similarityJSON struct {
	Messages     int               `json:"messages"`
	Distinct     int               `json:"distinct"`
	MaxSameText  int               `json:"max_same_text"`
	Threshold    float64           `json:"threshold"`
	Score        *float64          `json:"score"` // null for no messages
	Similar      int64             `json:"similar_pairs"`
	Estimated    bool              `json:"similar_pairs_estimated,omitempty"`
	Wordings     int               `json:"effective_wordings"`
	LargestGroup int               `json:"largest_group"`
	Nearest      nearestJSON       `json:"nearest"`
	Clusters     [][]string        `json:"clusters"`
	Pairs        []similarPairJSON `json:"pairs"`
}

type nearestJSON struct {
	P50   float64 `json:"p50"`
	P90   float64 `json:"p90"`
	Max   float64 `json:"max"`
	Exact bool    `json:"exact"`
}

type similarPairJSON struct {
	A          string  `json:"a"`
	B          string  `json:"b"`
	Similarity float64 `json:"similarity"`
}

func (c *cli) similarity(args []string) int {
	const cmd = "similarity"
	f := newFlags(cmd, "FILE [flags]", similarityDesc)
	threshold := f.Float64("threshold", 0.9, "similarity at or above which two messages are near-duplicates")
	asJSON := f.Bool("json", false, "print the report as JSON")
	top := f.Int("top", 5, "how many of the most similar pairs to show (-1: all)")
	pos, code, ok := f.parse(c, args, 1, 1)
	if !ok {
		return code
	}
	if err := checkThreshold(*threshold); err != nil {
		return c.errorf(exitUsage, cmd, "%v", err)
	}
	b, err := c.readInput(pos[0], "a list of messages", maxMessagesBytes)
	if err != nil {
		return c.errorf(exitUsage, cmd, "%v", err)
	}
	texts, labels, err := readMessages(b)
	if err != nil {
		return c.errorf(exitUsage, cmd, "%s:%v", displayName(pos[0]), err)
	}
	uo := &uniqueness.Options{Threshold: *threshold, WorstPairs: *top}
	if *top == 0 {
		uo.WorstPairs = -1
	}
	if *top < 0 {
		uo.WorstPairs = max(1, len(texts)) // grown below from Pairs
	}
	rep := uniqueness.Analyze(texts, uo)
	pairs := rep.WorstPairs
	if *top < 0 {
		pairs = uniqueness.MostSimilar(rep.Pairs, -1)
	}
	if *asJSON {
		out := similarityJSON{Messages: rep.N, Distinct: rep.Distinct, Threshold: *threshold, Similar: rep.TotalPairs,
			Estimated: rep.PairsEstimated, MaxSameText: rep.MaxSameText, Wordings: rep.Wordings, LargestGroup: rep.LargestGroup,
			Nearest:  nearestJSON{rep.NearestQuantiles.P50, rep.NearestQuantiles.P90, rep.NearestQuantiles.Max, rep.Exact},
			Clusters: [][]string{}, Pairs: []similarPairJSON{}}
		if rep.N > 0 {
			out.Score = &rep.Score
		}
		for _, cl := range rep.Clusters {
			names := make([]string, len(cl))
			for i, m := range cl {
				names[i] = labels[m]
			}
			out.Clusters = append(out.Clusters, names)
		}
		for _, p := range pairs {
			out.Pairs = append(out.Pairs, similarPairJSON{labels[p.I], labels[p.J], p.Similarity})
		}
		enc := json.NewEncoder(c.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		enc.Encode(out)
		return exitOK
	}
	w := c.stdout
	fmt.Fprintf(w, "messages: %d, distinct: %d, at most %d share one text\n", rep.N, rep.Distinct, rep.MaxSameText)
	if rep.N == 0 {
		fmt.Fprintln(w, "score: none (no messages to compare)")
		return exitOK
	}
	fmt.Fprintf(w, "score: %.1f%% of messages have no near-duplicate at threshold %.2f\n", 100*rep.Score, *threshold)
	fmt.Fprintf(w, "wordings: %d groups within the threshold of their leader, the largest of %d messages\n", rep.Wordings, rep.LargestGroup)
	est := ""
	if rep.PairsEstimated {
		est = " (estimated)"
	}
	fmt.Fprintf(w, "similar pairs: %d%s\n", rep.TotalPairs, est)
	if rep.N > 1 {
		q := rep.NearestQuantiles
		fmt.Fprintf(w, "nearest neighbour similarity: median %.3f, 90%% %.3f, max %.3f (0: below %.2f)\n", q.P50, q.P90, q.Max, rep.Floor)
	}
	if len(rep.Clusters) > 0 {
		fmt.Fprintf(w, "clusters of near-duplicates: %d, the largest of %d messages\n", len(rep.Clusters), len(rep.Clusters[0])) // a cluster has two messages or more
	}
	for _, p := range pairs {
		fmt.Fprintf(w, "  %.3f  %s ~ %s\n    %s\n    %s\n", p.Similarity, printable(labels[p.I]), printable(labels[p.J]), printable(clip(texts[p.I], 100)), printable(clip(texts[p.J], 100)))
	}
	return exitOK
}

// readMessages reads one message a line, or JSON Lines with "text" (and
// "key" for the label) when the first non-blank line is a JSON object (a
// message that starts with a spintax group, "{Привет|Добрый день} ...", is
// a message). Labels are "line N" or the key.
func readMessages(b []byte) (texts, labels []string, err error) {
	b, err = decodeBOM(b)
	if err != nil {
		return nil, nil, err
	}
	b = crLines(b)
	first := bytes.TrimSpace(b)
	if i := bytes.IndexByte(first, '\n'); i >= 0 {
		first = bytes.TrimSpace(first[:i])
	}
	jsonl := len(first) > 0 && first[0] == '{' && json.Valid(first)
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(nil, len(b)+1)
	for line := 1; sc.Scan(); line++ {
		raw := sc.Bytes()
		if !utf8.Valid(raw) {
			return nil, nil, fmt.Errorf("%d: not valid UTF-8; save the file as UTF-8", line)
		}
		s := string(bytes.TrimRight(raw, "\r"))
		if len(bytes.TrimSpace(raw)) == 0 {
			continue
		}
		label := "line " + strconv.Itoa(line)
		if jsonl {
			var row struct {
				Key  string  `json:"key"`
				Text *string `json:"text"`
			}
			if err := json.Unmarshal([]byte(s), &row); err != nil {
				return nil, nil, fmt.Errorf("%d: %v", line, err)
			}
			if row.Text == nil {
				continue // an error row of generate
			}
			s = *row.Text
			if row.Key != "" {
				label = row.Key
			}
		}
		texts = append(texts, s)
		labels = append(labels, label)
	}
	return texts, labels, sc.Err()
}

// clip shortens s to at most n runes, with "…".
func clip(s string, n int) string {
	s = strings.ReplaceAll(s, "\n", " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

package campaign

import (
	"context"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/spinwise/spinwise/randomizer"
)

func TestInvariantRuns(t *testing.T) {
	cases := []struct {
		name, src string
		min       int
		want      []InvariantRun
		why       string
	}{
		{
			name: "text between groups and placeholders",
			src:  "{Привет|Здравствуйте}, {{Имя}}! Ваш заказ готов к выдаче. {Ждём|Приходите}!",
			min:  5,
			want: []InvariantRun{{Text: "! Ваш заказ готов к выдаче.", Offset: 51, Line: 1, Column: 31, Length: 27}},
			why:  "the run between a placeholder and a group is what every message repeats; short runs (\", \") are left out",
		},
		{
			name: "longest first, lines and rune columns",
			src:  "Добрый день!\n{a|b} Скидка действует до конца месяца. {x|y}\nЖдём.",
			min:  3,
			want: []InvariantRun{
				{Text: "Скидка действует до конца месяца.", Offset: 29, Line: 2, Column: 7, Length: 33},
				{Text: "Добрый день!", Offset: 0, Line: 1, Column: 1, Length: 12},
				{Text: "Ждём.", Offset: 97, Line: 3, Column: 1, Length: 5},
			},
			why: "columns count runes, not bytes; white space around a run is trimmed",
		},
		{
			name: "conditions vary",
			src:  "{{if .Имя}}Здравствуйте, {{.Имя}}, рады вас видеть!{{else}}Здравствуйте!{{end}} Ваша запись подтверждена.",
			min:  5,
			want: []InvariantRun{{Text: "Ваша запись подтверждена.", Offset: 123, Line: 1, Column: 81, Length: 25}},
			why:  "text inside {{if}} ... {{end}} is not in every message",
		},
		{
			name: "nested groups are one cut",
			src:  "{a {b|c}|d} общий текст сообщения [x|y]",
			min:  5,
			want: []InvariantRun{{Text: "общий текст сообщения", Offset: 12, Line: 1, Column: 13, Length: 21}},
			why:  "a group inside a group must not split the outer one's span",
		},
		{
			name: "no invariant text",
			src:  "{Привет|Здравствуйте}{{Имя}}{!|.}",
			min:  1,
			want: nil,
			why:  "every rune is in a group or a placeholder",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			sp, err := randomizer.Parse(tc.src)
			if err != nil {
				t.Fatal(err)
			}
			got := invariantRuns(tc.src, sp, -1, tc.min)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("%s (-want +got):\n%s", tc.why, diff)
			}
			for _, r := range got {
				if tc.src[r.Offset:r.Offset+len(r.Text)] != r.Text {
					t.Errorf("run %+v does not stand at its offset", r)
				}
			}
		})
	}
}

func TestVerdict(t *testing.T) {
	iv := []InvariantRun{{Text: "Ваш заказ готов к выдаче.", Line: 2, Column: 5, Length: 25}}
	cases := []struct {
		name        string
		u           Uniqueness
		variants, n int
		verdict     string
		advice      string
		why         string
	}{
		{"empty", Uniqueness{}, 0, 0, "no messages to compare", "", "nothing to judge"},
		{"one", Uniqueness{EffectiveWordings: 1, LargestGroup: 1}, 1, 1, "one message: nothing to compare it with", "", "a robot's single message is not monotonous"},
		{"copies", Uniqueness{MaxSameText: 40, EffectiveWordings: 3, LargestGroup: 60, Invariant: iv}, 4, 100,
			"monotonous: 40 recipients (40%) get one identical text",
			"the 4 variants used read as only 3 different wordings; add options ({a|b|c}) to the text every message repeats, longest first: line 2, column 5, 25 runes: «Ваш заказ готов к выдаче.»",
			"one identical text to many people is the first thing to fix"},
		{"big group", Uniqueness{MaxSameText: 1, EffectiveWordings: 37, LargestGroup: 4100}, 2304, 10000,
			"monotonous: one wording reaches 4100 recipients (41%); a messenger may read it as one message sent to many",
			"the 2304 variants used read as only 37 different wordings; add options ({a|b|c}) with different wording, not just different words, so that messages differ by more than a tenth of their text",
			"without invariant text the advice is about the options themselves"},
		{"moderate", Uniqueness{MaxSameText: 1, EffectiveWordings: 12, LargestGroup: 100}, 12, 1000,
			"moderately varied: 12 wordings, the largest reaches 100 recipients (10%)",
			"add options ({a|b|c}) with different wording, not just different words, so that messages differ by more than a tenth of their text",
			"variants equal to wordings: no 'read as only' clause"},
		{"varied", Uniqueness{MaxSameText: 1, EffectiveWordings: 500, LargestGroup: 3}, 2304, 1000,
			"varied: 500 wordings, none reaches more than 1% of recipients", "", "nothing to advise"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			v, a := verdict(&tc.u, tc.variants, tc.n)
			if v != tc.verdict || a != tc.advice {
				t.Errorf("%s:\nverdict %q\n   want %q\nadvice %q\n  want %q", tc.why, v, tc.verdict, a, tc.advice)
			}
		})
	}
}

// TestUniquenessJSON: the keys a -report reader relies on.
func TestUniquenessJSON(t *testing.T) {
	c, err := New("{Здравствуйте|Добрый день}, {{Имя}}! Ваш заказ готов к выдаче.", nil)
	if err != nil {
		t.Fatal(err)
	}
	a := newAccumulator(c)
	for i, name := range []string{"Анна", "Борис", "Анна"} {
		r := c.Message(Recipient{Key: string(rune('a' + i)), Data: map[string]any{"Имя": name}}, i)
		a.add(&r)
	}
	rep, err := a.finish(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(rep.Uniqueness)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"distinct", "max_same_text", "effective_wordings", "largest_group", "nearest", "worst_pairs", "invariant", "score_percent", "verdict", "advice", "similar_pairs"} {
		if _, ok := m[k]; !ok {
			t.Errorf("key %q missing from %s", k, b)
		}
	}
	nearest, _ := m["nearest"].(map[string]any)
	for _, k := range []string{"p50", "p90", "max"} {
		if _, ok := nearest[k]; !ok {
			t.Errorf("nearest.%s missing from %s", k, b)
		}
	}
	if !strings.Contains(string(b), `"text":"! Ваш заказ готов к выдаче."`) {
		t.Errorf("invariant run missing: %s", b)
	}
}

// TestRunCancelDuringAnalysis: every row reaches the sink and is flushed
// before the analysis; a cancel then ends the run with the context's error
// and a report without the analysis, at once.
func TestRunCancelDuringAnalysis(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	var rows, flushedAt int
	c, err := New("{Здравствуйте|Добрый день}, {{Имя}}! {Ждём вас|Приходите} в субботу.", &Options{
		BeforeReport: func() error {
			flushedAt = rows
			cancel() // as Ctrl-C while the analysis runs
			return nil
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	recs := func(yield func(Recipient, error) bool) {
		for i := range 3000 {
			if !yield(Recipient{Key: strconv.Itoa(i), Data: map[string]any{"Имя": "Анна"}}, nil) {
				return
			}
		}
	}
	rep, err := c.Run(ctx, recs, func(Row) error { rows++; return nil })
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v, want context.Canceled", err)
	}
	if rows != 3000 || flushedAt != 3000 || rep.Recipients != 3000 {
		t.Errorf("rows %d, before the report %d, report %d: want all 3000 before the analysis", rows, flushedAt, rep.Recipients)
	}
	if rep.Uniqueness != nil {
		t.Error("a cancelled analysis left a uniqueness report")
	}
}

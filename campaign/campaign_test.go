package campaign_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"math"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/spinwise/spinwise/campaign"
	"github.com/spinwise/spinwise/chunk"
	"github.com/spinwise/spinwise/internal/corpus"
	"github.com/spinwise/spinwise/linkcheck"
	"github.com/spinwise/spinwise/risk"
	"github.com/spinwise/spinwise/template"
	"github.com/spinwise/spinwise/uniqueness"
)

// people returns n recipients c0000, c0001, ... with a name.
func people(n int) []campaign.Recipient {
	names := []string{"Анна", "Борис", "Вера", "Глеб", "Дарья"}
	out := make([]campaign.Recipient, n)
	for i := range out {
		key := fmt.Sprintf("c%04d", i)
		out[i] = campaign.Recipient{Key: key, Data: map[string]any{"key": key, "Имя": names[i%len(names)]}}
	}
	return out
}

func slice(recs []campaign.Recipient) iter.Seq2[campaign.Recipient, error] {
	return func(yield func(campaign.Recipient, error) bool) {
		for _, r := range recs {
			if !yield(r, nil) {
				return
			}
		}
	}
}

func newCampaign(t testing.TB, src string, opts *campaign.Options) *campaign.Campaign {
	t.Helper()
	c, err := campaign.New(src, opts)
	if err != nil {
		t.Fatalf("New(%q): %v", src, err)
	}
	return c
}

func runAll(t testing.TB, c *campaign.Campaign, recs []campaign.Recipient) ([]campaign.Row, *campaign.Report) {
	t.Helper()
	var rows []campaign.Row
	rep, err := c.Run(context.Background(), slice(recs), func(r campaign.Row) error {
		rows = append(rows, r)
		return nil
	})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	if len(rows) != len(recs) || rep.Recipients != len(recs) {
		t.Fatalf("%d recipients in, %d rows out, report says %d", len(recs), len(rows), rep.Recipients)
	}
	return rows, rep
}

// 4*4*2*4*4*2 = 1024 variants.
const greeting = "{Здравствуйте|Добрый день|Привет|Доброе утро}, {{Имя}}! {Как дела|Как вы|Всё ли хорошо|Как жизнь}? " +
	"{Мы|Наша команда} {рады|счастливы|готовы|спешим} {помочь|ответить|подсказать|рассказать}{.|!}"

func TestRunDistinctVariants(t *testing.T) {
	c := newCampaign(t, greeting, &campaign.Options{Seed: 7, NoAnalysis: true, Workers: 3})
	if got := c.Count().Int64(); got != 1024 {
		t.Fatalf("Count = %d, want 1024", got)
	}
	rows, rep := runAll(t, c, people(1024))
	seen := map[string]string{}
	for _, r := range rows {
		if !r.OK() {
			t.Fatalf("row %s: %v", r.Key, r.Err)
		}
		if prev, dup := seen[r.Variant]; dup {
			t.Fatalf("%s and %s both got variant %s", prev, r.Key, r.Variant)
		}
		seen[r.Variant] = r.Key
	}
	if rep.Variants.Used != 1024 || rep.Variants.Count != "1024" || len(rep.Warnings) != 0 {
		t.Errorf("report variants %+v, warnings %q; want 1024 of 1024 and no warning", rep.Variants, rep.Warnings)
	}
}

func TestRunWrapsAfterCount(t *testing.T) {
	c := newCampaign(t, "{a|b|c|d} {{Имя}}", &campaign.Options{Seed: 3, NoAnalysis: true})
	rows, rep := runAll(t, c, people(10))
	first := map[string]bool{}
	for i, r := range rows {
		if i < 4 {
			if first[r.Variant] {
				t.Errorf("variant %s repeats within the first Count() recipients", r.Variant)
			}
			first[r.Variant] = true
		} else if r.Variant != rows[i-4].Variant {
			t.Errorf("position %d got variant %s, position %d got %s: after Count() the sequence must restart", i, r.Variant, i-4, rows[i-4].Variant)
		}
	}
	if rep.Variants.Used != 4 {
		t.Errorf("Variants.Used = %d, want 4", rep.Variants.Used)
	}
	if len(rep.Warnings) != 1 || !strings.Contains(rep.Warnings[0], "the template has 4 variants, fewer than the 10 recipient positions") {
		t.Errorf("warnings %q: want the too-few-variants warning", rep.Warnings)
	}
}

func TestRunDeterministic(t *testing.T) {
	recs := people(300)
	a, _ := runAll(t, newCampaign(t, greeting, &campaign.Options{Seed: 42, NoAnalysis: true, Workers: 4}), recs)
	b, _ := runAll(t, newCampaign(t, greeting, &campaign.Options{Seed: 42, NoAnalysis: true, Workers: 1}), recs)
	if diff := cmp.Diff(a, b); diff != "" {
		t.Fatalf("same seed and input, different rows (-4 workers +1 worker):\n%s", diff)
	}
	other, _ := runAll(t, newCampaign(t, greeting, &campaign.Options{Seed: 43, NoAnalysis: true}), recs)
	same := 0
	for i := range a {
		if a[i].Variant == other[i].Variant {
			same++
		}
	}
	if same > 30 {
		t.Errorf("seeds 42 and 43 agree on %d of 300 variants: the seed does not drive the sample", same)
	}
}

func TestRunOrder(t *testing.T) {
	recs := people(5000)
	rows, _ := runAll(t, newCampaign(t, greeting, &campaign.Options{NoAnalysis: true, Workers: 8}), recs)
	for i, r := range rows {
		if r.Key != recs[i].Key || r.Index != i {
			t.Fatalf("row %d is %s (index %d), want %s: rows must come out in input order", i, r.Key, r.Index, recs[i].Key)
		}
		if want := recs[i].Data["Имя"].(string); !strings.Contains(r.Text, want) {
			t.Fatalf("row %d (%s) text %q lacks its own name %q", i, r.Key, r.Text, want)
		}
	}
}

func TestRunResume(t *testing.T) {
	recs := people(1100)
	full, _ := runAll(t, newCampaign(t, greeting, &campaign.Options{Seed: 9, NoAnalysis: true}), recs)
	for _, at := range []int{1, 255, 1024, 1050} { // 1024: exactly Count(), where the sequence wraps
		tail, rep := runAll(t, newCampaign(t, greeting, &campaign.Options{Seed: 9, Start: at, NoAnalysis: true}), recs[at:])
		if diff := cmp.Diff(full[at:], tail); diff != "" {
			t.Errorf("resumed at %d: rows differ from the full run (-full +resumed):\n%s", at, diff)
		}
		if rep.Variants.Start != at {
			t.Errorf("report Start = %d, want %d", rep.Variants.Start, at)
		}
	}
}

func TestRunErrorRows(t *testing.T) {
	src := "{Здравствуйте|Добрый день}, {{Имя}}! {{Текст}}"
	recs := []campaign.Recipient{
		{Key: "ok", Data: map[string]any{"Имя": "Анна", "Текст": "Ждём вас."}},
		{Key: "stop", Data: map[string]any{"Имя": "Борис", "Текст": "Ждём вас."}},
		{Key: "noname", Data: map[string]any{"Текст": "Ждём вас."}},
		{Key: "blank", Data: map[string]any{"Имя": "  ", "Текст": "Ждём вас."}},
		{Key: "short", Data: map[string]any{"Имя": "Вера", "Текст": "Смотрите https://bit.ly/abc"}},
		{Key: "blocked", Data: map[string]any{"Имя": "Глеб", "Текст": "Смотрите https://casino.example/x"}},
		{Key: "long", Data: map[string]any{"Имя": "Дарья", "Текст": "https://shop.example.ru/" + strings.Repeat("x", 400)}},
		{Key: "bad", Line: 9, Err: &campaign.InputError{Line: 9, Msg: "3 fields, but the header has 2"}},
		{Key: "ok2", Data: map[string]any{"Имя": "Ева", "Текст": "Ссылка https://shop.example.ru/"}},
	}
	c := newCampaign(t, src, &campaign.Options{
		Suppress:   []string{"stop", "nobody"},
		Links:      &linkcheck.Options{Block: []string{"casino.example"}},
		NoAnalysis: true,
	})
	rows, rep := runAll(t, c, recs)
	type kindField struct {
		Key   string
		Kind  campaign.Kind
		Field string
		Link  string
		Line  int
	}
	var got []kindField
	for _, r := range rows {
		kf := kindField{Key: r.Key}
		if r.Err != nil {
			kf.Kind, kf.Field, kf.Link, kf.Line = r.Err.Kind, r.Err.Field, r.Err.Link, r.Err.Line
			if r.Text != "" || r.Chunks != nil {
				t.Errorf("error row %s carries a text", r.Key)
			}
		} else if len(r.Chunks) == 0 {
			t.Errorf("row %s has no chunks", r.Key)
		}
		got = append(got, kf)
	}
	want := []kindField{
		{Key: "ok"},
		{Key: "stop", Kind: campaign.KindSuppressed},
		{Key: "noname", Kind: campaign.KindMissingField, Field: "Имя"},
		{Key: "blank", Kind: campaign.KindMissingField, Field: "Имя"},
		{Key: "short", Kind: campaign.KindLink, Link: "https://bit.ly/abc"},
		{Key: "blocked", Kind: campaign.KindLink, Link: "https://casino.example/x"},
		{Key: "long", Kind: campaign.KindTooLong},
		{Key: "bad", Kind: campaign.KindInput, Line: 9},
		{Key: "ok2"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}
	wantErrors := map[campaign.Kind]int{
		campaign.KindSuppressed: 1, campaign.KindMissingField: 2, campaign.KindLink: 2,
		campaign.KindTooLong: 1, campaign.KindInput: 1,
	}
	if diff := cmp.Diff(wantErrors, rep.Errors); diff != "" {
		t.Errorf("report errors (-want +got):\n%s", diff)
	}
	if rep.Messages != 2 || rep.Failed != 6 {
		t.Errorf("report: %d messages, %d failed; want 2 and 6 (suppressed is not a failure)", rep.Messages, rep.Failed)
	}
	var me *template.MissingError
	if !errors.As(rows[2].Err, &me) || me.Field != "Имя" {
		t.Errorf("missing-field row does not unwrap to *template.MissingError: %#v", rows[2].Err.Err)
	}
	var se *chunk.SpanError
	if !errors.As(rows[6].Err, &se) {
		t.Errorf("too-long row does not unwrap to *chunk.SpanError: %#v", rows[6].Err.Err)
	}
}

// TestRunInputErrorKeepsPositions: a bad record still takes its position,
// so the variants of the others do not depend on which records are bad.
func TestRunInputErrorKeepsPositions(t *testing.T) {
	recs := people(20)
	good, _ := runAll(t, newCampaign(t, greeting, &campaign.Options{NoAnalysis: true}), recs)
	recs[5] = campaign.Recipient{Key: recs[5].Key, Err: errors.New("unreadable")}
	recs[6].Key = "" // not in the suppression list: still rendered
	withBad, _ := runAll(t, newCampaign(t, greeting, &campaign.Options{NoAnalysis: true, Suppress: []string{"c0007"}}), recs)
	for i := range good {
		if i == 5 || i == 7 {
			continue
		}
		if good[i].Variant != withBad[i].Variant {
			t.Errorf("position %d: variant %s, was %s before records 5 and 7 went bad", i, withBad[i].Variant, good[i].Variant)
		}
	}
}

func TestRunByKey(t *testing.T) {
	c := newCampaign(t, greeting, &campaign.Options{ByKey: true, Seed: 5, NoAnalysis: true})
	recs := people(50)
	rows, _ := runAll(t, c, recs)
	rev := make([]campaign.Recipient, len(recs))
	for i, r := range recs {
		rev[len(recs)-1-i] = r
	}
	revRows, _ := runAll(t, c, rev)
	for i, r := range rows {
		if other := revRows[len(recs)-1-i]; other.Variant != r.Variant || other.Text != r.Text {
			t.Errorf("key %s: variant %s at position %d, %s at position %d; by key it must not depend on position",
				r.Key, r.Variant, i, other.Variant, len(recs)-1-i)
		}
	}
	one := c.Message(recs[3], 12345)
	if one.Variant != rows[3].Variant || one.Text != rows[3].Text {
		t.Errorf("Message for %s gave %q, Run gave %q", recs[3].Key, one.Text, rows[3].Text)
	}
}

func TestRunCancel(t *testing.T) {
	before := runtime.NumGoroutine()
	c := newCampaign(t, greeting, &campaign.Options{NoAnalysis: true, Workers: 4})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	// An endless source: only cancellation can end the run.
	endless := func(yield func(campaign.Recipient, error) bool) {
		for i := 0; ; i++ {
			if !yield(campaign.Recipient{Key: fmt.Sprint(i), Data: map[string]any{"Имя": "Анна"}}, nil) {
				return
			}
		}
	}
	rows := 0
	rep, err := c.Run(ctx, endless, func(r campaign.Row) error {
		if r.Index != rows {
			t.Errorf("row %d has index %d", rows, r.Index)
		}
		rows++
		if rows == 1000 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Run after cancel: error %v, want context.Canceled", err)
	}
	if rep == nil || rep.Recipients != rows {
		t.Fatalf("report %+v after %d rows: the report must describe the rows delivered", rep, rows)
	}
	if rows < 1000 || rows > 1000+64 {
		t.Errorf("%d rows after cancelling at 1000: the run must stop at once (at most the current batch)", rows)
	}
	waitGoroutines(t, before)
}

func TestRunSinkError(t *testing.T) {
	before := runtime.NumGoroutine()
	c := newCampaign(t, greeting, &campaign.Options{NoAnalysis: true})
	boom := errors.New("disk full")
	n := 0
	rep, err := c.Run(context.Background(), slice(people(2000)), func(r campaign.Row) error {
		if n == 100 {
			return boom
		}
		n++
		return nil
	})
	if !errors.Is(err, boom) || !strings.Contains(err.Error(), `row 100 (key "c0100")`) {
		t.Fatalf("error %v: want the sink's error, naming the row", err)
	}
	if rep.Recipients != 100 {
		t.Errorf("report counts %d rows, want the 100 delivered", rep.Recipients)
	}
	waitGoroutines(t, before)
}

func TestRunSourceError(t *testing.T) {
	c := newCampaign(t, greeting, &campaign.Options{NoAnalysis: true})
	// The quote opened on line 4 never closes: it swallows line 5, so the
	// source stops instead of guessing where c4 was.
	in := "key,Имя\nc1,Анна\nc2,Борис\nc3,\"Вера\nc4,Глеб\n"
	var keys []string
	rep, err := c.Run(context.Background(), campaign.ReadCSV(strings.NewReader(in), nil), func(r campaign.Row) error {
		keys = append(keys, r.Key)
		return nil
	})
	var ie *campaign.InputError
	if !errors.As(err, &ie) || ie.Line != 5 {
		t.Fatalf("error %v: want an *InputError at line 5", err)
	}
	if diff := cmp.Diff([]string{"c1", "c2"}, keys); diff != "" || rep.Recipients != 2 {
		t.Errorf("rows before the unreadable record (-want +got):\n%s (report: %d)", diff, rep.Recipients)
	}
}

func waitGoroutines(t *testing.T, want int) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Second)
	for runtime.NumGoroutine() > want {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<16)
			t.Fatalf("%d goroutines, %d before the run: a goroutine leaked\n%s", runtime.NumGoroutine(), want, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestNewErrors(t *testing.T) {
	_, err := campaign.New("Привет, {Анна|Мария", nil)
	var te *template.Error
	if !errors.As(err, &te) || te.Line != 1 || te.Col != 9 {
		t.Errorf("unclosed group: error %#v, want a *template.Error at 1:9", err)
	}
	for _, start := range []int{-1, math.MaxInt} {
		// MaxInt: the positions after it would overflow to negative.
		if _, err := campaign.New("x", &campaign.Options{Start: start}); err == nil {
			t.Errorf("Start %d accepted", start)
		}
	}
	for _, th := range []float64{1.5, -0.1, math.NaN()} {
		// NaN fails every comparison: it must be rejected here, not
		// reach uniqueness.Analyze (which panics on it) after the rows.
		if _, err := campaign.New("x", &campaign.Options{Threshold: th}); err == nil {
			t.Errorf("Threshold %v accepted", th)
		}
	}
}

// TestCorpus runs every shipped template over the shipped contacts: the
// reference case of the whole pipeline.
func TestCorpus(t *testing.T) {
	contacts := corpus.Contacts()
	for _, name := range corpus.TemplateNames() {
		t.Run(name, func(t *testing.T) {
			c := newCampaign(t, corpus.Template(name), &campaign.Options{Seed: 1, NoAnalysis: true})
			var rows []campaign.Row
			rep, err := c.Run(context.Background(), campaign.Records(contacts, "key"), func(r campaign.Row) error {
				rows = append(rows, r)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != len(contacts) {
				t.Fatalf("%d rows for %d contacts", len(rows), len(contacts))
			}
			for _, r := range rows {
				if r.Err != nil && r.Err.Kind != campaign.KindMissingField {
					t.Errorf("%s: %v", r.Key, r.Err)
				}
				for _, ch := range r.Chunks {
					if n := len([]rune(ch)); n > 300 {
						t.Errorf("%s: chunk of %d runes", r.Key, n)
					}
					if strings.Contains(ch, "{{") || strings.Contains(ch, "{=") {
						t.Errorf("%s: placeholder left in %q", r.Key, ch)
					}
				}
			}
			if rep.Messages+rep.Errors[campaign.KindMissingField] != len(contacts) {
				t.Errorf("report %+v does not add up", rep)
			}
		})
	}
}

func TestReportJSON(t *testing.T) {
	// Positions 0 and 1 get the two variants; position 2 (suppressed)
	// would wrap to the first.
	c := newCampaign(t, "{a|b} {{Имя}}", &campaign.Options{NoAnalysis: true, Suppress: []string{"c0002"}})
	_, rep := runAll(t, c, people(3))
	b, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	var back map[string]any
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"recipients": 3.0, "messages": 2.0, "chunks": 2.0, "failed": 0.0,
		"errors":       map[string]any{"suppressed": 1.0},
		"variants":     map[string]any{"count": "2", "used": 2.0, "seed": 0.0, "start": 0.0},
		"length_runes": map[string]any{"min": 6.0, "max": 7.0, "mean": 6.5}, // "a Анна", "b Борис"
		"warnings":     []any{"the template has 2 variants, fewer than the 3 recipient positions: variants repeat every 2 recipients; add spintax options to give everyone a different text"},
	}
	if diff := cmp.Diff(want, back, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("report JSON (-want +got):\n%s", diff)
	}
	var text strings.Builder
	rep.WriteText(&text)
	for _, s := range []string{"recipients: 3, messages: 2 (2 chunks), failed: 0", "errors: suppressed 1", "variants: 2 used of 2"} {
		if !strings.Contains(text.String(), s) {
			t.Errorf("text report lacks %q:\n%s", s, text.String())
		}
	}
}

func TestRowJSON(t *testing.T) {
	c := newCampaign(t, "Привет, {{Имя}}!", &campaign.Options{NoAnalysis: true})
	ok := c.Message(campaign.Recipient{Key: "c1", Data: map[string]any{"Имя": "Анна"}}, 0)
	bad := c.Message(campaign.Recipient{Key: "c2", Data: map[string]any{}}, 1)
	var lines []string
	for _, r := range []campaign.Row{ok, bad} {
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, string(b))
	}
	msg, _ := json.Marshal(bad.Err.Message)
	want := []string{
		`{"key":"c1","text":"Привет, Анна!","chunks":["Привет, Анна!"],"variant":"0"}`,
		`{"key":"c2","variant":"0","error":{"kind":"missing-field","message":` + string(msg) + `,"field":"Имя"}}`,
	}
	if diff := cmp.Diff(want, lines); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestRunProgress(t *testing.T) {
	var calls []int
	c := newCampaign(t, greeting, &campaign.Options{NoAnalysis: true, Progress: func(rows int) { calls = append(calls, rows) }})
	runAll(t, c, people(1000))
	if len(calls) == 0 || calls[len(calls)-1] != 1000 {
		t.Fatalf("progress calls %v: want increasing counts ending at 1000", calls)
	}
	for i := 1; i < len(calls); i++ {
		if calls[i] <= calls[i-1] {
			t.Fatalf("progress went from %d to %d", calls[i-1], calls[i])
		}
	}
}

// TestRunByKeyRepeats: by key, recipients may share a variant, and the
// report counts the variants actually used and warns.
func TestRunByKeyRepeats(t *testing.T) {
	c := newCampaign(t, "{a|b} {{Имя}}", &campaign.Options{ByKey: true, NoAnalysis: true})
	rows, rep := runAll(t, c, people(20))
	used := map[string]bool{}
	for _, r := range rows {
		used[r.Variant] = true
	}
	if rep.Variants.Used != len(used) || len(used) != 2 {
		t.Errorf("report says %d variants used, rows show %d (want 2 of 2)", rep.Variants.Used, len(used))
	}
	if len(rep.Warnings) != 1 || !strings.Contains(rep.Warnings[0], "18 messages share a variant") {
		t.Errorf("warnings %q", rep.Warnings)
	}
}

func TestReportUniqueness(t *testing.T) {
	c := newCampaign(t, "Привет, {{Имя}}! Ждём вас в салоне.", nil)
	recs := []campaign.Recipient{
		{Key: "a", Data: map[string]any{"Имя": "Анна"}},
		{Key: "x", Data: map[string]any{}}, // an error row: not in the analysis
		{Key: "b", Data: map[string]any{"Имя": "Анна"}},
		{Key: "c", Data: map[string]any{"Имя": "Святослав Игоревич Преображенский"}},
	}
	_, rep := runAll(t, c, recs)
	u := rep.Uniqueness
	if u == nil || u.Analysis == nil || u.Analysis.N != 3 {
		t.Fatalf("uniqueness %+v: want the analysis of the 3 messages", u)
	}
	if u.Distinct != 2 || u.SimilarPairs != 1 || u.Clusters != 1 || u.Threshold != 0.9 {
		t.Errorf("uniqueness %+v: want 2 distinct texts, 1 similar pair, 1 cluster at 0.9", u)
	}
	if diff := cmp.Diff([]campaign.SimilarPair{{A: "a", B: "b", Similarity: 1}}, u.WorstPairs); diff != "" {
		t.Errorf("worst pairs by key (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"a", "b"}, u.LargestCluster); diff != "" {
		t.Errorf("largest cluster (-want +got):\n%s", diff)
	}
	if u.MaxSameText != 2 || u.ScorePercent != 33.3 || !strings.HasPrefix(u.Verdict, "monotonous: 2 recipients (67%) get one identical text") {
		t.Errorf("max_same_text %d, score %v%%, verdict %q", u.MaxSameText, u.ScorePercent, u.Verdict)
	}
	if !strings.Contains(strings.Join(rep.Warnings, "\n"), "line 1, column 16, 20 runes: «! Ждём вас в салоне.»") {
		t.Errorf("warnings %q: want the advice naming the text every message repeats", rep.Warnings)
	}
	var text strings.Builder
	rep.WriteText(&text)
	for _, want := range []string{
		"uniqueness: 33.3% of messages have no near-duplicate (similarity 0.90 or more); monotonous",
		"2 distinct texts, up to 2 recipients get the same text; 2 wordings, the largest reaches 2 recipients",
		"most similar: a ~ b 1.000",
		"every message repeats 1:16 (20 runes): «! Ждём вас в салоне.»",
	} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("text report lacks %q:\n%s", want, text.String())
		}
	}
}

func TestReportRisk(t *testing.T) {
	in, err := risk.ParseInput([]byte(`{"account":{"registered":"2020-01-10T09:00:00Z","connected":"2020-02-01T09:00:00Z"},
		"stats":{"outgoing":100,"replies":50,"dialogs":50},"plan":{"new_recipients":0}}`))
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		name, src string
		want      risk.Level
		code      string
		absent    string
	}{
		// The business writes first: Minimal at best.
		{name: "personal, varied, asks", src: "{Привет|Здравствуйте}, {{Имя}}! Удобно завтра?", want: risk.Minimal, code: "writes-first", absent: "no-question"},
		{name: "no question", src: "{Привет|Здравствуйте}, {{Имя}}! Ждём вас.", want: risk.Minimal, code: "no-question"},
		{name: "the same text for all", src: "Здравствуйте! Удобно завтра?", want: risk.Maximal, code: "identical-messages"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := newCampaign(t, tt.src, &campaign.Options{NoAnalysis: true, Risk: &campaign.RiskInput{Now: now, Input: in}})
			_, rep := runAll(t, c, people(5))
			if rep.Risk == nil || rep.Risk.Level != tt.want {
				t.Fatalf("risk %+v, want level %v", rep.Risk, tt.want)
			}
			if tt.code != "" && !slices.ContainsFunc(rep.Risk.Findings, func(f risk.Finding) bool { return f.Code == tt.code }) {
				t.Errorf("findings %+v lack %s", rep.Risk.Findings, tt.code)
			}
			if tt.absent != "" && slices.ContainsFunc(rep.Risk.Findings, func(f risk.Finding) bool { return f.Code == tt.absent }) {
				t.Errorf("findings %+v hold %s", rep.Risk.Findings, tt.absent)
			}
		})
	}
}

func TestMostSimilar(t *testing.T) {
	in := []uniqueness.Pair{{I: 0, J: 1, Similarity: 0.9}, {I: 0, J: 2, Similarity: 0.95}, {I: 1, J: 2, Similarity: 0.9}, {I: 2, J: 3, Similarity: 1}}
	orig := slices.Clone(in)
	tests := []struct {
		name string
		n    int
		want []uniqueness.Pair
	}{
		{"all, most similar first; the 0.9 tie keeps input order", -1, []uniqueness.Pair{in[3], in[1], in[0], in[2]}},
		{"top two", 2, []uniqueness.Pair{in[3], in[1]}},
		{"zero", 0, []uniqueness.Pair{}},
		{"more than there are", 10, []uniqueness.Pair{in[3], in[1], in[0], in[2]}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, campaign.MostSimilar(in, tt.n)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(orig, in); diff != "" {
				t.Errorf("changed its input (-before +after):\n%s", diff)
			}
		})
	}
}

func TestRunDuplicateKeys(t *testing.T) {
	recs := []map[string]any{
		{"key": "c1", "Имя": "Анна"},
		{"key": "c2", "Имя": "Борис"},
		{"key": "c1", "Имя": "Анна"}, // the same person exported twice
		{"key": "c2"},                // an error row: no message, not a duplicate message
		{"key": "c1", "Имя": "Анна"},
	}
	for _, tt := range []struct {
		name       string
		noAnalysis bool
		want       int
	}{
		{"with the analysis: counted and warned", false, 2},
		{"without the analysis: not counted (bounded memory)", true, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := newCampaign(t, greeting, &campaign.Options{NoAnalysis: tt.noAnalysis})
			rep, err := c.Run(context.Background(), campaign.Records(recs, ""), func(campaign.Row) error { return nil })
			if err != nil {
				t.Fatal(err)
			}
			if rep.Recipients != len(recs) || rep.DuplicateKeys != tt.want {
				t.Fatalf("recipients %d, duplicate keys %d; want %d, %d", rep.Recipients, rep.DuplicateKeys, len(recs), tt.want)
			}
			warned := slices.ContainsFunc(rep.Warnings, func(w string) bool { return strings.Contains(w, `(the first: "c1")`) })
			if warned != (tt.want > 0) {
				t.Errorf("warnings %q: want a duplicate-key warning: %v", rep.Warnings, tt.want > 0)
			}
		})
	}
}

func TestRunHugeWorkers(t *testing.T) {
	// A -workers typo of 10^9 must not size channels by it (out of memory).
	c := newCampaign(t, greeting, &campaign.Options{Workers: math.MaxInt, NoAnalysis: true})
	rows, rep := runAll(t, c, people(50))
	if len(rows) != 50 || rep.Recipients != 50 {
		t.Fatalf("%d rows, report %d: want 50", len(rows), rep.Recipients)
	}
}

func TestMessageEmpty(t *testing.T) {
	tests := []struct {
		name, src string
		data      map[string]any
	}{
		{"empty template", "", nil},
		{"only an empty option chosen", "{ |\t}", nil},
		{"white space only, a no-break space included", " \n\u00a0", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCampaign(t, tt.src, &campaign.Options{NoAnalysis: true})
			for pos := range 2 {
				row := c.Message(campaign.Recipient{Key: "c1", Data: tt.data}, pos)
				if row.Err == nil || row.Err.Kind != campaign.KindRender || !strings.Contains(row.Err.Message, "the message is empty") {
					t.Fatalf("position %d: row %+v: want a render error for an empty message", pos, row)
				}
			}
		})
	}
}

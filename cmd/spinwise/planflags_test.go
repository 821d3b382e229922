package main

import (
	"strings"
	"testing"
	"time"

	"github.com/spinwise/spinwise/plan"
)

func TestParseHours(t *testing.T) {
	for _, row := range []struct {
		in   string
		want plan.Hours
		err  string
		why  string
	}{
		{"10-19", plan.Hours{Start: 600, End: 1140}, "", "the issue's example"},
		{" 9:30 - 18:45 ", plan.Hours{Start: 570, End: 1125}, "", "minutes, spaces"},
		{"0-24", plan.Hours{Start: 0, End: 1440}, "", "the whole day: 24 is the end of it"},
		{"19-10", plan.Hours{}, "must come before", "overnight windows are not supported"},
		{"10-10", plan.Hours{}, "must come before", "an empty window"},
		{"10", plan.Hours{}, "H1-H2", ""},
		{"10-25", plan.Hours{}, "not an hour", ""},
		{"24:30-24:45", plan.Hours{}, "after 24:00", "24 is allowed only as 24:00"},
		{"9:5-10", plan.Hours{}, "two digits", "9:5 could mean 9:05 or 9:50"},
		{"-1-10", plan.Hours{}, "not an hour", "the first '-' splits: an empty hour"},
		{"٩-١٠", plan.Hours{}, "not an hour", "Arabic-Indic digits are not hours to strconv"},
	} {
		got, err := parseHours(row.in)
		if row.err != "" {
			if err == nil || !strings.Contains(err.Error(), row.err) {
				t.Errorf("parseHours(%q) error %v, want one with %q (%s)", row.in, err, row.err, row.why)
			}
			continue
		}
		if err != nil || got != row.want {
			t.Errorf("parseHours(%q) = %v, %v; want %v (%s)", row.in, got, err, row.want, row.why)
		}
	}
}

func TestParseDays(t *testing.T) {
	for _, row := range []struct {
		in, want string // want: the set's String, or the error's text
		ok       bool
		why      string
	}{
		{"", "every day", true, "no flag: every day"},
		{"mon-fri", "mon-fri", true, ""},
		{"Mon,Wed, fri", "mon,wed,fri", true, "any case, spaces after commas"},
		{"sat-sun", "sat,sun", true, "a run of two is not printed as a range"},
		{"fri-mon", "mon,fri-sun", true, "a range wraps over the weekend"},
		{"пн-пт", "mon-fri", true, "Russian abbreviations"},
		{"СБ", "sat", true, "Russian in capitals"},
		{"mon-sun", "every day", true, ""},
		{"monday", `"monday" is not a day`, false, "only three-letter names"},
		{"mon-", `"" is not a day`, false, ""},
		{",", `"" is not a day`, false, "an empty item"},
	} {
		got, err := parseDays(row.in)
		if !row.ok {
			if err == nil || !strings.Contains(err.Error(), row.want) {
				t.Errorf("parseDays(%q) error %v, want one with %q (%s)", row.in, err, row.want, row.why)
			}
			continue
		}
		if err != nil || got.String() != row.want {
			t.Errorf("parseDays(%q) = %v, %v; want %s (%s)", row.in, got, err, row.want, row.why)
		}
	}
}

func TestParseGap(t *testing.T) {
	for _, row := range []struct {
		in     string
		lo, hi time.Duration
		err    string
		why    string
	}{
		{"60-180", time.Minute, 3 * time.Minute, "", "the default"},
		{"30-30", 30 * time.Second, 30 * time.Second, "", "the floor, and a fixed gap"},
		{"1m-3m", time.Minute, 3 * time.Minute, "", "durations"},
		{"90s-2m30s", 90 * time.Second, 150 * time.Second, "", ""},
		{"1.5m-3m", 90 * time.Second, 3 * time.Minute, "", "a fraction of a minute that is whole seconds"},
		{"29-60", 0, 0, "at least 30s", "no two messages closer than 30 s"},
		{"60-30", 0, 0, "shorter than the shortest", ""},
		{"60-90000", 0, 0, "at most 24h", ""},
		{"30.5s-60", 0, 0, "whole number of seconds", "send_at is in whole seconds"},
		{"60", 0, 0, "MIN-MAX", ""},
		{"a-b", 0, 0, "not a whole number", ""},
	} {
		lo, hi, err := parseGap(row.in)
		if row.err != "" {
			if err == nil || !strings.Contains(err.Error(), row.err) {
				t.Errorf("parseGap(%q) error %v, want one with %q (%s)", row.in, err, row.err, row.why)
			}
			continue
		}
		if err != nil || lo != row.lo || hi != row.hi {
			t.Errorf("parseGap(%q) = %v, %v, %v; want %v, %v (%s)", row.in, lo, hi, err, row.lo, row.hi, row.why)
		}
	}
}

// FuzzPlanFlags: the parsers of -hours, -days and -gap never panic, and
// what they accept is what package plan accepts.
func FuzzPlanFlags(f *testing.F) {
	for _, s := range []string{"10-19", "9:30-18:45", "mon-fri", "пн,ср", "60-180", "1m-3m", "0-24", "fri-mon"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		from := time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC)
		if h, err := parseHours(s); err == nil {
			if _, err := plan.New(&plan.Options{From: from, Hours: h}); err != nil {
				t.Fatalf("-hours %q gave %v, which plan refuses: %v", s, h, err)
			}
		}
		if w, err := parseDays(s); err == nil && strings.TrimSpace(s) != "" && w == 0 {
			t.Fatalf("-days %q gave no day", s)
		}
		if lo, hi, err := parseGap(s); err == nil {
			if _, err := plan.New(&plan.Options{From: from, MinGap: lo, MaxGap: hi}); err != nil {
				t.Fatalf("-gap %q gave %v-%v, which plan refuses: %v", s, lo, hi, err)
			}
		}
	})
}

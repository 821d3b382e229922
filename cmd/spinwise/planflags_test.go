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
	}{
		{"10-19", plan.Hours{Start: 600, End: 1140}, ""},
		{" 9:30 - 18:45 ", plan.Hours{Start: 570, End: 1125}, ""},
		{"0-24", plan.Hours{Start: 0, End: 1440}, ""},
		{"19-10", plan.Hours{}, "must come before"},
		{"10-10", plan.Hours{}, "must come before"},
		{"10", plan.Hours{}, "H1-H2"},
		{"10-25", plan.Hours{}, "not an hour"},
		{"24:30-24:45", plan.Hours{}, "after 24:00"},
		{"9:5-10", plan.Hours{}, "two digits"},
		{"-1-10", plan.Hours{}, "not an hour"},
		{"٩-١٠", plan.Hours{}, "not an hour"},
	} {
		got, err := parseHours(row.in)
		if row.err != "" {
			if err == nil || !strings.Contains(err.Error(), row.err) {
				t.Errorf("parseHours(%q) error %v, want one with %q", row.in, err, row.err)
			}
			continue
		}
		if err != nil || got != row.want {
			t.Errorf("parseHours(%q) = %v, %v; want %v", row.in, got, err, row.want)
		}
	}
}

func TestParseDays(t *testing.T) {
	for _, row := range []struct {
		in, want string // want: the set's String, or the error's text
		ok       bool
	}{
		{"", "every day", true},
		{"mon-fri", "mon-fri", true},
		{"Mon,Wed, fri", "mon,wed,fri", true},
		{"sat-sun", "sat,sun", true},
		{"fri-mon", "mon,fri-sun", true}, // wraps over the weekend
		{"пн-пт", "mon-fri", true},
		{"СБ", "sat", true},
		{"mon-sun", "every day", true},
		{"monday", `"monday" is not a day`, false},
		{"mon-", `"" is not a day`, false},
		{",", `"" is not a day`, false},
	} {
		got, err := parseDays(row.in)
		if !row.ok {
			if err == nil || !strings.Contains(err.Error(), row.want) {
				t.Errorf("parseDays(%q) error %v, want one with %q", row.in, err, row.want)
			}
			continue
		}
		if err != nil || got.String() != row.want {
			t.Errorf("parseDays(%q) = %v, %v; want %s", row.in, got, err, row.want)
		}
	}
}

func TestParseGap(t *testing.T) {
	for _, row := range []struct {
		in     string
		lo, hi time.Duration
		err    string
	}{
		{"60-180", time.Minute, 3 * time.Minute, ""},
		{"30-30", 30 * time.Second, 30 * time.Second, ""},
		{"1m-3m", time.Minute, 3 * time.Minute, ""},
		{"90s-2m30s", 90 * time.Second, 150 * time.Second, ""},
		{"29-60", 0, 0, "at least 30s"},
		{"60-30", 0, 0, "shorter than the shortest"},
		{"60-90000", 0, 0, "at most 24h"},
		{"1.5m-3m", 0, 0, ""}, // 90 s: a whole number of seconds
		{"30.5s-60", 0, 0, "whole number of seconds"},
		{"60", 0, 0, "MIN-MAX"},
		{"a-b", 0, 0, "not a whole number"},
	} {
		lo, hi, err := parseGap(row.in)
		switch {
		case row.err != "":
			if err == nil || !strings.Contains(err.Error(), row.err) {
				t.Errorf("parseGap(%q) error %v, want one with %q", row.in, err, row.err)
			}
		case row.lo == 0:
			if err != nil {
				t.Errorf("parseGap(%q): %v", row.in, err)
			}
		case err != nil || lo != row.lo || hi != row.hi:
			t.Errorf("parseGap(%q) = %v, %v, %v; want %v, %v", row.in, lo, hi, err, row.lo, row.hi)
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

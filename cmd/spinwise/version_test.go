package main

import (
	"runtime/debug"
	"testing"
)

func TestFormatVersion(t *testing.T) {
	for _, tc := range []struct {
		name string
		bi   debug.BuildInfo
		want string
	}{
		{"released", debug.BuildInfo{GoVersion: "go1.24.1", Main: debug.Module{Version: "v1.2.3"}}, "spinwise v1.2.3 (go1.24.1)"},
		{"checkout", debug.BuildInfo{GoVersion: "go1.24.1", Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.time", Value: "2026-12-01T22:00:00Z"}, {Key: "vcs.modified", Value: "true"},
		}}, "spinwise (devel) (commit 0123456789ab, modified, 2026-12-01T22:00:00Z, go1.24.1)"},
		{"test binary", debug.BuildInfo{GoVersion: "go1.24.1"}, "spinwise (devel) (go1.24.1)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := formatVersion(&tc.bi); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

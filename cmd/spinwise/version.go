package main

import (
	"runtime/debug"
	"strings"
)

// versionText is "spinwise VERSION": the module version the binary was
// built at (go install ...@v1.2.3), or for a build from a checkout
// "(devel)" with the commit and its date, and the Go version.
func versionText() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "spinwise (unknown version)"
	}
	return formatVersion(bi)
}

func formatVersion(bi *debug.BuildInfo) string {
	v := bi.Main.Version
	if v == "" {
		v = "(devel)"
	}
	var extra []string
	var rev, at, dirty string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = ", modified"
			}
		}
	}
	if rev != "" {
		extra = append(extra, "commit "+rev[:min(len(rev), 12)]+dirty)
	}
	if at != "" {
		extra = append(extra, at)
	}
	extra = append(extra, bi.GoVersion)
	return "spinwise " + v + " (" + strings.Join(extra, ", ") + ")"
}

package linkcheck

// Scaffolding: the exported API of issue 5 with a minimal interim finder
// (xurls, every link OK) so that dependent packages build. The package's
// author replaces this file.

import "mvdan.cc/xurls/v2"

// Verdict is the judgement on one link.
type Verdict int

// Verdicts.
const (
	OK Verdict = iota
	Shortener
	Blocked
	Suspicious
)

// Options configures a Checker; nil means the shipped lists.
type Options struct{ Block, Allow, Shorteners []string }

// Checker finds and judges links.
type Checker struct{}

// New returns a Checker.
func New(opts *Options) *Checker { return &Checker{} }

// Link is one link found in a message.
type Link struct {
	Text       string // the link as written, trimmed
	Start, End int    // byte offsets: message[Start:End] == Text
	Host       string // canonical host: lowercase, punycode, no trailing dot
	Verdict    Verdict
	Reason     string // one sentence a CRM user understands
}

var relaxed = xurls.Relaxed()

// Check returns every link found in message, in order.
func (c *Checker) Check(message string) []Link {
	var out []Link
	for _, ix := range relaxed.FindAllStringIndex(message, -1) {
		out = append(out, Link{Text: message[ix[0]:ix[1]], Start: ix[0], End: ix[1]})
	}
	return out
}

package linkcheck

import (
	"strings"
	"testing"
)

// TestWorkLinear: a failed candidate must not cost the rest of the
// message. Each input is checked at two sizes, 8x apart, and the work its
// scanners report (bytes examined, see scanner.work) is compared: a linear
// scan does about 8x the work on the larger input, a quadratic one about
// 64x. Work is counted, not timed, so a busy machine cannot fail the test;
// BenchmarkCheck keeps the timing.
func TestWorkLinear(t *testing.T) {
	c := New(nil)
	for _, tc := range []struct {
		head, unit, tail string
		why              string
	}{
		{unit: "http://[", why: "an IPv6 host never closed, then a path to the end: the path's end is looked for only once a host is found"},
		{unit: "mailto:", why: "no '@' anywhere"},
		{unit: "mailto:a@?", why: "an '@' and no host"},
		{unit: "mailto:a@b?", why: "each mailto: link looks for a web link in the rest of the run: runEndAt and the look-ahead are cached"},
		{unit: "mailto:a@b?", tail: "https://bit.ly/x", why: "... and the look-ahead finds one at its end"},
		{head: "https://s.ru/?", unit: "mailto:a@b?", tail: "https://bit.ly/x", why: "the same in a link's query, scanned again by carried"},
		{unit: "mailto:a@b,", why: "one link with ever more addresses"},
		{unit: "https://x:_/", why: "a port that is no number fails the authority before its path is read"},
		{unit: "a.", why: "a run of labels without a TLD: at most maxLabels of them are read from any dot"},
		{unit: "1.", why: "numbers"},
		{unit: "a@", why: "an e-mail local part read backwards from every '@'"},
		{unit: "http:"},
		{unit: "http:/"},
		{unit: "//"},
		{unit: "[.]"},
		{unit: "a [.] "},
		{unit: "a точка "},
		{unit: "a . "},
		{unit: "․a", why: "a look-alike dot before each label"},
		{head: "https://salon.ru/", unit: ")", why: "trimming a path of unbalanced brackets"},
		{head: "https://salon.ru/", unit: "(", tail: ")", why: "counting a path's brackets"},
		{unit: "https://s.ru/?u=https://s.ru/?u=", why: "links carrying links"},
		{unit: "www.😀.", why: "emoji labels after www."},
		{unit: "т.к.", why: "abbreviations, read and dropped"},
		{unit: "a_", why: "'_' inside labels"},
		{unit: "_.", why: "a dot after no label"},
		{unit: "a!@b.ru:x/", why: "e-mail domains followed by a port that is no number"},
		{unit: "https://a@b.ru:x", why: "ports that are no number"},
		{head: "https://salon.ru/", unit: "\"", why: "counting a path's quote marks"},
		{unit: "✅️\u200e", why: "invisible characters"},
	} {
		t.Run(tc.head+tc.unit+tc.tail, func(t *testing.T) {
			small := tc.head + strings.Repeat(tc.unit, (1<<12)/len(tc.unit)) + tc.tail
			large := tc.head + strings.Repeat(tc.unit, (1<<15)/len(tc.unit)) + tc.tail
			_, ws := c.check(small)
			_, wl := c.check(large)
			if ws < len(small) {
				t.Fatalf("%d bytes counted as %d bytes of work: the pre-scan alone examines every byte (%s)", len(small), ws, tc.why)
			}
			if ratio := float64(wl) / float64(ws); ratio > 10 {
				t.Errorf("work %d for %d bytes, %d for %d bytes: %.1fx for 8x the input, want about 8x (%s)",
					ws, len(small), wl, len(large), ratio, tc.why)
			}
		})
	}
}

package risk_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/spinwise/spinwise/risk"
)

// A block whose LastUnblock lies after now is not lifted yet: the number is
// blocked, and messages queued during the block must not go out.
func TestUnblockInTheFuture(t *testing.T) {
	a, s, p := healthy()
	a.Blocks, a.LastBlock, a.LastUnblock = 1, ago(2*day), now.Add(day)
	s.Queued = 5
	as := risk.Assess(now, a, s, p)
	want := []cl{{risk.CodeFlushQueue, risk.Maximal}, {risk.CodeRecentBlock, risk.Maximal}, wf}
	if diff := cmp.Diff(want, codes(as), cmp.AllowUnexported(cl{})); diff != "" {
		t.Errorf("findings (-want +got):\n%s\n%v", diff, as.Findings)
	}
	if l := risk.LimitsAt(now, a); l.Phase != risk.PhaseBlocked || l.NewRecipientsPerDay != 0 {
		t.Errorf("LimitsAt = %+v, want the blocked phase", l)
	}
	// A second later than the unblock, the block is lifted.
	a.LastUnblock = now.Add(-1)
	if l := risk.LimitsAt(now, a); l.Phase != risk.PhaseNew {
		t.Errorf("just unblocked: LimitsAt = %+v, want the new-number phase", l)
	}
	// Without a LastBlock too.
	a.LastBlock, a.Blocks, a.LastUnblock = time.Time{}, 0, now.Add(day)
	if l := risk.LimitsAt(now, a); l.Phase != risk.PhaseBlocked {
		t.Errorf("unblock only, after now: LimitsAt = %+v, want the blocked phase", l)
	}
}

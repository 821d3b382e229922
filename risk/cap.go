package risk

import (
	"math"
	"time"
)

// NewRecipientsCap returns the most recipients the business may write to
// first on the day of now under policy p (nil: defaults), counting those it
// already wrote to first that day (Stats.NewRecipientsToday): the number
// above which [Policy.Assess] reports too-many-new-recipients for an
// outbound batch. It is 0 in the phases where nothing may be sent through
// the service, [Limits].NewRecipientsPerDay in the new and growing phases,
// and after the green light the "many at once" bound: the larger of
// ManyAtOnce and BurstFactor times the average daily outgoing messages of
// the trailing 7 days (Stats.Outgoing / 7). Unlike Limits, it is never -1.
// A planner that keeps each day's new recipients at or under it keeps every
// day clear of that finding.
func (p *Policy) NewRecipientsCap(now time.Time, a Account, s Stats) int {
	r := p.resolved()
	lim := r.limits(r.timeline(now, a))
	switch lim.Phase {
	case PhaseNew, PhaseGrowing:
		return max(lim.NewRecipientsPerDay, 0)
	case PhaseGreen:
		c := s.clamped()
		burst := max(int64(r.ManyAtOnce), int64(r.BurstFactor)*c.Outgoing/7)
		return int(min(burst, math.MaxInt32))
	}
	return 0
}

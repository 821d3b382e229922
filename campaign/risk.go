package campaign

import (
	"time"

	"github.com/spinwise/spinwise/risk"
)

// RiskInput is what the risk model needs beyond the batch itself: the
// sending account, its last 7 days, the facts about the recipients that a
// template and a contact list cannot tell, and optional changes to the
// policy: the content of an account file (risk.ReadInput reads one).
type RiskInput struct {
	// Now is the moment of sending; zero means time.Now().
	Now   time.Time
	Input risk.Input
}

// assess completes the plan from the batch and asks the risk model (see
// batchPlan).
func (c *Campaign) assess(rep *Report) risk.Assessment {
	in := c.opts.Risk
	now := in.Now
	if now.IsZero() {
		now = time.Now()
	}
	pol := in.Input.Policy
	return pol.Assess(now, in.Input.Account, in.Input.Stats, c.batchPlan(rep))
}

// batchPlan describes the batch for the risk model. The batch gives
// Recipients (its messages), Personalized (the template reads fields),
// Varied (the template has more than one variant, and the texts are not all
// the same), AsksQuestion (every message asks one) and Links (those of the
// messages); the risk input gives the rest (risk.PlanInput.Apply). When the
// input leaves NewRecipients out and Options.Known or KnownField is set,
// the messages to known recipients are not new.
func (c *Campaign) batchPlan(rep *Report) risk.Plan {
	p := risk.Plan{
		Recipients:   rep.Messages,
		Personalized: len(c.fields) > 0,
		Varied:       c.count.Cmp(one) > 0,
		AsksQuestion: rep.Messages > 0 && rep.questions == rep.Messages,
		Links:        rep.links,
	}
	if u := rep.Uniqueness; u != nil && u.Analysis != nil && u.Analysis.N > 1 && u.Distinct == 1 {
		p.Varied, p.Personalized = false, false // every message is the same text
	}
	var pi risk.PlanInput
	if c.opts.Risk != nil {
		pi = c.opts.Risk.Input.Plan
	}
	if pi.NewRecipients == nil && !pi.InboundOnly && (c.known != nil || c.opts.KnownField != "") {
		n := rep.Messages - rep.known
		pi.NewRecipients = &n
	}
	return pi.Apply(p)
}

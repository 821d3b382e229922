package campaign

import (
	"time"

	"github.com/spinwise/spinwise/risk"
)

// RiskInput is what the risk model needs beyond the batch itself: the
// sending account, its recent activity, and the facts about the recipients
// that a template and a contact list cannot tell.
type RiskInput struct {
	// Now is the moment of sending; zero means time.Now().
	Now     time.Time
	Account risk.Account
	Stats   risk.Stats
	// KnownRecipients is how many of the batch's recipients have written
	// to the business before or are in a dialog with it; the rest count as
	// new. The zero value (all new) is the cautious one.
	KnownRecipients int
	// NegativeRecipients is how many recipients reacted negatively before.
	NegativeRecipients int
	// InboundOnly: every recipient wrote first or saved the number.
	InboundOnly bool
	// Promotional: the batch advertises.
	Promotional bool
}

// assess fills the plan from the batch and asks the risk model.
func (c *Campaign) assess(rep *Report) risk.Assessment {
	in := c.opts.Risk
	now := in.Now
	if now.IsZero() {
		now = time.Now()
	}
	p := risk.Plan{
		Recipients:         rep.Messages,
		NewRecipients:      max(rep.Messages-in.KnownRecipients, 0),
		NegativeRecipients: in.NegativeRecipients,
		InboundOnly:        in.InboundOnly,
		Promotional:        in.Promotional,
		Personalized:       len(c.fields) > 0,
		Varied:             c.count.Cmp(one) > 0,
		AsksQuestion:       rep.Messages > 0 && rep.questions == rep.Messages,
		Links:              rep.links,
	}
	if u := rep.Uniqueness; u != nil && u.Analysis != nil && u.Analysis.N > 1 && u.Distinct == 1 {
		p.Varied, p.Personalized = false, false // every message is the same text
	}
	return risk.Assess(now, in.Account, in.Stats, p)
}

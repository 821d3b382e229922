package risk

import (
	"slices"
	"time"

	"github.com/spinwise/spinwise/linkcheck"
)

// Assess assesses the batch p for account a with activity s at now under
// policy p (nil: defaults). Level is the highest finding's level, None when
// there is none; findings come highest level first, then in the order of
// [Codes]. See the package documentation for every rule.
func (pol *Policy) Assess(now time.Time, a Account, st Stats, p Plan) Assessment {
	r := pol.resolved()
	t := r.timeline(now, a)
	lim := r.limits(t)
	s := st.clamped()
	p = p.clamped()
	fs := findings{now: now}

	// outbound: the business writes first to the batch's recipients.
	outbound := !p.InboundOnly && p.Recipients > 0

	// Age and warm-up.
	young := false
	switch {
	case !t.known:
		young = true
		fs.add(Maximal, CodeYoungAccount, msgUnknownAge(time.Time{}, now))
	case now.Before(t.registered.Add(days(r.WarmupDays))):
		// Registered zero: t.registered is only the earliest known event,
		// so the account may be younger still.
		young = true
		if a.Registered.IsZero() {
			fs.add(Maximal, CodeYoungAccount, msgUnknownAge(t.registered.Add(days(r.WarmupDays)), now))
		} else {
			fs.add(Maximal, CodeYoungAccount, msgYoung(now.Sub(t.registered), r.WarmupDays, t.registered.Add(days(r.WarmupDays)), now))
		}
	}
	if !young && !a.WarmupRestarted.IsZero() && now.Before(a.WarmupRestarted.Add(days(r.WarmupDays))) {
		fs.add(Maximal, CodeWarmupRestarted, msgRestarted(a.WarmupRestarted, a.WarmupRestarted.Add(days(r.WarmupDays)), now))
	}
	if a.Connected.IsZero() && s.Dialogs < int64(r.MinDialogs) {
		fs.add(Minimal, CodeFewDialogs, msgFewDialogs(s.Dialogs, r.MinDialogs))
	}

	// Groups.
	if groups := s.GroupsCreated + clamp(p.Groups); groups > 0 && (lim.Phase == PhaseWarmup || lim.Phase == PhaseNew) {
		fs.add(Maximal, CodeGroupsOnNewNumber, msgGroups(groups, r.NewNumberDays))
	}
	if s.NonWhatsAppAddedToGroups > 0 {
		fs.add(Maximal, CodeNonWhatsAppInGroups, msgNonWhatsApp(s.NonWhatsAppAddedToGroups))
	}

	// New recipients: the daily cap while there is one, "many at once"
	// after the green light. Both count the day: those already written to
	// first today and the batch's.
	if outbound && p.NewRecipients > 0 {
		batch, today := clamp(p.NewRecipients), s.NewRecipientsToday
		switch lim.Phase {
		case PhaseNew, PhaseGrowing:
			if batch+today > int64(lim.NewRecipientsPerDay) {
				fs.add(Maximal, CodeTooManyNewRecipients, msgTooManyNew(batch, today, int64(lim.NewRecipientsPerDay)))
			}
		case PhaseGreen:
			burst := max(int64(r.ManyAtOnce), int64(r.BurstFactor)*s.Outgoing/7)
			if batch+today > burst {
				fs.add(Maximal, CodeTooManyNewRecipients, msgBurst(batch, today, burst))
			}
		}
	}

	// Replies.
	if outbound && s.Outgoing > 0 && s.Outgoing >= int64(r.MinOutgoing) &&
		s.Replies*100 < int64(r.MinRepliesPer100)*s.Outgoing {
		per100 := s.Replies * 100 / s.Outgoing
		if s.Replies*100 < int64(r.NoRepliesPer100)*s.Outgoing {
			fs.add(Maximal, CodeLowReplies, msgNoReplies(per100))
		} else {
			fs.add(Minimal, CodeLowReplies, msgLowReplies(per100, r.MinRepliesPer100))
		}
	}

	// The messages themselves.
	if outbound && p.Recipients != 1 {
		switch {
		case !p.Personalized && !p.Varied:
			fs.add(Maximal, CodeIdenticalMessages, msgIdentical)
		case !p.Personalized:
			fs.add(Minimal, CodeIdenticalMessages, msgNotPersonalized)
		case !p.Varied:
			fs.add(Minimal, CodeIdenticalMessages, msgNotVaried)
		}
	}
	if outbound && !p.AsksQuestion {
		fs.add(Minimal, CodeNoQuestion, msgNoQuestion)
	}
	var short, blocked, suspicious []string
	for _, l := range p.Links {
		switch l.Verdict {
		case linkcheck.Shortener:
			short = append(short, l.Text)
		case linkcheck.Blocked:
			blocked = append(blocked, l.Text)
		case linkcheck.Suspicious:
			suspicious = append(suspicious, l.Text)
		}
	}
	if len(short) > 0 {
		fs.add(Minimal, CodeShortenedLink, msgShortened(short))
	}
	if len(blocked) > 0 {
		fs.add(Maximal, CodeBlockedLink, msgBlocked(blocked))
	} else if len(suspicious) > 0 {
		fs.add(Minimal, CodeBlockedLink, msgSuspicious(suspicious))
	}
	if p.Promotional && p.NegativeRecipients > 0 {
		fs.add(Maximal, CodeNegativeRecipients, msgNegative(p.NegativeRecipients))
	}

	// Activity.
	if outbound && !young && s.Outgoing == 0 {
		last := a.LastOutgoing
		if last.IsZero() {
			last = t.warmStart // never sent: idle since the warm-up began
		}
		if idle := now.Sub(last); idle >= days(r.IdleDays) {
			fs.add(Minimal, CodeInactive, msgInactive(int(idle/day), a.LastOutgoing.IsZero()))
		}
	}
	if s.PhoneChecks >= int64(r.FrequentChecks) && s.Dialogs*100 < int64(r.MinDialogsPer100Checks)*s.PhoneChecks {
		fs.add(Minimal, CodePhoneChecks, msgPhoneChecks(s.PhoneChecks, s.Dialogs))
	}

	// Blocks.
	if s.Queued > 0 && (t.blocked || (!a.LastUnblock.IsZero() && !now.Before(a.LastUnblock) &&
		now.Sub(a.LastUnblock) <= time.Duration(r.QueueHours)*time.Hour)) {
		fs.add(Maximal, CodeFlushQueue, msgFlushQueue(s.Queued))
	}
	switch lim.Phase {
	case PhaseBlocked:
		fs.add(Maximal, CodeRecentBlock, msgBlockedNow(a.LastBlock, now))
	case PhasePhoneOnly:
		fs.add(Maximal, CodeRecentBlock, msgPhoneOnly(lim.Until, now))
	case PhaseChatsOnly:
		if outbound || p.Groups > 0 {
			fs.add(Maximal, CodeRecentBlock, msgChatsOnly(lim.Until, now))
		}
	default:
		if !t.reconnect.IsZero() && now.Before(t.reconnect.Add(days(r.GreenLightDays))) && !young {
			fs.add(Minimal, CodeRecentBlock, msgRecentBlock(a.LastUnblock, t.reconnect.Add(days(r.GreenLightDays)), r.GreenLightDays, now))
		}
	}

	if outbound {
		fs.add(Minimal, CodeWritesFirst, msgWritesFirst)
	}
	return fs.assessment(lim)
}

type findings struct {
	now time.Time
	all []Finding
}

func (fs *findings) add(l Level, code, msg string) {
	fs.all = append(fs.all, Finding{Level: l, Code: code, Message: msg})
}

func (fs *findings) assessment(lim Limits) Assessment {
	slices.SortStableFunc(fs.all, func(x, y Finding) int {
		if x.Level != y.Level {
			return int(y.Level - x.Level)
		}
		return slices.Index(Codes, x.Code) - slices.Index(Codes, y.Code)
	})
	as := Assessment{Findings: fs.all, Limits: lim}
	if as.Findings == nil {
		as.Findings = []Finding{} // [] rather than null in JSON
	}
	for _, f := range fs.all {
		as.Level = max(as.Level, f.Level)
	}
	return as
}

// counts are Stats as int64 clamped to [0, maxStat], so products with
// percentages cannot overflow.
type counts struct {
	Outgoing, Replies, Dialogs, PhoneChecks, GroupsCreated, NonWhatsAppAddedToGroups, Queued int64
	NewRecipientsToday                                                                       int64
}

const maxStat = 1 << 40

func clamp(n int) int64 { return min(max(int64(n), 0), maxStat) }

func (s Stats) clamped() counts {
	return counts{
		clamp(s.Outgoing), clamp(s.Replies), clamp(s.Dialogs), clamp(s.PhoneChecks),
		clamp(s.GroupsCreated), clamp(s.NonWhatsAppAddedToGroups), clamp(s.Queued),
		clamp(s.NewRecipientsToday),
	}
}

func (p Plan) clamped() Plan {
	p.Recipients = max(p.Recipients, 0)
	p.NewRecipients = max(p.NewRecipients, 0)
	p.NegativeRecipients = max(p.NegativeRecipients, 0)
	p.Groups = max(p.Groups, 0)
	// Every new recipient is a recipient.
	p.Recipients = max(p.Recipients, p.NewRecipients)
	return p
}

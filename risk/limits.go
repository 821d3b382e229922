package risk

import (
	"fmt"
	"time"
)

// Phase is a phase of a number's life; each has its own [Limits].
type Phase int

// Phases, in the order a number normally goes through them, then the phases
// after a block.
const (
	// PhaseWarmup: the first WarmupDays (10) after registration or after a
	// warm-up restart, or registration unknown: phone only, nothing through
	// the service.
	PhaseWarmup Phase = iota
	// PhaseNew: the first NewNumberDays (10) after connecting (or
	// reconnecting after a block): at most 20 new recipients a day, no groups.
	PhaseNew
	// PhaseGrowing: from then until GreenLightDays (30) after connecting:
	// the cap on new recipients grows by GrowthPerDay every day.
	PhaseGrowing
	// PhaseGreen: GreenLightDays without incidents: no fixed caps.
	PhaseGreen
	// PhaseBlocked: the number is blocked now: nothing can be sent.
	PhaseBlocked
	// PhasePhoneOnly: the first PhoneOnlyDays after a repeated block was
	// lifted: phone only, do not connect to the service.
	PhasePhoneOnly
	// PhaseChatsOnly: the ChatsOnlyDays after that: replies in chats only,
	// no mass sends, no groups.
	PhaseChatsOnly
)

var phaseNames = [...]string{
	PhaseWarmup: "warmup", PhaseNew: "new", PhaseGrowing: "growing", PhaseGreen: "green",
	PhaseBlocked: "blocked", PhasePhoneOnly: "phone-only", PhaseChatsOnly: "chats-only",
}

// String returns the phase's name: "warmup", "new", "growing", "green",
// "blocked", "phone-only" or "chats-only".
func (ph Phase) String() string {
	if ph >= 0 && int(ph) < len(phaseNames) {
		return phaseNames[ph]
	}
	return fmt.Sprintf("Phase(%d)", int(ph))
}

// MarshalText returns the phase's name, so phases are strings in JSON.
func (ph Phase) MarshalText() ([]byte, error) {
	if ph < 0 || int(ph) >= len(phaseNames) {
		return nil, fmt.Errorf("risk: invalid phase %d", int(ph))
	}
	return []byte(phaseNames[ph]), nil
}

// UnmarshalText reads a phase's name.
func (ph *Phase) UnmarshalText(b []byte) error {
	for i, name := range phaseNames {
		if string(b) == name {
			*ph = Phase(i)
			return nil
		}
	}
	return fmt.Errorf("risk: unknown phase %q", b)
}

// String describes the limits in Russian for a CRM user, for example
// "новых получателей в день: не больше 20; сообщений в день: без
// ограничения; группы: нельзя".
func (l Limits) String() string {
	cap := func(n int) string {
		if n < 0 {
			return "без ограничения"
		}
		if n == 0 {
			return "нельзя"
		}
		return fmt.Sprintf("не больше %d", n)
	}
	groups := "нельзя"
	if l.Groups {
		groups = "можно"
	}
	return fmt.Sprintf("новых получателей в день: %s; сообщений в день: %s; группы: %s",
		cap(l.NewRecipientsPerDay), cap(l.MessagesPerDay), groups)
}

const day = 24 * time.Hour

func days(n int) time.Duration { return time.Duration(n) * day }

// PhoneWarmup returns how many messages a day to send from the phone itself
// on day d of the warm-up, counting the day of registration (or of the
// warm-up restart) as day 1: none on day 1; on day 2 one every 2 hours, 12;
// then 12 rising evenly to 100 over the 7 days 3 to 9 (12, 27, 41, 56, 71,
// 85, 100); 100 from day 9 on. Day 10 is the first day the number may be
// connected to the service. The guidance gives the numbers 12, 100, 7 days
// and "a message every 2 hours from day 2"; placing them on days 2 to 9 is
// this package's reading.
func PhoneWarmup(d int) int {
	switch {
	case d <= 1:
		return 0
	case d == 2:
		return 12
	case d >= 9:
		return 100
	}
	// Days 3..9 rise linearly from 12 to 100, rounded to the nearest.
	return 12 + ((100-12)*(d-3)*2+6)/12
}

// timeline is what LimitsAt and Assess both need to know about an account
// at one moment.
type timeline struct {
	now time.Time
	// known: the registration date is known or bounded by another event.
	known bool
	// registered is Account.Registered, or the earliest known event when
	// it is zero; warmStart is the later of it and WarmupRestarted.
	registered, warmStart time.Time
	// blocked: the number is blocked now (LastBlock set, and LastUnblock
	// zero, before it or after now); blocks is Account.Blocks, at
	// least 1 when LastBlock is set.
	blocked bool
	blocks  int
	// reconnect is when the number may go back to the service after the
	// last block (zero: no block lifted); connStart is when the current
	// connection to the service began, for the new-number and green-light
	// clocks.
	reconnect, connStart time.Time
}

func (p *Policy) timeline(now time.Time, a Account) timeline {
	t := timeline{now: now, registered: a.Registered, known: !a.Registered.IsZero()}
	if !t.known {
		// Registration precedes every other event of the account, so the
		// earliest of them (up to now) bounds it: the account is at least
		// that old. Without any event, its age is unknown.
		for _, e := range []time.Time{a.Connected, a.WarmupRestarted, a.LastOutgoing, a.LastBlock, a.LastUnblock} {
			if !e.IsZero() && !e.After(now) && (!t.known || e.Before(t.registered)) {
				t.registered, t.known = e, true
			}
		}
	}
	t.warmStart = later(t.registered, a.WarmupRestarted)

	t.blocks = a.Blocks
	if !a.LastBlock.IsZero() {
		t.blocks = max(t.blocks, 1)
		t.blocked = a.LastUnblock.IsZero() || a.LastUnblock.Before(a.LastBlock)
	}
	if a.LastUnblock.After(now) {
		t.blocked = true // a lift that has not happened yet
	}
	if !t.blocked && !a.LastUnblock.IsZero() {
		t.reconnect = a.LastUnblock
		if t.blocks >= 2 {
			t.reconnect = a.LastUnblock.Add(days(p.PhoneOnlyDays))
		}
	}

	conn := a.Connected
	if conn.IsZero() {
		conn = now // not connected: it connects now
	}
	t.connStart = later(later(conn, t.warmStart.Add(days(p.WarmupDays))), t.reconnect)
	return t
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// LimitsAt returns the account's sending limits at now under policy p (nil:
// defaults). See the package documentation for the phases.
func (p *Policy) LimitsAt(now time.Time, a Account) Limits {
	r := p.resolved()
	return r.limits(r.timeline(now, a))
}

func (p *Policy) limits(t timeline) Limits {
	none := Limits{PhoneMessagesPerDay: -1}
	now := t.now
	if !t.known {
		return none // PhaseWarmup, end unknown
	}
	if warmEnd := t.warmStart.Add(days(p.WarmupDays)); now.Before(warmEnd) {
		l := none
		l.Until = warmEnd
		d := 1 // day 1 is the day of registration
		if now.After(t.warmStart) {
			d += int(now.Sub(t.warmStart) / day)
		}
		l.PhoneMessagesPerDay = PhoneWarmup(d)
		return l
	}
	if t.blocked {
		none.Phase, none.PhoneMessagesPerDay = PhaseBlocked, 0
		return none
	}
	if t.blocks >= 2 && !t.reconnect.IsZero() {
		if now.Before(t.reconnect) {
			none.Phase, none.Until = PhasePhoneOnly, t.reconnect
			return none
		}
		if end := t.reconnect.Add(days(p.ChatsOnlyDays)); now.Before(end) {
			none.Phase, none.Until = PhaseChatsOnly, end
			return none
		}
	}
	since := now.Sub(t.connStart)
	switch {
	case since < days(p.NewNumberDays):
		return Limits{
			NewRecipientsPerDay: p.NewNumberRecipients, MessagesPerDay: -1,
			PhoneMessagesPerDay: -1, Phase: PhaseNew, Until: t.connStart.Add(days(p.NewNumberDays)),
		}
	case since < days(p.GreenLightDays):
		extra := int(since/day) - p.NewNumberDays + 1 // 1 on the first growing day
		return Limits{
			NewRecipientsPerDay: p.NewNumberRecipients + extra*p.GrowthPerDay, MessagesPerDay: -1,
			Groups: true, PhoneMessagesPerDay: -1, Phase: PhaseGrowing,
			Until: t.connStart.Add(days(p.GreenLightDays)),
		}
	}
	return Limits{NewRecipientsPerDay: -1, MessagesPerDay: -1, Groups: true, PhoneMessagesPerDay: -1, Phase: PhaseGreen}
}

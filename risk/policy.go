package risk

// Policy holds the numbers of the risk model. The zero value (and a nil
// *Policy) uses the documented defaults; a zero or negative field means its
// default. Fields marked "guidance" default to the number in the published
// guidance the model encodes; fields marked "choice" default to a number the
// guidance does not give, chosen by this package.
type Policy struct {
	// WarmupDays (guidance: 10) is how long after registration, or after a
	// warm-up restart, nothing may go through the service.
	WarmupDays int `json:"warmup_days,omitempty"`
	// NewNumberDays (guidance: 10) is how long after connecting the new-
	// number limits hold: no groups, NewNumberRecipients new recipients a day.
	NewNumberDays int `json:"new_number_days,omitempty"`
	// NewNumberRecipients (guidance: 20) caps new recipients a day during
	// the first NewNumberDays after connecting.
	NewNumberRecipients int `json:"new_number_recipients,omitempty"`
	// GreenLightDays (guidance: 25 to 30; default 30, the cautious end) is
	// how many days after connecting without incidents lift the fixed caps.
	GreenLightDays int `json:"green_light_days,omitempty"`
	// MinRepliesPer100 (guidance: 30) is the lowest acceptable number of
	// replies per 100 outgoing messages.
	MinRepliesPer100 int `json:"min_replies_per_100,omitempty"`
	// IdleDays (guidance: 14) is how many days without sending raise the
	// risk again.
	IdleDays int `json:"idle_days,omitempty"`
	// QueueHours (guidance: 24): when a block was lifted at most this many
	// hours ago, queued messages must be cleared before reconnecting.
	QueueHours int `json:"queue_hours,omitempty"`
	// MinDialogs (guidance: 10) is how many dialogs a number should have
	// before it is connected to the service.
	MinDialogs int `json:"min_dialogs,omitempty"`

	// GrowthPerDay (choice: 5) is how many more new recipients a day are
	// allowed for every day after the first NewNumberDays, until the green
	// light: 25 on day 10 after connecting, 120 on day 29 by default.
	GrowthPerDay int `json:"growth_per_day,omitempty"`
	// ManyAtOnce (choice: 150) and BurstFactor (choice: 2) define "many
	// recipients written to first at once" after the green light: more new
	// recipients in one batch than both ManyAtOnce and BurstFactor times the
	// average daily outgoing messages of the trailing 7 days.
	ManyAtOnce  int `json:"many_at_once,omitempty"`
	BurstFactor int `json:"burst_factor,omitempty"`
	// NoRepliesPer100 (choice: 10) is the replies per 100 outgoing messages
	// below which "clients do not reply" (Maximal) rather than "too few
	// replies" (Minimal).
	NoRepliesPer100 int `json:"no_replies_per_100,omitempty"`
	// MinOutgoing (choice: 20) is how many outgoing messages in 7 days the
	// reply ratio needs before it means anything.
	MinOutgoing int `json:"min_outgoing,omitempty"`
	// FrequentChecks (choice: 50) is how many "has WhatsApp" checks in 7
	// days count as frequent; MinDialogsPer100Checks (choice: 10) is the
	// lowest acceptable number of dialogs per 100 such checks.
	FrequentChecks         int `json:"frequent_checks,omitempty"`
	MinDialogsPer100Checks int `json:"min_dialogs_per_100_checks,omitempty"`
	// PhoneOnlyDays (choice: 3) and ChatsOnlyDays (choice: 3) are the
	// guidance's "several days" after a repeated block is lifted: first
	// phone only, then chats only (no mass sends, no groups).
	PhoneOnlyDays int `json:"phone_only_days,omitempty"`
	ChatsOnlyDays int `json:"chats_only_days,omitempty"`
}

// DefaultPolicy returns the defaults, every field filled in.
func DefaultPolicy() Policy {
	return Policy{
		WarmupDays:             10,
		NewNumberDays:          10,
		NewNumberRecipients:    20,
		GreenLightDays:         30,
		MinRepliesPer100:       30,
		IdleDays:               14,
		QueueHours:             24,
		MinDialogs:             10,
		GrowthPerDay:           5,
		ManyAtOnce:             150,
		BurstFactor:            2,
		NoRepliesPer100:        10,
		MinOutgoing:            20,
		FrequentChecks:         50,
		MinDialogsPer100Checks: 10,
		PhoneOnlyDays:          3,
		ChatsOnlyDays:          3,
	}
}

// resolved returns p with every zero or negative field set to its default.
func (p *Policy) resolved() Policy {
	d := DefaultPolicy()
	if p == nil {
		return d
	}
	r := *p
	for _, f := range []struct{ v, def *int }{
		{&r.WarmupDays, &d.WarmupDays},
		{&r.NewNumberDays, &d.NewNumberDays},
		{&r.NewNumberRecipients, &d.NewNumberRecipients},
		{&r.GreenLightDays, &d.GreenLightDays},
		{&r.MinRepliesPer100, &d.MinRepliesPer100},
		{&r.IdleDays, &d.IdleDays},
		{&r.QueueHours, &d.QueueHours},
		{&r.MinDialogs, &d.MinDialogs},
		{&r.GrowthPerDay, &d.GrowthPerDay},
		{&r.ManyAtOnce, &d.ManyAtOnce},
		{&r.BurstFactor, &d.BurstFactor},
		{&r.NoRepliesPer100, &d.NoRepliesPer100},
		{&r.MinOutgoing, &d.MinOutgoing},
		{&r.FrequentChecks, &d.FrequentChecks},
		{&r.MinDialogsPer100Checks, &d.MinDialogsPer100Checks},
		{&r.PhoneOnlyDays, &d.PhoneOnlyDays},
		{&r.ChatsOnlyDays, &d.ChatsOnlyDays},
	} {
		if *f.v <= 0 {
			*f.v = *f.def
		}
	}
	// Keep the day counts within a range where date arithmetic cannot
	// overflow (about 27 years).
	for _, v := range []*int{&r.WarmupDays, &r.NewNumberDays, &r.GreenLightDays,
		&r.IdleDays, &r.PhoneOnlyDays, &r.ChatsOnlyDays} {
		*v = min(*v, maxDays)
	}
	r.QueueHours = min(r.QueueHours, maxDays*24)
	for _, v := range []*int{&r.NewNumberRecipients, &r.MinRepliesPer100, &r.MinDialogs,
		&r.GrowthPerDay, &r.ManyAtOnce, &r.BurstFactor, &r.NoRepliesPer100,
		&r.MinOutgoing, &r.FrequentChecks, &r.MinDialogsPer100Checks} {
		*v = min(*v, maxCount)
	}
	return r
}

// Bounds that keep the arithmetic from overflowing whatever the input.
const (
	maxDays  = 10000   // days, about 27 years
	maxCount = 1 << 20 // policy counts and percentages
)

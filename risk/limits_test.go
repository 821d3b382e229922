package risk_test

import (
	"math"
	"testing"
	"time"

	"github.com/spinwise/spinwise/risk"
)

func TestLimitsAt(t *testing.T) {
	lim := func(newPerDay, msgs int, groups bool, phone int, ph risk.Phase, until time.Time) risk.Limits {
		return risk.Limits{NewRecipientsPerDay: newPerDay, MessagesPerDay: msgs, Groups: groups,
			PhoneMessagesPerDay: phone, Phase: ph, Until: until}
	}
	old := ago(90 * day)
	for _, row := range []struct {
		name string
		a    risk.Account
		want risk.Limits
		why  string
	}{
		{"unknown registration", risk.Account{}, lim(0, 0, false, -1, risk.PhaseWarmup, time.Time{}),
			"no date and no event: treated as young, end unknown"},
		{"registration day", risk.Account{Registered: now}, lim(0, 0, false, 0, risk.PhaseWarmup, now.Add(10*day)), "day 1: nothing even from the phone"},
		{"day 2", risk.Account{Registered: ago(day)}, lim(0, 0, false, 12, risk.PhaseWarmup, now.Add(9*day)), "a message every 2 hours"},
		{"day 4", risk.Account{Registered: ago(3*day + time.Hour)}, lim(0, 0, false, 27, risk.PhaseWarmup, now.Add(7*day-time.Hour)), ""},
		{"registered 9 days ago", risk.Account{Registered: ago(9 * day)}, lim(0, 0, false, 100, risk.PhaseWarmup, now.Add(day)), "day 10 of the schedule, still warm-up"},
		{"registered in the future", risk.Account{Registered: now.Add(time.Hour)}, lim(0, 0, false, 0, risk.PhaseWarmup, now.Add(10*day+time.Hour)), "bad data: young"},
		{"registered 10 days ago, not connected", risk.Account{Registered: ago(10 * day)},
			lim(20, -1, false, -1, risk.PhaseNew, now.Add(10*day)), "connects now: the new-number limits run from now"},
		{"connected during the warm-up", risk.Account{Registered: ago(12 * day), Connected: ago(11 * day)},
			lim(20, -1, false, -1, risk.PhaseNew, now.Add(8*day)), "the clock starts when the warm-up ends, not at the early connection"},
		{"connected 9 days ago", risk.Account{Registered: old, Connected: ago(9 * day)}, lim(20, -1, false, -1, risk.PhaseNew, now.Add(day)), ""},
		{"connected 10 days ago", risk.Account{Registered: old, Connected: ago(10 * day)}, lim(25, -1, true, -1, risk.PhaseGrowing, now.Add(20*day)), "first growing day: 20 + 5"},
		{"connected 11.5 days ago", risk.Account{Registered: old, Connected: ago(11*day + 12*time.Hour)}, lim(30, -1, true, -1, risk.PhaseGrowing, now.Add(18*day+12*time.Hour)), ""},
		{"connected 29 days ago", risk.Account{Registered: old, Connected: ago(29 * day)}, lim(120, -1, true, -1, risk.PhaseGrowing, now.Add(day)), ""},
		{"connected 30 days ago", risk.Account{Registered: old, Connected: ago(30 * day)}, lim(-1, -1, true, -1, risk.PhaseGreen, time.Time{}), "green light"},
		{"registration unknown, connected 40 days ago", risk.Account{Connected: ago(40 * day)}, lim(-1, -1, true, -1, risk.PhaseGreen, time.Time{}), "registration precedes connection"},
		{"registration unknown, connected 30 days ago", risk.Account{Connected: ago(30 * day)}, lim(75, -1, true, -1, risk.PhaseGrowing, now.Add(10*day)),
			"registered at the latest when connected, so the service clock starts 10 days later: day 20"},
		{"registration unknown, last outgoing 3 days ago", risk.Account{LastOutgoing: ago(3 * day)}, lim(0, 0, false, 27, risk.PhaseWarmup, now.Add(7*day)), "the earliest event bounds the age"},
		{"restarted 9 days ago", risk.Account{Registered: old, Connected: ago(60 * day), WarmupRestarted: ago(9 * day)},
			lim(0, 0, false, 100, risk.PhaseWarmup, now.Add(day)), "a reinstall starts the warm-up over"},
		{"restarted 10 days ago", risk.Account{Registered: old, Connected: ago(60 * day), WarmupRestarted: ago(10 * day)},
			lim(20, -1, false, -1, risk.PhaseNew, now.Add(10*day)), ""},
		{"blocked now", risk.Account{Registered: old, Connected: ago(60 * day), Blocks: 1, LastBlock: ago(time.Hour)},
			lim(0, 0, false, 0, risk.PhaseBlocked, time.Time{}), ""},
		{"blocked again after an unblock", risk.Account{Registered: old, Connected: ago(60 * day), Blocks: 3, LastBlock: ago(time.Hour), LastUnblock: ago(5 * day)},
			lim(0, 0, false, 0, risk.PhaseBlocked, time.Time{}), "LastBlock after LastUnblock"},
		{"block 1, unblocked 1 day ago", risk.Account{Registered: old, Connected: ago(60 * day), Blocks: 1, LastBlock: ago(2 * day), LastUnblock: ago(day)},
			lim(20, -1, false, -1, risk.PhaseNew, now.Add(9*day)), "reconnection restarts the new-number limits"},
		{"block 2, unblocked 1 day ago", risk.Account{Registered: old, Connected: ago(60 * day), Blocks: 2, LastBlock: ago(2 * day), LastUnblock: ago(day)},
			lim(0, 0, false, -1, risk.PhasePhoneOnly, now.Add(2*day)), "repeated block: phone only"},
		{"block 2, unblocked 3 days ago", risk.Account{Registered: old, Connected: ago(60 * day), Blocks: 2, LastBlock: ago(4 * day), LastUnblock: ago(3 * day)},
			lim(0, 0, false, -1, risk.PhaseChatsOnly, now.Add(3*day)), "then chats only"},
		{"block 2, unblocked 6 days ago", risk.Account{Registered: old, Connected: ago(60 * day), Blocks: 2, LastBlock: ago(7 * day), LastUnblock: ago(6 * day)},
			lim(20, -1, false, -1, risk.PhaseNew, now.Add(7*day)), "then the new-number limits from the reconnection on day 3"},
		{"block 2, unblocked 33 days ago", risk.Account{Registered: old, Connected: ago(60 * day), Blocks: 2, LastBlock: ago(40 * day), LastUnblock: ago(33 * day)},
			lim(-1, -1, true, -1, risk.PhaseGreen, time.Time{}), "30 days after the reconnection"},
	} {
		t.Run(row.name, func(t *testing.T) {
			got := risk.LimitsAt(now, row.a)
			if !got.Until.Equal(row.want.Until) {
				t.Errorf("Until = %v, want %v (%s)", got.Until, row.want.Until, row.why)
			}
			got.Until = row.want.Until
			if got != row.want {
				t.Errorf("LimitsAt = %+v\nwant       %+v (%s)", got, row.want, row.why)
			}
			// Same instants, other zones: same limits.
			msk := time.FixedZone("MSK", 3*60*60)
			z := risk.LimitsAt(now.In(msk), row.a)
			if z.Phase != got.Phase || z.NewRecipientsPerDay != got.NewRecipientsPerDay || !z.Until.Equal(got.Until) ||
				z.PhoneMessagesPerDay != got.PhoneMessagesPerDay {
				t.Errorf("in MSK: %+v", z)
			}
		})
	}
}

func TestLimitsPolicy(t *testing.T) {
	a := risk.Account{Registered: ago(90 * day), Connected: ago(10 * day)}
	p := &risk.Policy{GrowthPerDay: 10, NewNumberRecipients: 15}
	if got := p.LimitsAt(now, a); got.NewRecipientsPerDay != 25 {
		t.Errorf("15 + 10 on the first growing day: %+v", got)
	}
	p = &risk.Policy{PhoneOnlyDays: 1, ChatsOnlyDays: 1}
	a = risk.Account{Registered: ago(90 * day), Connected: ago(60 * day), Blocks: 2, LastBlock: ago(3 * day), LastUnblock: ago(36 * time.Hour)}
	if got := p.LimitsAt(now, a); got.Phase != risk.PhaseChatsOnly {
		t.Errorf("1 phone-only day, 1.5 days after unblock: %+v", got)
	}
	huge := &risk.Policy{WarmupDays: math.MaxInt, GrowthPerDay: math.MaxInt, GreenLightDays: math.MaxInt}
	if got := huge.LimitsAt(now, risk.Account{Registered: ago(90 * day)}); got.Phase != risk.PhaseWarmup {
		t.Errorf("huge warm-up: %+v", got)
	}
}

func TestPhoneWarmup(t *testing.T) {
	want := []int{0, 0, 12, 12, 27, 41, 56, 71, 85, 100, 100, 100}
	for d, w := range want {
		if got := risk.PhoneWarmup(d); got != w {
			t.Errorf("PhoneWarmup(%d) = %d, want %d", d, got, w)
		}
	}
}

func TestLimitsString(t *testing.T) {
	for _, row := range []struct {
		l    risk.Limits
		want string
	}{
		{risk.Limits{NewRecipientsPerDay: 20, MessagesPerDay: -1}, "новых получателей в день: не больше 20; сообщений в день: без ограничения; группы: нельзя"},
		{risk.Limits{}, "новых получателей в день: нельзя; сообщений в день: нельзя; группы: нельзя"},
		{risk.Limits{NewRecipientsPerDay: -1, MessagesPerDay: -1, Groups: true}, "новых получателей в день: без ограничения; сообщений в день: без ограничения; группы: можно"},
	} {
		if got := row.l.String(); got != row.want {
			t.Errorf("String() = %q, want %q", got, row.want)
		}
	}
}

func TestPhaseText(t *testing.T) {
	for ph := risk.PhaseWarmup; ph <= risk.PhaseChatsOnly; ph++ {
		b, err := ph.MarshalText()
		var back risk.Phase
		if err != nil || string(b) != ph.String() || back.UnmarshalText(b) != nil || back != ph {
			t.Errorf("%v: %q %v %v", ph, b, err, back)
		}
	}
	if risk.PhaseChatsOnly.String() != "chats-only" || risk.Phase(99).String() != "Phase(99)" {
		t.Error("phase names")
	}
	if _, err := risk.Phase(99).MarshalText(); err == nil {
		t.Error("Phase(99) marshals")
	}
	var ph risk.Phase
	if ph.UnmarshalText([]byte("red")) == nil {
		t.Error(`"red" unmarshals`)
	}
}

// NewRecipientsCap is the line Assess draws: at the cap no
// too-many-new-recipients finding, one over it the finding, in every phase
// that allows new recipients, with recipients already written to today.
func TestNewRecipientsCapMatchesAssess(t *testing.T) {
	old := ago(90 * day)
	for _, row := range []struct {
		name string
		a    risk.Account
		s    risk.Stats
		want int
		why  string
	}{
		{"new", risk.Account{Registered: old, Connected: ago(2 * day)}, risk.Stats{NewRecipientsToday: 7}, 20,
			"the cap is the day's: the 7 already written to count in Assess, not in the cap"},
		{"growing", risk.Account{Registered: old, Connected: ago(12 * day)}, risk.Stats{}, 35, "day 12: 20 + 3 x 5"},
		{"green, quiet", risk.Account{Registered: old, Connected: ago(60 * day)}, risk.Stats{Outgoing: 70, Replies: 40}, 150,
			"2 x 70/7 = 20 is under ManyAtOnce"},
		{"green, busy", risk.Account{Registered: old, Connected: ago(60 * day)}, risk.Stats{Outgoing: 1400, Replies: 700, NewRecipientsToday: 3}, 400,
			"2 x 1400/7 = 400 beats ManyAtOnce"},
		{"warm-up", risk.Account{Registered: ago(2 * day)}, risk.Stats{}, 0, "nothing through the service"},
		{"blocked", risk.Account{Registered: old, Connected: ago(60 * day), LastBlock: ago(day)}, risk.Stats{}, 0, "nothing while blocked"},
	} {
		t.Run(row.name, func(t *testing.T) {
			got := (*risk.Policy)(nil).NewRecipientsCap(now, row.a, row.s)
			if got != row.want {
				t.Fatalf("cap = %d, want %d (%s)", got, row.want, row.why)
			}
			if got == 0 {
				return
			}
			tooMany := func(n int) bool {
				p := risk.Plan{Recipients: n, NewRecipients: n, Personalized: true, Varied: true, AsksQuestion: true}
				for _, f := range risk.Assess(now, row.a, row.s, p).Findings {
					if f.Code == risk.CodeTooManyNewRecipients {
						return true
					}
				}
				return false
			}
			room := got - row.s.NewRecipientsToday
			if tooMany(room) || !tooMany(room+1) {
				t.Errorf("Assess disagrees: %d more new is too many: %v; %d more: %v (%s)", room, tooMany(room), room+1, tooMany(room+1), row.why)
			}
		})
	}
}

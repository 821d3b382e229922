package risk_test

import (
	"encoding/json"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/spinwise/spinwise/linkcheck"
	"github.com/spinwise/spinwise/risk"
)

var now = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

func ago(d time.Duration) time.Time { return now.Add(-d) }

const day = 24 * time.Hour

// healthy is a green-light account with good stats sending a good outbound
// batch: its only finding is writes-first.
func healthy() (risk.Account, risk.Stats, risk.Plan) {
	return risk.Account{
			Registered:   ago(60 * day),
			Connected:    ago(45 * day),
			LastOutgoing: ago(day),
		}, risk.Stats{Outgoing: 140, Replies: 50, Dialogs: 40, PhoneChecks: 10},
		risk.Plan{Recipients: 20, NewRecipients: 20, Personalized: true, Varied: true, AsksQuestion: true}
}

type cl struct {
	code  string
	level risk.Level
}

func codes(as risk.Assessment) []cl {
	var out []cl
	for _, f := range as.Findings {
		out = append(out, cl{f.Code, f.Level})
	}
	return out
}

var (
	wf      = cl{risk.CodeWritesFirst, risk.Minimal}
	inbound = func(a *risk.Account, s *risk.Stats, p *risk.Plan) { p.InboundOnly, p.NewRecipients = true, 0 }
)

type mut = func(a *risk.Account, s *risk.Stats, p *risk.Plan)

var assessRows = []struct {
	name string
	why  string
	muts []mut
	want []cl
}{
	{name: "healthy outbound", why: "all minimal-risk conditions hold: Minimal through writes-first alone", want: []cl{wf}},
	{name: "healthy inbound", muts: []mut{inbound}, want: nil},
	{name: "empty plan", why: "no recipients: only the account is assessed",
		muts: []mut{func(a *risk.Account, s *risk.Stats, p *risk.Plan) { *p = risk.Plan{} }}},

	// Age: day 9 vs day 10.
	{name: "registered 9 days ago", muts: []mut{registered(9 * day)},
		want: []cl{{risk.CodeYoungAccount, risk.Maximal}, wf}},
	{name: "registered 10 days minus a second ago", why: "a day is 24 h of elapsed time; 239:59:59 is under 10 days",
		muts: []mut{registered(10*day - time.Second)}, want: []cl{{risk.CodeYoungAccount, risk.Maximal}, wf}},
	{name: "registered 10 days ago", why: "day 10: may connect; 20 new recipients fit the new-number cap",
		muts: []mut{registered(10 * day)}, want: []cl{wf}},
	{name: "young and inbound", why: "nothing through the service during the warm-up, replies included",
		muts: []mut{registered(3 * day), inbound}, want: []cl{{risk.CodeYoungAccount, risk.Maximal}}},
	{name: "registration unknown, no events", why: "unknown age is not taken as old",
		muts: []mut{func(a *risk.Account, s *risk.Stats, p *risk.Plan) { *a = risk.Account{} }},
		want: []cl{{risk.CodeYoungAccount, risk.Maximal}, wf}},
	{name: "registration unknown, connected 45 days ago", why: "registration precedes connection, so the account is old",
		muts: []mut{func(a *risk.Account, s *risk.Stats, p *risk.Plan) { a.Registered = time.Time{} }}, want: []cl{wf}},
	{name: "registration unknown, first event 5 days ago",
		muts: []mut{func(a *risk.Account, s *risk.Stats, p *risk.Plan) {
			*a = risk.Account{Connected: ago(5 * day), LastOutgoing: ago(day)}
		}}, want: []cl{{risk.CodeYoungAccount, risk.Maximal}, wf}},

	// Warm-up restart.
	{name: "restarted 9 days ago", muts: []mut{restarted(9 * day)},
		want: []cl{{risk.CodeWarmupRestarted, risk.Maximal}, wf}},
	{name: "restarted 10 days ago", why: "warm-up over; the new-number cap of 20 applies again",
		muts: []mut{restarted(10 * day)}, want: []cl{wf}},
	{name: "restarted 10 days ago, 21 new", muts: []mut{restarted(10 * day), newRecipients(21)},
		want: []cl{{risk.CodeTooManyNewRecipients, risk.Maximal}, wf}},
	{name: "young and restarted", why: "one Maximal finding for one wait: young-account covers the restart",
		muts: []mut{registered(5 * day), restarted(2 * day)}, want: []cl{{risk.CodeYoungAccount, risk.Maximal}, wf}},

	// New recipients: 20 vs 21 in the first 10 days after connecting.
	{name: "new number, 20 new", muts: []mut{connected(5 * day), newRecipients(20)}, want: []cl{wf}},
	{name: "new number, 21 new", muts: []mut{connected(5 * day), newRecipients(21)},
		want: []cl{{risk.CodeTooManyNewRecipients, risk.Maximal}, wf}},
	{name: "new number, 21 new inbound", why: "recipients who wrote first are not written to first",
		muts: []mut{connected(5 * day), newRecipients(21), inbound}, want: nil},
	{name: "growing day 10, 25 new", muts: []mut{connected(10 * day), newRecipients(25)}, want: []cl{wf}},
	{name: "growing day 10, 26 new", muts: []mut{connected(10 * day), newRecipients(26)},
		want: []cl{{risk.CodeTooManyNewRecipients, risk.Maximal}, wf}},
	{name: "growing day 29, 120 new", muts: []mut{connected(29 * day), newRecipients(120)}, want: []cl{wf}},
	{name: "green, 150 new", muts: []mut{newRecipients(150)}, want: []cl{wf}},
	{name: "green, 151 new", why: "many at once: over 150 and over twice the daily average (40)",
		muts: []mut{newRecipients(151)}, want: []cl{{risk.CodeTooManyNewRecipients, risk.Maximal}, wf}},
	{name: "green, busy number, 200 new", why: "700 a week: 100 a day, twice that is 200",
		muts: []mut{outgoing(700, 300), newRecipients(200)}, want: []cl{wf}},
	{name: "green, busy number, 201 new", muts: []mut{outgoing(700, 300), newRecipients(201)},
		want: []cl{{risk.CodeTooManyNewRecipients, risk.Maximal}, wf}},

	// The caps are daily: new recipients already written to first today
	// count with the batch's (a robot sends one message per deal).
	{name: "new number, 15 today and 5 new", muts: []mut{connected(5 * day), today(15), newRecipients(5)}, want: []cl{wf}},
	{name: "new number, 15 today and 6 new", muts: []mut{connected(5 * day), today(15), newRecipients(6)},
		want: []cl{{risk.CodeTooManyNewRecipients, risk.Maximal}, wf}},
	{name: "new number, 20 today and 1 new", why: "one message per deal still counts against the day",
		muts: []mut{connected(5 * day), today(20), newRecipients(1)},
		want: []cl{{risk.CodeTooManyNewRecipients, risk.Maximal}, wf}},
	{name: "new number, 30 today, inbound batch", muts: []mut{connected(5 * day), today(30), inbound}, want: nil},
	{name: "new number, 30 today, no new recipient", why: "writing again to known recipients adds nobody new",
		muts: []mut{connected(5 * day), today(30), func(a *risk.Account, s *risk.Stats, p *risk.Plan) { p.NewRecipients = 0 }},
		want: []cl{wf}},
	{name: "new number, negative today", why: "a negative count is 0",
		muts: []mut{connected(5 * day), today(-40), newRecipients(20)}, want: []cl{wf}},
	{name: "growing day 10, 20 today and 5 new", muts: []mut{connected(10 * day), today(20), newRecipients(5)}, want: []cl{wf}},
	{name: "growing day 10, 20 today and 6 new", muts: []mut{connected(10 * day), today(20), newRecipients(6)},
		want: []cl{{risk.CodeTooManyNewRecipients, risk.Maximal}, wf}},
	{name: "green, MaxInt new and 1 today", why: "huge counts saturate, they do not wrap",
		muts: []mut{today(1), newRecipients(math.MaxInt)}, want: []cl{{risk.CodeTooManyNewRecipients, risk.Maximal}, wf}},
	{name: "green, 100 today and 50 new", muts: []mut{today(100), newRecipients(50)}, want: []cl{wf}},
	{name: "green, 100 today and 51 new", why: "many in one day: 151 is over 150 and over twice the daily average",
		muts: []mut{today(100), newRecipients(51)}, want: []cl{{risk.CodeTooManyNewRecipients, risk.Maximal}, wf}},

	// Replies: 29 vs 30 per 100; 9 vs 10 per 100.
	{name: "30 replies per 100", muts: []mut{outgoing(100, 30)}, want: []cl{wf}},
	{name: "29 replies per 100", muts: []mut{outgoing(100, 29)}, want: []cl{{risk.CodeLowReplies, risk.Minimal}, wf}},
	{name: "299 replies per 1000", why: "29.9 per 100 is under 30 although it rounds to 30",
		muts: []mut{outgoing(1000, 299)}, want: []cl{{risk.CodeLowReplies, risk.Minimal}, wf}},
	{name: "10 replies per 100", muts: []mut{outgoing(100, 10)}, want: []cl{{risk.CodeLowReplies, risk.Minimal}, wf}},
	{name: "9 replies per 100", why: "clients do not reply", muts: []mut{outgoing(100, 9)},
		want: []cl{{risk.CodeLowReplies, risk.Maximal}, wf}},
	{name: "19 outgoing, no replies", why: "too few messages to judge", muts: []mut{outgoing(19, 0)}, want: []cl{wf}},
	{name: "20 outgoing, no replies", muts: []mut{outgoing(20, 0)}, want: []cl{{risk.CodeLowReplies, risk.Maximal}, wf}},
	{name: "no replies, inbound", muts: []mut{outgoing(100, 0), inbound}, want: nil},

	// Wording.
	{name: "identical", muts: []mut{wording(false, false, true)},
		want: []cl{{risk.CodeIdenticalMessages, risk.Maximal}, wf}},
	{name: "not personalized", muts: []mut{wording(false, true, true)},
		want: []cl{{risk.CodeIdenticalMessages, risk.Minimal}, wf}},
	{name: "not varied", muts: []mut{wording(true, false, true)},
		want: []cl{{risk.CodeIdenticalMessages, risk.Minimal}, wf}},
	{name: "identical to one recipient", why: "one message cannot be identical to another",
		muts: []mut{wording(false, false, true), func(a *risk.Account, s *risk.Stats, p *risk.Plan) { p.Recipients, p.NewRecipients = 1, 1 }},
		want: []cl{wf}},
	{name: "identical inbound", muts: []mut{wording(false, false, false), inbound}, want: nil},
	{name: "no question", muts: []mut{wording(true, true, false)}, want: []cl{{risk.CodeNoQuestion, risk.Minimal}, wf}},

	// Links.
	{name: "ok link", muts: []mut{links(linkcheck.OK)}, want: []cl{wf}},
	{name: "shortened link", muts: []mut{links(linkcheck.Shortener)}, want: []cl{{risk.CodeShortenedLink, risk.Minimal}, wf}},
	{name: "blocked link", muts: []mut{links(linkcheck.Blocked)}, want: []cl{{risk.CodeBlockedLink, risk.Maximal}, wf}},
	{name: "suspicious link", muts: []mut{links(linkcheck.Suspicious)}, want: []cl{{risk.CodeBlockedLink, risk.Minimal}, wf}},
	{name: "blocked and suspicious", why: "one finding per code, at the worse level",
		muts: []mut{links(linkcheck.Suspicious, linkcheck.Blocked)}, want: []cl{{risk.CodeBlockedLink, risk.Maximal}, wf}},
	{name: "shortened link inbound", why: "links matter whoever wrote first",
		muts: []mut{links(linkcheck.Shortener), inbound}, want: []cl{{risk.CodeShortenedLink, risk.Minimal}}},

	// Negative recipients.
	{name: "promotion to negative", muts: []mut{negative(true, 1)}, want: []cl{{risk.CodeNegativeRecipients, risk.Maximal}, wf}},
	{name: "service message to negative", muts: []mut{negative(false, 3)}, want: []cl{wf}},
	{name: "promotion, none negative", muts: []mut{negative(true, 0)}, want: []cl{wf}},

	// Groups.
	{name: "non-WhatsApp in groups", muts: []mut{func(a *risk.Account, s *risk.Stats, p *risk.Plan) { s.NonWhatsAppAddedToGroups = 1 }, inbound},
		want: []cl{{risk.CodeNonWhatsAppInGroups, risk.Maximal}}},
	{name: "groups on new number", muts: []mut{connected(9 * day), func(a *risk.Account, s *risk.Stats, p *risk.Plan) { s.GroupsCreated = 1 }},
		want: []cl{{risk.CodeGroupsOnNewNumber, risk.Maximal}, wf}},
	{name: "groups on day 10 after connecting", muts: []mut{connected(10 * day), func(a *risk.Account, s *risk.Stats, p *risk.Plan) { s.GroupsCreated = 1 }},
		want: []cl{wf}},
	{name: "planned group in warm-up", muts: []mut{registered(2 * day), func(a *risk.Account, s *risk.Stats, p *risk.Plan) { p.Groups = 1 }},
		want: []cl{{risk.CodeYoungAccount, risk.Maximal}, {risk.CodeGroupsOnNewNumber, risk.Maximal}, wf}},

	// Inactivity: 13 vs 14 days.
	{name: "13 days idle", muts: []mut{idle(13 * day)}, want: []cl{wf}},
	{name: "14 days idle", muts: []mut{idle(14 * day)}, want: []cl{{risk.CodeInactive, risk.Minimal}, wf}},
	{name: "14 days idle, inbound", muts: []mut{idle(14 * day), inbound}, want: nil},
	{name: "old LastOutgoing but sent this week", why: "Stats.Outgoing > 0 proves sending within 7 days",
		muts: []mut{idle(20 * day), outgoing(40, 20)}, want: []cl{wf}},
	{name: "never sent", why: "LastOutgoing zero and no outgoing: idle since the warm-up began",
		muts: []mut{func(a *risk.Account, s *risk.Stats, p *risk.Plan) {
			a.LastOutgoing = time.Time{}
			s.Outgoing, s.Replies = 0, 0
		}},
		want: []cl{{risk.CodeInactive, risk.Minimal}, wf}},

	// Phone checks.
	{name: "50 checks, 4 dialogs", muts: []mut{checks(50, 4)}, want: []cl{{risk.CodePhoneChecks, risk.Minimal}, wf}},
	{name: "50 checks, 5 dialogs", why: "10 per 100 is the lowest acceptable", muts: []mut{checks(50, 5)}, want: []cl{wf}},
	{name: "49 checks, no dialogs", why: "not frequent", muts: []mut{checks(49, 0)}, want: []cl{wf}},

	// Dialogs before connecting.
	{name: "not connected, 9 dialogs", muts: []mut{connected(-1), checks(0, 9)}, want: []cl{{risk.CodeFewDialogs, risk.Minimal}, wf}},
	{name: "not connected, 10 dialogs", muts: []mut{connected(-1), checks(0, 10)}, want: []cl{wf}},
	{name: "connected, 9 dialogs", muts: []mut{checks(0, 9)}, want: []cl{wf}},

	// Blocks and the queue: 24 hours after the unblock.
	{name: "blocked now", muts: []mut{blocked(1, 2*time.Hour, 0)}, want: []cl{{risk.CodeRecentBlock, risk.Maximal}, wf}},
	{name: "blocked now, queue", muts: []mut{blocked(1, 2*time.Hour, 0), queued(5)},
		want: []cl{{risk.CodeFlushQueue, risk.Maximal}, {risk.CodeRecentBlock, risk.Maximal}, wf}},
	{name: "unblocked 24h ago, queue", muts: []mut{blocked(1, 3*day, 24*time.Hour), queued(5)},
		want: []cl{{risk.CodeFlushQueue, risk.Maximal}, {risk.CodeRecentBlock, risk.Minimal}, wf}},
	{name: "unblocked 24h and 1s ago, queue", muts: []mut{blocked(1, 3*day, 24*time.Hour+time.Second), queued(5)},
		want: []cl{{risk.CodeRecentBlock, risk.Minimal}, wf}},
	{name: "unblocked 1h ago, empty queue", muts: []mut{blocked(1, 3*day, time.Hour)},
		want: []cl{{risk.CodeRecentBlock, risk.Minimal}, wf}},
	{name: "first block, unblocked 1 day ago, 21 new", why: "reconnecting restarts the new-number cap",
		muts: []mut{blocked(1, 3*day, day), newRecipients(21)},
		want: []cl{{risk.CodeTooManyNewRecipients, risk.Maximal}, {risk.CodeRecentBlock, risk.Minimal}, wf}},
	{name: "first block, unblocked 29 days ago", muts: []mut{blocked(1, 31*day, 29*day)},
		want: []cl{{risk.CodeRecentBlock, risk.Minimal}, wf}},
	{name: "first block, unblocked 30 days ago", muts: []mut{blocked(1, 32*day, 30*day)}, want: []cl{wf}},
	{name: "repeated block, unblocked 1 day ago", why: "Blocks 2: phone only",
		muts: []mut{blocked(2, 3*day, day)}, want: []cl{{risk.CodeRecentBlock, risk.Maximal}, wf}},
	{name: "repeated block, unblocked 1 day ago, inbound", why: "phone only: not even replies through the service",
		muts: []mut{blocked(2, 3*day, day), inbound}, want: []cl{{risk.CodeRecentBlock, risk.Maximal}}},
	{name: "repeated block, chats only, outbound", muts: []mut{blocked(2, 5*day, 4*day)},
		want: []cl{{risk.CodeRecentBlock, risk.Maximal}, wf}},
	{name: "repeated block, chats only, inbound", why: "chats are allowed", muts: []mut{blocked(2, 5*day, 4*day), inbound}},
	{name: "repeated block, 6 days after unblock", why: "back in the new-number phase, far from the green light",
		muts: []mut{blocked(2, 8*day, 6*day)}, want: []cl{{risk.CodeRecentBlock, risk.Minimal}, wf}},
	{name: "LastBlock without Blocks", why: "counts as one block", muts: []mut{blocked(0, 3*day, day)},
		want: []cl{{risk.CodeRecentBlock, risk.Minimal}, wf}},

	{name: "everything wrong", why: "order: Maximal first, then Minimal, each in Codes order",
		muts: []mut{connected(5 * day), newRecipients(40), outgoing(100, 5), wording(false, false, false),
			links(linkcheck.Shortener, linkcheck.Blocked), negative(true, 2), checks(60, 1),
			func(a *risk.Account, s *risk.Stats, p *risk.Plan) { s.GroupsCreated, s.NonWhatsAppAddedToGroups = 1, 1 }},
		want: []cl{
			{risk.CodeGroupsOnNewNumber, risk.Maximal}, {risk.CodeTooManyNewRecipients, risk.Maximal},
			{risk.CodeLowReplies, risk.Maximal}, {risk.CodeIdenticalMessages, risk.Maximal},
			{risk.CodeBlockedLink, risk.Maximal}, {risk.CodeNegativeRecipients, risk.Maximal},
			{risk.CodeNonWhatsAppInGroups, risk.Maximal},
			{risk.CodeNoQuestion, risk.Minimal}, {risk.CodeShortenedLink, risk.Minimal},
			{risk.CodePhoneChecks, risk.Minimal}, wf,
		}},
}

func registered(d time.Duration) mut {
	return func(a *risk.Account, s *risk.Stats, p *risk.Plan) { a.Registered, a.Connected = ago(d), time.Time{} }
}
func restarted(d time.Duration) mut {
	return func(a *risk.Account, s *risk.Stats, p *risk.Plan) { a.WarmupRestarted = ago(d) }
}

// connected sets Connected d ago; a negative d means not connected.
func connected(d time.Duration) mut {
	return func(a *risk.Account, s *risk.Stats, p *risk.Plan) {
		a.Connected = time.Time{}
		if d >= 0 {
			a.Connected = ago(d)
		}
	}
}
func newRecipients(n int) mut {
	return func(a *risk.Account, s *risk.Stats, p *risk.Plan) { p.Recipients, p.NewRecipients = n, n }
}
func today(n int) mut {
	return func(a *risk.Account, s *risk.Stats, p *risk.Plan) { s.NewRecipientsToday = n }
}
func outgoing(out, replies int) mut {
	return func(a *risk.Account, s *risk.Stats, p *risk.Plan) { s.Outgoing, s.Replies = out, replies }
}
func wording(personalized, varied, question bool) mut {
	return func(a *risk.Account, s *risk.Stats, p *risk.Plan) {
		p.Personalized, p.Varied, p.AsksQuestion = personalized, varied, question
	}
}
func links(vs ...linkcheck.Verdict) mut {
	return func(a *risk.Account, s *risk.Stats, p *risk.Plan) {
		for i, v := range vs {
			p.Links = append(p.Links, linkcheck.Link{Text: "https://example.ru/" + string(rune('a'+i)), Verdict: v})
		}
	}
}
func negative(promo bool, n int) mut {
	return func(a *risk.Account, s *risk.Stats, p *risk.Plan) { p.Promotional, p.NegativeRecipients = promo, n }
}
func idle(d time.Duration) mut {
	return func(a *risk.Account, s *risk.Stats, p *risk.Plan) {
		a.LastOutgoing, s.Outgoing, s.Replies = ago(d), 0, 0
	}
}
func checks(n, dialogs int) mut {
	return func(a *risk.Account, s *risk.Stats, p *risk.Plan) { s.PhoneChecks, s.Dialogs = n, dialogs }
}
func queued(n int) mut { return func(a *risk.Account, s *risk.Stats, p *risk.Plan) { s.Queued = n } }

// blocked records blocks, the last d ago, lifted u ago (0: still blocked).
func blocked(blocks int, d, u time.Duration) mut {
	return func(a *risk.Account, s *risk.Stats, p *risk.Plan) {
		a.Blocks, a.LastBlock = blocks, ago(d)
		if u > 0 {
			a.LastUnblock = ago(u)
		}
	}
}

func TestAssess(t *testing.T) {
	for _, row := range assessRows {
		t.Run(row.name, func(t *testing.T) {
			defer func() {
				if t.Failed() && row.why != "" {
					t.Logf("why: %s", row.why)
				}
			}()
			a, s, p := healthy()
			for _, m := range row.muts {
				m(&a, &s, &p)
			}
			as := risk.Assess(now, a, s, p)
			if diff := cmp.Diff(row.want, codes(as), cmp.AllowUnexported(cl{})); diff != "" {
				t.Errorf("findings (-want +got):\n%s\n%v", diff, as.Findings)
			}
			wantLevel := risk.None
			for _, c := range row.want {
				wantLevel = max(wantLevel, c.level)
			}
			if as.Level != wantLevel {
				t.Errorf("Level = %v, want %v", as.Level, wantLevel)
			}
			if as.Limits != risk.LimitsAt(now, a) {
				t.Errorf("Limits = %+v, want LimitsAt's %+v", as.Limits, risk.LimitsAt(now, a))
			}
			for _, f := range as.Findings {
				checkMessage(t, f)
			}
		})
	}
}

// checkMessage: one Russian sentence, with a colon before what to do.
func checkMessage(t *testing.T, f risk.Finding) {
	t.Helper()
	m := f.Message
	if !strings.HasSuffix(m, ".") || strings.Count(m, ". ") > 0 || !strings.Contains(m, ": ") {
		t.Errorf("%s: message is not one sentence with what to do: %q", f.Code, m)
	}
	if !strings.ContainsFunc(m, func(r rune) bool { return r >= 'а' && r <= 'я' }) {
		t.Errorf("%s: message is not Russian: %q", f.Code, m)
	}
}

// TestEveryCodeCovered: every code appears in some row of TestAssess.
func TestEveryCodeCovered(t *testing.T) {
	seen := map[string]bool{}
	for _, row := range assessRows {
		for _, c := range row.want {
			seen[c.code] = true
		}
	}
	for _, c := range risk.Codes {
		if !seen[c] {
			t.Errorf("no test row produces %q", c)
		}
	}
	if len(risk.Codes) != 17 || !slices.Contains(risk.Codes, "recent-block") {
		t.Errorf("Codes = %v", risk.Codes)
	}
}

func TestAssessMessages(t *testing.T) {
	for _, row := range []struct {
		name string
		muts []mut
		code string
		want string
	}{
		{"young: age and date", []mut{registered(3 * day)}, risk.CodeYoungAccount,
			"Номеру 3 дня после регистрации, а первые 10 дней через сервис ничего отправлять нельзя: до 08.03.2026 12:00 пишите только с телефона сохранённым контактам."},
		{"unknown age", []mut{func(a *risk.Account, s *risk.Stats, p *risk.Plan) { *a = risk.Account{} }}, risk.CodeYoungAccount,
			"Дата регистрации номера неизвестна, поэтому он считается новым: укажите её, а пока ничего не отправляйте через сервис."},
		{"too many new", []mut{connected(day), newRecipients(21)}, risk.CodeTooManyNewRecipients,
			"В рассылке 21 новый получатель, а сегодня можно написать первыми не больше чем 20: отправьте остальным в следующие дни."},
		{"too many new today", []mut{connected(day), today(12), newRecipients(11)}, risk.CodeTooManyNewRecipients,
			"Сегодня вы уже написали первыми 12 новым получателям, в рассылке ещё 11 новых, а за день можно не больше чем 20: сегодня отправьте ещё не больше чем 8, остальным в следующие дни."},
		{"too many new today, none left", []mut{connected(day), today(21), newRecipients(1)}, risk.CodeTooManyNewRecipients,
			"Сегодня вы уже написали первыми 21 новому получателю, в рассылке ещё 1 новый, а за день можно не больше чем 20: новым получателям пишите уже в следующие дни."},
		{"many today", []mut{today(150), newRecipients(2)}, risk.CodeTooManyNewRecipients,
			"Сегодня вы уже написали первыми 150 новым получателям, в рассылке ещё 2 новых, это слишком много за день: пишите первыми не больше чем 150 в день и наращивайте базу постепенно."},
		{"low replies", []mut{outgoing(100, 22)}, risk.CodeLowReplies,
			"На 100 исходящих приходит 22 ответа, а нужно не меньше 30: пишите тем, кому это интересно, и начинайте с вопроса."},
		{"two short links", []mut{links(linkcheck.Shortener, linkcheck.Shortener)}, risk.CodeShortenedLink,
			"Короткие ссылки «https://example.ru/a» и ещё 1 скрывают адрес: замените их полными ссылками на ваш сайт."},
		{"queue", []mut{blocked(1, 3*day, time.Hour), queued(11)}, risk.CodeFlushQueue,
			"В очереди 11 сообщений, накопленных во время блокировки: очистите очередь до переподключения, иначе они уйдут разом."},
		{"phone only", []mut{blocked(2, 3*day, day)}, risk.CodeRecentBlock,
			"Номер заблокировали повторно: до 03.03.2026 12:00 пользуйтесь им только с телефона и не подключайте к сервису."},
	} {
		t.Run(row.name, func(t *testing.T) {
			a, s, p := healthy()
			for _, m := range row.muts {
				m(&a, &s, &p)
			}
			for _, f := range risk.Assess(now, a, s, p).Findings {
				if f.Code == row.code {
					if f.Message != row.want {
						t.Errorf("message:\n got %s\nwant %s", f.Message, row.want)
					}
					return
				}
			}
			t.Errorf("no %s finding", row.code)
		})
	}
}

// TestTimeZones: the same instants in other zones give the same findings;
// only the printed dates follow now's location.
func TestTimeZones(t *testing.T) {
	msk := time.FixedZone("MSK", 3*60*60)
	vl := time.FixedZone("VLAT", 10*60*60)
	a, s, p := healthy()
	a.Registered = ago(10*day - time.Minute) // 1 minute short of day 10
	a.Connected = time.Time{}
	utc := risk.Assess(now, a, s, p)
	a.Registered = a.Registered.In(vl)
	m := risk.Assess(now.In(msk), a, s, p)
	if diff := cmp.Diff(codes(utc), codes(m), cmp.AllowUnexported(cl{})); diff != "" {
		t.Errorf("zones change the findings:\n%s", diff)
	}
	if !strings.Contains(utc.Findings[0].Message, "до 01.03.2026 12:01") || !strings.Contains(m.Findings[0].Message, "до 01.03.2026 15:01") {
		t.Errorf("dates not in now's location:\n%s\n%s", utc.Findings[0].Message, m.Findings[0].Message)
	}
}

func TestPolicy(t *testing.T) {
	a, s, p := healthy()
	a.Connected = ago(26 * day)
	p.Recipients, p.NewRecipients = 140, 140
	if got := risk.Assess(now, a, s, p); got.Level != risk.Maximal {
		t.Errorf("default policy, growing day 26, 140 new: %v, want maximal", codes(got))
	}
	pol := &risk.Policy{GreenLightDays: 25}
	if got := pol.Assess(now, a, s, p); got.Level != risk.Minimal || got.Limits.Phase != risk.PhaseGreen {
		t.Errorf("green after 25 days: %v %+v", codes(got), got.Limits)
	}
	pol = &risk.Policy{MinRepliesPer100: 40}
	s.Outgoing, s.Replies = 100, 35
	if got := codes(pol.Assess(now, a, s, risk.Plan{Recipients: 2, NewRecipients: 2, Personalized: true, Varied: true, AsksQuestion: true})); !slices.Contains(got, cl{risk.CodeLowReplies, risk.Minimal}) {
		t.Errorf("MinRepliesPer100 40, 35 replies: %v", got)
	}
	if d := risk.DefaultPolicy(); d.WarmupDays != 10 || d.NewNumberRecipients != 20 || d.MinRepliesPer100 != 30 ||
		d.GreenLightDays != 30 || d.IdleDays != 14 || d.QueueHours != 24 || d.MinDialogs != 10 {
		t.Errorf("guidance numbers changed: %+v", d)
	}
	var zero risk.Policy
	if zero.LimitsAt(now, a) != risk.LimitsAt(now, a) {
		t.Error("zero Policy differs from defaults")
	}
}

func TestLevelText(t *testing.T) {
	for l, name := range map[risk.Level]string{risk.None: "none", risk.Minimal: "minimal", risk.Maximal: "maximal"} {
		if l.String() != name {
			t.Errorf("%d.String() = %q", l, l.String())
		}
		b, err := l.MarshalText()
		var back risk.Level
		if err != nil || string(b) != name || back.UnmarshalText(b) != nil || back != l {
			t.Errorf("%v: text round trip: %q %v %v", l, b, err, back)
		}
	}
	if s := risk.Level(7).String(); s != "Level(7)" {
		t.Errorf("Level(7).String() = %q", s)
	}
	if _, err := risk.Level(-1).MarshalText(); err == nil {
		t.Error("Level(-1) marshals")
	}
	var l risk.Level
	if err := l.UnmarshalText([]byte("high")); err == nil {
		t.Error(`"high" unmarshals`)
	}
}

func TestAsksQuestion(t *testing.T) {
	for _, row := range []struct {
		text string
		want bool
		why  string
	}{
		{"Анна, вам интересно?", true, ""},
		{"Подскажите, удобно ли завтра? Напишите ответ.", true, "mid-text"},
		{"Как вам?)", true, "followed by a bracket"},
		{"Что скажете?👍", true, "followed by an emoji"},
		{"Интересно？", true, "full-width question mark"},
		{"Добрый день, Анна.", false, ""},
		{"Скидка: https://shop.ru/?utm_source=wa", false, "query of a link"},
		{"https://shop.ru/page?id=5 ждём вас", false, "query of a link"},
		{"", false, ""},
	} {
		if got := risk.AsksQuestion(row.text); got != row.want {
			t.Errorf("AsksQuestion(%q) = %v, want %v %s", row.text, got, row.want, row.why)
		}
	}
}

// FuzzAssess: for any account, stats and plan, Assess does not panic, the
// level is the highest finding's, findings are in the documented order and
// each code appears once.
func FuzzAssess(f *testing.F) {
	f.Add(int64(60), int64(45), int64(0), int64(1), int64(0), int64(0), 0, 140, 50, 40, 10, 0, 20, 20, 0, uint8(0xff))
	f.Add(int64(-1), int64(-1), int64(3), int64(-1), int64(2), int64(1), 2, 0, 0, 0, 100, 5, -3, 50, 4, uint8(0))
	f.Fuzz(func(t *testing.T, reg, conn, restart, last, block, unblock int64, blocks, out, replies, dialogs, checks, queued, recips, newRecips, negative int, flags uint8) {
		at := func(d int64) time.Time { // d hours ago, up to 1000 hours ahead; negative: zero time
			if d < 0 {
				return time.Time{}
			}
			return now.Add(-time.Duration(d%100000-1000) * time.Hour)
		}
		a := risk.Account{Registered: at(reg), Connected: at(conn), WarmupRestarted: at(restart),
			LastOutgoing: at(last), LastBlock: at(block), LastUnblock: at(unblock), Blocks: blocks}
		s := risk.Stats{Outgoing: out, Replies: replies, Dialogs: dialogs, PhoneChecks: checks, Queued: queued}
		p := risk.Plan{Recipients: recips, NewRecipients: newRecips, NegativeRecipients: negative,
			InboundOnly: flags&1 != 0, Personalized: flags&2 != 0, Varied: flags&4 != 0,
			AsksQuestion: flags&8 != 0, Promotional: flags&16 != 0}
		if flags&32 != 0 {
			p.Links = []linkcheck.Link{{Text: "x.ru", Verdict: linkcheck.Verdict(flags >> 6)}}
		}
		as := risk.Assess(now, a, s, p)
		level, seen, last2 := risk.None, map[string]bool{}, [2]int{99, -1}
		for _, f := range as.Findings {
			level = max(level, f.Level)
			if seen[f.Code] {
				t.Errorf("code %s twice", f.Code)
			}
			seen[f.Code] = true
			i := slices.Index(risk.Codes, f.Code)
			if i < 0 || f.Message == "" {
				t.Errorf("bad finding %+v", f)
			}
			if int(f.Level) > last2[0] || (int(f.Level) == last2[0] && i < last2[1]) {
				t.Errorf("findings out of order: %v", as.Findings)
			}
			last2 = [2]int{int(f.Level), i}
		}
		if as.Level != level {
			t.Errorf("Level %v, highest finding %v", as.Level, level)
		}
		l := as.Limits
		if a.LastUnblock.After(now) && l.Phase != risk.PhaseWarmup && l.Phase != risk.PhaseBlocked {
			t.Errorf("a lift after now is not one yet, but the phase is %v", l.Phase)
		}
		if l.NewRecipientsPerDay < -1 || l.MessagesPerDay < -1 || l.PhoneMessagesPerDay < -1 {
			t.Errorf("limits %+v", l)
		}
	})
}

func TestAssessmentJSON(t *testing.T) {
	a, s, p := healthy()
	p.InboundOnly, p.NewRecipients = true, 0
	b, err := json.Marshal(risk.Assess(now, a, s, p))
	want := `{"level":"none","findings":[],"limits":{"new_recipients_per_day":-1,"messages_per_day":-1,"groups":true,"phone_messages_per_day":-1,"phase":"green"}}`
	if err != nil || string(b) != want {
		t.Errorf("JSON:\n got %s %v\nwant %s", b, err, want)
	}
	a.Connected = time.Time{}
	b, _ = json.Marshal(risk.Assess(now, a, s, risk.Plan{Recipients: 2, NewRecipients: 2, Promotional: true, NegativeRecipients: 1, Personalized: true, Varied: true, AsksQuestion: true}))
	want = `{"level":"maximal","findings":[{"level":"maximal","code":"negative-recipients","message":"Рекламу получат 1 клиент, реагировавший негативно: исключите таких клиентов из рассылки."},{"level":"minimal","code":"writes-first","message":"Вы пишете клиентам первыми: риск минимален, только пока сообщения персональные, с вопросом и на них отвечают."}],"limits":{"new_recipients_per_day":20,"messages_per_day":-1,"groups":false,"phone_messages_per_day":-1,"phase":"new","until":"2026-03-11T12:00:00Z"}}`
	if string(b) != want {
		t.Errorf("JSON:\n got %s\nwant %s", b, want)
	}
}

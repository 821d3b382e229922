package risk_test

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/spinwise/spinwise/linkcheck"
	"github.com/spinwise/spinwise/risk"
)

// A number connected to the service five days ago wants to send a first
// message to 35 new clients, with a shortened link.
func ExampleAssess() {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.FixedZone("MSK", 3*60*60))
	account := risk.Account{
		Registered:   now.AddDate(0, 0, -20),
		Connected:    now.AddDate(0, 0, -5),
		LastOutgoing: now.Add(-3 * time.Hour),
	}
	stats := risk.Stats{Outgoing: 80, Replies: 31, Dialogs: 25}
	plan := risk.Plan{
		Recipients: 35, NewRecipients: 35,
		Personalized: true, Varied: true, AsksQuestion: true,
		Links: []linkcheck.Link{{Text: "https://clck.ru/3Abc", Verdict: linkcheck.Shortener}},
	}
	as := risk.Assess(now, account, stats, plan)
	fmt.Println("Уровень:", as.Level)
	for _, f := range as.Findings {
		fmt.Printf("%s %s: %s\n", f.Level, f.Code, f.Message)
	}
	fmt.Println(as.Limits)
	// Output:
	// Уровень: maximal
	// maximal too-many-new-recipients: В рассылке 35 новых получателей, а сегодня можно написать первыми не больше чем 20: отправьте остальным в следующие дни.
	// minimal shortened-link: Короткая ссылка «https://clck.ru/3Abc» скрывает адрес: замените её полной ссылкой на ваш сайт.
	// minimal writes-first: Вы пишете клиентам первыми: риск минимален, только пока сообщения персональные, с вопросом и на них отвечают.
	// новых получателей в день: не больше 20; сообщений в день: без ограничения; группы: нельзя
}

// A CRM robot sends one message per deal, so every batch has one recipient;
// the daily cap holds only if it says how many it has already written to
// first today.
func ExampleAssess_onePerDeal() {
	now := time.Date(2026, 3, 1, 16, 0, 0, 0, time.FixedZone("MSK", 3*60*60))
	account := risk.Account{Registered: now.AddDate(0, 0, -20), Connected: now.AddDate(0, 0, -5), LastOutgoing: now.Add(-time.Minute)}
	deal := risk.Plan{Recipients: 1, NewRecipients: 1, Personalized: true, Varied: true, AsksQuestion: true}
	for _, sent := range []int{19, 20} {
		as := risk.Assess(now, account, risk.Stats{Outgoing: 80, Replies: 31, Dialogs: 25, NewRecipientsToday: sent}, deal)
		fmt.Printf("%d today: %s\n", sent, as.Level)
		if f := as.Findings[0]; f.Code == risk.CodeTooManyNewRecipients {
			fmt.Println(f.Message)
		}
	}
	// Output:
	// 19 today: minimal
	// 20 today: maximal
	// Сегодня вы уже написали первыми 20 новым получателям, в рассылке ещё 1 новый, а за день можно не больше чем 20: новым получателям пишите уже в следующие дни.
}

// Replies to clients who wrote first carry no risk.
func ExampleAssess_inboundOnly() {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	account := risk.Account{Registered: now.AddDate(-1, 0, 0), Connected: now.AddDate(0, -6, 0), LastOutgoing: now.Add(-time.Hour)}
	as := risk.Assess(now, account, risk.Stats{Outgoing: 300, Replies: 250, Dialogs: 120},
		risk.Plan{Recipients: 12, InboundOnly: true})
	fmt.Println(as.Level, len(as.Findings))
	// Output:
	// none 0
}

// The limits through a number's life, from registration to the green light.
func ExampleLimitsAt() {
	msk := time.FixedZone("MSK", 3*60*60)
	registered := time.Date(2026, 1, 10, 9, 0, 0, 0, msk)
	account := risk.Account{Registered: registered, Connected: registered.AddDate(0, 0, 10)}
	for _, d := range []int{0, 1, 5, 9, 10, 19, 20, 25, 39, 40} {
		l := risk.LimitsAt(registered.AddDate(0, 0, d), account)
		fmt.Printf("день %2d: %-8s новых %3d, групп %-5v, с телефона %3d\n",
			d+1, l.Phase, l.NewRecipientsPerDay, l.Groups, l.PhoneMessagesPerDay)
	}
	// Output:
	// день  1: warmup   новых   0, групп false, с телефона   0
	// день  2: warmup   новых   0, групп false, с телефона  12
	// день  6: warmup   новых   0, групп false, с телефона  56
	// день 10: warmup   новых   0, групп false, с телефона 100
	// день 11: new      новых  20, групп false, с телефона  -1
	// день 20: new      новых  20, групп false, с телефона  -1
	// день 21: growing  новых  25, групп true , с телефона  -1
	// день 26: growing  новых  50, групп true , с телефона  -1
	// день 40: growing  новых 120, групп true , с телефона  -1
	// день 41: green    новых  -1, групп true , с телефона  -1
}

// After a repeated block: phone only, then chats only, then the new-number
// limits again.
func ExampleLimitsAt_repeatedBlock() {
	unblocked := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	account := risk.Account{
		Registered: unblocked.AddDate(-1, 0, 0), Connected: unblocked.AddDate(0, -6, 0),
		Blocks: 2, LastBlock: unblocked.AddDate(0, 0, -2), LastUnblock: unblocked,
	}
	for _, h := range []int{1, 24 * 3, 24 * 6} {
		l := risk.LimitsAt(unblocked.Add(time.Duration(h)*time.Hour), account)
		fmt.Printf("%s до %s: %s\n", l.Phase, l.Until.Format("02.01 15:04"), l)
	}
	// Output:
	// phone-only до 04.03 10:00: новых получателей в день: нельзя; сообщений в день: нельзя; группы: нельзя
	// chats-only до 07.03 10:00: новых получателей в день: нельзя; сообщений в день: нельзя; группы: нельзя
	// new до 14.03 10:00: новых получателей в день: не больше 20; сообщений в день: без ограничения; группы: нельзя
}

// A caller that trusts the lower end of the guidance's 25 to 30 days.
func ExamplePolicy_LimitsAt() {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	account := risk.Account{Registered: now.AddDate(0, 0, -40), Connected: now.AddDate(0, 0, -26)}
	fmt.Println(risk.LimitsAt(now, account).Phase)
	policy := &risk.Policy{GreenLightDays: 25}
	fmt.Println(policy.LimitsAt(now, account).Phase)
	// Output:
	// growing
	// green
}

func ExamplePolicy_Assess() {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	account := risk.Account{Registered: now.AddDate(0, -3, 0), Connected: now.AddDate(0, -2, 0), LastOutgoing: now.AddDate(0, 0, -1)}
	stats := risk.Stats{Outgoing: 200, Replies: 70, Dialogs: 90}
	plan := risk.Plan{Recipients: 2, Personalized: true, Varied: true, AsksQuestion: true}
	strict := &risk.Policy{MinRepliesPer100: 40}
	for _, f := range strict.Assess(now, account, stats, plan).Findings {
		fmt.Println(f.Code+":", f.Message)
	}
	// Output:
	// low-replies: На 100 исходящих приходит 35 ответов, а нужно не меньше 40: пишите тем, кому это интересно, и начинайте с вопроса.
	// writes-first: Вы пишете клиентам первыми: риск минимален, только пока сообщения персональные, с вопросом и на них отвечают.
}

func ExampleReadInput() {
	file := `{
  "account": {"registered": "2026-01-10T09:00:00+03:00", "connected": "2026-01-20T09:00:00+03:00"},
  "stats": {"outgoing": 40, "replies": 15, "dialogs": 30},
  "plan": {"new_recipients": 10}
}`
	in, err := risk.ReadInput(strings.NewReader(file))
	if err != nil {
		fmt.Println(err)
		return
	}
	plan := in.Plan.Apply(risk.Plan{Recipients: 25, Personalized: true, Varied: true, AsksQuestion: true})
	now := time.Date(2026, 1, 25, 12, 0, 0, 0, time.UTC)
	as := in.Policy.Assess(now, in.Account, in.Stats, plan)
	fmt.Println(as.Level, as.Limits.Phase, plan.NewRecipients)

	_, err = risk.ReadInput(strings.NewReader(`{"account": {"registered": "10.01.2026"}}`))
	fmt.Println(err)
	// Output:
	// minimal new 10
	// risk: account file:1:28: account.registered: "10.01.2026" is not an RFC 3339 date and time; write it like "2026-03-01T09:00:00+03:00" or "2026-03-01T06:00:00Z"
}

func ExamplePlanInput_Apply() {
	batch := risk.Plan{Recipients: 40, Personalized: true}
	fmt.Println(risk.PlanInput{}.Apply(batch).NewRecipients)
	fmt.Println(risk.PlanInput{InboundOnly: true}.Apply(batch).NewRecipients)
	// Output:
	// 40
	// 0
}

func ExampleAsksQuestion() {
	fmt.Println(risk.AsksQuestion("Анна, вам интересно?"))
	fmt.Println(risk.AsksQuestion("Скидка по ссылке https://shop.ru/?utm_source=wa"))
	// Output:
	// true
	// false
}

func ExamplePhoneWarmup() {
	for d := 1; d <= 10; d++ {
		fmt.Print(risk.PhoneWarmup(d), " ")
	}
	fmt.Println()
	// Output:
	// 0 12 12 27 41 56 71 85 100 100
}

func ExampleLevel_String() {
	fmt.Println(risk.None, risk.Minimal, risk.Maximal)
	// Output:
	// none minimal maximal
}

func ExampleParseInput() {
	in, err := risk.ParseInput([]byte(`{
  "account": {"registered": "2026-01-10T09:00:00+03:00", "blocks": 0},
  "stats": {"outgoing": 140, "replies": 52, "dialogs": 40},
  "plan": {"new_recipients": 20},
  "policy": {"growth_per_day": 5}
}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(in.Account.Registered.Format("2006-01-02"), in.Stats.Outgoing, *in.Plan.NewRecipients, in.Policy.GrowthPerDay)

	// Strict: a misspelt field is an error that names it, with its place.
	_, err = risk.ParseInput([]byte(`{"stats": {"outgoin": 140}}`))
	var ie *risk.InputError
	if errors.As(err, &ie) {
		fmt.Printf("line %d, col %d: %s\n", ie.Line, ie.Col, ie.Field)
	}
	// Output:
	// 2026-01-10 140 20 5
	// line 1, col 12: stats.outgoin
}

func ExampleDefaultPolicy() {
	p := risk.DefaultPolicy()
	fmt.Println("warm-up days:", p.WarmupDays)
	fmt.Println("new recipients a day while new:", p.NewNumberRecipients)
	// A policy file overrides some fields; the rest keep these values.
	p.GrowthPerDay = 5
	fmt.Println("growth a day:", p.GrowthPerDay)
	// Output:
	// warm-up days: 10
	// new recipients a day while new: 20
	// growth a day: 5
}

// How many clients may a number connected 12 days ago write to first today,
// after 8 this morning? The growing cap is 20 + 5 a day; the answer counts
// the morning's 8.
func ExamplePolicy_NewRecipientsCap() {
	now := time.Date(2026, 3, 1, 15, 0, 0, 0, time.UTC)
	account := risk.Account{Registered: now.AddDate(-1, 0, 0), Connected: now.AddDate(0, 0, -12)}
	stats := risk.Stats{NewRecipientsToday: 8}
	total := (*risk.Policy)(nil).NewRecipientsCap(now, account, stats)
	fmt.Println("за день:", total, "осталось:", total-stats.NewRecipientsToday)
	// Output:
	// за день: 35 осталось: 27
}

package risk

import (
	"fmt"
	"time"
)

// The Russian messages of the findings: one sentence each, what is wrong and
// what to do. Dates are printed as 02.01.2006 15:04 in now's location.

// plural picks the Russian form for n: one (1, 21, 101), few (2-4, 22-24)
// or many (0, 5-20, 25-30, 11-14).
func plural(n int64, one, few, many string) string {
	n %= 100
	if n < 0 {
		n = -n
	}
	switch {
	case n >= 11 && n <= 14:
		return many
	case n%10 == 1:
		return one
	case n%10 >= 2 && n%10 <= 4:
		return few
	}
	return many
}

func count(n int64, one, few, many string) string {
	return fmt.Sprintf("%d %s", n, plural(n, one, few, many))
}

func nDays(n int64) string { return count(n, "день", "дня", "дней") }

func date(t, now time.Time) string { return t.In(now.Location()).Format("02.01.2006 15:04") }

func msgUnknownAge(until, now time.Time) string {
	if until.IsZero() {
		return "Дата регистрации номера неизвестна, поэтому он считается новым: укажите её, а пока ничего не отправляйте через сервис."
	}
	return fmt.Sprintf("Дата регистрации номера неизвестна, и он может быть новым: укажите её или до %s ничего не отправляйте через сервис.", date(until, now))
}

func msgYoung(age time.Duration, warmup int, until, now time.Time) string {
	return fmt.Sprintf("Номеру %s после регистрации, а первые %s через сервис ничего отправлять нельзя: до %s пишите только с телефона сохранённым контактам.",
		nDays(max(int64(age/day), 0)), nDays(int64(warmup)), date(until, now))
}

func msgRestarted(at, until, now time.Time) string {
	return fmt.Sprintf("WhatsApp переустановили или перенесли на другой телефон (%s), и прогрев начался заново: до %s ничего не отправляйте через сервис, только с телефона.",
		date(at, now), date(until, now))
}

func msgFewDialogs(n int64, need int) string {
	return fmt.Sprintf("У номера %s за неделю, а перед подключением к сервису нужно не меньше %d, в основном входящих: попросите клиентов написать вам первыми.",
		count(n, "диалог", "диалога", "диалогов"), need)
}

func msgGroups(n int64, newDays int) string {
	return fmt.Sprintf("Через сервис созданы группы (%d), а новому номеру это запрещено: не создавайте групп через сервис в первые %s после подключения.",
		n, nDays(int64(newDays)))
}

func msgNonWhatsApp(n int64) string {
	return fmt.Sprintf("В группы через сервис добавлены номера без WhatsApp (%d): добавляйте в группы только тех, у кого есть WhatsApp.", n)
}

func msgTooManyNew(n, today, limit int64) string {
	if today == 0 {
		return fmt.Sprintf("В рассылке %s, а сегодня можно написать первыми не больше чем %d: отправьте остальным в следующие дни.",
			count(n, "новый получатель", "новых получателя", "новых получателей"), limit)
	}
	rest := "новым получателям пишите уже в следующие дни"
	if today < limit {
		rest = fmt.Sprintf("сегодня отправьте ещё не больше чем %d, остальным в следующие дни", limit-today)
	}
	return fmt.Sprintf("%s, в рассылке ещё %s, а за день можно не больше чем %d: %s.", wroteToday(today), count(n, "новый", "новых", "новых"), limit, rest)
}

func msgBurst(n, today, limit int64) string {
	if today == 0 {
		return fmt.Sprintf("В рассылке сразу %s, это слишком много за один раз: пишите первыми не больше чем %d в день и наращивайте базу постепенно.",
			count(n, "новый получатель", "новых получателя", "новых получателей"), limit)
	}
	return fmt.Sprintf("%s, в рассылке ещё %s, это слишком много за день: пишите первыми не больше чем %d в день и наращивайте базу постепенно.",
		wroteToday(today), count(n, "новый", "новых", "новых"), limit)
}

// wroteToday says how many new recipients were written to first today.
func wroteToday(n int64) string {
	return "Сегодня вы уже написали первыми " + count(n, "новому получателю", "новым получателям", "новым получателям")
}

func msgNoReplies(per100 int64) string {
	return fmt.Sprintf("Клиенты почти не отвечают (%s на 100 исходящих): остановите рассылки и пишите только тем, кто ждёт ваших сообщений.",
		count(per100, "ответ", "ответа", "ответов"))
}

func msgLowReplies(per100 int64, need int) string {
	return fmt.Sprintf("На 100 исходящих приходит %s, а нужно не меньше %d: пишите тем, кому это интересно, и начинайте с вопроса.",
		count(per100, "ответ", "ответа", "ответов"), need)
}

const (
	msgIdentical       = "Все сообщения одинаковые, без персонализации и рандомизатора: добавьте данные клиента, например имя, и варианты фраз {вариант 1|вариант 2}."
	msgNotPersonalized = "Сообщения не персонализированы: добавьте данные клиента, например его имя."
	msgNotVaried       = "Тексты отличаются только данными клиента: добавьте рандомизатор, варианты фраз {вариант 1|вариант 2}."
	msgNoQuestion      = "Сообщение не задаёт вопроса: спросите клиента, интересно ли ему предложение, чтобы он ответил."
	msgWritesFirst     = "Вы пишете клиентам первыми: риск минимален, только пока сообщения персональные, с вопросом и на них отвечают."
)

// someLinks names the first link and how many more there are.
func someLinks(links []string) string {
	s := "«" + links[0] + "»"
	if len(links) > 1 {
		s += fmt.Sprintf(" и ещё %d", len(links)-1)
	}
	return s
}

func msgShortened(links []string) string {
	if len(links) == 1 {
		return fmt.Sprintf("Короткая ссылка %s скрывает адрес: замените её полной ссылкой на ваш сайт.", someLinks(links))
	}
	return fmt.Sprintf("Короткие ссылки %s скрывают адрес: замените их полными ссылками на ваш сайт.", someLinks(links))
}

func msgBlocked(links []string) string {
	if len(links) == 1 {
		return fmt.Sprintf("Ссылка %s ведёт на запрещённый или заблокированный ресурс: уберите её из сообщения.", someLinks(links))
	}
	return fmt.Sprintf("Ссылки %s ведут на запрещённые или заблокированные ресурсы: уберите их из сообщения.", someLinks(links))
}

func msgSuspicious(links []string) string {
	if len(links) == 1 {
		return fmt.Sprintf("Ссылка %s выглядит подозрительно: проверьте её или замените ссылкой на свой сайт.", someLinks(links))
	}
	return fmt.Sprintf("Ссылки %s выглядят подозрительно: проверьте их или замените ссылками на свой сайт.", someLinks(links))
}

func msgNegative(n int) string {
	return fmt.Sprintf("Рекламу получат %s негативно: исключите таких клиентов из рассылки.",
		count(int64(n), "клиент, реагировавший", "клиента, реагировавших", "клиентов, реагировавших"))
}

func msgInactive(idleDays int, never bool) string {
	if never {
		return fmt.Sprintf("С номера не отправляли сообщений уже %s с начала прогрева: начните с нескольких получателей в день и наращивайте постепенно.",
			nDays(int64(idleDays)))
	}
	return fmt.Sprintf("С номера не отправляли сообщений %s: после перерыва начните с нескольких получателей в день и наращивайте постепенно.",
		nDays(int64(idleDays)))
}

func msgPhoneChecks(checks, dialogs int64) string {
	return fmt.Sprintf("За неделю %s «есть ли WhatsApp» и всего %s: проверяйте номера реже, только перед тем как написать.",
		count(checks, "проверка", "проверки", "проверок"), count(dialogs, "диалог", "диалога", "диалогов"))
}

func msgFlushQueue(n int64) string {
	return fmt.Sprintf("В очереди %s, накопленных во время блокировки: очистите очередь до переподключения, иначе они уйдут разом.",
		count(n, "сообщение", "сообщения", "сообщений"))
}

func msgBlockedNow(at, now time.Time) string {
	if at.IsZero() {
		return "Номер заблокирован: ничего не отправляйте через сервис, пока блокировку не снимут."
	}
	return fmt.Sprintf("Номер заблокирован (с %s): ничего не отправляйте через сервис, пока блокировку не снимут.", date(at, now))
}

func msgPhoneOnly(until, now time.Time) string {
	return fmt.Sprintf("Номер заблокировали повторно: до %s пользуйтесь им только с телефона и не подключайте к сервису.", date(until, now))
}

func msgChatsOnly(until, now time.Time) string {
	return fmt.Sprintf("После повторной блокировки до %s можно только отвечать в чатах: без рассылок и без групп.", date(until, now))
}

func msgRecentBlock(unblocked, green time.Time, greenDays int, now time.Time) string {
	return fmt.Sprintf("Номер недавно блокировали (блокировку сняли %s): до %s, пока у него не будет %s без происшествий, соблюдайте лимиты и следите за ответами.",
		date(unblocked, now), date(green, now), nDays(int64(greenDays)))
}

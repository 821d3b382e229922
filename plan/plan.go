package plan

import (
	"fmt"
	"math/bits"
	"strconv"
	"strings"
	"time"

	"github.com/spinwise/spinwise/internal/mix"
	"github.com/spinwise/spinwise/risk"
)

// Gaps between two consecutive messages.
const (
	// MinGap is the shortest gap a plan allows: no two messages of a plan
	// go out less than 30 seconds apart.
	MinGap = 30 * time.Second
	// DefaultMinGap and DefaultMaxGap bound the random gap when
	// Options.MinGap and MaxGap are zero: 1 to 3 minutes, about 270
	// messages in the default 9 sending hours.
	DefaultMinGap = 60 * time.Second
	DefaultMaxGap = 180 * time.Second
	// MaxGapLimit is the longest MaxGap accepted: a day.
	MaxGapLimit = 24 * time.Hour
)

// MaxYear is the last year a plan may reach: RFC 3339 (and JSON) times end
// with 9999. A plan that would go beyond it ends with a [*NoPlanError].
const MaxYear = 9999

// MaxWait is how far past the previous message (or Options.From) a planner
// looks for an allowed moment before it gives up with a [*NoPlanError]:
// about two years.
const MaxWait = 732 * 24 * time.Hour

// Options configure a [Planner]. The zero value plans from now, in the
// local time zone, 10:00 to 19:00 every day, with gaps of 1 to 3 minutes,
// for an account about which nothing is known (which is never allowed to
// send: give at least Account.Registered).
type Options struct {
	// From is the first moment a message may go out; zero means
	// time.Now(). It is rounded up to a whole second.
	From time.Time
	// Location is the time zone of the sending hours, of the calendar days
	// the caps count, and of the returned times; nil means From's location.
	Location *time.Location
	// Hours are the daily sending hours; the zero value means
	// [DefaultHours].
	Hours Hours
	// Weekdays are the days on which messages may go out; zero means
	// every day.
	Weekdays Weekdays
	// MinGap and MaxGap bound the random gap between two consecutive
	// messages, in whole seconds. Zero MinGap means DefaultMinGap; zero
	// MaxGap means the larger of DefaultMaxGap and MinGap. MinGap under
	// [MinGap], MaxGap under MinGap or over [MaxGapLimit] are errors.
	MinGap, MaxGap time.Duration
	// Seed draws the gaps: the same seed and options give the same plan.
	// A campaign passes its own seed.
	Seed uint64

	// Account, Stats and Policy (nil: defaults) are the sending account as
	// package risk describes it. A zero Account.Connected is taken as
	// connecting at From (when the account's age is known at all).
	// Stats.NewRecipientsToday counts against the day of From.
	Account risk.Account
	Stats   risk.Stats
	Policy  *risk.Policy
	// InboundOnly: every recipient wrote first or saved the business
	// number. Their replies have no cap on new recipients or messages (see
	// risk.Limits), but still wait out the phases in which nothing at all
	// may go through the service.
	InboundOnly bool

	// Resume is the state of an earlier planner after the message before
	// this planner's first (see [Planner.State]); the zero State starts a
	// new plan.
	Resume State
}

// Hours are daily sending hours: from Start to before End, in minutes after
// local midnight (wall-clock time), 0 <= Start < End <= 1440. The zero value
// means [DefaultHours].
type Hours struct {
	Start, End int
}

// DefaultHours are 10:00 to 19:00.
var DefaultHours = Hours{Start: 10 * 60, End: 19 * 60}

// String returns the hours as "10-19", or "9:30-18:45" when they are not
// whole hours.
func (h Hours) String() string {
	f := func(m int) string {
		if m%60 == 0 {
			return strconv.Itoa(m / 60)
		}
		return fmt.Sprintf("%d:%02d", m/60, m%60)
	}
	return f(h.Start) + "-" + f(h.End)
}

// MarshalText writes the hours as String does.
func (h Hours) MarshalText() ([]byte, error) { return []byte(h.String()), nil }

// Weekdays is a set of days of the week: bit 1<<time.Sunday for Sunday, and
// so on. Zero means every day.
type Weekdays uint8

// EveryDay holds all seven days.
const EveryDay Weekdays = 1<<7 - 1

// Has reports whether d is in the set (always, for the zero set).
func (w Weekdays) Has(d time.Weekday) bool { return w == 0 || w&(1<<d) != 0 }

var dayNames = [...]string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}

// String lists the days from Monday on, with runs of three or more as
// ranges: "mon-fri", "mon,wed,fri", "sat,sun"; "every day" for all seven
// or zero.
func (w Weekdays) String() string {
	if w&EveryDay == EveryDay || w == 0 {
		return "every day"
	}
	order := [7]time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday}
	var parts []string
	for i := 0; i < 7; {
		if !w.Has(order[i]) {
			i++
			continue
		}
		j := i
		for j+1 < 7 && w.Has(order[j+1]) {
			j++
		}
		switch {
		case j-i >= 2:
			parts = append(parts, dayNames[order[i]]+"-"+dayNames[order[j]])
		default:
			for k := i; k <= j; k++ {
				parts = append(parts, dayNames[order[k]])
			}
		}
		i = j + 1
	}
	return strings.Join(parts, ",")
}

// MarshalText writes the set as String does.
func (w Weekdays) MarshalText() ([]byte, error) { return []byte(w.String()), nil }

// State is where a plan stands after a message: what a planner that goes
// on from the next message needs to know. Its text form (MarshalText) is
// "2026-12-02T14:05:12+03:00/17/20": the time, the new recipients and the
// messages of that calendar day so far; the zero State is "".
type State struct {
	// Last is when the last message goes out; zero: none yet.
	Last time.Time
	// New and Messages count the new recipients and the messages of Last's
	// calendar day, those counted before the plan included.
	New, Messages int
}

// MarshalText writes the state as "TIME/NEW/MESSAGES" (empty for the zero
// State).
func (s State) MarshalText() ([]byte, error) {
	if s.Last.IsZero() {
		return []byte{}, nil
	}
	return fmt.Appendf(nil, "%s/%d/%d", s.Last.Format(time.RFC3339), s.New, s.Messages), nil
}

// String returns the text form.
func (s State) String() string {
	b, _ := s.MarshalText()
	return string(b)
}

// UnmarshalText reads the text form written by MarshalText.
func (s *State) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*s = State{}
		return nil
	}
	parts := strings.Split(string(b), "/")
	if len(parts) != 3 {
		return fmt.Errorf("plan: state %q is not TIME/NEW/MESSAGES", b)
	}
	t, err := time.Parse(time.RFC3339, parts[0])
	if err != nil || t.Nanosecond() != 0 {
		return fmt.Errorf("plan: state %q: the time is not RFC 3339 in whole seconds (2026-12-02T14:05:12+03:00)", b)
	}
	if t.IsZero() {
		return fmt.Errorf("plan: state %q: the time is the zero time, no message's; a state before any message is written empty", b)
	}
	n, err1 := strconv.Atoi(parts[1])
	m, err2 := strconv.Atoi(parts[2])
	if err1 != nil || err2 != nil || n < 0 || m < n {
		return fmt.Errorf("plan: state %q: the counts must be whole numbers, 0 <= NEW <= MESSAGES", b)
	}
	*s = State{Last: t, New: n, Messages: m}
	return nil
}

// NoPlanError says why no moment is allowed for the next message.
type NoPlanError struct {
	// At is the moment the planner had reached.
	At time.Time
	// Phase is the account's phase at At.
	Phase risk.Phase
	// Reason says what is wrong and what to do.
	Reason string
}

func (e *NoPlanError) Error() string { return "plan: " + e.Reason }

// Planner gives messages their moments, one after another, in input order.
// It is not safe for concurrent use.
type Planner struct {
	o        Options
	pol      *risk.Policy
	acct     risk.Account
	loc      *time.Location
	from     time.Time
	fromDay  date
	min, max time.Duration

	state State
	day   date // calendar day of state.Last

	// endCap is the cap on new recipients at the end of the sending hours
	// of endDay (see allowed); endSet says it is computed.
	endDay date
	endCap int
	endSet bool

	days []Day
	err  error
	n    int // messages planned by this planner
}

type date struct {
	y int
	m time.Month
	d int
}

func dateOf(t time.Time) date {
	y, m, d := t.Date()
	return date{y, m, d}
}

func (d date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.y, d.m, d.d) }

// New checks the options and returns a planner.
func New(opts *Options) (*Planner, error) {
	p := &Planner{}
	if opts != nil {
		p.o = *opts
	}
	o := &p.o
	if o.From.IsZero() {
		o.From = time.Now()
	}
	o.From = o.From.Round(0) // no monotonic reading
	if y := o.From.Year(); y < 1970 || y > MaxYear-100 {
		return nil, fmt.Errorf("plan: From is in the year %d; give a time between 1970 and %d", y, MaxYear-100)
	}
	if o.From.Nanosecond() != 0 {
		o.From = o.From.Truncate(time.Second).Add(time.Second)
	}
	p.loc = o.Location
	if p.loc == nil {
		p.loc = o.From.Location()
	}
	if o.Hours == (Hours{}) {
		o.Hours = DefaultHours
	}
	if h := o.Hours; h.Start < 0 || h.End > 24*60 || h.Start >= h.End {
		return nil, fmt.Errorf("plan: sending hours %d-%d minutes: they must satisfy 0 <= start < end <= 1440 (24:00)", h.Start, h.End)
	}
	o.Weekdays &= EveryDay
	p.min, p.max = o.MinGap, o.MaxGap
	if p.min == 0 {
		p.min = DefaultMinGap
	}
	if p.max == 0 {
		p.max = max(DefaultMaxGap, p.min)
	}
	switch {
	case p.min < MinGap:
		return nil, fmt.Errorf("plan: the shortest gap is %v; it must be at least %v", p.min, MinGap)
	case p.max < p.min:
		return nil, fmt.Errorf("plan: the longest gap %v is shorter than the shortest %v", p.max, p.min)
	case p.max > MaxGapLimit:
		return nil, fmt.Errorf("plan: the longest gap is %v; it must be at most %v", p.max, MaxGapLimit)
	}
	p.min, p.max = p.min.Truncate(time.Second), p.max.Truncate(time.Second)
	p.from = o.From.In(p.loc)
	p.fromDay = dateOf(p.from)
	p.pol = o.Policy
	p.acct = o.Account
	if lim := p.pol.LimitsAt(o.From, p.acct); p.acct.Connected.IsZero() && !(lim.Phase == risk.PhaseWarmup && lim.Until.IsZero()) {
		// Not connected yet: it connects for the plan, at From (or when
		// its warm-up ends). An account whose age is unknown stays so.
		p.acct.Connected = o.From
	}
	if r := o.Resume; !r.Last.IsZero() {
		if r.New < 0 || r.Messages < r.New {
			return nil, fmt.Errorf("plan: resume state %v: the counts must satisfy 0 <= New <= Messages", r)
		}
		p.state = State{Last: r.Last.In(p.loc), New: r.New, Messages: r.Messages}
		p.day = dateOf(p.state.Last)
	}
	return p, nil
}

// Location returns the plan's time zone.
func (p *Planner) Location() *time.Location { return p.loc }

// State returns the plan's state after the last message planned (the
// resumed state, or the zero State, before the first).
func (p *Planner) State() State { return p.state }

// Gap returns the gap before the message at position pos: a whole number of
// seconds from the options' MinGap to MaxGap, a function of (Seed, pos).
func (p *Planner) Gap(pos int) time.Duration {
	x := mix.Mix64(p.o.Seed ^ mix.Mix64(uint64(pos)^0x706c616e)) // "plan"
	span := uint64((p.max-p.min)/time.Second) + 1
	hi, _ := bits.Mul64(x, span)
	return p.min + time.Duration(hi)*time.Second
}

// Next returns when to send the message at position pos (the recipient's
// place in the input, which draws its gap; see [Options].Seed) to a known
// recipient (already in a dialog with the business) or a new one. Times
// never decrease from one call to the next. When no moment is allowed,
// Next returns a [*NoPlanError], and so does every later call.
func (p *Planner) Next(pos int, known bool) (time.Time, error) {
	if p.err != nil {
		return time.Time{}, p.err
	}
	known = known || p.o.InboundOnly
	t := p.from
	if !p.state.Last.IsZero() {
		t = later(t, p.state.Last.Add(p.Gap(pos)))
	}
	begin := t
	for {
		t = p.place(t)
		if t.Sub(begin) > MaxWait {
			return p.tooLong(begin, t, p.limits(t))
		}
		if t.Year() > MaxYear {
			return p.fail(t, p.limits(t).Phase, fmt.Sprintf("the plan would go beyond the year %d; plan fewer recipients at a time", MaxYear))
		}
		d := dateOf(t)
		nw, msgs := p.counts(d)
		ok, phase := p.allowed(t, known, nw, msgs)
		if ok {
			p.accept(t, d, known, nw, msgs)
			return t, nil
		}
		if phase {
			lim := p.limits(t)
			next := lim.Until
			if next.IsZero() && p.acct.LastUnblock.After(t) {
				next = p.acct.LastUnblock // a lift already scheduled
			}
			if !next.After(t) {
				return p.fail(t, lim.Phase, noEnd(lim.Phase))
			}
			if next.Sub(begin) > MaxWait {
				return p.tooLong(begin, t, lim)
			}
			t = next.In(p.loc)
			if t.Nanosecond() != 0 {
				t = t.Truncate(time.Second).Add(time.Second)
			}
			continue
		}
		// The day is full at t. A cap that rises later in the window
		// (the growing phase adds recipients every 24 hours after
		// connecting) lets the message wait for the rise; otherwise it
		// waits for the next day.
		last := p.windowEnd(t).Add(-time.Second)
		if last.After(t) {
			if ok, _ := p.allowed(last, known, nw, msgs); ok {
				lo, hi := t, last
				for hi.Sub(lo) > time.Second {
					mid := lo.Add((hi.Sub(lo) / 2).Truncate(time.Second))
					if ok, _ := p.allowed(mid, known, nw, msgs); ok {
						hi = mid
					} else {
						lo = mid
					}
				}
				t = hi
				continue
			}
		}
		t = p.nextDay(t)
	}
}

func noEnd(ph risk.Phase) string {
	switch ph {
	case risk.PhaseWarmup:
		return "the account's registration date is unknown, so its warm-up has no known end: give account.registered (or another date of the account) in the account file"
	case risk.PhaseBlocked:
		return "the number is blocked and no lift is known: nothing can be planned until the block is lifted (account.last_unblock)"
	}
	return fmt.Sprintf("phase %s allows no message and has no known end", ph)
}

func (p *Planner) tooLong(begin, t time.Time, lim risk.Limits) (time.Time, error) {
	until := ""
	if !lim.Until.IsZero() {
		until = " until " + lim.Until.In(p.loc).Format(time.RFC3339)
	}
	return p.fail(t, lim.Phase, fmt.Sprintf("no moment is allowed within %d days after %s (phase %s%s); check the account's dates, the policy and the sending hours",
		MaxWait/(24*time.Hour), begin.Format(time.RFC3339), lim.Phase, until))
}

func (p *Planner) fail(t time.Time, ph risk.Phase, reason string) (time.Time, error) {
	p.err = &NoPlanError{At: t, Phase: ph, Reason: reason}
	return time.Time{}, p.err
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

func (p *Planner) limits(t time.Time) risk.Limits { return p.pol.LimitsAt(t, p.acct) }

// counts returns the new recipients and the messages counted so far on day d.
func (p *Planner) counts(d date) (nw, msgs int) {
	switch {
	case !p.state.Last.IsZero() && d == p.day:
		return p.state.New, p.state.Messages
	case d == p.fromDay:
		e := max(p.o.Stats.NewRecipientsToday, 0)
		return e, e
	}
	return 0, 0
}

// allowed reports whether a message may go out at t with nw new recipients
// and msgs messages already on t's day; when it may not, phase tells
// whether the account's phase forbids it (rather than the day's counts).
func (p *Planner) allowed(t time.Time, known bool, nw, msgs int) (ok, phase bool) {
	lim := p.limits(t)
	if p.o.InboundOnly {
		switch lim.Phase {
		case risk.PhaseWarmup, risk.PhaseBlocked, risk.PhasePhoneOnly:
			return false, true
		}
		return true, false
	}
	if lim.MessagesPerDay == 0 {
		return false, true
	}
	if !known {
		c := p.pol.NewRecipientsCap(t, p.acct, p.o.Stats)
		if c == 0 {
			return false, true
		}
		// The day's new recipients must also fit the cap in force at the
		// end of its sending hours: caps normally only rise through a day,
		// but a policy whose many-at-once bound is below the last growing
		// day's cap lowers it at the green light.
		if d := dateOf(t); !p.endSet || d != p.endDay {
			end := p.windowEnd(t).Add(-time.Second)
			p.endDay, p.endCap, p.endSet = d, p.pol.NewRecipientsCap(end, p.acct, p.o.Stats), true
		}
		if p.endCap > 0 {
			c = min(c, p.endCap)
		}
		if nw >= c {
			return false, false
		}
	}
	if lim.MessagesPerDay > 0 && msgs >= lim.MessagesPerDay {
		return false, false
	}
	return true, false
}

func (p *Planner) accept(t time.Time, d date, known bool, nw, msgs int) {
	if p.state.Last.IsZero() || d != p.day || len(p.days) == 0 {
		p.days = append(p.days, Day{Date: d.String(), First: t, EarlierNew: nw, EarlierMessages: msgs, Phase: p.limits(t).Phase})
	}
	day := &p.days[len(p.days)-1]
	day.Last = t
	if known {
		day.Known++
	} else {
		day.New++
		nw++
	}
	p.state = State{Last: t, New: nw, Messages: msgs + 1}
	p.day = d
	p.n++
}

// place returns the earliest moment at or after t inside the sending hours
// of an allowed weekday.
func (p *Planner) place(t time.Time) time.Time {
	y, m, d := t.Date()
	h := p.o.Hours
	for i := range 16 {
		// Noon exists on every day that exists: it names the date.
		noon := time.Date(y, m, d+i, 12, 0, 0, 0, p.loc)
		if !p.o.Weekdays.Has(noon.Weekday()) {
			continue
		}
		yy, mm, dd := noon.Date()
		start := wallTime(yy, mm, dd, h.Start, p.loc)
		end := wallTime(yy, mm, dd, h.End, p.loc)
		if !end.After(t) || !end.After(start) {
			continue // past, or a clock change skips the whole window that day
		}
		if t.Before(start) {
			return start
		}
		return t
	}
	return t.Add(7 * 24 * time.Hour) // unreachable with a weekday allowed; MaxWait ends the search
}

// windowEnd returns the end of the sending hours on t's day.
func (p *Planner) windowEnd(t time.Time) time.Time {
	y, m, d := t.Date()
	return wallTime(y, m, d, p.o.Hours.End, p.loc)
}

// nextDay returns the start of the sending hours of the day after t's.
func (p *Planner) nextDay(t time.Time) time.Time {
	y, m, d := t.Date()
	noon := time.Date(y, m, d+1, 12, 0, 0, 0, p.loc)
	yy, mm, dd := noon.Date()
	next := wallTime(yy, mm, dd, p.o.Hours.Start, p.loc)
	if !next.After(t) {
		next = t.Add(time.Hour)
	}
	return next
}

// wallTime returns the first moment at which the clocks of loc read the
// given minute of the date (0 to 1440, 24:00 being the next day's 00:00) or
// a later time: that reading when it exists, and the moment the clocks
// change when a change skips it. On the day Lord Howe Island's clocks go
// from 2:00 to 2:30, 2:15 is 2:30; time.Date would give 2:45, after the
// sending hours 2:15-2:30, which do not exist that day.
func wallTime(y int, m time.Month, d, minute int, loc *time.Location) time.Time {
	t := time.Date(y, m, d, 0, minute, 0, 0, loc)
	if hh, mm, _ := t.Clock(); hh*60+mm == minute%(24*60) {
		return t // the reading exists: the common case, one cheap look
	}
	want := time.Date(y, m, d, 0, minute, 0, 0, time.UTC) // the reading, on a clock that never changes
	ty, tm, td := t.Date()
	hh, mm, ss := t.Clock()
	got := time.Date(ty, tm, td, hh, mm, ss, 0, time.UTC)
	switch {
	case got.After(want):
		start, _ := t.ZoneBounds() // t is after the skipped readings: they end where its zone period starts
		if !start.IsZero() {
			return start
		}
	case got.Before(want):
		if _, end := t.ZoneBounds(); !end.IsZero() {
			return end
		}
	}
	return t
}

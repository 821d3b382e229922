package plan

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spinwise/spinwise/risk"
)

// Day is one calendar day of a plan on which messages go out.
type Day struct {
	// Date is the day in the plan's time zone, as 2006-01-02.
	Date string `json:"date"`
	// First and Last are the day's first and last sends.
	First time.Time `json:"first"`
	Last  time.Time `json:"last"`
	// New and Known count the day's planned recipients: written to first,
	// and already in a dialog with the business.
	New   int `json:"new"`
	Known int `json:"known"`
	// EarlierNew and EarlierMessages were counted on the day before its
	// first planned message: Stats.NewRecipientsToday on the day of
	// Options.From, or the part of the plan before Options.Resume.
	EarlierNew      int `json:"earlier_new,omitempty"`
	EarlierMessages int `json:"earlier_messages,omitempty"`
	// Phase is the account's phase at the day's first send.
	Phase risk.Phase `json:"phase"`
	// Risk is the day's assessment (set by Planner.Report): the batch's
	// properties with the day's recipients, at the day's last send.
	Risk risk.Assessment `json:"risk"`
}

// Report describes a plan.
type Report struct {
	// TimeZone, Hours, Weekdays and the gaps (in seconds) repeat the
	// options (the system's zone is "Local (ABBR, +hh:mm)", at From); From is the options' From, rounded up to a whole second.
	TimeZone      string    `json:"time_zone"`
	Hours         Hours     `json:"hours"`
	Weekdays      Weekdays  `json:"weekdays"`
	MinGapSeconds int       `json:"min_gap_seconds"`
	MaxGapSeconds int       `json:"max_gap_seconds"`
	From          time.Time `json:"from"`
	// Messages is the number of messages planned, New and Known the
	// recipients among them written to first and already known.
	Messages int `json:"messages"`
	New      int `json:"new"`
	Known    int `json:"known"`
	// First and Last are the plan's first and last sends; zero without a
	// message.
	First time.Time `json:"first,omitzero"`
	Last  time.Time `json:"last,omitzero"`
	// CalendarDays is the number of calendar days from the first send to
	// the last, both included; Days lists those with sends.
	CalendarDays int   `json:"calendar_days"`
	Days         []Day `json:"days"`
	// Level is the highest level among the days' assessments.
	Level risk.Level `json:"level"`
	// Error says why there is no safe plan: no moment allowed for a
	// message (see NoPlanError), or a day still at Maximal risk. Empty
	// when the plan holds.
	Error string `json:"error,omitempty"`
	// Next is the state after the last message: Options.Resume for a
	// planner that goes on with the next recipient.
	Next State `json:"next"`
}

// OK reports whether the plan holds: every message has its moment and no
// day is above Minimal risk.
func (r *Report) OK() bool { return r.Error == "" }

// Report describes the plan so far and assesses each of its days with
// risk.Policy.Assess: batch gives the batch's own properties (Personalized,
// Varied, AsksQuestion, Links, Promotional, NegativeRecipients, Groups,
// InboundOnly), and each day its recipients (Recipients is the day's
// messages, NewRecipients its new recipients, NegativeRecipients at most
// that many, Groups on the first day only), the recipients written to first
// earlier that day (Stats.NewRecipientsToday), and, after the first day, the
// plan's previous send as the account's LastOutgoing. A day assessed at
// Maximal, or a [*NoPlanError] from Next, makes the report's Error.
func (p *Planner) Report(batch risk.Plan) *Report {
	r := &Report{
		TimeZone:      zoneName(p.loc, p.from),
		Hours:         p.o.Hours,
		Weekdays:      p.o.Weekdays,
		MinGapSeconds: int(p.min / time.Second),
		MaxGapSeconds: int(p.max / time.Second),
		From:          p.from,
		Messages:      p.n,
		Days:          make([]Day, len(p.days)),
		Next:          p.state,
	}
	copy(r.Days, p.days)
	if r.Days == nil {
		r.Days = []Day{}
	}
	acct := p.acct
	var maximal *Day
	for i := range r.Days {
		d := &r.Days[i]
		r.New += d.New
		r.Known += d.Known
		s := p.o.Stats
		s.NewRecipientsToday = d.EarlierNew
		bp := batch
		bp.Recipients = d.New + d.Known
		bp.NewRecipients = d.New
		if batch.InboundOnly || p.o.InboundOnly {
			bp.InboundOnly, bp.NewRecipients = true, 0
		}
		bp.NegativeRecipients = min(max(batch.NegativeRecipients, 0), bp.Recipients)
		if i > 0 {
			bp.Groups = 0
			if prev := r.Days[i-1].Last; prev.After(acct.LastOutgoing) {
				acct.LastOutgoing = prev
			}
		}
		d.Risk = p.pol.Assess(d.Last, acct, s, bp)
		r.Level = max(r.Level, d.Risk.Level)
		if d.Risk.Level == risk.Maximal && maximal == nil {
			maximal = d
		}
	}
	if len(r.Days) > 0 {
		r.First, r.Last = r.Days[0].First, r.Days[len(r.Days)-1].Last
		r.CalendarDays = calendarDays(r.First, r.Last, p.loc)
	}
	switch {
	case p.err != nil:
		r.Error = strings.TrimPrefix(p.err.Error(), "plan: ")
	case maximal != nil:
		var why []string
		for _, f := range maximal.Risk.Findings {
			if f.Level == risk.Maximal {
				why = append(why, f.Code+": "+f.Message)
			}
		}
		r.Error = fmt.Sprintf("the risk of %s is still maximal, which no schedule fixes: %s", maximal.Date, strings.Join(why, "; "))
	}
	return r
}

// zoneName names loc for people: its IANA name, or for the system's zone
// ("Local") its abbreviation and offset at t, as "Local (MSK, +03:00)".
func zoneName(loc *time.Location, t time.Time) string {
	if loc != time.Local {
		return loc.String()
	}
	abbr, _ := t.In(loc).Zone()
	return fmt.Sprintf("Local (%s, %s)", abbr, t.In(loc).Format("-07:00"))
}

// calendarDays counts the calendar days from a's to b's, both included.
func calendarDays(a, b time.Time, loc *time.Location) int {
	ya, ma, da := a.In(loc).Date()
	yb, mb, db := b.In(loc).Date()
	// Whole days between the two dates' noons in UTC: no clock change.
	na := time.Date(ya, ma, da, 12, 0, 0, 0, time.UTC)
	nb := time.Date(yb, mb, db, 12, 0, 0, 0, time.UTC)
	return int(nb.Sub(na)/(24*time.Hour)) + 1
}

// textDays is how many days WriteText lists before it elides the middle.
const textDays = 14

// WriteText prints the plan for people: a summary line, then a line a day
// (the first ten and the last three of a longer plan).
func (r *Report) WriteText(w io.Writer) error {
	var b strings.Builder
	const stamp = "2006-01-02 15:04 -07:00"
	switch {
	case r.Messages == 0:
		fmt.Fprintf(&b, "plan: no messages planned")
	default:
		fmt.Fprintf(&b, "plan: %d messages (%d new recipients, %d known) over %d calendar days (%d with sends), from %s to %s",
			r.Messages, r.New, r.Known, r.CalendarDays, len(r.Days), r.First.Format(stamp), r.Last.Format(stamp))
	}
	fmt.Fprintf(&b, "; hours %s %s, %s, gaps %d-%d s; highest daily risk: %s\n",
		r.Hours, r.TimeZone, r.Weekdays, r.MinGapSeconds, r.MaxGapSeconds, r.Level)
	for i, d := range r.Days {
		if len(r.Days) > textDays && i == 10 {
			fmt.Fprintf(&b, "  ... %d more days\n", len(r.Days)-13)
		}
		if len(r.Days) > textDays && i >= 10 && i < len(r.Days)-3 {
			continue
		}
		fmt.Fprintf(&b, "  %s %s: %d new, %d known", d.Date, d.First.Weekday().String()[:3], d.New, d.Known)
		if d.EarlierNew > 0 {
			fmt.Fprintf(&b, " (+%d new earlier)", d.EarlierNew)
		}
		fmt.Fprintf(&b, ", %s to %s, phase %s, risk %s", d.First.Format("15:04:05"), d.Last.Format("15:04:05"), d.Phase, d.Risk.Level)
		for _, f := range d.Risk.Findings {
			if f.Level == risk.Maximal {
				fmt.Fprintf(&b, " [%s]", f.Code)
			}
		}
		b.WriteString("\n")
	}
	if r.Error != "" {
		fmt.Fprintf(&b, "  no safe plan: %s\n", r.Error)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

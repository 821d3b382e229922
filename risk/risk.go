package risk

import (
	"fmt"
	"time"

	"github.com/spinwise/spinwise/linkcheck"
)

// Level is a risk level: [None], [Minimal] or [Maximal]. Its text form (for
// flags, JSON and reports) is "none", "minimal" or "maximal".
type Level int

// Levels, from lowest to highest.
const (
	// None: the recipients wrote first or saved the business number, and
	// nothing else is wrong.
	None Level = iota
	// Minimal: the business writes first, or something should be fixed
	// although it does not by itself put the number in danger.
	Minimal
	// Maximal: at least one practice that gets numbers blocked.
	Maximal
)

var levelNames = [...]string{None: "none", Minimal: "minimal", Maximal: "maximal"}

// String returns "none", "minimal" or "maximal" (or "Level(N)" for a value
// outside the three levels).
func (l Level) String() string {
	if l >= 0 && int(l) < len(levelNames) {
		return levelNames[l]
	}
	return fmt.Sprintf("Level(%d)", int(l))
}

// MarshalText returns the level's name, so levels are strings in JSON.
func (l Level) MarshalText() ([]byte, error) {
	if l < None || l > Maximal {
		return nil, fmt.Errorf("risk: invalid level %d", int(l))
	}
	return []byte(levelNames[l]), nil
}

// UnmarshalText reads "none", "minimal" or "maximal".
func (l *Level) UnmarshalText(b []byte) error {
	for i, name := range levelNames {
		if string(b) == name {
			*l = Level(i)
			return nil
		}
	}
	return fmt.Errorf("risk: unknown level %q; use none, minimal or maximal", b)
}

// Account describes the sending WhatsApp account. A zero time means the
// moment is unknown (Registered), the number is not connected to the sending
// service yet (Connected) or the event never happened (the others); see the
// package documentation for how each rule treats it.
type Account struct {
	// Registered is when the WhatsApp account was registered. Zero: unknown;
	// the number is then assumed as young as the other dates allow.
	Registered time.Time `json:"registered,omitzero"`
	// Connected is when the number was connected to the sending service.
	// Zero: not connected yet (the assessment assumes it connects now).
	Connected time.Time `json:"connected,omitzero"`
	// WarmupRestarted is the last reinstall of WhatsApp or move to another
	// phone, which starts the warm-up over. Zero: never.
	WarmupRestarted time.Time `json:"warmup_restarted,omitzero"`
	// LastOutgoing is the last message sent from the number (phone or
	// service). Zero: never or unknown.
	LastOutgoing time.Time `json:"last_outgoing,omitzero"`
	// LastBlock is when the number was last blocked; LastUnblock when the
	// last block was lifted. A LastBlock after LastUnblock (or without one)
	// means the number is blocked now, and so does a LastUnblock after the
	// moment assessed: the block is not lifted yet. Zero: never.
	LastBlock   time.Time `json:"last_block,omitzero"`
	LastUnblock time.Time `json:"last_unblock,omitzero"`
	// Blocks is how many times the number has been blocked, ever.
	Blocks int `json:"blocks,omitempty"`
}

// Stats are the account's activity over the trailing 7 days, except Queued,
// which is the number of messages waiting in the service's queue now, and
// NewRecipientsToday, which counts today. Negative counts are treated as 0.
type Stats struct {
	Outgoing                 int `json:"outgoing"`                     // messages sent
	Replies                  int `json:"replies"`                      // replies received to them
	Dialogs                  int `json:"dialogs"`                      // conversations with at least one message each way
	PhoneChecks              int `json:"phone_checks"`                 // "does this number have WhatsApp" checks
	GroupsCreated            int `json:"groups_created"`               // groups created through the service
	NonWhatsAppAddedToGroups int `json:"non_whatsapp_added_to_groups"` // numbers without WhatsApp added to groups through the service
	Queued                   int `json:"queued"`                       // messages in the service's queue now

	// NewRecipientsToday is how many recipients the business has already
	// written to first today, before this batch: the daily cap on new
	// recipients is a cap on the day, not on one batch, so a robot that
	// sends one message per deal must say how many went out before it.
	// "Today" is the calendar day of the moment assessed, as the sender
	// counts its days.
	NewRecipientsToday int `json:"new_recipients_today"`
}

// Plan is the batch about to be sent. A plan with no recipients describes no
// batch: only the account's own findings are reported.
type Plan struct {
	// Recipients is the number of recipients in the batch; NewRecipients how
	// many of them the business has never written to (it writes first);
	// NegativeRecipients how many reacted negatively to earlier messages.
	Recipients, NewRecipients, NegativeRecipients int
	// InboundOnly: every recipient wrote first or saved the business number.
	// Personalized: the messages carry the recipient's own data.
	// Varied: the wording varies between recipients (a randomizer).
	// AsksQuestion: the message asks the recipient a question.
	// Promotional: the message advertises something.
	InboundOnly, Personalized, Varied, AsksQuestion, Promotional bool
	// Links are the links in the batch's messages, as judged by linkcheck.
	Links []linkcheck.Link
	// Groups is the number of groups the batch creates through the service.
	Groups int
}

// Finding is one reason for a risk level.
type Finding struct {
	Level Level `json:"level"`
	// Code is one of the Code* constants: stable, for programs.
	Code string `json:"code"`
	// Message is one Russian sentence for the CRM user: what is wrong and
	// what to do.
	Message string `json:"message"`
}

// Limits are the sending limits through the service on one day. A count of
// -1 means no fixed cap. The counts limit what the business sends on its own
// initiative; replies to recipients who wrote first (Plan.InboundOnly) are
// not counted, except in the phases where nothing at all may go through the
// service ([PhaseWarmup], [PhaseBlocked], [PhasePhoneOnly]).
type Limits struct {
	// NewRecipientsPerDay caps the recipients written to for the first time.
	NewRecipientsPerDay int `json:"new_recipients_per_day"`
	// MessagesPerDay caps all messages sent on the business's initiative.
	MessagesPerDay int `json:"messages_per_day"`
	// Groups tells whether groups may be created through the service.
	Groups bool `json:"groups"`

	// PhoneMessagesPerDay is the warm-up schedule for sending from the phone
	// itself (not through the service); -1 outside the warm-up.
	PhoneMessagesPerDay int `json:"phone_messages_per_day"`
	// Phase is the phase of the number's life these limits belong to.
	Phase Phase `json:"phase"`
	// Until is when the phase ends and the limits change; zero when the
	// phase has no end or its end is unknown. In growing, the cap on new
	// recipients rises every day before Until.
	Until time.Time `json:"until,omitzero"`
}

// Assessment is the result of [Assess].
type Assessment struct {
	// Level is the highest finding's level; None when there is no finding.
	Level Level `json:"level"`
	// Findings are ordered by level, highest first, then by their code's
	// place in [Codes].
	Findings []Finding `json:"findings"`
	// Limits are [LimitsAt] for the same moment and account.
	Limits Limits `json:"limits"`
}

// Finding codes. The first fifteen are the contract; CodeFewDialogs
// and CodeWritesFirst are additions.
const (
	CodeYoungAccount         = "young-account"
	CodeWarmupRestarted      = "warmup-restarted"
	CodeGroupsOnNewNumber    = "groups-on-new-number"
	CodeTooManyNewRecipients = "too-many-new-recipients"
	CodeLowReplies           = "low-replies"
	CodeIdenticalMessages    = "identical-messages"
	CodeNoQuestion           = "no-question"
	CodeShortenedLink        = "shortened-link"
	CodeBlockedLink          = "blocked-link"
	CodeNegativeRecipients   = "negative-recipients"
	CodeNonWhatsAppInGroups  = "non-whatsapp-in-groups"
	CodeInactive             = "inactive"
	CodePhoneChecks          = "phone-checks"
	CodeFlushQueue           = "flush-queue"
	CodeRecentBlock          = "recent-block"
	CodeFewDialogs           = "few-dialogs"
	CodeWritesFirst          = "writes-first"
)

// Codes lists every finding code in the order findings of one level are
// reported.
var Codes = []string{
	CodeYoungAccount, CodeWarmupRestarted, CodeGroupsOnNewNumber,
	CodeTooManyNewRecipients, CodeLowReplies, CodeIdenticalMessages,
	CodeNoQuestion, CodeShortenedLink, CodeBlockedLink, CodeNegativeRecipients,
	CodeNonWhatsAppInGroups, CodeInactive, CodePhoneChecks, CodeFlushQueue,
	CodeRecentBlock, CodeFewDialogs, CodeWritesFirst,
}

// LimitsAt returns the account's sending limits at now under the default
// [Policy].
func LimitsAt(now time.Time, a Account) Limits {
	return (*Policy)(nil).LimitsAt(now, a)
}

// Assess assesses the batch p for account a with activity s at now under the
// default [Policy]. Level is the highest finding's level.
func Assess(now time.Time, a Account, s Stats, p Plan) Assessment {
	return (*Policy)(nil).Assess(now, a, s, p)
}

package risk

// Scaffolding: the exported API of issue 9 with no implementation yet.
// The package's author replaces this file.

import (
	"time"

	"github.com/spinwise/spinwise/linkcheck"
)

// Level is a risk level.
type Level int

// Levels.
const (
	None Level = iota
	Minimal
	Maximal
)

// Account describes the sending WhatsApp account.
type Account struct {
	Registered, Connected, WarmupRestarted time.Time
	LastOutgoing, LastBlock, LastUnblock   time.Time
	Blocks                                 int
}

// Stats are the account's trailing 7 days unless said otherwise.
type Stats struct {
	Outgoing, Replies, Dialogs, PhoneChecks, GroupsCreated, NonWhatsAppAddedToGroups, Queued int
}

// Plan is the batch about to be sent.
type Plan struct {
	Recipients, NewRecipients, NegativeRecipients                int
	InboundOnly, Personalized, Varied, AsksQuestion, Promotional bool
	Links                                                        []linkcheck.Link
}

// Finding is one reason for a risk level.
type Finding struct {
	Level         Level
	Code, Message string
}

// Limits are sending limits; -1 means no fixed cap.
type Limits struct {
	NewRecipientsPerDay, MessagesPerDay int
	Groups                              bool
}

// Assessment is the result of Assess.
type Assessment struct {
	Level    Level
	Findings []Finding
	Limits   Limits
}

// LimitsAt returns the account's limits at now.
func LimitsAt(now time.Time, a Account) Limits { panic("risk: not implemented yet") }

// Assess assesses a batch.
func Assess(now time.Time, a Account, s Stats, p Plan) Assessment {
	panic("risk: not implemented yet")
}

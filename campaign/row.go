package campaign

import (
	"fmt"
	"time"

	"github.com/spinwise/spinwise/linkcheck"
)

// Row is the outcome for one recipient: a message split into chunks, or an
// error that says why there is none. Run emits exactly one Row per recipient,
// in input order.
//
// Its JSON form is one line of the CLI's output:
//
//	{"key":"c0001","text":"…","chunks":["…"],"variant":"17"}
//	{"key":"c0002","variant":"3","error":{"kind":"missing-field","message":"…","field":"Имя"}}
type Row struct {
	// Index is the recipient's position: Options.Start plus the number of
	// recipients before it in this run. It picks the variant (see Options).
	Index int `json:"-"`
	// Key identifies the recipient (the CSV key column). It is what the
	// suppression list matches.
	Key string `json:"key"`
	// Phone is the recipient's phone number in E.164 ("+79991234567") and
	// WAID the same as WhatsApp writes it ("79991234567"), when the data
	// has a phone column (Options.PhoneField) and the number is valid; on
	// error rows too, after the number was read.
	Phone string `json:"phone,omitempty"`
	WAID  string `json:"wa_id,omitempty"`
	// PhoneType is the kind of line of Phone ("mobile", "landline", ...).
	PhoneType PhoneType `json:"phone_type,omitempty"`
	// PhoneCount is the number of phone numbers the recipient's phone
	// field held (Phone is the first mobile one).
	PhoneCount int `json:"-"`
	// Text is the whole rendered message; empty on an error row.
	Text string `json:"text,omitempty"`
	// Chunks are the short messages to send, in order; nil on an error row.
	Chunks []string `json:"chunks,omitempty"`
	// Variant is the spintax variant's index in [0, Count()), in decimal
	// (counts can exceed 64 bits). Empty when no variant was chosen
	// (suppressed recipients and unreadable records).
	Variant string `json:"variant,omitempty"`
	// SendAt is when to send the message, with Options.Plan: RFC 3339 in
	// the plan's time zone in JSON ("2026-12-02T10:00:00+03:00"); zero (and
	// left out of JSON) on an error row and without a plan.
	SendAt time.Time `json:"send_at,omitzero"`
	// Known: the recipient is already in a dialog with the business
	// (Options.Known, Options.KnownField), so not a new recipient.
	Known bool `json:"-"`
	// Warnings are things about the recipient a sender should see that do
	// not stop the message: a phone that is a landline, a phone field with
	// several numbers (the one taken is said). In Russian, for the people
	// who keep the CRM.
	Warnings []string `json:"warnings,omitempty"`
	// Links are the links found in Text, each with its verdict.
	Links []linkcheck.Link `json:"-"`
	// Err is nil for a message, or says why the recipient has none.
	Err *RowError `json:"error,omitempty"`
}

// OK reports whether the row carries a message.
func (r *Row) OK() bool { return r.Err == nil }

// Kind classifies a row's error. The values are stable strings that appear
// in the CLI's JSON output and in Report.Errors.
type Kind string

// Error kinds.
const (
	// KindInput: the record could not be read (a CSV row with the wrong
	// number of fields, invalid UTF-8, a JSON line that is not an object,
	// an empty key).
	KindInput Kind = "input"
	// KindSuppressed: the key is on the suppression list. Not a failure:
	// the list did its job; the CLI does not exit 1 for it.
	KindSuppressed Kind = "suppressed"
	// KindMissingField: the template reads a field this recipient has no
	// value for (RowError.Field names it).
	KindMissingField Kind = "missing-field"
	// KindRender: any other rendering error (for example output over
	// the template's MaxOutput, or a message that is empty or only white
	// space).
	KindRender Kind = "render"
	// KindLink: the message holds a link whose verdict is not OK
	// (RowError.Link names the first one).
	KindLink Kind = "link"
	// KindTooLong: the message holds an atomic span (a link, a phone
	// number, markup) longer than the chunk limit, so it cannot be split.
	KindTooLong Kind = "too-long"
)

// Failure reports whether an error of this kind counts as a failed
// recipient. Every kind does except KindSuppressed and KindDuplicatePhone
// (the person gets the message of the first row with the phone).
func (k Kind) Failure() bool { return k != KindSuppressed && k != KindDuplicatePhone }

// RowError says why a recipient got no message.
type RowError struct {
	Kind    Kind   `json:"kind"`
	Message string `json:"message"`
	// Field is the missing field for KindMissingField, the phone field
	// for KindPhone and KindDuplicatePhone.
	Field string `json:"field,omitempty"`
	// Link is the offending link as written, for KindLink.
	Link string `json:"link,omitempty"`
	// Duplicate is the key of the earlier recipient with the same phone,
	// for KindDuplicatePhone.
	Duplicate string `json:"duplicate,omitempty"`
	// Line is the 1-based line of the input where the record starts, when
	// known.
	Line int `json:"line,omitempty"`
	// Err is the underlying error (a *template.MissingError, a
	// *chunk.SpanError, an *InputError, ...), for errors.As.
	Err error `json:"-"`
}

func (e *RowError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s: line %d: %s", e.Kind, e.Line, e.Message)
	}
	return fmt.Sprintf("%s: %s", e.Kind, e.Message)
}

// Unwrap returns the underlying error.
func (e *RowError) Unwrap() error { return e.Err }

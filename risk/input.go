package risk

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Input is the content of an account file (the CLI's -account FILE): the
// account, its last 7 days, what only the caller knows about the batch, and
// optional changes to the policy. Every part and every field may be left
// out. The shape, with every field:
//
//	{
//	  "account": {
//	    "registered": "2026-01-10T09:00:00+03:00",
//	    "connected": "2026-01-20T09:00:00+03:00",
//	    "warmup_restarted": "...", "last_outgoing": "...",
//	    "last_block": "...", "last_unblock": "...",
//	    "blocks": 0
//	  },
//	  "stats": {
//	    "outgoing": 140, "replies": 52, "dialogs": 40, "phone_checks": 10,
//	    "groups_created": 0, "non_whatsapp_added_to_groups": 0, "queued": 0,
//	    "new_recipients_today": 0
//	  },
//	  "plan": {
//	    "new_recipients": 20, "negative_recipients": 0,
//	    "inbound_only": false, "promotional": false, "groups": 0
//	  },
//	  "policy": {"green_light_days": 25, "growth_per_day": 10}
//	}
//
// Dates are RFC 3339 date-times with a time zone offset or Z; a missing date
// or null is the zero time (see [Account]). Counts are whole numbers, not
// negative. The policy's fields are the snake_case names of [Policy]'s
// fields.
type Input struct {
	Account Account   `json:"account"`
	Stats   Stats     `json:"stats"`
	Plan    PlanInput `json:"plan"`
	Policy  Policy    `json:"policy"`
}

// PlanInput is what only the caller knows about a batch; the rest of a
// [Plan] comes from the batch itself. See [PlanInput.Apply].
type PlanInput struct {
	// NewRecipients: nil means every recipient is new (none when
	// InboundOnly).
	NewRecipients      *int `json:"new_recipients,omitempty"`
	NegativeRecipients int  `json:"negative_recipients,omitempty"`
	InboundOnly        bool `json:"inbound_only,omitempty"`
	Promotional        bool `json:"promotional,omitempty"`
	Groups             int  `json:"groups,omitempty"`
}

// Apply returns p with the caller's facts from pi: NewRecipients (all of
// p.Recipients when pi leaves it out and the batch is not InboundOnly, at
// most p.Recipients), NegativeRecipients, InboundOnly, Promotional and
// Groups. The other fields of p (Recipients, Personalized, Varied,
// AsksQuestion, Links) are the batch's own and are kept.
func (pi PlanInput) Apply(p Plan) Plan {
	p.InboundOnly = pi.InboundOnly
	p.Promotional = pi.Promotional
	p.NegativeRecipients = pi.NegativeRecipients
	p.Groups = pi.Groups
	switch {
	case pi.NewRecipients != nil:
		p.NewRecipients = min(*pi.NewRecipients, p.Recipients)
	case pi.InboundOnly:
		p.NewRecipients = 0
	default:
		p.NewRecipients = p.Recipients
	}
	return p
}

// MaxInputBytes is the largest account file [ReadInput] reads, in bytes.
const MaxInputBytes = 1 << 20

// InputError is a fault in an account file.
type InputError struct {
	// Field is the JSON path of the faulty field, like "account.registered";
	// empty for a fault of the whole file (a syntax error, a file too large).
	Field string
	// Offset is the fault's byte offset in the file (0-based); Line and Col
	// are 1-based, Col counted in runes. All three are 0 when unknown.
	Offset    int64
	Line, Col int
	// Msg says what is wrong and what to do.
	Msg string
}

func (e *InputError) Error() string {
	var b strings.Builder
	b.WriteString("risk: account file")
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", e.Line, e.Col)
	}
	if e.Field != "" {
		b.WriteString(": " + e.Field)
	}
	b.WriteString(": " + e.Msg)
	return b.String()
}

// ReadInput reads and checks an account file of at most [MaxInputBytes]
// bytes. A fault in the file is an [*InputError]; a failure to read is
// returned wrapped.
func ReadInput(r io.Reader) (Input, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxInputBytes+1))
	if err != nil {
		return Input{}, fmt.Errorf("risk: reading account file: %w", err)
	}
	if len(data) > MaxInputBytes {
		return Input{}, &InputError{Msg: fmt.Sprintf("the file is larger than %d bytes; an account file is a small JSON object", MaxInputBytes)}
	}
	return ParseInput(data)
}

// ParseInput parses an account file held in memory; see [ReadInput].
// Decoding is strict: an unknown or repeated field, a value of the wrong
// type, a negative count, a date that is not RFC 3339, data after the object
// and contradictory fields are errors naming the field.
func ParseInput(data []byte) (Input, error) {
	var in Input
	d := &inputParser{data: data}
	start := int64(0)
	if bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")) {
		start = 3 // a byte order mark, as some Windows editors write
	}
	if !utf8.Valid(data[start:]) {
		return Input{}, d.errAt("", int64(invalidUTF8At(data)), "the file is not valid UTF-8; save it as UTF-8")
	}
	var raw json.RawMessage
	if err := json.Unmarshal(data[start:], &raw); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			off := start + max(se.Offset-1, 0)
			return Input{}, d.errAt("", off, "invalid JSON: "+strings.TrimPrefix(se.Error(), "json: "))
		}
		return Input{}, d.errAt("", start, "invalid JSON: "+err.Error())
	}
	lead := int64(len(data[start:]) - len(bytes.TrimLeft(data[start:], " \t\r\n")))
	top := value{raw: bytes.TrimSpace(raw), off: start + lead}
	if err := d.object(top, []field{
		{"account", func(v value) error { return d.account(v, &in.Account) }},
		{"stats", func(v value) error { return d.stats(v, &in.Stats) }},
		{"plan", func(v value) error { return d.plan(v, &in.Plan) }},
		{"policy", func(v value) error { return d.policy(v, &in.Policy) }},
	}); err != nil {
		return Input{}, err
	}
	if err := in.check(); err != nil {
		return Input{}, err
	}
	return in, nil
}

// UnmarshalJSON decodes an account file strictly, as [ParseInput] does.
func (in *Input) UnmarshalJSON(data []byte) error {
	v, err := ParseInput(data)
	if err != nil {
		return err
	}
	*in = v
	return nil
}

// check reports contradictory fields.
func (in *Input) check() error {
	a := in.Account
	switch {
	case !a.LastBlock.IsZero() && a.Blocks < 1:
		return &InputError{Field: "account.blocks", Msg: "last_block is set, so blocks must be at least 1"}
	case a.Blocks > 0 && a.LastBlock.IsZero():
		return &InputError{Field: "account.last_block", Msg: fmt.Sprintf("blocks is %d but last_block is missing; give the date of the last block", a.Blocks)}
	case !a.LastUnblock.IsZero() && a.LastBlock.IsZero():
		return &InputError{Field: "account.last_unblock", Msg: "last_unblock is set but last_block is missing; give the date of the last block"}
	case !a.Registered.IsZero() && !a.Connected.IsZero() && a.Connected.Before(a.Registered):
		return &InputError{Field: "account.connected", Msg: "the number was connected before it was registered; check both dates"}
	case in.Plan.InboundOnly && in.Plan.NewRecipients != nil && *in.Plan.NewRecipients > 0:
		return &InputError{Field: "plan.new_recipients", Msg: "must be 0 when inbound_only is true: recipients who wrote first are not written to first"}
	}
	return nil
}

type inputParser struct{ data []byte }

// value is one JSON value of the file and where it is.
type value struct {
	raw  json.RawMessage
	off  int64 // byte offset in the file
	path string
}

type field struct {
	name string
	set  func(value) error
}

func (d *inputParser) errAt(path string, off int64, msg string) *InputError {
	e := &InputError{Field: path, Offset: off, Msg: msg}
	if off >= 0 && off <= int64(len(d.data)) {
		before := d.data[:off]
		e.Line = bytes.Count(before, []byte("\n")) + 1
		e.Col = utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:]) + 1
	}
	return e
}

func invalidUTF8At(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

func kind(raw []byte) string {
	if len(raw) == 0 {
		return "nothing"
	}
	switch raw[0] {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}

func isNull(raw []byte) bool { return string(raw) == "null" }

// object decodes a JSON object whose fields are fields; null is an empty
// object.
func (d *inputParser) object(v value, fields []field) error {
	if isNull(v.raw) {
		return nil
	}
	if len(v.raw) == 0 || v.raw[0] != '{' {
		return d.errAt(v.path, v.off, "must be a JSON object {...}, not "+kind(v.raw))
	}
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = f.name
	}
	sort.Strings(names)
	dec := json.NewDecoder(bytes.NewReader(v.raw))
	if _, err := dec.Token(); err != nil { // '{'
		return d.errAt(v.path, v.off, "invalid JSON object")
	}
	seen := map[string]bool{}
	for dec.More() {
		k := dec.InputOffset()
		for k < int64(len(v.raw)) && strings.IndexByte(", \t\r\n", v.raw[k]) >= 0 {
			k++ // to the key's opening quote
		}
		keyStart := v.off + k
		tok, err := dec.Token()
		if err != nil {
			return d.errAt(v.path, keyStart, "invalid JSON object")
		}
		key, _ := tok.(string)
		path := key
		if v.path != "" {
			path = v.path + "." + key
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return d.errAt(path, keyStart, "invalid JSON value")
		}
		valOff := v.off + dec.InputOffset() - int64(len(raw))
		if seen[key] {
			return d.errAt(path, keyStart, "the field appears twice; keep one")
		}
		seen[key] = true
		i := sort.SearchStrings(names, key)
		if i == len(names) || names[i] != key {
			return d.errAt(path, keyStart, fmt.Sprintf("unknown field %q; the fields here are %s", key, strings.Join(names, ", ")))
		}
		for _, f := range fields {
			if f.name == key {
				if err := f.set(value{raw: raw, off: valOff, path: path}); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func (d *inputParser) time(dst *time.Time) func(value) error {
	return func(v value) error {
		if isNull(v.raw) {
			*dst = time.Time{}
			return nil
		}
		var s string
		if len(v.raw) == 0 || v.raw[0] != '"' || json.Unmarshal(v.raw, &s) != nil {
			return d.errAt(v.path, v.off, `must be a date and time in quotes, like "2026-03-01T09:00:00+03:00", not `+kind(v.raw))
		}
		if s == "" {
			return d.errAt(v.path, v.off, "is empty; leave the field out when the date is unknown")
		}
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			return d.errAt(v.path, v.off, fmt.Sprintf(`%q is not an RFC 3339 date and time; write it like "2026-03-01T09:00:00+03:00" or "2026-03-01T06:00:00Z"`, s))
		}
		*dst = t
		return nil
	}
}

// count decodes a whole number that is not negative.
func (d *inputParser) count(dst *int) func(value) error {
	return func(v value) error {
		if isNull(v.raw) {
			*dst = 0
			return nil
		}
		if kind(v.raw) != "a number" {
			return d.errAt(v.path, v.off, "must be a whole number, not "+kind(v.raw))
		}
		n, err := strconv.ParseInt(string(v.raw), 10, 0)
		switch {
		case err != nil && errors.Is(err, strconv.ErrRange):
			return d.errAt(v.path, v.off, fmt.Sprintf("%s is too large", v.raw))
		case err != nil:
			return d.errAt(v.path, v.off, fmt.Sprintf("%s is not a whole number", v.raw))
		case n < 0:
			return d.errAt(v.path, v.off, fmt.Sprintf("%d is negative; counts start at 0", n))
		}
		*dst = int(n)
		return nil
	}
}

func (d *inputParser) countPtr(dst **int) func(value) error {
	return func(v value) error {
		if isNull(v.raw) {
			*dst = nil
			return nil
		}
		n := new(int)
		if err := d.count(n)(v); err != nil {
			return err
		}
		*dst = n
		return nil
	}
}

func (d *inputParser) bool(dst *bool) func(value) error {
	return func(v value) error {
		switch string(v.raw) {
		case "true":
			*dst = true
		case "false", "null":
			*dst = false
		default:
			return d.errAt(v.path, v.off, "must be true or false, not "+kind(v.raw))
		}
		return nil
	}
}

func (d *inputParser) account(v value, a *Account) error {
	return d.object(v, []field{
		{"registered", d.time(&a.Registered)},
		{"connected", d.time(&a.Connected)},
		{"warmup_restarted", d.time(&a.WarmupRestarted)},
		{"last_outgoing", d.time(&a.LastOutgoing)},
		{"last_block", d.time(&a.LastBlock)},
		{"last_unblock", d.time(&a.LastUnblock)},
		{"blocks", d.count(&a.Blocks)},
	})
}

func (d *inputParser) stats(v value, s *Stats) error {
	return d.object(v, []field{
		{"outgoing", d.count(&s.Outgoing)},
		{"replies", d.count(&s.Replies)},
		{"dialogs", d.count(&s.Dialogs)},
		{"phone_checks", d.count(&s.PhoneChecks)},
		{"groups_created", d.count(&s.GroupsCreated)},
		{"non_whatsapp_added_to_groups", d.count(&s.NonWhatsAppAddedToGroups)},
		{"queued", d.count(&s.Queued)},
		{"new_recipients_today", d.count(&s.NewRecipientsToday)},
	})
}

func (d *inputParser) plan(v value, p *PlanInput) error {
	return d.object(v, []field{
		{"new_recipients", d.countPtr(&p.NewRecipients)},
		{"negative_recipients", d.count(&p.NegativeRecipients)},
		{"inbound_only", d.bool(&p.InboundOnly)},
		{"promotional", d.bool(&p.Promotional)},
		{"groups", d.count(&p.Groups)},
	})
}

func (d *inputParser) policy(v value, p *Policy) error {
	return d.object(v, []field{
		{"warmup_days", d.count(&p.WarmupDays)},
		{"new_number_days", d.count(&p.NewNumberDays)},
		{"new_number_recipients", d.count(&p.NewNumberRecipients)},
		{"green_light_days", d.count(&p.GreenLightDays)},
		{"min_replies_per_100", d.count(&p.MinRepliesPer100)},
		{"idle_days", d.count(&p.IdleDays)},
		{"queue_hours", d.count(&p.QueueHours)},
		{"min_dialogs", d.count(&p.MinDialogs)},
		{"growth_per_day", d.count(&p.GrowthPerDay)},
		{"many_at_once", d.count(&p.ManyAtOnce)},
		{"burst_factor", d.count(&p.BurstFactor)},
		{"no_replies_per_100", d.count(&p.NoRepliesPer100)},
		{"min_outgoing", d.count(&p.MinOutgoing)},
		{"frequent_checks", d.count(&p.FrequentChecks)},
		{"min_dialogs_per_100_checks", d.count(&p.MinDialogsPer100Checks)},
		{"phone_only_days", d.count(&p.PhoneOnlyDays)},
		{"chats_only_days", d.count(&p.ChatsOnlyDays)},
	})
}

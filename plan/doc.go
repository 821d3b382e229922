// Package plan turns a batch into a sending schedule that keeps every day
// within the sending limits of package risk: a batch that would be maximal
// risk sent at once becomes a plan of days that are each at most Minimal.
//
// A [Planner] gives each message, in input order, the moment to send it
// ([Planner.Next]); [Planner.Report] describes the plan: the days it needs,
// the recipients of each day, the first and last send, and the risk
// assessment of every planned day. spinwise sends nothing itself: a sender
// reads each message's send_at and sends then.
//
// # Rules
//
// A message goes out at the earliest moment that keeps all of these:
//
//   - It is inside the sending hours ([Options].Hours, wall-clock time in
//     [Options].Location; 10:00 to before 19:00 by default) on an allowed
//     weekday ([Options].Weekdays; every day by default).
//   - It is at least a random gap after the previous message: a whole
//     number of seconds drawn uniformly from [Options].MinGap to MaxGap
//     (60 s to 180 s by default; never under [MinGap], 30 s). The gap of the
//     message at position pos is a function of (Seed, pos) alone.
//   - The account's phase at that moment allows it ([risk.Policy.LimitsAt]):
//     nothing in the warm-up, while blocked, in the phone-only days after a
//     repeated block, and nothing written first in the chats-only days after
//     them. The plan waits for the phase's end ([risk.Limits].Until), so it
//     starts on the first allowed day.
//   - A new recipient (one the business writes to first) keeps the day's new
//     recipients at or under [risk.Policy.NewRecipientsCap] at that moment:
//     20 in the first 10 days after connecting, then 25, 30, ... up to the
//     green light, then the many-at-once bound. A known recipient (already
//     in a dialog with the business) does not count as new.
//   - Every message keeps the day's messages at or under
//     [risk.Limits].MessagesPerDay where that is capped.
//
// Days are calendar days in the plan's location, as a sender counts them;
// the recipients already written to first on the day of [Options].From
// (Stats.NewRecipientsToday) count against that day. A day's cap is the one
// in force at the moment of each send, so on the day the cap rises (the
// growing phase adds recipients every 24 hours after connecting) the
// messages over the old cap wait until the rise, not until the next day.
// The day's new recipients must also fit the cap in force at the end of
// its sending hours, which matters only for a policy whose many-at-once
// bound is below the last growing day's cap: there the cap falls at the
// green light. So every day, assessed at its last send with all its
// messages, stays clear of too-many-new-recipients.
//
// Input order is kept: every message goes out no earlier than the one
// before it, so a later recipient never gets an earlier time. A recipient
// who gets no message (suppressed, missing field, rejected link) is not
// given to the planner and takes no place in the plan.
//
// # Time zones
//
// Sending hours are wall-clock hours: on the day a zone moves its clocks,
// the window still opens at 10:00 local time, and a gap is elapsed time,
// so an hour that does not exist is skipped and an hour that repeats is
// not sent twice as fast. When the clocks skip the window's opening (02:15
// on a day they go from 02:00 to 03:00), it opens when they change (03:00);
// when they skip the whole window, nothing is sent that day. Times are
// returned in the plan's location and carry its offset
// (2026-12-02T10:00:00+03:00), in whole seconds.
//
// # Resuming
//
// The plan at a message depends on the messages before it (how many new
// recipients each day already has), so a run that stops part way and goes
// on later from recipient N must start from the planner's [State] after
// the message before N: [Planner.State] gives it, [State.MarshalText] writes
// it as a short text, and [Options].Resume takes it back. With the same
// options and the same seed, the resumed planner gives the same times as
// one planner over the whole batch.
//
// # When there is no plan
//
// [Planner.Next] returns a [*NoPlanError] when no moment will ever be
// allowed (the number is blocked with no known lift, or its registration
// date is unknown, so its warm-up has no known end) or none within
// [MaxWait]. [Planner.Report] assesses every planned day with the batch's
// own properties; a day still at Maximal risk (identical messages, a
// blocked link, promotion to clients who reacted negatively: what no
// schedule fixes) means there is no safe plan, and the report says why.
package plan

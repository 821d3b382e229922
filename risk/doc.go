// Package risk encodes the practices that raise or lower the risk of a
// WhatsApp number being blocked, so a sending robot can ask "may I send this
// batch today?" before it sends, not after the number is lost.
//
// Blocking is WhatsApp's decision alone; this package knows only the
// practices that make it more or less likely, as a WhatsApp CRM connector's
// published guidance describes them. [Assess] checks an account, its last 7
// days and the batch about to be sent, and returns a [Level], the
// [Finding]s behind it (each with a Russian sentence saying what to do) and
// the day's [Limits]. [LimitsAt] returns the limits alone.
//
// # Levels
//
// There are three levels, and they compose as follows.
//
//   - [None]: the recipients wrote first or saved the business number
//     ([Plan].InboundOnly), and nothing about the account is wrong. This is
//     the level when there is no finding at all.
//   - [Minimal]: the business writes first ([Plan].InboundOnly false, with
//     recipients), and every condition of minimal risk holds, or some do not
//     but none of them is on the guidance's list of maximal risks. An
//     outbound batch always carries the Minimal finding [CodeWritesFirst],
//     so the level is Minimal even when nothing is wrong.
//   - [Maximal]: any maximal-risk condition holds.
//
// The assessment's level is always the highest level among its findings.
// Findings are ordered highest level first, then by their code's place in
// [Codes]. The CLI refuses to write messages at Maximal unless forced.
//
// # Rules and findings
//
// Every number below is a default of [Policy], which a caller can change.
// "(guidance)" marks the numbers the guidance gives; "(choice)" marks this
// package's choices, made where the guidance says "several days", "many" or
// "low" without a number.
//
//	code                     level    when
//	young-account            Maximal  the account is under 10 days old (guidance), or its age is unknown
//	warmup-restarted         Maximal  under 10 days since a reinstall or a move to another phone (guidance)
//	groups-on-new-number     Maximal  groups created through the service (Stats.GroupsCreated + Plan.Groups)
//	                                  in the warm-up or the first 10 days after connecting (guidance)
//	too-many-new-recipients  Maximal  more new recipients today (Stats.NewRecipientsToday plus the batch's)
//	                                  than today's cap: 20 in the first 10 days after connecting (guidance),
//	                                  then 20 + 5 more each day (choice); after the green light, more than
//	                                  150 (choice) and more than 2 (choice) times the average daily outgoing
//	                                  messages of the last 7 days
//	low-replies              Minimal  under 30 replies per 100 outgoing messages (guidance), once there are
//	                                  at least 20 outgoing messages in 7 days (choice)
//	                         Maximal  under 10 replies per 100 (choice): "clients do not reply"
//	identical-messages       Maximal  neither personalized nor varied (guidance)
//	                         Minimal  personalized or varied, not both (guidance: both are needed)
//	no-question              Minimal  the message asks no question (guidance)
//	shortened-link           Minimal  a link through a shortener (guidance: no shortened links)
//	blocked-link             Maximal  a link whose linkcheck verdict is Blocked (guidance: no links to
//	                                  popular or illegal resources; neither list ships with spinwise, so
//	                                  the caller puts such hosts on linkcheck's Options.Block)
//	                         Minimal  a link whose verdict is Suspicious (and none is Blocked)
//	negative-recipients      Maximal  a promotional batch to clients who reacted negatively (guidance)
//	non-whatsapp-in-groups   Maximal  numbers without WhatsApp added to groups through the service (guidance)
//	inactive                 Minimal  14 days or more without sending (guidance)
//	phone-checks             Minimal  at least 50 "has WhatsApp" checks in 7 days (choice) with under
//	                                  10 dialogs per 100 checks (choice)
//	flush-queue              Maximal  messages queued while the number is blocked, or a block lifted at most
//	                                  24 hours ago (guidance): they would go out in a burst on reconnection
//	recent-block             Maximal  blocked now; or in the 3 days (choice) of phone-only use after a
//	                                  repeated block (Blocks >= 2) is lifted; or, in the 3 days (choice) of
//	                                  chats only after those, an outbound batch or new groups
//	                         Minimal  under 30 days (guidance) since the number went back to the service
//	                                  after a block: the green light is not back yet
//	few-dialogs              Minimal  not connected yet (Account.Connected zero) with under 10 dialogs in
//	                                  the last 7 days (guidance: at least 10 dialogs before connecting)
//	writes-first             Minimal  an outbound batch: the business writes first (guidance)
//
// Level choices worth knowing: a shortened link is Minimal because the
// guidance lists it only among the conditions of minimal risk, not among the
// maximal ones, so it is something to fix, not a reason to stop. A link on
// the block list is Maximal because the guidance names links to illegal
// resources and because the list is the user's own statement that the
// domain must not be sent. "Clients do not reply" is Maximal in the
// guidance, "at least 30 replies per 100" a condition of minimal risk, so
// the package uses two thresholds for one code.
//
// Findings that concern the batch's wording and recipients (too-many-new-
// recipients, low-replies, identical-messages, no-question, inactive,
// writes-first) apply only to outbound batches: when the recipients wrote
// first, the guidance sees no risk in them. Findings about the account
// (age, warm-up, groups, checks, blocks, queue, dialogs), about links and
// about promotion to negative clients apply to every batch, and to a plan
// with no recipients, which asks only about the account.
//
// # Phases and limits
//
// [LimitsAt] places the account in a [Phase] and returns its [Limits]:
//
//	phase       when                                               new/day      messages/day  groups
//	warmup      under 10 days since registration or warm-up        0            0             no
//	            restart, or registration unknown (guidance)
//	blocked     blocked now                                        0            0             no
//	phone-only  3 days (choice) after a repeated block is lifted   0            0             no
//	chats-only  3 days (choice) after those (guidance: chats only) 0            0             no
//	new         under 10 days since connecting (guidance)          20           -1            no
//	growing     until 30 days since connecting (guidance: 25-30)   20+5/day     -1            yes
//	green       30 days without incidents (guidance: green light)  -1           -1            yes
//
// -1 is no fixed cap: the guidance gives no cap on messages a day through the
// service, and none on new recipients after the green light (but a batch
// can still be "many at once"; see too-many-new-recipients). In the warm-up,
// [Limits].PhoneMessagesPerDay follows the guidance's phone schedule
// ([PhoneWarmup]): nothing on day 1, 12 on day 2 (one every 2 hours), then
// 12 rising to 100 over 7 days.
//
// The clock of "connecting" starts at the latest of: Account.Connected (now,
// if the number is not connected yet), the end of the warm-up (10 days after
// registration or the last warm-up restart, since a reinstall or a move to
// another phone starts the warm-up over), and the moment the number may go
// back to the service after its last block (the unblock, or the end of the
// phone-only days after a repeated block). So a block, an incident, restarts
// the new-number limits and the count to the green light.
//
// # Time
//
// A "day" is 24 hours of elapsed time, not a calendar day: "under 10 days
// old" means less than 240 hours since Registered. Every rule compares
// instants, so the time zones of now and of the account's dates never change
// a result; they only choose how dates are printed in messages (now's
// location, as 02.01.2006 15:04). Day 9 is young, day 10 is not; 13 days
// idle is fine, 14 is inactive; a block lifted 24 hours ago still needs the
// queue cleared, one lifted 24 hours and a second ago does not.
//
// # Unknown and missing data
//
// A zero time means unknown, not connected, or never. An unknown
// registration is not taken as an old account: registration precedes every
// other event of the account, so the earliest of Connected, WarmupRestarted,
// LastOutgoing, LastBlock and LastUnblock (up to now) stands in for it, and
// with none of them the account counts as in its warm-up, with the
// young-account finding saying the date is unknown. Since that stand-in is
// the latest the registration can be, the connection clock starts no earlier
// than 10 days after it, as for a known registration. A zero Connected means
// the number is about to connect, so the new-number limits apply from now. A
// zero LastOutgoing with no outgoing messages in Stats means the number has
// not sent since its warm-up began. A LastBlock set with Blocks 0 counts as
// one block; Blocks above 0 with no LastBlock leaves the time of the block
// unknown, so no rule that needs it applies ([ReadInput] rejects such a
// file). A LastUnblock without a LastBlock is taken as a lifted block; a
// LastUnblock after now is a lift that has not happened yet, so the number
// counts as blocked. Negative counts count as 0. A plan's Recipients is at
// least its NewRecipients.
//
// # Account files
//
// [ReadInput] reads the JSON account file of the CLI's -account flag into an
// [Input]: account, stats, what only the caller knows about the batch
// ([PlanInput]) and policy changes. Decoding is strict: unknown and repeated
// fields, wrong types, negative counts, dates that are not RFC 3339 and
// contradictions are an [*InputError] naming the field and its position.
//
// # Filling a Plan from a batch
//
// Recipients is the batch's size. Personalized: the template has
// placeholders filled from the recipient's data. Varied: the template has
// spintax, or the batch's messages differ beyond the recipient's data.
// AsksQuestion: [AsksQuestion] on the first message. Links: the links of the
// messages as linkcheck returns them; only their Verdict and Text are read.
// NewRecipients, NegativeRecipients, InboundOnly, Promotional and Groups come
// from the caller ([PlanInput.Apply]).
package risk

// Command spinwise turns a message template and a CRM export into
// personalized, varied, checked messages.
//
// Usage:
//
//	spinwise check      TEMPLATE [-fields FILE] [-block FILE] [-allow FILE]
//	spinwise preview    TEMPLATE [-data FILE] [-n 5] [-seed N]   (and generate's -format, -key, -encoding,
//	                                                        -suppress, -block, -allow, -max, -unit, -start, -by-key,
//	                                                        -phone, -no-phone, -region, -resume)
//	spinwise generate   TEMPLATE -data FILE [-o OUT] [-seed N] [-max 300] [-unit runes|utf16|graphemes]
//	                    [-block FILE] [-allow FILE] [-suppress FILE] [-threshold 0.9] [-report FILE]
//	                    [-account FILE [-force]] [-start N] [-by-key] [-format csv|jsonl] [-key COL]
//	                    [-encoding utf-8|windows-1251|utf-16|auto] [-allow-missing] [-no-analysis]
//	                    [-workers N] [-q]
//	                    [-plan [-from TIME] [-hours H1-H2] [-tz ZONE] [-days mon-fri] [-gap MIN-MAX]
//	                     [-known FILE] [-known-column COL] [-plan-state STATE]]   (-plan needs -account)
//	                    [-phone COLUMN | -no-phone] [-region RU] [-resume]
//	spinwise similarity FILE [-threshold 0.9] [-json] [-top 5]
//	spinwise demo       [-template NAME] [-n 3] [-seed N]
//	spinwise --version
//	spinwise robot      -addr HOST:PORT -public URL -db FILE -templates DIR
//	                    [-client-id ID -client-secret SECRET] [-oauth URL] [-code spinwise_message]
//	                    [-workers N] [-reload 2s]
//
// Flags may come before or after the positional arguments. Every command
// takes -h. Data goes to stdout; progress and reports go to stderr.
//
// # Files
//
// A template file is UTF-8 (a byte-order mark is dropped; UTF-16 with its
// mark is decoded) of at most 16 MiB; list files (-suppress, -block,
// -allow, -fields) at most 256 MiB, -account at most 1 MiB; similarity's
// input at most 1 GiB. Lines may end in LF, CRLF or CR alone. A larger
// file is an error that says the cap.
//
// An output (-o, -report) is compared with every input, stdin included, as
// a file (device and inode) before anything is opened: a run never writes
// over what it reads. A regular file is written to a temporary file in its
// folder and renamed over the name when the run succeeds, so a failed run
// leaves the old file as it was; an interrupted generate keeps the whole
// rows written so far, and stderr says where to resume.
//
// Before the first row, generate and preview stop (exit 2) when the
// template's own text has a rejected link, or when the CSV header lacks a
// column the template reads in every message (outside any condition, with
// no fallback): they name the missing columns and the closest header
// names. -allow-missing writes the error rows instead.
//
// SIGINT (Ctrl-C) and SIGTERM stop generate after whole rows, exit 2; a
// second one ends it at once. The progress bar (rows, rate, time left) is
// drawn on stderr only when it is a terminal and the messages do not go to
// the same terminal.
//
// robot serves a Bitrix24 application with one robot (package bitrix24):
// POST /install, /event and /robot, answering robot calls through
// bizproc.event.send with a message from the template the robot's
// "template" property names; see package bitrix24 for deployment.
//
// # Output of generate
//
// One JSON object a line (JSON Lines), one line per recipient, in input
// order, so lines out always equal recipients in:
//
//	{"key":"c1","text":"…","chunks":["…","…"],"variant":"17"}
//	{"key":"c2","variant":"3","error":{"kind":"missing-field","message":"…","field":"Имя","line":3}}
//	{"key":"c3","phone":"+79991234567","wa_id":"79991234567","phone_type":"mobile","text":"…",…}
//	{"key":"c4","phone":"+79991234567",…,"error":{"kind":"duplicate-phone","message":"…","field":"Телефон","duplicate":"c3","line":5}}
//
// key is the recipient's key column; phone (E.164), wa_id (the same as
// WhatsApp writes it), phone_type (mobile, landline, toll-free, other) and
// warnings (a landline, several numbers in the cell) appear when the data
// has a phone column (-phone, or found by its name); text the whole message; chunks the
// short messages to send, in order; variant the spintax variant's index in
// decimal. A recipient without a message has no text and no chunks but an
// error object instead (not a string): kind is one of input, suppressed,
// missing-field, render, link, too-long, phone, duplicate-phone; message says
// what is wrong and what to do; field (missing-field, phone,
// duplicate-phone), link (link), duplicate (the key of the earlier
// recipient with the phone, duplicate-phone) and line (the 1-based line of
// the input where the record starts) appear when known. Programs should
// branch on kind, which is stable, never on message.
//
// With -plan every message line also carries "send_at", when to send it,
// in RFC 3339 with the -tz zone's offset:
//
//	{"key":"c1","text":"…","chunks":["…"],"variant":"17","send_at":"2026-12-02T10:04:31+03:00"}
//
// The times keep every day within the account's limits (package plan); a
// sender sends each message at its time. Error rows have no send_at.
//
// Messages are in English, except the reasons of link and phone errors,
// the rows' warnings and the risk findings, which are in Russian because
// they are written for the CRM user
// who edits the template and sends the messages; kinds and codes stay ASCII.
//
// Exit codes: 0 all good; 1 some recipients failed (their rows carry the
// error), a check found problems, or generate refused to write at maximal
// risk; 2 bad usage, unreadable input, or a template that does not parse.
package main

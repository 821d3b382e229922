// Command spinwise turns a message template and a CRM export into
// personalized, varied, checked messages.
//
// Usage:
//
//	spinwise check      TEMPLATE [-fields FILE] [-block FILE] [-allow FILE]
//	spinwise preview    TEMPLATE [-data FILE] [-n 5] [-seed N]   (and generate's -format, -key, -encoding,
//	                                                        -suppress, -block, -allow, -max, -unit, -start, -by-key)
//	spinwise generate   TEMPLATE -data FILE [-o OUT] [-seed N] [-max 300] [-unit runes|utf16|graphemes]
//	                    [-block FILE] [-allow FILE] [-suppress FILE] [-threshold 0.9] [-report FILE]
//	                    [-account FILE [-force]] [-start N] [-by-key] [-format csv|jsonl] [-key COL]
//	                    [-encoding utf-8|windows-1251|utf-16|auto] [-no-analysis] [-workers N] [-q]
//	spinwise similarity FILE [-threshold 0.9] [-json] [-top 5]
//	spinwise demo       [-template NAME] [-n 3] [-seed N]
//
// Flags may come before or after the positional arguments. Every command
// takes -h. Data goes to stdout; progress and reports go to stderr.
//
// # Output of generate
//
// One JSON object a line (JSON Lines), one line per recipient, in input
// order, so lines out always equal recipients in:
//
//	{"key":"c1","text":"…","chunks":["…","…"],"variant":"17"}
//	{"key":"c2","variant":"3","error":{"kind":"missing-field","message":"…","field":"Имя","line":3}}
//
// key is the recipient's key column; text the whole message; chunks the
// short messages to send, in order; variant the spintax variant's index in
// decimal. A recipient without a message has no text and no chunks but an
// error object instead (not a string): kind is one of input, suppressed,
// missing-field, render, link, too-long; message says what is wrong and what
// to do; field (missing-field), link (link) and line (the 1-based line of
// the input where the record starts) appear when known. Programs should
// branch on kind, which is stable, never on message.
//
// Messages are in English, except the reasons of link errors and the risk
// findings, which are in Russian because they are written for the CRM user
// who edits the template and sends the messages; kinds and codes stay ASCII.
//
// Exit codes: 0 all good; 1 some recipients failed (their rows carry the
// error), a check found problems, or generate refused to write at maximal
// risk; 2 bad usage, unreadable input, or a template that does not parse.
package main

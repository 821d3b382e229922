package linkcheck

import (
	"cmp"
	"strings"
	"sync"

	"golang.org/x/net/publicsuffix"
)

// Verdict is the judgement on one link.
type Verdict int

// Verdicts, from harmless to rejected. Every verdict but OK means the link
// should not be sent as it is.
const (
	// OK: nothing wrong was found.
	OK Verdict = iota
	// Shortener: the host is a URL shortener (the shipped list or
	// Options.Shorteners), on a label boundary.
	Shortener
	// Blocked: the host is on the caller's Options.Block list.
	Blocked
	// Suspicious: the link is disguised (defanged, spaced, zero-width
	// characters, look-alike dots), points at an IP address, has a
	// mixed-script or look-alike host, a %-encoded or malformed host, a
	// javascript:, data: or vbscript: scheme, or carries in its path or
	// query another URL whose host is a shortener or blocked.
	Suspicious
)

// String returns the verdict's lower-case name: "ok", "shortener",
// "blocked" or "suspicious"; other values print as "verdict(N)".
func (v Verdict) String() string {
	switch v {
	case OK:
		return "ok"
	case Shortener:
		return "shortener"
	case Blocked:
		return "blocked"
	case Suspicious:
		return "suspicious"
	}
	return "verdict(" + itoa(int(v)) + ")"
}

// Kind says what sort of link was found.
type Kind int

// Kinds of links.
const (
	// Web: a web address, with a scheme (http, https, ftp, defanged hxxp),
	// protocol-relative (//host) or bare (salon.ru/zapis).
	Web Kind = iota
	// Email: an e-mail address, bare (info@salon.ru) or mailto:. Never rejected.
	Email
	// Phone: a tel: or sms: link. Never rejected.
	Phone
	// Script: a javascript:, vbscript: or data: link. Always Suspicious.
	Script
)

// String returns the kind's lower-case name: "web", "email", "phone" or
// "script".
func (k Kind) String() string {
	switch k {
	case Web:
		return "web"
	case Email:
		return "email"
	case Phone:
		return "phone"
	case Script:
		return "script"
	}
	return "kind(" + itoa(int(k)) + ")"
}

// Options configures a Checker. A nil *Options and the zero Options both mean
// the defaults: the shipped shortener list, wa.me allowed, nothing blocked.
//
// Entries are domains: "bit.ly", "ПРИМЕР.РФ", "*.example.com",
// "https://example.com/path" all work (case, a scheme, a path, a leading
// "*." or "." and a trailing dot are ignored; Unicode is converted to
// punycode, a trailing ',' or ';' is dropped). A domain matches itself and
// its subdomains on label boundaries: "bit.ly" matches "evil.bit.ly" but not
// "notbit.ly". In Block and Allow a public suffix matches all its domains
// ("tk" blocks every .tk site); in Shorteners (and the shipped list) a
// public suffix (golang.org/x/net/publicsuffix) matches only itself, since a
// shortener is one registrable domain and the sites under a public suffix
// belong to others. Blank entries and entries that are not domains are
// ignored.
type Options struct {
	// Block lists domains the caller forbids (verdict Blocked).
	Block []string
	// Allow lists domains the caller trusts. An allowed host is always OK:
	// the allow list overrides the block list, the shortener lists and every
	// Suspicious finding. wa.me (WhatsApp's own chat links) is allowed unless
	// the caller puts it on Block.
	Allow []string
	// Shorteners adds domains to the shipped shortener list.
	Shorteners []string
}

// Checker finds and judges links. It is immutable after New and safe for
// concurrent use.
type Checker struct {
	block, allow, shorteners set
	// waAllowed: wa.me is allowed by default (not blocked by the caller).
	waAllowed bool
}

// Link is one link found in a message.
type Link struct {
	Text       string // the link as written, trimmed
	Start, End int    // byte offsets: message[Start:End] == Text
	// Host is the canonical host: lowercase, punycode, no trailing dot,
	// disguises removed (example[.]com gives example.com), an IPv4 address
	// in dotted-decimal form, an IPv6 address in brackets. For an e-mail it
	// is the domain after '@'. Empty for tel:, javascript: and data: links
	// and for a host that is not a valid domain name.
	Host    string
	Verdict Verdict
	// Reason is one Russian sentence a CRM user understands, saying what is
	// wrong and what to do; empty when Verdict is OK.
	Reason string
	// Kind says whether this is a web link, an e-mail address, a phone link
	// or a script.
	Kind Kind
	// Domain is the registrable domain of Host (public suffix plus one
	// label, from golang.org/x/net/publicsuffix): "salon.ru" for
	// "www.salon.ru", "example.co.uk" for "a.example.co.uk". Empty for IP
	// hosts, for hosts that are themselves public suffixes and when Host is
	// empty.
	Domain string
}

var defaultChecker = sync.OnceValue(func() *Checker {
	return &Checker{shorteners: nil, waAllowed: true}
})

// New returns a Checker with the given options; nil means the defaults. New
// with nil or empty options is cheap: it returns a shared default Checker.
func New(opts *Options) *Checker {
	if opts == nil || (len(opts.Block) == 0 && len(opts.Allow) == 0 && len(opts.Shorteners) == 0) {
		return defaultChecker()
	}
	c := &Checker{
		block:      newSet(opts.Block, false),
		allow:      newSet(opts.Allow, false),
		shorteners: newSet(opts.Shorteners, true),
	}
	c.waAllowed = !c.block.matches("wa.me")
	return c
}

// Check returns every link found in message, in order of position and never
// overlapping, each with its verdict. It returns nil, without allocating,
// when the message holds no link. Invalid UTF-8 is tolerated: it never forms
// part of a host.
func (c *Checker) Check(message string) []Link {
	links, _ := c.check(message)
	return links
}

// check is Check, and it returns the work its scanners did: the sum of
// scanner.work over the scan of message and the scans of carried.
func (c *Checker) check(message string) (out []Link, work int) {
	s := scanner{msg: message}
	for {
		f, ok := s.next()
		if !ok {
			return out, work + s.work
		}
		out = append(out, c.judge(message, f, &work))
	}
}

// judge turns a found span into a Link with its verdict; the work of
// scanning for carried links is added to *work.
func (c *Checker) judge(msg string, f found, work *int) Link {
	l := Link{Text: msg[f.start:f.end], Start: f.start, End: f.end, Kind: f.kind}
	var h hostInfo
	if f.hostEnd > f.hostStart {
		h = canonHost(msg[f.hostStart:f.hostEnd])
		l.Host = h.host
		if h.host != "" && !h.ip {
			if d, err := publicsuffix.EffectiveTLDPlusOne(h.host); err == nil {
				l.Domain = d
			}
		}
	}
	switch f.kind {
	case Email, Phone:
		return l
	case Script:
		l.Verdict, l.Reason = Suspicious, reasonScript
		return l
	}
	host := l.Host
	switch {
	case host != "" && c.allowed(host):
		return l
	case host != "" && c.block.matches(host):
		l.Verdict, l.Reason = Blocked, reasonBlocked(host)
		return l
	case host != "" && c.isShortener(host):
		l.Verdict, l.Reason = Shortener, reasonShortener(host)
		return l
	case f.hxxp:
		l.Verdict, l.Reason = Suspicious, reasonHxxp
	case f.disguised || h.disguised:
		l.Verdict, l.Reason = Suspicious, reasonDisguised
	case f.zeroWidth || h.zeroWidth:
		l.Verdict, l.Reason = Suspicious, reasonZeroWidth
	case h.escaped:
		l.Verdict, l.Reason = Suspicious, reasonEscaped
	case h.invalid || f.malformed:
		l.Verdict, l.Reason = Suspicious, reasonInvalid
	case h.ip:
		l.Verdict, l.Reason = Suspicious, reasonIP(host)
	case h.mixed:
		l.Verdict, l.Reason = Suspicious, reasonMixed(cmp.Or(h.unicode, host))
	case h.lookalike:
		l.Verdict, l.Reason = Suspicious, reasonLookalike(cmp.Or(h.unicode, host))
	case h.compat:
		l.Verdict, l.Reason = Suspicious, reasonCompat
	default:
		if inner := c.carried(msg[f.hostEnd:f.end], work); inner != "" {
			l.Verdict, l.Reason = Suspicious, reasonCarried(inner)
		}
	}
	return l
}

// allowed reports whether host is on the allow list (or is wa.me by default).
func (c *Checker) allowed(host string) bool {
	if c.allow.matches(host) {
		return true
	}
	return c.waAllowed && matchSuffix(host, func(s string) bool { return s == "wa.me" })
}

// isShortener reports whether host is on the shipped or the caller's
// shortener list.
func (c *Checker) isShortener(host string) bool {
	return shipped().matches(host) || c.shorteners.matches(host)
}

// rejected reports whether host would get verdict Shortener or Blocked.
func (c *Checker) rejected(host string) bool {
	return !c.allowed(host) && (c.block.matches(host) || c.isShortener(host))
}

// carried looks for another URL inside the path, query or fragment of a web
// link (rest is the text after the host), also %-encoded up to twice, and
// returns the host of the first one that is a shortener or blocked, or "".
// A URL counts when it has a scheme, is protocol-relative or has a path.
// The work of its scans is added to *work.
func (c *Checker) carried(rest string, work *int) string {
	if len(rest) < 4 {
		return ""
	}
	for round := 0; round < 3; round++ {
		s := scanner{msg: rest, pathUntil: len(rest)}
		for {
			f, ok := s.next()
			*work += s.work
			s.work = 0
			if !ok {
				break
			}
			// A bare host alone ("?q=bit.ly", a search) is text, not a
			// redirect target: it takes a scheme, "//" or a path.
			if f.kind != Web || f.hostEnd <= f.hostStart || f.hostStart == f.start && f.end == f.hostEnd {
				continue
			}
			if h := canonHost(rest[f.hostStart:f.hostEnd]); h.host != "" && c.rejected(h.host) {
				return h.host
			}
		}
		if !strings.Contains(rest, "%") {
			break
		}
		rest = unescapeLoose(rest)
	}
	return ""
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

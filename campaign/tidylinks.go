package campaign

import (
	"math/big"
	"strings"

	"github.com/spinwise/spinwise/linkcheck"
)

// The template tidies white space after rendering: "bit . ly/abc" becomes
// "bit. ly/abc", which the link checker (rightly, on its own) reads as the
// end of a sentence. A link disguised with a spaced dot would then pass the
// check of the sent text and reach the customer. So where the text before
// the tidy may hold such a link, it is judged too, and a link rejected
// there fails the row as one rejected in the sent text.

// untidied prepares the checks of what the tidy (and, in TextRandomizer's
// syntax, the randomizer's own folding of spaces) may hide. The template's
// own rejected links written with spaces are kept squeezed ("bit.ly/abc"):
// a message that holds one, its spaces folded or not, fails. For the data,
// the template renders the text before the tidy (RenderVariantUntidied)
// where a field could lose a space.
func (c *Campaign) untidied(src string) {
	for _, l := range c.links.Check(src) {
		if l.Verdict != linkcheck.OK && strings.ContainsAny(l.Text, " \t") {
			c.spacedLinks = append(c.spacedLinks, spacedLink{squeeze(l.Text), l})
		}
	}
}

// spacedLink is a rejected link of the template's text written with
// spaces, and its text without them.
type spacedLink struct {
	squeezed string
	link     linkcheck.Link
}

// squeeze drops white space from s.
func squeeze(s string) string {
	return strings.Join(strings.Fields(s), "")
}

// spacedData reports whether a string field of data has white space before
// a dot or a colon, which the tidy would remove.
func spacedData(data map[string]any) bool {
	for _, v := range data {
		if s, ok := v.(string); ok && spaceBeforeDot(s) {
			return true
		}
	}
	return false
}

// spaceBeforeDot reports whether s holds " ." or " :", in one pass.
func spaceBeforeDot(s string) bool {
	for i := strings.IndexByte(s, ' '); i >= 0 && i+1 < len(s); {
		if c := s[i+1]; c == '.' || c == ':' {
			return true
		}
		j := strings.IndexByte(s[i+1:], ' ')
		if j < 0 {
			return false
		}
		i += 1 + j
	}
	return false
}

// untidiedLink returns a link rejected in the recipient's text before the
// tidy, when it may differ from the sent text, or nil.
func (c *Campaign) untidiedLink(r Recipient, text string, idx *big.Int) *linkcheck.Link {
	if len(c.spacedLinks) > 0 {
		sq := squeeze(text)
		for _, s := range c.spacedLinks {
			if strings.Contains(sq, s.squeezed) {
				return &s.link
			}
		}
	}
	if !spacedData(r.Data) {
		return nil
	}
	raw, err := c.tmpl.RenderVariantUntidied(r.Data, idx)
	if err != nil {
		return nil // the tidied rendering succeeded; this one would too
	}
	for _, l := range c.links.Check(raw) {
		if l.Verdict != linkcheck.OK {
			return &l
		}
	}
	return nil
}

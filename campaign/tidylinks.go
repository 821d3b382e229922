package campaign

import (
	"math/big"
	"strings"

	"github.com/spinwise/spinwise/linkcheck"
	"github.com/spinwise/spinwise/template"
)

// The template tidies white space after rendering: "bit . ly/abc" becomes
// "bit. ly/abc", which the link checker (rightly, on its own) reads as the
// end of a sentence. A link disguised with a spaced dot would then pass the
// check of the sent text and reach the customer. So where the text before
// the tidy may hold such a link, its links are judged too, and a link
// rejected there fails the row as one rejected in the sent text.

// untidied prepares the check of the text before the tidy: a second parse
// of src without the tidy, and whether the template's own text has a
// spaced link (then every row is checked so, otherwise only rows whose
// data has a spaced dot or colon).
func (c *Campaign) untidied(src string) error {
	for _, l := range c.links.Check(src) {
		if strings.ContainsAny(l.Text, " \t") {
			c.spacedSource = true
			break
		}
	}
	t, err := template.Parse(src, &template.Options{Fields: c.opts.Fields, Seed: c.opts.Seed, MaxOutput: c.opts.MaxOutput, NoTidy: true})
	c.untidy = t
	return err
}

// spacedData reports whether a string field of data has white space before
// a dot or a colon, which the tidy would remove.
func spacedData(data map[string]any) bool {
	for _, v := range data {
		if s, ok := v.(string); ok && (strings.Contains(s, " .") || strings.Contains(s, " :")) {
			return true
		}
	}
	return false
}

// untidiedLink returns the first link rejected in the recipient's text
// before the tidy, when it may differ from the sent one, or nil.
func (c *Campaign) untidiedLink(r Recipient, idx *big.Int) *linkcheck.Link {
	if c.untidy == nil || !c.spacedSource && !spacedData(r.Data) {
		return nil
	}
	raw, err := c.untidy.RenderVariant(r.Data, idx)
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

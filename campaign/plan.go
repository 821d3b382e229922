package campaign

import (
	"fmt"
	"strings"

	"github.com/spinwise/spinwise/plan"
)

// planner returns a new planner for a run: Options.Plan with the
// campaign's seed.
func (c *Campaign) planner() (*plan.Planner, error) {
	o := *c.opts.Plan
	o.Seed = c.opts.Seed
	return plan.New(&o)
}

// isKnown reports whether the recipient is already in a dialog with the
// business: its key is on Options.Known, or its Options.KnownField says so.
func (c *Campaign) isKnown(r Recipient) bool {
	if _, ok := c.known[r.Key]; ok {
		return true
	}
	return c.opts.KnownField != "" && knownValue(r.Data[c.opts.KnownField])
}

// knownValue reads a known-field value: anything but nothing, false, zero
// or a "no" word.
func knownValue(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case bool:
		return x
	case int:
		return x != 0
	case int64:
		return x != 0
	case float64:
		return x != 0
	case string:
		switch strings.ToLower(strings.TrimSpace(x)) {
		case "", "0", "false", "no", "n", "нет", "н", "-":
			return false
		}
		return true
	}
	s := strings.TrimSpace(fmt.Sprint(v))
	return knownValue(s)
}

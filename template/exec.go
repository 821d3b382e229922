package template

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"math/rand/v2"
	"reflect"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/spinwise/spinwise/internal/mix"
)

// ErrOutputTooLong is wrapped by the error Render returns when a message
// would be longer than Options.MaxOutput bytes.
var ErrOutputTooLong = errors.New("message is over the output limit")

// ErrInvalidUTF8 is wrapped by the error Render returns when a placeholder's
// value is not valid UTF-8: the message would carry broken bytes, or
// replacement characters in the recipient's name.
var ErrInvalidUTF8 = errors.New("the value is not valid UTF-8")

// item is one piece of an emitted variant: text, or a placeholder index.
type item struct {
	text string
	ph   int // -1 for text
}

// state is the per-render scratch space, pooled per Template.
type state struct {
	t     *Template
	data  map[string]any
	out   []byte
	items []item
	next  []int
	args  []any
	err   error
	steps int
	work  int // bytes given to functions so far; see maxWork
	pcg   rand.PCG
	rng   *rand.Rand
	// regular expressions compiled in this render, and the pattern bytes
	// and instructions they hold (regex.go)
	regexps    map[string]*compiledRegex
	regexBytes int
	regexInsts int
}

func (t *Template) getState(data map[string]any) *state {
	s, _ := t.pool.Get().(*state)
	if s == nil {
		s = &state{t: t}
		s.rng = rand.New(&s.pcg)
	}
	s.data = data
	s.out = s.out[:0]
	s.items = s.items[:0]
	s.args = s.args[:0]
	s.err = nil
	s.steps = 0
	s.work = 0
	return s
}

func (t *Template) putState(s *state) {
	s.data = nil
	if cap(s.out) > 1<<20 {
		s.out = nil
	}
	clear(s.args[:cap(s.args)])
	clear(s.items[:cap(s.items)])
	if len(s.regexps) > 0 {
		clear(s.regexps) // a compiled pattern lives for one render
		s.regexBytes, s.regexInsts = 0, 0
	}
	t.pool.Put(s)
}

// Text implements randomizer.Emitter.
func (s *state) Text(text string) {
	if s.err != nil {
		return
	}
	if s.t.hasControl {
		s.items = append(s.items, item{text: text, ph: -1})
		return
	}
	s.write(text, nil)
}

// Placeholder implements randomizer.Emitter.
func (s *state) Placeholder(i int) {
	if s.err != nil {
		return
	}
	if s.t.hasControl {
		s.items = append(s.items, item{ph: i})
		return
	}
	if i < 0 || i >= len(s.t.nodes) {
		s.err = fmt.Errorf("template: internal error: placeholder %d out of range", i)
		return
	}
	s.value(&s.t.nodes[i], s.data)
}

func (s *state) fail(n *node, err error) {
	if s.err != nil {
		return
	}
	s.err = &RenderError{Offset: n.off, Line: n.line, Col: n.col, Placeholder: n.text, Err: err}
}

// write appends text to the message, or fails when the message would go
// over the cap. n is the placeholder being written, nil for literal text.
func (s *state) write(text string, n *node) {
	if len(s.out)+len(text) > s.t.limit {
		err := fmt.Errorf("%w (%d bytes); shorten the template or the data, or raise Options.MaxOutput", ErrOutputTooLong, s.t.limit)
		if n != nil {
			s.fail(n, err)
		} else if s.err == nil {
			s.err = &RenderError{Err: err}
		}
		return
	}
	s.out = append(s.out, text...)
}

func (s *state) step(n *node) bool {
	s.steps++
	if s.steps > maxSteps {
		s.fail(n, tooMuchWork("rendering takes over %d steps; simplify the loops", maxSteps))
		return false
	}
	return true
}

// value evaluates a value placeholder and writes it.
func (s *state) value(n *node, dot any) {
	switch n.kind {
	case nComment:
		return
	case nValue:
	default:
		s.fail(n, errors.New("internal error: control action outside a block"))
		return
	}
	if !s.step(n) {
		return
	}
	v, err := s.evalPipe(n.pipe, dot, false, false)
	if err != nil {
		var me *MissingError
		if errors.As(err, &me) && me.fix == "" {
			me.fix = withFallback(n)
		}
		s.fail(n, err)
		return
	}
	if printedMissing(v, n.pipe.fallback) {
		s.fail(n, &MissingError{Field: cmp.Or(n.pipe.field, n.text), fix: withFallback(n)})
		return
	}
	text, ok := v.(string)
	if !ok {
		if t, flat := joinFlat(v); flat {
			// a CRM multi-field: its items, not Go's [a b]
			if isBlank(t) {
				s.fail(n, &MissingError{Field: cmp.Or(n.pipe.field, n.text), fix: withFallback(n)})
				return
			}
			text = t // checked for UTF-8 below, like every value
		} else {
			switch reflect.ValueOf(v).Kind() {
			case reflect.Slice, reflect.Array, reflect.Map:
				// fmt would print a list of lists over the cap only to
				// have it refused, and recurse until the stack overflows
				// (a fatal error, not a panic) on a list that holds itself
				if sizeLeft(v, s.t.limit, 0) < 0 {
					s.fail(n, fmt.Errorf("%w (%d bytes), or nested over 100 levels; print the parts that belong in the message", ErrOutputTooLong, s.t.limit))
					return
				}
			}
			text = toString(v)
		}
	}
	if !utf8.ValidString(text) {
		s.fail(n, fmt.Errorf("%w; fix the recipient's data (a broken export or encoding)", ErrInvalidUTF8))
		return
	}
	s.write(text, n)
}

// run interprets the recorded items with their control actions.
func (s *state) run() {
	if cap(s.next) < len(s.items) {
		s.next = make([]int, len(s.items))
	}
	s.next = s.next[:len(s.items)]
	var stack [64]int
	open := stack[:0]
	for i, it := range s.items {
		if it.ph < 0 {
			continue
		}
		if it.ph >= len(s.t.nodes) {
			s.err = fmt.Errorf("template: internal error: placeholder %d out of range", it.ph)
			return
		}
		k := s.t.nodes[it.ph].kind
		switch {
		case k.opens():
			open = append(open, i)
		case k.middle() || k == nEnd:
			if len(open) == 0 {
				s.fail(&s.t.nodes[it.ph], errors.New("internal error: unbalanced blocks in a variant"))
				return
			}
			s.next[open[len(open)-1]] = i
			if k == nEnd {
				open = open[:len(open)-1]
			} else {
				open[len(open)-1] = i
			}
		}
	}
	if len(open) > 0 {
		s.fail(&s.t.nodes[s.items[open[0]].ph], errors.New("internal error: unclosed block in a variant"))
		return
	}
	s.exec(0, len(s.items), s.data)
}

func (s *state) node(p int) *node { return &s.t.nodes[s.items[p].ph] }

func (s *state) exec(lo, hi int, dot any) {
	for p := lo; p < hi && s.err == nil; p++ {
		it := s.items[p]
		if it.ph < 0 {
			s.write(it.text, nil)
			continue
		}
		n := &s.t.nodes[it.ph]
		switch n.kind {
		case nIf, nWith:
			p = s.execIf(p, dot)
		case nRange:
			p = s.execRange(p, dot)
		default:
			s.value(n, dot)
		}
	}
}

// endOf follows a block's chain from p to its {{end}}.
func (s *state) endOf(p int) int {
	for s.node(p).kind != nEnd {
		p = s.next[p]
	}
	return p
}

func (s *state) execIf(p int, dot any) int {
	for {
		n := s.node(p)
		taken, newDot := false, dot
		switch n.kind {
		case nEnd:
			return p
		case nElse:
			taken = true
		default:
			if !s.step(n) {
				return s.endOf(p)
			}
			v, err := s.evalPipe(n.pipe, dot, true, false)
			if err != nil {
				s.fail(n, err)
				return s.endOf(p)
			}
			taken = truth(v)
			if n.kind == nWith || n.kind == nElseWith {
				newDot = v
			}
		}
		if taken {
			s.exec(p+1, s.next[p], newDot)
			return s.endOf(p)
		}
		p = s.next[p]
	}
}

func (s *state) execRange(p int, dot any) int {
	n := s.node(p)
	body := s.next[p]
	end := s.endOf(p)
	if !s.step(n) {
		return end
	}
	v, err := s.evalPipe(n.pipe, dot, true, false)
	if err != nil {
		s.fail(n, err)
		return end
	}
	count := 0
	each := func(e any) bool {
		count++
		if !s.step(n) {
			return false
		}
		s.exec(p+1, body, e)
		return s.err == nil
	}
	switch x := v.(type) {
	case nil:
	case []any:
		for _, e := range x {
			if !each(e) {
				return end
			}
		}
	case []string:
		for _, e := range x {
			if !each(e) {
				return end
			}
		}
	case int:
		for i := 0; i < x; i++ {
			if !each(i) {
				return end
			}
		}
	default:
		rv := reflect.ValueOf(v)
		switch rv.Kind() {
		case reflect.Slice, reflect.Array:
			for i := 0; i < rv.Len(); i++ {
				if !each(rv.Index(i).Interface()) {
					return end
				}
			}
		case reflect.Map:
			// refuse before sorting: a map of a million keys would take
			// seconds to sort only to fail the step cap on its first turns
			if rv.Len() > maxSteps-s.steps {
				s.fail(n, fmt.Errorf("rendering takes over %d steps; a map of %d entries is too big to range over", maxSteps, rv.Len()))
				return end
			}
			// keys in order: numbers by value, anything else by its text
			type entry struct {
				key string
				num float64
				k   reflect.Value
			}
			numeric := isNumberKind(rv.Type().Key().Kind())
			keys := make([]entry, 0, rv.Len())
			for it := rv.MapRange(); it.Next(); {
				e := entry{k: it.Key()}
				if numeric {
					e.num, _ = toFloat(it.Key().Interface())
				} else {
					e.key = fmt.Sprint(it.Key().Interface())
				}
				keys = append(keys, e)
			}
			sort.Slice(keys, func(i, j int) bool {
				if numeric {
					return keys[i].num < keys[j].num
				}
				return keys[i].key < keys[j].key
			})
			for _, k := range keys {
				if !each(rv.MapIndex(k.k).Interface()) {
					return end
				}
			}
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			for i := int64(0); i < rv.Int(); i++ {
				if !each(int(i)) {
					return end
				}
			}
		default:
			s.fail(n, fmt.Errorf("cannot range over %T; range takes a list, a map or a count", v))
			return end
		}
	}
	if count == 0 && body != end {
		s.exec(body+1, end, dot)
	}
	return end
}

// evalPipe evaluates a pipeline. lenient: a missing field is nil instead
// of an error (conditions, and pipelines with a fallback function). prop:
// inside a pipeline with a fallback, a function given nil returns nil
// without being called, so a missing field reaches the fallback as nil
// rather than as the text print or printf make of nil ("<nil>").
func (s *state) evalPipe(p *pipe, dot any, lenient, prop bool) (any, error) {
	lenient = lenient || p.fallback
	prop = prop || p.fallback
	var prev any
	for i := range p.cmds {
		v, err := s.evalCmd(&p.cmds[i], dot, lenient, prop, prev, i > 0)
		if err != nil {
			return nil, err
		}
		prev = v
	}
	return prev, nil
}

func (s *state) evalCmd(c *command, dot any, lenient, prop bool, piped any, hasPiped bool) (any, error) {
	if c.fn == nil {
		return s.evalOperand(&c.args[0], dot, lenient, prop)
	}
	switch c.fn.kind {
	case fnAnd, fnOr:
		n := len(c.args)
		if hasPiped {
			n++
		}
		if n == 0 {
			return nil, fmt.Errorf("%s takes at least 1 argument", c.fn.name)
		}
		var v any
		for i := 0; i < n; i++ {
			if i < len(c.args) {
				var err error
				if v, err = s.evalOperand(&c.args[i], dot, lenient, prop); err != nil {
					return nil, err
				}
			} else {
				v = piped
			}
			if truth(v) == (c.fn.kind == fnOr) {
				return v, nil
			}
		}
		return v, nil
	}
	base := len(s.args)
	gotNil := hasPiped && piped == nil
	for i := range c.args {
		v, err := s.evalOperand(&c.args[i], dot, lenient, prop)
		if err != nil {
			s.args = s.args[:base]
			return nil, err
		}
		gotNil = gotNil || v == nil
		s.args = append(s.args, v)
	}
	if prop && gotNil && c.fn.kind == fnPlain {
		clear(s.args[base:])
		s.args = s.args[:base]
		return nil, nil
	}
	if hasPiped {
		s.args = append(s.args, piped)
	}
	if c.fn.kind == fnPlain && c.fn.name != "len" && c.fn.name != "index" {
		limit := max(guardLimit, s.t.limit)
		left := limit
		for _, a := range s.args[base:] { // not sizeLeft(s.args[base:]): a slice in an interface allocates
			if left = sizeLeft(a, left, 0); left < 0 {
				break
			}
		}
		s.work += limit - left
		var err error
		switch {
		case left < 0:
			err = fmt.Errorf("%s: arguments over %d bytes in all; a message needs far less, shorten the inputs", c.fn.name, limit)
		case s.work > maxWork(s.t.limit):
			err = tooMuchWork("%s: functions were given over %d bytes in this message; call them less often, or on shorter values", c.fn.name, maxWork(s.t.limit))
		}
		if err != nil {
			clear(s.args[base:])
			s.args = s.args[:base]
			return nil, err
		}
	}
	var v any
	var err error
	if c.fn.rx != nil {
		v, err = s.callRegex(c.fn, s.args[base:])
	} else {
		v, err = c.fn.call(s.args[base:])
	}
	clear(s.args[base:])
	s.args = s.args[:base]
	if err != nil {
		return nil, err
	}
	if err := checkSize(c.fn.name, v, s.t.limit); err != nil {
		return nil, err
	}
	return v, nil
}

func (s *state) evalOperand(op *operand, dot any, lenient, prop bool) (any, error) {
	var v any
	switch op.kind {
	case opConst:
		return op.val, nil
	case opData:
		if op.keys == nil {
			v = s.data
		} else {
			var ok bool
			if v, ok = lookupField(s.data, op.keys, lenient); !ok {
				return s.missing(op, lenient)
			}
			if op.mod != 0 {
				var err error
				if v, err = op.mod.apply(v); err != nil {
					return nil, err
				}
			}
		}
	case opDot:
		v = dot
	case opPipe:
		var err error
		if v, err = s.evalPipe(op.pipe, dot, lenient, prop); err != nil {
			return nil, err
		}
	}
	for _, name := range op.chain {
		x, ok := fieldOf(v, name)
		if isMissing(x, ok, lenient) {
			return s.missing(op, lenient)
		}
		v = x
	}
	return v, nil
}

// fieldOf returns v's field or map entry name.
func fieldOf(v any, name string) (any, bool) {
	switch x := v.(type) {
	case nil:
		return nil, false
	case map[string]any:
		e, ok := x[name]
		return e, ok
	case map[string]string:
		e, ok := x[name]
		return e, ok
	}
	rv := reflect.ValueOf(v)
	for rv.Kind() == reflect.Pointer || rv.Kind() == reflect.Interface {
		if rv.IsNil() {
			return nil, false
		}
		rv = rv.Elem()
	}
	switch rv.Kind() {
	case reflect.Map:
		if rv.Type().Key().Kind() != reflect.String {
			return nil, false
		}
		e := rv.MapIndex(reflect.ValueOf(name).Convert(rv.Type().Key()))
		if !e.IsValid() {
			return nil, false
		}
		return e.Interface(), true
	case reflect.Struct:
		f, ok := rv.Type().FieldByName(name)
		if !ok || !f.IsExported() {
			return nil, false
		}
		fv, err := rv.FieldByIndexErr(f.Index) // an error, not a panic, through a nil embedded pointer
		if err != nil || !fv.CanInterface() {
			return nil, false
		}
		return fv.Interface(), true
	}
	return nil, false
}

// keySeed turns a recipient key into a PCG stream selector. It must not
// depend on the process, so it is FNV-1a, then a SplitMix64
// finaliser so that keys differing in one byte give unrelated streams.
func keySeed(key string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(key); i++ {
		h ^= uint64(key[i])
		h *= 1099511628211
	}
	return mix.Mix64(h)
}

// Render renders the template for one recipient. The spintax choices come
// from a random source seeded by Options.Seed and key, so the same (Seed,
// key, data) always gives the same text. A field with no value is an error
// wrapping *MissingError; every render error is a *RenderError naming the
// placeholder and its position.
func (t *Template) Render(data map[string]any, key string) (string, error) {
	s := t.getState(data)
	defer t.putState(s)
	s.pcg.Seed(t.seed, keySeed(key))
	t.sp.SpinTo(s.rng, s)
	return s.finish(s.t.tidy)
}

// RenderVariant renders the i-th spintax variant (0 <= i < Count()) for one
// recipient.
func (t *Template) RenderVariant(data map[string]any, i *big.Int) (string, error) {
	return t.renderVariant(data, i, t.tidy)
}

// RenderVariantUntidied is RenderVariant without the white-space tidy
// (as if the template had been parsed with Options.NoTidy): the text as the
// template and the data make it, for checks that must see what the tidy
// would change, such as a link written "bit . ly/abc".
func (t *Template) RenderVariantUntidied(data map[string]any, i *big.Int) (string, error) {
	return t.renderVariant(data, i, false)
}

func (t *Template) renderVariant(data map[string]any, i *big.Int, tidied bool) (string, error) {
	if i == nil {
		return "", errors.New("template: RenderVariant: nil variant index")
	}
	s := t.getState(data)
	defer t.putState(s)
	if err := t.sp.VariantTo(i, s); err != nil {
		return "", fmt.Errorf("template: variant %v: %w", i, err)
	}
	return s.finish(tidied)
}

func (s *state) finish(tidied bool) (string, error) {
	if s.err == nil && s.t.hasControl {
		s.run()
	}
	if s.err != nil {
		return "", s.err
	}
	out := s.out
	if tidied {
		out = tidy(out, s.t.syntax == TextRandomizer)
	}
	return string(out), nil
}

// joinFlat writes a list of strings, numbers, booleans and dates (a CRM's
// multi-value field, as a Bitrix24 robot passes phones or e-mails) as its
// items joined by ", ", leaving out nil items and blank strings (an export's
// empty phone slots). flat is false for anything else, including a list
// holding lists or maps, which fmt prints.
func joinFlat(v any) (text string, flat bool) {
	var b strings.Builder
	add := func(item string) {
		if isBlank(item) {
			return
		}
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		b.WriteString(item)
	}
	switch x := v.(type) {
	case []string:
		if len(x) == 1 {
			return x[0], true // no copy for the common single value
		}
		for _, e := range x {
			add(e)
		}
		return b.String(), true
	case []any:
		if len(x) > maxItems {
			return "", false
		}
		for _, e := range x {
			switch e.(type) {
			case nil, string, int, int64, float64, bool, time.Time, json.Number:
			default:
				return "", false
			}
		}
		for _, e := range x {
			if e != nil {
				add(toString(e))
			}
		}
		return b.String(), true
	}
	return "", false
}

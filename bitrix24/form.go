package bitrix24

import (
	"fmt"
	"net/url"
	"sort"
	"strconv"
	"strings"
)

// Limits of ParseForm, after PHP's max_input_vars and max_input_nesting_level
// (Bitrix24 itself is PHP and never sends more).
const (
	// MaxFormFields is the most key=value pairs a form may hold.
	MaxFormFields = 1000
	// MaxFormDepth is the most bracketed segments a key may have
	// (auth[access_token] has one, properties[phones][0] two).
	MaxFormDepth = 8
)

// FormError is a form body that ParseForm cannot read. Offset is the byte
// offset in the body (0-based) of the pair at fault.
type FormError struct {
	Offset int
	Msg    string
}

func (e *FormError) Error() string {
	return fmt.Sprintf("bitrix24: form: byte %d: %s", e.Offset, e.Msg)
}

// Value is one node of a form decoded with PHP's nesting rules: a string
// (auth[domain]=x gives the node auth, holding the node domain, holding x),
// or a map from keys to nodes, kept in the order the keys first appear.
// A later pair with the same key replaces the earlier one, as in PHP.
type Value struct {
	str  string
	keys []string
	kids map[string]*Value
}

// ParseForm decodes an application/x-www-form-urlencoded body whose keys
// nest with brackets, as Bitrix24 sends its robot calls and events:
//
//	auth[member_id]=a2&properties[phones][0]=%2B7999&properties[phones][1]=%2B7912
//
// A key "a[]" appends to the list a. At most MaxFormFields pairs and
// MaxFormDepth levels; an invalid escape, an unclosed '[' or text after a
// closing ']' is a *FormError with the pair's offset.
func ParseForm(body string) (*Value, error) {
	root := &Value{}
	fields := 0
	for off := 0; off <= len(body); {
		end := strings.IndexByte(body[off:], '&')
		if end < 0 {
			end = len(body)
		} else {
			end += off
		}
		pair := body[off:end]
		start := off
		off = end + 1
		if pair == "" {
			continue
		}
		fields++
		if fields > MaxFormFields {
			return nil, &FormError{Offset: start, Msg: fmt.Sprintf("more than %d fields", MaxFormFields)}
		}
		rawKey, rawVal, _ := strings.Cut(pair, "=")
		key, err := url.QueryUnescape(rawKey)
		if err != nil {
			return nil, &FormError{Offset: start, Msg: "key: " + err.Error()}
		}
		val, err := url.QueryUnescape(rawVal)
		if err != nil {
			return nil, &FormError{Offset: start + len(rawKey) + 1, Msg: "value: " + err.Error()}
		}
		if key == "" {
			continue // PHP drops a pair without a name
		}
		path, msg := splitKey(key)
		if msg != "" {
			return nil, &FormError{Offset: start, Msg: fmt.Sprintf("key %q: %s", key, msg)}
		}
		root.set(path, val)
	}
	return root, nil
}

// splitKey splits "a[b][c]" into a, b, c. "" stands for "[]".
func splitKey(key string) ([]string, string) {
	i := strings.IndexByte(key, '[')
	if i < 0 {
		return []string{key}, ""
	}
	if i == 0 {
		return nil, "the name before '[' is empty"
	}
	path := []string{key[:i]}
	for rest := key[i:]; rest != ""; {
		if rest[0] != '[' {
			return nil, "text after ']'; write every level as [name]"
		}
		j := strings.IndexByte(rest, ']')
		if j < 0 {
			return nil, "unclosed '['"
		}
		path = append(path, rest[1:j])
		if len(path)-1 > MaxFormDepth {
			return nil, fmt.Sprintf("more than %d levels of brackets", MaxFormDepth)
		}
		rest = rest[j+1:]
	}
	return path, ""
}

func (v *Value) set(path []string, val string) {
	for i, k := range path {
		if v.kids == nil {
			v.kids = map[string]*Value{}
			v.str = ""
		}
		if k == "" && i > 0 {
			k = strconv.Itoa(v.nextIndex())
		}
		kid := v.kids[k]
		if kid == nil {
			kid = &Value{}
			v.kids[k] = kid
			v.keys = append(v.keys, k)
		}
		v = kid
	}
	v.str, v.kids, v.keys = val, nil, nil
}

// nextIndex is the key "[]" appends as: one past the largest integer key.
func (v *Value) nextIndex() int {
	n := 0
	for _, k := range v.keys {
		if i, ok := index(k); ok && i >= n {
			n = i + 1
		}
	}
	return n
}

// index reports whether k is a list index as PHP reads one: a decimal
// integer without sign or leading zero, or 0.
func index(k string) (int, bool) {
	if k == "" || len(k) > 9 || (k[0] == '0' && k != "0") {
		return 0, false
	}
	n := 0
	for _, c := range []byte(k) {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// Lookup returns the node at the path, or nil.
func (v *Value) Lookup(path ...string) *Value {
	for _, k := range path {
		if v == nil {
			return nil
		}
		v = v.kids[k]
	}
	return v
}

// Get returns the string at the path; "" when there is none or the node is
// a map.
func (v *Value) Get(path ...string) string {
	if n := v.Lookup(path...); n != nil {
		return n.str
	}
	return ""
}

// IsMap reports whether the node holds keys rather than a string.
func (v *Value) IsMap() bool { return v != nil && v.kids != nil }

// String returns the node's string; "" for a map.
func (v *Value) String() string {
	if v == nil {
		return ""
	}
	return v.str
}

// Keys returns a map node's keys in the order they first appeared.
func (v *Value) Keys() []string {
	if v == nil {
		return nil
	}
	return v.keys
}

// List returns the children of a map node as a list: sorted by index when
// every key is one (properties[x][0], [1], ..., [10]), else in the order
// the keys first appeared.
func (v *Value) List() []*Value {
	if v == nil || v.kids == nil {
		return nil
	}
	keys := append([]string(nil), v.keys...)
	numeric := true
	for _, k := range keys {
		if _, ok := index(k); !ok {
			numeric = false
			break
		}
	}
	if numeric {
		sort.Slice(keys, func(i, j int) bool {
			a, _ := index(keys[i])
			b, _ := index(keys[j])
			return a < b
		})
	}
	out := make([]*Value, len(keys))
	for i, k := range keys {
		out[i] = v.kids[k]
	}
	return out
}

// Any converts the node to plain Go values: a string, a []any for a map
// whose keys are all list indexes, or a map[string]any.
func (v *Value) Any() any {
	if v == nil {
		return nil
	}
	if v.kids == nil {
		return v.str
	}
	numeric := true
	for _, k := range v.keys {
		if _, ok := index(k); !ok {
			numeric = false
			break
		}
	}
	if numeric {
		list := v.List()
		out := make([]any, len(list))
		for i, kid := range list {
			out[i] = kid.Any()
		}
		return out
	}
	out := make(map[string]any, len(v.keys))
	for _, k := range v.keys {
		out[k] = v.kids[k].Any()
	}
	return out
}

// Encode writes the node back as a form body, keys in their first-seen
// order; ParseForm of the result gives an equal node.
func (v *Value) Encode() string {
	var b strings.Builder
	for _, k := range v.keys {
		v.kids[k].encode(&b, url.QueryEscape(k))
	}
	return b.String()
}

func (v *Value) encode(b *strings.Builder, prefix string) {
	if v.kids == nil {
		if b.Len() > 0 {
			b.WriteByte('&')
		}
		b.WriteString(prefix)
		b.WriteByte('=')
		b.WriteString(url.QueryEscape(v.str))
		return
	}
	for _, k := range v.keys {
		v.kids[k].encode(b, prefix+"%5B"+url.QueryEscape(k)+"%5D")
	}
}

// EncodeForm writes params as a form body with PHP's nesting, the way
// Bitrix24's REST methods read them: a map[string]any or map[string]string
// as NAME[key]=..., in key order; a []any or []string as NAME[0]=...,
// NAME[1]=..., in list order (so a list of twelve chunks stays in order:
// PHP keeps the order in which keys arrive, not their numeric order);
// strings, integers and booleans ("Y"/"N") as values.
func EncodeForm(params map[string]any) string {
	var b strings.Builder
	for _, k := range sortedKeys(params) {
		encodeAny(&b, url.QueryEscape(k), params[k])
	}
	return b.String()
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func encodeAny(b *strings.Builder, prefix string, v any) {
	sub := func(k string) string { return prefix + "%5B" + url.QueryEscape(k) + "%5D" }
	switch x := v.(type) {
	case map[string]any:
		for _, k := range sortedKeys(x) {
			encodeAny(b, sub(k), x[k])
		}
	case map[string]string:
		for _, k := range sortedKeys(x) {
			encodeAny(b, sub(k), x[k])
		}
	case []any:
		for i, e := range x {
			encodeAny(b, sub(strconv.Itoa(i)), e)
		}
	case []string:
		for i, e := range x {
			encodeAny(b, sub(strconv.Itoa(i)), e)
		}
	default:
		if b.Len() > 0 {
			b.WriteByte('&')
		}
		b.WriteString(prefix)
		b.WriteByte('=')
		b.WriteString(url.QueryEscape(scalar(x)))
	}
}

func scalar(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case bool:
		if x {
			return "Y"
		}
		return "N"
	case int:
		return strconv.Itoa(x)
	case int64:
		return strconv.FormatInt(x, 10)
	default:
		return fmt.Sprint(x)
	}
}

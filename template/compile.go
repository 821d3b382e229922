package template

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"text/template/parse"
	"unicode"
	"unicode/utf8"

	"github.com/Masterminds/sprig/v3"
)

// nodeKind is what one placeholder does.
type nodeKind uint8

const (
	nValue    nodeKind = iota // prints a value
	nComment                  // {{/* ... */}}
	nIf                       // {{if P}}
	nElseIf                   // {{else if P}}
	nElse                     // {{else}}
	nElseWith                 // {{else with P}}
	nWith                     // {{with P}}
	nRange                    // {{range P}}
	nEnd                      // {{end}}
)

var kindNames = [...]string{"value", "comment", "{{if}}", "{{else if}}", "{{else}}", "{{else with}}", "{{with}}", "{{range}}", "{{end}}"}

func (k nodeKind) opens() bool  { return k == nIf || k == nWith || k == nRange }
func (k nodeKind) middle() bool { return k == nElse || k == nElseIf || k == nElseWith }

// node is one compiled placeholder.
type node struct {
	kind      nodeKind
	pipe      *pipe
	text      string // verbatim source, delimiters included
	off       int    // bytes, into the source
	line, col int
}

// pipe is a compiled pipeline: commands joined by '|'.
type pipe struct {
	cmds     []command
	fallback bool   // a fallback function (default, coalesce, empty) is called: missing fields flow as nil
	field    string // the first field the pipeline reads, for errors; "" if none
}

// command is a function call, or a single operand when fn is nil.
type command struct {
	fn   *function
	args []operand
}

type opKind uint8

const (
	opConst opKind = iota // a constant
	opData                // a field of the recipient's data, by key candidates, then chain
	opDot                 // dot, then chain
	opPipe                // a parenthesised pipeline, then chain
)

type operand struct {
	kind  opKind
	val   any      // opConst
	keys  []string // opData: the data keys tried in order
	chain []string // field names applied after
	field string   // name for MissingError
	pipe  *pipe    // opPipe
	mod   modifier // opData: Bitrix24 modifiers applied to the value found (bitrix.go)
}

// fieldRef is one place the source reads a field of the recipient's data.
type fieldRef struct {
	written string   // as written: "Имя клиента", "Document:NAME", "Имя"
	keys    []string // data keys tried, after Options.Fields mapping
	key     string   // the key reported by Fields
	off     int      // bytes, into the source
}

// compiler turns placeholders into nodes.
type compiler struct {
	src    string
	fields map[string]string
	refs   []fieldRef
}

func (c *compiler) mapKey(name string) string {
	if k, ok := c.fields[name]; ok && k != "" {
		return k
	}
	return name
}

func (c *compiler) errAt(off int, format string, args ...any) *Error {
	return errorAt(c.src, off, format, args...)
}

// calculatedMsg is the error for a Bitrix24 calculated expression {{=...}}.
const calculatedMsg = "{{=...}} is a Bitrix24 calculated expression, which a message template does not evaluate; compute it in the business process into a variable and insert that, as {=Variable:NAME}, or use a function on the field, as {{ date .Поле }}"

// keyword returns the control keyword that starts an action's text, and the rest.
func keyword(inner string) (kw, rest string) {
	t := strings.TrimSpace(inner)
	end := strings.IndexFunc(t, unicode.IsSpace)
	if end < 0 {
		end = len(t)
	}
	switch w := t[:end]; w {
	case "if", "else", "end", "range", "with", "define", "template", "block", "break", "continue":
		return w, strings.TrimSpace(t[end:])
	}
	return "", t
}

// compileNode compiles the placeholder text at offset off. root tells
// whether dot is the recipient's data there (outside with and range).
// The returned kind is known even when err != nil.
func (c *compiler) compileNode(text string, off int, root func(nodeKind) bool) (node, error) {
	n := node{kind: nValue, text: text, off: off}
	switch {
	case strings.HasPrefix(text, "{=") && strings.HasSuffix(text, "}") && len(text) >= 3:
		p, err := c.compileBitrix(text[2:len(text)-1], off+2)
		n.pipe = p
		return n, err
	case strings.HasPrefix(text, "{{") && strings.HasSuffix(text, "}}") && len(text) >= 4:
	default:
		return n, c.errAt(off, "placeholder %q is not closed; end it with '}}'", shorten(text, 30))
	}
	inner := text[2 : len(text)-2]
	innerOff := off + 2
	if strings.HasPrefix(inner, "- ") || strings.HasPrefix(inner, "-\t") || strings.HasPrefix(inner, "-\n") ||
		strings.HasSuffix(inner, " -") || strings.HasSuffix(inner, "\t-") || strings.HasSuffix(inner, "\n-") {
		return n, c.errAt(off, "trim markers {{- and -}} are not supported; remove the '-' (spaces are tidied after rendering)")
	}
	t := strings.TrimSpace(inner)
	if strings.HasPrefix(t, "=") {
		return n, c.errAt(off, "%s", calculatedMsg)
	}
	if strings.HasPrefix(t, "/*") {
		if !strings.HasSuffix(t, "*/") || len(t) < 4 {
			return n, c.errAt(off, "unclosed comment; end it with '*/}}'")
		}
		n.kind = nComment
		return n, nil
	}
	kw, rest := keyword(inner)
	restOff := innerOff + strings.Index(inner, rest)
	if rest == "" {
		restOff = innerOff
	}
	var err error
	switch kw {
	case "":
		n.pipe, err = c.compilePipe(inner, innerOff, root(nValue))
		return n, err
	case "if", "with", "range":
		n.kind = map[string]nodeKind{"if": nIf, "with": nWith, "range": nRange}[kw]
		if rest == "" {
			return n, c.errAt(off, "{{%s}} needs a condition, as in {{%s .Имя}}", kw, kw)
		}
		n.pipe, err = c.compilePipe(rest, restOff, root(n.kind))
		return n, err
	case "else":
		sub, rest2 := keyword(rest)
		switch sub {
		case "":
			if rest != "" {
				return n, c.errAt(off, "unexpected %q after else; write {{else}}, {{else if ...}} or {{else with ...}}", shorten(rest, 20))
			}
			n.kind = nElse
			return n, nil
		case "if", "with":
			n.kind = nElseIf
			if sub == "with" {
				n.kind = nElseWith
			}
			if rest2 == "" {
				return n, c.errAt(off, "{{else %s}} needs a condition", sub)
			}
			n.pipe, err = c.compilePipe(rest2, innerOff+strings.LastIndex(inner, rest2), root(n.kind))
			return n, err
		}
		return n, c.errAt(off, "unexpected %q after else; write {{else}}, {{else if ...}} or {{else with ...}}", sub)
	case "end":
		n.kind = nEnd
		if rest != "" {
			return n, c.errAt(off, "unexpected %q after end; write {{end}}", shorten(rest, 20))
		}
		return n, nil
	}
	return n, c.errAt(off, "{{%s}} is not supported in message templates", kw)
}

// compileBitrix compiles a Bitrix24 field {=Object:FIELD > modifier ...}.
// A Document field is looked up under its full name, then under the bare
// field (an export's column: {=Document:NAME} reads NAME); any other
// object's field (Variable:, Workflow:, an activity's result A1234_…:) only
// under its full name, so {=Workflow:ID} never reads an export's ID.
func (c *compiler) compileBitrix(body string, off int) (*pipe, error) {
	field, mods, hasMods := strings.Cut(body, ">")
	lead := len(field) - len(strings.TrimLeft(field, " \t"))
	field = strings.TrimSpace(field)
	if field == "" || strings.ContainsAny(field, "{}\n") {
		return nil, c.errAt(off-2, "empty or malformed Bitrix24 field; write it as {=Document:NAME}")
	}
	var mod modifier
	if hasMods {
		var msg string
		if mod, msg = parseModifiers(mods, "{="+field+"}"); msg != "" {
			return nil, c.errAt(off-2, "%s", msg)
		}
	}
	var keys []string
	if k, ok := c.fields[field]; ok && k != "" {
		keys = []string{k}
	} else {
		keys = []string{field}
		if obj, bare, ok := strings.Cut(field, ":"); ok && strings.TrimSpace(obj) == "Document" {
			if b := c.mapKey(strings.TrimSpace(bare)); b != field && b != "" {
				keys = append(keys, b)
			}
		}
	}
	key := keys[len(keys)-1]
	c.refs = append(c.refs, fieldRef{written: field, keys: keys, key: key, off: off + lead})
	return &pipe{cmds: []command{{args: []operand{{kind: opData, keys: keys, field: key, mod: mod}}}}, field: key}, nil
}

// robotModifiers splits a robot field's head into its name and the Bitrix24
// modifiers after '>' ({{Имя > printable}}).
func (c *compiler) robotModifiers(head string, off int) (string, modifier, error) {
	name, mods, ok := strings.Cut(head, ">")
	if !ok {
		return head, 0, nil
	}
	name = strings.TrimSpace(name)
	m, msg := parseModifiers(mods, "{{"+name+"}}")
	if msg != "" {
		return "", 0, c.errAt(off, "%s", msg)
	}
	return name, m, nil
}

// goStart reports whether r can start a Go template operand other than an
// identifier.
func goStart(r rune) bool {
	return r == '.' || r == '$' || r == '(' || r == '"' || r == '`' || r == '\'' || (r >= '0' && r <= '9')
}

// isGoExpr reports whether the head of a pipeline (before its first '|') is
// a Go template expression rather than a CRM field's display name.
func isGoExpr(h string) bool {
	r, _ := utf8.DecodeRuneInString(h)
	if goStart(r) || r == '-' || r == '+' {
		return true
	}
	switch h {
	case "true", "false", "nil":
		return true
	}
	i := strings.IndexFunc(h, unicode.IsSpace)
	if i < 0 {
		return false // a single word: a field, even if a function has that name
	}
	w, rest := h[:i], strings.TrimSpace(h[i:])
	r, _ = utf8.DecodeRuneInString(rest)
	if goStart(r) {
		return true // f "x", f .X: a call, even of an unknown function
	}
	_, isFunc := funcs[w]
	return isFunc
}

// splitHead returns the byte index of the first '|' of p outside quotes and
// parentheses, or len(p).
func splitHead(p string) int {
	depth := 0
	for i := 0; i < len(p); i++ {
		switch p[i] {
		case '"', '\'':
			q := p[i]
			for i++; i < len(p) && p[i] != q; i++ {
				if p[i] == '\\' {
					i++
				}
			}
		case '`':
			if j := strings.IndexByte(p[i+1:], '`'); j >= 0 {
				i += j + 1
			} else {
				return len(p)
			}
		case '(':
			depth++
		case ')':
			depth--
		case '|':
			if depth == 0 {
				return i
			}
		}
	}
	return len(p)
}

var parseErrPrefix = regexp.MustCompile(`^template: [^:]*:\d+: `)

// emptyCommand returns the byte offset in p of a '|' that has no command
// after it (the end, a ')' or another '|' follows), or -1. text/template
// parses {{ .Имя | }} as {{ .Имя }}; a dangling '|' is a mistake.
func emptyCommand(p string) int {
	bar := -1
	for i := 0; i < len(p); i++ {
		switch c := p[i]; c {
		case '"', '\'':
			for i++; i < len(p) && p[i] != c; i++ {
				if p[i] == '\\' {
					i++
				}
			}
			bar = -1
		case '`':
			j := strings.IndexByte(p[i+1:], '`')
			if j < 0 {
				return -1
			}
			i += j + 1
			bar = -1
		case ' ', '\t', '\n', '\r':
		case '|', ')':
			if bar >= 0 {
				return bar
			}
			if c == '|' {
				bar = i
			}
		default:
			bar = -1
		}
	}
	return bar
}

// leadingIdent returns the identifier that starts h (letters, digits and
// '_', starting with a letter or '_'), or "" when h starts otherwise or with
// a keyword of the expression language (true, false, nil).
func leadingIdent(h string) string {
	end := strings.IndexFunc(h, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' })
	if end < 0 {
		end = len(h)
	}
	w := h[:end]
	r, _ := utf8.DecodeRuneInString(w)
	if w == "" || unicode.IsDigit(r) || w == "true" || w == "false" || w == "nil" {
		return ""
	}
	return w
}

// compilePipe compiles the pipeline p found at byte offset off of the source.
func (c *compiler) compilePipe(p string, off int, root bool) (*pipe, error) {
	bar := splitHead(p)
	head := strings.TrimSpace(p[:bar])
	if head == "" {
		return nil, c.errAt(off, "empty action; write a field name such as {{Имя}} or an expression such as {{ .Имя }}")
	}
	var text string
	var delta int // source offset = position in text + delta
	robot := !isGoExpr(head)
	var mod modifier
	headOff := off + strings.Index(p, head)
	if robot {
		var err error
		if head, mod, err = c.robotModifiers(head, headOff); err != nil {
			return nil, err
		}
	}
	if robot && bar == len(p) && !strings.ContainsAny(head, "{}") {
		// a bare robot field: nothing for text/template to parse
		name := strings.Join(strings.Fields(head), " ")
		key := c.mapKey(name)
		c.refs = append(c.refs, fieldRef{written: name, keys: []string{key}, key: key, off: headOff})
		return &pipe{cmds: []command{{args: []operand{{kind: opData, keys: []string{key}, field: key, mod: mod}}}}, field: key}, nil
	}
	if robot {
		if strings.ContainsAny(head, "{}") {
			return nil, c.errAt(off, "field name %q contains a brace; remove it", shorten(head, 30))
		}
		text = "{{.X" + p[bar:] + "}}"
		delta = off + bar - 4
	} else {
		text = "{{" + p + "}}"
		delta = off - 2
	}
	if i := emptyCommand(p); i >= 0 {
		return nil, c.errAt(off+i, "'|' with no function after it; write the function to pipe into, as in {{ .Имя | upper }}, or remove the '|'")
	}
	// Function names are checked on the tree, at the name's own position,
	// not by parsing text/template's error message.
	tree := parse.New("")
	tree.Mode = parse.SkipFuncCheck
	_, perr := tree.Parse(text, "{{", "}}", map[string]*parse.Tree{})
	unknown := func(name string, at int) error {
		var msg string
		r, _ := utf8.DecodeRuneInString(name)
		switch {
		case readAsCall(head, name):
			msg = c.fieldAsCall(head, name, strings.TrimSpace(p[bar:]))
		case r >= utf8.RuneSelf:
			msg = fmt.Sprintf("unknown function %q; to pass a field to a function write it as .%s", name, name)
		default:
			msg = unknownFunc(name)
		}
		return c.errAt(at, "%s", msg)
	}
	if perr != nil {
		// text/template would have met a call of an unknown first word
		// before the fault ({{Сделка: 1С (номер)}}): that is the error to fix.
		if w := leadingIdent(head); !robot && w != "" && funcs[w] == nil {
			return nil, unknown(w, off+strings.Index(p, w))
		}
		return nil, c.errAt(off, "%s; check the placeholder's syntax", parseErrPrefix.ReplaceAllString(perr.Error(), ""))
	}
	if tree.Root == nil || len(tree.Root.Nodes) != 1 || tree.Root.Nodes[0].Type() != parse.NodeAction {
		return nil, c.errAt(off, "a placeholder holds one action; split it into several {{ }}")
	}
	act := tree.Root.Nodes[0].(*parse.ActionNode)
	if len(act.Pipe.Decl) > 0 {
		return nil, c.errAt(off, "variables ($x := ...) are not supported; use the field directly, as in .Имя")
	}
	pc := &pcomp{c: c, delta: delta, root: root, skipFirst: robot, unknown: unknown}
	out, err := pc.pipe(act.Pipe)
	if err != nil {
		return nil, err
	}
	if robot {
		name := strings.Join(strings.Fields(head), " ")
		key := c.mapKey(name)
		out.cmds[0] = command{args: []operand{{kind: opData, keys: []string{key}, field: key, mod: mod}}}
		c.refs = append(c.refs, fieldRef{written: name, keys: []string{key}, key: key, off: headOff})
		out.field = key
	}
	return out, nil
}

// readAsCall reports whether head, which failed to parse because name is
// not a function, is likely a field's display name read as a call of its
// first word: name starts head and is followed by what reads as an argument
// ("(", a quote, a digit), as in {{Телефон (рабочий)}} or {{Дом 5}}. A
// following '.' or '$' is left out ({{Имя .Фамилия}} reads more like a
// call), and so is an ASCII name close to a function's ({{Upper "x"}}: a
// misspelt upper).
func readAsCall(head, name string) bool {
	if name == "" || !strings.HasPrefix(head, name) {
		return false
	}
	rest := head[len(name):]
	if r, _ := utf8.DecodeRuneInString(rest); rest != "" && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_') {
		return false // name is only the start of the first word
	}
	if r, _ := utf8.DecodeRuneInString(strings.TrimLeftFunc(rest, unicode.IsSpace)); r == '.' || r == '$' {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(name); r < utf8.RuneSelf {
		_, leftOut := sprigNames[name]
		return !leftOut && suggest(name, FuncNames()) == ""
	}
	return true
}

// fieldAsCall says how to write the field head, read as a call of name, so
// that it reads as a field: as a Bitrix24 field {=NAME}, which is looked up
// under its full name, or, to give it a pipeline (or when its name holds a
// character {=...} cannot), as {{ index $ "KEY" | ... }}.
func (c *compiler) fieldAsCall(head, name, pipeline string) string {
	display := strings.Join(strings.Fields(head), " ")
	form := "{=" + display + "}"
	// {=A: B} would fall back to the bare name B, and {=...} ends at '}' and
	// its field at '>'
	if pipeline != "" || strings.ContainsAny(display, "{}>:") {
		if pipeline != "" {
			pipeline = " " + pipeline
		}
		form = "{{ index $ " + strconv.Quote(c.mapKey(display)) + pipeline + " }}"
	}
	var next rune // what makes the name read as a call: the second word's start
	if words := strings.Fields(head); len(words) > 1 {
		next, _ = utf8.DecodeRuneInString(words[1])
	}
	hint := fmt.Sprintf("if %q is a field, write it as %s (%q after its first word makes it read as a call)", display, form, next)
	if r, _ := utf8.DecodeRuneInString(name); r < utf8.RuneSelf {
		return unknownFunc(name) + "; " + hint
	}
	return fmt.Sprintf("unknown function %q; %s", name, hint)
}

// robotForm returns the robot field that reads the data key key, with
// pipeline after it ({{ KEY | default "..." }}), or "" when key cannot be
// written as a robot field's name (it would read as a call, or holds '|' or
// a quote).
func robotForm(key, pipeline string) string {
	c := &compiler{}
	p, err := c.compilePipe(key+" "+pipeline, 0, true)
	if err != nil || len(c.refs) == 0 || c.refs[0].key != key || len(p.cmds) == 0 || len(p.cmds[0].args) != 1 ||
		p.cmds[0].args[0].kind != opData || len(p.cmds[0].args[0].keys) != 1 {
		return ""
	}
	return "{{ " + key + " " + pipeline + " }}"
}

// pcomp compiles one text/template/parse pipeline into a pipe.
type pcomp struct {
	c     *compiler
	delta int
	root  bool
	first string
	// skipFirst: the first operand is the stand-in .X for a robot field,
	// replaced by the caller; it is not a field reference.
	skipFirst bool
	// unknown builds the error for a call of a function that is not in
	// the allow-list, at byte offset at of the source.
	unknown func(name string, at int) error
}

func (pc *pcomp) pipe(pn *parse.PipeNode) (*pipe, error) {
	out := &pipe{}
	for i, cn := range pn.Cmds {
		cmd, err := pc.command(cn, i > 0)
		if err != nil {
			return nil, err
		}
		if cmd.fn != nil && cmd.fn.kind == fnFallback {
			out.fallback = true
		}
		out.cmds = append(out.cmds, cmd)
	}
	out.field = pc.first
	return out, nil
}

func (pc *pcomp) command(cn *parse.CommandNode, piped bool) (command, error) {
	if id, ok := cn.Args[0].(*parse.IdentifierNode); ok {
		fn := funcs[id.Ident]
		if fn == nil {
			return command{}, pc.unknown(id.Ident, int(id.Pos)+pc.delta)
		}
		cmd := command{fn: fn}
		for _, a := range cn.Args[1:] {
			op, err := pc.operand(a)
			if err != nil {
				return command{}, err
			}
			cmd.args = append(cmd.args, op)
		}
		return cmd, nil
	}
	if len(cn.Args) > 1 || piped {
		return command{}, pc.c.errAt(int(cn.Pos)+pc.delta, "only a function can take arguments or follow '|'; %s is not a function", shorten(cn.Args[0].String(), 30))
	}
	op, err := pc.operand(cn.Args[0])
	if err != nil {
		return command{}, err
	}
	return command{args: []operand{op}}, nil
}

func (pc *pcomp) dataRef(name string, chain []string, pos parse.Pos) operand {
	key := pc.c.mapKey(name)
	field := key
	if len(chain) > 0 {
		field += "." + strings.Join(chain, ".")
	}
	pc.c.refs = append(pc.c.refs, fieldRef{written: name, keys: []string{key}, key: key, off: int(pos) + pc.delta})
	if pc.first == "" {
		pc.first = field
	}
	return operand{kind: opData, keys: []string{key}, chain: chain, field: field}
}

func (pc *pcomp) operand(n parse.Node) (operand, error) {
	switch x := n.(type) {
	case *parse.FieldNode:
		if pc.skipFirst {
			pc.skipFirst = false
			return operand{}, nil
		}
		if pc.root {
			return pc.dataRef(x.Ident[0], x.Ident[1:], x.Pos), nil
		}
		f := "." + strings.Join(x.Ident, ".")
		if pc.first == "" {
			pc.first = f
		}
		return operand{kind: opDot, chain: x.Ident, field: f}, nil
	case *parse.DotNode:
		return operand{kind: opDot, field: "."}, nil
	case *parse.VariableNode:
		if x.Ident[0] != "$" {
			return operand{}, pc.c.errAt(int(x.Pos)+pc.delta, "variables are not supported; use the field directly, as in .Имя")
		}
		if len(x.Ident) == 1 {
			return operand{kind: opData, field: "$"}, nil // keys nil: the whole data
		}
		return pc.dataRef(x.Ident[1], x.Ident[2:], x.Pos), nil
	case *parse.StringNode:
		return operand{kind: opConst, val: x.Text}, nil
	case *parse.BoolNode:
		return operand{kind: opConst, val: x.True}, nil
	case *parse.NilNode:
		return operand{kind: opConst, val: nil}, nil
	case *parse.NumberNode:
		switch {
		case x.IsInt:
			return operand{kind: opConst, val: int(x.Int64)}, nil
		case x.IsFloat:
			return operand{kind: opConst, val: x.Float64}, nil
		case x.IsUint:
			return operand{kind: opConst, val: float64(x.Uint64)}, nil
		}
		return operand{}, pc.c.errAt(int(x.Pos)+pc.delta, "complex numbers are not supported")
	case *parse.PipeNode:
		if len(x.Decl) > 0 {
			return operand{}, pc.c.errAt(int(x.Pos)+pc.delta, "variables ($x := ...) are not supported")
		}
		p, err := pc.pipe(x)
		if err != nil {
			return operand{}, err
		}
		return operand{kind: opPipe, pipe: p, field: p.field}, nil
	case *parse.IdentifierNode: // a function called without arguments, as in (list)
		fn := funcs[x.Ident]
		if fn == nil {
			return operand{}, pc.unknown(x.Ident, int(x.Pos)+pc.delta)
		}
		return operand{kind: opPipe, pipe: &pipe{cmds: []command{{fn: fn}}, fallback: fn.kind == fnFallback}}, nil
	case *parse.ChainNode:
		op, err := pc.operand(x.Node)
		if err != nil {
			return operand{}, err
		}
		if op.kind == opConst {
			return operand{}, pc.c.errAt(int(x.Pos)+pc.delta, "a constant has no fields")
		}
		op.chain = append(append([]string(nil), op.chain...), x.Field...)
		op.field += "." + strings.Join(x.Field, ".")
		return op, nil
	}
	return operand{}, pc.c.errAt(int(n.Position())+pc.delta, "%s is not supported in a placeholder", shorten(n.String(), 30))
}

// sprigNames are sprig's functions, to tell a function left out on purpose
// from a misspelt one.
var sprigNames = sprig.GenericFuncMap()

// unknownFunc says what to do about a call of the unknown function name.
func unknownFunc(name string) string {
	if _, ok := sprigNames[name]; ok {
		return fmt.Sprintf("unknown function %q: message templates leave it out for safety; remove it (FuncNames lists the functions a template may call)", name)
	}
	if s := suggest(name, FuncNames()); s != "" {
		return fmt.Sprintf("unknown function %q; did you mean %q?", name, s)
	}
	return fmt.Sprintf("unknown function %q; FuncNames lists the functions a template may call", name)
}

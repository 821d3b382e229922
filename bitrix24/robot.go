package bitrix24

import (
	"fmt"
	"hash/fnv"
	"regexp"
	"strconv"
	"strings"
)

// DefaultCode is the robot's CODE when none is given.
const DefaultCode = "spinwise_message"

// TemplateProperty is the code of the robot's property that selects the
// template by name (a "select" property listing the templates).
const TemplateProperty = "template"

// The robot's additional results (RETURN_PROPERTIES), filled by
// bizproc.event.send.
const (
	ReturnText    = "text"    // the whole message
	ReturnChunks  = "chunks"  // the short messages to send, in order (Multiple)
	ReturnVariant = "variant" // the spintax variant's index, in decimal
	ReturnError   = "error"   // empty on success, else why there is no message
)

// maxDataProperties caps the data properties a robot registers.
const maxDataProperties = 50

var (
	validCode     = regexp.MustCompile(`^[A-Za-z0-9._-]+$`)
	validProperty = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]*$`)
)

// ValidCode reports whether s may be a robot's CODE: Latin letters, digits,
// '.', '-' and '_'.
func ValidCode(s string) bool { return len(s) <= 100 && validCode.MatchString(s) }

// PropertyCode returns the code of the robot property that carries the
// template field name. A name that is already a valid code (a Latin
// letter, then letters, digits and '_') is its own code; any other, such
// as "Имя", is transliterated and given a short hash so that two names
// never share a code: "Imya_8c1e2f". The code is stable: the same name
// always gives the same code, so robots set up in the portal keep working
// when templates are added.
func PropertyCode(name string) string {
	if validProperty.MatchString(name) && name != TemplateProperty {
		return name
	}
	var b strings.Builder
	for _, r := range name {
		switch {
		case r < 0x80 && (r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'):
			b.WriteRune(r)
		case translit[r] != "":
			b.WriteString(translit[r])
		default:
			if s := b.String(); s != "" && !strings.HasSuffix(s, "_") {
				b.WriteByte('_')
			}
		}
		if b.Len() >= 40 {
			break
		}
	}
	s := strings.Trim(b.String(), "_")
	if s == "" || !(s[0] >= 'a' && s[0] <= 'z' || s[0] >= 'A' && s[0] <= 'Z') {
		s = "f" + s
	}
	h := fnv.New32a()
	h.Write([]byte(name))
	return fmt.Sprintf("%s_%06x", s, h.Sum32()&0xFFFFFF)
}

var translit = func() map[rune]string {
	lower := map[rune]string{
		'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "yo", 'ж': "zh", 'з': "z",
		'и': "i", 'й': "y", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r",
		'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch",
		'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu", 'я': "ya",
	}
	m := map[rune]string{}
	for r, s := range lower {
		m[r] = s
		if s != "" {
			m[[]rune(strings.ToUpper(string(r)))[0]] = strings.ToUpper(s[:1]) + s[1:]
		}
	}
	return m
}()

// RobotSpec is what bizproc.robot.add registers.
type RobotSpec struct {
	Code    string // CODE
	Handler string // HANDLER: the public URL of the robot route
	Name    string // NAME shown in the automation rules
	// Templates are the names of the templates, the options of the
	// "template" property.
	Templates []string
	// Fields are the data fields the templates read; each becomes a
	// string property named after it (see PropertyCode).
	Fields []string
}

// Params returns the parameters of bizproc.robot.add:
//
//	CODE, HANDLER, NAME, USE_SUBSCRIPTION=Y,
//	PROPERTIES[template]{Type: select, Options: {name: name, ...}, Required: Y}
//	PROPERTIES[<code>]{Name: <field>, Type: string}   for every field
//	RETURN_PROPERTIES: text (text), chunks (string, Multiple), variant, error (string)
func (s RobotSpec) Params() map[string]any {
	params := s.fields()
	params["CODE"] = s.Code
	return params
}

// UpdateParams returns the parameters of bizproc.robot.update: CODE and the
// same fields as Params under FIELDS.
func (s RobotSpec) UpdateParams() map[string]any {
	return map[string]any{"CODE": s.Code, "FIELDS": s.fields()}
}

func (s RobotSpec) fields() map[string]any {
	name := s.Name
	if name == "" {
		name = "spinwise: сообщение WhatsApp"
	}
	options := map[string]any{}
	for _, t := range s.Templates {
		options[t] = t
	}
	props := map[string]any{
		TemplateProperty: map[string]any{
			"Name":        "Шаблон сообщения",
			"Description": "Шаблон из каталога шаблонов spinwise; текст шаблона хранится на сервере робота",
			"Type":        "select",
			"Options":     options,
			"Required":    "Y",
			"Multiple":    "N",
		},
	}
	for i, f := range s.Fields {
		if i == maxDataProperties {
			break
		}
		props[PropertyCode(f)] = map[string]any{
			"Name":     f,
			"Type":     "string",
			"Required": "N",
			"Multiple": "N",
		}
	}
	return map[string]any{
		"HANDLER":          s.Handler,
		"NAME":             name,
		"USE_SUBSCRIPTION": "Y",
		"PROPERTIES":       props,
		"RETURN_PROPERTIES": map[string]any{
			ReturnText:    map[string]any{"Name": "Текст сообщения", "Type": "text", "Multiple": "N"},
			ReturnChunks:  map[string]any{"Name": "Части сообщения", "Type": "string", "Multiple": "Y"},
			ReturnVariant: map[string]any{"Name": "Вариант", "Type": "string", "Multiple": "N"},
			ReturnError:   map[string]any{"Name": "Ошибка", "Type": "string", "Multiple": "N"},
		},
	}
}

// Auth is the auth[...] block of a robot call or an event.
type Auth struct {
	AccessToken      string
	RefreshToken     string
	Expires          int64 // Unix seconds
	Domain           string
	ClientEndpoint   string
	ServerEndpoint   string
	MemberID         string
	ApplicationToken string
	UserID           string
	Scope            string
	Status           string
}

func authFrom(v *Value) Auth {
	a := v.Lookup("auth")
	exp, _ := strconv.ParseInt(a.Get("expires"), 10, 64)
	return Auth{
		AccessToken:      a.Get("access_token"),
		RefreshToken:     a.Get("refresh_token"),
		Expires:          exp,
		Domain:           a.Get("domain"),
		ClientEndpoint:   a.Get("client_endpoint"),
		ServerEndpoint:   a.Get("server_endpoint"),
		MemberID:         a.Get("member_id"),
		ApplicationToken: a.Get("application_token"),
		UserID:           a.Get("user_id"),
		Scope:            a.Get("scope"),
		Status:           a.Get("status"),
	}
}

// RobotCall is one call of the robot by a portal, decoded from its form:
//
//	workflow_id=…&code=spinwise_message&event_token=…&use_subscription=Y&ts=…
//	document_id[0]=crm&document_id[1]=CCrmDocumentDeal&document_id[2]=DEAL_759
//	document_type[0]=crm&document_type[1]=CCrmDocumentDeal&document_type[2]=DEAL
//	properties[template]=reminder&properties[Imya_8c1e2f]=Анна&properties[phones][0]=…
//	auth[access_token]=…&auth[member_id]=…&auth[application_token]=…&auth[client_endpoint]=…
type RobotCall struct {
	WorkflowID   string
	Code         string
	EventToken   string
	DocumentID   []string // module, entity, document: crm, CCrmDocumentDeal, DEAL_759
	DocumentType []string
	// Properties are the robot's properties by code: a string, or a []any
	// of strings for a Multiple property (properties[x][0], [1], ...). A
	// user property arrives as the portal writes users, "user_1".
	Properties map[string]any
	Auth       Auth
}

// ParseRobotCall decodes a robot call's form body.
func ParseRobotCall(body string) (*RobotCall, error) {
	v, err := ParseForm(body)
	if err != nil {
		return nil, err
	}
	return robotCall(v), nil
}

// Document returns the document's id, document_id[2] (DEAL_759): the key
// the variant is chosen by, so the same deal always gets the same wording.
func (c *RobotCall) Document() string {
	if len(c.DocumentID) < 3 {
		return ""
	}
	return c.DocumentID[2]
}

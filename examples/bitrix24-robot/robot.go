package main

import (
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"

	"github.com/spinwise/spinwise/campaign"
	"github.com/spinwise/spinwise/template"
)

// Robot is an http.Handler for a Bitrix24 automation rule ("robot")
// registered with bizproc.robot.add. When the rule fires, Bitrix24 POSTs a
// form to the handler URL:
//
//	workflow_id=…&code=spinwise_message&event_token=…&ts=…
//	document_id[0]=crm&document_id[1]=CCrmDocumentDeal&document_id[2]=DEAL_759
//	document_type[0]=crm&document_type[1]=CCrmDocumentDeal&document_type[2]=DEAL
//	properties[client_name]=Павел&properties[order]=545134&properties[template]=…
//	auth[access_token]=…&auth[member_id]=…&auth[application_token]=…&auth[domain]=…
//
// The robot's properties carry the document's fields (Bitrix24 fills
// {=Document:NAME}-style values into them before the call) and, optionally,
// the message template itself (property "template"), so the CRM user edits
// the text in the robot's settings. The answer is JSON: the rendered short
// messages, or the reason there are none. A production robot registered
// with USE_SUBSCRIPTION=Y would also hand them back to the business process
// with bizproc.event.send and the event_token; see README.md.
type Robot struct {
	// ApplicationToken, when set, must equal auth[application_token]: it is
	// how a handler knows the call comes from the portal that installed the
	// application.
	ApplicationToken string
	// Template is the default message template, used when the call has no
	// "template" property.
	Template string
	// Options configure every campaign; ByKey is forced on, so one deal
	// always gets the same wording however often the rule fires.
	Options campaign.Options

	mu    sync.Mutex
	cache map[string]*campaign.Campaign // parsed templates by source
}

// Reply is the handler's JSON answer.
type Reply struct {
	Document   string             `json:"document"` // document_id[2], e.g. DEAL_759: the recipient key
	EventToken string             `json:"event_token,omitempty"`
	Chunks     []string           `json:"chunks,omitempty"`
	Variant    string             `json:"variant,omitempty"`
	Error      *campaign.RowError `json:"error,omitempty"`
	// SyntaxError is set when the template does not parse.
	SyntaxError *template.Error `json:"syntax_error,omitempty"`
}

const maxBody = 1 << 20 // bytes

func (rb *Robot) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "POST a robot call", http.StatusMethodNotAllowed)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxBody)
	if err := r.ParseForm(); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			http.Error(w, fmt.Sprintf("the robot call is over %d bytes", maxBody), http.StatusRequestEntityTooLarge)
			return
		}
		http.Error(w, "bad form: "+err.Error(), http.StatusBadRequest)
		return
	}
	f := r.PostForm
	// Compared in constant time, so response timing does not leak the token.
	if rb.ApplicationToken != "" && subtle.ConstantTimeCompare([]byte(f.Get("auth[application_token]")), []byte(rb.ApplicationToken)) != 1 {
		http.Error(w, "unknown application token", http.StatusForbidden)
		return
	}
	reply := Reply{Document: f.Get("document_id[2]"), EventToken: f.Get("event_token")}
	if reply.Document == "" {
		http.Error(w, "no document_id[2]: not a robot call", http.StatusBadRequest)
		return
	}
	props := properties(f)
	src := rb.Template
	if t, ok := props["template"]; ok {
		src = t.(string)
		delete(props, "template")
	}
	c, err := rb.campaign(src)
	if err != nil {
		var te *template.Error
		if !errors.As(err, &te) {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		reply.SyntaxError = te
		writeJSON(w, http.StatusUnprocessableEntity, reply)
		return
	}
	row := c.Message(campaign.Recipient{Key: reply.Document, Data: props}, 0)
	reply.Chunks, reply.Variant, reply.Error = row.Chunks, row.Variant, row.Err
	status := http.StatusOK
	if row.Err != nil {
		status = http.StatusUnprocessableEntity // no message to send
	}
	writeJSON(w, status, reply)
}

// properties collects properties[NAME]=VALUE into a map.
func properties(f map[string][]string) map[string]any {
	out := map[string]any{}
	for k, v := range f {
		name, ok := strings.CutPrefix(k, "properties[")
		if !ok || !strings.HasSuffix(name, "]") || len(v) == 0 {
			continue
		}
		out[strings.TrimSuffix(name, "]")] = v[0]
	}
	return out
}

// campaign parses src once and keeps it (a portal has few templates).
func (rb *Robot) campaign(src string) (*campaign.Campaign, error) {
	rb.mu.Lock()
	defer rb.mu.Unlock()
	if c, ok := rb.cache[src]; ok {
		return c, nil
	}
	opts := rb.Options
	opts.ByKey = true
	opts.NoAnalysis = true
	c, err := campaign.New(src, &opts)
	if err != nil {
		return nil, err
	}
	if rb.cache == nil || len(rb.cache) >= 100 {
		rb.cache = map[string]*campaign.Campaign{}
	}
	rb.cache[src] = c
	return c, nil
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

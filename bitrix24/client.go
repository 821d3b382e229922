package bitrix24

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// DefaultTokenURL is Bitrix24's OAuth 2.0 token endpoint, where access tokens
// are renewed for every portal (cloud and on-premise alike).
const DefaultTokenURL = "https://oauth.bitrix.info/oauth/token/"

// maxResponse caps the body of a REST or OAuth answer that is read, in bytes.
const maxResponse = 1 << 20

// Client calls a portal's REST methods and renews access tokens at the
// OAuth server. The zero value works, without renewal (it needs ClientID
// and ClientSecret) and with a 30-second timeout. It is safe for
// concurrent use.
type Client struct {
	// HTTP is the client used for every request; nil means one with a
	// 30-second timeout.
	HTTP *http.Client
	// TokenURL is the OAuth token endpoint; "" means DefaultTokenURL.
	TokenURL string
	// ClientID and ClientSecret are the application's keys (client_id,
	// client_secret) from its card in the portal or the partner area. They
	// are sent only to TokenURL, never to a portal.
	ClientID, ClientSecret string
}

// defaultHTTP keeps enough idle connections per portal for the workers
// that answer robot calls concurrently.
var defaultHTTP = func() *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = 64
	return &http.Client{Timeout: 30 * time.Second, Transport: t}
}()

func (c *Client) http() *http.Client {
	if c != nil && c.HTTP != nil {
		return c.HTTP
	}
	return defaultHTTP
}

// CanRefresh reports whether the client has the keys to renew tokens.
func (c *Client) CanRefresh() bool { return c != nil && c.ClientID != "" && c.ClientSecret != "" }

// APIError is an error answer of a REST method or of the OAuth server:
//
//	{"error":"expired_token","error_description":"The access token provided has expired."}
type APIError struct {
	Method      string // the REST method, or "oauth/token"
	Status      int    // the HTTP status
	Code        string // error: expired_token, ACCESS_DENIED, invalid_grant, ...
	Description string // error_description
}

func (e *APIError) Error() string {
	if e.Description != "" {
		return fmt.Sprintf("bitrix24: %s: %s (HTTP %d): %s", e.Method, e.Code, e.Status, e.Description)
	}
	return fmt.Sprintf("bitrix24: %s: %s (HTTP %d)", e.Method, e.Code, e.Status)
}

// Expired reports whether err says the access token has expired: the one
// error that renewing the token and calling again can cure.
func Expired(err error) bool {
	var ae *APIError
	return errors.As(err, &ae) && ae.Code == "expired_token"
}

// Call calls a REST method at endpoint (a portal's client_endpoint, such as
// "https://example.bitrix24.ru/rest/") with the access token, the
// parameters form-encoded with PHP's nesting (see EncodeForm), and returns
// the answer's "result". An error answer is an *APIError.
func (c *Client) Call(ctx context.Context, endpoint, accessToken, method string, params map[string]any) (json.RawMessage, error) {
	u, err := methodURL(endpoint, method)
	if err != nil {
		return nil, err
	}
	body := EncodeForm(params)
	if body != "" {
		body += "&"
	}
	body += "auth=" + url.QueryEscape(accessToken)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, strings.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	var out struct {
		Result json.RawMessage `json:"result"`
	}
	if err := c.do(req, method, &out); err != nil {
		return nil, err
	}
	return out.Result, nil
}

// methodURL joins a client_endpoint and a method name, refusing anything
// but an absolute http or https URL.
func methodURL(endpoint, method string) (string, error) {
	u, err := url.Parse(endpoint)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.User != nil {
		return "", fmt.Errorf("bitrix24: REST endpoint %q is not an http(s) URL", endpoint)
	}
	if !strings.HasSuffix(endpoint, "/") {
		endpoint += "/"
	}
	return endpoint + method, nil
}

// Token is what the OAuth server answers a renewal with.
type Token struct {
	AccessToken    string `json:"access_token"`
	RefreshToken   string `json:"refresh_token"`
	Expires        int64  `json:"expires"`    // Unix time when AccessToken expires
	ExpiresIn      int64  `json:"expires_in"` // seconds
	ClientEndpoint string `json:"client_endpoint"`
	ServerEndpoint string `json:"server_endpoint"`
	MemberID       string `json:"member_id"`
	Scope          string `json:"scope"`
	Status         string `json:"status"`
	UserID         int64  `json:"user_id"`
}

// Refresh exchanges a refresh token for a new pair at the OAuth server
// (grant_type=refresh_token with the application's keys). Save both new
// tokens: the old refresh token is spent.
func (c *Client) Refresh(ctx context.Context, refreshToken string) (*Token, error) {
	if !c.CanRefresh() {
		return nil, errors.New("bitrix24: cannot renew the access token: no client id and secret (give -client-id and -client-secret)")
	}
	tokenURL := c.TokenURL
	if tokenURL == "" {
		tokenURL = DefaultTokenURL
	}
	q := url.Values{
		"grant_type":    {"refresh_token"},
		"client_id":     {c.ClientID},
		"client_secret": {c.ClientSecret},
		"refresh_token": {refreshToken},
	}
	sep := "?"
	if strings.Contains(tokenURL, "?") {
		sep = "&"
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, tokenURL+sep+q.Encode(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/json")
	var t Token
	if err := c.do(req, "oauth/token", &t); err != nil {
		return nil, err
	}
	if t.AccessToken == "" {
		return nil, &APIError{Method: "oauth/token", Status: http.StatusOK, Code: "invalid_response", Description: "no access_token in the answer"}
	}
	return &t, nil
}

// do sends req and decodes a JSON answer into out, or an error answer into
// an *APIError.
func (c *Client) do(req *http.Request, method string, out any) error {
	resp, err := c.http().Do(req)
	if err != nil {
		return fmt.Errorf("bitrix24: %s: %w", method, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxResponse+1))
	if err != nil {
		return fmt.Errorf("bitrix24: %s: %w", method, err)
	}
	if len(body) > maxResponse {
		return fmt.Errorf("bitrix24: %s: answer over %d bytes", method, maxResponse)
	}
	var e struct {
		Error       any    `json:"error"`
		Description string `json:"error_description"`
	}
	jerr := json.Unmarshal(body, &e)
	if jerr == nil && e.Error != nil && e.Error != "" {
		return &APIError{Method: method, Status: resp.StatusCode, Code: fmt.Sprint(e.Error), Description: e.Description}
	}
	if resp.StatusCode/100 != 2 {
		return &APIError{Method: method, Status: resp.StatusCode, Code: "HTTP_" + fmt.Sprint(resp.StatusCode), Description: truncate(string(body), 200)}
	}
	if jerr != nil {
		return fmt.Errorf("bitrix24: %s: answer is not JSON: %w", method, jerr)
	}
	if err := json.Unmarshal(body, out); err != nil {
		return fmt.Errorf("bitrix24: %s: %w", method, err)
	}
	return nil
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8Start(s[n]) {
		n--
	}
	return s[:n] + "…"
}

func utf8Start(b byte) bool { return b&0xC0 != 0x80 }

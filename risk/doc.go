// Package risk encodes the practices that raise or lower the risk of a
// WhatsApp number being blocked, so a sending robot can check a batch first.
package risk

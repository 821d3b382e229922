package bitrix24

import (
	"context"
	"errors"
	"sync"
	"time"
)

// Portal is what the application keeps about one Bitrix24 account that
// installed it.
type Portal struct {
	// MemberID identifies the account; it does not change when the
	// account's address does.
	MemberID string
	// Domain is the account's address, e.g. "example.bitrix24.ru".
	Domain string
	// ClientEndpoint is where its REST methods live,
	// "https://example.bitrix24.ru/rest/". The application only ever calls
	// this address, never one a request names.
	ClientEndpoint string
	// AccessToken, RefreshToken and Expires are the latest OAuth tokens
	// (of the installing administrator, then of whoever's token renewed
	// them). Expires is in Unix seconds.
	AccessToken, RefreshToken string
	Expires                   int64
	// ApplicationToken is auth[application_token] from ONAPPINSTALL: the
	// secret every later call from the portal must carry. Empty until
	// ONAPPINSTALL has arrived; no robot call is served before.
	ApplicationToken string
	// InstalledAt is when /install last ran, in Unix seconds.
	InstalledAt int64
}

// ErrNoPortal is returned by Store.Portal for an unknown member_id.
var ErrNoPortal = errors.New("bitrix24: no such portal")

// Store keeps the portals and the event tokens already served. An
// implementation must be safe for concurrent use. OpenSQLite gives the
// default, a file needing no server; NewMemoryStore one that forgets
// everything when the process ends.
type Store interface {
	// Portal returns the portal with this member_id, or ErrNoPortal.
	Portal(ctx context.Context, memberID string) (*Portal, error)
	// SavePortal inserts or replaces the portal.
	SavePortal(ctx context.Context, p *Portal) error
	// MemberIDs lists the stored portals.
	MemberIDs(ctx context.Context) ([]string, error)
	// DeletePortal removes the portal and its event tokens.
	DeletePortal(ctx context.Context, memberID string) error
	// ClaimEvent records that the robot call with this event_token is being
	// served, and reports whether it is the first claim: false means the
	// portal called twice and the call must not be served again.
	ClaimEvent(ctx context.Context, memberID, eventToken string, now time.Time) (bool, error)
	// ReleaseEvent forgets a claim, so that the portal's retry of a call the
	// application could not take is served.
	ReleaseEvent(ctx context.Context, memberID, eventToken string) error
	// PruneEvents forgets the claims made before the given time.
	PruneEvents(ctx context.Context, before time.Time) error
	// Close releases the store's resources.
	Close() error
}

// MemoryStore is a Store in memory, for tests and examples.
type MemoryStore struct {
	mu      sync.Mutex
	portals map[string]Portal
	events  map[[2]string]time.Time
}

// NewMemoryStore returns an empty MemoryStore.
func NewMemoryStore() *MemoryStore {
	return &MemoryStore{portals: map[string]Portal{}, events: map[[2]string]time.Time{}}
}

// Portal implements Store.
func (s *MemoryStore) Portal(_ context.Context, memberID string) (*Portal, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.portals[memberID]
	if !ok {
		return nil, ErrNoPortal
	}
	return &p, nil
}

// SavePortal implements Store.
func (s *MemoryStore) SavePortal(_ context.Context, p *Portal) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.portals[p.MemberID] = *p
	return nil
}

// MemberIDs implements Store.
func (s *MemoryStore) MemberIDs(_ context.Context) ([]string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return sortedKeys(s.portals), nil
}

// DeletePortal implements Store.
func (s *MemoryStore) DeletePortal(_ context.Context, memberID string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.portals, memberID)
	for k := range s.events {
		if k[0] == memberID {
			delete(s.events, k)
		}
	}
	return nil
}

// ClaimEvent implements Store.
func (s *MemoryStore) ClaimEvent(_ context.Context, memberID, eventToken string, now time.Time) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	k := [2]string{memberID, eventToken}
	if _, ok := s.events[k]; ok {
		return false, nil
	}
	s.events[k] = now
	return true, nil
}

// ReleaseEvent implements Store.
func (s *MemoryStore) ReleaseEvent(_ context.Context, memberID, eventToken string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.events, [2]string{memberID, eventToken})
	return nil
}

// PruneEvents implements Store.
func (s *MemoryStore) PruneEvents(_ context.Context, before time.Time) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for k, at := range s.events {
		if at.Before(before) {
			delete(s.events, k)
		}
	}
	return nil
}

// Close implements Store.
func (s *MemoryStore) Close() error { return nil }

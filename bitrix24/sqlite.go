package bitrix24

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync"
	"time"

	_ "modernc.org/sqlite" // the "sqlite" database/sql driver, pure Go
)

// SQLiteStore is the default Store: one SQLite file (through
// modernc.org/sqlite, pure Go, no server, no cgo). The file holds the
// portals' OAuth tokens: it is created readable by its owner only.
//
// Claims of event tokens, one write per robot call, are committed in
// groups: concurrent claims wait for one transaction that holds them all,
// so a burst of calls costs one commit, not one each.
type SQLiteStore struct {
	db     *sql.DB
	claims chan *claim
	done   chan struct{}
	close  sync.Once
}

type claim struct {
	member, token string
	at            int64
	first         bool
	err           error
	ready         chan struct{}
}

// maxGroup caps the claims committed in one transaction.
const maxGroup = 512

const schema = `
CREATE TABLE IF NOT EXISTS portals (
	member_id         TEXT PRIMARY KEY,
	domain            TEXT NOT NULL,
	client_endpoint   TEXT NOT NULL,
	access_token      TEXT NOT NULL,
	refresh_token     TEXT NOT NULL,
	expires           INTEGER NOT NULL,
	application_token TEXT NOT NULL,
	installed_at      INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
	member_id   TEXT NOT NULL,
	event_token TEXT NOT NULL,
	at          INTEGER NOT NULL,
	PRIMARY KEY (member_id, event_token)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS events_at ON events (at);
`

// OpenSQLite opens (creating it if needed) the SQLite store in the file at
// path, in WAL mode.
func OpenSQLite(path string) (*SQLiteStore, error) {
	if path == "" {
		return nil, errors.New("bitrix24: no database file given")
	}
	// Create the file ourselves so that it is 0600 from the start.
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("bitrix24: %w", err)
	}
	f.Close()
	q := url.Values{"_pragma": {"busy_timeout(5000)", "journal_mode(WAL)", "synchronous(NORMAL)", "foreign_keys(ON)"}}
	if strings.ContainsAny(path, "?#") {
		return nil, fmt.Errorf("bitrix24: database file %q: the name may not hold '?' or '#'", path)
	}
	db, err := sql.Open("sqlite", path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("bitrix24: %s: %w", path, err)
	}
	// One connection: SQLite serializes writers anyway, and the portals
	// are cached by App, so reads are rare.
	db.SetMaxOpenConns(1)
	if _, err := db.Exec(schema); err != nil {
		db.Close()
		return nil, fmt.Errorf("bitrix24: %s: %w", path, err)
	}
	s := &SQLiteStore{db: db, claims: make(chan *claim), done: make(chan struct{})}
	go s.claimer()
	return s, nil
}

// claimer commits the claims that arrive, in groups.
func (s *SQLiteStore) claimer() {
	group := make([]*claim, 0, maxGroup)
	for {
		select {
		case <-s.done:
			return
		case c := <-s.claims:
			group = append(group[:0], c)
		}
	collect:
		for len(group) < maxGroup {
			select {
			case c := <-s.claims:
				group = append(group, c)
			default:
				break collect
			}
		}
		err := s.commitClaims(group)
		for _, c := range group {
			if err != nil {
				c.err = err
			}
			close(c.ready)
		}
	}
}

func (s *SQLiteStore) commitClaims(group []*claim) error {
	tx, err := s.db.Begin()
	if err != nil {
		return fmt.Errorf("bitrix24: store: %w", err)
	}
	defer tx.Rollback()
	stmt, err := tx.Prepare(`INSERT OR IGNORE INTO events (member_id, event_token, at) VALUES (?, ?, ?)`)
	if err != nil {
		return fmt.Errorf("bitrix24: store: %w", err)
	}
	defer stmt.Close()
	for _, c := range group {
		res, err := stmt.Exec(c.member, c.token, c.at)
		if err != nil {
			return fmt.Errorf("bitrix24: store: %w", err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return fmt.Errorf("bitrix24: store: %w", err)
		}
		c.first = n == 1
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("bitrix24: store: %w", err)
	}
	return nil
}

// Portal implements Store.
func (s *SQLiteStore) Portal(ctx context.Context, memberID string) (*Portal, error) {
	p := &Portal{MemberID: memberID}
	err := s.db.QueryRowContext(ctx, `SELECT domain, client_endpoint, access_token, refresh_token, expires, application_token, installed_at
		FROM portals WHERE member_id = ?`, memberID).
		Scan(&p.Domain, &p.ClientEndpoint, &p.AccessToken, &p.RefreshToken, &p.Expires, &p.ApplicationToken, &p.InstalledAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNoPortal
	}
	if err != nil {
		return nil, fmt.Errorf("bitrix24: store: %w", err)
	}
	return p, nil
}

// SavePortal implements Store.
func (s *SQLiteStore) SavePortal(ctx context.Context, p *Portal) error {
	_, err := s.db.ExecContext(ctx, `INSERT OR REPLACE INTO portals
		(member_id, domain, client_endpoint, access_token, refresh_token, expires, application_token, installed_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		p.MemberID, p.Domain, p.ClientEndpoint, p.AccessToken, p.RefreshToken, p.Expires, p.ApplicationToken, p.InstalledAt)
	if err != nil {
		return fmt.Errorf("bitrix24: store: %w", err)
	}
	return nil
}

// MemberIDs implements Store.
func (s *SQLiteStore) MemberIDs(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT member_id FROM portals ORDER BY member_id`)
	if err != nil {
		return nil, fmt.Errorf("bitrix24: store: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("bitrix24: store: %w", err)
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// DeletePortal implements Store.
func (s *SQLiteStore) DeletePortal(ctx context.Context, memberID string) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("bitrix24: store: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `DELETE FROM portals WHERE member_id = ?`, memberID); err != nil {
		return fmt.Errorf("bitrix24: store: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM events WHERE member_id = ?`, memberID); err != nil {
		return fmt.Errorf("bitrix24: store: %w", err)
	}
	return tx.Commit()
}

// ClaimEvent implements Store.
func (s *SQLiteStore) ClaimEvent(ctx context.Context, memberID, eventToken string, now time.Time) (bool, error) {
	c := &claim{member: memberID, token: eventToken, at: now.Unix(), ready: make(chan struct{})}
	select {
	case s.claims <- c:
	case <-s.done:
		return false, errors.New("bitrix24: store: closed")
	case <-ctx.Done():
		return false, ctx.Err()
	}
	// Once taken, the claim is committed or failed: wait for it even if
	// ctx ends, so that the answer matches what the database holds.
	<-c.ready
	return c.first, c.err
}

// ReleaseEvent implements Store.
func (s *SQLiteStore) ReleaseEvent(ctx context.Context, memberID, eventToken string) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM events WHERE member_id = ? AND event_token = ?`, memberID, eventToken)
	if err != nil {
		return fmt.Errorf("bitrix24: store: %w", err)
	}
	return nil
}

// PruneEvents implements Store.
func (s *SQLiteStore) PruneEvents(ctx context.Context, before time.Time) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM events WHERE at < ?`, before.Unix())
	if err != nil {
		return fmt.Errorf("bitrix24: store: %w", err)
	}
	return nil
}

// Close implements Store.
func (s *SQLiteStore) Close() error {
	s.close.Do(func() { close(s.done) })
	return s.db.Close()
}

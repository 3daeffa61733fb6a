package slack

import (
	"sync"
	"time"
)

// seen remembers keys (request signatures, event IDs) for a while so that
// replays and Slack's retries are answered once. It is bounded: when full,
// the oldest entry goes, because an attacker must not be able to grow our
// memory by sending distinct keys.
type seen struct {
	mu    sync.Mutex
	ttl   time.Duration
	limit int
	until map[string]time.Time
	order []seenEntry // insertion order; expiries are non-decreasing for a monotone clock
}

type seenEntry struct {
	key   string
	until time.Time
}

func newSeen(ttl time.Duration, limit int) *seen {
	return &seen{ttl: ttl, limit: limit, until: make(map[string]time.Time)}
}

// firstTime records key and reports whether it was new (or had expired).
func (s *seen) firstTime(key string, now time.Time) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	// Drop what has expired, then look, and only when inserting make room.
	for len(s.order) > 0 && !now.Before(s.order[0].until) {
		s.dropOldest()
	}
	if u, ok := s.until[key]; ok && now.Before(u) {
		return false
	}
	for len(s.order) > 0 && len(s.order) >= s.limit {
		s.dropOldest()
	}
	u := now.Add(s.ttl)
	s.until[key] = u
	s.order = append(s.order, seenEntry{key, u})
	return true
}

func (s *seen) dropOldest() {
	e := s.order[0]
	s.order[0] = seenEntry{}
	s.order = s.order[1:]
	// The map may hold a newer expiry for the same key; keep that one.
	if u, ok := s.until[e.key]; ok && u.Equal(e.until) {
		delete(s.until, e.key)
	}
}

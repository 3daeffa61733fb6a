package state

import (
	"context"
	"sync"
	"time"
)

// MemoryOptions size a Memory. Zero values mean the defaults.
type MemoryOptions struct {
	// MaxSeen bounds the keys FirstTime remembers; when full the oldest
	// goes, so that distinct keys cannot grow our memory. Default 81920,
	// what Slack's replay cache and event IDs were allowed before they
	// shared one store.
	MaxSeen int
	// MaxBuckets bounds the token buckets; when full, the longest idle
	// go, which only ever forgives. Default 100000, about 10 MB.
	MaxBuckets int
	// MaxValues bounds the values Set keeps; when full, expired values go,
	// then the ones set earliest. Default 100000.
	MaxValues int
	// Now replaces time.Now, for tests.
	Now func() time.Time
}

// Memory is a Store in this process: the default, and what a Failover
// uses while Redis is away.
type Memory struct {
	now func() time.Time

	seenMu sync.Mutex
	seen   expiring[struct{}]

	valMu  sync.Mutex
	values expiring[[]byte]

	bucketMu sync.Mutex
	buckets  buckets
}

var _ Store = (*Memory)(nil)

// NewMemory returns an empty in-process store.
func NewMemory(o MemoryOptions) *Memory {
	if o.MaxSeen <= 0 {
		o.MaxSeen = 1<<16 + 1<<14
	}
	if o.MaxBuckets <= 0 {
		o.MaxBuckets = 100000
	}
	if o.MaxValues <= 0 {
		o.MaxValues = 100000
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return &Memory{
		now:     o.Now,
		seen:    newExpiring[struct{}](o.MaxSeen),
		values:  newExpiring[[]byte](o.MaxValues),
		buckets: buckets{max: o.MaxBuckets, m: map[string]*bucket{}},
	}
}

// FirstTime implements Store.
func (m *Memory) FirstTime(_ context.Context, key string, ttl time.Duration) (bool, error) {
	now := m.now()
	m.seenMu.Lock()
	defer m.seenMu.Unlock()
	if _, ok := m.seen.get(key, now); ok {
		return false, nil
	}
	m.seen.put(key, struct{}{}, now, now.Add(ttl))
	return true, nil
}

// Get implements Store. The value returned is a copy.
func (m *Memory) Get(_ context.Context, key string) ([]byte, bool, error) {
	now := m.now()
	m.valMu.Lock()
	defer m.valMu.Unlock()
	v, ok := m.values.get(key, now)
	if !ok {
		return nil, false, nil
	}
	return append([]byte(nil), v...), true, nil
}

// Set implements Store. It keeps a copy of value.
func (m *Memory) Set(_ context.Context, key string, value []byte, ttl time.Duration) error {
	now := m.now()
	m.valMu.Lock()
	defer m.valMu.Unlock()
	m.values.put(key, append([]byte(nil), value...), now, now.Add(ttl))
	return nil
}

// Take implements Store.
func (m *Memory) Take(_ context.Context, bs ...Bucket) (bool, error) {
	now := m.now()
	m.bucketMu.Lock()
	defer m.bucketMu.Unlock()
	return m.buckets.take(now, bs), nil
}

// Buckets reports how many token buckets are kept, for tests and metrics.
func (m *Memory) Buckets() int {
	m.bucketMu.Lock()
	defer m.bucketMu.Unlock()
	return len(m.buckets.m)
}

// expiring is a bounded map of values with expiries. When full, the entry
// inserted earliest goes: an attacker must not be able to grow our memory
// by sending distinct keys.
type expiring[V any] struct {
	limit int
	m     map[string]expEntry[V]
	order []orderEntry // insertion order
}

type expEntry[V any] struct {
	v     V
	until time.Time
}

type orderEntry struct {
	key   string
	until time.Time
}

func newExpiring[V any](limit int) expiring[V] {
	return expiring[V]{limit: limit, m: map[string]expEntry[V]{}}
}

func (e *expiring[V]) get(key string, now time.Time) (V, bool) {
	x, ok := e.m[key]
	if !ok || !now.Before(x.until) {
		var zero V
		return zero, false
	}
	return x.v, true
}

func (e *expiring[V]) put(key string, v V, now, until time.Time) {
	// Drop what has expired at the front; entries behind a longer-lived
	// one wait for it, but get never returns them.
	for len(e.order) > 0 && !now.Before(e.order[0].until) {
		e.dropOldest()
	}
	for len(e.order) > 0 && len(e.order) >= e.limit {
		e.dropOldest()
	}
	e.m[key] = expEntry[V]{v, until}
	e.order = append(e.order, orderEntry{key, until})
}

func (e *expiring[V]) dropOldest() {
	o := e.order[0]
	e.order[0] = orderEntry{}
	e.order = e.order[1:]
	// The map may hold a newer entry for the same key; keep that one.
	if x, ok := e.m[o.key]; ok && x.until.Equal(o.until) {
		delete(e.m, o.key)
	}
}

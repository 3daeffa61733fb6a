package bot

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/storybot/storybot/state"
)

// StoreMemory is a Memory kept in a state.Store, so that replicas sharing
// one (Redis) continue each other's conversations: a conversation's last
// MaxTurns turns are one JSON value under "conv:"+key, set with the
// time-to-live as its expiry, so an idle conversation is forgotten by the
// store itself. Behind a state.Failover, conversations go on from the
// process's memory while Redis is away (a follow-up reaching another
// replica then starts afresh). The store bounds how many it holds: Redis
// by its own memory policy, state.Memory by MaxValues.
type StoreMemory struct {
	store state.Store
	ttl   time.Duration
}

var _ Memory = (*StoreMemory)(nil)

// NewStoreMemory returns a StoreMemory over store; ttl <= 0 means
// DefaultConversationTTL.
func NewStoreMemory(store state.Store, ttl time.Duration) *StoreMemory {
	if ttl <= 0 {
		ttl = DefaultConversationTTL
	}
	return &StoreMemory{store: store, ttl: ttl}
}

// storeKey is key's name in the store.
func storeKey(key string) string { return "conv:" + key }

// Load returns key's turns, none when the store holds none. A value that
// is not turns (written by something else) is an error.
func (m *StoreMemory) Load(ctx context.Context, key string) ([]Turn, error) {
	b, ok, err := m.store.Get(ctx, storeKey(key))
	if err != nil || !ok {
		return nil, err
	}
	var turns []Turn
	if err := json.Unmarshal(b, &turns); err != nil {
		return nil, fmt.Errorf("conversation memory: %w", err)
	}
	return turns, nil
}

// Save stores the last MaxTurns of turns under key, to expire after the
// time-to-live: each turn restarts it.
func (m *StoreMemory) Save(ctx context.Context, key string, turns []Turn) error {
	if len(turns) > MaxTurns {
		turns = turns[len(turns)-MaxTurns:]
	}
	b, err := json.Marshal(turns)
	if err != nil {
		return err
	}
	return m.store.Set(ctx, storeKey(key), b, m.ttl)
}

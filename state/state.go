// Package state is what replicas of storybot must share to act as one bot:
// keys seen once (Slack retries, replayed requests), rate-limit token
// buckets, and small values with an expiry (conversation memory). Memory
// keeps it in the process, the default; Redis keeps it in a Redis server;
// Failover uses Redis while it answers and Memory while it does not.
//
// Callers name keys without a prefix, each with its own first part
// ("slack:event:…", "u:slack:U1"); a Redis store namespaces them. No caller
// needs to know which store runs. Conversation memory (follow-up
// questions) belongs in Get and Set, a conversation's turns encoded under
// one key with the memory's time-to-live, which on Redis is its expiry.
package state

import (
	"context"
	"time"
)

// Store is the state replicas share. Implementations are safe for
// concurrent use. An error means the store could not be asked; callers
// should then act as if the store were empty (answering twice is better
// than not answering), and a Failover does that for them.
type Store interface {
	// FirstTime records key for ttl and reports whether it was absent
	// (or had expired): SET key 1 NX EX ttl.
	FirstTime(ctx context.Context, key string, ttl time.Duration) (bool, error)
	// Take takes one token from every bucket, only if each has one; a
	// refusal spends nothing. Buckets start full.
	Take(ctx context.Context, buckets ...Bucket) (bool, error)
	// Get returns the value stored under key, and whether there was one.
	Get(ctx context.Context, key string) ([]byte, bool, error)
	// Set stores value under key for ttl.
	Set(ctx context.Context, key string, value []byte, ttl time.Duration) error
}

// Bucket is one token bucket: Burst tokens at most, refilled at PerSecond.
type Bucket struct {
	Key       string
	PerSecond float64
	Burst     int
}

// fullAfter is how long an empty bucket takes to refill completely, so how
// long an idle bucket is worth keeping.
func (b Bucket) fullAfter() time.Duration {
	if b.PerSecond <= 0 {
		return 24 * time.Hour
	}
	return time.Duration(float64(b.Burst) / b.PerSecond * float64(time.Second))
}

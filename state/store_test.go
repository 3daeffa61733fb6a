package state_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/storybot/storybot/state"
	"github.com/storybot/storybot/state/statetest"
)

// stores returns two handles on one store, as two replicas would have: the
// same Memory twice, or two clients of one Redis.
func stores(t *testing.T) map[string][2]state.Store {
	t.Helper()
	m := state.NewMemory(state.MemoryOptions{})
	srv := statetest.Start(t)
	a, b := newRedis(t, srv.URL(), "bot1:"), newRedis(t, srv.URL(), "bot1:")
	return map[string][2]state.Store{"memory": {m, m}, "redis": {a, b}}
}

func newRedis(t *testing.T, url, prefix string) *state.Redis {
	t.Helper()
	r, err := state.NewRedis(state.RedisOptions{URL: url, Prefix: prefix})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = r.Close() })
	return r
}

func TestStoresShareWhatTheyPromise(t *testing.T) {
	ctx := context.Background()
	for name, s := range stores(t) {
		t.Run(name, func(t *testing.T) {
			a, b := s[0], s[1]
			if ok, err := a.FirstTime(ctx, "ev1", time.Minute); !ok || err != nil {
				t.Fatalf("first FirstTime = %v, %v", ok, err)
			}
			if ok, err := b.FirstTime(ctx, "ev1", time.Minute); ok || err != nil {
				t.Errorf("second FirstTime, other handle = %v, %v; want false", ok, err)
			}
			// Burst 3, no refill to speak of: three takes over both
			// handles, then refusals on both.
			bk := state.Bucket{Key: "u:slack:U1", PerSecond: 0.001, Burst: 3}
			for i, s := range []state.Store{a, b, a} {
				if ok, err := s.Take(ctx, bk); !ok || err != nil {
					t.Fatalf("take %d = %v, %v", i, ok, err)
				}
			}
			for i, s := range []state.Store{a, b} {
				if ok, _ := s.Take(ctx, bk); ok {
					t.Errorf("take past the burst on handle %d allowed", i)
				}
			}
			// A refusal by one bucket spends nothing of the other.
			other := state.Bucket{Key: "c:slack:C1", PerSecond: 0.001, Burst: 1}
			if ok, _ := b.Take(ctx, other, bk); ok {
				t.Errorf("took although one bucket was empty")
			}
			if ok, _ := a.Take(ctx, other); !ok {
				t.Errorf("the refused take spent the other bucket's token")
			}
			if err := a.Set(ctx, "conv:1", []byte("turns"), time.Minute); err != nil {
				t.Fatal(err)
			}
			if v, ok, err := b.Get(ctx, "conv:1"); string(v) != "turns" || !ok || err != nil {
				t.Errorf("Get = %q, %v, %v", v, ok, err)
			}
			if _, ok, err := b.Get(ctx, "conv:none"); ok || err != nil {
				t.Errorf("Get of a missing key = %v, %v", ok, err)
			}
		})
	}
}

func TestRedisBucketsRefillAndExpire(t *testing.T) {
	srv := statetest.Start(t)
	r := newRedis(t, srv.URL(), "")
	ctx := context.Background()
	bk := state.Bucket{Key: "fast", PerSecond: 20, Burst: 1}
	if ok, _ := r.Take(ctx, bk); !ok {
		t.Fatal("first take refused")
	}
	if ok, _ := r.Take(ctx, bk); ok {
		t.Fatal("second take at once allowed")
	}
	// 20 a second: a token is back within 50ms; allow generous slack.
	deadline := time.Now().Add(5 * time.Second)
	for {
		if ok, _ := r.Take(ctx, bk); ok {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("bucket never refilled")
		}
		time.Sleep(10 * time.Millisecond)
	}
	if ok, _ := r.FirstTime(ctx, "short", 50*time.Millisecond); !ok {
		t.Fatal("first FirstTime false")
	}
	time.Sleep(200 * time.Millisecond)
	if ok, _ := r.FirstTime(ctx, "short", time.Minute); !ok {
		t.Error("key did not expire after its TTL")
	}
}

func TestRedisPrefixesKeepBotsApart(t *testing.T) {
	srv := statetest.Start(t)
	a, b := newRedis(t, srv.URL(), "one:"), newRedis(t, srv.URL(), "two:")
	ctx := context.Background()
	_, _ = a.FirstTime(ctx, "ev", time.Minute)
	if ok, _ := b.FirstTime(ctx, "ev", time.Minute); !ok {
		t.Error("another prefix saw the first bot's key")
	}
}

func TestRedisRefusesPasswordInURL(t *testing.T) {
	_, err := state.NewRedis(state.RedisOptions{URL: "redis://:hunter2@127.0.0.1:6379/0"})
	if err == nil {
		t.Fatal("a password in the URL was accepted")
	}
	if got := err.Error(); strings.Contains(got, "hunter2") {
		t.Errorf("error quotes the password: %s", got)
	}
}

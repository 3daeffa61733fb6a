package state_test

import (
	"bytes"
	"context"
	"log/slog"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/storybot/storybot/state"
	"github.com/storybot/storybot/state/statetest"
)

type syncBuf struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuf) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuf) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestFailoverKeepsAnsweringAndComesBack(t *testing.T) {
	srv := statetest.Start(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var logs syncBuf
	var failures atomic.Int64
	mk := func() *state.Failover {
		r := newRedis(t, srv.URL(), "")
		return state.NewFailover(r, state.NewMemory(state.MemoryOptions{}), state.FailoverOptions{
			Log:        slog.New(slog.NewTextHandler(&logs, nil)),
			Failed:     func() { failures.Add(1) },
			MinBackoff: 10 * time.Millisecond, MaxBackoff: 50 * time.Millisecond,
		})
	}
	a, b := mk(), mk()
	go a.Run(ctx)
	go b.Run(ctx)
	if ok, _ := a.FirstTime(ctx, "e1", time.Minute); !ok {
		t.Fatal("first FirstTime false")
	}
	if ok, _ := b.FirstTime(ctx, "e1", time.Minute); ok {
		t.Fatal("replicas do not share while Redis is up")
	}

	srv.Stop()
	for i := range 50 {
		if ok, err := a.FirstTime(ctx, "down"+strconv.Itoa(i), time.Minute); !ok || err != nil {
			t.Fatalf("FirstTime while Redis is down = %v, %v; want the local answer", ok, err)
		}
	}
	if !a.Degraded() || a.Status() != "degraded" {
		t.Errorf("Status %q while Redis is down", a.Status())
	}
	if failures.Load() == 0 {
		t.Error("no failure counted")
	}
	if n := strings.Count(logs.String(), "redis unreachable"); n > 2 {
		t.Errorf("logged the outage %d times for two stores; want once each", n)
	}

	srv.Restart()
	waitFor(t, "both stores to reconnect", func() bool { return !a.Degraded() && !b.Degraded() })
	if ok, _ := a.FirstTime(ctx, "e2", time.Minute); !ok {
		t.Fatal("first FirstTime after the restart false")
	}
	if ok, _ := b.FirstTime(ctx, "e2", time.Minute); ok {
		t.Error("state is not shared again after Redis came back")
	}
	if !strings.Contains(logs.String(), "redis reachable again") {
		t.Error("the return was not logged")
	}
}

func TestFailoverStartsDegradedWithoutRedis(t *testing.T) {
	r, err := state.NewRedis(state.RedisOptions{URL: "redis://127.0.0.1:1/0", Timeout: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	f := state.NewFailover(r, state.NewMemory(state.MemoryOptions{}), state.FailoverOptions{MinBackoff: time.Hour})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go f.Run(ctx)
	waitFor(t, "the first probe to fail", f.Degraded)
	if ok, err := f.Take(ctx, state.Bucket{Key: "u", PerSecond: 1, Burst: 1}); !ok || err != nil {
		t.Errorf("Take while degraded = %v, %v", ok, err)
	}
}

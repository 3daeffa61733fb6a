package state

import (
	"context"
	"strconv"
	"testing"
	"time"
)

// clock is a settable time for tests.
type clock struct{ t time.Time }

func (c *clock) Now() time.Time { return c.t }

func TestMemoryFirstTimeExpiresAndStaysBounded(t *testing.T) {
	t.Parallel()
	c := &clock{time.Unix(1_800_000_000, 0)}
	t0 := c.t
	m := NewMemory(MemoryOptions{MaxSeen: 3, Now: c.Now})
	steps := []struct {
		key  string
		at   time.Duration
		want bool
	}{
		{"a", 0, true},
		{"a", 30 * time.Second, false}, // within the TTL: a duplicate
		{"a", time.Minute, true},       // expired: new again
		{"b", time.Minute, true},       // a, b
		{"c", time.Minute, true},       // a, b, c (full)
		{"d", time.Minute, true},       // evicts a, the oldest
		{"a", time.Minute, true},       // so a is new again (evicts b)
		{"c", time.Minute, false},      // c survived
		{"d", time.Minute + time.Second, false},
	}
	for i, st := range steps {
		c.t = t0.Add(st.at)
		if got, _ := m.FirstTime(context.Background(), st.key, time.Minute); got != st.want {
			t.Errorf("step %d: FirstTime(%q, +%v) = %v, want %v", i, st.key, st.at, got, st.want)
		}
		if n := len(m.seen.m); n > 3 {
			t.Errorf("step %d: %d entries, limit 3", i, n)
		}
	}
}

func TestMemoryBucketsAreSweptAndBounded(t *testing.T) {
	t.Parallel()
	c := &clock{time.Unix(1_800_000_000, 0)}
	m := NewMemory(MemoryOptions{MaxBuckets: 100, Now: c.Now})
	ctx := context.Background()
	peak := 0
	for i := range 1000 {
		c.t = c.t.Add(time.Millisecond)
		if ok, _ := m.Take(ctx, Bucket{Key: "u" + strconv.Itoa(i), PerSecond: 1, Burst: 2}); !ok {
			t.Fatalf("a fresh bucket refused")
		}
		peak = max(peak, m.Buckets())
	}
	if peak > 100 {
		t.Errorf("kept %d buckets, bound 100", peak)
	}
	c.t = c.t.Add(time.Hour)
	_, _ = m.Take(ctx, Bucket{Key: "x", PerSecond: 1, Burst: 2})
	if n := m.Buckets(); n != 1 {
		t.Errorf("after an hour idle %d buckets kept, want only the new one", n)
	}
}

func TestMemoryValuesAreCopies(t *testing.T) {
	t.Parallel()
	m := NewMemory(MemoryOptions{})
	ctx := context.Background()
	v := []byte("abc")
	_ = m.Set(ctx, "k", v, time.Minute)
	v[0] = 'X'
	got, _, _ := m.Get(ctx, "k")
	got[1] = 'Y'
	again, _, _ := m.Get(ctx, "k")
	if string(again) != "abc" {
		t.Errorf("stored value changed through a caller's slice: %q", again)
	}
}

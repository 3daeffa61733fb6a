package retry

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"
)

// fakeClock advances only when the policy sleeps.
type fakeClock struct {
	now   time.Time
	slept []time.Duration
}

func (c *fakeClock) policy(attempts int) Policy {
	return Policy{
		Attempts: attempts,
		Base:     100 * time.Millisecond,
		Max:      time.Second,
		Now:      func() time.Time { return c.now },
		Sleep: func(ctx context.Context, d time.Duration) bool {
			c.slept = append(c.slept, d)
			c.now = c.now.Add(d)
			return ctx.Err() == nil
		},
		Jitter: func(n int64) int64 { return n - 1 }, // the longest wait
	}
}

var errTransient = errors.New("503")

func transient(error) Verdict { return Verdict{Retry: true, Reason: ServerError} }

func TestDoRetriesWithBackoffUntilSuccess(t *testing.T) {
	c := &fakeClock{now: time.Unix(1e9, 0)}
	calls := 0
	err := Do(context.Background(), c.policy(5), func(context.Context) error {
		calls++
		if calls < 4 {
			return errTransient
		}
		return nil
	}, transient)
	if err != nil || calls != 4 {
		t.Fatalf("err %v after %d calls, want success on the 4th", err, calls)
	}
	want := []time.Duration{100 * time.Millisecond, 200 * time.Millisecond, 400 * time.Millisecond}
	if len(c.slept) != len(want) {
		t.Fatalf("slept %v, want %v", c.slept, want)
	}
	for i := range want {
		if c.slept[i] != want[i] {
			t.Errorf("wait %d: %v, want %v", i, c.slept[i], want[i])
		}
	}
}

func TestDoHonoursRetryAfterAndGivesUp(t *testing.T) {
	c := &fakeClock{now: time.Unix(1e9, 0)}
	calls := 0
	err := Do(context.Background(), c.policy(3), func(context.Context) error { calls++; return errTransient },
		func(error) Verdict { return Verdict{Retry: true, After: 3 * time.Second, Reason: RateLimited} })
	if calls != 3 || ReasonOf(err) != RateLimited || !errors.Is(err, errTransient) {
		t.Fatalf("calls %d, err %v; want 3 calls and a rate_limited error wrapping the last", calls, err)
	}
	for _, d := range c.slept {
		if d != 3*time.Second {
			t.Errorf("waited %v, want Retry-After's 3s", d)
		}
	}
}

func TestDoStopsBeforeTheDeadline(t *testing.T) {
	// The context's deadline is real; the fake clock starts at real now
	// and only moves when the policy sleeps.
	c := &fakeClock{now: time.Now()}
	ctx, cancel := context.WithDeadline(context.Background(), c.now.Add(5*time.Second))
	defer cancel()
	calls := 0
	err := Do(ctx, c.policy(10), func(context.Context) error { calls++; return errTransient },
		func(error) Verdict { return Verdict{Retry: true, After: 2 * time.Second, Reason: RateLimited} })
	// Waits of 2s at 0 and 2s fit; the third would end at 6s > 5s.
	if calls != 3 || ReasonOf(err) != RateLimited {
		t.Fatalf("calls %d, err %v; want 3 calls, then rate_limited", calls, err)
	}
}

func TestDoDoesNotRetryPermanentErrors(t *testing.T) {
	c := &fakeClock{now: time.Unix(1e9, 0)}
	calls := 0
	err := Do(context.Background(), c.policy(5), func(context.Context) error { calls++; return errors.New("channel_not_found") },
		func(error) Verdict { return Verdict{Reason: Rejected} })
	if calls != 1 || ReasonOf(err) != Rejected || len(c.slept) != 0 {
		t.Fatalf("calls %d, slept %v, err %v; want one call and rejected", calls, c.slept, err)
	}
}

func TestDoStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	calls := 0
	err := Do(ctx, Policy{Attempts: 5}, func(context.Context) error { calls++; cancel(); return errTransient }, transient)
	if calls != 1 || ReasonOf(err) != Cancelled {
		t.Fatalf("calls %d, err %v; want one call and cancelled", calls, err)
	}
}

func TestBackoffIsCapped(t *testing.T) {
	p := Policy{Base: time.Second, Max: 5 * time.Second}
	for n, want := range map[int]time.Duration{1: time.Second, 2: 2 * time.Second, 3: 4 * time.Second, 4: 5 * time.Second, 60: 5 * time.Second} {
		if got := p.Backoff(n); got != want {
			t.Errorf("Backoff(%d) = %v, want %v", n, got, want)
		}
	}
}

// timeoutErr is a net.Error that timed out.
type timeoutErr struct{}

func (timeoutErr) Error() string   { return "i/o timeout" }
func (timeoutErr) Timeout() bool   { return true }
func (timeoutErr) Temporary() bool { return true }

func TestUnanswered(t *testing.T) {
	for _, c := range []struct {
		err  error
		want string
	}{
		{context.DeadlineExceeded, Timeout},
		{fmt.Errorf("post: %w", timeoutErr{}), Timeout},
		{errors.New("connection reset by peer"), ServerError},
	} {
		if v := Unanswered(c.err); !v.Retry || v.Reason != c.want || v.After != 0 {
			t.Errorf("Unanswered(%v) = %+v, want a retry for %s", c.err, v, c.want)
		}
	}
}

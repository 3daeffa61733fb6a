// Package retry runs an outbound call again after transient failures
// (rate limits, server errors, timeouts), with exponential back-off and
// jitter, a bounded number of attempts, and never past the context's
// deadline. The adapters share it for sending replies.
package retry

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net"
	"time"
)

// Reasons a call failed, as counted in storybot_replies_failed_total.
const (
	RateLimited = "rate_limited" // 429 (or Slack's ratelimited)
	ServerError = "server_error" // 5xx or a transient API error
	Timeout     = "timeout"      // the attempt timed out or the connection failed
	BadResponse = "bad_response" // the reply could not be parsed
	Rejected    = "rejected"     // a permanent refusal: retrying cannot help
	Cancelled   = "cancelled"    // the caller's context ended (shutdown)
)

// Verdict is what a caller's classifier says about one failed attempt.
type Verdict struct {
	Retry  bool
	After  time.Duration // the wait the server asked for (Retry-After), if any
	Reason string        // one of the reasons above
}

// Policy bounds the retries. Zero fields take the defaults.
type Policy struct {
	// Attempts is the most calls made in all; default 4.
	Attempts int
	// Base is the back-off before the second attempt, doubling after
	// each (default 250ms), and Max caps it (default 4s). The wait is
	// drawn between half and all of it, so that many clients that failed
	// together do not retry together.
	Base, Max time.Duration
	// Now and Sleep replace the clock in tests; Sleep reports false if ctx
	// ended first.
	Now   func() time.Time
	Sleep func(ctx context.Context, d time.Duration) bool
	// Jitter returns a number in [0, n); default math/rand/v2.
	Jitter func(n int64) int64
}

func (p Policy) withDefaults() Policy {
	if p.Attempts <= 0 {
		p.Attempts = 4
	}
	if p.Base <= 0 {
		p.Base = 250 * time.Millisecond
	}
	if p.Max <= 0 {
		p.Max = 4 * time.Second
	}
	if p.Now == nil {
		p.Now = time.Now
	}
	if p.Sleep == nil {
		p.Sleep = Sleep
	}
	if p.Jitter == nil {
		p.Jitter = rand.Int64N
	}
	return p
}

// Sleep waits d, or less if ctx ends first (then it returns false).
func Sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// Unanswered classifies an error from a call that got no reply to read:
// the context's deadline or a network timeout is a Timeout; anything else
// (connection refused or reset, EOF) a ServerError, since the request most
// likely never arrived. Both are worth another attempt.
func Unanswered(err error) Verdict {
	if errors.Is(err, context.DeadlineExceeded) {
		return Verdict{Retry: true, Reason: Timeout}
	}
	if ne, ok := errors.AsType[net.Error](err); ok && ne.Timeout() {
		return Verdict{Retry: true, Reason: Timeout}
	}
	return Verdict{Retry: true, Reason: ServerError}
}

// Error is a call that failed for good: Reason says why, for metrics.
type Error struct {
	Reason   string
	Attempts int
	Err      error // the last attempt's error
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s after %d attempt(s): %v", e.Reason, e.Attempts, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// ReasonOf is err's failure reason, or "" if it is not an *Error.
func ReasonOf(err error) string {
	if e, ok := errors.AsType[*Error](err); ok {
		return e.Reason
	}
	return ""
}

// Backoff is the wait before attempt n+1 (n ≥ 1) without jitter.
func (p Policy) Backoff(n int) time.Duration {
	p = p.withDefaults()
	d := p.Base
	for i := 1; i < n && d < p.Max; i++ {
		d *= 2
	}
	return min(d, p.Max)
}

// Do calls call until it succeeds, classify says an error is permanent,
// Attempts run out, or the next wait would end past ctx's deadline. The
// error, if any, is an *Error.
func Do(ctx context.Context, p Policy, call func(ctx context.Context) error, classify func(error) Verdict) error {
	p = p.withDefaults()
	for n := 1; ; n++ {
		err := call(ctx)
		if err == nil {
			return nil
		}
		if ctx.Err() != nil {
			return &Error{Reason: Cancelled, Attempts: n, Err: err}
		}
		v := classify(err)
		if v.Reason == "" {
			v.Reason = ServerError
		}
		if !v.Retry || n >= p.Attempts {
			return &Error{Reason: v.Reason, Attempts: n, Err: err}
		}
		d := p.Backoff(n)
		wait := d/2 + time.Duration(p.Jitter(int64(d/2)+1))
		wait = max(wait, v.After)
		if dl, ok := ctx.Deadline(); ok && !p.Now().Add(wait).Before(dl) {
			return &Error{Reason: v.Reason, Attempts: n, Err: fmt.Errorf("next try in %v would be past the deadline: %w", wait, err)}
		}
		if !p.Sleep(ctx, wait) {
			return &Error{Reason: Cancelled, Attempts: n, Err: err}
		}
	}
}

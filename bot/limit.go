package bot

import (
	"context"
	"sync"
	"time"
)

// Replies to askers over a limit. They are polite and say what to do,
// because the asker is usually a person who typed too fast, not an attacker.
const (
	SlowDownText = "You're asking questions faster than I can keep up with. Please wait a little and ask again."
	BusyText     = "I'm answering a lot of questions right now. Please try again in a moment."
)

// LimitOptions configure Limit. Zero values mean the defaults, which a real
// workspace should never hit: they stop floods and loops, not people.
type LimitOptions struct {
	// UserPerMinute and UserBurst size each user's token bucket: a user may
	// ask UserBurst questions at once, then UserPerMinute a minute.
	// Defaults 30 and 10.
	UserPerMinute float64
	UserBurst     int
	// ChannelPerMinute and ChannelBurst do the same per channel, so that a
	// crowd (or a bot loop across accounts) cannot flood one channel.
	// Defaults 120 and 30.
	ChannelPerMinute float64
	ChannelBurst     int
	// MaxConcurrent bounds answers computed at once. Default 64.
	MaxConcurrent int
	// QueueWait is how long a question waits for a free slot before it
	// gets BusyText. Default 500ms: short enough to stay inside Slack's
	// 3-second reply window.
	QueueWait time.Duration
	// MaxKeys bounds the buckets kept (users plus channels). When full, the
	// buckets idle longest are dropped, which only ever forgives. Default
	// 100000, about 10 MB.
	MaxKeys int
	// Events receives Rejected(platform, "rate_limit") for a bucket refusal
	// and Rejected(platform, "busy") when no slot came free. Optional.
	Events Events
	// Now replaces time.Now, for tests.
	Now func() time.Time
}

func (o LimitOptions) withDefaults() LimitOptions {
	if o.UserPerMinute <= 0 {
		o.UserPerMinute = 30
	}
	if o.UserBurst <= 0 {
		o.UserBurst = 10
	}
	if o.ChannelPerMinute <= 0 {
		o.ChannelPerMinute = 120
	}
	if o.ChannelBurst <= 0 {
		o.ChannelBurst = 30
	}
	if o.MaxConcurrent <= 0 {
		o.MaxConcurrent = 64
	}
	if o.QueueWait <= 0 {
		o.QueueWait = 500 * time.Millisecond
	}
	if o.MaxKeys <= 0 {
		o.MaxKeys = 100000
	}
	if o.Events == nil {
		o.Events = NopEvents{}
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return o
}

// Limiter is an Answerer that refuses askers over their rate, and bounds
// how many answers are computed at once, before asking the next Answerer.
// It is safe for concurrent use.
type Limiter struct {
	next Answerer
	opt  LimitOptions
	sem  chan struct{}

	mu        sync.Mutex
	buckets   map[string]*bucket
	lastSweep time.Time
}

var _ Answerer = (*Limiter)(nil)

// Limit wraps next with per-user and per-channel token buckets, keyed by the
// Asker in the question's context, and a cap on concurrent answers.
// Questions without an Asker (the terminal, the CLI) skip the buckets but
// not the cap.
func Limit(next Answerer, opt LimitOptions) *Limiter {
	opt = opt.withDefaults()
	return &Limiter{
		next:    next,
		opt:     opt,
		sem:     make(chan struct{}, opt.MaxConcurrent),
		buckets: map[string]*bucket{},
	}
}

// bucket is a token bucket stored as its level at a moment: refilling is
// computed on use, so idle buckets cost nothing but memory.
type bucket struct {
	tokens float64
	at     time.Time
}

// level is the bucket's tokens at now, capped at burst.
func (b *bucket) level(now time.Time, perSec float64, burst int) float64 {
	return min(float64(burst), b.tokens+now.Sub(b.at).Seconds()*perSec)
}

// Answer answers q unless the asker is over a limit, in which case the
// reply has OutcomeLimited and asks them to slow down.
func (l *Limiter) Answer(ctx context.Context, q string) Reply {
	a, _ := AskerFrom(ctx)
	if !l.allow(a) {
		l.opt.Events.Rejected(a.Platform, "rate_limit")
		return Reply{Question: q, Outcome: OutcomeLimited, Text: SlowDownText}
	}
	select {
	case l.sem <- struct{}{}:
	default:
		// Full: wait briefly rather than refuse at once, since a burst
		// of microsecond answers usually drains within milliseconds.
		t := time.NewTimer(l.opt.QueueWait)
		select {
		case l.sem <- struct{}{}:
			t.Stop()
		case <-t.C:
			l.opt.Events.Rejected(a.Platform, "busy")
			return Reply{Question: q, Outcome: OutcomeLimited, Text: BusyText}
		case <-ctx.Done():
			t.Stop()
			return Reply{Question: q, Outcome: OutcomeRefused, Text: "The question was cancelled before it could be answered."}
		}
	}
	defer func() { <-l.sem }()
	return l.next.Answer(ctx, q)
}

// allow takes a token from the asker's user and channel buckets, only if
// both have one: a refusal must not also spend the other bucket's token.
func (l *Limiter) allow(a Asker) bool {
	var keys [2]string
	var rates [2]float64
	var bursts [2]int
	n := 0
	// The platform is part of the key: IDs are only unique per platform.
	if a.User != "" {
		keys[n], rates[n], bursts[n] = "u:"+a.Platform+":"+a.User, l.opt.UserPerMinute/60, l.opt.UserBurst
		n++
	}
	if a.Channel != "" {
		keys[n], rates[n], bursts[n] = "c:"+a.Platform+":"+a.Channel, l.opt.ChannelPerMinute/60, l.opt.ChannelBurst
		n++
	}
	if n == 0 {
		return true
	}
	now := l.opt.Now()
	l.mu.Lock()
	defer l.mu.Unlock()
	l.sweep(now)
	var bs [2]*bucket
	for i := range n {
		b := l.buckets[keys[i]]
		if b == nil {
			b = &bucket{tokens: float64(bursts[i]), at: now}
		}
		if b.level(now, rates[i], bursts[i]) < 1 {
			return false
		}
		bs[i] = b
	}
	for i := range n {
		b := bs[i]
		b.tokens = b.level(now, rates[i], bursts[i]) - 1
		b.at = now
		l.buckets[keys[i]] = b
	}
	return true
}

// sweep drops buckets that have refilled completely: a full bucket behaves
// exactly like a missing one, so dropping it forgets nothing. It runs at
// most once a minute, or at once when the map is at its bound, when it
// drops the longest-idle buckets even if not yet full.
func (l *Limiter) sweep(now time.Time) {
	full := len(l.buckets) >= l.opt.MaxKeys
	if !full && now.Sub(l.lastSweep) < time.Minute {
		return
	}
	l.lastSweep = now
	// The slowest refill is the longest any bucket needs to become full.
	refill := max(
		time.Duration(float64(l.opt.UserBurst)/(l.opt.UserPerMinute/60)*float64(time.Second)),
		time.Duration(float64(l.opt.ChannelBurst)/(l.opt.ChannelPerMinute/60)*float64(time.Second)))
	for k, b := range l.buckets {
		if now.Sub(b.at) >= refill {
			delete(l.buckets, k)
		}
	}
	if len(l.buckets) < l.opt.MaxKeys {
		return
	}
	// Still full: someone is making many keys quickly. Forget the quarter
	// idle longest; that can only let their owners ask a little sooner.
	cut := idleCutoff(l.buckets, len(l.buckets)/4)
	for k, b := range l.buckets {
		if !b.at.After(cut) {
			delete(l.buckets, k)
		}
	}
}

// idleCutoff returns a time at or after the n-th oldest bucket's last use,
// found by bisecting between the oldest and newest, so the sweep costs
// O(len·log) without sorting or allocating a copy.
func idleCutoff(m map[string]*bucket, n int) time.Time {
	var lo, hi time.Time
	for _, b := range m {
		if lo.IsZero() || b.at.Before(lo) {
			lo = b.at
		}
		if b.at.After(hi) {
			hi = b.at
		}
	}
	for range 32 {
		mid := lo.Add(hi.Sub(lo) / 2)
		c := 0
		for _, b := range m {
			if !b.at.After(mid) {
				c++
			}
		}
		if c >= n {
			hi = mid
		} else {
			lo = mid
		}
		if hi.Sub(lo) <= time.Millisecond {
			break
		}
	}
	return hi
}

// Len reports how many buckets are kept, for tests and metrics.
func (l *Limiter) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.buckets)
}

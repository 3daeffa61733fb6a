package bot

import (
	"context"
	"time"

	"github.com/storybot/storybot/state"
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
	// MaxKeys bounds the buckets kept in the process (users plus
	// channels) when State is not given. When full, the buckets idle
	// longest are dropped, which only ever forgives. Default 100000, about
	// 10 MB.
	MaxKeys int
	// Events receives Rejected(platform, "rate_limit") for a bucket refusal
	// and Rejected(platform, "busy") when no slot came free. Optional.
	Events Events
	// State keeps the buckets. Default: a state.Memory of MaxKeys buckets
	// in this process; a shared store (Redis) makes replicas enforce one
	// limit together.
	State state.Store
	// Now replaces time.Now, for tests of the default State.
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
	if o.State == nil {
		o.State = state.NewMemory(state.MemoryOptions{MaxBuckets: o.MaxKeys, Now: o.Now})
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
}

var _ Answerer = (*Limiter)(nil)

// Limit wraps next with per-user and per-channel token buckets, keyed by the
// Asker in the question's context, and a cap on concurrent answers.
// Questions without an Asker (the terminal, the CLI) skip the buckets but
// not the cap.
func Limit(next Answerer, opt LimitOptions) *Limiter {
	opt = opt.withDefaults()
	return &Limiter{
		next: next,
		opt:  opt,
		sem:  make(chan struct{}, opt.MaxConcurrent),
	}
}

// Answer answers q unless the asker is over a limit, in which case the
// reply has OutcomeLimited and asks them to slow down.
func (l *Limiter) Answer(ctx context.Context, q string) Reply {
	a, _ := AskerFrom(ctx)
	if !l.allow(ctx, a) {
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
// A store that cannot be asked lets the question through.
func (l *Limiter) allow(ctx context.Context, a Asker) bool {
	var arr [2]state.Bucket
	bs := arr[:0]
	// The platform is part of the key: IDs are only unique per platform.
	if a.User != "" {
		bs = append(bs, state.Bucket{Key: "u:" + a.Platform + ":" + a.User, PerSecond: l.opt.UserPerMinute / 60, Burst: l.opt.UserBurst})
	}
	if a.Channel != "" {
		bs = append(bs, state.Bucket{Key: "c:" + a.Platform + ":" + a.Channel, PerSecond: l.opt.ChannelPerMinute / 60, Burst: l.opt.ChannelBurst})
	}
	if len(bs) == 0 {
		return true
	}
	ok, err := l.opt.State.Take(ctx, bs...)
	return ok || err != nil
}

// Len reports how many buckets are kept in the process, for tests and
// metrics; 0 when they are kept elsewhere.
func (l *Limiter) Len() int {
	if m, ok := l.opt.State.(*state.Memory); ok {
		return m.Buckets()
	}
	return 0
}

package state

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"
)

// Remote is a shared Store that can be probed: a *Redis.
type Remote interface {
	Store
	Ping(ctx context.Context) error
}

// FailoverOptions configure a Failover.
type FailoverOptions struct {
	// Log receives one line when the remote goes away and one when it is
	// back, never one per request. Nil discards.
	Log *slog.Logger
	// Failed is called for every remote command or probe that failed, for
	// a metric. Optional.
	Failed func()
	// MinBackoff and MaxBackoff bound the wait between probes while the
	// remote is away; it doubles from the first to the second. Defaults
	// 100ms and 5s.
	MinBackoff, MaxBackoff time.Duration
}

// Failover is a Store that uses the remote while it answers and the local
// Memory while it does not: a bot that cannot reach Redis keeps answering,
// perhaps twice, rather than not at all. Run probes the remote while it is
// away and switches back when it answers.
type Failover struct {
	remote Remote
	local  *Memory
	opt    FailoverOptions

	down atomic.Bool
	wake chan struct{} // a failure wakes Run's probing
	once sync.Once
}

var _ Store = (*Failover)(nil)

// NewFailover returns a Failover over remote, falling back to local.
func NewFailover(remote Remote, local *Memory, o FailoverOptions) *Failover {
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	if o.Failed == nil {
		o.Failed = func() {}
	}
	if o.MinBackoff <= 0 {
		o.MinBackoff = 100 * time.Millisecond
	}
	if o.MaxBackoff <= 0 {
		o.MaxBackoff = 5 * time.Second
	}
	return &Failover{remote: remote, local: local, opt: o, wake: make(chan struct{}, 1)}
}

// Degraded reports whether the remote is away and local state is in use.
func (f *Failover) Degraded() bool { return f.down.Load() }

// Status is "ok" or "degraded", as /readyz shows it.
func (f *Failover) Status() string {
	if f.Degraded() {
		return "degraded"
	}
	return "ok"
}

// failed records a remote failure; the first of an outage is logged.
func (f *Failover) failed(err error) {
	f.opt.Failed()
	if f.down.CompareAndSwap(false, true) {
		f.opt.Log.Warn("redis unreachable: answering from in-process state until it is back", "err", err)
		select {
		case f.wake <- struct{}{}:
		default:
		}
	}
}

// use runs op on the remote unless it is away, and on local if it is or
// if the remote fails. A caller's own cancellation is not Redis's fault.
func use[T any](ctx context.Context, f *Failover, op func(Store) (T, error)) (T, error) {
	if !f.down.Load() {
		v, err := op(f.remote)
		if err == nil {
			return v, nil
		}
		if ctx.Err() == nil || !errors.Is(err, ctx.Err()) {
			f.failed(err)
		}
	}
	return op(f.local)
}

// FirstTime implements Store.
func (f *Failover) FirstTime(ctx context.Context, key string, ttl time.Duration) (bool, error) {
	return use(ctx, f, func(s Store) (bool, error) { return s.FirstTime(ctx, key, ttl) })
}

// Take implements Store.
func (f *Failover) Take(ctx context.Context, bs ...Bucket) (bool, error) {
	return use(ctx, f, func(s Store) (bool, error) { return s.Take(ctx, bs...) })
}

// Get implements Store.
func (f *Failover) Get(ctx context.Context, key string) ([]byte, bool, error) {
	type got struct {
		v  []byte
		ok bool
	}
	g, err := use(ctx, f, func(s Store) (got, error) {
		v, ok, err := s.Get(ctx, key)
		return got{v, ok}, err
	})
	return g.v, g.ok, err
}

// Set implements Store.
func (f *Failover) Set(ctx context.Context, key string, value []byte, ttl time.Duration) error {
	_, err := use(ctx, f, func(s Store) (struct{}, error) { return struct{}{}, s.Set(ctx, key, value, ttl) })
	return err
}

// Run probes the remote at start and, while it is away, with back-off,
// until ctx ends. Only one Run does anything.
func (f *Failover) Run(ctx context.Context) {
	ran := false
	f.once.Do(func() { ran = true })
	if !ran {
		return
	}
	if err := f.probe(ctx); err != nil && ctx.Err() == nil {
		f.failed(err)
	} else if err == nil {
		f.opt.Log.Info("redis reachable: state is shared with the other replicas")
	}
	for {
		if !f.down.Load() {
			select {
			case <-ctx.Done():
				return
			case <-f.wake:
			}
		}
		if !f.reconnect(ctx) {
			return
		}
	}
}

// reconnect probes with back-off until the remote answers (true) or ctx
// ends (false).
func (f *Failover) reconnect(ctx context.Context) bool {
	wait := f.opt.MinBackoff
	for {
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return false
		case <-t.C:
		}
		err := f.probe(ctx)
		if err == nil {
			// Drain a wake-up left from the outage we just ended.
			select {
			case <-f.wake:
			default:
			}
			f.down.Store(false)
			f.opt.Log.Info("redis reachable again: state is shared with the other replicas")
			return true
		}
		if ctx.Err() != nil {
			return false
		}
		f.opt.Failed()
		wait = min(2*wait, f.opt.MaxBackoff)
	}
}

func (f *Failover) probe(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	return f.remote.Ping(ctx)
}

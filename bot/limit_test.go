package bot_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/storybot/storybot/bot"
)

// fakeClock is a settable clock shared by a test and the limiter.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func newFakeClock() *fakeClock { return &fakeClock{now: time.Unix(1_700_000_000, 0)} }

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Add(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

// echo answers every question; blocking ones wait for release.
type echo struct {
	started chan struct{}
	release chan struct{}
}

func (e *echo) Answer(ctx context.Context, q string) bot.Reply {
	if q == "block" {
		e.started <- struct{}{}
		<-e.release
	}
	return bot.Reply{Question: q, Outcome: bot.OutcomeAnswered, Answered: true, Text: "ok"}
}

// rejections records Events.Rejected.
type rejections struct {
	mu  sync.Mutex
	got []string
}

func (r *rejections) Rejected(platform, reason string) {
	r.mu.Lock()
	r.got = append(r.got, platform+"/"+reason)
	r.mu.Unlock()
}
func (r *rejections) Connected(string, bool)     {}
func (r *rejections) ReplyFailed(string, string) {}
func (r *rejections) list() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.got...)
}

func ask(l bot.Answerer, a bot.Asker) bot.Outcome {
	return l.Answer(bot.WithAsker(context.Background(), a), "q").Outcome
}

func TestLimitTokenBuckets(t *testing.T) {
	t.Parallel()
	alice := bot.Asker{Platform: "slack", User: "U1", Channel: "C1"}
	bob := bot.Asker{Platform: "slack", User: "U2", Channel: "C1"}
	aliceDiscord := bot.Asker{Platform: "discord", User: "U1", Channel: "C1"}
	type step struct {
		wait  time.Duration
		asker bot.Asker
		n     int
		want  bot.Outcome
	}
	tests := []struct {
		name  string
		opt   bot.LimitOptions
		steps []step
	}{
		{"burst then refused", bot.LimitOptions{UserPerMinute: 60, UserBurst: 3}, []step{
			{0, alice, 3, bot.OutcomeAnswered},
			{0, alice, 1, bot.OutcomeLimited},
		}},
		{"refills at the rate", bot.LimitOptions{UserPerMinute: 60, UserBurst: 2}, []step{
			{0, alice, 2, bot.OutcomeAnswered},
			{0, alice, 1, bot.OutcomeLimited},
			{time.Second, alice, 1, bot.OutcomeAnswered},
			{0, alice, 1, bot.OutcomeLimited},
			{time.Hour, alice, 2, bot.OutcomeAnswered}, // refill caps at the burst
			{0, alice, 1, bot.OutcomeLimited},
		}},
		{"users are separate", bot.LimitOptions{UserPerMinute: 60, UserBurst: 1}, []step{
			{0, alice, 1, bot.OutcomeAnswered},
			{0, alice, 1, bot.OutcomeLimited},
			{0, bob, 1, bot.OutcomeAnswered},
		}},
		{"platforms are separate", bot.LimitOptions{UserPerMinute: 60, UserBurst: 1}, []step{
			{0, alice, 1, bot.OutcomeAnswered},
			{0, aliceDiscord, 1, bot.OutcomeAnswered},
		}},
		{"channel bucket shared by users", bot.LimitOptions{UserBurst: 10, ChannelPerMinute: 60, ChannelBurst: 3}, []step{
			{0, alice, 2, bot.OutcomeAnswered},
			{0, bob, 1, bot.OutcomeAnswered},
			{0, bob, 1, bot.OutcomeLimited},
			{0, alice, 1, bot.OutcomeLimited},
		}},
		{"a channel refusal spends no user token", bot.LimitOptions{UserPerMinute: 1, UserBurst: 2, ChannelPerMinute: 60, ChannelBurst: 1}, []step{
			{0, alice, 1, bot.OutcomeAnswered},
			{0, alice, 5, bot.OutcomeLimited},
			{time.Second, alice, 1, bot.OutcomeAnswered}, // user bucket still had its second token
		}},
		{"no asker skips the buckets", bot.LimitOptions{UserPerMinute: 1, UserBurst: 1, ChannelPerMinute: 1, ChannelBurst: 1}, []step{
			{0, bot.Asker{}, 5, bot.OutcomeAnswered},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			clock := newFakeClock()
			tt.opt.Now = clock.Now
			l := bot.Limit(&echo{}, tt.opt)
			for i, s := range tt.steps {
				clock.Add(s.wait)
				for j := range s.n {
					if got := ask(l, s.asker); got != s.want {
						t.Fatalf("step %d (%+v), question %d: outcome %s, want %s", i, s.asker, j+1, got, s.want)
					}
				}
			}
		})
	}
}

func TestLimitedReplyIsPoliteAndCounted(t *testing.T) {
	t.Parallel()
	ev := &rejections{}
	l := bot.Limit(&echo{}, bot.LimitOptions{UserBurst: 1, Events: ev, Now: newFakeClock().Now})
	a := bot.Asker{Platform: "slack", User: "U1", Channel: "C1"}
	ask(l, a)
	r := l.Answer(bot.WithAsker(context.Background(), a), "Who is it?")
	if r.Outcome != bot.OutcomeLimited || r.Answered || r.Text != bot.SlowDownText || r.Question != "Who is it?" {
		t.Errorf("limited reply = %+v", r)
	}
	if got := ev.list(); len(got) != 1 || got[0] != "slack/rate_limit" {
		t.Errorf("rejections = %v, want [slack/rate_limit]", got)
	}
}

func TestLimitConcurrencyCap(t *testing.T) {
	t.Parallel()
	e := &echo{started: make(chan struct{}), release: make(chan struct{})}
	ev := &rejections{}
	l := bot.Limit(e, bot.LimitOptions{MaxConcurrent: 2, QueueWait: 10 * time.Millisecond, Events: ev})
	ctx := bot.WithAsker(context.Background(), bot.Asker{Platform: "discord"})
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() {
			if r := l.Answer(ctx, "block"); r.Outcome != bot.OutcomeAnswered {
				t.Errorf("blocked question got %s", r.Outcome)
			}
		})
	}
	<-e.started
	<-e.started
	// Both slots are taken; the third waits QueueWait, then hears "busy".
	if r := l.Answer(ctx, "third"); r.Outcome != bot.OutcomeLimited || r.Text != bot.BusyText {
		t.Errorf("third question = %s %q, want busy", r.Outcome, r.Text)
	}
	// A cancelled asker stops waiting at once.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	l2 := bot.Limit(e, bot.LimitOptions{MaxConcurrent: 2, QueueWait: time.Hour})
	go func() { l2.Answer(ctx, "block") }()
	go func() { l2.Answer(ctx, "block") }()
	<-e.started
	<-e.started
	if r := l2.Answer(cctx, "fourth"); r.Outcome != bot.OutcomeRefused {
		t.Errorf("cancelled wait = %s", r.Outcome)
	}
	close(e.release)
	wg.Wait()
	if r := l.Answer(ctx, "after"); r.Outcome != bot.OutcomeAnswered {
		t.Errorf("after release = %s", r.Outcome)
	}
	if got := ev.list(); len(got) != 1 || got[0] != "discord/busy" {
		t.Errorf("rejections = %v, want [discord/busy]", got)
	}
}

func TestLimitMemoryIsBounded(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		maxKeys int
		step    time.Duration
		atMost  int
	}{
		// Idle buckets refill (10 tokens at 30/min: 20s) and are swept.
		{"idle buckets are swept", 1 << 20, time.Second, 2 * 2 * 80},
		// A flood of new keys inside the refill window hits the bound.
		{"hard bound", 1000, time.Microsecond, 1000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			clock := newFakeClock()
			l := bot.Limit(&echo{}, bot.LimitOptions{MaxKeys: tt.maxKeys, Now: clock.Now})
			peak := 0
			for i := range 20000 {
				clock.Add(tt.step)
				ask(l, bot.Asker{Platform: "slack", User: fmt.Sprint("U", i), Channel: fmt.Sprint("C", i)})
				peak = max(peak, l.Len())
			}
			if peak > tt.atMost {
				t.Errorf("kept up to %d buckets, want at most %d", peak, tt.atMost)
			}
		})
	}
}

func BenchmarkLimit(b *testing.B) {
	l := bot.Limit(&echo{}, bot.LimitOptions{UserPerMinute: 1e12, ChannelPerMinute: 1e12})
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			i++
			ask(l, bot.Asker{Platform: "slack", User: fmt.Sprint("U", i%1000), Channel: "C1"})
		}
	})
}

func ExampleLimit() {
	answerer := bot.Limit(&echo{}, bot.LimitOptions{UserPerMinute: 6, UserBurst: 2})
	ctx := bot.WithAsker(context.Background(), bot.Asker{Platform: "slack", User: "U1", Channel: "C1"})
	for range 3 {
		r := answerer.Answer(ctx, "Who is the Secretary of State?")
		fmt.Println(r.Outcome)
	}
	// Output:
	// answered
	// answered
	// rate_limited
}

package slack

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// fastRetries makes an adapter's reply retries instant: waits are
// recorded instead of slept, and a hanging call gives up after 300ms. (A
// shorter limit made a slow but successful attempt on a loaded machine
// look like a timeout, and its retry posted the answer twice.)
func fastRetries(a *Adapter) *[]time.Duration {
	var mu sync.Mutex
	var waits []time.Duration
	a.attemptTimeout = 300 * time.Millisecond
	a.replyPolicy.Sleep = func(ctx context.Context, d time.Duration) bool {
		mu.Lock()
		waits = append(waits, d)
		mu.Unlock()
		return ctx.Err() == nil
	}
	return &waits
}

// Each fault Slack's Web API can answer chat.postMessage with is retried,
// and the answer arrives on a later attempt.
func TestMentionReplySurvivesWebAPIFaults(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name   string
		faults []fault
	}{
		{"500", []fault{fault500}},
		{"429 with Retry-After", []fault{fault429}},
		{"timeout", []fault{faultHang}},
		{"garbage JSON", []fault{faultGarbage}},
		{"ok false internal_error", []fault{faultTransient}},
		{"three faults in a row", []fault{fault500, faultGarbage, fault429}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			api := newFakeSlack(t)
			api.fail(tt.faults...)
			h := newHarness(t, answerFunc(echo), Config{APIURL: api.apiURL()})
			waits := fastRetries(h.Adapter)
			rec := h.serve(signed(t, "/slack/events", callback(t, "EvF", appMention("U1", "<@UBOT> who?", "1.1", "")), time.Now()))
			if rec.Code != 200 {
				t.Fatalf("status %d", rec.Code)
			}
			h.Wait()
			posts := api.postsMade()
			if len(posts) != 1 || posts[0].Get("_method") != "chat.postMessage" || !strings.Contains(posts[0].Get("text"), "You asked: who?") {
				t.Fatalf("posts %v; want the answer, once", posts)
			}
			if got := api.callsMade(); got != len(tt.faults)+1 {
				t.Errorf("%d calls, want %d", got, len(tt.faults)+1)
			}
			if f := h.events.failures(); len(f) != 0 {
				t.Errorf("failures reported: %v", f)
			}
			if i := slices.Index(tt.faults, fault429); i >= 0 && (len(*waits) <= i || (*waits)[i] < 7*time.Second) {
				t.Errorf("waits %v; want Retry-After's 7s honoured", *waits)
			}
		})
	}
}

// When every attempt fails, the asker is told privately and the loss is
// counted by reason; a permanent refusal is not retried.
func TestMentionReplyLostIsToldAndCounted(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name   string
		faults []fault
		reason string
		calls  int
	}{
		{"server errors every time", []fault{fault500, fault500, fault500, fault500}, "server_error", 4},
		{"rate limited every time", []fault{fault429, fault429, fault429, fault429}, "rate_limited", 4},
		{"refused", []fault{faultRefused}, "rejected", 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			api := newFakeSlack(t)
			api.fail(tt.faults...)
			h := newHarness(t, answerFunc(echo), Config{APIURL: api.apiURL()})
			fastRetries(h.Adapter)
			h.serve(signed(t, "/slack/events", callback(t, "EvL", appMention("U1", "<@UBOT> who?", "1.1", "")), time.Now()))
			h.Wait()
			if got := h.events.failures(); !slices.Equal(got, []string{"slack:" + tt.reason}) {
				t.Errorf("failures %v, want [slack:%s]", got, tt.reason)
			}
			posts := api.postsMade()
			if len(posts) != 1 || posts[0].Get("_method") != "chat.postEphemeral" || posts[0].Get("user") != "U1" ||
				posts[0].Get("text") != SendFailedText || posts[0].Get("thread_ts") != "1.1" {
				t.Fatalf("posts %v; want one ephemeral apology to U1 in the thread", posts)
			}
			if got := api.callsMade(); got != tt.calls+1 {
				t.Errorf("%d calls, want %d attempts and the apology", got, tt.calls)
			}
		})
	}
}

// auth.test hanging must not hold up replies: the identity is learnt in the
// background, and replies go out without it.
func TestHangingAuthTestDoesNotDelayReplies(t *testing.T) {
	t.Parallel()
	api := newFakeSlack(t)
	api.authHang = make(chan struct{})
	h := newHarness(t, answerFunc(echo), Config{APIURL: api.apiURL()})
	ctx, cancel := context.WithCancel(context.Background())
	identityDone := make(chan struct{})
	go func() { h.RunIdentity(ctx); close(identityDone) }()
	t.Cleanup(func() { cancel(); <-identityDone })

	for i := range 5 {
		ts := "1." + strconv.Itoa(i)
		h.serve(signed(t, "/slack/events", callback(t, "EvH"+ts, appMention("U"+strconv.Itoa(i), "<@UBOT> who?", ts, "")), time.Now()))
	}
	// A failure bound, not a speed assertion: before the fix each reply
	// waited 10s for auth.test under one lock.
	deadline := time.After(5 * time.Second)
	for n := 0; n < 5; {
		select {
		case <-api.posted:
			n++
		case <-deadline:
			t.Fatalf("%d of 5 replies posted while auth.test hangs", n)
		}
	}
	if h.identity() != nil {
		t.Errorf("identity known although auth.test never answered")
	}
	close(api.authHang)
	eventually(t, func() bool { return h.identity() != nil && h.identity().UserID == "UBOT" })
}

func eventually(t *testing.T, cond func() bool) {
	t.Helper()
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	deadline := time.After(10 * time.Second)
	for !cond() {
		select {
		case <-tick.C:
		case <-deadline:
			t.Fatal("condition not met in 10s")
		}
	}
}

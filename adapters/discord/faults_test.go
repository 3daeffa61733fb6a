package discord

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/storybot/storybot/bot"
)

// instantRetries records the retry waits instead of sleeping them, and
// gives a hanging call 50ms.
func instantRetries(a *Adapter) {
	a.attemptTimeout = 50 * time.Millisecond
	a.sendPolicy.Sleep = func(ctx context.Context, d time.Duration) bool { return ctx.Err() == nil }
}

// content is the text of a posted message.
func (p postedMessage) content() string {
	s := string(p.Body["content"])
	return strings.Trim(s, `"`)
}

// Each way a send can fail is retried until the answer is delivered.
func TestReplySurvivesSendFaults(t *testing.T) {
	t.Parallel()
	for _, fault := range []string{"500", "502", "garbage", "hang", "global429"} {
		t.Run(fault, func(t *testing.T) {
			t.Parallel()
			h := start(t, setup{tune: instantRetries})
			h.f.globalReset = "0.05"
			h.f.fail(fault, fault) // twice: discordgo itself retries a 502 once
			m := msg{id: "8600", content: "Who is the Secretary of State?", channel: "3006", author: alice()}
			h.conn.dispatch(t, "MESSAGE_CREATE", m.event())
			for {
				p := recv(t, h.f.posts, "POST")
				if p.Status == -1 {
					continue // a fault served
				}
				checkPost(t, p, "3006", Render(pompeo)[0])
				break
			}
			h.logs.waitLog(t, "discord: replied", "8600")
			none(t, h.events.failed, "ReplyFailed event")
		})
	}
}

// A reply that cannot be sent is counted by reason, and the asker is told
// unless Discord is rate limiting (when it would refuse that too).
func TestReplyLostIsCountedAndTold(t *testing.T) {
	t.Parallel()
	h := start(t, setup{tune: instantRetries})
	h.f.fail("500", "500", "500", "500", "500")
	m := msg{id: "8700", content: "Who is the Secretary of State?", channel: "3007", author: alice()}
	h.conn.dispatch(t, "MESSAGE_CREATE", m.event())
	if r := recv(t, h.events.failed, "ReplyFailed event"); r != "server_error" {
		t.Errorf("ReplyFailed %q, want server_error", r)
	}
	var p postedMessage
	for p = recv(t, h.f.posts, "POST"); p.Status == -1; p = recv(t, h.f.posts, "POST") {
	}
	if p.content() != SendFailedText || !strings.Contains(string(p.Body["message_reference"]), `"8700"`) {
		t.Errorf("after the loss posted %q in reply to %s, want %q to 8700", p.content(), p.Body["message_reference"], SendFailedText)
	}
	if parse := string(p.Body["allowed_mentions"]); !strings.Contains(parse, `"parse":[]`) {
		t.Errorf("apology allowed_mentions %s, want parse []", parse)
	}
}

// Twenty questions during a global rate limit all get a reply once it
// resets: the first sixteen their answer, the rest a "busy" notice
// (before, those four were dropped silently).
func TestGlobalRateLimitEveryAskerHears(t *testing.T) {
	t.Parallel()
	h := start(t, setup{tune: instantRetries})
	h.f.globalReset = "0.3"
	h.f.fail("global429")
	const n = 20
	for i := range n {
		id := "88" + string(rune('a'+i))
		m := msg{id: id, content: "Who is the Secretary of State?", channel: "3008", author: map[string]any{"id": "20" + string(rune('a'+i)), "username": "u"}}
		h.conn.dispatch(t, "MESSAGE_CREATE", m.event())
	}
	replied := map[string]string{}
	for len(replied) < n {
		p := recv(t, h.f.posts, "POST")
		if p.Status != 200 {
			continue
		}
		ref := string(p.Body["message_reference"])
		i := strings.Index(ref, `"message_id":"`)
		if i < 0 {
			t.Fatalf("reply without a reference: %s", p.Raw)
		}
		id := strings.SplitN(ref[i+len(`"message_id":"`):], `"`, 2)[0]
		if _, dup := replied[id]; dup {
			t.Fatalf("message %s answered twice", id)
		}
		replied[id] = p.content()
	}
	answers, busy := 0, 0
	for _, c := range replied {
		switch {
		case c == bot.BusyText:
			busy++
		case strings.Contains(c, "Pompeo"):
			answers++
		default:
			t.Errorf("unexpected reply %q", c)
		}
	}
	t.Logf("%d answers and %d busy notices for %d questions during a global rate limit", answers, busy, n)
	if answers < 16 || answers+busy != n {
		t.Errorf("%d answers and %d busy notices, want 20 replies, at least 16 of them answers", answers, busy)
	}
	none(t, h.events.failed, "ReplyFailed event")
}

// Run returns promptly when cancelled even while discordgo's limiter is
// sleeping out a long global rate limit, which takes no context (before,
// Run waited for it: 23s for a 25s reset, nearly 2 minutes for 120s).
func TestCancelDuringGlobalRateLimit(t *testing.T) {
	t.Parallel()
	h := start(t, setup{tune: instantRetries})
	h.f.globalReset = "120"
	h.f.fail("global429")
	first := msg{id: "8900", content: "Who is the Secretary of State?", channel: "3009", author: alice()}
	h.conn.dispatch(t, "MESSAGE_CREATE", first.event())
	// 120s is past the answer's deadline: given up and counted at once.
	if r := recv(t, h.events.failed, "ReplyFailed event"); r != "rate_limited" {
		t.Errorf("ReplyFailed %q, want rate_limited", r)
	}
	second := msg{id: "8901", content: "Who is the Secretary of State?", channel: "3009", author: alice()}
	h.conn.dispatch(t, "MESSAGE_CREATE", second.event())
	recv(t, h.calls, "first answer")
	recv(t, h.calls, "second answer") // its send now waits in discordgo's limiter
	h.cancel()
	select {
	case <-h.runErr:
	case <-time.After(wait):
		t.Fatalf("Run did not return within %v of cancel during a 120s rate limit", wait)
	}
	h.runErr <- nil // for the harness's cleanup
}

// /ask responses are retried like messages, and one that cannot be sent
// is counted.
func TestAskResponseFaults(t *testing.T) {
	t.Parallel()
	h := start(t, setup{tune: instantRetries})
	h.f.mu.Lock()
	h.f.interactFaults = []string{"500", "500"}
	h.f.mu.Unlock()
	h.conn.dispatch(t, "INTERACTION_CREATE", askEvent("i7", "Who is the Secretary of State?"))
	var p postedMessage
	for p = recv(t, h.f.interacts, "interaction callback"); p.Status == -1; p = recv(t, h.f.interacts, "interaction callback") {
	}
	if _, content, _ := interactionData(t, p); content != Render(pompeo)[0] {
		t.Errorf("/ask answered %q after two faults, want the answer", content)
	}
	none(t, h.events.failed, "ReplyFailed event")

	h.f.mu.Lock()
	h.f.interactFaults = []string{"500", "500", "500", "500", "500"}
	h.f.mu.Unlock()
	h.conn.dispatch(t, "INTERACTION_CREATE", askEvent("i8", "Who is the Secretary of State?"))
	if r := recv(t, h.events.failed, "ReplyFailed event"); r != "server_error" {
		t.Errorf("ReplyFailed %q, want server_error", r)
	}
}

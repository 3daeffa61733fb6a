package slack

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/storybot/storybot/bot"
	"github.com/storybot/storybot/internal/testbot"
)

// storyBot is the real bot over the built-in story, remembering
// conversations.
func storyBot(t *testing.T) *bot.Bot {
	t.Helper()
	return testbot.Story(t, bot.Options{Memory: bot.NewLocalMemory(0, 0, nil)})
}

const pompeoQuote = "that's not going to happen"

// followHarness sends events through the real Slack client against the
// loopback fake, one at a time, and returns each event's post.
type followHarness struct {
	t   *testing.T
	h   *harness
	api *fakeSlack
	n   int
}

func newFollowHarness(t *testing.T) *followHarness {
	api := newFakeSlack(t)
	h := newHarness(t, storyBot(t), Config{APIURL: api.apiURL()})
	if err := h.refreshIdentity(context.Background()); err != nil {
		t.Fatal(err)
	}
	return &followHarness{t: t, h: h, api: api}
}

func (f *followHarness) send(ev map[string]string) map[string]string {
	f.t.Helper()
	f.n++
	rec := f.h.serve(signed(f.t, "/slack/events", callback(f.t, "EvF"+strconv.Itoa(f.n), ev), time.Now()))
	if rec.Code != 200 {
		f.t.Fatalf("status %d", rec.Code)
	}
	f.h.Wait()
	posts := f.api.postsMade()
	if len(posts) != f.n {
		f.t.Fatalf("%d posts after %d events", len(posts), f.n)
	}
	p := posts[f.n-1]
	return map[string]string{"thread_ts": p.Get("thread_ts"), "text": p.Get("text"), "blocks": p.Get("blocks")}
}

// TestFollowUpInThread: a second mention in the thread the bot answered
// in continues the conversation; the same words in another thread do not.
func TestFollowUpInThread(t *testing.T) {
	t.Parallel()
	f := newFollowHarness(t)
	first := f.send(appMention("U1", "<@UBOT> Who is the Secretary of State?", "1700000000.000100", ""))
	if first["thread_ts"] != "1700000000.000100" || !strings.Contains(first["text"], "Pompeo") {
		t.Fatalf("first answer %q in thread %q", first["text"], first["thread_ts"])
	}
	second := f.send(appMention("U2", "<@UBOT> what did he say?", "1700000000.000300", "1700000000.000100"))
	if second["thread_ts"] != "1700000000.000100" {
		t.Errorf("follow-up answered in thread %q, want the question's", second["thread_ts"])
	}
	if !strings.Contains(second["text"], pompeoQuote) {
		t.Errorf("follow-up does not quote Pompeo: %q", second["text"])
	}
	if !strings.Contains(second["text"], "Reading") || !strings.Contains(second["text"], "Mike Pompeo") {
		t.Errorf("follow-up does not say how it was read: %q", second["text"])
	}
	// Another thread, which the bot has not answered in, starts afresh.
	other := f.send(appMention("U1", "<@UBOT> what did he say?", "1700000000.000500", "1700000000.000400"))
	if strings.Contains(other["text"], "Reading") {
		t.Errorf("a new thread read the question as a follow-up: %q", other["text"])
	}
}

// TestFollowUpInDM: a direct message needs no mention, is answered in line,
// and the DM is one conversation.
func TestFollowUpInDM(t *testing.T) {
	t.Parallel()
	f := newFollowHarness(t)
	dm := func(text, ts string) map[string]string {
		return map[string]string{"type": "message", "channel_type": "im", "user": "U1", "text": text, "ts": ts, "channel": "D1"}
	}
	first := f.send(dm("Who is the Secretary of State?", "1700000000.000100"))
	if first["thread_ts"] != "" || !strings.Contains(first["text"], "Pompeo") {
		t.Fatalf("first DM answer %q in thread %q", first["text"], first["thread_ts"])
	}
	second := f.send(dm("what did he say?", "1700000000.000200"))
	if !strings.Contains(second["text"], pompeoQuote) {
		t.Errorf("DM follow-up does not quote Pompeo: %q", second["text"])
	}
}

// TestFollowUpSlashCommand: slash commands cannot be threaded, so the
// channel and user make the conversation.
func TestFollowUpSlashCommand(t *testing.T) {
	t.Parallel()
	h := newHarness(t, storyBot(t), Config{})
	ask := func(q, user string) string {
		body := form(q)
		if user != "" {
			body = strings.Replace(body, "user_id=U1", "user_id="+user, 1)
		}
		rec := h.serve(signed(t, "/slack/commands", body, time.Now()))
		return rec.Body.String()
	}
	if got := ask("Who is the Secretary of State?", ""); !strings.Contains(got, "Pompeo") {
		t.Fatalf("first answer: %s", got)
	}
	if got := ask("what did he say?", "U7"); strings.Contains(got, "Reading") {
		t.Errorf("another user's question read as a follow-up: %s", got)
	}
	if got := ask("what did he say?", ""); !strings.Contains(got, pompeoQuote) {
		t.Errorf("follow-up does not quote Pompeo: %s", got)
	}
}

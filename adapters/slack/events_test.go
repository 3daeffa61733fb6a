package slack

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/storybot/storybot/bot"
)

// callback builds an Events API event_callback carrying ev.
func callback(t *testing.T, eventID string, ev map[string]string) string {
	t.Helper()
	b, err := json.Marshal(map[string]any{
		"type": "event_callback", "team_id": "T1", "api_app_id": "A1",
		"event_id": eventID, "event_time": 1700000000, "event": ev,
	})
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func appMention(user, text, ts, threadTS string) map[string]string {
	ev := map[string]string{"type": "app_mention", "user": user, "text": text, "ts": ts, "channel": "C9", "event_ts": ts}
	if threadTS != "" {
		ev["thread_ts"] = threadTS
	}
	return ev
}

func TestEventsURLVerification(t *testing.T) {
	t.Parallel()
	h := newHarness(t, answerFunc(echo), Config{})
	body := `{"token":"x","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}`
	rec := h.serve(signed(t, "/slack/events", body, time.Now()))
	if rec.Code != 200 {
		t.Fatalf("status %d", rec.Code)
	}
	var got map[string]string
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil || got["challenge"] != "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" {
		t.Errorf("body = %s (%v), want the challenge echoed", rec.Body.String(), err)
	}

	// An unsigned verification must not be answered: it proves nothing to us
	// but would let anyone probe the endpoint.
	rec = h.serve(httptest.NewRequest(http.MethodPost, "/slack/events", strings.NewReader(body)))
	if rec.Code != 401 || strings.Contains(rec.Body.String(), "3eZb") {
		t.Errorf("unsigned: status %d body %q, want 401 without the challenge", rec.Code, rec.Body.String())
	}
}

func TestEventsAppMention(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		ev         map[string]string
		authFail   bool
		wantPost   bool
		wantQ      string
		wantThread string
		ephemeral  bool // a reply only the asker sees
	}{
		{"top-level mention replies in a new thread", appMention("U1", "<@UBOT> Who is &lt;!channel&gt;?", "1700000000.000100", ""),
			false, true, "Who is <!channel>?", "1700000000.000100", false},
		{"mention inside a thread replies in that thread", appMention("U1", "<@UBOT> who?", "1700000000.000300", "1700000000.000001"),
			false, true, "who?", "1700000000.000001", false},
		{"named mention", appMention("U1", "hey <@UBOT|storybot>, who?", "1.1", ""),
			false, true, "hey , who?", "1.1", false},
		{"without auth.test the leading mention is stripped", appMention("U1", "<@UBOT> who?", "1.2", ""),
			true, true, "who?", "1.2", false},
		{"empty mention gets usage", appMention("U1", "<@UBOT>", "1.3", ""),
			false, true, "", "1.3", true},
		{"rate-limited asker is told privately", appMention("U1", "<@UBOT> too fast", "1.7", ""),
			false, true, "too fast", "1.7", true},
		{"not found is told privately", appMention("U1", "<@UBOT> unknown", "1.8", ""),
			false, true, "unknown", "1.8", true},
		{"other bots are ignored", func() map[string]string {
			ev := appMention("U2", "<@UBOT> who?", "1.4", "")
			ev["bot_id"] = "B2"
			return ev
		}(), false, false, "", "", false},
		{"bot_message subtype is ignored", func() map[string]string {
			ev := appMention("U2", "<@UBOT> who?", "1.5", "")
			ev["subtype"] = "bot_message"
			return ev
		}(), false, false, "", "", false},
		{"our own messages are ignored", appMention("UBOT", "<@UBOT> who?", "1.6", ""), false, false, "", "", false},
		{"other event types are ignored", map[string]string{"type": "reaction_added", "user": "U1"}, false, false, "", "", false},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			api := newFakeSlack(t)
			api.authFail = tt.authFail
			var asked []string
			var askers []bot.Asker
			h := newHarness(t, answerFunc(func(ctx context.Context, q string) bot.Reply {
				asked = append(asked, q) // answers run one at a time here
				a, _ := bot.AskerFrom(ctx)
				askers = append(askers, a)
				switch q {
				case "too fast":
					return bot.Reply{Outcome: bot.OutcomeLimited, Text: "Slow down <@U1>."}
				case "unknown":
					return bot.Reply{Outcome: bot.OutcomeNotFound, Text: "No idea."}
				}
				return echo(ctx, q)
			}), Config{APIURL: api.apiURL()})
			// What RunIdentity does at start-up.
			if err := h.refreshIdentity(context.Background()); (err != nil) != tt.authFail {
				t.Fatalf("auth.test: %v", err)
			}
			rec := h.serve(signed(t, "/slack/events", callback(t, "Ev"+strconv.Itoa(i), tt.ev), time.Now()))
			if rec.Code != 200 {
				t.Fatalf("status %d", rec.Code)
			}
			h.Wait()
			posts := api.postsMade()
			if !tt.wantPost {
				if len(posts) != 0 || len(asked) != 0 {
					t.Errorf("posted %v, asked %q; want nothing", posts, asked)
				}
				return
			}
			if len(posts) != 1 {
				t.Fatalf("posted %d messages, want 1", len(posts))
			}
			p := posts[0]
			if p.Get("channel") != "C9" || p.Get("thread_ts") != tt.wantThread {
				t.Errorf("posted to channel %q thread %q, want C9 %q", p.Get("channel"), p.Get("thread_ts"), tt.wantThread)
			}
			method := "chat.postMessage"
			if tt.ephemeral {
				method = "chat.postEphemeral"
				if p.Get("user") != "U1" {
					t.Errorf("ephemeral reply to user %q, want U1", p.Get("user"))
				}
			}
			if p.Get("_method") != method {
				t.Errorf("replied with %s, want %s", p.Get("_method"), method)
			}
			if api.tokenFor(method) != testBotToken {
				t.Errorf("%s not called with the bot token", method)
			}
			if tt.wantQ == "" {
				if len(asked) != 0 || !strings.Contains(p.Get("text"), "@storybot Who is") {
					t.Errorf("asked %q, text %q; want usage", asked, p.Get("text"))
				}
				return
			}
			if !slices.Equal(asked, []string{tt.wantQ}) {
				t.Errorf("asked %q, want %q", asked, tt.wantQ)
			}
			if askers[0] != (bot.Asker{Platform: "slack", User: "U1", Channel: "C9"}) {
				t.Errorf("asker = %+v", askers[0])
			}
			text, blocks := p.Get("text"), p.Get("blocks")
			if strings.ContainsAny(text, "<>") || strings.Contains(blocks, "<!channel>") || strings.Contains(blocks, `\u003c!channel`) {
				t.Errorf("unescaped output: text %q blocks %s", text, blocks)
			}
			if !tt.ephemeral && !strings.Contains(blocks, `"type":"context"`) {
				t.Errorf("blocks lack the citation context: %s", blocks)
			}
		})
	}
}

func TestEventsRetriesAnsweredOnce(t *testing.T) {
	t.Parallel()
	api := newFakeSlack(t)
	h := newHarness(t, answerFunc(echo), Config{APIURL: api.apiURL()})
	body := callback(t, "Ev42", appMention("U1", "<@UBOT> who?", "1.1", ""))
	start := time.Now()
	for retry := range 4 {
		// Slack re-signs every retry, so only event_id identifies it.
		req := signed(t, "/slack/events", body, start.Add(time.Duration(retry)*time.Second))
		if retry > 0 {
			req.Header.Set("X-Slack-Retry-Num", strconv.Itoa(retry))
			req.Header.Set("X-Slack-Retry-Reason", "http_timeout")
		}
		if rec := h.serve(req); rec.Code != 200 {
			t.Fatalf("retry %d: status %d", retry, rec.Code)
		}
	}
	// A byte-for-byte replay of a signed request is refused outright.
	if rec := h.serve(signed(t, "/slack/events", body, start)); rec.Code != 401 {
		t.Errorf("replay: status %d, want 401", rec.Code)
	}
	h.Wait()
	if n := len(api.postsMade()); n != 1 {
		t.Errorf("chat.postMessage called %d times, want exactly 1", n)
	}
}

func TestEventsRejections(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		req    func(t *testing.T) *http.Request
		status int
		reason string
	}{
		{"GET", func(t *testing.T) *http.Request { return httptest.NewRequest(http.MethodGet, "/slack/events", nil) }, 405, "slack:method"},
		{"not JSON", func(t *testing.T) *http.Request { return signed(t, "/slack/events", "{nope", time.Now()) }, 400, "slack:malformed"},
		{"event not an object", func(t *testing.T) *http.Request {
			return signed(t, "/slack/events", `{"type":"event_callback","event":[1]}`, time.Now())
		}, 400, "slack:malformed"},
		{"forged", func(t *testing.T) *http.Request {
			r := signed(t, "/slack/events", `{"type":"url_verification"}`, time.Now())
			r.Header.Set(HeaderSignature, Sign("guess", time.Now().Unix(), []byte(`{"type":"url_verification"}`)))
			return r
		}, 401, "slack:signature"},
		{"oversize", func(t *testing.T) *http.Request {
			return signed(t, "/slack/events", `{"x":"`+strings.Repeat("a", maxBody)+`"}`, time.Now())
		}, 413, "slack:size"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, answerFunc(echo), Config{})
			rec := h.serve(tt.req(t))
			if rec.Code != tt.status {
				t.Errorf("status %d, want %d", rec.Code, tt.status)
			}
			if got := h.events.rejections(); !slices.Equal(got, []string{tt.reason}) {
				t.Errorf("rejections %q, want %q", got, tt.reason)
			}
		})
	}
}

package slack

import (
	"context"
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/storybot/storybot/bot"
)

// guard bounds a wait that should end almost at once, so a broken test
// fails with a message instead of hanging; it never orders events.
const guard = 10 * time.Second

type ack struct {
	EnvelopeID string          `json:"envelope_id"`
	Payload    json.RawMessage `json:"payload"`
}

// socketScript is what the fake Socket Mode server sends after hello.
var socketScript = []string{
	`{"type":"events_api","envelope_id":"env-1","accepts_response_payload":false,"payload":{"type":"event_callback","team_id":"T1","api_app_id":"A1","event_id":"Ev1","event_time":1700000000,"event":{"type":"app_mention","user":"U1","text":"<@UBOT> Who is &lt;@U123&gt;?","ts":"1700000000.000100","channel":"C9","event_ts":"1700000000.000100"}}}`,
	// Slack redelivers the same event in a new envelope when unsure we got it.
	`{"type":"events_api","envelope_id":"env-1b","retry_attempt":1,"retry_reason":"timeout","accepts_response_payload":false,"payload":{"type":"event_callback","team_id":"T1","api_app_id":"A1","event_id":"Ev1","event_time":1700000000,"event":{"type":"app_mention","user":"U1","text":"<@UBOT> Who is &lt;@U123&gt;?","ts":"1700000000.000100","channel":"C9","event_ts":"1700000000.000100"}}}`,
	// A bot's mention must be acknowledged but not answered.
	`{"type":"events_api","envelope_id":"env-bot","payload":{"type":"event_callback","event_id":"Ev2","event":{"type":"app_mention","user":"U7","bot_id":"B7","text":"<@UBOT> hi","ts":"1.1","channel":"C9"}}}`,
	slashEnvelope("env-2", "https://hooks.slack.com/commands/T1/2/x"),
}

func slashEnvelope(id, responseURL string) string {
	b, _ := json.Marshal(map[string]any{
		"type": "slash_commands", "envelope_id": id, "accepts_response_payload": true,
		"payload": map[string]string{
			"token": "x", "team_id": "T1", "channel_id": "C2", "user_id": "U2", "command": "/story",
			"text": "&lt;!channel&gt; who?", "response_url": responseURL, "trigger_id": "1.2.3",
		},
	})
	return string(b)
}

// socketServer upgrades /ws (any Origin, as slack-go sends
// https://api.slack.com), says hello, pings, plays the script and reports
// every ack it reads until the client goes away.
func socketServer(t *testing.T, script []string, acks chan<- ack) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		up := websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}
		c, err := up.Upgrade(w, r, nil)
		if err != nil {
			t.Errorf("upgrade: %v", err)
			return
		}
		defer c.Close()
		hello := `{"type":"hello","num_connections":1,"debug_info":{"host":"fake"},"connection_info":{"app_id":"A1"}}`
		if err := c.WriteMessage(websocket.TextMessage, []byte(hello)); err != nil {
			t.Errorf("hello: %v", err)
			return
		}
		// Without pings slack-go reconnects after its ping interval.
		if err := c.WriteControl(websocket.PingMessage, []byte("ping"), time.Now().Add(guard)); err != nil {
			t.Errorf("ping: %v", err)
			return
		}
		for _, m := range script {
			if err := c.WriteMessage(websocket.TextMessage, []byte(m)); err != nil {
				t.Errorf("write: %v", err)
				return
			}
		}
		for {
			var a ack
			if err := c.ReadJSON(&a); err != nil {
				return // the client closed: the test is over
			}
			acks <- a
		}
	}
}

func TestSocketMode(t *testing.T) {
	t.Parallel()
	api := newFakeSlack(t)
	acks := make(chan ack, 16)
	api.ws = socketServer(t, socketScript, acks)
	h := newHarness(t, answerFunc(echo), Config{APIURL: api.apiURL(), AppToken: testAppToken, SocketMode: true})

	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- h.RunSocketMode(ctx) }()

	got := map[string]json.RawMessage{}
	for len(got) < len(socketScript) {
		select {
		case a := <-acks:
			got[a.EnvelopeID] = a.Payload
		case err := <-done:
			t.Fatalf("RunSocketMode returned early: %v", err)
		case <-time.After(guard):
			t.Fatalf("only %d acks: %v", len(got), got)
		}
	}
	for _, id := range []string{"env-1", "env-1b", "env-bot"} {
		if p, ok := got[id]; !ok || len(p) != 0 {
			t.Errorf("envelope %s: acked=%v payload %s; want an empty ack", id, ok, p)
		}
	}
	var msg wire
	if err := json.Unmarshal(got["env-2"], &msg); err != nil {
		t.Fatalf("slash command ack payload %s: %v", got["env-2"], err)
	}
	if msg.ResponseType != InChannel || !strings.Contains(msg.Text, "You asked: &lt;!channel&gt; who?") {
		t.Errorf("slash command ack payload = %s", got["env-2"])
	}

	select {
	case <-api.posted:
	case <-time.After(guard):
		t.Fatal("no chat.postMessage")
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("RunSocketMode after cancel = %v, want nil", err)
		}
	case <-time.After(guard):
		t.Fatal("RunSocketMode did not return after cancel")
	}
	h.Wait()

	posts := api.postsMade()
	if len(posts) != 1 {
		t.Fatalf("chat.postMessage called %d times, want exactly 1 (retry de-duplicated, bot ignored)", len(posts))
	}
	p := posts[0]
	if p.Get("channel") != "C9" || p.Get("thread_ts") != "1700000000.000100" {
		t.Errorf("posted to %q thread %q, want C9 thread 1700000000.000100", p.Get("channel"), p.Get("thread_ts"))
	}
	if !strings.Contains(p.Get("text"), "You asked: Who is &lt;@U123&gt;?") {
		t.Errorf("posted text %q", p.Get("text"))
	}
	if api.tokenFor("apps.connections.open") != testAppToken || api.tokenFor("chat.postMessage") != testBotToken {
		t.Errorf("wrong tokens used")
	}
	if states := h.events.states(); !slices.Equal(states, []bool{true, false}) {
		t.Errorf("connection states = %v, want [true false]", states)
	}
}

func TestSocketModeBadToken(t *testing.T) {
	t.Parallel()
	api := newFakeSlack(t)
	h := newHarness(t, answerFunc(echo), Config{APIURL: api.apiURL(), AppToken: "xapp-wrong-token"})
	err := h.RunSocketMode(t.Context())
	if err == nil || strings.Contains(err.Error(), "xapp-") {
		t.Errorf("RunSocketMode with a bad token = %v, want an error without the token", err)
	}

	h2 := newHarness(t, answerFunc(echo), Config{APIURL: api.apiURL()})
	if err := h2.RunSocketMode(t.Context()); err == nil {
		t.Error("RunSocketMode without an app token succeeded")
	}
}

// TestSocketModeSlowCommand: a slow answer is acked at once and delivered
// to response_url, as over HTTP.
func TestSocketModeSlowCommand(t *testing.T) {
	t.Parallel()
	api := newFakeSlack(t)
	hooks := newHookServer(t)
	acks := make(chan ack, 4)
	api.ws = socketServer(t, []string{slashEnvelope("env-slow", hooks.URL+"/commands/T1/3/y")}, acks)
	release := make(chan struct{})
	h := newHarness(t, answerFunc(func(ctx context.Context, q string) bot.Reply {
		<-release
		return echo(ctx, q)
	}), Config{
		APIURL: api.apiURL(), AppToken: testAppToken, SocketMode: true,
		HooksHosts: []string{strings.TrimPrefix(hooks.URL, "http://")}, SlowAfter: time.Millisecond,
	}, AllowInsecureHooks())

	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- h.RunSocketMode(ctx) }()
	var a ack
	select {
	case a = <-acks:
	case <-time.After(guard):
		t.Fatal("no ack")
	}
	var msg wire
	if err := json.Unmarshal(a.Payload, &msg); err != nil || a.EnvelopeID != "env-slow" ||
		msg.ResponseType != Ephemeral || !strings.Contains(msg.Text, "Looking that up") {
		t.Errorf("ack = %s %s (%v), want an ephemeral holding message", a.EnvelopeID, a.Payload, err)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("RunSocketMode = %v", err)
	}
	close(release)
	h.Wait()
	got := hooks.received()
	if len(got) != 1 || got[0].ResponseType != InChannel || !strings.Contains(got[0].Text, "You asked: &lt;!channel&gt; who?") {
		t.Errorf("response_url received %+v, want the in_channel answer once", got)
	}
}

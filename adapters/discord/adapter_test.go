package discord

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/storybot/storybot/bot"
)

// harness runs an Adapter against a fakeDiscord until the test ends.
type harness struct {
	f      *fakeDiscord
	ans    bot.Answerer
	calls  chan answerCall // nil unless ans is a fakeAnswerer
	events *recEvents
	logs   *logRecorder
	conn   *fakeConn // the first connection that got READY
	cancel context.CancelFunc
	runErr chan error
}

type setup struct {
	answerer bot.Answerer
	refuse   func(n int) int
	noReady  bool // do not wait for the first READY (it may be refused)
	tune     func(*Adapter)
}

func start(t *testing.T, s setup) *harness {
	t.Helper()
	h := &harness{f: newFakeDiscord(t), events: newRecEvents(), logs: newLogRecorder(), runErr: make(chan error, 1)}
	if s.refuse != nil {
		h.f.refuse = s.refuse
	}
	h.ans = s.answerer
	if h.ans == nil {
		fa := newFakeAnswerer()
		h.ans, h.calls = fa, fa.calls
	}
	a, err := New(h.ans, Config{Token: testToken, APIURL: h.f.srv.URL + "/"},
		WithLogger(slog.New(h.logs)), WithEvents(h.events))
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	a.minBackoff = 10 * time.Millisecond
	if s.tune != nil {
		s.tune(a)
	}
	ctx, cancel := context.WithCancel(context.Background())
	h.cancel = cancel
	go func() { h.runErr <- a.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-h.runErr:
		case <-time.After(wait):
			t.Errorf("Run did not return within %v of cancel", wait)
		}
		if logs := h.logs.String(); strings.Contains(logs, testToken) {
			t.Errorf("the token appears in the logs:\n%s", logs)
		}
	})

	hello := recv(t, h.f.identifies, "Identify")
	if hello.Op != 2 {
		t.Fatalf("first gateway message: op %d, want 2 (Identify)", hello.Op)
	}
	// 512 | 4096: GUILD_MESSAGES and DIRECT_MESSAGES only, no privileged
	// intent (MESSAGE_CONTENT is 1<<15).
	if hello.D.Intents != 4608 {
		t.Errorf("Identify intents = %d, want 4608 (GUILD_MESSAGES | DIRECT_MESSAGES)", hello.D.Intents)
	}
	if hello.D.Token != "Bot "+testToken {
		t.Errorf("Identify token is not the configured bot token")
	}
	if !s.noReady {
		h.conn = recv(t, h.f.conns, "READY sent")
		if up := recv(t, h.events.connected, "Connected event"); !up {
			t.Fatalf("first Connected event: up = false, want true")
		}
	}
	return h
}

func recv[T any](t *testing.T, c <-chan T, what string) T {
	t.Helper()
	select {
	case v := <-c:
		return v
	case <-time.After(wait):
		t.Fatalf("no %s within %v", what, wait)
		panic("unreachable")
	}
}

func none[T any](t *testing.T, c <-chan T, what string) {
	t.Helper()
	select {
	case v := <-c:
		t.Errorf("unexpected %s: %+v", what, v)
	default:
	}
}

var botUser = map[string]any{"id": botID, "username": "storybot", "bot": true}

type msg struct {
	id, guild, channel, content string
	author                      map[string]any
	mentions                    []any
	webhook                     string
}

func (m msg) event() map[string]any {
	e := map[string]any{
		"id": m.id, "channel_id": m.channel, "content": m.content, "type": 0,
		"author": m.author, "mentions": m.mentions, "timestamp": "2026-11-27T23:00:00.000000+00:00",
	}
	if m.mentions == nil {
		e["mentions"] = []any{}
	}
	if m.guild != "" {
		e["guild_id"] = m.guild
	}
	if m.webhook != "" {
		e["webhook_id"] = m.webhook
	}
	return e
}

func alice() map[string]any { return map[string]any{"id": "2000", "username": "alice"} }

func TestAnswers(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		m       msg
		wantQ   string
		wantOut []string
	}{
		{
			name:    "mention",
			m:       msg{guild: "g1", content: "<@1000> Who is the Secretary of State?", mentions: []any{botUser}},
			wantQ:   "Who is the Secretary of State?",
			wantOut: Render(pompeo),
		},
		{
			name:    "nickname mention",
			m:       msg{guild: "g1", content: "<@!1000> Who is the Secretary of State?", mentions: []any{botUser}},
			wantQ:   "Who is the Secretary of State?",
			wantOut: Render(pompeo),
		},
		{
			name:    "mention at the end",
			m:       msg{guild: "g1", content: "Who is the Secretary of State, <@1000>?", mentions: []any{botUser}},
			wantQ:   "Who is the Secretary of State, ?",
			wantOut: Render(pompeo),
		},
		{
			name:    "direct message without mention",
			m:       msg{content: "Who is the Secretary of State?"},
			wantQ:   "Who is the Secretary of State?",
			wantOut: Render(pompeo),
		},
		{
			name:    "everyone and a role in the question",
			m:       msg{guild: "g1", content: "@everyone <@&42> <@1000> Who is the Secretary of State?", mentions: []any{botUser}},
			wantQ:   "@everyone <@&42> Who is the Secretary of State?",
			wantOut: Render(pompeo),
		},
		{
			name:    "reply in two messages",
			m:       msg{guild: "g1", content: "<@1000> Tell me everything", mentions: []any{botUser}},
			wantQ:   "Tell me everything",
			wantOut: Render(longReply),
		},
		{
			name:    "off topic",
			m:       msg{guild: "g1", content: "<@1000> What is the capital of Peru?", mentions: []any{botUser}},
			wantQ:   "What is the capital of Peru?",
			wantOut: Render(notFound),
		},
	}
	h := start(t, setup{})
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := tt.m
			m.id = fmt.Sprintf("5%03d", i)
			m.channel = "3000"
			m.author = alice()
			h.conn.dispatch(t, "MESSAGE_CREATE", m.event())

			call := recv(t, h.calls, "Answer call")
			if call.Question != tt.wantQ {
				t.Errorf("question = %q, want %q", call.Question, tt.wantQ)
			}
			want := bot.Asker{Platform: "discord", User: "2000", Channel: "3000"}
			if !call.HasAsker || call.Asker != want {
				t.Errorf("asker = %+v (set %v), want %+v", call.Asker, call.HasAsker, want)
			}
			for j, wantContent := range tt.wantOut {
				p := recv(t, h.f.posts, "POST message")
				checkPost(t, p, "3000", wantContent)
				ref := string(p.Body["message_reference"])
				if j == 0 && !strings.Contains(ref, `"message_id":"`+m.id+`"`) {
					t.Errorf("message_reference = %s, want one to message %s", ref, m.id)
				}
				if j == 0 && !strings.Contains(ref, `"fail_if_not_exists":false`) {
					t.Errorf("message_reference = %s, want a soft reference (fail_if_not_exists false)", ref)
				}
				if j > 0 && ref != "" {
					t.Errorf("part %d of the reply has message_reference %s, want none (only the first replies)", j+1, ref)
				}
			}
		})
	}
}

// checkPost checks what every message the adapter sends must have.
func checkPost(t *testing.T, p postedMessage, channel, content string) {
	t.Helper()
	if p.Channel != channel {
		t.Errorf("posted to channel %s, want %s", p.Channel, channel)
	}
	var got string
	json.Unmarshal(p.Body["content"], &got)
	if got != content {
		t.Errorf("content:\n%s\nwant:\n%s", got, content)
	}
	var am map[string]json.RawMessage
	if err := json.Unmarshal(p.Body["allowed_mentions"], &am); err != nil {
		t.Fatalf("allowed_mentions missing or not an object in %s", p.Raw)
	}
	// [] and not null: null means "Discord's defaults", which ping.
	if string(am["parse"]) != "[]" {
		t.Errorf("allowed_mentions.parse = %s, want []", am["parse"])
	}
	if utf16Len(got) > MessageLimit {
		t.Errorf("content is %d UTF-16 units, over %d", utf16Len(got), MessageLimit)
	}
}

func TestIgnored(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		m      msg
		reason string
	}{
		{"no mention", msg{guild: "g1", content: "Who is the Secretary of State?", author: alice()}, "not mentioned"},
		{"other user mentioned", msg{guild: "g1", content: "<@2001> Who is the Secretary of State?", author: alice(),
			mentions: []any{map[string]any{"id": "2001", "username": "bob"}}}, "not mentioned"},
		{"everyone only", msg{guild: "g1", content: "@everyone Who is the Secretary of State?", author: alice()}, "not mentioned"},
		{"bot author", msg{guild: "g1", content: "<@1000> Who is the Secretary of State?", mentions: []any{botUser},
			author: map[string]any{"id": "2002", "username": "otherbot", "bot": true}}, "bot author"},
		{"own message", msg{guild: "g1", content: "<@1000> Who is the Secretary of State?", mentions: []any{botUser},
			author: botUser}, "own message"},
		{"own DM", msg{content: "Who is the Secretary of State?", author: botUser}, "own message"},
		{"webhook", msg{guild: "g1", content: "<@1000> Who is the Secretary of State?", mentions: []any{botUser},
			author: map[string]any{"id": "2003", "username": "hook"}, webhook: "77"}, "webhook"},
	}
	h := start(t, setup{})
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := tt.m
			m.id = fmt.Sprintf("6%03d", i)
			m.channel = "3000"
			h.conn.dispatch(t, "MESSAGE_CREATE", m.event())
			attrs := h.logs.waitLog(t, "discord: ignored message", m.id)
			if attrs["reason"] != tt.reason {
				t.Errorf("ignored because %q, want %q", attrs["reason"], tt.reason)
			}
			none(t, h.calls, "Answer call")
			none(t, h.f.posts, "POST")
		})
	}
}

func TestLongQuestion(t *testing.T) {
	t.Parallel()
	h := start(t, setup{})
	for i, n := range []int{MaxQuestion + 1, 6000} {
		m := msg{id: fmt.Sprint(7000 + i), guild: "g1", channel: "3000", author: alice(), mentions: []any{botUser},
			content: "<@1000> " + strings.Repeat("why ", n/4+1)}
		h.conn.dispatch(t, "MESSAGE_CREATE", m.event())
		checkPost(t, recv(t, h.f.posts, "POST"), "3000", TooLong)
		if r := recv(t, h.events.rejected, "Rejected event"); r != "size" {
			t.Errorf("Rejected reason %q, want size", r)
		}
		none(t, h.calls, "Answer call")
	}
}

func TestRateLimitRetried(t *testing.T) {
	t.Parallel()
	h := start(t, setup{tune: instantRetries})
	h.f.setRateLimited(2)
	m := msg{id: "8000", content: "Who is the Secretary of State?", channel: "3001", author: alice()}
	h.conn.dispatch(t, "MESSAGE_CREATE", m.event())
	for i, want := range []int{429, 429, 200} {
		p := recv(t, h.f.posts, "POST")
		if p.Status != want {
			t.Fatalf("attempt %d: status %d, want %d", i+1, p.Status, want)
		}
		checkPost(t, p, "3001", Render(pompeo)[0])
	}
}

func TestRateLimitGivesUp(t *testing.T) {
	t.Parallel()
	h := start(t, setup{tune: instantRetries})
	h.f.setRateLimited(1000)
	m := msg{id: "8100", content: "Who is the Secretary of State?", channel: "3001", author: alice()}
	h.conn.dispatch(t, "MESSAGE_CREATE", m.event())
	h.logs.waitLog(t, "discord: reply dropped", "8100")
	if r := recv(t, h.events.failed, "ReplyFailed event"); r != "rate_limited" {
		t.Errorf("ReplyFailed %q, want rate_limited", r)
	}
	// Five attempts, then nothing more: no apology while rate limited.
	if got := len(h.f.posts); got != 5 {
		t.Errorf("%d POSTs, want 5 attempts", got)
	}
}

func TestFatalClose(t *testing.T) {
	t.Parallel()
	for _, code := range []int{4004, 4014} {
		t.Run(fmt.Sprint(code), func(t *testing.T) {
			t.Parallel()
			h := start(t, setup{refuse: func(int) int { return code }, noReady: true})
			err := recv(t, h.runErr, "Run's return")
			h.runErr <- err // for the cleanup
			var ge *GatewayError
			if !errors.As(err, &ge) || ge.Code != code {
				t.Fatalf("Run = %v, want a GatewayError with code %d", err, code)
			}
			if strings.Contains(err.Error(), testToken) {
				t.Errorf("error contains the token: %v", err)
			}
			none(t, h.events.connected, "Connected event")
		})
	}
}

// A transient close reconnects (resuming the session); a fatal close on
// the reconnection still ends Run.
func TestReconnect(t *testing.T) {
	t.Parallel()
	h := start(t, setup{refuse: func(n int) int {
		if n == 2 {
			return 4014
		}
		return 0
	}})
	h.conn.closeWith(4000, "unknown error")
	if up := recv(t, h.events.connected, "Connected event"); up {
		t.Fatalf("after the drop: Connected(up=true), want false")
	}
	if hello := recv(t, h.f.identifies, "Resume"); hello.Op != 6 || hello.D.SessionID != "session-1" {
		t.Errorf("reconnect sent op %d session %q, want a Resume (6) of session-1", hello.Op, hello.D.SessionID)
	}
	c := recv(t, h.f.conns, "RESUMED sent")
	if up := recv(t, h.events.connected, "Connected event"); !up {
		t.Fatalf("after reconnecting: Connected(up=false), want true")
	}
	m := msg{id: "8200", content: "Who is the Secretary of State?", channel: "3002", author: alice()}
	c.dispatch(t, "MESSAGE_CREATE", m.event())
	checkPost(t, recv(t, h.f.posts, "POST"), "3002", Render(pompeo)[0])

	c.closeWith(4000, "unknown error again")
	err := recv(t, h.runErr, "Run's return")
	h.runErr <- err
	var ge *GatewayError
	if !errors.As(err, &ge) || ge.Code != 4014 {
		t.Fatalf("Run = %v, want a GatewayError with code 4014", err)
	}
}

// Cancelling the context, as SIGTERM does through signal.NotifyContext,
// closes the gateway with a normal close and returns nil.
func TestCancel(t *testing.T) {
	t.Parallel()
	h := start(t, setup{})
	h.cancel()
	if err := recv(t, h.runErr, "Run's return"); err != nil {
		t.Errorf("Run = %v, want nil after cancel", err)
	}
	h.runErr <- nil
	if code := recv(t, h.f.closes, "close frame"); code != 1000 {
		t.Errorf("close code %d, want 1000", code)
	}
	if up := recv(t, h.events.connected, "Connected event"); up {
		t.Errorf("Connected(up=true) after cancel, want false")
	}
}

func TestNewValidates(t *testing.T) {
	t.Parallel()
	tests := []struct {
		cfg  Config
		want string
	}{
		{Config{}, "Config.Token is empty"},
		{Config{Token: "Bot "}, "Config.Token is empty"},
		{Config{Token: "abc\n"}, "Config.Token contains white space"},
		{Config{Token: "abc", APIURL: "discord.com"}, "Config.APIURL"},
		{Config{Token: "abc", APIURL: "ftp://x/"}, "Config.APIURL"},
	}
	for _, tt := range tests {
		_, err := New(newFakeAnswerer(), tt.cfg)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("New(%v) = %v, want an error mentioning %q", tt.cfg, err, tt.want)
		}
		if err != nil && tt.cfg.Token != "" && strings.Contains(err.Error(), strings.TrimSpace(tt.cfg.Token)) {
			t.Errorf("error %q shows the token", err)
		}
	}
	if _, err := New(nil, Config{Token: "abc"}); err == nil {
		t.Errorf("New(nil answerer) succeeded")
	}
	cfg := Config{Token: testToken}
	var logged strings.Builder
	slog.New(slog.NewTextHandler(&logged, nil)).Info("config", "cfg", cfg)
	slog.New(slog.NewJSONHandler(&logged, nil)).Info("config", "cfg", cfg)
	for _, s := range []string{fmt.Sprint(cfg), fmt.Sprintf("%+v", cfg), fmt.Sprintf("%#v", cfg), logged.String()} {
		if strings.Contains(s, testToken) {
			t.Errorf("formatted Config shows the token: %s", s)
		}
	}
}

// A session Discord will not resume (4009: timed out) is replaced by a
// fresh one that identifies again, instead of resuming into the same
// refusal forever.
func TestStaleSessionReidentifies(t *testing.T) {
	t.Parallel()
	h := start(t, setup{refuse: func(n int) int {
		if n == 1 {
			return 4009
		}
		return 0
	}})
	h.conn.closeWith(4000, "unknown error")
	if up := recv(t, h.events.connected, "Connected event"); up {
		t.Fatalf("after the drop: Connected(up=true), want false")
	}
	if hello := recv(t, h.f.identifies, "Resume"); hello.Op != 6 {
		t.Errorf("first reconnect sent op %d, want 6 (Resume)", hello.Op)
	}
	if hello := recv(t, h.f.identifies, "Identify"); hello.Op != 2 || hello.D.Intents != 4608 {
		t.Errorf("after 4009 sent op %d intents %d, want a fresh Identify (2) with intents 4608", hello.Op, hello.D.Intents)
	}
	c := recv(t, h.f.conns, "READY sent")
	if up := recv(t, h.events.connected, "Connected event"); !up {
		t.Fatalf("after re-identifying: Connected(up=false), want true")
	}
	m := msg{id: "8300", content: "Who is the Secretary of State?", channel: "3003", author: alice()}
	c.dispatch(t, "MESSAGE_CREATE", m.event())
	checkPost(t, recv(t, h.f.posts, "POST"), "3003", Render(pompeo)[0])
}

// discordgo's Open takes no context; cancelling Run while Open waits on a
// gateway that never answers must still return promptly.
func TestCancelWhileConnecting(t *testing.T) {
	t.Parallel()
	h := start(t, setup{refuse: func(int) int { return hang }, noReady: true})
	h.cancel()
	if err := recv(t, h.runErr, "Run's return"); err != nil {
		t.Errorf("Run = %v, want nil after cancel", err)
	}
	h.runErr <- nil
	none(t, h.events.connected, "Connected event")
}

// A panicking Answerer must not take the process down with it.
func TestAnswererPanic(t *testing.T) {
	t.Parallel()
	h := start(t, setup{})
	m := msg{id: "8400", content: "panic please", channel: "3004", author: alice()}
	h.conn.dispatch(t, "MESSAGE_CREATE", m.event())
	h.logs.waitLog(t, "discord: panic answering a message", "8400")
	none(t, h.f.posts, "POST")
	// Still serving.
	m = msg{id: "8401", content: "Who is the Secretary of State?", channel: "3004", author: alice()}
	h.conn.dispatch(t, "MESSAGE_CREATE", m.event())
	checkPost(t, recv(t, h.f.posts, "POST"), "3004", Render(pompeo)[0])
}

// Beyond the concurrency bound, questions are not answered but reported,
// and the asker is told to try again.
func TestBusy(t *testing.T) {
	t.Parallel()
	gate := gatedAnswerer{release: make(chan struct{}), started: make(chan struct{}, 1), next: newFakeAnswerer()}
	h := start(t, setup{answerer: gate, tune: func(a *Adapter) { a.concurrency = 1 }})
	first := msg{id: "8500", content: "Who is the Secretary of State?", channel: "3005", author: alice()}
	h.conn.dispatch(t, "MESSAGE_CREATE", first.event())
	// The first holds the only slot until released; wait until it is
	// being answered so the second surely finds the slot taken.
	recv(t, gate.started, "first question answered")
	second := msg{id: "8501", content: "Who is the Secretary of State?", channel: "3005", author: alice()}
	h.conn.dispatch(t, "MESSAGE_CREATE", second.event())
	if r := recv(t, h.events.rejected, "Rejected event"); r != "busy" {
		t.Errorf("Rejected %q, want busy", r)
	}
	busy := recv(t, h.f.posts, "busy notice")
	checkPost(t, busy, "3005", bot.BusyText)
	if ref := string(busy.Body["message_reference"]); !strings.Contains(ref, `"8501"`) {
		t.Errorf("the busy notice answers %s, want message 8501", ref)
	}
	// A guild message that is not for the bot is not a rejected question.
	other := msg{id: "8502", guild: "g1", content: "", channel: "3005", author: alice()}
	h.conn.dispatch(t, "MESSAGE_CREATE", other.event())
	h.logs.waitLog(t, "discord: ignored message", "8502")
	none(t, h.events.rejected, "Rejected event")
	// An /ask while busy still gets a response, or Discord shows an error.
	h.conn.dispatch(t, "INTERACTION_CREATE", askEvent("i5", "Who is the Secretary of State?"))
	if _, content, parse := interactionData(t, recv(t, h.f.interacts, "interaction callback")); content != bot.BusyText || parse != "[]" {
		t.Errorf("/ask while busy: %q parse %s, want %q parse []", content, parse, bot.BusyText)
	}
	if r := recv(t, h.events.rejected, "Rejected event"); r != "busy" {
		t.Errorf("/ask while busy: Rejected %q, want busy", r)
	}
	close(gate.release)
	p := recv(t, h.f.posts, "POST")
	checkPost(t, p, "3005", Render(pompeo)[0])
	if ref := string(p.Body["message_reference"]); !strings.Contains(ref, `"8500"`) {
		t.Errorf("the reply answers %s, want message 8500", ref)
	}
	h.logs.waitLog(t, "discord: replied", "8500")
	none(t, h.f.posts, "second POST")
}

package discord

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/storybot/storybot/bot"
)

// wait bounds every wait for something the code under test should do
// promptly; a failure here means it did not happen, not that it was slow.
const wait = 5 * time.Second

const (
	testToken = "test-token-Zm9vYmFyYmF6"
	botID     = "1000"
)

// fakeDiscord is a loopback stand-in for Discord's REST API and gateway,
// just enough of both for the real discordgo to run against it.
type fakeDiscord struct {
	t   *testing.T
	srv *httptest.Server

	// refuse decides, per gateway connection (0-based), whether to close
	// it after Identify/Resume with a close code instead of READY; hang
	// means never answering at all.
	refuse func(n int) int

	identifies chan gatewayHello  // every Identify or Resume received
	conns      chan *fakeConn     // every connection that got READY/RESUMED
	posts      chan postedMessage // every POST .../messages, 429s included
	closes     chan int           // close codes the client sent
	commands   chan postedMessage // application commands created
	interacts  chan postedMessage // interaction callbacks, edits and follow-ups

	mu          sync.Mutex
	nconn       int
	rateLimited int // answer this many more POSTs with 429
	// faults are served, one per POST .../messages and in order, instead
	// of success; see serveFault.
	faults []string
	// interactFaults are served likewise to interaction callbacks, edits
	// and follow-ups.
	interactFaults []string
	// globalReset is the X-RateLimit-Reset-After of a "global429" fault.
	globalReset string
	open        []*websocket.Conn
	// gatewayBot is what GET /gateway/bot answers: the recommended shard
	// count and max_concurrency.
	shards, maxConcurrency int
}

// gatewayHello is the client's Identify (op 2) or Resume (op 6).
const hang = -1

type gatewayHello struct {
	Op int `json:"op"`
	D  struct {
		Token     string  `json:"token"`
		Intents   int     `json:"intents"`
		SessionID string  `json:"session_id"`
		Shard     *[2]int `json:"shard"`
	} `json:"d"`
}

type postedMessage struct {
	Method  string
	Path    string
	Channel string
	Status  int
	Body    map[string]json.RawMessage
	Raw     string
}

func newFakeDiscord(t *testing.T) *fakeDiscord {
	t.Helper()
	f := &fakeDiscord{
		t:          t,
		refuse:     func(int) int { return 0 },
		identifies: make(chan gatewayHello, 16),
		conns:      make(chan *fakeConn, 16),
		posts:      make(chan postedMessage, 64),
		closes:     make(chan int, 16),
		commands:   make(chan postedMessage, 16),
		interacts:  make(chan postedMessage, 16),
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/v9/gateway", func(w http.ResponseWriter, r *http.Request) {
		url := "ws://" + strings.TrimPrefix(f.srv.URL, "http://") + "/ws"
		json.NewEncoder(w).Encode(map[string]string{"url": url})
	})
	mux.HandleFunc("GET /api/v9/gateway/bot", func(w http.ResponseWriter, r *http.Request) {
		url := "ws://" + strings.TrimPrefix(f.srv.URL, "http://") + "/ws"
		f.mu.Lock()
		shards, conc := f.shards, f.maxConcurrency
		f.mu.Unlock()
		json.NewEncoder(w).Encode(map[string]any{"url": url, "shards": max(1, shards),
			"session_start_limit": map[string]int{"total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": max(1, conc)}})
	})
	mux.HandleFunc("POST /api/v9/channels/{id}/messages", f.postMessage)
	mux.HandleFunc("POST /api/v9/applications/{app}/commands", f.record(f.commands, `{"id": "77", "name": "ask"}`))
	mux.HandleFunc("POST /api/v9/interactions/{id}/{token}/callback", f.record(f.interacts, ""))
	mux.HandleFunc("PATCH /api/v9/webhooks/{app}/{token}/messages/@original", f.record(f.interacts, `{"id": "9998"}`))
	mux.HandleFunc("POST /api/v9/webhooks/{app}/{token}", f.record(f.interacts, `{"id": "9997"}`))
	mux.HandleFunc("/ws/", f.gateway)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("fake discord: unexpected %s %s", r.Method, r.URL)
		http.NotFound(w, r)
	})
	// httptest listens on 127.0.0.1 only.
	f.srv = httptest.NewServer(mux)
	t.Cleanup(func() {
		f.mu.Lock()
		for _, c := range f.open {
			c.Close()
		}
		f.mu.Unlock()
		f.srv.Close()
	})
	return f
}

func (f *fakeDiscord) setRateLimited(n int) {
	f.mu.Lock()
	f.rateLimited = n
	f.mu.Unlock()
}

func (f *fakeDiscord) postMessage(w http.ResponseWriter, r *http.Request) {
	raw, _ := io.ReadAll(r.Body)
	if got := r.Header.Get("Authorization"); got != "Bot "+testToken {
		f.t.Errorf("POST %s: Authorization = %q, want the bot token", r.URL.Path, got)
	}
	p := postedMessage{Channel: r.PathValue("id"), Raw: string(raw), Status: http.StatusOK}
	if err := json.Unmarshal(raw, &p.Body); err != nil {
		f.t.Errorf("POST %s: body is not JSON: %v: %s", r.URL.Path, err, raw)
	}
	f.mu.Lock()
	if f.rateLimited > 0 {
		f.rateLimited--
		p.Status = http.StatusTooManyRequests
	}
	fault, reset := "", f.globalReset
	if p.Status == http.StatusOK && len(f.faults) > 0 {
		fault, f.faults = f.faults[0], f.faults[1:]
	}
	f.mu.Unlock()
	if fault != "" {
		p.Status = -1 // a fault, not a delivered message
		f.posts <- p
		serveFault(w, r, fault, reset)
		return
	}
	// Recorded before answering, so a test that has seen the client react
	// to the response can count the POSTs.
	f.posts <- p
	w.Header().Set("Content-Type", "application/json")
	if p.Status == http.StatusTooManyRequests {
		w.WriteHeader(p.Status)
		io.WriteString(w, `{"message": "You are being rate limited.", "retry_after": 0.01, "global": false}`)
	} else {
		json.NewEncoder(w).Encode(map[string]any{"id": "9999", "channel_id": p.Channel, "content": "ok"})
	}
}

// record answers an API call with reply (204 if empty) after recording it.
func (f *fakeDiscord) record(c chan<- postedMessage, reply string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		raw, _ := io.ReadAll(r.Body)
		p := postedMessage{Method: r.Method, Path: r.URL.Path, Raw: string(raw), Status: http.StatusOK}
		if err := json.Unmarshal(raw, &p.Body); err != nil {
			f.t.Errorf("%s %s: body is not a JSON object: %v: %s", r.Method, r.URL.Path, err, raw)
		}
		fault := ""
		f.mu.Lock()
		if c == f.interacts && len(f.interactFaults) > 0 {
			fault, f.interactFaults = f.interactFaults[0], f.interactFaults[1:]
		}
		f.mu.Unlock()
		if fault != "" {
			p.Status = -1
			c <- p
			serveFault(w, r, fault, "1")
			return
		}
		c <- p
		if reply == "" {
			w.WriteHeader(http.StatusNoContent)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, reply)
	}
}

// fakeConn is one gateway connection, seen from the server.
type fakeConn struct {
	shard *[2]int // as identified; nil: unsharded, receives every guild
	ws    *websocket.Conn
	mu    sync.Mutex // gorilla allows one concurrent writer
	seq   int
}

func (c *fakeConn) write(v any) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.ws.WriteJSON(v)
}

func (c *fakeConn) dispatch(t *testing.T, typ string, d any) {
	t.Helper()
	c.mu.Lock()
	c.seq++
	err := c.ws.WriteJSON(map[string]any{"op": 0, "t": typ, "s": c.seq, "d": d})
	c.mu.Unlock()
	if err != nil {
		t.Fatalf("dispatch %s: %v", typ, err)
	}
}

func (c *fakeConn) closeWith(code int, text string) {
	c.mu.Lock()
	c.ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, text), time.Now().Add(wait))
	c.mu.Unlock()
	c.ws.Close()
}

func (f *fakeDiscord) gateway(w http.ResponseWriter, r *http.Request) {
	up := websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}
	ws, err := up.Upgrade(w, r, nil)
	if err != nil {
		f.t.Errorf("upgrade: %v", err)
		return
	}
	f.mu.Lock()
	n := f.nconn
	f.nconn++
	f.open = append(f.open, ws)
	f.mu.Unlock()
	c := &fakeConn{ws: ws}
	defer ws.Close()

	// A long interval: discordgo sends one heartbeat at once, which is
	// enough to exercise the ack path, and no more during a test.
	if err := c.write(map[string]any{"op": 10, "d": map[string]any{"heartbeat_interval": 45000}}); err != nil {
		return
	}
	var hello gatewayHello
	if err := ws.ReadJSON(&hello); err != nil {
		return
	}
	c.shard = hello.D.Shard
	f.identifies <- hello
	if code := f.refuse(n); code == hang {
		for {
			if _, _, err := ws.ReadMessage(); err != nil {
				return
			}
		}
	} else if code != 0 {
		c.closeWith(code, "refused by the fake")
		return
	}
	if hello.Op == 6 {
		c.dispatch(f.t, "RESUMED", map[string]any{})
	} else {
		c.dispatch(f.t, "READY", map[string]any{
			"v":           9,
			"session_id":  "session-1",
			"user":        map[string]any{"id": botID, "username": "storybot", "bot": true},
			"guilds":      []any{},
			"application": map[string]any{"id": botID},
		})
	}
	f.conns <- c
	for {
		var m struct {
			Op int `json:"op"`
		}
		if err := ws.ReadJSON(&m); err != nil {
			var ce *websocket.CloseError
			if ok := asCloseError(err, &ce); ok {
				f.closes <- ce.Code
			}
			return
		}
		if m.Op == 1 {
			if c.write(map[string]any{"op": 11}) != nil {
				return
			}
		}
	}
}

func asCloseError(err error, target **websocket.CloseError) bool {
	ce, ok := err.(*websocket.CloseError)
	if ok {
		*target = ce
	}
	return ok
}

// fakeAnswerer answers from a fixed table and records every call.
type fakeAnswerer struct {
	calls chan answerCall
}

type answerCall struct {
	Question string
	Asker    bot.Asker
	HasAsker bool
}

func newFakeAnswerer() *fakeAnswerer { return &fakeAnswerer{calls: make(chan answerCall, 16)} }

var pompeo = bot.Reply{
	Outcome:  bot.OutcomeAnswered,
	Answered: true,
	Text:     `"Secretary of State Mike Pompeo said, "that's not going to happen."" [1]`,
	Citations: []bot.Citation{{N: 1, Doc: "story.txt", Sentence: 10, Paragraph: 4,
		Text: `In an interview with The Christian Broadcasting Network on Thursday, Secretary of State Mike Pompeo said, "that's not going to happen."`}},
}

// longReply needs two Discord messages.
var longReply = bot.Reply{
	Outcome: bot.OutcomeNotFound,
	Text:    strings.Repeat("This is a long explanation of what the story is about. ", 50),
}

var notFound = bot.Reply{
	Outcome: bot.OutcomeNotFound,
	Text:    "The story does not say. It is about Trump, Putin and a summit in Helsinki.",
}

func (f *fakeAnswerer) Answer(ctx context.Context, q string) bot.Reply {
	a, ok := bot.AskerFrom(ctx)
	f.calls <- answerCall{Question: q, Asker: a, HasAsker: ok}
	if strings.Contains(q, "panic") {
		panic("the answerer broke")
	}
	if strings.Contains(q, "everything") {
		r := longReply
		r.Question = q
		return r
	}
	if strings.Contains(q, "Secretary") {
		r := pompeo
		r.Question = q
		return r
	}
	r := notFound
	r.Question = q
	return r
}

// recEvents records bot.Events.
type recEvents struct {
	connected chan bool
	rejected  chan string
	failed    chan string
}

func newRecEvents() *recEvents {
	return &recEvents{connected: make(chan bool, 16), rejected: make(chan string, 16), failed: make(chan string, 16)}
}

func (e *recEvents) Rejected(platform, reason string) {
	if platform == "discord" {
		e.rejected <- reason
	}
}

func (e *recEvents) ReplyFailed(platform, reason string) {
	if platform == "discord" {
		e.failed <- reason
	}
}

func (e *recEvents) Connected(platform string, up bool) {
	if platform == "discord" {
		e.connected <- up
	}
}

// logRecorder keeps the text of every log line (to check the token never
// appears) and passes records to a channel, which is how tests learn that
// a message was ignored without sleeping.
type logRecorder struct {
	mu      *sync.Mutex
	buf     *bytes.Buffer
	text    slog.Handler
	records chan slog.Record
}

func newLogRecorder() *logRecorder {
	var buf bytes.Buffer
	return &logRecorder{
		mu:      new(sync.Mutex),
		buf:     &buf,
		text:    slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}),
		records: make(chan slog.Record, 256),
	}
}

func (l *logRecorder) Enabled(context.Context, slog.Level) bool { return true }
func (l *logRecorder) WithAttrs([]slog.Attr) slog.Handler       { return l } // unused by the adapter
func (l *logRecorder) WithGroup(string) slog.Handler            { return l }

func (l *logRecorder) Handle(ctx context.Context, r slog.Record) error {
	l.mu.Lock()
	err := l.text.Handle(ctx, r)
	l.mu.Unlock()
	select {
	case l.records <- r.Clone():
	default:
	}
	return err
}

func (l *logRecorder) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

// waitLog waits for a record with message msg whose "message" attribute
// is id, and returns its attributes.
func (l *logRecorder) waitLog(t *testing.T, msg, id string) map[string]string {
	t.Helper()
	timeout := time.After(wait)
	for {
		select {
		case r := <-l.records:
			if r.Message != msg {
				continue
			}
			attrs := map[string]string{}
			r.Attrs(func(a slog.Attr) bool {
				attrs[a.Key] = a.Value.String()
				return true
			})
			if id == "" || attrs["message"] == id {
				return attrs
			}
		case <-timeout:
			t.Fatalf("no log %q for message %q within %v", msg, id, wait)
		}
	}
}

// serveFault answers a POST with one failure: "500", "502", "400",
// "garbage" (200 with a body that is not JSON), "hang" (until the client
// gives up) or "global429" (a global rate limit resetting after reset
// seconds, which discordgo's limiter then sleeps out for every request).
func serveFault(w http.ResponseWriter, r *http.Request, fault, reset string) {
	switch fault {
	case "500", "502", "400":
		code := map[string]int{"500": 500, "502": 502, "400": 400}[fault]
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(code)
		io.WriteString(w, `{"message": "oops", "code": 0}`)
	case "garbage":
		io.WriteString(w, "<html>upstream error</html>")
	case "hang":
		<-r.Context().Done()
	case "global429":
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("X-RateLimit-Global", "true")
		w.Header().Set("X-RateLimit-Reset-After", reset)
		w.WriteHeader(http.StatusTooManyRequests)
		io.WriteString(w, `{"message": "You are being rate limited.", "retry_after": `+reset+`, "global": true}`)
	}
}

func (f *fakeDiscord) fail(faults ...string) {
	f.mu.Lock()
	f.faults = append(f.faults, faults...)
	f.mu.Unlock()
}

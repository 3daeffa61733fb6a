package slack

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/storybot/storybot/bot"
)

const (
	testSecret   = "test-signing-secret-do-not-log"
	testBotToken = "xoxb-test-bot-token-do-not-log"
	testAppToken = "xapp-test-app-token-do-not-log"
)

// answerFunc adapts a function to bot.Answerer, as http.HandlerFunc does.
type answerFunc func(ctx context.Context, q string) bot.Reply

func (f answerFunc) Answer(ctx context.Context, q string) bot.Reply { return f(ctx, q) }

// echo answers every question by quoting it back, so tests can see exactly
// what reached the bot and how it came out.
func echo(ctx context.Context, q string) bot.Reply {
	return bot.Reply{
		Question: q,
		Outcome:  bot.OutcomeAnswered,
		Answered: true,
		Text:     "You asked: " + q + " [1]",
		Citations: []bot.Citation{{
			N: 1, Doc: "story.txt", Paragraph: 2, Sentence: 3, Text: "Quoted: " + q,
		}},
	}
}

var _ bot.Answerer = answerFunc(nil)
var _ bot.Events = (*recorder)(nil)

// recorder is a bot.Events that remembers what it was told.
type recorder struct {
	mu        sync.Mutex
	rejected  []string
	connected []bool
	failed    []string
}

func (r *recorder) ReplyFailed(platform, reason string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.failed = append(r.failed, platform+":"+reason)
}

func (r *recorder) failures() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.failed...)
}

func (r *recorder) Rejected(platform, reason string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.rejected = append(r.rejected, platform+":"+reason)
}

func (r *recorder) Connected(platform string, up bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.connected = append(r.connected, up)
}

func (r *recorder) rejections() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.rejected...)
}

func (r *recorder) states() []bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]bool(nil), r.connected...)
}

// syncBuffer is a log sink safe for concurrent writers.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// harness is an Adapter with its observers.
type harness struct {
	*Adapter
	events *recorder
	logs   *syncBuffer
}

// newHarness builds an adapter with debug logging captured, and checks when
// the test ends that no secret ever reached the logs.
func newHarness(t *testing.T, a bot.Answerer, cfg Config, opts ...Option) *harness {
	t.Helper()
	if cfg.SigningSecret == "" {
		cfg.SigningSecret = testSecret
	}
	if cfg.BotToken == "" {
		cfg.BotToken = testBotToken
	}
	if cfg.SlowAfter == 0 {
		// Fast-path tests must not fall back just because -race is slow.
		cfg.SlowAfter = time.Minute
	}
	h := &harness{events: &recorder{}, logs: &syncBuffer{}}
	logger := slog.New(slog.NewTextHandler(h.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	opts = append([]Option{WithLogger(logger), WithEvents(h.events)}, opts...)
	ad, err := New(a, cfg, opts...)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	h.Adapter = ad
	t.Cleanup(func() {
		ad.Wait()
		logs := h.logs.String()
		for _, s := range []string{testSecret, testBotToken, testAppToken} {
			if strings.Contains(logs, s) {
				t.Errorf("secret %q leaked into logs:\n%s", s[:8], logs)
			}
		}
	})
	return h
}

// signed builds a request as Slack would send it, signed at ts.
func signed(t *testing.T, target, body string, ts time.Time) *http.Request {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, target, strings.NewReader(body))
	sign(req, body, ts)
	return req
}

func sign(req *http.Request, body string, ts time.Time) {
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set(HeaderTimestamp, strconv.FormatInt(ts.Unix(), 10))
	req.Header.Set(HeaderSignature, Sign(testSecret, ts.Unix(), []byte(body)))
}

// serve runs one request through the adapter's handler.
func (h *harness) serve(req *http.Request) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	h.Handler().ServeHTTP(rec, req)
	return rec
}

package slack

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/storybot/storybot/bot"
)

// form builds a slash command body the way Slack encodes it: text arrives
// with &, <, > already escaped as entities.
func form(text string, extra ...string) string {
	v := url.Values{
		"team_id":      {"T1"},
		"channel_id":   {"C1"},
		"user_id":      {"U1"},
		"command":      {"/story"},
		"text":         {strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(text)},
		"response_url": {"https://hooks.slack.com/commands/T1/1/abc"},
		"trigger_id":   {"1.2.3"},
	}
	for i := 0; i+1 < len(extra); i += 2 {
		v.Set(extra[i], extra[i+1])
	}
	return v.Encode()
}

// wire is a slash command response as Slack reads it.
type wire struct {
	ResponseType string `json:"response_type"`
	Text         string `json:"text"`
	Blocks       []struct {
		Type string `json:"type"`
		Text struct {
			Text string `json:"text"`
		} `json:"text"`
		Elements []struct {
			Text string `json:"text"`
		} `json:"elements"`
	} `json:"blocks"`
}

func decode(t *testing.T, body string) wire {
	t.Helper()
	var w wire
	if err := json.Unmarshal([]byte(body), &w); err != nil {
		t.Fatalf("response is not JSON: %v\n%s", err, body)
	}
	return w
}

func TestCommandsHTTP(t *testing.T) {
	t.Parallel()
	now := time.Unix(1_800_000_000, 0)
	clock := func() time.Time { return now }
	big := form(strings.Repeat("x", maxBody))

	type check func(t *testing.T, rec *httptest.ResponseRecorder, w wire)
	wantType := func(rt string) check {
		return func(t *testing.T, rec *httptest.ResponseRecorder, w wire) {
			if w.ResponseType != rt {
				t.Errorf("response_type = %q, want %q", w.ResponseType, rt)
			}
		}
	}
	contains := func(s string) check {
		return func(t *testing.T, rec *httptest.ResponseRecorder, w wire) {
			if !strings.Contains(rec.Body.String(), s) {
				t.Errorf("body lacks %q:\n%s", s, rec.Body.String())
			}
		}
	}
	lacks := func(s string) check {
		return func(t *testing.T, rec *httptest.ResponseRecorder, w wire) {
			if strings.Contains(rec.Body.String(), s) {
				t.Errorf("body has %q:\n%s", s, rec.Body.String())
			}
		}
	}
	emptyBody := func(t *testing.T, rec *httptest.ResponseRecorder, w wire) {
		if rec.Body.Len() != 0 {
			t.Errorf("body = %q, want empty", rec.Body.String())
		}
	}

	tests := []struct {
		name       string
		req        func(t *testing.T) *http.Request
		status     int
		rejected   []string
		asked      []string // questions that reached the bot
		checks     []check
		decodeJSON bool
	}{
		{
			name: "valid question",
			req: func(t *testing.T) *http.Request {
				return signed(t, "/slack/commands", form("Who is the Secretary of State?"), now)
			},
			status: 200, asked: []string{"Who is the Secretary of State?"}, decodeJSON: true,
			checks: []check{wantType(InChannel), contains("You asked: Who is the Secretary of State?"), contains("[1]")},
		},
		{
			name: "injection is unescaped for the bot and escaped for Slack",
			req: func(t *testing.T) *http.Request {
				return signed(t, "/slack/commands", form("<!channel> who is <@U123> & <https://x.example|y>?"), now)
			},
			status: 200, asked: []string{"<!channel> who is <@U123> & <https://x.example|y>?"}, decodeJSON: true,
			checks: []check{
				contains("&lt;!channel&gt;"), contains("&lt;@U123&gt;"), contains("&amp;"),
				lacks("<!channel>"), lacks("<@U123>"), lacks(`\u003c`),
			},
		},
		{
			name: "valid within skew, clock behind",
			req: func(t *testing.T) *http.Request {
				return signed(t, "/slack/commands", form("late?"), now.Add(4*time.Minute))
			},
			status: 200, asked: []string{"late?"}, decodeJSON: true,
		},
		{
			name:   "empty text gives usage",
			req:    func(t *testing.T) *http.Request { return signed(t, "/slack/commands", form("   "), now) },
			status: 200, decodeJSON: true,
			checks: []check{wantType(Ephemeral), contains("/story Who is the Secretary of State?")},
		},
		{
			name:   "help gives usage",
			req:    func(t *testing.T) *http.Request { return signed(t, "/slack/commands", form("HELP"), now) },
			status: 200, decodeJSON: true,
			checks: []check{wantType(Ephemeral), contains("Examples")},
		},
		{
			name: "forged",
			req: func(t *testing.T) *http.Request {
				r := signed(t, "/slack/commands", form("hi"), now)
				r.Header.Set(HeaderSignature, Sign("not-the-secret", now.Unix(), []byte(form("hi"))))
				return r
			},
			status: 401, rejected: []string{"slack:signature"},
		},
		{
			name: "tampered",
			req: func(t *testing.T) *http.Request {
				r := signed(t, "/slack/commands", form("hi"), now)
				r.Body = io.NopCloser(strings.NewReader(form("hi there")))
				r.ContentLength = int64(len(form("hi there")))
				return r
			},
			status: 401, rejected: []string{"slack:signature"},
		},
		{
			name: "stale",
			req: func(t *testing.T) *http.Request {
				return signed(t, "/slack/commands", form("hi"), now.Add(-6*time.Minute))
			},
			status: 401, rejected: []string{"slack:signature"},
		},
		{
			name: "from the future",
			req: func(t *testing.T) *http.Request {
				return signed(t, "/slack/commands", form("hi"), now.Add(6*time.Minute))
			},
			status: 401, rejected: []string{"slack:signature"},
		},
		{
			name: "unsigned",
			req: func(t *testing.T) *http.Request {
				return httptest.NewRequest(http.MethodPost, "/slack/commands", strings.NewReader(form("hi")))
			},
			status: 401, rejected: []string{"slack:signature"},
		},
		{
			name: "malformed signature",
			req: func(t *testing.T) *http.Request {
				r := signed(t, "/slack/commands", form("hi"), now)
				r.Header.Set(HeaderSignature, "v0=nothex")
				return r
			},
			status: 401, rejected: []string{"slack:signature"},
		},
		{
			name:   "oversize",
			req:    func(t *testing.T) *http.Request { return signed(t, "/slack/commands", big, now) },
			status: 413, rejected: []string{"slack:size"},
		},
		{
			name: "oversize without content length",
			req: func(t *testing.T) *http.Request {
				r := signed(t, "/slack/commands", big, now)
				r.ContentLength = -1
				return r
			},
			status: 413, rejected: []string{"slack:size"},
		},
		{
			name:   "GET",
			req:    func(t *testing.T) *http.Request { return httptest.NewRequest(http.MethodGet, "/slack/commands", nil) },
			status: 405, rejected: []string{"slack:method"},
		},
		{
			name:   "malformed form",
			req:    func(t *testing.T) *http.Request { return signed(t, "/slack/commands", "text=%zz&a=b;c", now) },
			status: 400, rejected: []string{"slack:malformed"},
		},
		{
			name:   "signed ssl_check",
			req:    func(t *testing.T) *http.Request { return signed(t, "/slack/commands", "ssl_check=1&token=x", now) },
			status: 200, checks: []check{emptyBody},
		},
		{
			name: "unsigned ssl_check",
			req: func(t *testing.T) *http.Request {
				return httptest.NewRequest(http.MethodPost, "/slack/commands", strings.NewReader("ssl_check=1&token=x"))
			},
			status: 200, checks: []check{emptyBody},
		},
		{
			name: "forged ssl_check is still a forgery",
			req: func(t *testing.T) *http.Request {
				r := signed(t, "/slack/commands", "ssl_check=1", now)
				r.Header.Set(HeaderSignature, Sign("wrong", now.Unix(), []byte("ssl_check=1")))
				return r
			},
			status: 401, rejected: []string{"slack:signature"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var mu sync.Mutex
			var asked []string
			var askers []bot.Asker
			h := newHarness(t, answerFunc(func(ctx context.Context, q string) bot.Reply {
				mu.Lock()
				defer mu.Unlock()
				asked = append(asked, q)
				a, _ := bot.AskerFrom(ctx)
				askers = append(askers, a)
				return echo(ctx, q)
			}), Config{}, WithClock(clock))
			rec := h.serve(tt.req(t))
			if rec.Code != tt.status {
				t.Fatalf("status = %d, want %d; body %q", rec.Code, tt.status, rec.Body.String())
			}
			h.Wait()
			mu.Lock()
			defer mu.Unlock()
			if !slices.Equal(asked, tt.asked) {
				t.Errorf("bot was asked %q, want %q", asked, tt.asked)
			}
			for _, a := range askers {
				if a != (bot.Asker{Platform: "slack", User: "U1", Channel: "C1"}) {
					t.Errorf("asker = %+v", a)
				}
			}
			if got := h.events.rejections(); !slices.Equal(got, tt.rejected) {
				t.Errorf("rejections = %q, want %q", got, tt.rejected)
			}
			var w wire
			if tt.decodeJSON {
				if ct := rec.Header().Get("Content-Type"); ct != "application/json" {
					t.Errorf("Content-Type = %q", ct)
				}
				w = decode(t, rec.Body.String())
				if w.Text == "" || len(w.Blocks) == 0 {
					t.Errorf("want text fallback and blocks, got %s", rec.Body.String())
				}
			}
			for _, c := range tt.checks {
				c(t, rec, w)
			}
			if strings.Contains(rec.Body.String(), testSecret) {
				t.Error("secret in response")
			}
		})
	}
}

func TestCommandReplayRejected(t *testing.T) {
	t.Parallel()
	h := newHarness(t, answerFunc(echo), Config{})
	now := time.Now()
	body := form("once")
	if rec := h.serve(signed(t, "/slack/commands", body, now)); rec.Code != 200 {
		t.Fatalf("first: status %d", rec.Code)
	}
	if rec := h.serve(signed(t, "/slack/commands", body, now)); rec.Code != 401 {
		t.Fatalf("replay: status %d, want 401", rec.Code)
	}
	// A genuinely new request (Slack re-signs with a new timestamp) is fine.
	if rec := h.serve(signed(t, "/slack/commands", body, now.Add(time.Second))); rec.Code != 200 {
		t.Fatalf("new timestamp: status %d", rec.Code)
	}
	if got, want := h.events.rejections(), []string{"slack:replay"}; !slices.Equal(got, want) {
		t.Errorf("rejections = %q, want %q", got, want)
	}
}

func TestCommandReplayRecasedSignature(t *testing.T) {
	t.Parallel()
	h := newHarness(t, answerFunc(echo), Config{})
	now := time.Now()
	body := form("once")
	first := signed(t, "/slack/commands", body, now)
	sig := first.Header.Get(HeaderSignature)
	if rec := h.serve(first); rec.Code != 200 {
		t.Fatalf("first: status %d", rec.Code)
	}
	again := signed(t, "/slack/commands", body, now)
	again.Header.Set(HeaderSignature, "v0="+strings.ToUpper(sig[3:]))
	if rec := h.serve(again); rec.Code != 401 {
		t.Errorf("replay with upper-case hex: status %d, want 401", rec.Code)
	}
}

func TestCommandAnswererPanics(t *testing.T) {
	t.Parallel()
	h := newHarness(t, answerFunc(func(context.Context, string) bot.Reply { panic("boom") }), Config{})
	rec := h.serve(signed(t, "/slack/commands", form("q"), time.Now()))
	if rec.Code != 200 {
		t.Fatalf("status %d, want 200 (Slack shows non-200 as a failure to deliver)", rec.Code)
	}
	if w := decode(t, rec.Body.String()); w.ResponseType != Ephemeral || !strings.Contains(w.Text, "went wrong") {
		t.Errorf("reply = %+v, want an ephemeral apology", w)
	}
}

func TestCommandResponseTypeEphemeral(t *testing.T) {
	t.Parallel()
	h := newHarness(t, answerFunc(echo), Config{ResponseType: Ephemeral})
	rec := h.serve(signed(t, "/slack/commands", form("q"), time.Now()))
	if w := decode(t, rec.Body.String()); w.ResponseType != Ephemeral {
		t.Errorf("response_type = %q, want ephemeral", w.ResponseType)
	}
}

func TestCommandNotAnsweredIsEphemeral(t *testing.T) {
	t.Parallel()
	for _, out := range []bot.Outcome{bot.OutcomeNotFound, bot.OutcomeRefused, bot.OutcomeLimited} {
		h := newHarness(t, answerFunc(func(ctx context.Context, q string) bot.Reply {
			return bot.Reply{Outcome: out, Answered: out == bot.OutcomeLimited, Text: "no <@U9>"}
		}), Config{})
		rec := h.serve(signed(t, "/slack/commands", form("q"), time.Now()))
		w := decode(t, rec.Body.String())
		if w.ResponseType != Ephemeral {
			t.Errorf("%s: response_type = %q, want ephemeral", out, w.ResponseType)
		}
		if !strings.Contains(w.Text, "no &lt;@U9&gt;") {
			t.Errorf("%s: text = %q", out, w.Text)
		}
	}
}

func TestNewRejectsBadConfig(t *testing.T) {
	t.Parallel()
	if _, err := New(answerFunc(echo), Config{SigningSecret: "s", ResponseType: "everyone"}); err == nil {
		t.Error("New accepted ResponseType everyone")
	}
	if _, err := New(nil, Config{SigningSecret: "s"}); err == nil {
		t.Error("New accepted a nil answerer")
	}
	if _, err := New(answerFunc(echo), Config{}); err == nil {
		t.Error("New accepted HTTP mode without a signing secret")
	}
	if _, err := New(answerFunc(echo), Config{SocketMode: true, SigningSecret: "s"}); err == nil {
		t.Error("New accepted Socket Mode without an app token")
	}
}

// TestCommandsConcurrent runs many signed requests at once over loopback,
// for the race detector and the replay cache's locking.
func TestCommandsConcurrent(t *testing.T) {
	t.Parallel()
	var answered atomic.Int64
	h := newHarness(t, answerFunc(func(ctx context.Context, q string) bot.Reply {
		answered.Add(1)
		return echo(ctx, q)
	}), Config{})
	srv := httptest.NewServer(h.Handler())
	defer srv.Close()

	const n = 250
	errs := make(chan error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			q := "question " + strconv.Itoa(i)
			body := form(q, "user_id", "U"+strconv.Itoa(i))
			req, err := http.NewRequest(http.MethodPost, srv.URL+"/slack/commands", strings.NewReader(body))
			if err != nil {
				errs <- err
				return
			}
			sign(req, body, time.Now())
			res, err := srv.Client().Do(req)
			if err != nil {
				errs <- err
				return
			}
			defer res.Body.Close()
			b, _ := io.ReadAll(res.Body)
			if res.StatusCode != 200 || !strings.Contains(string(b), "You asked: "+q+" [1]") {
				errs <- fmt.Errorf("request %d: status %d body %s", i, res.StatusCode, b)
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if got := answered.Load(); got != n {
		t.Errorf("answered %d, want %d", got, n)
	}
}

// hookServer is a fake response_url endpoint.
type hookServer struct {
	*httptest.Server
	mu    sync.Mutex
	posts []wire
	fails []int // statuses to answer the next posts with, in order
	tries int   // posts received, failed or not
}

func newHookServer(t *testing.T) *hookServer {
	t.Helper()
	hs := &hookServer{}
	hs.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		var m wire
		if err := json.Unmarshal(b, &m); err != nil {
			t.Errorf("response_url got non-JSON %q", b)
		}
		hs.mu.Lock()
		hs.tries++
		if len(hs.fails) > 0 {
			code := hs.fails[0]
			hs.fails = hs.fails[1:]
			hs.mu.Unlock()
			if code == http.StatusTooManyRequests {
				w.Header().Set("Retry-After", "3")
			}
			w.WriteHeader(code)
			return
		}
		hs.posts = append(hs.posts, m)
		hs.mu.Unlock()
		w.WriteHeader(http.StatusOK)
	}))
	t.Cleanup(hs.Close)
	return hs
}

func (hs *hookServer) received() []wire {
	hs.mu.Lock()
	defer hs.mu.Unlock()
	return append([]wire(nil), hs.posts...)
}

func TestSlowAnswerGoesToResponseURL(t *testing.T) {
	t.Parallel()
	hooks := newHookServer(t)
	other := newHookServer(t)
	hooksHost := strings.TrimPrefix(hooks.URL, "http://")

	tests := []struct {
		name        string
		responseURL string
		insecure    bool
		wantAck     string
		wantPosts   int
	}{
		{"allow-listed", hooks.URL + "/commands/T1/1/abc", true, "Looking that up", 1},
		{"host not allow-listed", other.URL + "/commands/T1/1/abc", true, "took too long", 0},
		{"http without the test option", hooks.URL + "/commands/T1/1/abc", false, "took too long", 0},
		{"credentials in URL", "http://user:pw@" + hooksHost + "/x", true, "took too long", 0},
		{"not a URL", "::", true, "took too long", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			release := make(chan struct{})
			var opts []Option
			if tt.insecure {
				opts = append(opts, AllowInsecureHooks())
			}
			h := newHarness(t, answerFunc(func(ctx context.Context, q string) bot.Reply {
				select {
				case <-release:
				case <-ctx.Done():
				}
				return echo(ctx, q)
			}), Config{HooksHosts: []string{hooksHost}, SlowAfter: time.Millisecond}, opts...)
			before := len(hooks.received()) + len(other.received())
			rec := h.serve(signed(t, "/slack/commands", form("slow?", "response_url", tt.responseURL), time.Now()))
			close(release)
			h.Wait()
			if rec.Code != 200 {
				t.Fatalf("status %d", rec.Code)
			}
			ack := decode(t, rec.Body.String())
			if ack.ResponseType != Ephemeral || !strings.Contains(ack.Text, tt.wantAck) {
				t.Errorf("ack = %+v, want ephemeral %q", ack, tt.wantAck)
			}
			after := len(hooks.received()) + len(other.received())
			if after-before != tt.wantPosts {
				t.Errorf("posts to response_url = %d, want %d", after-before, tt.wantPosts)
			}
			if tt.wantPosts > 0 {
				got := hooks.received()
				last := got[len(got)-1]
				if last.ResponseType != InChannel || !strings.Contains(last.Text, "You asked: slow?") {
					t.Errorf("deferred answer = %+v", last)
				}
			}
			if strings.Contains(h.logs.String(), "/commands/T1/1/abc") {
				t.Errorf("response_url path leaked into logs")
			}
		})
	}
}

func TestHookAllowed(t *testing.T) {
	t.Parallel()
	h := newHarness(t, answerFunc(echo), Config{HooksHosts: []string{"hooks.slack.com", "127.0.0.1:8080"}})
	tests := []struct {
		url  string
		want bool
	}{
		{"https://hooks.slack.com/commands/T/1/x", true},
		{"https://HOOKS.slack.com/commands/T/1/x", true},
		{"https://hooks.slack.com:443/commands/T/1/x", true},
		{"https://hooks.slack.com:8443/commands/T/1/x", false},
		{"http://hooks.slack.com/commands/T/1/x", false},
		{"https://hooks.slack.com.evil.example/x", false},
		{"https://evil.example/hooks.slack.com", false},
		{"https://user@hooks.slack.com/x", false},
		{"https://127.0.0.1:8080/x", true},
		{"https://127.0.0.1:8081/x", false},
		{"ftp://hooks.slack.com/x", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := h.hookAllowed(tt.url); got != tt.want {
			t.Errorf("hookAllowed(%q) = %v, want %v", tt.url, got, tt.want)
		}
	}
}

// A slow answer's response_url post is retried through 5xx and 429.
func TestResponseURLRetried(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name   string
		fails  []int
		posts  int
		failed []string
	}{
		{"500 then 429 then delivered", []int{500, 429}, 1, nil},
		{"always 503", []int{503, 503, 503, 503}, 0, []string{"slack:server_error"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			hooks := newHookServer(t)
			hooks.fails = tt.fails
			release := make(chan struct{})
			h := newHarness(t, answerFunc(func(ctx context.Context, q string) bot.Reply {
				<-release
				return echo(ctx, q)
			}), Config{HooksHosts: []string{strings.TrimPrefix(hooks.URL, "http://")}, SlowAfter: time.Millisecond}, AllowInsecureHooks())
			fastRetries(h.Adapter)
			h.serve(signed(t, "/slack/commands", form("slow?", "response_url", hooks.URL+"/commands/T1/1/abc"), time.Now()))
			close(release)
			h.Wait()
			if got := len(hooks.received()); got != tt.posts {
				t.Errorf("%d answers delivered, want %d", got, tt.posts)
			}
			if got := h.events.failures(); !slices.Equal(got, tt.failed) {
				t.Errorf("failures %v, want %v", got, tt.failed)
			}
			hooks.mu.Lock()
			tries := hooks.tries
			hooks.mu.Unlock()
			if tries != len(tt.fails)+tt.posts {
				t.Errorf("%d posts tried, want %d", tries, len(tt.fails)+tt.posts)
			}
		})
	}
}

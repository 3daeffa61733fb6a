package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/storybot/storybot/adapters/slack"
	"github.com/storybot/storybot/bot"
	"github.com/storybot/storybot/metrics"
)

// waitFor bounds every wait for something serve should do promptly; hitting
// it means the thing did not happen, not that it was slow.
const waitFor = 10 * time.Second

// logSink is serve's stderr in tests: it keeps everything written and lets
// a test wait for a line, which is how tests learn the bound port and that
// a reload finished without sleeping.
type logSink struct {
	mu      sync.Mutex
	buf     bytes.Buffer
	changed chan struct{} // closed and replaced on every write
}

func newLogSink() *logSink { return &logSink{changed: make(chan struct{})} }

func (l *logSink) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.buf.Write(p)
	close(l.changed)
	l.changed = make(chan struct{})
	return len(p), nil
}

func (l *logSink) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

// find returns the first line at or after byte offset from that contains
// every one of subs, and the offset just after it.
func (l *logSink) find(from int, subs ...string) (string, int, bool) {
	l.mu.Lock()
	text := l.buf.String()
	l.mu.Unlock()
	off := from
	for off < len(text) {
		end := strings.IndexByte(text[off:], '\n')
		if end < 0 {
			break
		}
		line := text[off : off+end]
		off += end + 1
		all := true
		for _, s := range subs {
			all = all && strings.Contains(line, s)
		}
		if all {
			return line, off, true
		}
	}
	return "", from, false
}

// changedCh is closed on the next write.
func (l *logSink) changedCh() <-chan struct{} {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.changed
}

// wait is find, waiting up to waitFor for the line to be written.
func (l *logSink) wait(t *testing.T, from int, subs ...string) (string, int) {
	t.Helper()
	deadline := time.After(waitFor)
	for {
		// Take the channel before looking, so a write in between is not missed.
		changed := l.changedCh()
		if line, off, ok := l.find(from, subs...); ok {
			return line, off
		}
		select {
		case <-changed:
		case <-deadline:
			t.Fatalf("no log line with %q within %v; log:\n%s", subs, waitFor, l)
		}
	}
}

// addrRE finds the bound address in the text or JSON "listening" line.
var addrRE = regexp.MustCompile(`(?:addr=|"addr":")(127\.0\.0\.1:\d+)`)

// served is a serve running in the test's process.
type served struct {
	base   string // http://127.0.0.1:PORT
	logs   *logSink
	cancel context.CancelFunc
	done   chan error
	stdout *bytes.Buffer
}

// startRun runs "storybot serve --config FILE" through run, exactly as main
// does, with getenv serving vars.
func startRun(t *testing.T, config string, vars map[string]string) *served {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(path, []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
	return start(t, func(ctx context.Context, e *env) error {
		return run(ctx, []string{"serve", "--config", path}, e.stdin, e.stdout, e.stderr, e.getenv)
	}, vars)
}

// startServe runs serve with hooks, for what run cannot inject (reloads).
func startServe(t *testing.T, config string, vars map[string]string, hooks serveHooks) *served {
	t.Helper()
	return start(t, func(ctx context.Context, e *env) error {
		cfg, err := ParseConfig(strings.NewReader(config), e.getenv)
		if err != nil {
			return err
		}
		return serve(ctx, e, cfg, hooks)
	}, vars)
}

func start(t *testing.T, f func(context.Context, *env) error, vars map[string]string) *served {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	s := &served{logs: newLogSink(), cancel: cancel, done: make(chan error, 1), stdout: new(bytes.Buffer)}
	e := &env{stdin: strings.NewReader(""), stdout: s.stdout, stderr: s.logs, getenv: func(k string) string { return vars[k] }}
	go func() { s.done <- f(ctx, e) }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-s.done:
		case <-time.After(waitFor):
			t.Errorf("serve did not stop within %v of cancellation", waitFor)
		}
	})
	// The port comes from the "listening" log line, as an operator sees it.
	deadline := time.After(waitFor)
	for {
		if line, _, ok := s.logs.find(0, "listening", "addr"); ok {
			m := addrRE.FindStringSubmatch(line)
			if m == nil {
				t.Fatalf("listening line without a loopback address: %s", line)
			}
			s.base = "http://" + m[1]
			break
		}
		select {
		case <-s.logs.changedCh():
		case err := <-s.done:
			s.done <- err
			t.Fatalf("serve ended before listening: %v\nlog:\n%s", err, s.logs)
		case <-deadline:
			t.Fatalf("serve did not log listening; log:\n%s", s.logs)
		}
	}
	return s
}

// stop cancels serve as SIGINT would and returns what it returned.
func (s *served) stop(t *testing.T) error {
	t.Helper()
	s.cancel()
	select {
	case err := <-s.done:
		s.done <- err // for Cleanup
		return err
	case <-time.After(waitFor):
		t.Fatalf("serve did not return within %v of cancellation", waitFor)
		return nil
	}
}

var trigger atomic.Int64

// slash sends a slash command signed with secret, as Slack would, and
// returns the status and body. Each has a fresh trigger_id so that no two
// signatures are equal (equal ones are refused as replays).
func slash(t *testing.T, base, secret, user, channel, text string) (int, string) {
	t.Helper()
	return do(t, slashRequest(t, base, secret, user, channel, text))
}

// slashRequest is the request slash sends.
func slashRequest(t *testing.T, base, secret, user, channel, text string) *http.Request {
	t.Helper()
	form := url.Values{
		"team_id": {"T1"}, "channel_id": {channel}, "user_id": {user},
		"command": {"/story"}, "text": {text}, "trigger_id": {strconv.FormatInt(trigger.Add(1), 10)},
	}
	body := form.Encode()
	req, err := http.NewRequest(http.MethodPost, base+"/slack/commands", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	ts := time.Now().Unix()
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set(slack.HeaderTimestamp, strconv.FormatInt(ts, 10))
	req.Header.Set(slack.HeaderSignature, slack.Sign(secret, ts, []byte(body)))
	return req
}

func do(t *testing.T, req *http.Request) (int, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), waitFor)
	defer cancel()
	resp, err := http.DefaultClient.Do(req.WithContext(ctx))
	if err != nil {
		t.Errorf("%s %s: %v", req.Method, req.URL.Path, err)
		return 0, ""
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	return do(t, req)
}

type slackMsg struct {
	ResponseType string `json:"response_type"`
	Text         string `json:"text"`
}

func parseSlack(t *testing.T, body string) slackMsg {
	t.Helper()
	var m slackMsg
	if err := json.Unmarshal([]byte(body), &m); err != nil {
		t.Fatalf("reply is not JSON: %v: %s", err, body)
	}
	return m
}

// eventually polls cond for state that has no event to wait on (a
// platform's connection state as /readyz reports it).
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	deadline := time.After(waitFor)
	for !cond() {
		select {
		case <-tick.C:
		case <-deadline:
			t.Fatalf("not %s within %v", what, waitFor)
		}
	}
}

const slackSecret = "8f742231b10e8888abcd99yyyzzz85a5-test"

const slackConfig = `
http:
  listen: 127.0.0.1:0
slack:
  signing_secret: ${SLACK_SIGNING_SECRET}
`

func TestServeSlackEndToEnd(t *testing.T) {
	t.Parallel()
	s := startRun(t, slackConfig, map[string]string{"SLACK_SIGNING_SECRET": slackSecret})

	code, body := slash(t, s.base, slackSecret, "U1", "C1", "Who is the Secretary of State?")
	if m := parseSlack(t, body); code != 200 || m.ResponseType != "in_channel" || !strings.Contains(m.Text, "Secretary of State Mike Pompeo") {
		t.Fatalf("signed /story: %d %s", code, body)
	}
	if code, body := slash(t, s.base, "not-the-secret", "U1", "C1", "Who is the Secretary of State?"); code != http.StatusUnauthorized {
		t.Errorf("bad signature: %d %s, want 401", code, body)
	}

	// 200 at once, each from its own user and channel so that no limit is
	// involved: all must be answered.
	const n = 200
	var wg sync.WaitGroup
	var ok atomic.Int64
	for i := range n {
		wg.Go(func() {
			code, body := slash(t, s.base, slackSecret, fmt.Sprint("UC", i), fmt.Sprint("CC", i), "Who is the Secretary of State?")
			if code == 200 && strings.Contains(body, "Mike Pompeo") {
				ok.Add(1)
			} else {
				t.Errorf("concurrent request %d: %d %.200s", i, code, body)
			}
		})
	}
	wg.Wait()
	if ok.Load() != n {
		t.Fatalf("%d of %d concurrent requests answered", ok.Load(), n)
	}

	if code, body := get(t, s.base+"/healthz"); code != 200 || !strings.Contains(body, `"status": "ok"`) {
		t.Errorf("/healthz: %d %s", code, body)
	}
	code, body = get(t, s.base+"/readyz")
	var ready readyReport
	if err := json.Unmarshal([]byte(body), &ready); err != nil || code != 200 || !ready.Ready {
		t.Errorf("/readyz: %d %s", code, body)
	}
	if len(ready.Documents) != 1 || ready.Documents[0] != (docInfo{"story.txt", 14, 13}) || !ready.Platforms[readySlackHTTP].Ready {
		t.Errorf("/readyz report: %+v", ready)
	}
	_, metrics := get(t, s.base+"/metrics")
	for _, want := range []string{
		`storybot_questions_total{outcome="answered",platform="slack"} 201`,
		`storybot_answer_duration_seconds_count{platform="slack"} 201`,
		`storybot_requests_rejected_total{platform="slack",reason="signature"} 1`,
		`storybot_platform_connected{platform="slack_http"} 1`,
		`storybot_documents_loaded 1`,
		`storybot_sentences_loaded 14`,
		`storybot_build_info{`,
	} {
		if !strings.Contains(metrics, want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
	// One line per question, with what an operator needs and nothing of
	// the question itself (log.questions is off).
	line, _ := s.logs.wait(t, 0, "msg=question", "user=U1 ")
	for _, want := range []string{"platform=slack", "outcome=answered", "latency=", "cited=11", "channel=C1"} {
		if !strings.Contains(line, want) {
			t.Errorf("question log line lacks %q: %s", want, line)
		}
	}
	if strings.Contains(s.logs.String(), "Secretary") {
		t.Error("question text logged with log.questions off")
	}

	if err := s.stop(t); err != nil {
		t.Errorf("serve returned %v after cancellation, want nil", err)
	}
	s.logs.wait(t, 0, "msg=stopped")
}

func TestServeRateLimits(t *testing.T) {
	t.Parallel()
	s := startRun(t, slackConfig+`
limits:
  user_per_minute: 1
  user_burst: 2
`, map[string]string{"SLACK_SIGNING_SECRET": slackSecret})
	wants := []string{"in_channel", "in_channel", "ephemeral"}
	for i, want := range wants {
		code, body := slash(t, s.base, slackSecret, "U1", "C1", "Who is the Secretary of State?")
		m := parseSlack(t, body)
		if code != 200 || m.ResponseType != want {
			t.Fatalf("question %d: %d %s, want %s", i+1, code, body, want)
		}
		if want == "ephemeral" && !strings.Contains(m.Text, "slow") && !strings.Contains(m.Text, "wait") {
			t.Errorf("limited reply does not ask to slow down: %s", m.Text)
		}
	}
	// Another user is unaffected.
	if _, body := slash(t, s.base, slackSecret, "U2", "C1", "Who is the Secretary of State?"); parseSlack(t, body).ResponseType != "in_channel" {
		t.Errorf("second user limited too: %s", body)
	}
	_, metrics := get(t, s.base+"/metrics")
	for _, want := range []string{
		`storybot_requests_rejected_total{platform="slack",reason="rate_limit"} 1`,
		`storybot_questions_total{outcome="rate_limited",platform="slack"} 1`,
		`storybot_questions_total{outcome="answered",platform="slack"} 3`,
	} {
		if !strings.Contains(metrics, want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
	s.logs.wait(t, 0, "msg=question", "outcome=rate_limited")
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestServeReload(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	doc := filepath.Join(dir, "animals.txt")
	writeFile(t, doc, "Zebras have black and white stripes.\n")
	reload := make(chan os.Signal, 1)
	cfg := slackConfig + "documents: [" + strconv.Quote(doc) + "]\nlog:\n  questions: true\n"
	// poll is also how long a file must be left alone before a reload
	// reads it: short here, since these files are written whole.
	s := startServe(t, cfg, map[string]string{"SLACK_SIGNING_SECRET": slackSecret}, serveHooks{reload: reload, poll: 5 * time.Millisecond})

	ask := func(q string) slackMsg {
		t.Helper()
		_, body := slash(t, s.base, slackSecret, "U1", "C1", q)
		return parseSlack(t, body)
	}
	answers := func(q, want string) bool { return strings.Contains(ask(q).Text, want) }
	if !answers("What do zebras have?", "stripes") {
		t.Fatal("not answering from the configured document")
	}

	off := 0
	steps := []struct {
		name   string
		change func()
		log    string
		ask    string
		want   string
		docs   string
	}{
		{"changed document is swapped in", func() { writeFile(t, doc, "Giraffes have very long necks. They eat leaves.\n") },
			"msg=\"documents reloaded\"", "What do giraffes have?", "long necks", `"sentences": 2`},
		{"empty document keeps the old store", func() { writeFile(t, doc, "") },
			"msg=\"reload failed; still answering from the previous documents\"", "What do giraffes have?", "long necks", `"sentences": 2`},
		{"binary document keeps the old store", func() { writeFile(t, doc, "\x00\x01") },
			"reload failed", "What do giraffes have?", "long necks", `"sentences": 2`},
		{"missing document keeps the old store", func() { os.Remove(doc) },
			"reload failed", "What do giraffes have?", "long necks", `"sentences": 2`},
		{"fixed document is swapped in", func() { writeFile(t, doc, "Owls hunt at night.\n") },
			"documents reloaded", "When do owls hunt?", "at night", `"sentences": 1`},
	}
	for _, st := range steps {
		st.change()
		reload <- syscall.SIGHUP
		_, off = s.logs.wait(t, off, st.log)
		if got := ask(st.ask); !strings.Contains(got.Text, st.want) {
			t.Errorf("%s: %q got %q, want %q", st.name, st.ask, got.Text, st.want)
		}
		if _, body := get(t, s.base+"/readyz"); !strings.Contains(body, st.docs) {
			t.Errorf("%s: /readyz = %s, want %s", st.name, body, st.docs)
		}
	}
	_, metrics := get(t, s.base+"/metrics")
	for _, want := range []string{`storybot_reloads_total{result="ok"} 2`, `storybot_reloads_total{result="failed"} 3`} {
		if !strings.Contains(metrics, want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
	// log.questions is on here.
	s.logs.wait(t, 0, "msg=question", `question="When do owls hunt?"`)
}

func TestServeWatchesDocuments(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a.txt"), "Zebras have stripes.\n")
	cfg := slackConfig + "documents: [" + strconv.Quote(dir) + "]\ndocuments_watch: true\n"
	s := startServe(t, cfg, map[string]string{"SLACK_SIGNING_SECRET": slackSecret}, serveHooks{poll: 5 * time.Millisecond})
	// A new file in the directory is noticed without a signal.
	writeFile(t, filepath.Join(dir, "b.md"), "# Owls\n\nOwls hunt at night.\n")
	s.logs.wait(t, 0, "documents reloaded", `trigger="documents changed"`, "documents=2")
	if _, body := slash(t, s.base, slackSecret, "U1", "C1", "When do owls hunt?"); !strings.Contains(body, "at night") {
		t.Errorf("after the watch reload: %s", body)
	}
}

func TestServeConfigErrors(t *testing.T) {
	t.Parallel()
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { taken.Close() }) // the subtests run after this function returns
	busy := taken.Addr().String()
	tests := []struct {
		name, config string
		code         int
		say          string
	}{
		{"unknown key", "htp:\n  listen: x\n", 2, "htp: unknown key"},
		{"bad value", "http:\n  listen: nowhere\n", 2, "http.listen"},
		{"missing document", "documents: [/nonexistent/story.txt]\nhttp:\n  listen: 127.0.0.1:0\n", 2, "/nonexistent/story.txt"},
		{"port in use", "http:\n  listen: " + busy + "\n", 1, "listen on " + busy},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			path := filepath.Join(t.TempDir(), "config.yaml")
			writeFile(t, path, tt.config)
			var out, errb bytes.Buffer
			err := run(context.Background(), []string{"serve", "--config", path}, strings.NewReader(""), &out, &errb, func(string) string { return "" })
			if code := exitCode(err, &errb); code != tt.code || !strings.Contains(errb.String(), tt.say) {
				t.Errorf("exit %d, stderr %q; want %d saying %q", code, errb.String(), tt.code, tt.say)
			}
		})
	}
}

// fakeSlackAPI answers the two Web API methods a mention needs.
func fakeSlackAPI(t *testing.T) (*httptest.Server, chan url.Values) {
	posts := make(chan url.Values, 16)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_ = r.ParseForm()
		w.Header().Set("Content-Type", "application/json")
		switch r.URL.Path {
		case "/api/auth.test":
			io.WriteString(w, `{"ok": true, "user_id": "UBOT", "user": "storybot", "bot_id": "BBOT"}`)
		case "/api/chat.postMessage", "/api/chat.postEphemeral":
			posts <- r.PostForm
			io.WriteString(w, `{"ok": true, "channel": "C1", "ts": "1.2"}`)
		default:
			t.Errorf("fake slack: unexpected %s", r.URL.Path)
			io.WriteString(w, `{"ok": false, "error": "unknown_method"}`)
		}
	}))
	t.Cleanup(srv.Close)
	return srv, posts
}

func signedPost(t *testing.T, url, secret string, body []byte) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	ts := time.Now().Unix()
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(slack.HeaderTimestamp, strconv.FormatInt(ts, 10))
	req.Header.Set(slack.HeaderSignature, slack.Sign(secret, ts, body))
	return do(t, req)
}

// TestServeKeepsSecretsOutOfLogs runs every platform at debug level with
// recognisable secrets, drives good and bad requests through each, and
// checks that no secret reaches the log or stdout.
func TestServeKeepsSecretsOutOfLogs(t *testing.T) {
	t.Parallel()
	slackAPI, slackPosts := fakeSlackAPI(t)
	secrets := map[string]string{
		"SLACK_SIGNING_SECRET": "signing-SECRET-0123456789abcdef",
		"SLACK_BOT_TOKEN":      "xoxb-BOT-TOKEN-0123456789",
		"DISCORD_TOKEN":        "discord-TOKEN-Zm9vYmFyYmF6",
	}
	fd := newFakeDiscord(t)
	fd.token = secrets["DISCORD_TOKEN"]
	cfg := fmt.Sprintf(`
http:
  listen: 127.0.0.1:0
slack:
  signing_secret: ${SLACK_SIGNING_SECRET}
  bot_token: ${SLACK_BOT_TOKEN}
  api_url: %s/api/
discord:
  token: ${DISCORD_TOKEN}
  api_url: %s
log:
  level: debug
  questions: true
`, slackAPI.URL, fd.srv.URL)
	s := startRun(t, cfg, secrets)
	secret := secrets["SLACK_SIGNING_SECRET"]

	// Slack: a good and a forged slash command, a mention.
	if code, body := slash(t, s.base, secret, "U1", "C1", "Who is the Secretary of State?"); code != 200 || !strings.Contains(body, "Pompeo") {
		t.Errorf("slash command: %d %s", code, body)
	}
	if code, _ := slash(t, s.base, secrets["SLACK_BOT_TOKEN"], "U1", "C1", "hi"); code != 401 {
		t.Errorf("forged slash command: %d", code)
	}
	event := `{"type": "event_callback", "event_id": "Ev1", "event": {"type": "app_mention", "user": "U1", "channel": "C1", "ts": "1.1", "text": "<@UBOT> Who is the Secretary of State?"}}`
	if code, body := signedPost(t, s.base+"/slack/events", secret, []byte(event)); code != 200 {
		t.Errorf("app_mention: %d %s", code, body)
	}
	select {
	case p := <-slackPosts:
		if !strings.Contains(p.Get("text"), "Pompeo") || p.Get("thread_ts") != "1.1" {
			t.Errorf("mention reply = %v", p)
		}
	case <-time.After(waitFor):
		t.Fatal("no reply to the app mention")
	}

	// Discord: a mention answered once.
	conn := <-fd.conns
	eventually(t, "ready with discord connected", func() bool { code, _ := get(t, s.base+"/readyz"); return code == 200 })
	conn.dispatch(t, "MESSAGE_CREATE", mentionEvent("m1", "<@1000> Who is the Secretary of State?"))
	select {
	case p := <-fd.posts:
		if !strings.Contains(p.content(), "Mike Pompeo") {
			t.Errorf("discord reply: %s", p.Raw)
		}
	case <-time.After(waitFor):
		t.Fatal("no discord reply")
	}
	if err := s.stop(t); err != nil {
		t.Fatalf("serve: %v", err)
	}
	if n := len(fd.posts); n != 0 {
		t.Errorf("%d extra discord replies to one mention", n)
	}

	logs := s.logs.String() + s.stdout.String()
	for name, v := range secrets {
		if strings.Contains(logs, v) {
			t.Errorf("%s appears in the output", name)
		}
	}
	for _, want := range []string{"slack request rejected", "discord gateway connected", "platform=discord", "platform=slack", "level=DEBUG"} {
		if !strings.Contains(logs, want) {
			t.Errorf("log lacks %q: the test did not exercise what it claims", want)
		}
	}
}

func TestServeDiscord(t *testing.T) {
	t.Parallel()
	fd := newFakeDiscord(t)
	cfg := fmt.Sprintf("http:\n  listen: 127.0.0.1:0\ndiscord:\n  token: ${DISCORD_TOKEN}\n  api_url: %s\n", fd.srv.URL)
	s := startRun(t, cfg, map[string]string{"DISCORD_TOKEN": testDiscordToken})
	conn := <-fd.conns
	eventually(t, "ready", func() bool { code, _ := get(t, s.base+"/readyz"); return code == 200 })
	if _, body := get(t, s.base+"/readyz"); !strings.Contains(body, `"discord": {`) || !strings.Contains(body, `"state": "connected"`) {
		t.Errorf("/readyz: %s", body)
	}
	conn.dispatch(t, "MESSAGE_CREATE", mentionEvent("m1", "<@1000> Who is the Secretary of State?"))
	p := <-fd.posts
	if !strings.Contains(p.content(), "Secretary of State Mike Pompeo") || p.Channel != "3000" {
		t.Errorf("reply to channel %s: %s", p.Channel, p.Raw)
	}
	if err := s.stop(t); err != nil {
		t.Fatalf("serve: %v", err)
	}
	if n := len(fd.posts); n != 0 {
		t.Errorf("%d replies to one mention, want exactly 1", n+1)
	}
}

func TestServeDiscordFatalClose(t *testing.T) {
	t.Parallel()
	tests := []struct {
		code int
		say  string
	}{
		{4004, "4004"},
		{4014, "4014"},
	}
	for _, tt := range tests {
		t.Run(strconv.Itoa(tt.code), func(t *testing.T) {
			t.Parallel()
			fd := newFakeDiscord(t)
			fd.refuse = tt.code
			cfg := fmt.Sprintf("http:\n  listen: 127.0.0.1:0\ndiscord:\n  token: ${DISCORD_TOKEN}\n  api_url: %s\n", fd.srv.URL)
			s := startRun(t, cfg, map[string]string{"DISCORD_TOKEN": testDiscordToken})
			select {
			case err := <-s.done:
				s.done <- err
				var errb bytes.Buffer
				if code := exitCode(err, &errb); code == 0 || !strings.Contains(errb.String(), tt.say) {
					t.Errorf("exit %d, %q; want non-zero naming %s", code, errb.String(), tt.say)
				}
				if strings.Contains(errb.String()+s.logs.String(), testDiscordToken) {
					t.Error("token in the error or the log")
				}
			case <-time.After(waitFor):
				t.Fatalf("serve still running after close %d", tt.code)
			}
		})
	}
}

// --- a minimal loopback Discord (REST and gateway), after adapters/discord's tests.

const testDiscordToken = "test-token-Zm9vYmFyYmF6"

type fakeDiscord struct {
	t      *testing.T
	srv    *httptest.Server
	token  string // expected in Identify
	refuse int    // close code sent instead of READY (0: none); set before connecting
	// globalReset, when set, answers every message POST with a global
	// 429 resetting after that many seconds.
	globalReset string
	conns       chan *fakeConn
	posts       chan discordPost
	mu          sync.Mutex
	open        []*websocket.Conn
}

type discordPost struct {
	Channel string
	Raw     string
}

func (p discordPost) content() string {
	var m struct{ Content string }
	_ = json.Unmarshal([]byte(p.Raw), &m)
	return m.Content
}

func newFakeDiscord(t *testing.T) *fakeDiscord {
	f := &fakeDiscord{t: t, token: testDiscordToken, conns: make(chan *fakeConn, 4), posts: make(chan discordPost, 16)}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/v9/gateway", func(w http.ResponseWriter, r *http.Request) {
		json.NewEncoder(w).Encode(map[string]string{"url": "ws://" + strings.TrimPrefix(f.srv.URL, "http://") + "/ws"})
	})
	mux.HandleFunc("GET /api/v9/gateway/bot", func(w http.ResponseWriter, r *http.Request) {
		json.NewEncoder(w).Encode(map[string]any{"url": "ws://" + strings.TrimPrefix(f.srv.URL, "http://") + "/ws",
			"shards": 2, "session_start_limit": map[string]int{"max_concurrency": 16}})
	})
	mux.HandleFunc("POST /api/v9/channels/{id}/messages", func(w http.ResponseWriter, r *http.Request) {
		raw, _ := io.ReadAll(r.Body)
		f.posts <- discordPost{Channel: r.PathValue("id"), Raw: string(raw)}
		if f.globalReset != "" {
			w.Header().Set("Content-Type", "application/json")
			w.Header().Set("X-RateLimit-Global", "true")
			w.Header().Set("X-RateLimit-Reset-After", f.globalReset)
			w.WriteHeader(http.StatusTooManyRequests)
			io.WriteString(w, `{"message": "You are being rate limited.", "retry_after": `+f.globalReset+`, "global": true}`)
			return
		}
		json.NewEncoder(w).Encode(map[string]any{"id": "9999", "channel_id": r.PathValue("id")})
	})
	mux.HandleFunc("POST /api/v9/applications/{app}/commands", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, `{"id": "77", "name": "ask"}`)
	})
	mux.HandleFunc("/ws/", f.gateway)
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

type fakeConn struct {
	mu    sync.Mutex
	ws    *websocket.Conn
	seq   int
	shard *[2]int // as identified
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

func (f *fakeDiscord) gateway(w http.ResponseWriter, r *http.Request) {
	up := websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}
	ws, err := up.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	f.mu.Lock()
	f.open = append(f.open, ws)
	f.mu.Unlock()
	defer ws.Close()
	c := &fakeConn{ws: ws}
	if c.write(map[string]any{"op": 10, "d": map[string]any{"heartbeat_interval": 45000}}) != nil {
		return
	}
	var hello struct {
		Op int `json:"op"`
		D  struct {
			Token string  `json:"token"`
			Shard *[2]int `json:"shard"`
		} `json:"d"`
	}
	if ws.ReadJSON(&hello) != nil {
		return
	}
	c.shard = hello.D.Shard
	if hello.D.Token != "Bot "+f.token {
		f.t.Errorf("identify with the wrong token")
	}
	if f.refuse != 0 {
		c.mu.Lock()
		ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(f.refuse, "refused by the fake"), time.Now().Add(waitFor))
		c.mu.Unlock()
		return
	}
	c.dispatch(f.t, "READY", map[string]any{
		"v": 9, "session_id": "s1", "guilds": []any{},
		"user":        map[string]any{"id": "1000", "username": "storybot", "bot": true},
		"application": map[string]any{"id": "1000"},
	})
	f.conns <- c
	for {
		var m struct {
			Op int `json:"op"`
		}
		if ws.ReadJSON(&m) != nil {
			return
		}
		if m.Op == 1 && c.write(map[string]any{"op": 11}) != nil {
			return
		}
	}
}

func mentionEvent(id, content string) map[string]any {
	return map[string]any{
		"id": id, "channel_id": "3000", "guild_id": "4000", "content": content, "type": 0,
		"author":    map[string]any{"id": "2000", "username": "alice"},
		"mentions":  []any{map[string]any{"id": "1000", "username": "storybot", "bot": true}},
		"timestamp": "2026-11-27T23:00:00.000000+00:00",
	}
}

// --- Slack Socket Mode against a loopback Web API and WebSocket.

const testAppToken = "xapp-1-TEST-app-token"

// fakeSocketSlack serves apps.connections.open and a Socket Mode WebSocket
// that says hello, pings, sends one slash command envelope, and reports
// the acks it reads.
func fakeSocketSlack(t *testing.T, acks chan<- string) *httptest.Server {
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/api/apps.connections.open":
			w.Header().Set("Content-Type", "application/json")
			if r.Header.Get("Authorization") != "Bearer "+testAppToken {
				io.WriteString(w, `{"ok": false, "error": "invalid_auth"}`)
				return
			}
			json.NewEncoder(w).Encode(map[string]any{"ok": true, "url": "ws://" + r.Host + "/ws"})
		case "/ws":
			up := websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}
			c, err := up.Upgrade(w, r, nil)
			if err != nil {
				return
			}
			defer c.Close()
			cmd, _ := json.Marshal(map[string]any{
				"type": "slash_commands", "envelope_id": "env-1", "accepts_response_payload": true,
				"payload": map[string]string{"team_id": "T1", "channel_id": "C2", "user_id": "U2", "command": "/story",
					"text": "Who is the Secretary of State?", "trigger_id": "1.2.3"},
			})
			for _, m := range []string{`{"type":"hello","num_connections":1,"connection_info":{"app_id":"A1"}}`, string(cmd)} {
				if c.WriteMessage(websocket.TextMessage, []byte(m)) != nil {
					return
				}
			}
			// slack-go reconnects if it is not pinged.
			c.WriteControl(websocket.PingMessage, []byte("ping"), time.Now().Add(waitFor))
			for {
				_, b, err := c.ReadMessage()
				if err != nil {
					return
				}
				acks <- string(b)
			}
		default:
			w.Header().Set("Content-Type", "application/json")
			io.WriteString(w, `{"ok": false, "error": "unknown_method"}`)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestServeSlackSocketMode(t *testing.T) {
	t.Parallel()
	acks := make(chan string, 4)
	api := fakeSocketSlack(t, acks)
	cfg := fmt.Sprintf("http:\n  listen: 127.0.0.1:0\nslack:\n  socket_mode: true\n  app_token: ${SLACK_APP_TOKEN}\n  api_url: %s/api/\n", api.URL)
	s := startRun(t, cfg, map[string]string{"SLACK_APP_TOKEN": testAppToken})
	select {
	case a := <-acks:
		if !strings.Contains(a, `"envelope_id":"env-1"`) || !strings.Contains(a, "Secretary of State Mike Pompeo") {
			t.Errorf("ack = %s", a)
		}
	case <-time.After(waitFor):
		t.Fatal("slash command over Socket Mode not acknowledged")
	}
	eventually(t, "ready", func() bool { code, _ := get(t, s.base+"/readyz"); return code == 200 })
	if _, body := get(t, s.base+"/readyz"); !strings.Contains(body, `"slack_socket_mode": {`) || strings.Contains(body, "slack_http") {
		t.Errorf("/readyz: %s", body)
	}
	if _, m := get(t, s.base+"/metrics"); !strings.Contains(m, `storybot_platform_connected{platform="slack"} 1`) {
		t.Error("/metrics does not show Socket Mode connected")
	}
	if err := s.stop(t); err != nil {
		t.Fatalf("serve: %v", err)
	}
}

func TestServeSlackSocketModeBadToken(t *testing.T) {
	t.Parallel()
	api := fakeSocketSlack(t, make(chan string, 4))
	const wrong = "xapp-1-WRONG-token"
	cfg := fmt.Sprintf("http:\n  listen: 127.0.0.1:0\nslack:\n  socket_mode: true\n  app_token: %s\n  api_url: %s/api/\n", wrong, api.URL)
	s := startRun(t, cfg, nil)
	select {
	case err := <-s.done:
		s.done <- err
		if err == nil || strings.Contains(err.Error(), wrong) {
			t.Errorf("serve = %v, want an error without the token", err)
		}
		if strings.Contains(s.logs.String(), wrong) {
			t.Error("token in the log")
		}
	case <-time.After(waitFor):
		t.Fatal("serve kept running with a refused app token")
	}
}

func TestServeJSONLogs(t *testing.T) {
	t.Parallel()
	s := startRun(t, slackConfig+"log:\n  format: json\n", map[string]string{"SLACK_SIGNING_SECRET": slackSecret})
	slash(t, s.base, slackSecret, "U1", "C1", "Who is the Secretary of State?")
	line, _ := s.logs.wait(t, 0, `"msg":"question"`)
	var rec map[string]any
	if err := json.Unmarshal([]byte(line), &rec); err != nil {
		t.Fatalf("not JSON: %v: %s", err, line)
	}
	if rec["platform"] != "slack" || rec["outcome"] != "answered" || rec["cited"] != "11" || rec["user"] != "U1" {
		t.Errorf("question record = %v", rec)
	}
}

func TestServeWarnsAboutUnsetVariables(t *testing.T) {
	t.Parallel()
	s := startRun(t, slackConfig+"discord:\n  token: ${DISCORD_TOKNE}\n", map[string]string{"SLACK_SIGNING_SECRET": slackSecret})
	s.logs.wait(t, 0, "level=WARN", "discord.token: ${DISCORD_TOKNE} is not set")
}

type panicky struct{}

func (panicky) Answer(context.Context, string) bot.Reply { panic("broken index") }

func TestObservedRecoversPanics(t *testing.T) {
	t.Parallel()
	logs := newLogSink()
	met := metrics.New("test")
	o := observed{next: panicky{}, log: slog.New(slog.NewTextHandler(logs, nil)), met: met}
	r := o.Answer(bot.WithAsker(context.Background(), bot.Asker{Platform: "discord", User: "U1"}), "q")
	if r.Outcome != bot.OutcomeRefused || !strings.Contains(r.Text, "Sorry") {
		t.Errorf("reply after a panic = %+v", r)
	}
	logs.wait(t, 0, "level=ERROR", "msg=question", "outcome=error", "platform=discord")
	rec := httptest.NewRecorder()
	met.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	if !strings.Contains(rec.Body.String(), `storybot_questions_total{outcome="error",platform="discord"} 1`) {
		t.Error("panic not counted as outcome error")
	}
}

// gate holds every answer until released, reporting when one has started.
type gate struct {
	next    bot.Answerer
	started chan struct{}
	release chan struct{}
}

func (g gate) Answer(ctx context.Context, q string) bot.Reply {
	g.started <- struct{}{}
	<-g.release
	return g.next.Answer(ctx, q)
}

// TestServeShutdownFinishesInFlight: on cancellation serve stops taking
// new connections but lets a question being answered finish and reply.
func TestServeShutdownFinishesInFlight(t *testing.T) {
	t.Parallel()
	started, release := make(chan struct{}, 1), make(chan struct{})
	wrap := func(a bot.Answerer) bot.Answerer { return gate{next: a, started: started, release: release} }
	// slow_after is long so that the adapter waits for the answer rather
	// than acknowledging first.
	cfg := "http:\n  listen: 127.0.0.1:0\nslack:\n  signing_secret: ${SLACK_SIGNING_SECRET}\n  slow_after: 1m\n"
	s := startServe(t, cfg, map[string]string{"SLACK_SIGNING_SECRET": slackSecret}, serveHooks{wrap: wrap})
	type result struct {
		code int
		body string
	}
	inflight := make(chan result, 1)
	go func() {
		code, body := slash(t, s.base, slackSecret, "U1", "C1", "Who is the Secretary of State?")
		inflight <- result{code, body}
	}()
	<-started
	s.cancel()
	s.logs.wait(t, 0, "msg=\"shutting down\"")
	// Shutdown closes the listener before waiting for requests.
	eventually(t, "refusing new connections", func() bool {
		_, err := http.Get(s.base + "/healthz")
		return err != nil
	})
	select {
	case err := <-s.done:
		t.Fatalf("serve returned (%v) with a question in flight", err)
	default:
	}
	close(release)
	r := <-inflight
	if r.code != 200 || !strings.Contains(r.body, "Mike Pompeo") {
		t.Errorf("in-flight question: %d %s", r.code, r.body)
	}
	if err := s.stop(t); err != nil {
		t.Errorf("serve: %v", err)
	}
}

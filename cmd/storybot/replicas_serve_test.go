package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/storybot/storybot/adapters/slack"
	"github.com/storybot/storybot/state/statetest"
)

// Two replicas of serve sharing one real redis-server, on loopback, against
// the Slack fakes. Not parallel: each runs three processes' worth of work,
// and alongside the timing-bound serve tests they would make those late.

const replicaBotToken = "xoxb-replica-test"

func replicaConfig(redisURL, slackAPI, extra string) string {
	return fmt.Sprintf(`
http:
  listen: 127.0.0.1:0
slack:
  signing_secret: ${SLACK_SIGNING_SECRET}
  bot_token: %s
  api_url: %s/api/
redis:
  url: %s
  prefix: "replicas-test:"
%s`, replicaBotToken, slackAPI, redisURL, extra)
}

func startReplicas(t *testing.T, config string) (a, b *served) {
	t.Helper()
	vars := map[string]string{"SLACK_SIGNING_SECRET": slackSecret}
	return startRun(t, config, vars), startRun(t, config, vars)
}

// signedEvent is an app_mention event signed at ts; retry, if not empty,
// is sent as X-Slack-Retry-Num, as Slack does when it sends it again.
func signedEvent(t *testing.T, base, eventID string, ts int64, retry string) (int, string) {
	t.Helper()
	body := []byte(`{"type": "event_callback", "event_id": "` + eventID + `", "event": {"type": "app_mention", "user": "U1", "channel": "C1", "ts": "1.1", "text": "<@UBOT> Who is the Secretary of State?"}}`)
	req, err := http.NewRequest(http.MethodPost, base+"/slack/events", strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(slack.HeaderTimestamp, strconv.FormatInt(ts, 10))
	req.Header.Set(slack.HeaderSignature, slack.Sign(slackSecret, ts, body))
	if retry != "" {
		req.Header.Set("X-Slack-Retry-Num", retry)
		req.Header.Set("X-Slack-Retry-Reason", "http_timeout")
	}
	return do(t, req)
}

// onePost waits for one chat.postMessage and checks no second one is
// queued; the caller has already seen the other replica decide.
func onePost(t *testing.T, posts chan url.Values) {
	t.Helper()
	select {
	case p := <-posts:
		if !strings.Contains(p.Get("text")+p.Get("blocks"), "Pompeo") {
			t.Errorf("posted %v", p)
		}
	case <-time.After(waitFor):
		t.Fatal("no chat.postMessage")
	}
	select {
	case p := <-posts:
		t.Errorf("a second chat.postMessage: %v", p)
	case <-time.After(200 * time.Millisecond):
	}
}

// eventOnce sends an event to a and Slack's retry of it, newly signed, to
// b, and checks that one replica answered and the other ignored it.
func eventOnce(t *testing.T, a, b *served, posts chan url.Values, eventID string) {
	t.Helper()
	now := time.Now().Unix()
	from := len(b.logs.String())
	if code, body := signedEvent(t, a.base, eventID, now, ""); code != 200 {
		t.Fatalf("event to replica A: %d %s", code, body)
	}
	if code, body := signedEvent(t, b.base, eventID, now+1, "1"); code != 200 {
		t.Fatalf("retry to replica B: %d %s", code, body)
	}
	b.logs.wait(t, from, "slack duplicate event ignored", eventID)
	onePost(t, posts)
}

func TestReplicasAnswerASlackEventOnce(t *testing.T) {
	redis := statetest.Start(t)
	api, posts := fakeSlackAPI(t)
	a, b := startReplicas(t, replicaConfig(redis.URL(), api.URL, ""))
	eventOnce(t, a, b, posts, "EvReplica1")

	// The very same request (a replay) reaching the other replica is
	// refused there, as it would be by the first.
	req := slashRequest(t, a.base, slackSecret, "U1", "C1", "Who is the Secretary of State?")
	if code, _ := do(t, req); code != 200 {
		t.Fatalf("slash to A: %d", code)
	}
	if code, _ := replay(t, b.base, req); code != http.StatusUnauthorized {
		t.Errorf("the same signed request on replica B: %d, want 401 (replay)", code)
	}
}

// replay sends req's body and headers again, to base.
func replay(t *testing.T, base string, orig *http.Request) (int, string) {
	t.Helper()
	body, err := orig.GetBody()
	if err != nil {
		t.Fatal(err)
	}
	req, err := http.NewRequest(orig.Method, base+orig.URL.Path, body)
	if err != nil {
		t.Fatal(err)
	}
	req.Header = orig.Header.Clone()
	return do(t, req)
}

func TestReplicasShareOneRateLimit(t *testing.T) {
	redis := statetest.Start(t)
	api, _ := fakeSlackAPI(t)
	a, b := startReplicas(t, replicaConfig(redis.URL(), api.URL, "limits:\n  user_per_minute: 1\n  user_burst: 2\n"))
	for i, s := range []*served{a, b} {
		if _, body := slash(t, s.base, slackSecret, "U1", "C1", "Who is the Secretary of State?"); parseSlack(t, body).ResponseType != "in_channel" {
			t.Fatalf("question %d: %s", i+1, body)
		}
	}
	// The burst of 2 is spent, one question on each replica: the third is
	// limited wherever it lands.
	for i, s := range []*served{b, a} {
		_, body := slash(t, s.base, slackSecret, "U1", "C1", "Who is the Secretary of State?")
		if m := parseSlack(t, body); m.ResponseType != "ephemeral" || !strings.Contains(m.Text, "wait") {
			t.Errorf("question %d over the limit: %+v, want the slow-down reply", i+3, m)
		}
	}
	if _, body := slash(t, a.base, slackSecret, "U2", "C1", "Who is the Secretary of State?"); parseSlack(t, body).ResponseType != "in_channel" {
		t.Errorf("another user limited too: %s", body)
	}
}

func TestReplicasShareSocketModeEnvelopes(t *testing.T) {
	redis := statetest.Start(t)
	acks := make(chan string, 8)
	// The fake delivers the same slash command envelope (env-1) on every
	// connection, as Slack may when it retries on another one.
	api := fakeSocketSlack(t, acks)
	cfg := fmt.Sprintf("http:\n  listen: 127.0.0.1:0\nslack:\n  socket_mode: true\n  app_token: ${SLACK_APP_TOKEN}\n  api_url: %s/api/\nredis:\n  url: %s\n", api.URL, redis.URL())
	vars := map[string]string{"SLACK_APP_TOKEN": testAppToken}
	startRun(t, cfg, vars)
	startRun(t, cfg, vars)
	answered := 0
	for range 2 {
		select {
		case a := <-acks:
			if !strings.Contains(a, `"envelope_id":"env-1"`) {
				t.Errorf("ack = %s", a)
			}
			if strings.Contains(a, "Secretary of State Mike Pompeo") {
				answered++
			}
		case <-time.After(waitFor):
			t.Fatal("envelope not acknowledged on both connections")
		}
	}
	if answered != 1 {
		t.Errorf("envelope answered %d times over two connections, want once", answered)
	}
}

func TestReplicasKeepAnsweringWithoutRedis(t *testing.T) {
	redis := statetest.Start(t)
	api, posts := fakeSlackAPI(t)
	a, b := startReplicas(t, replicaConfig(redis.URL(), api.URL, ""))
	for _, s := range []*served{a, b} {
		if _, body := get(t, s.base+"/readyz"); !strings.Contains(body, `"redis": "ok"`) {
			t.Fatalf("/readyz with Redis up: %s", body)
		}
	}

	redis.Stop()
	for i := range 3 {
		for _, s := range []*served{a, b} {
			code, body := slash(t, s.base, slackSecret, "U"+strconv.Itoa(i), "C1", "Who is the Secretary of State?")
			if m := parseSlack(t, body); code != 200 || m.ResponseType != "in_channel" || !strings.Contains(m.Text, "Pompeo") {
				t.Fatalf("without Redis: %d %s", code, body)
			}
		}
	}
	for _, s := range []*served{a, b} {
		code, body := get(t, s.base+"/readyz")
		if code != 200 || !strings.Contains(body, `"redis": "degraded"`) {
			t.Errorf("/readyz without Redis: %d %s; want 200 and redis: degraded", code, body)
		}
		if _, m := get(t, s.base+"/metrics"); strings.Contains(m, "storybot_redis_failures_total 0") || !strings.Contains(m, "storybot_redis_failures_total") {
			t.Error("/metrics counts no Redis failure")
		}
		if n := strings.Count(s.logs.String(), "redis unreachable"); n != 1 {
			t.Errorf("the outage logged %d times, want once:\n%s", n, s.logs)
		}
	}

	redis.Restart()
	for _, s := range []*served{a, b} {
		eventually(t, "redis ok again", func() bool { _, body := get(t, s.base+"/readyz"); return strings.Contains(body, `"redis": "ok"`) })
		s.logs.wait(t, 0, "redis reachable again")
	}
	eventOnce(t, a, b, posts, "EvAfterRestart")
}

func TestReplicaRedisPasswordFromTheEnvironmentNeverLogged(t *testing.T) {
	const password = "redis-pass-Zm9vYmFy"
	redis := statetest.StartWithPassword(t, password)
	api, _ := fakeSlackAPI(t)
	cfg := strings.Replace(replicaConfig(redis.URL(), api.URL, "log:\n  level: debug\n"),
		"redis:\n", "redis:\n  password: ${REDIS_PASSWORD}\n", 1)
	good := startRun(t, cfg, map[string]string{"SLACK_SIGNING_SECRET": slackSecret, "REDIS_PASSWORD": password})
	bad := startRun(t, cfg, map[string]string{"SLACK_SIGNING_SECRET": slackSecret, "REDIS_PASSWORD": "wrong-" + password})
	good.logs.wait(t, 0, "redis reachable")
	bad.logs.wait(t, 0, "redis unreachable")
	for _, s := range []*served{good, bad} {
		if _, body := slash(t, s.base, slackSecret, "U1", "C1", "Who is the Secretary of State?"); parseSlack(t, body).ResponseType != "in_channel" {
			t.Errorf("not answered: %s", body)
		}
		if strings.Contains(s.logs.String(), password) {
			t.Errorf("the Redis password is in the log:\n%s", s.logs)
		}
	}
	if _, body := get(t, bad.base+"/readyz"); !strings.Contains(body, `"redis": "degraded"`) {
		t.Errorf("/readyz with a wrong password: %s", body)
	}
}

func TestServeDiscordShardSettings(t *testing.T) {
	fd := newFakeDiscord(t)
	base := fmt.Sprintf("http:\n  listen: 127.0.0.1:0\ndiscord:\n  token: ${DISCORD_TOKEN}\n  api_url: %s\n", fd.srv.URL)
	vars := map[string]string{"DISCORD_TOKEN": testDiscordToken}

	startRun(t, base+"  shard_count: 2\n  shard_id: 1\n", vars)
	if c := <-fd.conns; c.shard == nil || *c.shard != [2]int{1, 2} {
		t.Errorf("Identify shard = %v, want [1 2]", c.shard)
	}

	// The fake recommends 2 shards: shard 5 of them cannot be.
	s := startRun(t, base+"  shards: auto\n  shard_id: 5\n", vars)
	select {
	case err := <-s.done:
		s.done <- err
		if err == nil || !strings.Contains(err.Error(), "shard_id 5 is not below the shard count 2") {
			t.Errorf("serve = %v, want the shard error", err)
		}
	case <-time.After(waitFor):
		t.Fatal("serve kept running as shard 5 of 2")
	}
}

// fakeSocketMention serves a Socket Mode app whose every connection gets the
// same app mention (one event ID) in an envelope of its own, as Slack
// redelivers an event it is unsure was received, with auth.test and
// chat.postMessage beside it.
func fakeSocketMention(t *testing.T, posts chan<- url.Values) *httptest.Server {
	var n atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		switch r.URL.Path {
		case "/api/apps.connections.open":
			json.NewEncoder(w).Encode(map[string]any{"ok": true, "url": "ws://" + r.Host + "/ws"})
		case "/api/auth.test":
			io.WriteString(w, `{"ok": true, "user_id": "UBOT", "user": "storybot", "bot_id": "BBOT"}`)
		case "/api/chat.postMessage":
			_ = r.ParseForm()
			posts <- r.PostForm
			io.WriteString(w, `{"ok": true, "channel": "C9", "ts": "1.2"}`)
		case "/ws":
			up := websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}
			c, err := up.Upgrade(w, r, nil)
			if err != nil {
				return
			}
			defer c.Close()
			i := n.Add(1) - 1
			env := fmt.Sprintf(`{"type":"events_api","envelope_id":"env-%d","retry_attempt":%d,"retry_reason":"timeout","accepts_response_payload":false,"payload":{"type":"event_callback","team_id":"T1","api_app_id":"A1","event_id":"EvSock1","event_time":1700000000,"event":{"type":"app_mention","user":"U1","text":"<@UBOT> Who is the Secretary of State?","ts":"1700000000.000100","channel":"C9","event_ts":"1700000000.000100"}}}`, i, i)
			for _, m := range []string{`{"type":"hello","num_connections":2,"connection_info":{"app_id":"A1"}}`, env} {
				if c.WriteMessage(websocket.TextMessage, []byte(m)) != nil {
					return
				}
			}
			c.WriteControl(websocket.PingMessage, []byte("ping"), time.Now().Add(waitFor))
			for {
				if _, _, err := c.ReadMessage(); err != nil {
					return
				}
			}
		default:
			io.WriteString(w, `{"ok": false, "error": "unknown_method"}`)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestReplicasAnswerASocketModeRedeliveryOnce(t *testing.T) {
	redis := statetest.Start(t)
	posts := make(chan url.Values, 8)
	api := fakeSocketMention(t, posts)
	cfg := fmt.Sprintf("http:\n  listen: 127.0.0.1:0\nslack:\n  socket_mode: true\n  app_token: ${SLACK_APP_TOKEN}\n  bot_token: %s\n  api_url: %s/api/\nredis:\n  url: %s\n", replicaBotToken, api.URL, redis.URL())
	vars := map[string]string{"SLACK_APP_TOKEN": testAppToken}
	a, b := startRun(t, cfg, vars), startRun(t, cfg, vars)
	// One replica answers; the other, which got the redelivery on its own
	// connection, must recognise the event.
	eventually(t, "one replica to ignore the redelivery", func() bool {
		_, _, inA := a.logs.find(0, "slack duplicate event ignored", "EvSock1")
		_, _, inB := b.logs.find(0, "slack duplicate event ignored", "EvSock1")
		return inA != inB
	})
	onePost(t, posts)
}

// mention sends an app_mention of text in channel C1, in the thread
// started by thread (none if empty), to base.
func mention(t *testing.T, base, eventID, text, ts, thread string) {
	t.Helper()
	ev := map[string]string{"type": "app_mention", "user": "U1", "channel": "C1", "ts": ts, "text": "<@UBOT> " + text}
	if thread != "" {
		ev["thread_ts"] = thread
	}
	body, err := json.Marshal(map[string]any{"type": "event_callback", "team_id": "T1", "event_id": eventID, "event": ev})
	if err != nil {
		t.Fatal(err)
	}
	if code, resp := signedPost(t, base+"/slack/events", slackSecret, body); code != 200 {
		t.Fatalf("event %s: %d %s", eventID, code, resp)
	}
}

// nextPost waits for one chat.postMessage.
func nextPost(t *testing.T, posts chan url.Values) url.Values {
	t.Helper()
	select {
	case p := <-posts:
		return p
	case <-time.After(waitFor):
		t.Fatal("no chat.postMessage")
		return nil
	}
}

// A conversation started on one replica goes on on the other: the turns
// are kept in Redis, so a follow-up in the thread reaching replica B is
// read against the question replica A answered.
func TestReplicasShareConversations(t *testing.T) {
	redis := statetest.Start(t)
	api, posts := fakeSlackAPI(t)
	a, b := startReplicas(t, replicaConfig(redis.URL(), api.URL, ""))

	mention(t, a.base, "EvConv1", "Who is the Secretary of State?", "1700000000.000100", "")
	first := nextPost(t, posts)
	if !strings.Contains(first.Get("text"), "Pompeo") || first.Get("thread_ts") != "1700000000.000100" {
		t.Fatalf("replica A answered %q in thread %q", first.Get("text"), first.Get("thread_ts"))
	}
	mention(t, b.base, "EvConv2", "what did he say?", "1700000000.000200", "1700000000.000100")
	second := nextPost(t, posts)
	if got := second.Get("text"); !strings.Contains(got, "not going to happen") || second.Get("thread_ts") != "1700000000.000100" {
		t.Errorf("the follow-up on replica B: %q in thread %q; want Pompeo's quote in the thread", got, second.Get("thread_ts"))
	}

	// The same follow-up in another thread has nothing to follow.
	mention(t, b.base, "EvConv3", "what did he say?", "1700000000.000400", "1700000000.000300")
	if got := nextPost(t, posts).Get("text"); strings.Contains(got, "not going to happen") {
		t.Errorf("a follow-up in a new thread was read against another thread: %q", got)
	}
}

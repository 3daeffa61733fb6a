package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storybot/storybot/bot"
	"github.com/storybot/storybot/metrics"
)

// runEnv is runCLI with an environment, for configs that expand ${VAR}.
func runEnv(t *testing.T, vars map[string]string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(context.Background(), args, strings.NewReader(""), &out, &errb, func(k string) string { return vars[k] })
	code = exitCode(err, &errb)
	return out.String(), errb.String(), code
}

func TestConfigCheck(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	doc := filepath.Join(dir, "faq.md")
	writeFile(t, doc, "# FAQ\n\nThe office opens at nine.\n")
	empty := filepath.Join(dir, "empty.txt")
	writeFile(t, empty, "")
	secrets := map[string]string{
		"SLACK_SIGNING_SECRET": "check-SIGNING-secret-123",
		"SLACK_BOT_TOKEN":      "xoxb-check-BOT-token",
		"SLACK_APP_TOKEN":      "xapp-check-APP-token",
		"DISCORD_TOKEN":        "check-DISCORD-token",
	}
	example, err := os.ReadFile(filepath.Join("..", "..", "config.example.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, config string
		code         int
		say          []string
	}{
		{"the example", string(example), 0, []string{"config OK: 1 document(s), 14 sentences from the built-in story", "slack (HTTP request URLs)", "discord"}},
		{"empty file", "", 0, []string{"config OK", "platforms: none"}},
		{"socket mode", "slack:\n  socket_mode: true\n  app_token: ${SLACK_APP_TOKEN}\n", 0, []string{"slack (Socket Mode)"}},
		{"own documents", "documents: [" + doc + "]\n", 0, []string{"1 document(s), 2 sentences from " + doc}},
		{"every problem named by key", "answer:\n  top_k: 0\nlog:\n  format: xml\nslack:\n  socket_mode: true\n", 2, []string{
			"answer.top_k: must be between 1 and 100", "log.format: must be text or json", "slack.app_token: is required"}},
		{"unknown key", "slak: {}\n", 2, []string{"slak: unknown key (line 1)"}},
		{"bad document", "documents: [" + empty + "]\n", 2, []string{"documents: ", "empty.txt", "empty"}},
		{"adapter check", "discord:\n  token: \"two words\"\n", 2, []string{"discord: Config.Token contains white space"}},
		{"not YAML", "http: [\n", 2, []string{"not valid YAML"}},
		{"unset variable", "discord: {token: \"${DISCORD_TOKNE}\"}\n", 0, []string{
			"warning: discord.token: ${DISCORD_TOKNE} is not set (or is empty), so the value is empty (line 1)", "platforms: none"}},
		{"every error with key and line", "http:\n  read_timeout: 10 seconds\n  idle_timeout: 1 minute\n", 2, []string{
			`http.read_timeout: want a duration such as 5s or 1m, got "10 seconds" (line 2)`,
			`http.idle_timeout: want a duration such as 5s or 1m, got "1 minute" (line 3)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			path := filepath.Join(t.TempDir(), "config.yaml")
			writeFile(t, path, tt.config)
			out, errs, code := runEnv(t, secrets, "config", "check", "--config", path)
			if code != tt.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, out, errs)
			}
			for _, s := range tt.say {
				if !strings.Contains(out, s) {
					t.Errorf("stdout lacks %q:\n%s", s, out)
				}
			}
			for name, v := range secrets {
				if strings.Contains(out+errs, v) {
					t.Errorf("%s printed", name)
				}
			}
			if code == 2 && !strings.Contains(errs, "problem(s)") {
				t.Errorf("stderr %q does not sum up the problems", errs)
			}
		})
	}
}

func TestConfigUsage(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args []string
		say  string
	}{
		{[]string{"config"}, "want a subcommand: check"},
		{[]string{"config", "lint"}, `unknown subcommand "lint"`},
		{[]string{"config", "check"}, "want --config FILE"},
		{[]string{"config", "check", "--config", "/nonexistent.yaml"}, "no such file"},
	}
	for _, tt := range tests {
		_, errs, code := runCLI(t, "", tt.args...)
		if code != 2 || !strings.Contains(errs, tt.say) {
			t.Errorf("%v: exit %d, stderr %q; want 2 saying %q", tt.args, code, errs, tt.say)
		}
	}
	if out, _, code := runCLI(t, "", "config", "check", "--help"); code != 0 || !strings.Contains(out, "--config") {
		t.Errorf("config check --help: %d %q", code, out)
	}
}

func TestHealthcheck(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/healthz":
			w.Write([]byte(`{"status": "ok"}`))
		case "/redirect":
			http.Redirect(w, r, "/healthz", http.StatusFound)
		default:
			http.Error(w, "down", http.StatusServiceUnavailable)
		}
	}))
	t.Cleanup(srv.Close)
	closed, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closedURL := "http://" + closed.Addr().String() + "/healthz"
	closed.Close()
	tests := []struct {
		name string
		args []string
		code int
		say  string
	}{
		{"healthy", []string{"--url", srv.URL + "/healthz"}, 0, "ok"},
		{"unhealthy", []string{"--url", srv.URL + "/readyz"}, 1, "503"},
		{"redirects are not followed", []string{"--url", srv.URL + "/redirect"}, 1, "302"},
		{"nothing listening", []string{"--url", closedURL}, 1, "connection refused"},
		{"bad flag", []string{"--timeout", "soon"}, 2, "invalid value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			out, errs, code := runCLI(t, "", append([]string{"healthcheck"}, tt.args...)...)
			if code != tt.code || !strings.Contains(out+errs, tt.say) {
				t.Errorf("exit %d, out %q, err %q; want %d saying %q", code, out, errs, tt.code, tt.say)
			}
		})
	}
}

// The healthcheck command against a real serve, as the container runs it.
func TestHealthcheckAgainstServe(t *testing.T) {
	t.Parallel()
	s := startRun(t, "http:\n  listen: 127.0.0.1:0\n", nil)
	if out, errs, code := runCLI(t, "", "healthcheck", "--url", s.base+"/healthz"); code != 0 {
		t.Errorf("exit %d: %s %s", code, out, errs)
	}
	// No platform enabled: ready as soon as the documents are loaded.
	code, body := get(t, s.base+"/readyz")
	var rep readyReport
	if err := json.Unmarshal([]byte(body), &rep); err != nil || code != 200 || len(rep.Platforms) != 0 {
		t.Errorf("/readyz: %d %s", code, body)
	}
}

func TestReadinessWaitsForEveryPlatform(t *testing.T) {
	t.Parallel()
	r := newReadiness()
	ev := serveEvents{met: metrics.New("test"), ready: r}
	r.setDocs([]docInfo{{"story.txt", 14, 13}})
	r.set(readySlackSocket, false, "connecting")
	r.set(readyDiscord, false, "connecting")
	steps := []struct {
		platform string
		up       bool
		ready    bool
	}{
		{"slack", true, false},
		{"discord", true, true},
		{"discord", false, false},
		{"discord", true, true},
		{"other", false, true}, // not enabled: ignored
	}
	for i, st := range steps {
		ev.Connected(st.platform, st.up)
		if got := r.report().Ready; got != st.ready {
			t.Errorf("step %d (%s up=%v): ready %v, want %v", i, st.platform, st.up, got, st.ready)
		}
	}
	r.setDocs(nil)
	if r.report().Ready {
		t.Error("ready without documents")
	}
}

func TestREPLRendersForPlatforms(t *testing.T) {
	t.Parallel()
	tests := []struct {
		platform string
		want     []string
	}{
		{"slack", []string{`"response_type": "in_channel"`, `"blocks": [`, "Secretary of State Mike Pompeo", "sentence 11, paragraph 10"}},
		{"discord", []string{"> **[1]**", "Secretary of State Mike Pompeo", "*sentence 11, paragraph 10*"}},
	}
	for _, tt := range tests {
		t.Run(tt.platform, func(t *testing.T) {
			t.Parallel()
			out, errs, code := runCLI(t, "Who is the Secretary of State?\n:render "+tt.platform+"\n", "repl")
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf(":render %s lacks %q:\n%s", tt.platform, w, out)
				}
			}
		})
	}
	out, _, _ := runCLI(t, ":render\n", "repl")
	if !strings.Contains(out, ":render discord|slack") {
		t.Errorf(":render without a platform should list both: %s", out)
	}
}

func TestDiscordPreviewSeparatesMessages(t *testing.T) {
	t.Parallel()
	long := bot.Reply{Outcome: bot.OutcomeNotFound, Text: strings.Repeat("A sentence about the story. ", 150)}
	got, err := renderers()["discord"](long)
	if err != nil {
		t.Fatal(err)
	}
	if parts := strings.Split(got, "\n---\n"); len(parts) != 3 {
		t.Errorf("a 4,200-character reply previews as %d messages, want 3", len(parts))
	}
}

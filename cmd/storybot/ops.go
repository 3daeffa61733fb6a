package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/storybot/storybot/facts"
	"github.com/storybot/storybot/metrics"
)

// newLogger builds the serve logger from log.format and log.level.
// ParseConfig has validated both, so unknown values cannot reach here.
func newLogger(c LogConfig, w io.Writer) *slog.Logger {
	var level slog.Level
	_ = level.UnmarshalText([]byte(c.Level))
	opts := &slog.HandlerOptions{Level: level}
	if c.Format == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// Platform names in /readyz. Slack over HTTP and over Socket Mode are told
// apart because they become ready in different ways.
const (
	readySlackHTTP   = "slack_http"
	readySlackSocket = "slack_socket_mode"
	readyDiscord     = "discord"
)

// docInfo is one loaded document as /readyz lists it.
type docInfo struct {
	Name       string `json:"name"`
	Sentences  int    `json:"sentences"`
	Paragraphs int    `json:"paragraphs"`
}

func describeDocs(docs []*facts.Document) []docInfo {
	out := make([]docInfo, 0, len(docs))
	for _, d := range docs {
		out = append(out, docInfo{Name: d.Name, Sentences: len(d.Sentences), Paragraphs: d.Paragraphs})
	}
	return out
}

// platformState is one enabled platform as /readyz lists it.
type platformState struct {
	Ready bool   `json:"ready"`
	State string `json:"state"`
}

// readiness is what /readyz reports. Adapters change it through the
// bot.Events they are given, the HTTP server once it listens, and reloads.
type readiness struct {
	mu        sync.Mutex
	docs      []docInfo
	platforms map[string]platformState
	stopping  bool // shutting down: never ready again
	// redis is "", "ok" or "degraded"; degraded is still ready, since the
	// bot answers from in-process state meanwhile.
	redis func() string
}

// stop makes /readyz answer 503 from now on.
func (r *readiness) stop() {
	r.mu.Lock()
	r.stopping = true
	r.mu.Unlock()
}

func newReadiness() *readiness { return &readiness{platforms: map[string]platformState{}} }

func (r *readiness) setDocs(d []docInfo) {
	r.mu.Lock()
	r.docs = d
	r.mu.Unlock()
}

func (r *readiness) set(platform string, ready bool, state string) {
	r.mu.Lock()
	r.platforms[platform] = platformState{Ready: ready, State: state}
	r.mu.Unlock()
}

// setIfEnabled changes a platform's state only if it was enabled (set)
// before, so an event from a platform that is off cannot make /readyz wait
// for it.
func (r *readiness) setIfEnabled(platform string, ready bool, state string) {
	r.mu.Lock()
	if _, ok := r.platforms[platform]; ok {
		r.platforms[platform] = platformState{Ready: ready, State: state}
	}
	r.mu.Unlock()
}

type readyReport struct {
	Ready     bool                     `json:"ready"`
	State     string                   `json:"state,omitempty"`
	Redis     string                   `json:"redis,omitempty"`
	Documents []docInfo                `json:"documents"`
	Platforms map[string]platformState `json:"platforms"`
}

func (r *readiness) report() readyReport {
	r.mu.Lock()
	defer r.mu.Unlock()
	rep := readyReport{Ready: len(r.docs) > 0 && !r.stopping, Documents: slices.Clone(r.docs), Platforms: map[string]platformState{}}
	if r.stopping {
		rep.State = "shutting down"
	}
	if r.redis != nil {
		rep.Redis = r.redis()
	}
	for k, v := range r.platforms {
		rep.Platforms[k] = v
		rep.Ready = rep.Ready && v.Ready
	}
	return rep
}

// serveEvents fans adapters' events out to metrics and readiness.
type serveEvents struct {
	met   *metrics.Metrics
	ready *readiness
}

func (e serveEvents) Rejected(platform, reason string) { e.met.Rejected(platform, reason) }

func (e serveEvents) ReplyFailed(platform, reason string) { e.met.ReplyFailed(platform, reason) }

func (e serveEvents) Connected(platform string, up bool) {
	e.met.Connected(platform, up)
	state := "disconnected"
	if up {
		state = "connected"
	}
	switch platform {
	case "slack":
		// Only Socket Mode reports connections; HTTP is ready once listening.
		e.ready.setIfEnabled(readySlackSocket, up, state)
	case "discord":
		e.ready.setIfEnabled(readyDiscord, up, state)
	}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v) // our own plain structs: cannot fail
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(b.Bytes())
}

// healthz says the process is up and serving HTTP; nothing more, so an
// orchestrator does not restart a bot whose Discord connection is merely
// reconnecting.
func healthz(started time.Time) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]any{
			"status":         "ok",
			"version":        version,
			"uptime_seconds": int64(time.Since(started).Seconds()),
		})
	}
}

// readyz is 200 only when documents are loaded and every enabled platform
// is connected, so a load balancer or a deploy waits for a working bot.
func readyz(r *readiness) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		rep := r.report()
		status := http.StatusOK
		if !rep.Ready {
			status = http.StatusServiceUnavailable
		}
		writeJSON(w, status, rep)
	}
}

// runHealthcheck exists because the distroless image has no shell or curl
// for Docker's HEALTHCHECK to use.
func runHealthcheck(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "healthcheck", "[--url URL] [--timeout D]")
	url := fs.String("url", "http://127.0.0.1:8080/healthz", "health `URL` to GET")
	timeout := fs.Duration("timeout", 3*time.Second, "give up after this `duration`")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("healthcheck: unexpected argument %q", fs.Arg(0))
	}
	ctx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, *url, nil)
	if err != nil {
		return usagef("healthcheck: --url: %v", err)
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		return fmt.Errorf("healthcheck %s: %w", *url, err)
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<16))
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("healthcheck %s: status %s", *url, resp.Status)
	}
	fmt.Fprintln(e.stdout, "ok")
	return nil
}

// runConfig is "storybot config check": everything serve would check
// before connecting anywhere, so a deploy can fail before it starts.
func runConfig(ctx context.Context, e *env, args []string) error {
	if len(args) > 0 && args[0] == "check" {
		return runConfigCheck(ctx, e, args[1:])
	}
	fs := newFlags(e, "config", "check --config FILE")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usagef("config: want a subcommand: check")
	}
	return usagef("config: unknown subcommand %q (want check)", fs.Arg(0))
}

func runConfigCheck(_ context.Context, e *env, args []string) error {
	fs := newFlags(e, "config check", "--config FILE")
	path := fs.String("config", "", "config `file` to check (required)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *path == "" || fs.NArg() > 0 {
		return usagef("config check: want --config FILE")
	}
	var problems []string
	data, err := os.ReadFile(*path)
	if err != nil {
		return usagef("config check: read %q: %v", *path, friendlyErr(err))
	}
	cfg, err := ParseConfig(bytes.NewReader(data), e.getenv)
	if ce, ok := errors.AsType[*ConfigError](err); ok {
		problems = append(problems, ce.Problems...)
	} else if err != nil {
		problems = append(problems, err.Error())
	}
	for _, w := range cfg.Warnings {
		fmt.Fprintf(e.stdout, "%s: warning: %s\n", *path, w)
	}
	var docs []*facts.Document
	if err == nil || len(cfg.Documents) > 0 {
		var warnings []string
		docs, warnings, err = loadDocuments(cfg.Documents, cfg.DocumentMeta)
		if err != nil {
			problems = append(problems, "documents: "+err.Error())
		}
		for _, w := range warnings {
			fmt.Fprintf(e.stdout, "%s: warning: documents: %s\n", *path, w)
		}
	}
	if len(problems) == 0 {
		// The adapters check what the config cannot (a token with white
		// space, say) without connecting; their errors name fields only.
		if _, err := newServer(cfg, docs, slog.New(slog.DiscardHandler), nil); err != nil {
			problems = append(problems, err.Error())
		}
	}
	if len(problems) > 0 {
		for _, p := range problems {
			fmt.Fprintf(e.stdout, "%s: %s\n", *path, p)
		}
		return usagef("config %q has %d problem(s)", *path, len(problems))
	}
	fmt.Fprintf(e.stdout, "config OK: %s\n", configSummary(cfg, docs))
	return nil
}

// configSummary says what serve would do, naming secrets only as set or not.
func configSummary(cfg Config, docs []*facts.Document) string {
	var parts []string
	sentences := 0
	for _, d := range docs {
		sentences += len(d.Sentences)
	}
	src := "the built-in story"
	if len(cfg.Documents) > 0 {
		src = strings.Join(cfg.Documents, ", ")
	}
	parts = append(parts, fmt.Sprintf("%d document(s), %d sentences from %s", len(docs), sentences, src))
	parts = append(parts, "http on "+cfg.HTTP.Listen)
	var platforms []string
	if cfg.Slack.SigningSecret != "" {
		platforms = append(platforms, "slack (HTTP request URLs)")
	}
	if cfg.Slack.SocketMode {
		platforms = append(platforms, "slack (Socket Mode)")
	}
	if cfg.Slack.BotToken == "" && cfg.SlackEnabled() && !cfg.Slack.SocketMode {
		platforms = append(platforms, "slack mentions off (no bot token)")
	}
	if cfg.DiscordEnabled() {
		platforms = append(platforms, "discord")
	}
	if len(platforms) == 0 {
		platforms = append(platforms, "none (only /healthz, /readyz, /metrics)")
	}
	parts = append(parts, "platforms: "+strings.Join(platforms, ", "))
	return strings.Join(parts, "; ")
}

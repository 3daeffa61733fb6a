package main

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/storybot/storybot/adapters/discord"
	"github.com/storybot/storybot/adapters/slack"
	"github.com/storybot/storybot/bot"
	"github.com/storybot/storybot/facts"
	"github.com/storybot/storybot/metrics"
)

func runServe(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "serve", "[--config FILE]")
	path := fs.String("config", "", "config `file` (YAML; see config.example.yaml); default: the built-in defaults")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("serve: unexpected argument %q", fs.Arg(0))
	}
	cfg := DefaultConfig()
	if *path != "" {
		var err error
		if cfg, err = LoadConfig(*path, e.getenv); err != nil {
			return usageError{err}
		}
	}
	// Buffered, as signal.Notify requires: a SIGHUP arriving while a reload
	// runs is kept and starts one more reload rather than being lost.
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	return serve(ctx, e, cfg, serveHooks{reload: hup})
}

// serveHooks are what tests inject instead of process-wide state.
type serveHooks struct {
	// reload triggers a document reload; serve wires SIGHUP to it.
	reload <-chan os.Signal
	// listening, if set, learns the HTTP address once it is bound.
	listening func(addr string)
	// poll is how often documents_watch checks the files, and how long a
	// file must have been left alone before a reload reads it; default 2s.
	poll time.Duration
	// read, if set, runs after a reload has read the files and before it
	// checks they did not change meanwhile, so tests can change them then.
	read func()
	// now replaces time.Now for the reload's "changed too recently" check.
	now func() time.Time
	// wrap, if set, wraps the bot before the limiter and logging see it,
	// so tests can hold an answer in flight.
	wrap func(bot.Answerer) bot.Answerer
	// freeMemory replaces debug.FreeOSMemory after a reload's swap.
	freeMemory func()
}

// serve runs every enabled platform until ctx is done or one fails for
// good, then shuts down gracefully.
func serve(ctx context.Context, e *env, cfg Config, hooks serveHooks) error {
	log := newLogger(cfg.Log, e.stderr)
	for _, w := range cfg.Warnings {
		log.Warn("config", "warning", w) // an unset ${VAR} silently turns a platform off
	}
	// Fingerprint before loading, so a change made while loading is
	// noticed by the first poll rather than lost.
	fp := fingerprint(cfg.Documents)
	docs, warnings, err := loadDocuments(cfg.Documents, cfg.DocumentMeta)
	if err != nil {
		return usageError{fmt.Errorf("serve: %w", err)}
	}
	logWarnings(log, warnings)
	s, err := newServer(cfg, docs, log, hooks.wrap)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	s.loadedFP = fp
	ln, err := net.Listen("tcp", cfg.HTTP.Listen)
	if err != nil {
		return fmt.Errorf("serve: listen on %s: %w", cfg.HTTP.Listen, err)
	}
	return s.run(ctx, ln, hooks)
}

// logWarnings logs what loading the documents repaired or skipped.
func logWarnings(log *slog.Logger, warnings []string) {
	for _, w := range warnings {
		log.Warn("documents", "warning", w)
	}
}

// server is storybot serving: the bot behind its middleware, the adapters,
// and the HTTP handler for Slack, health and metrics.
type server struct {
	cfg     Config
	log     *slog.Logger
	bot     *bot.Bot
	met     *metrics.Metrics
	ready   *readiness
	slack   *slack.Adapter // nil when Slack is off
	discord *discord.Adapter
	state   sharedState // what replicas share: memory, or Redis
	handler http.Handler
	started time.Time
	// loadedFP is the documents' fingerprint taken just before they were
	// loaded; documents_watch compares against it.
	loadedFP string
}

// newServer wires everything without connecting or listening, so config
// check and the load test can build exactly what serve runs.
func newServer(cfg Config, docs []*facts.Document, log *slog.Logger, wrap func(bot.Answerer) bot.Answerer) (*server, error) {
	met := metrics.New(version)
	st, err := newSharedState(cfg.Redis, cfg.Conversation.Max, log, met)
	if err != nil {
		return nil, err
	}
	mem := conversationMemory(cfg.Conversation, st)
	s := &server{
		cfg: cfg,
		log: log,
		bot: bot.New(facts.NewStore(docs...), bot.Options{MinConfidence: cfg.Answer.MinConfidence,
			TopK: cfg.Answer.TopK, MaxQuestion: cfg.Answer.MaxQuestion, Memory: mem}),
		met:     met,
		state:   st,
		ready:   newReadiness(),
		started: time.Now(),
	}
	s.setDocs(docs)
	s.ready.redis = s.state.status
	events := serveEvents{met: s.met, ready: s.ready}
	var inner bot.Answerer = s.bot
	if wrap != nil {
		inner = wrap(inner)
	}
	limited := bot.Limit(inner, bot.LimitOptions{
		UserPerMinute:    cfg.Limits.UserPerMinute,
		UserBurst:        cfg.Limits.UserBurst,
		ChannelPerMinute: cfg.Limits.ChannelPerMinute,
		ChannelBurst:     cfg.Limits.ChannelBurst,
		MaxConcurrent:    cfg.Limits.MaxConcurrent,
		Events:           events,
		State:            s.state.store,
	})
	answerer := observed{next: limited, log: log, met: s.met, questions: cfg.Log.Questions}

	mux := http.NewServeMux()
	mux.Handle("GET /healthz", healthz(s.started))
	mux.Handle("GET /readyz", readyz(s.ready))
	mux.Handle("GET /metrics", s.met.Handler())
	if cfg.SlackEnabled() {
		a, err := slack.New(answerer, slack.Config{
			SigningSecret: cfg.Slack.SigningSecret,
			BotToken:      cfg.Slack.BotToken,
			AppToken:      cfg.Slack.AppToken,
			SocketMode:    cfg.Slack.SocketMode,
			ResponseType:  cfg.Slack.ResponseType,
			APIURL:        cfg.Slack.APIURL,
			HooksHosts:    cfg.Slack.HooksHosts,
			SlowAfter:     cfg.Slack.SlowAfter.D(),
		}, slack.WithLogger(log), slack.WithEvents(events), slack.WithState(s.state.store))
		if err != nil {
			return nil, fmt.Errorf("set up slack: %w", err)
		}
		s.slack = a
		if cfg.Slack.SigningSecret != "" {
			h := a.Handler()
			mux.Handle("/slack/commands", h)
			mux.Handle("/slack/events", h)
			s.ready.set(readySlackHTTP, false, "starting")
		}
		if cfg.Slack.SocketMode {
			s.ready.set(readySlackSocket, false, "connecting")
		}
	}
	if cfg.DiscordEnabled() {
		a, err := discord.New(answerer, discord.Config{Token: cfg.Discord.Token, APIURL: cfg.Discord.APIURL,
			ShardID: cfg.Discord.ShardID, ShardCount: cfg.Discord.ShardCount, AutoShards: cfg.Discord.Shards == "auto"},
			discord.WithLogger(log), discord.WithEvents(events), discord.WithMemory(mem),
			// Replies in flight at shutdown may finish; serve stops
			// waiting for them at shutdown_timeout whatever happens.
			discord.WithDrain(cfg.HTTP.ShutdownTimeout.D()))
		if err != nil {
			return nil, fmt.Errorf("set up discord: %w", err)
		}
		s.discord = a
		s.ready.set(readyDiscord, false, "connecting")
	}
	s.handler = mux
	return s, nil
}

func (s *server) setDocs(docs []*facts.Document) {
	sentences := 0
	for _, d := range docs {
		sentences += len(d.Sentences)
	}
	s.met.Documents(len(docs), sentences)
	s.ready.setDocs(describeDocs(docs))
}

// run serves on ln until ctx is done (nil) or a platform fails for good
// (its error).
func (s *server) run(ctx context.Context, ln net.Listener, hooks serveHooks) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	// While draining, every response closes its connection, so a client
	// opens a fresh one (elsewhere) for its next request instead of
	// writing it into a connection that Shutdown is about to close.
	var draining atomic.Bool
	srv := s.httpServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if draining.Load() {
			w.Header().Set("Connection", "close")
		}
		s.handler.ServeHTTP(w, r)
	}))

	var (
		wg       sync.WaitGroup
		errMu    sync.Mutex
		firstErr error
	)
	fail := func(err error) {
		errMu.Lock()
		if firstErr == nil {
			firstErr = err
		}
		errMu.Unlock()
		cancel(err)
	}
	wg.Go(func() {
		if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
			fail(fmt.Errorf("serve http on %s: %w", ln.Addr(), err))
		}
	})
	addr := ln.Addr().String()
	s.ready.setIfEnabled(readySlackHTTP, true, "listening")
	if s.slack != nil && s.cfg.Slack.SigningSecret != "" {
		s.met.Connected(readySlackHTTP, true)
	}
	s.log.Info("listening", "addr", addr, "platforms", s.platforms(), "documents", len(s.bot.Store().Documents()), "version", version)
	if hooks.listening != nil {
		hooks.listening(addr)
	}

	s.startPlatforms(ctx, &wg, fail)
	wg.Go(func() { s.reloader(ctx, hooks) })

	<-ctx.Done()
	sctx, scancel := context.WithTimeout(context.WithoutCancel(ctx), s.cfg.HTTP.ShutdownTimeout.D())
	defer scancel()
	s.shutdown(ctx, sctx, srv, &draining)
	s.drainReplies(sctx, &wg)
	if s.state.redis != nil {
		_ = s.state.redis.Close()
	}
	errMu.Lock()
	defer errMu.Unlock()
	if firstErr != nil {
		s.log.Error("stopped", "err", firstErr)
		return fmt.Errorf("serve: %w", firstErr)
	}
	s.log.Info("stopped")
	return nil
}

// shutdown stops serving within sctx: the whole shutdown, draining
// included, fits in shutdown_timeout; past it, whatever is still waiting
// (a client library sleeping out a rate limit, say) is left behind and the
// process exits.
func (s *server) shutdown(ctx, sctx context.Context, srv *http.Server, draining *atomic.Bool) {
	// Not ready first, so a load balancer stops sending (and before the
	// log says so: whoever reads "shutting down" finds /readyz 503); keep
	// serving for drain_delay meanwhile, closing each connection after its
	// response, so that busy clients leave their connections before the
	// listener closes. (SetKeepAlivesEnabled(false) would close idle
	// connections at once, racing requests being written into them.)
	s.ready.stop()
	draining.Store(true)
	s.log.Info("shutting down", "reason", shutdownReason(ctx), "timeout", s.cfg.HTTP.ShutdownTimeout.D())
	if d := s.cfg.HTTP.DrainDelay.D(); d > 0 {
		t := time.NewTimer(d)
		select {
		case <-t.C:
		case <-sctx.Done():
		}
		t.Stop()
	}
	if err := srv.Shutdown(sctx); err != nil {
		s.log.Warn("http shutdown did not finish in time; closing connections", "err", err)
		srv.Close()
	}
}

// startPlatforms starts each configured platform's connection on wg;
// a platform that fails for good reports it through fail.
func (s *server) startPlatforms(ctx context.Context, wg *sync.WaitGroup, fail func(error)) {
	if f := s.state.failover; f != nil {
		// Probes Redis now and, while it is away, until it is back.
		wg.Go(func() { f.Run(ctx) })
	}
	if s.slack != nil {
		// The bot's own identity, learnt once and refreshed, off the
		// path of every reply.
		wg.Go(func() { s.slack.RunIdentity(ctx) })
	}
	if s.slack != nil && s.cfg.Slack.SocketMode {
		wg.Go(func() {
			if err := s.slack.RunSocketMode(ctx); err != nil {
				fail(err)
			}
		})
	}
	if s.discord != nil {
		wg.Go(func() {
			if err := s.discord.Run(ctx); err != nil {
				fail(err)
			}
		})
	}
}

// httpServer is the HTTP server for Slack, health and metrics, with the
// configured timeouts.
func (s *server) httpServer(handler http.Handler) *http.Server {
	return &http.Server{
		Handler:           handler,
		ReadHeaderTimeout: s.cfg.HTTP.ReadHeaderTimeout.D(),
		ReadTimeout:       s.cfg.HTTP.ReadTimeout.D(),
		WriteTimeout:      s.cfg.HTTP.WriteTimeout.D(),
		IdleTimeout:       s.cfg.HTTP.IdleTimeout.D(),
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
}

// drainReplies waits, until ctx is done, for the platforms (Discord's
// answers in flight drain inside Run) and for Slack's slow slash commands
// and mention replies still being posted.
func (s *server) drainReplies(ctx context.Context, wg *sync.WaitGroup) {
	done := make(chan struct{})
	go func() {
		wg.Wait()
		if s.slack != nil {
			s.slack.Wait()
		}
		close(done)
	}()
	select {
	case <-done:
	case <-ctx.Done():
		s.log.Warn("replies still running at shutdown timeout; exiting without them")
	}
}

func shutdownReason(ctx context.Context) string {
	if c := context.Cause(ctx); c != nil && !errors.Is(c, context.Canceled) {
		return c.Error()
	}
	return "signal"
}

func (s *server) platforms() string {
	var p []string
	if s.slack != nil && s.cfg.Slack.SigningSecret != "" {
		p = append(p, "slack_http")
	}
	if s.slack != nil && s.cfg.Slack.SocketMode {
		p = append(p, "slack_socket_mode")
	}
	if s.discord != nil {
		p = append(p, "discord")
	}
	if len(p) == 0 {
		return "none"
	}
	return strings.Join(p, ",")
}

// reloader rebuilds the store on each reload signal, and when
// documents_watch sees the files change, until ctx is done. Reloads run
// here, one at a time, while questions keep being answered from the old
// store; Swap then makes the new one current for the next question. A
// reload that finds the files still being written is tried again a poll
// interval later.
func (s *server) reloader(ctx context.Context, hooks serveHooks) {
	every := hooks.poll
	if every <= 0 {
		every = 2 * time.Second
	}
	var tick <-chan time.Time
	last := ""
	if s.cfg.DocumentsWatch && len(s.cfg.Documents) > 0 {
		t := time.NewTicker(every)
		defer t.Stop()
		tick = t.C
		last = s.loadedFP
		if last == "" {
			last = fingerprint(s.cfg.Documents)
		}
	}
	again := time.NewTimer(every)
	again.Stop()
	defer again.Stop()
	try := func(why string) {
		fp, done := s.reload(why, every, hooks)
		if !done {
			again.Reset(every)
			return
		}
		again.Stop()
		if fp != "" {
			last = fp
		}
	}
	for {
		select {
		case <-ctx.Done():
			return
		case <-hooks.reload:
			try("signal")
		case <-again.C:
			try("documents settled")
		case <-tick:
			if fp := fingerprint(s.cfg.Documents); fp != last {
				try("documents changed")
			}
		}
	}
}

// reload swaps in freshly loaded documents, or keeps the current ones if
// they cannot be loaded: a half-saved file must not take the bot down. It
// reads only stable files: if one changed within settle of now, or while
// it was being read, it reports done=false and the caller tries later. On
// success it returns the fingerprint of what it loaded.
func (s *server) reload(why string, settle time.Duration, hooks serveHooks) (fp string, done bool) {
	start := time.Now()
	now := time.Now
	if hooks.now != nil {
		now = hooks.now
	}
	fp, newest := scanDocuments(s.cfg.Documents)
	// A modification time in the future (a skewed clock) counts as recent
	// only within settle, or such a file would never be loaded.
	if age := now().Sub(newest); len(s.cfg.Documents) > 0 && age > -settle && age < settle {
		s.log.Info("documents changed moments ago; reloading when they settle", "trigger", why, "changed_ago", age, "retry_in", settle)
		return "", false
	}
	docs, warnings, err := loadDocuments(s.cfg.Documents, s.cfg.DocumentMeta)
	if hooks.read != nil {
		hooks.read()
	}
	if after, _ := scanDocuments(s.cfg.Documents); after != fp {
		s.log.Info("documents changed while being read; reloading when they settle", "trigger", why, "retry_in", settle)
		return "", false
	}
	if err != nil {
		s.met.Reloaded(false)
		s.log.Error("reload failed; still answering from the previous documents", "trigger", why, "err", err)
		return fp, true
	}
	logWarnings(s.log, warnings)
	s.bot.Swap(facts.NewStore(docs...))
	s.setDocs(docs)
	s.met.Reloaded(true)
	// The old store is garbage once the questions still using it finish;
	// hand its memory back to the OS rather than keep the peak (a 100 MiB
	// document replaced by a small one left RSS at 1.6 GiB).
	free := debug.FreeOSMemory
	if hooks.freeMemory != nil {
		free = hooks.freeMemory
	}
	go free()
	s.log.Info("documents reloaded", "trigger", why, "documents", len(docs), "took", time.Since(start))
	return fp, true
}

// fingerprint summarises the documents' names, sizes and modification
// times, so polling costs a few stats rather than reading every file.
func fingerprint(paths []string) string {
	fp, _ := scanDocuments(paths)
	return fp
}

// scanDocuments returns the fingerprint and the latest modification time
// of the documents.
func scanDocuments(paths []string) (string, time.Time) {
	h := fnv.New64a()
	var newest time.Time
	add := func(path string, info fs.FileInfo) {
		fmt.Fprintf(h, "%s|%d|%d\n", path, info.Size(), info.ModTime().UnixNano())
		if info.ModTime().After(newest) {
			newest = info.ModTime()
		}
	}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			fmt.Fprintf(h, "%s|error|%v\n", p, err)
			continue
		}
		if !info.IsDir() {
			add(p, info)
			continue
		}
		_ = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				fmt.Fprintf(h, "%s|error|%v\n", path, err)
				return nil
			}
			if !d.IsDir() {
				if fi, err := d.Info(); err == nil {
					add(path, fi)
				}
			}
			return nil
		})
	}
	return strconv.FormatUint(h.Sum64(), 16), newest
}

// observed logs one line per question and records it in the metrics. It
// is the outermost middleware, so its latency includes waiting for the
// limiter and its outcomes include rate_limited.
type observed struct {
	next      bot.Answerer
	log       *slog.Logger
	met       *metrics.Metrics
	questions bool // log question text (log.questions)
}

func (o observed) Answer(ctx context.Context, q string) (r bot.Reply) {
	start := time.Now()
	a, _ := bot.AskerFrom(ctx)
	defer func() {
		outcome := string(r.Outcome)
		level := slog.LevelInfo
		if p := recover(); p != nil {
			// One broken question must not take down every platform.
			outcome, level = "error", slog.LevelError
			o.log.Error("answer panicked", "platform", a.Platform, "panic", fmt.Sprint(p))
			r = bot.Reply{Question: q, Outcome: bot.OutcomeRefused, Text: "Sorry, something went wrong. Please try again."}
		}
		took := time.Since(start)
		o.met.Question(a.Platform, outcome, took)
		attrs := []slog.Attr{
			slog.String("platform", a.Platform),
			slog.String("outcome", outcome),
			slog.Duration("latency", took),
			slog.String("cited", cited(r)),
			slog.String("user", a.User),
			slog.String("channel", a.Channel),
		}
		if o.questions {
			attrs = append(attrs, slog.String("question", q))
		}
		o.log.LogAttrs(ctx, level, "question", attrs...)
	}()
	return o.next.Answer(ctx, q)
}

// cited lists cited sentence numbers for the log line: "11,12", or
// "faq.md:3" when several documents are loaded.
func cited(r bot.Reply) string {
	var b strings.Builder
	for i, c := range r.Citations {
		if i > 0 {
			b.WriteByte(',')
		}
		if r.MultiDoc {
			b.WriteString(c.Doc + ":")
		}
		b.WriteString(strconv.Itoa(c.Sentence))
	}
	return b.String()
}

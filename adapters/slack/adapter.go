package slack

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/slack-go/slack"

	"github.com/storybot/storybot/adapters/internal/retry"
	"github.com/storybot/storybot/bot"
	"github.com/storybot/storybot/state"
)

const (
	platform = "slack"

	// maxBody bounds what we read (and hash) from Slack; real payloads are a
	// few KiB, so anything larger is abuse.
	maxBody = 64 << 10

	// answerBudget bounds a background answer: response_url accepts
	// messages for 30 minutes, but a user stops waiting long before that.
	answerBudget = 30 * time.Second
	// callBudget bounds every outbound HTTP call (Web API, response_url).
	callBudget = 10 * time.Second

	// replayTTL is how long a request signature is remembered: as long as
	// its timestamp is accepted, either way of now. eventTTL covers Slack's
	// retries of an event (the last about 5 minutes after the first).
	replayTTL = 2 * MaxSkew
	eventTTL  = 15 * time.Minute

	defaultSlowAfter = 2 * time.Second
	defaultAPIURL    = "https://slack.com/api/"
	defaultHooksHost = "hooks.slack.com"
)

// Config is what an operator sets. Secrets in it are never logged.
type Config struct {
	SigningSecret string // verifies HTTP requests; required for Handler
	BotToken      string // xoxb-…: chat.postMessage, auth.test
	AppToken      string // xapp-…: Socket Mode only
	// SocketMode says the app talks to Slack over Socket Mode (run
	// RunSocketMode) rather than receiving HTTP (serve Handler); New then
	// requires AppToken instead of SigningSecret.
	SocketMode bool

	// ResponseType for answered slash commands: "in_channel" (default) or
	// "ephemeral". Failures are always ephemeral.
	ResponseType string
	// APIURL is the Web API base, default "https://slack.com/api/".
	APIURL string
	// HooksHosts are the host[:port] entries response_url may point at;
	// default hooks.slack.com. The URL arrives in the request, so without
	// this list we could be made to POST anywhere.
	HooksHosts []string
	// SlowAfter is how long a slash command may take before we acknowledge
	// at once and deliver the answer to response_url; default 2s, safely
	// inside Slack's 3s limit.
	SlowAfter time.Duration
}

// Option adjusts an Adapter beyond Config: the things tests and wiring
// inject rather than operators configure.
type Option func(*Adapter)

// WithLogger sets the logger (nil discards).
func WithLogger(l *slog.Logger) Option { return func(a *Adapter) { a.log = l } }

// WithEvents sets where rejections and connection state are reported.
func WithEvents(e bot.Events) Option { return func(a *Adapter) { a.events = e } }

// WithClock replaces time.Now for signature windows and de-duplication.
func WithClock(now func() time.Time) Option { return func(a *Adapter) { a.now = now } }

// WithHTTPClient sets the client for outbound calls. Redirects are never
// followed whatever the client says: one could lead off the allow-list.
func WithHTTPClient(c *http.Client) Option { return func(a *Adapter) { a.client = c } }

// WithState sets where seen request signatures and event IDs are kept;
// default, in this process. Replicas given one shared store (Redis) answer
// a Slack retry once whichever replica it reaches.
func WithState(s state.Store) Option { return func(a *Adapter) { a.state = s } }

// AllowInsecureHooks lets response_url use plain http for allow-listed
// hosts. For tests against httptest servers only.
func AllowInsecureHooks() Option { return func(a *Adapter) { a.insecureHooks = true } }

// Adapter serves one Slack app. It is safe for concurrent use.
type Adapter struct {
	answerer      bot.Answerer
	secret        string
	botToken      string
	appToken      string
	responseType  string
	apiURL        string
	hooks         map[string]bool
	insecureHooks bool
	slowAfter     time.Duration

	log    *slog.Logger
	events bot.Events
	now    func() time.Time
	client *http.Client
	api    *slack.Client

	// state remembers request signatures within the window and event and
	// envelope IDs, in this process or shared by replicas (Redis).
	state state.Store

	// self is our bot's identity, once auth.test worked; RunIdentity
	// keeps it, and replies only ever read it, never wait for it.
	self atomic.Pointer[slack.AuthTestResponse]

	// Sending replies: each attempt gets attemptTimeout, and replyPolicy
	// bounds the retries. Tests shorten both.
	attemptTimeout time.Duration
	replyPolicy    retry.Policy
	// identityRefresh is how often RunIdentity asks auth.test again.
	identityRefresh time.Duration

	bg sync.WaitGroup // background answers and posts, for Wait
}

// New checks cfg and builds an Adapter. It makes no network calls.
func New(a bot.Answerer, cfg Config, opts ...Option) (*Adapter, error) {
	if a == nil {
		return nil, errors.New("slack: nil answerer")
	}
	ad := &Adapter{
		answerer:     a,
		secret:       cfg.SigningSecret,
		botToken:     cfg.BotToken,
		appToken:     cfg.AppToken,
		responseType: cfg.ResponseType,
		apiURL:       cfg.APIURL,
		slowAfter:    cfg.SlowAfter,
		hooks:        map[string]bool{},

		attemptTimeout:  callBudget,
		replyPolicy:     retry.Policy{Attempts: 4, Base: 500 * time.Millisecond, Max: 8 * time.Second},
		identityRefresh: time.Hour,
	}
	// Name the field, never its value: these are secrets.
	if cfg.SocketMode && cfg.AppToken == "" {
		return nil, errors.New("slack: SocketMode needs AppToken (xapp-…)")
	}
	if !cfg.SocketMode && cfg.SigningSecret == "" {
		return nil, errors.New("slack: SigningSecret is required to verify HTTP requests")
	}
	switch ad.responseType {
	case "":
		ad.responseType = InChannel
	case InChannel, Ephemeral:
	default:
		return nil, fmt.Errorf("slack: ResponseType %q: want %q or %q", cfg.ResponseType, InChannel, Ephemeral)
	}
	if ad.apiURL == "" {
		ad.apiURL = defaultAPIURL
	}
	if !strings.HasSuffix(ad.apiURL, "/") {
		ad.apiURL += "/"
	}
	if _, err := url.Parse(ad.apiURL); err != nil {
		return nil, fmt.Errorf("slack: APIURL: %w", err)
	}
	if ad.slowAfter <= 0 {
		ad.slowAfter = defaultSlowAfter
	}
	hosts := cfg.HooksHosts
	if len(hosts) == 0 {
		hosts = []string{defaultHooksHost}
	}
	for _, h := range hosts {
		ad.hooks[strings.ToLower(strings.TrimSpace(h))] = true
	}
	for _, o := range opts {
		o(ad)
	}
	ad.defaults()
	c := http.Client{Timeout: callBudget}
	if ad.client != nil {
		c = *ad.client
	}
	if c.Timeout <= 0 {
		c.Timeout = callBudget
	}
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	ad.client = &c
	ad.api = slack.New(ad.botToken,
		slack.OptionAPIURL(ad.apiURL),
		slack.OptionHTTPClient(ad.client),
		slack.OptionAppLevelToken(ad.appToken))
	return ad, nil
}

// Handler serves POST /slack/commands (slash commands) and POST
// /slack/events (Events API). Mount it at the server root.
func (a *Adapter) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/slack/commands", commandHandler{a})
	mux.Handle("/slack/events", eventHandler{a})
	return mux
}

// defaults fills in what the options left unset.
func (a *Adapter) defaults() {
	if a.log == nil {
		a.log = slog.New(slog.DiscardHandler)
	}
	if a.events == nil {
		a.events = bot.NopEvents{}
	}
	if a.now == nil {
		a.now = time.Now
	}
	if a.state == nil {
		a.state = state.NewMemory(state.MemoryOptions{Now: a.now})
	}
}

// Wait blocks until background work (slow answers, thread replies) has
// finished. Call it on shutdown after the HTTP server or Socket Mode stops,
// so no answer is cut off half-posted.
func (a *Adapter) Wait() { a.bg.Wait() }

// reject reports and answers a refused request. The body never says more
// than the status: details would help an attacker, not Slack.
func (a *Adapter) reject(w http.ResponseWriter, status int, reason string) {
	a.events.Rejected(platform, reason)
	// Info, not Warn: anyone on the internet can trigger these, and the
	// Events count them for alerting.
	a.log.Info("slack request rejected", "reason", reason, "status", status)
	http.Error(w, http.StatusText(status), status)
}

// readSigned applies the checks shared by every signed endpoint, in the
// order that costs an attacker most and us least: method, size, signature,
// replay. It reports ok=false after answering the request itself.
func (a *Adapter) readSigned(w http.ResponseWriter, r *http.Request) (body []byte, ok bool) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		a.reject(w, http.StatusMethodNotAllowed, "method")
		return nil, false
	}
	if r.ContentLength > maxBody {
		a.reject(w, http.StatusRequestEntityTooLarge, "size")
		return nil, false
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		if _, tooBig := errors.AsType[*http.MaxBytesError](err); tooBig {
			a.reject(w, http.StatusRequestEntityTooLarge, "size")
		} else {
			a.reject(w, http.StatusBadRequest, "malformed")
		}
		return nil, false
	}
	now := a.now()
	if err := Verify(a.secret, r.Header, body, now); err != nil {
		if isSSLCheck(r.Header, body) {
			// Slack's ssl_check pings are not guaranteed to be signed
			// (Bolt answers them before verifying too). Answering with an
			// empty 200 and doing nothing else gives an attacker nothing.
			w.WriteHeader(http.StatusOK)
			return nil, false
		}
		a.log.Debug("slack signature check failed", "err", err)
		a.reject(w, http.StatusUnauthorized, "signature")
		return nil, false
	}
	// Hex is case-insensitive, so "v0=AB…" verifies like "v0=ab…": key the
	// replay cache on one spelling or an attacker could replay by recasing.
	if !a.firstTime(r.Context(), "slack:replay:"+strings.ToLower(r.Header.Get(HeaderSignature)), replayTTL) {
		a.reject(w, http.StatusUnauthorized, "replay")
		return nil, false
	}
	return body, true
}

// isSSLCheck recognises an unsigned ssl_check ping: no signature header at
// all and a form saying ssl_check=1. A request that carries a (bad)
// signature is a forgery, not a ping.
func isSSLCheck(h http.Header, body []byte) bool {
	if h.Get(HeaderSignature) != "" {
		return false
	}
	v, err := url.ParseQuery(string(body))
	return err == nil && v.Get("ssl_check") == "1"
}

// detach gives background work a context that outlives the request (whose
// context ends when we reply) but keeps its values, under a deadline.
func detach(ctx context.Context, d time.Duration) (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.WithoutCancel(ctx), d)
}

// answer asks the bot, turning a panic into an apology: answers run on our
// own goroutines, where a panic would take the whole process down rather
// than one request.
func (a *Adapter) answer(ctx context.Context, q string) (rep bot.Reply) {
	defer func() {
		if v := recover(); v != nil {
			a.log.Error("slack: answerer panicked", "panic", fmt.Sprint(v))
			rep = bot.Reply{Outcome: bot.OutcomeRefused, Text: "Sorry, something went wrong. Please try again."}
		}
	}()
	return a.answerer.Answer(ctx, q)
}

// identity returns our bot user's auth.test result, or nil while it is
// not known yet. It never calls Slack: RunIdentity learns it.
func (a *Adapter) identity() *slack.AuthTestResponse { return a.self.Load() }

// RunIdentity learns the bot's own identity with auth.test, retrying with
// back-off until that works, then refreshes it every hour, until ctx is
// done. Start it with the adapter: mention replies use the identity to
// strip our own mention and ignore our own messages, but never wait for
// it (before it is known, the leading mention is stripped, and bot_id
// already marks our messages).
func (a *Adapter) RunIdentity(ctx context.Context) {
	if a.botToken == "" {
		return
	}
	backoff := retry.Policy{Base: time.Second, Max: 5 * time.Minute}
	for fails := 0; ; {
		wait := a.identityRefresh
		if err := a.refreshIdentity(ctx); err != nil {
			if ctx.Err() != nil {
				return
			}
			fails++
			wait = backoff.Backoff(fails)
			a.log.Warn("slack auth.test failed; cannot recognise own messages by user yet", "err", err, "retry_in", wait)
		} else {
			fails = 0
		}
		if !retry.Sleep(ctx, wait) {
			return
		}
	}
}

// refreshIdentity asks auth.test once, keeping only a success.
func (a *Adapter) refreshIdentity(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, a.attemptTimeout)
	defer cancel()
	res, err := a.api.AuthTestContext(ctx)
	if err != nil {
		return err
	}
	a.self.Store(res)
	return nil
}

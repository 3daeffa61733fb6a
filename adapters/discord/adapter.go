package discord

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"

	"github.com/storybot/storybot/adapters/internal/retry"
	"github.com/storybot/storybot/bot"
)

const (
	platform = "discord"

	// intents asked for at Identify. Both are non-privileged; see the
	// package comment for why MESSAGE_CONTENT is not needed.
	intents = discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages

	// MaxQuestion is the longest question answered, in UTF-16 units after
	// the mention is removed. Longer ones get a polite refusal: no honest
	// question about a story needs more, and it bounds the bot's work.
	MaxQuestion = 1000

	defaultHTTPTimeout = 20 * time.Second
)

// TooLong is the reply to a question longer than MaxQuestion.
var TooLong = fmt.Sprintf("That question is too long for me: please ask it in at most %d characters.", MaxQuestion)

// Adapter answers Discord mentions, DMs and /ask with a bot.Answerer.
type Adapter struct {
	answerer bot.Answerer
	cfg      Config
	log      *slog.Logger
	events   bot.Events
	client   *http.Client

	// Tunables; tests shorten them.
	answerTimeout  time.Duration // per question: answering and sending, retries included
	sendPolicy     retry.Policy  // retries of one REST call
	attemptTimeout time.Duration // one REST exchange, unless WithHTTPClient set a Timeout
	minBackoff     time.Duration // first wait after a failed reconnect
	maxBackoff     time.Duration
	stableAfter    time.Duration // a connection up this long resets the back-off
	concurrency    int           // questions answered at once; more are dropped
	deferAfter     time.Duration // a slower /ask answer gets a deferred response first
	drain          time.Duration // answers in flight at cancellation get this long
	askCommand     bool
	memory         bot.Memory    // the bot's conversations, to continue them from a reply (nil: none)
	identifyGap    time.Duration // between Identify calls in one max_concurrency bucket

	// shardCount is the shard count in use: the config's, or Discord's
	// recommendation for shards: auto. Set by Run before connecting.
	shardCount int
}

// Option configures an Adapter.
type Option func(*Adapter)

// WithMemory gives the adapter the conversation memory the bot answers
// with, so that a reply to one of the bot's answers continues that answer's
// conversation: the adapter files the conversation under each answer it
// sends. Without it a reply continues the asker's conversation in the
// channel.
func WithMemory(m bot.Memory) Option { return func(a *Adapter) { a.memory = m } }

// WithLogger sets the logger; nil (the default) discards logs.
func WithLogger(l *slog.Logger) Option { return func(a *Adapter) { a.log = l } }

// WithEvents receives connection state and rejected questions; nil ignores them.
func WithEvents(e bot.Events) Option { return func(a *Adapter) { a.events = e } }

// WithHTTPClient sets the client REST calls go through (its Transport and
// Timeout are kept; requests are still rewritten to Config.APIURL).
func WithHTTPClient(c *http.Client) Option { return func(a *Adapter) { a.client = c } }

// WithDrain lets answers and replies in flight when Run's context ends
// finish for up to d (default 0: they are cancelled with it). Run returns
// once they have, so d also bounds how long Run takes to return.
func WithDrain(d time.Duration) Option { return func(a *Adapter) { a.drain = d } }

// WithAskCommand says whether Run registers and serves the /ask slash
// command (the default) besides mentions and DMs.
func WithAskCommand(enabled bool) Option { return func(a *Adapter) { a.askCommand = enabled } }

// New checks cfg and returns an Adapter; it does not connect.
func New(a bot.Answerer, cfg Config, opts ...Option) (*Adapter, error) {
	if a == nil {
		return nil, errors.New("discord: nil Answerer")
	}
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	ad := &Adapter{
		answerer:      a,
		cfg:           cfg,
		answerTimeout: 30 * time.Second,
		// Five attempts: a 429's wait is what Discord asks (however long,
		// within answerTimeout), other failures back off from 500ms.
		sendPolicy:     retry.Policy{Attempts: 5, Base: 500 * time.Millisecond, Max: 8 * time.Second},
		attemptTimeout: 10 * time.Second,
		minBackoff:     time.Second,
		maxBackoff:     2 * time.Minute,
		stableAfter:    time.Minute,
		concurrency:    16,
		deferAfter:     2 * time.Second,
		askCommand:     true,
		identifyGap:    identifyGap,
	}
	for _, o := range opts {
		o(ad)
	}
	if ad.log == nil {
		ad.log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if ad.events == nil {
		ad.events = bot.NopEvents{}
	}
	return ad, nil
}

// GatewayError is returned by Run when Discord closes the gateway with a
// code that reconnecting cannot fix.
type GatewayError struct {
	Code int
}

func (e *GatewayError) Error() string {
	return fmt.Sprintf("discord: gateway closed the connection with code %d: %s", e.Code, fatalCloses[e.Code])
}

// fatalCloses are the gateway close codes Discord documents as "do not
// reconnect", with what the operator should do about each.
var fatalCloses = map[int]string{
	4004: "authentication failed; check the bot token",
	4010: "invalid shard",
	4011: "sharding required",
	4012: "invalid API version",
	4013: "invalid intents",
	4014: "disallowed intents; enable them in the Developer Portal or ask for fewer",
}

// staleSession close codes mean the session cannot be resumed: start a
// fresh one rather than resuming into the same refusal.
var staleSession = map[int]bool{4007: true, 4009: true}

// Run connects and answers until ctx is done, then closes the gateway
// cleanly and returns nil. It returns a *GatewayError when Discord closes
// the gateway for a reason reconnecting cannot fix. Transient failures
// reconnect with exponential back-off. Run must not be called
// concurrently on one Adapter.
//
// discordgo only logs the close code of a connection that was up; the
// code of a refused Open is returned. So after every drop Run reconnects
// itself (discordgo's own loop is off) and judges the close code Open
// returns: a token revoked mid-session is refused again, now visibly.
func (a *Adapter) Run(ctx context.Context) error {
	// stop closes every gateway connection Run opened, so an Open blocked
	// on a silent server returns when ctx is done.
	stopCtx, stop := context.WithCancel(context.WithoutCancel(ctx))
	defer stop()

	workCtx, endWork := a.workContext(ctx)
	defer endWork()
	work := newWorkers(a.concurrency)
	defer work.closeAndWait()

	rs := &runState{disconnected: make(chan struct{}, 1), work: work}
	a.shardCount = a.cfg.ShardCount
	s := a.newSession(workCtx, stopCtx, rs)
	if ok, err := a.prepareShards(ctx, s); !ok {
		return err // logged
	}
	backoff := time.Duration(0)
	for {
		err := a.open(ctx, s, stop)
		if errors.Is(err, discordgo.ErrWSAlreadyOpen) {
			// A second Disconnect for a connection already replaced
			// (discordgo's heartbeat and reader can both close it).
			err = nil
		}
		if ctx.Err() != nil {
			if err == nil {
				// Opened just as ctx ended: never reported up.
				s.Close()
			}
			return nil
		}
		if err != nil {
			var ce *websocket.CloseError
			if errors.As(err, &ce) {
				if _, fatal := fatalCloses[ce.Code]; fatal {
					gerr := &GatewayError{Code: ce.Code}
					a.log.Error("discord gateway refused the bot", "err", gerr)
					return gerr
				}
				if staleSession[ce.Code] {
					s = a.newSession(workCtx, stopCtx, rs)
				}
			}
			backoff = min(max(2*backoff, a.minBackoff), a.maxBackoff)
			a.log.Warn("discord gateway connection failed; retrying", "err", a.redact(err), "in", backoff)
			if !retry.Sleep(ctx, backoff) {
				return nil
			}
			continue
		}
		a.log.Info("discord gateway connected")
		a.events.Connected(platform, true)
		upSince := time.Now()
		select {
		case <-ctx.Done():
			a.close(s)
			return nil
		case <-rs.disconnected:
			// discordgo has closed the connection after a read or
			// heartbeat failure; with ShouldReconnectOnError off it
			// leaves reconnecting to us, so the next Open tells us
			// whether the close was fatal.
			a.events.Connected(platform, false)
			if time.Since(upSince) >= a.stableAfter {
				backoff = 0
				a.log.Warn("discord gateway disconnected; reconnecting")
				continue
			}
			// A connection that keeps dropping right after it opens
			// would be reopened in a tight loop, and Discord allows
			// only so many Identify calls a day.
			backoff = min(max(2*backoff, a.minBackoff), a.maxBackoff)
			a.log.Warn("discord gateway disconnected soon after connecting; reconnecting", "in", backoff)
			if !retry.Sleep(ctx, backoff) {
				return nil
			}
		}
	}
}

// onMessage handles each message the gateway delivers: questions are
// answered on a worker slot, or told the bot is busy.
func (a *Adapter) onMessage(ctx context.Context, work *workers) func(*discordgo.Session, *discordgo.MessageCreate) {
	return func(s *discordgo.Session, m *discordgo.MessageCreate) {
		if m.Message == nil {
			return
		}
		// Decide before taking a slot: without MESSAGE_CONTENT the bot
		// still receives every guild message (content empty), and those
		// must not count as rejected when it is busy.
		q, reason := question(botUserID(s), m.Message)
		if reason != "" {
			a.log.Debug("discord: ignored message", "message", m.ID, "reason", reason)
			return
		}
		switch work.start() {
		case errBusy:
			a.events.Rejected(platform, "busy") // as bot.Limit reports a full queue
			// Tell the asker rather than leave them waiting: slots
			// are usually full because sends are waiting out a rate
			// limit, and this notice waits with them. Notices have
			// their own, larger bound.
			if work.notice() != nil {
				a.log.Warn("discord: too many questions at once; dropping one", "message", m.ID, "channel", m.ChannelID)
				return
			}
			defer work.noticed()
			a.log.Info("discord: too many questions at once; asking to retry", "message", m.ID, "channel", m.ChannelID)
			a.reply(ctx, s, m.Message, []string{bot.BusyText}, nil)
			return
		case errStopped:
			return
		}
		defer work.done()
		a.handleMessage(ctx, s, m.Message, q)
	}
}

// workContext is the context answers run in. Answers still running when
// Run returns would send on a closed session; they end a.drain after ctx,
// and Run waits for them. REST calls do not need the gateway, so replies
// still go out meanwhile.
func (a *Adapter) workContext(ctx context.Context) (context.Context, func()) {
	workCtx, cancelWork := context.WithCancel(context.WithoutCancel(ctx))
	stopWork := context.AfterFunc(ctx, func() {
		if a.drain <= 0 {
			cancelWork()
			return
		}
		time.AfterFunc(a.drain, cancelWork)
	})
	return workCtx, func() { stopWork(); cancelWork() }
}

// open runs s.Open but gives up when ctx is done: discordgo's Open takes
// no context, so cancelling stop closes its socket under it.
func (a *Adapter) open(ctx context.Context, s *discordgo.Session, stop context.CancelFunc) error {
	done := make(chan error, 1)
	go func() { done <- s.Open() }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		stop()
		return <-done
	}
}

func (a *Adapter) close(s *discordgo.Session) {
	// Close sends a normal close frame, so Discord ends the session
	// instead of keeping it for a resume that will not come.
	if err := s.Close(); err != nil {
		a.log.Warn("discord gateway close", "err", a.redact(err))
	}
	a.events.Connected(platform, false)
	a.log.Info("discord gateway closed")
}

// runState is what the sessions of one Run share.
type runState struct {
	disconnected chan struct{} // a Disconnect event happened
	work         *workers
	registered   atomic.Bool // /ask registration was attempted
}

// newSession builds a discordgo session that reconnects only through Run
// and never retries rate limits on its own. Its handlers answer with ctx
// (Run's), so cancelling Run cancels answers in flight.
func (a *Adapter) newSession(ctx, stopCtx context.Context, rs *runState) *discordgo.Session {
	work := rs.work
	s, _ := discordgo.New(a.cfg.sessionToken()) // New only fails on login arguments we do not pass
	s.Identify.Intents = intents
	if a.shardCount > 1 {
		// discordgo sends [ShardID, ShardCount] in Identify; Discord
		// then delivers only this shard's guilds (and, to shard 0, DMs).
		s.ShardID, s.ShardCount = a.cfg.ShardID, a.shardCount
	}
	s.ShouldReconnectOnError = false
	s.ShouldRetryOnRateLimit = false
	s.MaxRestRetries = 1
	// discordgo logs through the standard log package; Run logs what
	// matters through the injected logger instead.
	s.LogLevel = -1
	s.StateEnabled = true
	s.Client = httpClient(a.client, a.cfg.apiBase(), stopCtx)
	if a.client == nil || a.client.Timeout == 0 {
		s.Client.Timeout = a.attemptTimeout
	}
	s.Dialer = &websocket.Dialer{
		Proxy:            http.ProxyFromEnvironment,
		HandshakeTimeout: 45 * time.Second,
		NetDialContext:   stoppableDial(stopCtx),
	}
	s.AddHandler(func(_ *discordgo.Session, _ *discordgo.Disconnect) {
		select {
		case rs.disconnected <- struct{}{}:
		default:
		}
	})
	s.AddHandler(a.onMessage(ctx, work))
	if !a.askCommand || a.cfg.ShardID != 0 {
		// Commands are the application's, not a shard's: shard 0
		// registers /ask for all of them.
		return s
	}
	s.AddHandler(func(s *discordgo.Session, r *discordgo.Ready) {
		if rs.registered.Swap(true) || work.track() != nil {
			return
		}
		defer work.untrack()
		a.registerAsk(ctx, s, r)
	})
	s.AddHandler(func(s *discordgo.Session, ic *discordgo.InteractionCreate) {
		i := ic.Interaction
		if i == nil || i.Type != discordgo.InteractionApplicationCommand || i.ApplicationCommandData().Name != askCommand.Name {
			return
		}
		err := work.start()
		switch err {
		case errStopped:
			return
		case errBusy:
			// Still answered: an unanswered interaction shows the
			// user an error. Tracked, so Run waits for it.
			if work.track() != nil {
				return
			}
			defer work.untrack()
		default:
			defer work.done()
		}
		a.handleInteraction(ctx, s, i, err == errBusy)
	})
	return s
}

// workers bounds the answers running at once and lets Run wait for them.
// A bare WaitGroup would not do: discordgo starts handler goroutines that
// may call Add after Run has begun to Wait.
type workers struct {
	sem     chan struct{}
	notices chan struct{} // busy notices being sent
	mu      sync.Mutex
	closed  bool
	wg      sync.WaitGroup
}

var (
	errBusy    = errors.New("busy")
	errStopped = errors.New("stopped")
)

func newWorkers(n int) *workers {
	return &workers{sem: make(chan struct{}, max(n, 1)), notices: make(chan struct{}, 4*max(n, 1))}
}

// notice is start for a busy notice, from a separate, larger bound.
func (w *workers) notice() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return errStopped
	}
	select {
	case w.notices <- struct{}{}:
	default:
		return errBusy
	}
	w.wg.Add(1)
	return nil
}

func (w *workers) noticed() {
	<-w.notices
	w.wg.Done()
}

func (w *workers) start() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return errStopped
	}
	select {
	case w.sem <- struct{}{}:
	default:
		return errBusy
	}
	w.wg.Add(1)
	return nil
}

func (w *workers) done() {
	<-w.sem
	w.wg.Done()
}

// track is start without the bound, for short work that must not be
// dropped.
func (w *workers) track() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return errStopped
	}
	w.wg.Add(1)
	return nil
}

func (w *workers) untrack() { w.wg.Done() }

func (w *workers) closeAndWait() {
	w.mu.Lock()
	w.closed = true
	w.mu.Unlock()
	w.wg.Wait()
}

// stoppableDial dials connections that close when stop is cancelled:
// discordgo's Open takes no context, and this is how Run still stops it.
func stoppableDial(stop context.Context) func(ctx context.Context, network, addr string) (net.Conn, error) {
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		d := net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}
		c, err := d.DialContext(ctx, network, addr)
		if err != nil {
			return nil, err
		}
		return newStoppableConn(stop, c), nil
	}
}

// stoppableConn closes itself when stop is cancelled; Close unregisters
// that, so reconnects do not accumulate callbacks.
type stoppableConn struct {
	net.Conn
	unregister func() bool
}

func newStoppableConn(stop context.Context, c net.Conn) net.Conn {
	return &stoppableConn{Conn: c, unregister: context.AfterFunc(stop, func() { c.Close() })}
}

func (c *stoppableConn) Close() error {
	c.unregister()
	return c.Conn.Close()
}

// redact removes the token from an error message before it is logged:
// discordgo's errors do not carry it, but a proxy's error page might.
func (a *Adapter) redact(err error) string {
	if err == nil {
		return ""
	}
	msg := err.Error()
	tok := strings.TrimPrefix(a.cfg.Token, "Bot ")
	if tok != "" {
		msg = strings.ReplaceAll(msg, tok, "[REDACTED]")
	}
	return msg
}

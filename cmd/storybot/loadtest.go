package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/storybot/storybot/adapters/slack"
	"github.com/storybot/storybot/facts"
)

// loadQuestions are asked in turn: answered, not found and corrected ones,
// so the figures are not for the cheapest path only.
var loadQuestions = []string{
	"Who is the Secretary of State?",
	"What did pompoe say",
	"Where did Trump and Putin meet?",
	"Who wrote Hamlet?",
	"What did the White House say about Putin's offer?",
}

// runLoadtest measures the real serve stack (Slack signature checks, replay
// cache, limiter, bot, metrics, logging) over loopback. It only ever talks
// to the server it starts itself on 127.0.0.1, with a signing secret it
// makes up, so it cannot touch Slack or anything else.
func runLoadtest(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "loadtest", "[--n N] [--concurrency C] [--doc PATH]... [--max-time D] [--redis URL] [--replicas R]")
	n := fs.Int("n", 100000, "requests to send (1..10000000)")
	conc := fs.Int("concurrency", 16, "requests in flight at once (1..1024)")
	maxTime := fs.Duration("max-time", 5*time.Minute, "stop sending after this `duration` even if n is not reached")
	var docs multiFlag
	fs.Var(&docs, "doc", "document `path` to answer from; repeatable; default: the built-in story")
	var rep loadReplicas
	fs.StringVar(&rep.redisURL, "redis", "", "share state on the Redis at this `URL` (password from REDIS_PASSWORD), as redis.url does")
	fs.IntVar(&rep.n, "replicas", 1, "serve stacks to spread requests over, in turn (1..8); with --redis they share it")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	rep.password = e.getenv("REDIS_PASSWORD")
	if rep.n < 1 || rep.n > 8 {
		return usagef("loadtest: --replicas must be between 1 and 8")
	}
	if c := (Config{Redis: RedisConfig{URL: rep.redisURL}}); rep.redisURL != "" {
		var p []string
		c.validateReplicas(func(_, format string, args ...any) { p = append(p, fmt.Sprintf(format, args...)) })
		if len(p) > 0 {
			return usagef("loadtest: --redis %s", p[0])
		}
	}
	if *n < 1 || *n > 10_000_000 {
		return usagef("loadtest: --n must be between 1 and 10000000")
	}
	if *conc < 1 || *conc > 1024 {
		return usagef("loadtest: --concurrency must be between 1 and 1024")
	}
	if *maxTime <= 0 {
		return usagef("loadtest: --max-time must be positive")
	}
	if fs.NArg() > 0 {
		return usagef("loadtest: unexpected argument %q", fs.Arg(0))
	}
	lt, err := startLoadTarget(ctx, docs, rep)
	if err != nil {
		return err
	}
	defer lt.stop()
	fmt.Fprintf(e.stdout, "loadtest: %d signed slash commands, %d at a time, to %s (GOMAXPROCS %d)%s\n",
		*n, *conc, strings.Join(lt.urls, " and "), runtime.GOMAXPROCS(0), rep.describe())
	res, err := lt.hammer(ctx, *n, *conc, *maxTime, func(m memSample) {
		fmt.Fprintf(e.stdout, "  memory at %-7s heap in use %6.1f MiB, RSS %s\n", m.label+":", mib(m.heapInuse), rssText(m.rss))
	})
	if err != nil {
		return err
	}
	fmt.Fprint(e.stdout, res.String())
	if res.failed > 0 {
		return fmt.Errorf("loadtest: %d of %d requests failed (first: %s)", res.failed, res.sent, res.firstFailure)
	}
	return nil
}

// loadReplicas is how many serve stacks the load test runs, and the Redis
// they share, if any.
type loadReplicas struct {
	n        int
	redisURL string
	password string
}

func (r loadReplicas) describe() string {
	s := ""
	if r.n > 1 {
		s = fmt.Sprintf(", %d replicas in turn", r.n)
	}
	if r.redisURL != "" {
		s += ", state on Redis " + r.redisURL
	}
	return s
}

// loadTarget is one or more serve stacks listening on loopback for the
// load test.
type loadTarget struct {
	urls   []string
	secret string
	client *http.Client
	stops  []func()
}

func (lt *loadTarget) stop() {
	for _, s := range lt.stops {
		s()
	}
}

func startLoadTarget(ctx context.Context, docPaths []string, rep loadReplicas) (*loadTarget, error) {
	docs, _, err := loadDocuments(docPaths)
	if err != nil {
		return nil, usageError{fmt.Errorf("loadtest: %w", err)}
	}
	secret := make([]byte, 32)
	_, _ = rand.Read(secret) // never fails on supported platforms
	cfg := loadConfig(docPaths, hex.EncodeToString(secret), rep)
	lt := &loadTarget{
		secret: cfg.Slack.SigningSecret,
		client: &http.Client{
			Timeout: 10 * time.Second,
			Transport: &http.Transport{
				// Only ever the loopback addresses we just bound,
				// whatever the environment's proxy settings say.
				Proxy:               nil,
				MaxIdleConns:        1024,
				MaxIdleConnsPerHost: 1024,
				IdleConnTimeout:     30 * time.Second,
			},
		},
	}
	for range rep.n {
		if err := lt.startReplica(ctx, cfg, docs); err != nil {
			lt.stop()
			return nil, err
		}
	}
	return lt, nil
}

// loadConfig is serve's configuration for the load test.
func loadConfig(docPaths []string, secret string, rep loadReplicas) Config {
	cfg := DefaultConfig()
	cfg.Documents = docPaths
	cfg.HTTP.Listen = "127.0.0.1:0"
	cfg.Slack.SigningSecret = secret
	// The test measures answering, not refusing: a few hundred simulated
	// users would otherwise spend their buckets in the first second.
	cfg.Limits.UserPerMinute, cfg.Limits.UserBurst = 1e9, 1e6
	cfg.Limits.ChannelPerMinute, cfg.Limits.ChannelBurst = 1e9, 1e6
	cfg.Log.Level = "error"
	if rep.redisURL != "" {
		// A prefix of its own, so a shared Redis's real keys are safe.
		cfg.Redis = RedisConfig{URL: rep.redisURL, Password: rep.password, Prefix: "storybot-loadtest-" + secret[:8] + ":"}
	}
	return cfg
}

// startReplica starts one serve stack on a loopback port.
func (lt *loadTarget) startReplica(ctx context.Context, cfg Config, docs []*facts.Document) error {
	s, err := newServer(cfg, docs, slog.New(slog.DiscardHandler), nil)
	if err != nil {
		return fmt.Errorf("loadtest: %w", err)
	}
	ln, err := net.Listen("tcp", cfg.HTTP.Listen)
	if err != nil {
		return fmt.Errorf("loadtest: listen on loopback: %w", err)
	}
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- s.run(ctx, ln, serveHooks{}) }()
	lt.urls = append(lt.urls, "http://"+ln.Addr().String()+"/slack/commands")
	lt.stops = append(lt.stops, func() { cancel(); <-done })
	return nil
}

// request builds slash command i, signed now. trigger_id makes each body,
// and so each signature, unique: the adapter refuses replayed signatures.
// response_url is empty so a slow answer is never posted anywhere.
func (lt *loadTarget) request(ctx context.Context, i int) (*http.Request, error) {
	form := url.Values{
		"team_id":    {"T0LOAD"},
		"channel_id": {"C" + strconv.Itoa(i%50)},
		"user_id":    {"U" + strconv.Itoa(i%500)},
		"command":    {"/story"},
		"text":       {loadQuestions[i%len(loadQuestions)]},
		"trigger_id": {strconv.Itoa(i)},
	}
	body := form.Encode()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, lt.urls[i%len(lt.urls)], strings.NewReader(body))
	if err != nil {
		return nil, err
	}
	ts := time.Now().Unix()
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set(slack.HeaderTimestamp, strconv.FormatInt(ts, 10))
	req.Header.Set(slack.HeaderSignature, slack.Sign(lt.secret, ts, []byte(body)))
	return req, nil
}

// send sends request i and reports whether it got a 200 with a JSON reply.
func (lt *loadTarget) send(ctx context.Context, i int) error {
	req, err := lt.request(ctx, i)
	if err != nil {
		return err
	}
	resp, err := lt.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(b), `"text"`) {
		return fmt.Errorf("status %d: %.100s", resp.StatusCode, b)
	}
	return nil
}

type memSample struct {
	label     string
	heapInuse uint64
	rss       uint64 // 0 when unknown
}

func sampleMem(label string) memSample {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return memSample{label: label, heapInuse: ms.HeapInuse, rss: readRSS()}
}

// readRSS reads the resident set size from /proc; 0 where there is none.
func readRSS() uint64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for line := range strings.Lines(string(b)) {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			f := strings.Fields(v)
			if len(f) > 0 {
				kb, _ := strconv.ParseUint(f[0], 10, 64)
				return kb << 10
			}
		}
	}
	return 0
}

func mib(b uint64) float64 { return float64(b) / (1 << 20) }

func rssText(b uint64) string {
	if b == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.1f MiB", mib(b))
}

type loadResult struct {
	sent, failed int
	firstFailure string
	elapsed      time.Duration
	p50, p99     time.Duration
	max          time.Duration
	mem          []memSample
}

func (r loadResult) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "sent %d requests in %v: %.0f requests/s sustained, %d failed\n",
		r.sent, r.elapsed.Round(time.Millisecond), float64(r.sent)/r.elapsed.Seconds(), r.failed)
	fmt.Fprintf(&b, "latency (client side, loopback): p50 %v, p99 %v, max %v\n", r.p50, r.p99, r.max)
	return b.String()
}

// hammer sends n requests from conc workers, or as many as fit in maxTime,
// sampling memory at the start, the middle and the end.
func (lt *loadTarget) hammer(ctx context.Context, n, conc int, maxTime time.Duration, onSample func(memSample)) (loadResult, error) {
	ctx, cancel := context.WithTimeout(ctx, maxTime)
	defer cancel()
	var (
		next      atomic.Int64
		completed atomic.Int64
		mu        sync.Mutex
		res       loadResult
		wg        sync.WaitGroup
	)
	lat := make([][]time.Duration, conc)
	middle := make(chan struct{})
	var middleOnce sync.Once
	record := func(m memSample) {
		res.mem = append(res.mem, m)
		if onSample != nil {
			onSample(m)
		}
	}
	record(sampleMem("start"))
	start := time.Now()
	for w := range conc {
		wg.Go(func() {
			for ctx.Err() == nil {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				t0 := time.Now()
				err := lt.send(ctx, i)
				lat[w] = append(lat[w], time.Since(t0))
				if err != nil && ctx.Err() == nil {
					mu.Lock()
					if res.failed == 0 {
						res.firstFailure = err.Error()
					}
					res.failed++
					mu.Unlock()
				}
				if completed.Add(1) == int64(n/2) {
					middleOnce.Do(func() { close(middle) })
				}
			}
		})
	}
	allDone := make(chan struct{})
	go func() { wg.Wait(); close(allDone) }()
	select {
	case <-middle:
		record(sampleMem("middle"))
	case <-allDone:
	}
	<-allDone
	res.elapsed = time.Since(start)
	record(sampleMem("end"))
	all := slices.Concat(lat...)
	res.sent = len(all)
	if len(all) == 0 {
		return res, errors.New("loadtest: no request was sent")
	}
	slices.Sort(all)
	res.p50 = all[len(all)/2]
	res.p99 = all[min(len(all)-1, len(all)*99/100)]
	res.max = all[len(all)-1]
	return res, nil
}

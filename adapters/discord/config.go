package discord

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
)

// DefaultAPIURL is Discord's own base URL, the one discordgo's endpoints
// are built on.
const DefaultAPIURL = "https://discord.com/"

// Config is what an operator configures. Only Token is required.
type Config struct {
	// Token is the bot token, with or without its "Bot " prefix.
	Token string
	// APIURL is the base for REST calls and the gateway lookup; empty means
	// DefaultAPIURL. Set it to go through an API proxy, or to a test fake.
	APIURL string
	// ShardID and ShardCount split a large bot's guilds over processes:
	// Discord sends this process the guilds whose (id >> 22) % ShardCount
	// is ShardID, and direct messages to shard 0 only. A ShardCount of 0
	// or 1 means one process receives everything.
	ShardID, ShardCount int
	// AutoShards takes the shard count Discord recommends (GET
	// /gateway/bot) instead of ShardCount; ShardID still says which one
	// this process is.
	AutoShards bool
}

// Validate reports the first field that is unusable, by name and never by
// value, because the value of Token is a secret.
func (c Config) Validate() error {
	tok := strings.TrimPrefix(c.Token, "Bot ")
	if tok == "" {
		return errors.New("discord: Config.Token is empty")
	}
	// Usually a newline read from a secrets file: Discord would answer
	// with 4004 and the operator would suspect the token itself.
	if strings.ContainsAny(tok, " \t\r\n") {
		return errors.New("discord: Config.Token contains white space")
	}
	if c.ShardID < 0 || c.ShardCount < 0 {
		return errors.New("discord: Config.ShardID and ShardCount cannot be negative")
	}
	if c.AutoShards && c.ShardCount != 0 {
		return errors.New("discord: Config.AutoShards and ShardCount both set; choose one")
	}
	if c.ShardCount > 0 && c.ShardID >= c.ShardCount {
		return fmt.Errorf("discord: Config.ShardID %d is not below ShardCount %d", c.ShardID, c.ShardCount)
	}
	if c.APIURL != "" {
		u, err := url.Parse(c.APIURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return fmt.Errorf("discord: Config.APIURL %q is not an absolute http(s) URL", c.APIURL)
		}
	}
	return nil
}

// String keeps the token out of anything that prints a Config.
func (c Config) String() string {
	return fmt.Sprintf("discord.Config{Token: %s, APIURL: %q}", redactedIfSet(c.Token), c.APIURL)
}

// GoString covers %#v, which does not use String.
func (c Config) GoString() string { return c.String() }

// LogValue keeps the token out of structured logs.
func (c Config) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("token", redactedIfSet(c.Token)),
		slog.String("api_url", c.APIURL),
	)
}

func redactedIfSet(s string) string {
	if s == "" {
		return `""`
	}
	return "[REDACTED]"
}

// sessionToken is the value discordgo sends as Authorization and in
// Identify: bot tokens need the "Bot " prefix there.
func (c Config) sessionToken() string {
	if strings.HasPrefix(c.Token, "Bot ") {
		return c.Token
	}
	return "Bot " + c.Token
}

// apiBase is APIURL with the trailing slash the rewrite relies on.
func (c Config) apiBase() string {
	if c.APIURL == "" {
		return DefaultAPIURL
	}
	if !strings.HasSuffix(c.APIURL, "/") {
		return c.APIURL + "/"
	}
	return c.APIURL
}

// rewriteTransport sends requests meant for https://discord.com/ to base
// instead. discordgo computes its endpoint URLs into package variables at
// start-up, so rewriting each request is the only way to point one session
// elsewhere without affecting others in the same process.
type rewriteTransport struct {
	base string
	next http.RoundTripper
}

func (t *rewriteTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	u := req.URL.String()
	if t.base == DefaultAPIURL || !strings.HasPrefix(u, DefaultAPIURL) {
		return t.next.RoundTrip(req)
	}
	target, err := url.Parse(t.base + strings.TrimPrefix(u, DefaultAPIURL))
	if err != nil {
		return nil, fmt.Errorf("discord: rewrite %s: %w", req.URL.Path, err)
	}
	// RoundTrippers must not modify the caller's request.
	r := req.Clone(req.Context())
	r.URL = target
	r.Host = target.Host
	return t.next.RoundTrip(r)
}

// httpClient wraps base so that every discordgo REST call, the gateway
// lookup included, goes to the configured API URL. Without a base client
// its connections close when stop is cancelled, so a gateway lookup in
// flight does not hold up Run's return.
func httpClient(base *http.Client, apiBase string, stop context.Context) *http.Client {
	var next http.RoundTripper
	c := &http.Client{Timeout: defaultHTTPTimeout}
	if base != nil {
		cp := *base
		c = &cp
		next = c.Transport
	} else if t, ok := http.DefaultTransport.(*http.Transport); ok {
		t = t.Clone()
		t.DialContext = stoppableDial(stop)
		next = t
	}
	if next == nil {
		next = http.DefaultTransport
	}
	c.Transport = &rewriteTransport{base: apiBase, next: next}
	return c
}

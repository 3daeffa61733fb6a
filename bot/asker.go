package bot

import "context"

// Asker says who asked a question and where, so that middleware (rate limits,
// metrics, logs) can act per user and channel without knowing the platform.
type Asker struct {
	Platform string // "slack", "discord", "repl", "cli"
	User     string
	Channel  string
}

type askerKey struct{}

// WithAsker returns a context that carries a.
func WithAsker(ctx context.Context, a Asker) context.Context {
	return context.WithValue(ctx, askerKey{}, a)
}

// AskerFrom returns the Asker stored by WithAsker.
func AskerFrom(ctx context.Context) (Asker, bool) {
	a, ok := ctx.Value(askerKey{}).(Asker)
	return a, ok
}

// Events receives what adapters see that is not a question: rejected
// requests and connection state. Operators turn it into metrics and
// readiness. A nil Events is allowed everywhere; use NopEvents.
type Events interface {
	// Rejected reports a request refused before answering; reason is one of
	// "signature", "size", "method", "malformed", "replay", "rate_limit".
	Rejected(platform, reason string)
	// Connected reports a platform's connection state changing.
	Connected(platform string, up bool)
	// ReplyFailed reports a reply that could not be delivered even after
	// retries; reason is one of "rate_limited", "server_error", "timeout",
	// "bad_response", "rejected", "cancelled".
	ReplyFailed(platform, reason string)
}

// NopEvents ignores everything.
type NopEvents struct{}

func (NopEvents) Rejected(string, string)    {}
func (NopEvents) Connected(string, bool)     {}
func (NopEvents) ReplyFailed(string, string) {}

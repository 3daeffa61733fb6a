package slack

import (
	"context"
	"time"
)

// firstTime reports whether key (a request signature, an event or envelope
// ID) is new, remembering it for ttl, so that replays and Slack's retries
// are answered once. A store that cannot be asked says new: answering twice
// is better than not answering.
func (a *Adapter) firstTime(ctx context.Context, key string, ttl time.Duration) bool {
	ok, err := a.state.FirstTime(ctx, key, ttl)
	return ok || err != nil
}

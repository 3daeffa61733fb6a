package discord

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/storybot/storybot/adapters/internal/retry"
)

// identifyGap is how long Discord wants between two Identify calls in one
// max_concurrency bucket.
const identifyGap = 5 * time.Second

// ShardError is returned by Run when the shard settings cannot work: a
// shard id the recommended shard count does not have.
type ShardError struct{ ID, Count int }

func (e *ShardError) Error() string {
	return fmt.Sprintf("discord: shard_id %d is not below the shard count %d", e.ID, e.Count)
}

// sharded reports whether this process is one shard of several, or must
// ask Discord how many there should be.
func (c Config) sharded() bool { return c.AutoShards || c.ShardCount > 1 }

// prepareShards sets s's shard from the config, asking GET /gateway/bot for
// the shard count when it is "auto" and for max_concurrency, then waits
// this shard's turn to identify: shards identify max_concurrency at a time,
// identifyGap apart, so shard i waits (i / max_concurrency) gaps. Processes
// started together so keep to Discord's limit without talking to each
// other. It returns false when ctx ended first.
func (a *Adapter) prepareShards(ctx context.Context, s *discordgo.Session) (bool, error) {
	if !a.cfg.sharded() {
		return true, nil
	}
	count, concurrency, ok, err := a.gatewayBot(ctx, s)
	if !ok && err == nil {
		return false, nil
	}
	if err == nil && a.cfg.ShardID >= count {
		err = &ShardError{ID: a.cfg.ShardID, Count: count}
	}
	if err != nil {
		a.log.Error("discord shard settings cannot work", "err", err)
		return false, err
	}
	a.shardCount = count
	s.ShardID, s.ShardCount = a.cfg.ShardID, count
	wait := time.Duration(a.cfg.ShardID/concurrency) * a.identifyGap
	a.log.Info("discord shard", "shard_id", a.cfg.ShardID, "shard_count", count,
		"max_concurrency", concurrency, "identify_in", wait)
	return retry.Sleep(ctx, wait), nil
}

// gatewayBot asks GET /gateway/bot for the shard count (kept from the
// config unless it is auto) and max_concurrency. Without auto, a failed
// lookup only costs the staggering (max_concurrency 1 is assumed); with
// it, the lookup is retried with back-off, and a refused token is fatal.
func (a *Adapter) gatewayBot(ctx context.Context, s *discordgo.Session) (count, concurrency int, ok bool, err error) {
	backoff := time.Duration(0)
	for {
		gb, err := s.GatewayBot(discordgo.WithContext(ctx))
		if err == nil {
			count = a.cfg.ShardCount
			if a.cfg.AutoShards {
				count = max(1, gb.Shards)
			}
			return count, max(1, gb.SessionStartLimit.MaxConcurrency), true, nil
		}
		if ctx.Err() != nil {
			return 0, 0, false, nil
		}
		if !a.cfg.AutoShards {
			a.log.Warn("discord gateway/bot lookup failed; identifying as if max_concurrency were 1", "err", a.redact(err))
			return a.cfg.ShardCount, 1, true, nil
		}
		var re *discordgo.RESTError
		if errors.As(err, &re) && re.Response != nil &&
			(re.Response.StatusCode == http.StatusUnauthorized || re.Response.StatusCode == http.StatusForbidden) {
			return 0, 0, false, &GatewayError{Code: 4004}
		}
		backoff = min(max(2*backoff, a.minBackoff), a.maxBackoff)
		a.log.Warn("discord gateway/bot lookup failed; retrying", "err", a.redact(err), "in", backoff)
		if !retry.Sleep(ctx, backoff) {
			return 0, 0, false, nil
		}
	}
}

package main

import (
	"fmt"
	"log/slog"
	"net/url"

	"github.com/storybot/storybot/bot"
	"github.com/storybot/storybot/metrics"
	"github.com/storybot/storybot/state"
)

// RedisConfig moves what replicas must share (Slack de-duplication and the
// replay cache, rate-limit buckets) from the process to Redis.
type RedisConfig struct {
	// URL is redis://host:port/db or rediss://… (TLS); empty keeps the
	// state in the process.
	URL string `yaml:"url"`
	// Password, normally "${REDIS_PASSWORD}"; never in the URL, never
	// logged.
	Password string `yaml:"password"`
	// Prefix namespaces the keys, so several bots can share a Redis.
	Prefix string `yaml:"prefix"`
}

// validateReplicas checks the redis and Discord shard keys.
func (c Config) validateReplicas(bad func(key, format string, args ...any)) {
	if c.Redis.URL != "" {
		u, err := url.Parse(c.Redis.URL)
		switch {
		case err != nil || (u.Scheme != "redis" && u.Scheme != "rediss") || u.Host == "":
			bad("redis.url", "want redis://host:port/db or rediss://host:port/db")
		case u.User != nil:
			if _, has := u.User.Password(); has {
				bad("redis.url", "must not hold the password: set redis.password: ${REDIS_PASSWORD}")
			}
		}
	}
	d := c.Discord
	switch {
	case d.Shards != "" && d.Shards != "auto":
		bad("discord.shards", "must be auto or left out (then discord.shard_count says how many)")
	case d.Shards == "auto" && d.ShardCount != 0:
		bad("discord.shard_count", "must be left out with discord.shards: auto")
	case d.ShardID < 0 || d.ShardCount < 0:
		bad("discord.shard_id", "shard_id and shard_count cannot be negative")
	case d.ShardCount > 0 && d.ShardID >= d.ShardCount:
		bad("discord.shard_id", "must be below discord.shard_count (shards are numbered from 0)")
	case d.ShardID > 0 && d.ShardCount == 0 && d.Shards == "":
		bad("discord.shard_id", "needs discord.shard_count or discord.shards: auto")
	}
}

// sharedState is where the limiter, the Slack adapter and conversation
// memory keep their state: the process's memory, or Redis behind a
// Failover that falls back to memory while Redis is away.
type sharedState struct {
	store    state.Store
	failover *state.Failover // nil without Redis
	redis    *state.Redis
}

// conversations bounds the values the in-process fallback keeps: only
// conversation memory sets values.
func newSharedState(c RedisConfig, conversations int, log *slog.Logger, met *metrics.Metrics) (sharedState, error) {
	local := state.NewMemory(state.MemoryOptions{MaxValues: conversations})
	if c.URL == "" {
		return sharedState{store: local}, nil
	}
	r, err := state.NewRedis(state.RedisOptions{URL: c.URL, Password: c.Password, Prefix: c.Prefix})
	if err != nil {
		return sharedState{}, fmt.Errorf("redis: %w", err)
	}
	f := state.NewFailover(r, local, state.FailoverOptions{Log: log, Failed: met.RedisFailed})
	return sharedState{store: f, failover: f, redis: r}, nil
}

// status is what /readyz shows for Redis: "" without it, else "ok" or
// "degraded" (answering from in-process state).
func (s sharedState) status() string {
	if s.failover == nil {
		return ""
	}
	return s.failover.Status()
}

// conversationMemory is where the bot remembers conversations: with Redis,
// in the shared store, so a follow-up reaching another replica continues
// the conversation (and, while Redis is away, in the process, through the
// Failover); without it, a LocalMemory bounded by conversation.max.
func conversationMemory(c ConversationConfig, s sharedState) bot.Memory {
	if s.failover == nil {
		return c.memory()
	}
	return bot.NewStoreMemory(s.store, c.TTL.D())
}

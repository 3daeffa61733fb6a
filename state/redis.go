package state

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
)

// RedisOptions say which Redis to use.
type RedisOptions struct {
	// URL is redis://host:port/db or rediss://… for TLS. A password in it
	// is refused: give Password instead, so the URL can be logged.
	URL string
	// Password, from the environment or config; never logged.
	Password string
	// Prefix namespaces every key, so several bots can share a Redis.
	// Default "storybot:".
	Prefix string
	// Timeout bounds each command, so a Redis that stops answering costs a
	// question this much at most before the Failover takes over. Default
	// 500ms.
	Timeout time.Duration
}

// Redis is a Store in a Redis server, shared by every replica using it.
type Redis struct {
	c      *redis.Client
	prefix string
}

var _ Store = (*Redis)(nil)

// NewRedis checks o and returns a client; it does not connect yet.
func NewRedis(o RedisOptions) (*Redis, error) {
	opt, err := redis.ParseURL(o.URL)
	if err != nil {
		return nil, fmt.Errorf("redis url: %w", err)
	}
	if opt.Password != "" {
		return nil, errors.New("redis url: put the password in redis.password (from the environment), not in the URL")
	}
	opt.Password = o.Password
	if o.Timeout <= 0 {
		o.Timeout = 500 * time.Millisecond
	}
	opt.DialTimeout, opt.ReadTimeout, opt.WriteTimeout = o.Timeout, o.Timeout, o.Timeout
	// The Failover retries by falling back and reconnecting in the
	// background; retrying here would only make a question wait.
	opt.MaxRetries, opt.DialerRetries = -1, 1
	// go-redis logs each failed dial itself; the Failover says it once.
	quietOnce.Do(func() { redis.SetLogger(quiet{}) })
	if o.Prefix == "" {
		o.Prefix = "storybot:"
	}
	return &Redis{c: redis.NewClient(opt), prefix: o.Prefix}, nil
}

var quietOnce sync.Once

// quiet drops go-redis's own log lines.
type quiet struct{}

func (quiet) Printf(context.Context, string, ...any) {}

// Close closes the connections.
func (r *Redis) Close() error { return r.c.Close() }

// Ping asks Redis whether it is there.
func (r *Redis) Ping(ctx context.Context) error { return r.c.Ping(ctx).Err() }

// FirstTime implements Store with SET key 1 NX EX ttl.
func (r *Redis) FirstTime(ctx context.Context, key string, ttl time.Duration) (bool, error) {
	return r.c.SetNX(ctx, r.prefix+"seen:"+key, 1, ttl).Result()
}

// Get implements Store.
func (r *Redis) Get(ctx context.Context, key string) ([]byte, bool, error) {
	b, err := r.c.Get(ctx, r.prefix+"val:"+key).Bytes()
	if errors.Is(err, redis.Nil) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	return b, true, nil
}

// Set implements Store; the value expires after ttl.
func (r *Redis) Set(ctx context.Context, key string, value []byte, ttl time.Duration) error {
	return r.c.Set(ctx, r.prefix+"val:"+key, value, ttl).Err()
}

// takeScript spends a token of every bucket only if each has one, in one
// atomic step, with Redis's clock so replicas' clocks need not agree. A
// bucket is a hash {tokens, at} that expires once it would be full again.
// KEYS are the buckets; ARGV holds each one's refill per second and burst.
var takeScript = redis.NewScript(`
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local levels = {}
for i, k in ipairs(KEYS) do
  local rate, burst = tonumber(ARGV[2*i-1]), tonumber(ARGV[2*i])
  local v = redis.call('HMGET', k, 'tokens', 'at')
  local level = burst
  if v[1] then
    local idle = math.max(0, now - tonumber(v[2]))
    level = math.min(burst, tonumber(v[1]) + idle * rate)
  end
  if level < 1 then return 0 end
  levels[i] = level
end
for i, k in ipairs(KEYS) do
  local rate, burst = tonumber(ARGV[2*i-1]), tonumber(ARGV[2*i])
  redis.call('HSET', k, 'tokens', tostring(levels[i] - 1), 'at', tostring(now))
  redis.call('PEXPIRE', k, math.ceil((burst - levels[i] + 1) / rate * 1000) + 1000)
end
return 1
`)

// Take implements Store with one Lua script, so N replicas spend from one
// bucket.
func (r *Redis) Take(ctx context.Context, bs ...Bucket) (bool, error) {
	if len(bs) == 0 {
		return true, nil
	}
	keys := make([]string, len(bs))
	args := make([]any, 0, 2*len(bs))
	for i, b := range bs {
		keys[i] = r.prefix + "bucket:" + b.Key
		rate := b.PerSecond
		if rate <= 0 {
			rate = 1e-9
		}
		args = append(args, strconv.FormatFloat(rate, 'g', -1, 64), b.Burst)
	}
	n, err := takeScript.Run(ctx, r.c, keys, args...).Int()
	return n == 1, err
}

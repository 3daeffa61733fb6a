package discord

import (
	"context"
	"encoding/json"
	"log/slog"
	"strconv"
	"testing"
	"time"
)

// runShard runs an adapter with cfg's shard settings against f until the
// test ends.
func runShard(t *testing.T, f *fakeDiscord, ans *fakeAnswerer, cfg Config, gap time.Duration) {
	t.Helper()
	cfg.Token, cfg.APIURL = testToken, f.srv.URL+"/"
	a, err := New(ans, cfg, WithLogger(slog.New(newLogRecorder())), WithAskCommand(false))
	if err != nil {
		t.Fatal(err)
	}
	a.minBackoff, a.identifyGap = 10*time.Millisecond, gap
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- a.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-done:
		case <-time.After(wait):
			t.Errorf("Run did not return within %v of cancel", wait)
		}
	})
}

// route delivers an event as Discord does: a guild's messages to the
// shard (guild_id >> 22) % count, DMs to shard 0, and everything to an
// unsharded connection.
func route(t *testing.T, conns []*fakeConn, m msg) {
	for _, c := range conns {
		switch {
		case c.shard == nil:
		case m.guild == "":
			if c.shard[0] != 0 {
				continue
			}
		default:
			g, _ := strconv.ParseUint(m.guild, 10, 64)
			if int(g>>22%uint64(c.shard[1])) != c.shard[0] {
				continue
			}
		}
		c.dispatch(t, "MESSAGE_CREATE", m.event())
	}
}

func TestTwoShardsAnswerEveryMentionOnce(t *testing.T) {
	t.Parallel()
	f := newFakeDiscord(t)
	f.shards, f.maxConcurrency = 2, 1
	ans := &fakeAnswerer{calls: make(chan answerCall, 64)}
	const gap = 300 * time.Millisecond
	began := time.Now()
	// One process with the count configured, one asking Discord for it.
	runShard(t, f, ans, Config{ShardID: 0, ShardCount: 2}, gap)
	runShard(t, f, ans, Config{ShardID: 1, AutoShards: true}, gap)

	conns := make([]*fakeConn, 2)
	for range 2 {
		c := recv(t, f.conns, "READY sent")
		if c.shard == nil || c.shard[1] != 2 {
			t.Fatalf("Identify shard = %v, want [id 2]", c.shard)
		}
		if c.shard[0] == 1 && time.Since(began) < gap {
			t.Errorf("shard 1 identified %v after start; with max_concurrency 1 it must wait %v", time.Since(began), gap)
		}
		conns[c.shard[0]] = c
	}
	if conns[0] == nil || conns[1] == nil {
		t.Fatalf("both processes identified as the same shard")
	}

	want := map[string]bool{}
	for i := range 8 {
		id := strconv.Itoa(9100 + i)
		guild := strconv.FormatUint(uint64(i+1)<<22|12345, 10) // shards 1, 0, 1, 0…
		route(t, conns, msg{id: id, guild: guild, channel: "3" + id, author: alice(), mentions: []any{botUser}, content: "<@1000> Who is the Secretary of State?"})
		want[id] = true
	}
	for i := range 2 {
		id := strconv.Itoa(9200 + i)
		route(t, conns, msg{id: id, channel: "4" + id, author: alice(), content: "Who is the Secretary of State?"})
		want[id] = true
	}
	got := map[string]int{}
	for range want {
		p := recv(t, f.posts, "a reply")
		var ref struct {
			MessageID string `json:"message_id"`
		}
		json.Unmarshal(p.Body["message_reference"], &ref)
		got[ref.MessageID]++
	}
	time.Sleep(100 * time.Millisecond) // a duplicate would come at once
	none(t, f.posts, "second reply")
	for id := range want {
		if got[id] != 1 {
			t.Errorf("message %s answered %d times, want once", id, got[id])
		}
	}
}

func TestShardIDBeyondTheRecommendedCountIsFatal(t *testing.T) {
	t.Parallel()
	f := newFakeDiscord(t)
	f.shards = 2
	a, err := New(newFakeAnswerer(), Config{Token: testToken, APIURL: f.srv.URL + "/", ShardID: 3, AutoShards: true})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), wait)
	defer cancel()
	err = a.Run(ctx)
	if _, ok := err.(*ShardError); !ok {
		t.Fatalf("Run = %v, want a *ShardError", err)
	}
	none(t, f.identifies, "Identify")
}

func TestShardConfigIsChecked(t *testing.T) {
	t.Parallel()
	for _, c := range []Config{
		{Token: "t", ShardID: 2, ShardCount: 2},
		{Token: "t", ShardID: -1},
		{Token: "t", AutoShards: true, ShardCount: 4},
	} {
		if c.Validate() == nil {
			t.Errorf("%+v accepted", c)
		}
	}
	if err := (Config{Token: "t", ShardID: 1, ShardCount: 2}).Validate(); err != nil {
		t.Errorf("a good shard config refused: %v", err)
	}
}

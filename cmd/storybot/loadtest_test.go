package main

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/storybot/storybot/state/statetest"
)

func TestLoadtestSmall(t *testing.T) {
	t.Parallel()
	out, errs, code := runCLI(t, "", "loadtest", "--n", "300", "--concurrency", "4")
	if code != 0 {
		t.Fatalf("exit %d: %s\n%s", code, errs, out)
	}
	for _, want := range []string{"to http://127.0.0.1:", "memory at start:", "memory at middle:", "memory at end:", "sent 300 requests", "0 failed", "p50", "p99"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
}

func TestLoadtestTwoReplicasOnRedis(t *testing.T) {
	redis := statetest.Start(t)
	out, errs, code := runCLI(t, "", "loadtest", "--n", "200", "--concurrency", "4", "--replicas", "2", "--redis", redis.URL())
	if code != 0 {
		t.Fatalf("exit %d: %s\n%s", code, errs, out)
	}
	for _, want := range []string{" and http://127.0.0.1:", "2 replicas in turn", "state on Redis " + redis.URL(), "sent 200 requests", "0 failed"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
}

func TestLoadtestFlags(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{
		{"--n", "0"}, {"--concurrency", "0"}, {"--concurrency", "5000"}, {"--max-time", "0s"}, {"extra"},
		{"--doc", "/nonexistent.txt"}, {"--replicas", "0"}, {"--replicas", "9"}, {"--redis", "http://127.0.0.1:1"},
	} {
		if _, errs, code := runCLI(t, "", append([]string{"loadtest"}, args...)...); code != 2 {
			t.Errorf("loadtest %v: exit %d (%s), want 2", args, code, errs)
		}
	}
}

// BenchmarkServeSlashCommand measures the path loadtest drives: a signed
// slash command over loopback HTTP through the whole serve stack.
func BenchmarkServeSlashCommand(b *testing.B) {
	lt, err := startLoadTarget(context.Background(), nil, loadReplicas{n: 1})
	if err != nil {
		b.Fatal(err)
	}
	defer lt.stop()
	var i atomic.Int64
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if err := lt.send(context.Background(), int(i.Add(1))); err != nil {
				b.Error(err)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "req/s")
}

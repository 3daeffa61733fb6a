package bot

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/storybot/storybot/state"
	"github.com/storybot/storybot/state/statetest"
)

// setRecorder is a state.Store that records the key and expiry of each Set.
type setRecorder struct {
	state.Store
	keys []string
	ttls []time.Duration
}

func (r *setRecorder) Set(ctx context.Context, key string, v []byte, ttl time.Duration) error {
	r.keys, r.ttls = append(r.keys, key), append(r.ttls, ttl)
	return r.Store.Set(ctx, key, v, ttl)
}

func TestStoreMemoryKeepsLastTurnsUnderANamespacedKeyWithTheTTL(t *testing.T) {
	t.Parallel()
	c := &clock{t: time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)}
	rec := &setRecorder{Store: state.NewMemory(state.MemoryOptions{Now: c.now})}
	m := NewStoreMemory(rec, 10*time.Minute)
	var turns []Turn
	for i := range 6 {
		turns = append(turns, Turn{Question: string(rune('a' + i)), Answer: "x", At: c.t})
	}
	if err := m.Save(context.Background(), "slack:T1:C1:1.1", turns); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(rec.keys, []string{"conv:slack:T1:C1:1.1"}) || rec.ttls[0] != 10*time.Minute {
		t.Errorf("set %v for %v, want conv:slack:T1:C1:1.1 for 10m", rec.keys, rec.ttls)
	}
	got := mustLoad(t, m, "slack:T1:C1:1.1")
	if !reflect.DeepEqual(got, turns[len(turns)-MaxTurns:]) {
		t.Errorf("loaded %+v, want the last %d turns", got, MaxTurns)
	}
	if got := mustLoad(t, m, "slack:T1:C1:2.2"); got != nil {
		t.Errorf("an unknown conversation: %v", got)
	}
	c.t = c.t.Add(10*time.Minute + time.Second)
	if got := mustLoad(t, m, "slack:T1:C1:1.1"); got != nil {
		t.Errorf("past the TTL: %v, want it forgotten", got)
	}
}

func TestStoreMemoryRefusesAValueThatIsNotTurns(t *testing.T) {
	t.Parallel()
	s := state.NewMemory(state.MemoryOptions{})
	_ = s.Set(context.Background(), "conv:k", []byte("not json"), time.Minute)
	if turns, err := NewStoreMemory(s, 0).Load(context.Background(), "k"); err == nil || turns != nil {
		t.Errorf("Load of garbage = %v, %v; want an error", turns, err)
	}
}

// Two replicas, each with its own client of one real Redis, continue one
// conversation; with Redis stopped, a Failover keeps it in the process.
func TestStoreMemorySharedThroughRedis(t *testing.T) {
	srv := statetest.Start(t)
	ctx := context.Background()
	replica := func() (*StoreMemory, *state.Failover) {
		r, err := state.NewRedis(state.RedisOptions{URL: srv.URL(), Prefix: "mem-test:"})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = r.Close() })
		f := state.NewFailover(r, state.NewMemory(state.MemoryOptions{}), state.FailoverOptions{})
		return NewStoreMemory(f, time.Minute), f
	}
	a, fa := replica()
	b, _ := replica()
	turn := Turn{Question: "Who is the Secretary of State?", Answer: "Mike Pompeo…", Doc: "story", Sentence: 3,
		At: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	if err := a.Save(ctx, "thread", []Turn{turn}); err != nil {
		t.Fatal(err)
	}
	if got := mustLoad(t, b, "thread"); !reflect.DeepEqual(got, []Turn{turn}) {
		t.Fatalf("replica B loaded %+v, want replica A's turn", got)
	}

	srv.Stop()
	next := Turn{Question: "what did he say?", At: turn.At}
	if err := a.Save(ctx, "thread", []Turn{turn, next}); err != nil {
		t.Fatalf("Save with Redis down: %v (the Failover should answer)", err)
	}
	if !fa.Degraded() {
		t.Fatal("the Failover did not notice Redis was down")
	}
	if got := mustLoad(t, a, "thread"); len(got) != 2 || got[1].Question != next.Question {
		t.Errorf("with Redis down, replica A loaded %+v, want both turns from its memory", got)
	}
}

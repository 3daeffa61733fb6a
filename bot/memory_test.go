package bot

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"runtime"
	"testing"
	"time"
)

// clock is a hand-moved time for TTL tests: no wall-clock waits.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func TestLocalMemoryForgetsAfterTTL(t *testing.T) {
	t.Parallel()
	c := &clock{t: time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)}
	m := NewLocalMemory(10*time.Minute, 10, c.now)
	ctx := context.Background()
	m.Save(ctx, "a", []Turn{{Question: "Who?"}})
	c.t = c.t.Add(10 * time.Minute)
	if got, _ := m.Load(ctx, "a"); len(got) != 1 {
		t.Fatalf("at the TTL: %v, want the turn kept", got)
	}
	m.Save(ctx, "a", append(mustLoad(t, m, "a"), Turn{Question: "When?"})) // used again: the TTL restarts
	c.t = c.t.Add(9 * time.Minute)
	if got := mustLoad(t, m, "a"); len(got) != 2 {
		t.Fatalf("9 minutes after the last turn: %v, want both turns", got)
	}
	c.t = c.t.Add(2 * time.Minute)
	if got := mustLoad(t, m, "a"); len(got) != 0 {
		t.Fatalf("11 minutes after the last turn: %v, want it forgotten", got)
	}
	if m.Len() != 0 {
		t.Errorf("a forgotten conversation is still held (%d)", m.Len())
	}
}

func mustLoad(t *testing.T, m Memory, key string) []Turn {
	t.Helper()
	got, err := m.Load(context.Background(), key)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// 20,000 conversations do not grow memory past the bound: the least
// recently used are dropped, and the heap stays near what the bound holds.
func TestLocalMemoryBound(t *testing.T) {
	m := NewLocalMemory(time.Hour, 1000, nil)
	ctx := context.Background()
	turns := []Turn{{Question: "Who chaired the meeting?", Understood: "Who chaired the meeting?", Answer: "The Chair did."}}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	key := func(i int) string { return fmt.Sprintf("slack:thread:C1:%d", i) }
	for i := range 1000 {
		m.Save(ctx, key(i), turns)
	}
	m.Save(ctx, key(0), turns) // the first is used again, so the second is the least recent
	m.Save(ctx, key(1000), turns)
	if len(mustLoad(t, m, key(0))) != 1 || len(mustLoad(t, m, key(1))) != 0 {
		t.Errorf("past the bound, not the least recently used conversation was dropped")
	}
	for i := 1001; i < 20000; i++ {
		m.Save(ctx, key(i), turns)
	}
	if m.Len() != 1000 {
		t.Fatalf("holds %d conversations, want the bound, 1000", m.Len())
	}
	if got := mustLoad(t, m, key(19999)); len(got) != 1 {
		t.Errorf("the most recent conversation was dropped")
	}
	if got := mustLoad(t, m, key(5)); len(got) != 0 {
		t.Errorf("an old conversation was kept past the bound")
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	if grew := int64(after.HeapAlloc) - int64(before.HeapAlloc); grew > 2<<20 {
		t.Errorf("heap grew %d bytes for 1,000 small conversations", grew)
	}
	runtime.KeepAlive(m)
}

func TestLocalMemoryKeepsLastTurns(t *testing.T) {
	t.Parallel()
	m := NewLocalMemory(0, 0, nil)
	var turns []Turn
	for i := range 7 {
		turns = append(turns, Turn{Question: fmt.Sprint(i)})
	}
	m.Save(context.Background(), "k", turns)
	got := mustLoad(t, m, "k")
	if len(got) != MaxTurns || got[0].Question != "3" {
		t.Errorf("kept %v, want the last %d", got, MaxTurns)
	}
	got[0].Question = "changed"
	if mustLoad(t, m, "k")[0].Question != "3" {
		t.Errorf("Load returned the memory's own slice")
	}
}

// A Turn serialises, for a Memory outside the process.
func TestTurnJSON(t *testing.T) {
	t.Parallel()
	in := Turn{Question: "what did he say?", Understood: "what did Mike Pompeo say?", Topic: "Mike Pompeo",
		Answer: "Pompeo said no.", Doc: "story.txt", Sentence: 11, At: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	var out Turn
	if err := json.Unmarshal(b, &out); err != nil || !reflect.DeepEqual(in, out) {
		t.Errorf("round trip: %+v, %v; want %+v", out, err, in)
	}
}

package bot

import (
	"container/list"
	"context"
	"sync"
	"time"
)

// Turn is one question of a conversation and what the bot made of it. It is
// what a conversation remembers, so it serialises (JSON) for a Memory kept
// outside the process.
type Turn struct {
	// Question is as asked; Understood is as read (equal when nothing
	// was resolved from the turns before).
	Question   string `json:"q"`
	Understood string `json:"u"`
	// Topic is what "it" or "they" stands for in the next question: the
	// content words of the question that started the topic.
	Topic string `json:"t,omitempty"`
	// Answer is the first sentence the reply quoted; empty when the bot
	// did not answer. Doc and Sentence say where it is (Sentence is its
	// number in Doc, as in Citation).
	Answer   string    `json:"a,omitempty"`
	Doc      string    `json:"d,omitempty"`
	Sentence int       `json:"s,omitempty"`
	At       time.Time `json:"at"`
}

// Memory keeps the last turns of each conversation, keyed by where the
// conversation happens (see WithConversation). Implementations forget
// conversations idle longer than their time-to-live and bound how many
// they hold; Load of an unknown or forgotten key returns no turns and no
// error. Memory is safe for concurrent use.
type Memory interface {
	Load(ctx context.Context, key string) ([]Turn, error)
	Save(ctx context.Context, key string, turns []Turn) error
}

// MaxTurns is how many turns a conversation remembers: a follow-up reads
// the last one, and a few more let `:why` and logs show the thread.
const MaxTurns = 4

// Defaults of the conversation settings (config `conversation.ttl` and
// `conversation.max`).
const (
	DefaultConversationTTL = 10 * time.Minute
	DefaultConversations   = 10000
)

// LocalMemory is a Memory in this process: at most Max conversations,
// least recently used dropped first, each forgotten TTL after its last
// turn.
type LocalMemory struct {
	ttl time.Duration
	max int
	now func() time.Time

	mu    sync.Mutex
	order *list.List // of *memEntry, most recently used first
	byKey map[string]*list.Element
}

type memEntry struct {
	key   string
	turns []Turn
	at    time.Time
}

// NewLocalMemory returns a LocalMemory; zero or negative values mean the
// defaults. now replaces time.Now when not nil (tests).
func NewLocalMemory(ttl time.Duration, max int, now func() time.Time) *LocalMemory {
	if ttl <= 0 {
		ttl = DefaultConversationTTL
	}
	if max <= 0 {
		max = DefaultConversations
	}
	if now == nil {
		now = time.Now
	}
	return &LocalMemory{ttl: ttl, max: max, now: now, order: list.New(), byKey: map[string]*list.Element{}}
}

// Load returns a copy of key's turns, or none when it is unknown or idle
// past the time-to-live (and then forgets it).
func (m *LocalMemory) Load(_ context.Context, key string) ([]Turn, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	el, ok := m.byKey[key]
	if !ok {
		return nil, nil
	}
	e := el.Value.(*memEntry)
	if m.now().Sub(e.at) > m.ttl {
		m.order.Remove(el)
		delete(m.byKey, key)
		return nil, nil
	}
	return append([]Turn(nil), e.turns...), nil
}

// Save replaces key's turns with the last MaxTurns of turns, marks the
// conversation used now, and drops the least recently used conversations
// beyond the bound.
func (m *LocalMemory) Save(_ context.Context, key string, turns []Turn) error {
	if len(turns) > MaxTurns {
		turns = turns[len(turns)-MaxTurns:]
	}
	turns = append([]Turn(nil), turns...)
	m.mu.Lock()
	defer m.mu.Unlock()
	now := m.now()
	if el, ok := m.byKey[key]; ok {
		e := el.Value.(*memEntry)
		e.turns, e.at = turns, now
		m.order.MoveToFront(el)
		return nil
	}
	m.byKey[key] = m.order.PushFront(&memEntry{key: key, turns: turns, at: now})
	for m.order.Len() > m.max {
		last := m.order.Back()
		m.order.Remove(last)
		delete(m.byKey, last.Value.(*memEntry).key)
	}
	return nil
}

// Len is how many conversations are held (some may be past their
// time-to-live and not yet dropped).
func (m *LocalMemory) Len() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.order.Len()
}

type conversationKey struct{}

// WithConversation returns a context saying the question belongs to the
// conversation key ("slack:T1:C1:1712345.000100", "repl:1"): Bot.Answer
// then reads it as a possible follow-up of that conversation's last turn
// and remembers it. Adapters choose keys; an empty key means none.
func WithConversation(ctx context.Context, key string) context.Context {
	return context.WithValue(ctx, conversationKey{}, key)
}

// ConversationFrom returns the key set by WithConversation, or "".
func ConversationFrom(ctx context.Context) string {
	k, _ := ctx.Value(conversationKey{}).(string)
	return k
}

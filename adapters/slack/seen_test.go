package slack

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/storybot/storybot/bot"
)

func TestSeenExpiresAndStaysBounded(t *testing.T) {
	t.Parallel()
	t0 := time.Unix(1_800_000_000, 0)
	s := newSeen(time.Minute, 3)
	steps := []struct {
		key  string
		at   time.Duration
		want bool
	}{
		{"a", 0, true},
		{"a", 30 * time.Second, false}, // within the TTL: a duplicate
		{"a", time.Minute, true},       // expired: new again
		{"b", time.Minute, true},       // cache: a, b
		{"c", time.Minute, true},       // cache: a, b, c (full)
		{"d", time.Minute, true},       // evicts a, the oldest
		{"a", time.Minute, true},       // so a is new again (evicts b)
		{"c", time.Minute, false},      // c survived
		{"d", time.Minute + time.Second, false},
	}
	for i, st := range steps {
		if got := s.firstTime(st.key, t0.Add(st.at)); got != st.want {
			t.Errorf("step %d: firstTime(%q, +%v) = %v, want %v", i, st.key, st.at, got, st.want)
		}
		if n := len(s.until); n > 3 {
			t.Errorf("step %d: %d entries, limit 3", i, n)
		}
	}
}

func TestAckPayloadFitsSocketModeLimit(t *testing.T) {
	t.Parallel()
	cs := make([]bot.Citation, 40)
	for i := range cs {
		cs[i] = bot.Citation{N: i + 1, Paragraph: i, Text: strings.Repeat("<long> sentence "+strconv.Itoa(i)+" ", 120)}
	}
	msg := Render(bot.Reply{Outcome: bot.OutcomeAnswered, Answered: true, Text: strings.Repeat("answer & ", 500), Citations: cs}, InChannel)
	full, _ := marshalMsg(msg)
	if len(full) < maxAckBytes {
		t.Fatalf("test message only %d bytes; make it bigger", len(full))
	}
	p := ackPayload(msg)
	if len(p) >= maxAckBytes {
		t.Errorf("ack payload %d bytes, limit %d", len(p), maxAckBytes)
	}
	var w wire
	if err := json.Unmarshal(p, &w); err != nil || w.ResponseType != InChannel || len(w.Blocks) == 0 || w.Blocks[0].Type != "section" {
		t.Errorf("trimmed payload lost the answer: %v %+v", err, w)
	}
}

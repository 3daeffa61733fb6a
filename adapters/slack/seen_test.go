package slack

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/storybot/storybot/bot"
)

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

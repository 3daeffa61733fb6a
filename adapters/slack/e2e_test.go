package slack

import (
	"strings"
	"testing"
	"time"

	"github.com/storybot/storybot/bot"
	"github.com/storybot/storybot/internal/testbot"
)

// TestEndToEndRealBot runs a signed slash command through the handler into
// the real bot over the embedded story, as Slack would.
func TestEndToEndRealBot(t *testing.T) {
	t.Parallel()
	h := newHarness(t, testbot.Story(t, bot.Options{}), Config{})
	rec := h.serve(signed(t, "/slack/commands", form("Who is the Secretary of State?"), time.Now()))
	if rec.Code != 200 {
		t.Fatalf("status %d: %s", rec.Code, rec.Body.String())
	}
	t.Logf("%s", rec.Body.String())
	w := decode(t, rec.Body.String())
	if w.ResponseType != InChannel {
		t.Errorf("response_type = %q, want in_channel", w.ResponseType)
	}
	const want = "Secretary of State Mike Pompeo"
	if len(w.Blocks) < 2 || !strings.Contains(w.Blocks[0].Text.Text, want) {
		t.Fatalf("answer section does not quote %q: %s", want, rec.Body.String())
	}
	// The sentence is quoted once, in the section; the context block
	// under it gives its source.
	cited := false
	for _, blk := range w.Blocks[1:] {
		for _, e := range blk.Elements {
			if e.Text == "[1] sentence 11, paragraph 10" {
				cited = true
			}
			if strings.Contains(e.Text, want) {
				t.Errorf("the context block quotes the sentence again: %q", e.Text)
			}
		}
	}
	if !cited {
		t.Errorf("no [1] source for the sentence with %q: %s", want, rec.Body.String())
	}
}

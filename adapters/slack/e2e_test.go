package slack

import (
	"strings"
	"testing"
	"time"

	"github.com/storybot/storybot/bot"
	"github.com/storybot/storybot/facts"
	"github.com/storybot/storybot/story"
)

// TestEndToEndRealBot runs a signed slash command through the handler into
// the real bot over the embedded story, as Slack would.
func TestEndToEndRealBot(t *testing.T) {
	t.Parallel()
	doc, err := facts.Parse(story.Name, story.Text)
	if err != nil {
		t.Fatalf("parse story: %v", err)
	}
	b := bot.New(facts.NewStore(doc), bot.Options{})
	h := newHarness(t, b, Config{})
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
	cited := false
	for _, blk := range w.Blocks[1:] {
		for _, e := range blk.Elements {
			if strings.HasPrefix(e.Text, "[1] ") && strings.Contains(e.Text, want) {
				cited = true
			}
		}
	}
	if !cited {
		t.Errorf("no [1] citation of the sentence with %q: %s", want, rec.Body.String())
	}
}

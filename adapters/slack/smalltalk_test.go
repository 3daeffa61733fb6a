package slack

import (
	"context"
	"testing"

	"github.com/storybot/storybot/bot"
	"github.com/storybot/storybot/internal/testbot"
)

// Small talk from the real bot renders as a short ephemeral message with
// no quoted sentence and no source.
func TestRenderSmallTalkGolden(t *testing.T) {
	t.Parallel()
	b := testbot.Story(t, bot.Options{})
	for name, msg := range map[string]string{"greeting": "hey bot!", "thanks": "thanks a lot", "help": "what can you do?"} {
		r := b.Answer(context.Background(), msg)
		if r.Kind() != "smalltalk" {
			t.Fatalf("Answer(%q) = %s, want smalltalk", msg, r.Kind())
		}
		m := Render(r, InChannel)
		if m.ResponseType != Ephemeral {
			t.Errorf("%s: response type %q, want ephemeral", name, m.ResponseType)
		}
		got, err := RenderJSON(r)
		if err != nil {
			t.Fatal(err)
		}
		golden(t, "render_smalltalk_"+name+".json", got)
	}
}

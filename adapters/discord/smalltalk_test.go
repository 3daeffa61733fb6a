package discord

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storybot/storybot/bot"
	"github.com/storybot/storybot/internal/testbot"
)

// Small talk from the real bot renders as one short message with no
// quoted sentence and no source.
func TestRenderSmallTalkGolden(t *testing.T) {
	b := testbot.Story(t, bot.Options{})
	for name, msg := range map[string]string{"greeting": "hey bot!", "thanks": "thanks a lot", "help": "what can you do?"} {
		r := b.Answer(context.Background(), msg)
		if r.Kind() != "smalltalk" {
			t.Fatalf("Answer(%q) = %s, want smalltalk", msg, r.Kind())
		}
		msgs := render(r, MessageLimit)
		if len(msgs) != 1 || strings.Contains(msgs[0], "Sources") {
			t.Fatalf("%s: %d messages %q, want one without sources", name, len(msgs), msgs)
		}
		testbot.Golden(t, filepath.Join("testdata", "smalltalk_"+name+".golden"), []byte(msgs[0]+"\n"), *update)
	}
}

package discord

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storybot/storybot/bot"
	"github.com/storybot/storybot/facts"
	"github.com/storybot/storybot/story"
)

// Small talk from the real bot renders as one short message with no
// quoted sentence and no source.
func TestRenderSmallTalkGolden(t *testing.T) {
	d, err := facts.Parse(story.Name, story.Text)
	if err != nil {
		t.Fatal(err)
	}
	b := bot.New(facts.NewStore(d), bot.Options{})
	for name, msg := range map[string]string{"greeting": "hey bot!", "thanks": "thanks a lot", "help": "what can you do?"} {
		r := b.Answer(context.Background(), msg)
		if r.Kind() != "smalltalk" {
			t.Fatalf("Answer(%q) = %s, want smalltalk", msg, r.Kind())
		}
		msgs := render(r, MessageLimit)
		if len(msgs) != 1 || strings.Contains(msgs[0], "Sources") {
			t.Fatalf("%s: %d messages %q, want one without sources", name, len(msgs), msgs)
		}
		path := filepath.Join("testdata", "smalltalk_"+name+".golden")
		if *update {
			if err := os.WriteFile(path, []byte(msgs[0]+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test -update to create it)", err)
		}
		if msgs[0]+"\n" != string(want) {
			t.Errorf("%s differs from %s (go test -update rewrites it):\ngot:\n%s\nwant:\n%s", name, path, msgs[0], want)
		}
	}
}

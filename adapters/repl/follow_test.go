package repl_test

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storybot/storybot/adapters/repl"
	"github.com/storybot/storybot/bot"
	"github.com/storybot/storybot/internal/testbot"
)

// The session is a conversation: "what did he say?" follows up the
// question before, :why shows the rewrite, and :new starts over.
func TestFollowUpSessionGolden(t *testing.T) {
	t.Parallel()
	b := testbot.Story(t, bot.Options{Memory: bot.NewLocalMemory(0, 0, nil)})
	var out bytes.Buffer
	in := "Who is the Secretary of State?\nwhat did he say?\n:why\n:new\nwhat did he say?\n"
	if err := repl.New(b, &out, repl.Options{}).Run(context.Background(), strings.NewReader(in)); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	if n := strings.Count(got, "that's not going to happen"); n < 2 {
		t.Errorf("the follow-up was not answered with Pompeo's quote:\n%s", got)
	}
	if n := strings.Count(got, "\nReading \"he\" as"); n != 1 {
		t.Errorf("%d readings, want 1 (the follow-up, not the question after :new):\n%s", n, got)
	}
	if !strings.Contains(got, "understood: what did Secretary of State Mike Pompeo say?") {
		t.Errorf(":why does not show the rewrite:\n%s", got)
	}
	testbot.Golden(t, filepath.Join("testdata", "followup.golden"), out.Bytes(), *update)
}

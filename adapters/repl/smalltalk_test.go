package repl_test

import (
	"bytes"
	"context"
	"flag"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storybot/storybot/adapters/repl"
	"github.com/storybot/storybot/bot"
	"github.com/storybot/storybot/internal/testbot"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/")

// A session of small talk and one question, with the real bot: the chat
// is answered in kind, only the question is quoted with a source.
func TestSmallTalkSessionGolden(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	in := "hi\nwhat can you do?\nWho is the Secretary of State?\nthanks!\n🙏\nbye\n"
	if err := repl.New(testbot.Story(t, bot.Options{}), &out, repl.Options{}).Run(context.Background(), strings.NewReader(in)); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(out.String(), "Sources:"); n != 1 {
		t.Errorf("%d answers with sources, want 1 (only the question):\n%s", n, out.String())
	}
	testbot.Golden(t, filepath.Join("testdata", "smalltalk.golden"), out.Bytes(), *update)
}

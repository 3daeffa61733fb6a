package repl_test

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storybot/storybot/adapters/repl"
	"github.com/storybot/storybot/bot"
	"github.com/storybot/storybot/facts"
	"github.com/storybot/storybot/story"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/")

// A session of small talk and one question, with the real bot: the chat
// is answered in kind, only the question is quoted with a source.
func TestSmallTalkSessionGolden(t *testing.T) {
	t.Parallel()
	d, err := facts.Parse(story.Name, story.Text)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	in := "hi\nwhat can you do?\nWho is the Secretary of State?\nthanks!\n🙏\nbye\n"
	if err := repl.New(bot.New(facts.NewStore(d), bot.Options{}), &out, repl.Options{}).Run(context.Background(), strings.NewReader(in)); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(out.String(), "Sources:"); n != 1 {
		t.Errorf("%d answers with sources, want 1 (only the question):\n%s", n, out.String())
	}
	path := filepath.Join("testdata", "smalltalk.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if out.String() != string(want) {
		t.Errorf("session differs from %s (go test -update rewrites it):\ngot:\n%s\nwant:\n%s", path, out.String(), want)
	}
}

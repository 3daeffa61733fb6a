// Package testbot holds what the adapters' tests share: the real bot over
// the built-in story, the handbook bot and its "how long" reply, and a
// golden-file check. It is used only by tests; no program imports it.
package testbot

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/storybot/storybot/bot"
	"github.com/storybot/storybot/facts"
	"github.com/storybot/storybot/story"
)

// Story is the real bot over the built-in story, with opts (a Memory for
// conversations, say).
func Story(t testing.TB, opts bot.Options) *bot.Bot {
	t.Helper()
	d, err := facts.Parse(story.Name, story.Text)
	if err != nil {
		t.Fatalf("parse the built-in story: %v", err)
	}
	return bot.New(facts.NewStore(d), opts)
}

// Handbook is a titled Markdown document with a URL: its replies open
// with a short answer and link to the cited sentence (issue #16).
const Handbook = "# Staff handbook\n\n## Sick leave\n\nIf you are ill, tell your manager before 10 am. " +
	"Staff are paid sick pay for up to 26 weeks in a year.\n\n## Holidays\n\n" +
	"Everyone gets 25 days of paid holiday a year, plus public holidays.\n"

// HandbookBot answers from the Handbook, as the config would load it.
func HandbookBot(t testing.TB) *bot.Bot {
	t.Helper()
	d, err := facts.Parse("handbook.md", []byte(Handbook))
	if err != nil {
		t.Fatal(err)
	}
	d.URL = "https://intranet.example/handbook"
	return bot.New(facts.NewStore(d), bot.Options{})
}

// ShortLinked is the handbook's reply to a "how long" question: a short
// answer and a linked citation, or the test fails.
func ShortLinked(t testing.TB) bot.Reply {
	t.Helper()
	r := HandbookBot(t).Answer(context.Background(), "How long is sick pay paid for?")
	if r.Short == nil || r.Short.Text != "26 weeks" || len(r.Citations) == 0 || r.Citations[0].URL == "" {
		t.Fatalf("want a short answer and a linked citation, got %+v\n%s", r.Short, r.Text)
	}
	return r
}

// Golden compares got with the file at path, or, when update is set (the
// test's -update flag), rewrites the file with got.
func Golden(t testing.TB, path string, got []byte, update bool) {
	t.Helper()
	if update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("got differs from %s (go test -update rewrites it):\ngot:\n%s\nwant:\n%s", path, got, want)
	}
}

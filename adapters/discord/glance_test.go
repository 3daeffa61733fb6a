package discord

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storybot/storybot/bot"
	"github.com/storybot/storybot/facts"
)

// handbook is a titled Markdown document with a URL: its replies open
// with a short answer and link to the cited sentence (issue #16).
const handbook = "# Staff handbook\n\n## Sick leave\n\nIf you are ill, tell your manager before 10 am. " +
	"Staff are paid sick pay for up to 26 weeks in a year.\n\n## Holidays\n\n" +
	"Everyone gets 25 days of paid holiday a year, plus public holidays.\n"

// handbookBot answers from the handbook, as the config would load it.
func handbookBot(t *testing.T) *bot.Bot {
	t.Helper()
	d, err := facts.Parse("handbook.md", []byte(handbook))
	if err != nil {
		t.Fatal(err)
	}
	d.URL = "https://intranet.example/handbook"
	return bot.New(facts.NewStore(d), bot.Options{})
}

// shortLinked is the handbook's reply to a "how long" question.
func shortLinked(t *testing.T) bot.Reply {
	t.Helper()
	r := handbookBot(t).Answer(context.Background(), "How long is sick pay paid for?")
	if r.Short == nil || r.Short.Text != "26 weeks" || len(r.Citations) == 0 || r.Citations[0].URL == "" {
		t.Fatalf("want a short answer and a linked citation, got %+v\n%s", r.Short, r.Text)
	}
	return r
}

func TestRenderShortAnswerAndLinkGolden(t *testing.T) {
	msgs := Render(shortLinked(t))
	path := filepath.Join("testdata", "short_linked.golden")
	got := strings.Join(msgs, "\n=== next message ===\n") + "\n"
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("Render differs from %s (go test -update rewrites it):\ngot:\n%s\nwant:\n%s", path, got, want)
	}
}

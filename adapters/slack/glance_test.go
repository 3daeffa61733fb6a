package slack

import (
	"context"
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
	r := shortLinked(t)
	got, err := RenderJSON(r)
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "render_short_linked.json", got)
	checkLimits(t, Render(r, InChannel))
}

func TestUnescapeAngles(t *testing.T) {
	in := `{"a":"\u003chttps://x|[1]\u003e","b":"\\u003c kept"}`
	want := `{"a":"<https://x|[1]>","b":"\\u003c kept"}`
	if got := string(unescapeAngles([]byte(in))); got != want {
		t.Errorf("unescapeAngles = %s, want %s", got, want)
	}
}

package bot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/storybot/storybot/bot"
	"github.com/storybot/storybot/facts"
)

// "What clubs are there?" is answered by the rows of the table whose first
// column names clubs, each cited, in order; a question asking more of them
// ("on Monday"), or of a thing no table lists, is the matcher's.
func TestListRequestsQuoteATablesRows(t *testing.T) {
	t.Parallel()
	d, err := facts.Parse("news.md", []byte("# Newsletter\n\n## Clubs\n\nOur clubs start next week and run for ten weeks.\n\n"+
		"| Club | Day | Cost |\n|---|---|---|\n| Football | Monday | £30 |\n| Choir | Tuesday | Free |\n| Netball | Friday | £30 |\n\n"+
		"## Trips\n\nYear 4 will visit the museum in March.\n"))
	if err != nil {
		t.Fatal(err)
	}
	b := bot.New(facts.NewStore(d), bot.Options{})
	for _, q := range []string{"what clubs are there?", "Which clubs are available", "list all the clubs"} {
		r := b.Answer(context.Background(), q)
		var got []string
		for _, c := range r.Citations {
			got = append(got, c.Quoted())
		}
		if !r.Answered || len(got) != 3 || !strings.HasPrefix(got[0], "Club: Football") || !strings.HasPrefix(got[2], "Club: Netball") {
			t.Errorf("%q: %s, cited %q; want the three rows in order", q, r.Kind(), got)
		}
	}
	for _, q := range []string{"what clubs are there on monday", "what trips are there"} {
		if r := b.Answer(context.Background(), q); len(r.Citations) > 1 {
			t.Errorf("%q answered with %d citations: %q", q, len(r.Citations), r.Text)
		}
	}
}

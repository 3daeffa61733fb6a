package bot_test

import (
	"context"
	"fmt"
	"testing"
	"unicode/utf8"

	"github.com/storybot/storybot/bot"
	"github.com/storybot/storybot/facts"
	"github.com/storybot/storybot/story"
)

// FuzzAnswer checks that any question gets a reply: valid UTF-8 text,
// citations only when answered, and never a panic.
func FuzzAnswer(f *testing.F) {
	b := storyBot(f)
	for _, q := range []string{"Who is the Secretary of State?", "", "   ", "\xff", "<!channel> @everyone", "asdfghjkl", "wher did trump meet putin",
		"what happens if trump is gonna call putin or nah", "how much does that cost", "what does he do for a living",
		"wats the tim", "thnaks so much", "helo", "waht", "get it back", "can i? how much"} {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, q string) {
		r := b.Answer(context.Background(), q)
		if r.Text == "" || !utf8.ValidString(r.Text) {
			t.Fatalf("reply text %q", r.Text)
		}
		if r.Answered != (r.Outcome == bot.OutcomeAnswered) || (!r.Answered && len(r.Citations) > 0) || (r.Answered && len(r.Citations) == 0) {
			t.Fatalf("inconsistent reply: %+v", r)
		}
	})
}

// FuzzConversation checks a follow-up after any first question: the
// second reply holds to FuzzAnswer's rules whatever the first carried
// into it (its topic, the words the documents hold, its names).
func FuzzConversation(f *testing.F) {
	d, err := facts.Parse(story.Name, story.Text)
	if err != nil {
		f.Fatal(err)
	}
	b := bot.New(facts.NewStore(d), bot.Options{Memory: bot.NewLocalMemory(0, 0, nil)})
	for _, p := range [][2]string{
		{"Who is the Secretary of State?", "what did he say?"},
		{"i'd like to know about Putin", "when is he coming"},
		{"oops i asked about Bolton", "and it?"},
		{"ugh mondays", "what about it"},
		{"can i bring a friend along", "do they have to sign anything"},
		{"\xff\xfe", "it"}, {"", "and when?"}, {"Trump Trump Trump", "they them it there"},
	} {
		f.Add(p[0], p[1])
	}
	n := 0
	f.Fuzz(func(t *testing.T, q1, q2 string) {
		n++
		ctx := bot.WithConversation(context.Background(), fmt.Sprintf("fuzz:%d", n))
		b.Answer(ctx, q1)
		r := b.Answer(ctx, q2)
		if r.Text == "" || !utf8.ValidString(r.Text) {
			t.Fatalf("reply text %q", r.Text)
		}
		if r.Answered != (r.Outcome == bot.OutcomeAnswered) || (!r.Answered && len(r.Citations) > 0) || (r.Answered && len(r.Citations) == 0) {
			t.Fatalf("inconsistent reply: %+v", r)
		}
	})
}

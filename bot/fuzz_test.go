package bot_test

import (
	"context"
	"testing"
	"unicode/utf8"

	"github.com/storybot/storybot/bot"
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

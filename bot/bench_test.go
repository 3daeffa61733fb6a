package bot_test

import (
	"context"
	"testing"

	"github.com/storybot/storybot/bot"
	"github.com/storybot/storybot/facts"
	"github.com/storybot/storybot/internal/benchdocs"
	"github.com/storybot/storybot/match"
)

// BenchmarkAnswer measures the full answer path (search, choosing
// citations, the reply text) on the story and, when ../shared is present,
// on War and Peace, with sampled questions half of which have a typo.
func BenchmarkAnswer(b *testing.B) {
	for name, data := range benchdocs.Docs() {
		d, err := facts.Parse(name, data)
		if err != nil {
			b.Fatal(err)
		}
		m := match.New(facts.NewStore(d))
		m.Prepare()
		bt := bot.NewMatcher(m, bot.Options{})
		var qs []string
		for _, s := range m.SampleQuestions(1000, 1) {
			qs = append(qs, s.Question)
			bt.Answer(context.Background(), s.Question)
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				bt.Answer(context.Background(), qs[i%len(qs)])
				i++
			}
		})
	}
}

package bot

import (
	"testing"

	"github.com/storybot/storybot/facts"
	"github.com/storybot/storybot/internal/benchdocs"
	"github.com/storybot/storybot/match"
)

// BenchmarkGuidance measures what the first refused question waits for:
// the documents' topics and the example questions.
func BenchmarkGuidance(b *testing.B) {
	for name, data := range benchdocs.Docs() {
		d, err := facts.Parse(name, data)
		if err != nil {
			b.Fatal(err)
		}
		m := match.New(facts.NewStore(d))
		m.Prepare()
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				l := &loaded{m: m}
				l.guidance()
			}
		})
	}
}

package match

import (
	"testing"

	"github.com/storybot/storybot/facts"
	"github.com/storybot/storybot/internal/benchdocs"
)

func BenchmarkNew(b *testing.B) {
	for name, data := range benchdocs.Docs() {
		d, err := facts.Parse(name, data)
		if err != nil {
			b.Fatal(err)
		}
		s := facts.NewStore(d)
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				New(s).Prepare()
			}
		})
	}
}

func BenchmarkSearch(b *testing.B) {
	for name, data := range benchdocs.Docs() {
		d, err := facts.Parse(name, data)
		if err != nil {
			b.Fatal(err)
		}
		s := New(facts.NewStore(d))
		var qs []string
		for _, q := range s.SampleQuestions(1000, 1) {
			qs = append(qs, q.Question)
			s.Search(q.Question, SearchOptions{}) // warm: corrector, synonyms
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				s.Search(qs[i%len(qs)], SearchOptions{})
				i++
			}
		})
	}
}

func BenchmarkCorrect(b *testing.B) {
	for name, data := range benchdocs.Docs() {
		d, err := facts.Parse(name, data)
		if err != nil {
			b.Fatal(err)
		}
		s := New(facts.NewStore(d))
		words := []string{"bolten", "pompoe", "russsia", "pmpeo", "mcf", "natsha", "prince", "moscw", "asdfghjkl"}
		s.Prepare()
		var scans int
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				s.correct(words[i%len(words)], &scans)
				i++
			}
		})
		// The same words while the corrector is being built: each scans
		// the vocabulary.
		b.Run(name+"/scan", func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				w := words[i%len(words)]
				s.correctWith(s.corrector().wordTable, nil, w, []rune(w))
				i++
			}
		})
	}
}

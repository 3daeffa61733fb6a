package facts

import (
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/storybot/storybot/story"
)

const warAndPeace = "../../shared/data/books/war_and_peace.txt"

// benchDocs are the documents benchmarks run on: the story always, War and
// Peace when ../shared/data is present.
func benchDocs(b *testing.B) map[string][]byte {
	docs := map[string][]byte{"story": story.Text}
	if data, err := os.ReadFile(warAndPeace); err == nil {
		docs["book"] = data
	}
	return docs
}

func BenchmarkParse(b *testing.B) {
	for name, data := range benchDocs(b) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Parse(name, data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkNewStore(b *testing.B) {
	for name, data := range benchDocs(b) {
		d, err := Parse(name, data)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				NewStore(d)
			}
		})
	}
}

// benchQuestions samples questions from the document's own sentences: a
// few of their content words, half of them with a typo, as a user who
// half-remembers a passage would ask.
func benchQuestions(d *Document, n int) []string {
	rng := rand.New(rand.NewPCG(1, 2))
	var qs []string
	for len(qs) < n {
		s := d.Sentences[rng.IntN(len(d.Sentences))]
		var words []string
		tokenize(s.Text, func(t token) {
			if !stopWords[t.word] && len(t.word) > 2 {
				words = append(words, t.word)
			}
		})
		if len(words) < 3 {
			continue
		}
		rng.Shuffle(len(words), func(i, j int) { words[i], words[j] = words[j], words[i] })
		words = words[:min(len(words), 3+rng.IntN(3))]
		if len(qs)%2 == 1 {
			i := rng.IntN(len(words))
			if w := []rune(words[i]); len(w) > 3 {
				k := rng.IntN(len(w) - 1)
				w[k], w[k+1] = w[k+1], w[k]
				words[i] = string(w)
			}
		}
		qs = append(qs, "what about "+strings.Join(words, " "))
	}
	return qs
}

func BenchmarkSearch(b *testing.B) {
	for name, data := range benchDocs(b) {
		d, err := Parse(name, data)
		if err != nil {
			b.Fatal(err)
		}
		s := NewStore(d)
		qs := benchQuestions(d, 1000)
		for _, q := range qs {
			s.Search(q, SearchOptions{}) // warm: corrector, synonyms
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
	for name, data := range benchDocs(b) {
		d, err := Parse(name, data)
		if err != nil {
			b.Fatal(err)
		}
		s := NewStore(d)
		words := []string{"bolten", "pompoe", "russsia", "pmpeo", "mcf", "natsha", "prince", "moscw", "asdfghjkl"}
		s.correct("warm")
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				s.correct(words[i%len(words)])
				i++
			}
		})
	}
}

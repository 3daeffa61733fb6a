package match

import (
	"math/rand/v2"
	"strings"

	"github.com/storybot/storybot/english"
	"github.com/storybot/storybot/facts"
)

// Sample is a question made from a sentence of the store.
type Sample struct {
	Question string
	Source   *facts.Sentence // the sentence its words were taken from
}

// SampleQuestions makes n questions from a store's own sentences, as a user
// who half-remembers a passage would ask: three to five of a sentence's
// content words, and in every other question one of them misspelt (two
// letters swapped, a letter dropped, added or replaced). Seeded, so runs
// compare.
func (m *Matcher) SampleQuestions(n int, seed uint64) []Sample {
	if len(m.sents) == 0 || n <= 0 {
		return nil
	}
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	qs := make([]Sample, 0, n)
	for tries := 0; len(qs) < n && tries < 100*n; tries++ {
		sent := m.sents[rng.IntN(len(m.sents))]
		var words []string
		english.Tokenize(sent.Text, func(t english.Token) {
			if !english.IsStop(t.Word) && len(t.Word) > 2 && !t.Digit {
				words = append(words, t.Word)
			}
		})
		if len(words) < 3 {
			continue
		}
		rng.Shuffle(len(words), func(i, j int) { words[i], words[j] = words[j], words[i] })
		words = words[:min(len(words), 3+rng.IntN(3))]
		if len(qs)%2 == 1 {
			i := rng.IntN(len(words))
			words[i] = misspell(words[i], rng)
		}
		qs = append(qs, Sample{"what about " + strings.Join(words, " ") + "?", sent})
	}
	return qs
}

// misspell applies one random edit to a word of four letters or more.
func misspell(w string, rng *rand.Rand) string {
	rs := []rune(w)
	if len(rs) < 4 {
		return w
	}
	i := rng.IntN(len(rs) - 1)
	switch rng.IntN(4) {
	case 0:
		rs[i], rs[i+1] = rs[i+1], rs[i]
	case 1:
		rs = append(rs[:i], rs[i+1:]...)
	case 2:
		rs = append(rs[:i+1], rs[i:]...)
	default:
		rs[i] = rune('a' + rng.IntN(26))
	}
	return string(rs)
}

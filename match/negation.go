package match

import "github.com/storybot/storybot/english"

// Negation: a reader with a fault says what does not happen ("my vacuum
// won't turn on", "the app doesn't sync", "I can't log in"), and a manual
// answers in the same terms ("If the vacuum does not turn on, check…"),
// where a sentence sharing the words without the negation ("when you turn
// it on again") is about something else. A negated question prefers,
// among the first candidates scoring nearly as well, a negated sentence.

// negations are the words that negate a clause, as the tokenizer writes
// them ("don't" is "dont").
var negations = setOf("not", "never", "cannot", "dont", "doesnt", "didnt", "isnt", "arent", "wasnt",
	"werent", "wont", "cant", "couldnt", "wouldnt", "shouldnt", "hasnt", "havent", "hadnt")

// negated reports whether words hold a negation.
func negated(words []string) bool {
	for _, w := range words {
		if negations[w] {
			return true
		}
	}
	return false
}

// sentenceNegated reports whether text holds a negation, or opens with
// one ("No other interests were declared.", "None of the quotes…"); "no"
// inside ("took no part") is too often a positive statement's.
func sentenceNegated(text string) bool {
	found, first := false, true
	english.Tokenize(text, func(t english.Token) {
		found = found || negations[t.Word] || first && negativeOpeners[t.Word]
		first = false
	})
	return found
}

// negativeOpeners negate a sentence they open.
var negativeOpeners = setOf("no", "none", "nothing", "neither", "nobody", "nor")

// negationWindow is how far down a negated question looks for a negated
// sentence, and negationShare the least share of the first's score it
// must have.
const (
	negationWindow = 3
	negationShare  = 0.85
)

// preferNegated brings up, for a negated question whose first candidate
// is not negated, the first of the next few that is and scores at least
// negationShare of the first.
func (m *Matcher) preferNegated(hits []Hit, all []string) {
	if len(hits) < 2 || !negated(all) || hits[0].Score <= 0 || sentenceNegated(m.sents[hits[0].Index].Text) {
		return
	}
	for k := 1; k < min(len(hits), negationWindow); k++ {
		if hits[k].Score >= negationShare*hits[0].Score && sentenceNegated(m.sents[hits[k].Index].Text) {
			h := hits[k]
			copy(hits[1:k+1], hits[:k])
			hits[0] = h
			return
		}
	}
}

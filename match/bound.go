package match

import (
	"strings"

	"github.com/storybot/storybot/english"
)

// "whats the minimum pw length?" is answered by "Passwords must be at
// least 14 characters long", "is there a max?" by "…are limited to £75
// per item": a question asking for a bound prefers, among the near
// candidates, the sentence stating one of its side, over one that only
// shares its other words ("Passwords expire every 180 days").

// preferBound puts first the first near candidate stating a bound of the
// side the question asks, when the first does not.
func (m *Matcher) preferBound(hits []Hit, all []string) {
	side := boundAsked(all)
	if side == 0 {
		return
	}
	preferHoldingNear(hits, kindWindow, kindShare, func(i int) bool { return statesBound(m.sents[i].Text, side) })
}

// boundAsked returns '<' when the question asks for a lower bound
// ("minimum", "min", "the least"), '>' for an upper one ("maximum",
// "max", "limit", "cap", "the most i can"), 0 for neither.
func boundAsked(all []string) byte {
	for i, w := range all {
		next := ""
		if i+1 < len(all) {
			next = all[i+1]
		}
		prev := ""
		if i > 0 {
			prev = all[i-1]
		}
		switch w {
		case "minimum", "min", "fewest":
			return '<'
		case "least":
			if prev == "the" {
				return '<'
			}
		case "maximum", "max", "limit", "limits", "cap":
			return '>'
		case "most":
			if prev == "the" && (next == "" || boundAskers[next]) {
				return '>' // "whats the most i can get back", not "the most popular"
			}
		}
	}
	return 0
}

// boundAskers follow "the most" when it asks for an upper bound.
var boundAskers = setOf("i", "you", "we", "one", "they", "can", "allowed")

// Phrases stating a bound, lower and upper.
var (
	lowerBounds = []string{"at least", "minimum", "min ", "no less than", "not less than", "or more", "or over", "and over", "or older"}
	upperBounds = []string{"at most", "up to", "maximum", "max ", "no more than", "not more than", "limited to", "limit of", "or less", "or under", "capped", "or fewer", "or younger"}
)

// statesBound reports whether text states a bound of the side ('<' lower,
// '>' upper).
func statesBound(text string, side byte) bool {
	l := strings.ToLower(text) + " "
	list := upperBounds
	if side == '<' {
		list = lowerBounds
	}
	for _, p := range list {
		if strings.Contains(l, p) {
			return true
		}
	}
	return negatedComparison(l, side)
}

// negatedComparison reports whether text (lower case) states a bound as
// a comparison it forbids: "do not take more than 8 tablets", "sheds must
// not be larger than 2.4 metres", "must never exceed" (an upper bound);
// "may not be shorter than" (a lower one). The negation stands at most
// three words before.
func negatedComparison(text string, side byte) bool {
	var words []string
	english.Tokenize(text, func(t english.Token) { words = append(words, t.Word) })
	for i, w := range words {
		bound := byte(0)
		switch {
		case w == "exceed" || w == "exceeds":
			bound = '>'
		case w == "than" && i > 0 && greaterWords[words[i-1]]:
			bound, i = '>', i-1
		case w == "than" && i > 0 && lesserWords[words[i-1]]:
			bound, i = '<', i-1
		}
		if bound != side {
			continue
		}
		for j := max(0, i-3); j < i; j++ {
			if negations[words[j]] || words[j] == "no" || words[j] == "mustnt" {
				return true
			}
		}
	}
	return false
}

var (
	greaterWords = setOf("more", "larger", "bigger", "longer", "taller", "higher", "greater", "heavier", "wider", "later", "older")
	lesserWords  = setOf("less", "fewer", "smaller", "shorter", "lower", "earlier", "younger")
)

package match

import (
	"strings"
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
	return false
}

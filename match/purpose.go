package match

import (
	"slices"
	"strings"

	"github.com/storybot/storybot/english"
)

// purposeWindow is how many of the first candidates preferPurpose reads.
const purposeWindow = 3

// preferPurpose puts first, for a question asking what something is for
// ("what are banana plugs for", "what is it used for", "what are the
// uses of X", "what is the purpose of X"), the first of the first
// candidates that states a use ("… a connector used for joining wires",
// "GUIs can be used in computers…"), when the first does not: a caption
// or a definition that names the thing answers what it is, not what it
// does.
func (m *Matcher) preferPurpose(hits []Hit, all []string) {
	if !asksPurpose(all) {
		return
	}
	preferHolding(hits, purposeWindow, func(i int) bool { return statesUse(m.sents[i].Text) })
}

// asksPurpose reports whether a question asks what something is for: a
// "what" question ending in "for" after a form of "be" or "use" ("what
// are X for", "what is X used for", "what do you use X for"; not "what
// was she known for"), or asking for "the uses/purpose of/for" a thing.
func asksPurpose(all []string) bool {
	if len(all) < 3 || all[0] != "what" && all[0] != "whats" {
		return false
	}
	if n := len(all); all[n-1] == "for" {
		before := all[n-2]
		switch {
		case before == "used" || slices.Contains(all, "use"):
			return true
		case strings.HasSuffix(before, "ed") || notPurpose[before]:
			return false // "what was he known for", "what are they paid for"
		}
		switch all[1] {
		case "is", "are", "was", "were", "s":
			return true
		}
		return false
	}
	for i := 1; i+2 < len(all); i++ {
		if all[i] == "the" && purposeNouns[all[i+1]] && (all[i+2] == "of" || all[i+2] == "for") {
			return true
		}
	}
	return false
}

// purposeNouns name what a thing is for ("the use of the law" is as
// often a way it is used as what it is for).
var purposeNouns = setOf("uses", "purpose", "purposes")

// notPurpose are words before a closing "for" that ask something else
// ("what is it good for": how long it lasts; "famous for").
var notPurpose = setOf("known", "good", "famous", "responsible", "paid", "eligible", "liable",
	"notable", "noted", "best", "suitable", "ready", "available", "named", "grateful", "waiting",
	"looking", "asking", "searching", "hoping", "voting", "running", "standing")

// statesUse reports whether a sentence says what something is used for:
// "used for/to/in/as" (an adverb may come between: "commonly used for"),
// "designed/intended for/to", or "for" before a verb's -ing form ("for
// joining wires").
func statesUse(text string) bool {
	found := false
	prev, prev2 := "", ""
	english.Tokenize(text, func(t english.Token) {
		w := t.Word
		switch {
		case found:
		case purposeLinks[w] && (useVerbs[prev] || useVerbs[prev2] && adverbish(prev)):
			found = true
		case prev == "for" && len(w) > 5 && strings.HasSuffix(w, "ing") && !english.IsStop(w):
			found = true
		}
		prev2, prev = prev, w
	})
	return found
}

// useVerbs are the participles before which "for", "to", "in" or "as"
// give a use; purposeLinks are those prepositions.
var (
	useVerbs     = setOf("used", "designed", "intended", "meant", "employed")
	purposeLinks = setOf("for", "to", "in", "as")
)

// adverbish reports whether w may stand between "used" and its "for":
// "commonly", "mainly", "also", "often".
func adverbish(w string) bool {
	return len(w) > 4 && strings.HasSuffix(w, "ly") || w == "also" || w == "often" || w == "still"
}

package match

import (
	"slices"

	"github.com/storybot/storybot/english"
)

// preferRule puts first, for a question asking whether something is
// allowed ("can the dog sleep on the bed with us", "is it ok to smoke",
// "are dogs allowed"), the first of the near candidates that states a
// rule, when the first does not: "Dogs must stay downstairs and off the
// furniture", not "The cottage sleeps five".
func (m *Matcher) preferRule(hits []Hit, all []string) {
	if asksAllowed(all) {
		preferHoldingNear(hits, kindWindow, kindShare, func(i int) bool { return statesRule(m.sents[i].Text) })
	}
}

// asksAllowed reports whether the question asks whether something is
// allowed: it opens with "can", "could" or "may" and a person or thing
// ("can i", "can the dog"; asksPermission is the narrower, for the
// asker), or asks whether something is allowed, ok or needs permission.
func asksAllowed(all []string) bool {
	if slices.Contains(all, "how") || opensWhen(all) {
		// "can i use vinegar instead? how much": the amount is asked;
		// "when am i allowed to get a taxi": the hours are.
		return false
	}
	if len(all) > 1 && (all[0] == "can" || all[0] == "may" || all[0] == "could") && all[1] != "you" {
		return true
	}
	for i, w := range all {
		switch w {
		case "allowed", "permitted", "permission":
			return true
		case "ok", "okay", "alright":
			if i+1 < len(all) && (all[i+1] == "to" || all[i+1] == "if") {
				return true
			}
		}
	}
	return false
}

// statesRule reports whether text states what may or must be done: a
// word granting or refusing permission (grantsPermission), one of
// obligation, or a prohibition ("Do not use bleach…", "Never…").
func statesRule(text string) bool {
	found, n, prev := false, 0, ""
	english.Tokenize(text, func(t english.Token) {
		found = found || permissionWords[t.Word] || obligationWords[t.Word] ||
			n == 0 && (t.Word == "never" || t.Word == "dont") ||
			n <= 2 && t.Word == "not" && prev == "do" // "Do not", "Please do not"
		n++
		prev = t.Word
	})
	return found
}

// obligationWords say what must or must not be done.
var obligationWords = setOf("must", "mustn", "required", "permission", "consent")

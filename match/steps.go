package match

import "github.com/storybot/storybot/english"

// Procedures: "how do I upgrade?" asks for the steps, and a text that
// lists them introduces the list ("Self-hosted administrators should …
// follow the steps below in order."); a sentence that mentions upgrading
// in passing ("If you are running an older release, upgrade to 3.8
// first") answers less.

// howToAux follow "how" in a question asking how to do something.
var howToAux = setOf("do", "does", "can", "could", "should", "would", "to", "shall", "must")

// howToVerb returns the verb of a question asking how to do something:
// "upgrade" of "how do i upgrade", "how can we upgrade", "how to upgrade";
// "" for any other question ("how long", "how much").
func howToVerb(all []string) string {
	if len(all) >= 4 && (all[0] == "i" || all[0] == "we") && wantVerbs[all[1]] && all[2] == "to" {
		return all[3] // "i want to cancel my membership"
	}
	if len(all) < 3 || all[0] != "how" || !howToAux[all[1]] {
		return ""
	}
	if all[1] == "to" {
		return all[2]
	}
	if len(all) > 3 && (all[2] == "i" || all[2] == "we" || all[2] == "you") {
		return all[3]
	}
	return ""
}

// wantVerbs say what the asker means to do: "i want to cancel", "we need
// to move", "i'd like to book" ("i'd" is "i" and "d").
var wantVerbs = setOf("want", "need", "wanna", "wish", "like", "would", "d", "have")

// stepsWindow is how far down a how-to question looks for a sentence that
// introduces a list; stepsSectionWindow how far for one under a heading
// that names what the question asks to do ("Upgrade instructions").
const (
	stepsWindow        = 3
	stepsSectionWindow = 10
)

// preferSteps brings up, for a how-to question, the first of the first
// few candidates that introduces a list (facts gives the list's items
// that sentence as their context), or of the first ten one that does
// under a heading naming what the question asks to do, when the first
// does not introduce a list.
func (m *Matcher) preferSteps(hits []Hit, q *question) {
	verb := howToVerb(q.all)
	if verb == "" || len(hits) == 0 || m.introducesList(hits[0].Index) {
		return
	}
	for k := 1; k < min(len(hits), stepsSectionWindow); k++ {
		i := hits[k].Index
		if m.introducesList(i) && (k < stepsWindow || m.headedBy(i, verb)) {
			toFirst(hits, k)
			return
		}
	}
	// Else a sentence that says how to do it: "To cancel, you must give
	// one full calendar month's notice".
	preferHolding(hits, stepsWindow, func(i int) bool { return opensWithPurpose(m.sents[i].Text, verb) })
}

// opensWithPurpose reports whether text opens "To VERB" (VERB by stem):
// the way to do it follows.
func opensWithPurpose(text, verb string) bool {
	k, ok := 0, false
	english.Tokenize(text, func(t english.Token) {
		switch k {
		case 0:
			ok = t.Word == "to"
		case 1:
			ok = ok && english.Stem(t.Word) == english.Stem(verb)
		}
		k++
	})
	return ok && k > 1
}

// introducesList reports whether sentence i introduces a list: the
// sentence after it has it as its context.
func (m *Matcher) introducesList(i int) bool {
	return i+1 < len(m.sents) && m.sents[i+1].Context() == m.sents[i].Text && m.sents[i+1].Doc() == m.sents[i].Doc()
}

// headedBy reports whether the heading above sentence i holds word, by
// stem.
func (m *Matcher) headedBy(i int, word string) bool {
	found, stem := false, english.Stem(word)
	english.Tokenize(m.sents[i].Section(), func(t english.Token) {
		found = found || english.Stem(t.Word) == stem
	})
	return found
}

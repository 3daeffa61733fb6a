package match

import "github.com/storybot/storybot/english"

// consequenceWindow and consequenceShare bound the candidates
// preferConsequence reads: the first three, scoring at least this share
// of the first.
const (
	consequenceWindow = 4
	consequenceShare  = 0.6
)

// preferConsequence puts first, for a question asking what follows from
// a case ("what happens if my payment bounces", "what if the server is
// down", "what do I do if I lose my key"), the first of the candidates
// that states what follows from one, when the first does not: a sentence
// opening with a condition ("If the server is unreachable, Tallyho keeps
// the entries…"), or holding one and what will or must then be ("Anyone
// who fails the check must book the full induction", "Anything without a
// label will not be moved"), not an instruction that mentions the case
// ("Label every crate…").
func (m *Matcher) preferConsequence(hits []Hit, all []string) {
	if asksConsequence(all) {
		preferHoldingNear(hits, consequenceWindow, consequenceShare, func(i int) bool { return statesConsequence(m.sents[i].Text) })
	}
}

// asksConsequence reports whether the question words all ask what
// follows from a case: "what happens if/when", "what will/would happen
// if", "what if", "what do/should I do if".
func asksConsequence(all []string) bool {
	for i := 0; i+1 < len(all) && i < 3; i++ {
		if all[i] != "what" {
			continue
		}
		rest := all[i+1:]
		if rest[0] == "if" {
			return true
		}
		for j := 0; j < min(len(rest), 5); j++ {
			if (rest[j] == "if" || rest[j] == "when") && j > 0 && (rest[j-1] == "happens" || rest[j-1] == "happen" || rest[j-1] == "do") {
				return true
			}
		}
		return false
	}
	return false
}

// statesConsequence reports whether text states what follows from a
// case: it opens with a condition, or holds one and a modal verb.
func statesConsequence(text string) bool {
	first, cond, modal := true, false, false
	opens := false
	english.Tokenize(text, func(t english.Token) {
		if first {
			opens = conditionOpeners[t.Word]
			first = false
		}
		cond = cond || conditionWords[t.Word]
		modal = modal || consequenceModals[t.Word]
	})
	return opens || cond && modal
}

var (
	conditionOpeners  = setOf("if", "unless", "should", "when", "whenever", "once")
	conditionWords    = setOf("if", "unless", "otherwise", "without", "who", "whoever", "whenever")
	consequenceModals = setOf("will", "wont", "must", "shall", "would", "cannot", "cant", "need", "needs")
)

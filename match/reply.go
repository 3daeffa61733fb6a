package match

import "slices"

// followReply: a sentence telling of a question ("Mr Pask asked when the
// toilets would reopen") holds the words of a question about the same
// thing, but not its answer; the reply after it does ("The Clerk replied
// that the repairs would finish by 5 April"). When the first hit tells of
// the question asked, with the same question word ("When will the
// toilets reopen?"), the reply comes first, and the two are quoted as a
// chain. The judge still reads the first hit as found: it holds the
// words. A question about the asking itself ("who asked about the
// toilets?") is answered by the sentence that tells of it.
func (m *Matcher) followReply(res *Result, words []string) {
	if len(res.Hits) == 0 || res.Chain || slices.ContainsFunc(words, isAskVerb) {
		return
	}
	first := res.Hits[0]
	next := first.Index + 1
	if m.features[first.Index]&featAsks == 0 || next >= len(m.sents) || m.features[next]&featContinues == 0 {
		return
	}
	asked := askedWord(first.Sentence.Text)
	if asked == "if" {
		asked = "whether"
	}
	if asked != questionWord(words) {
		return
	}
	chain := []Hit{{Sentence: m.sents[next], Index: next, Score: first.Score, Matched: first.Matched}, first}
	for _, h := range res.Hits[1:] {
		if h.Index != next && len(chain) < len(res.Hits) {
			chain = append(chain, h)
		}
	}
	res.Hits = chain
	res.Chain = true
}

// isAskVerb: w is a form of a verb of asking.
func isAskVerb(w string) bool {
	switch w {
	case "ask", "asks", "asked", "asking", "enquire", "enquired", "inquire", "inquired", "question", "questioned":
		return true
	}
	return false
}

// questionWord returns a question's question word ("when", "who"...), or
// "whether" for a yes/no question ("Will it reopen?"); "" for neither.
func questionWord(words []string) string {
	for _, w := range words {
		if askWords[w] && w != "if" && w != "whether" {
			return w
		}
	}
	if len(words) > 0 && yesNoOpeners[words[0]] {
		return "whether"
	}
	return ""
}

// yesNoOpeners open a yes/no question.
var yesNoOpeners = setOf("is", "are", "was", "were", "do", "does", "did", "will", "would", "can",
	"could", "has", "have", "had", "should", "shall", "may", "might")

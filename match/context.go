package match

// contextWeight is how much a question word found only in a sentence's
// context (its section heading, or the sentence that introduces its list
// or table) counts, against the same word in the sentence itself: enough
// to find the sentences under "## Sick leave" for "what does it say about
// sick leave?", and to break ties toward the right section, not enough to
// outrank a sentence that says the words itself.
const contextWeight = 0.5

// contextCue adds the question's words found in the sentences' context
// (facts.Store.ContextPostings) at contextWeight, with no length
// normalisation: a heading is context for short and long sentences alike.
// A word that is the context of most of the text (a book's "chapter")
// tells nothing and is skipped; in long texts context only adds to the
// sentences the question's own words found, as synonyms do.
func (m *Matcher) contextCue(sc *scratch, qterms []qterm) {
	cps := m.store.ContextPostings()
	if cps.Terms() == 0 {
		return
	}
	long := len(m.sents) > 2000
	for _, q := range qterms {
		if int(q.id) >= cps.Terms() || len(cps.Of(int(q.id)))*2 > len(m.sents) {
			continue
		}
		wi := contextWeight * q.weight * q.idf
		bit := uint32(1) << uint(q.bit)
		for _, p := range cps.Of(int(q.id)) {
			if sc.matched[p] == 0 {
				if long {
					continue
				}
				sc.touched = append(sc.touched, p)
			}
			sc.scores[p] += wi
			sc.matched[p] |= bit
		}
	}
}

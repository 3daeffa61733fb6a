package match

import (
	"strings"

	"github.com/storybot/storybot/english"
)

// synonymTerms returns the store's term ids for the synonyms of term id,
// cached per term: a book's questions keep asking about the same words.
func (m *Matcher) synonymTerms(id int32) []int32 {
	if p := m.synCache[id].Load(); p != nil {
		return *p
	}
	out := m.lookupSynonyms(id)
	m.synCache[id].Store(&out)
	return out
}

func (m *Matcher) lookupSynonyms(id int32) []int32 {
	var out []int32
	rest := english.SynonymsOf(m.terms[id])
	for rest != "" {
		var t string
		t, rest, _ = strings.Cut(rest, " ")
		if sid, ok := m.termID[t]; ok && sid != id && !containsID(out, sid) {
			out = append(out, sid)
		}
	}
	return out
}

func containsID(ids []int32, id int32) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// unknownSynonymWeight scales a match, in a short text, through a synonym
// of a question word the text lacks altogether ("novice" and "beginners").
const unknownSynonymWeight = 0.5

// unknownSynonymMinRank: only a word rarer than this in general English
// (its rank among the vectors' words) is searched through its synonyms.
// Common words have many senses, and WordNet's synonyms of any of them
// mislead: "visit" is "call", "time" is "clock"; "novice" has one sense,
// and "beginner" is it.
const unknownSynonymMinRank = 2000

// addUnknownSynonyms searches for the WordNet synonyms the text has of w,
// a question word it lacks, as one question term at unknownSynonymWeight;
// w stays unknown to the judge.
func (m *Matcher) addUnknownSynonyms(t *query, w string) {
	if len(t.qterms) >= maxTerms || t.vecs == nil {
		return
	}
	if rank, ok := t.vecs.Rank(w); ok && rank < unknownSynonymMinRank {
		return
	}
	var ids []int32
	rest := english.SynonymsOf(english.Stem(w))
	for rest != "" {
		var s string
		s, rest, _ = strings.Cut(rest, " ")
		if sid, ok := m.termID[s]; ok && !t.queryIDs.has(sid) && !containsID(ids, sid) {
			ids = append(ids, sid)
		}
	}
	if t.reranked && len(t.asked) > 0 && t.asked[len(t.asked)-1].id < 0 {
		t.asked[len(t.asked)-1].syns = ids // the word's own, just asked
	}
	bit := len(t.qterms)
	if len(ids) > 0 {
		t.loose |= 1 << uint(bit)
	}
	for k, id := range ids {
		qt := qterm{bit: bit, id: id, weight: unknownSynonymWeight, idf: m.idf(len(m.postings[id]))}
		if k == 0 {
			t.qterms = append(t.qterms, qt)
		} else {
			t.syns = append(t.syns, qt)
		}
	}
}

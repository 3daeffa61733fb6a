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

package match

import (
	"slices"

	"github.com/storybot/storybot/english"
)

// backVerbs are the verbs that make a phrasal verb with "back" around
// their object ("get our deposit back", "give the keys back"), each with
// the verb whose "back" sense the text words otherwise: what one gets
// back, someone gives back ("returned", "refunded").
var backVerbs = map[string]string{"get": "give", "gets": "give", "got": "give", "getting": "give",
	"give": "give", "gives": "give", "pay": "pay", "paid": "pay", "bring": "bring", "send": "send",
	"hand": "give"}

// maxBackObject is how many words the object between a verb and "back"
// may have: "get the deposit money back".
const maxBackObject = 4

// readBack reads a verb and a "back" after its object ("when will we get
// our deposit back") as the phrasal verb, and the question's words as
// the text's word for it ("returned"), when the text has one: "back"
// alone is the back door.
func (m *Matcher) readBack(q *question, res *Result) {
	for i, w := range q.all {
		base, ok := backVerbs[w]
		if !ok {
			continue
		}
		j := slices.Index(q.all[i+1:min(len(q.all), i+2+maxBackObject)], "back")
		if j < 0 {
			continue
		}
		j += i + 1
		// A term that reads back as itself: the question's word becomes it.
		// The text's other words for it are searched as the same word
		// ("return" most used, "non-refundable" too: q.backAlso).
		itself := func(s string, id int32) bool { tid, ok := m.termID.Lookup(english.Stem(s)); return ok && tid == id }
		syns := english.PhrasalSynonyms(english.Stem(base), "back")
		id := m.mostUsed(syns, itself)
		if id < 0 {
			return
		}
		word := m.terms[id]
		q.backWord = word
		q.backAlso = m.textTerms(q.backAlso[:0], syns, func(other int32) bool { return other != id && itself(m.terms[other], other) })
		res.Corrections = append(res.Corrections, Correction{From: w + " … back", To: word, Method: "phrasal verb"})
		for k := len(q.content) - 1; k >= 0; k-- {
			if q.at[k] == i || q.at[k] == j {
				q.content = slices.Delete(q.content, k, k+1)
				q.at = slices.Delete(q.at, k, k+1)
			}
		}
		q.all[i] = word
		k, _ := slices.BinarySearch(q.at, i)
		q.content = slices.Insert(q.content, k, word)
		q.at = slices.Insert(q.at, k, i)
		return
	}
}

// addBackAlso searches, beside w when it is the word readBack put in the
// question, the text's other terms for that phrasal verb as the same
// question word.
func (m *Matcher) addBackAlso(t *query, q *question, w string) {
	if len(q.backAlso) == 0 || w != q.backWord || len(t.qterms) == 0 {
		return
	}
	last := &t.qterms[len(t.qterms)-1]
	for _, id := range q.backAlso {
		if t.queryIDs.has(id) {
			continue
		}
		t.queryIDs.add(id)
		t.syns = append(t.syns, qterm{bit: last.bit, id: id, weight: 1, idf: last.idf})
	}
}

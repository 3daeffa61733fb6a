package match

import (
	"slices"

	"github.com/storybot/storybot/english"
)

// siblingWeight scales a match through another member of the question
// word's closed class: "open on Mondays?" against "open Wednesday to
// Sunday" is about the same thing, the days it opens, but names another
// day, so it counts for less than the word itself and more than a synonym.
const siblingWeight = 0.5

// siblingTerms returns the store's terms for the other members of w's
// closed class (english.Siblings: weekdays, months), or for the years of
// a decade (english.DecadeYears), when the text lacks w itself; nil when
// w is of no such class or the text names none of them.
func (m *Matcher) siblingTerms(w string) []int32 {
	var ids []int32
	for _, s := range slices.Concat(english.Siblings(w), english.DecadeYears(w)) {
		tid, ok := m.termID.Lookup(english.Stem(s))
		if !ok {
			continue
		}
		if !containsID(ids, tid) {
			ids = append(ids, tid)
		}
	}
	return ids
}

// addRelated adds the question's word w, which the text lacks, as the
// text's terms ids related to it (its class siblings, its derived forms):
// one question term, matched by any of them at weight, weighing as much as
// the rarest of them.
func (m *Matcher) addRelated(t *query, res *Result, w string, ids []int32, weight float64) {
	idf := 0.0
	for _, id := range ids {
		idf = max(idf, m.idf(len(m.postings.Of(int(id)))))
	}
	res.Terms = append(res.Terms, TermMatch{Word: w, Stem: m.terms[ids[0]], IDF: idf, Found: true})
	t.totalWeight += idf
	t.knownWeight += idf
	if len(t.qterms) >= maxTerms {
		return
	}
	bit := len(t.qterms)
	for k, id := range ids {
		if t.queryIDs.has(id) {
			continue
		}
		t.queryIDs.add(id)
		qt := qterm{bit: bit, id: id, weight: weight, idf: idf}
		if k == 0 {
			t.qterms = append(t.qterms, qt)
		} else {
			t.syns = append(t.syns, qt)
		}
	}
}

// unitNounCue: a question naming the quantity it asks for ("what temp
// should the water be", "what distance") is answered by a sentence giving
// the quantity in its units ("720 g water at about 27°C"), which need not
// say the word: such a sentence holds the noun's term as if it said it.
func (m *Matcher) unitNounCue(sc *scratch, q *question, t *query) {
	unit := q.shape.unit
	if unit == 0 {
		return
	}
	id := m.unitNounID(q.content, unit)
	k := slices.IndexFunc(t.qterms, func(qt qterm) bool { return qt.id == id })
	if id < 0 || k < 0 {
		return
	}
	noun := t.qterms[k]
	bit := uint32(1) << uint(noun.bit)
	for _, i := range sc.touched {
		if sc.matched[i]&bit == 0 && m.holdsUnit(int(i), unit) {
			sc.scores[i] += noun.weight * noun.idf
			sc.matched[i] |= bit
		}
	}
}

// unitNounID returns the term of the question's word (among words) that
// names the quantity asked for in units unit ("temp", "distance"), or -1.
func (m *Matcher) unitNounID(words []string, unit english.Class) int32 {
	if unit == 0 {
		return -1
	}
	for _, w := range words {
		if whatUnits[w]&unit == 0 {
			continue
		}
		if full := english.Clipped(w); full != "" {
			w = full
		}
		if wid, known := m.wordID.Lookup(w); known {
			return m.wordStem[wid]
		}
		if id, ok := m.termID.Lookup(english.Stem(w)); ok {
			return id
		}
	}
	return -1
}

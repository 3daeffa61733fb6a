package match

import (
	"strconv"
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
	out := m.textTerms(nil, english.SynonymsOf(m.terms[id]), func(sid int32) bool { return sid != id })
	for _, y := range english.DecadeYears(m.terms[id]) {
		if sid, ok := m.termID.Lookup(y); ok {
			out = append(out, sid) // "1963" of "the 1960s"
		}
	}
	return out
}

// textTerms appends to ids, once each, the terms of a lexicon's list
// (space-separated index terms) that the text has and keep accepts.
func (m *Matcher) textTerms(ids []int32, list string, keep func(int32) bool) []int32 {
	for list != "" {
		var t string
		t, list, _ = strings.Cut(list, " ")
		if id, ok := m.termID.Lookup(t); ok && keep(id) && !containsID(ids, id) {
			ids = append(ids, id)
		}
	}
	return ids
}

// mostUsed returns the term, among the index terms of list that the
// text has and keep (nil: any) accepts, that the text uses most; -1 when
// none is.
func (m *Matcher) mostUsed(list string, keep func(term string, id int32) bool) int32 {
	best, n := int32(-1), 0
	for list != "" {
		var s string
		s, list, _ = strings.Cut(list, " ")
		if id, ok := m.termID.Lookup(s); ok && len(m.postings.Of(int(id))) > n && (keep == nil || keep(s, id)) {
			best, n = id, len(m.postings.Of(int(id)))
		}
	}
	return best
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

// commonSynonymLikeness: a common word the text lacks is searched
// through those of its WordNet synonyms the text has whose words the
// word vectors put at least this near it ("kids" and "children",
// "finish" and "end"), not through the rest of its many senses' ("time"
// and "clock").
var commonSynonymLikeness = 0.6

// commonSynonymMinRank: the commonest words ("time", rank 64, is
// "season" and "clock") have too many senses even for that.
const commonSynonymMinRank = 300

// likeness is the greatest cosine between the unit vector wv and the
// vectors of the text's words of term id.
func (m *Matcher) likeness(wv []float32, id int32) float64 {
	best := -1.0
	for wid, sid := range m.wordStem {
		if sid != id || m.wordVec == nil || m.wordVec[wid] < 0 {
			continue
		}
		r := int(m.wordVec[wid])
		var dot float32
		for k, x := range m.vecData[r*m.vecDim : (r+1)*m.vecDim] {
			dot += x * wv[k]
		}
		best = max(best, float64(dot))
	}
	return best
}

// particleAfter is the word after the question's i-th content word when
// it is a particle that makes a phrasal verb of it ("shut down", "sign
// up"), or "". "On", "in" and "over" are not taken: after a verb in a
// question they are more often a preposition ("going on a trip").
func (q *question) particleAfter(i int) string {
	j := q.at[i] + 1
	if j >= len(q.all) {
		return ""
	}
	switch p := q.all[j]; p {
	case "up", "down", "out", "off", "back", "away":
		return p
	}
	return ""
}

// phrasalWeight weighs the text's word for what a known verb means with
// its particle ("find out": "learned"), searched beside the verb.
var phrasalWeight = 0.5

// phrasalSense searches, beside the known verb w just resolved, the text's
// words for what w means with the particle after it: "how did customers
// find out" asks who "learned" of it, which "find" alone misses ("Once
// the cause was found…"). w's own query term must be the last one added.
func (m *Matcher) phrasalSense(t *query, res *Result, w, particle string) {
	if particle == "" {
		return
	}
	verb := english.Stem(w)
	if manySensedVerbs[verb] {
		return
	}
	last := &t.qterms[len(t.qterms)-1]
	found := false
	for list := english.PhrasalSynonyms(verb, particle); list != ""; {
		var syn string
		syn, list, _ = strings.Cut(list, " ")
		id, ok := m.termID.Lookup(syn)
		if !ok || t.queryIDs.has(id) {
			continue
		}
		t.queryIDs.add(id)
		t.syns = append(t.syns, qterm{bit: last.bit, id: id, weight: phrasalWeight, idf: last.idf})
		res.Corrections = append(res.Corrections, Correction{From: w + " " + particle, To: syn, Method: "phrasal verb"})
		found = true
	}
	if found {
		last.weight *= phrasalWeight // "found" is not what "find out" asks
	}
}

// manySensedVerbs, as index terms, have so many phrasal senses that none
// can be read as meant ("come out", "set up"). Not english.IsLightVerb,
// which lists the verbs a question asks with, not what they mean with a
// particle.
var manySensedVerbs = func() map[string]bool {
	m := map[string]bool{}
	for _, v := range []string{"go", "get", "come", "take", "make", "put", "give", "have", "do", "be",
		"set", "run", "turn", "look", "keep", "bring", "let", "work", "carry", "break", "hold"} {
		m[english.Stem(v)] = true
	}
	return m
}()

// resolvePhrasal resolves w, a verb the text lacks, as the WordNet
// synonym the text has of the phrasal verb w makes with the particle
// after it ("when did the station shut down": "closed"), the one the text
// uses most when it has several, and reports whether it did. A phrasal
// verb has few senses, so the synonym is read as the word itself, as a
// word form is; its rank in English does not matter. Not for a verb of
// many phrasal senses (manySensedVerbs: "come out", "get on").
func (m *Matcher) resolvePhrasal(t *query, q *question, res *Result, w, particle string) bool {
	if particle == "" {
		return false
	}
	verb := english.Stem(w)
	if manySensedVerbs[verb] {
		return false
	}
	best := m.mostUsed(english.PhrasalSynonyms(verb, particle), nil)
	if best < 0 {
		return false
	}
	res.Corrections = append(res.Corrections, Correction{From: w + " " + particle, To: m.terms[best], Method: "phrasal verb"})
	m.addTerm(t, q, res, w, best)
	m.ask(t, q, best, m.terms[best])
	return true
}

// addUnknownSynonyms searches for the WordNet synonyms the text has of w,
// a question word it lacks, as one question term at unknownSynonymWeight;
// w stays unknown to the judge.
func (m *Matcher) addUnknownSynonyms(t *query, w string) {
	if len(t.qterms) >= maxTerms || t.vecs == nil {
		return
	}
	rank, ok := t.vecs.Rank(w)
	common := ok && rank < unknownSynonymMinRank
	if common && (commonSynonymLikeness <= 0 || rank < commonSynonymMinRank || english.Lookup(w)&english.Kinds != 0) {
		return // "time", "way", "price": too many senses, or how it asks
	}
	var wv []float32
	if common {
		if wv = m.vectorOfWord(w); wv == nil {
			return
		}
	}
	ids := m.textTerms(nil, english.SynonymsOf(english.Stem(w)), func(sid int32) bool {
		return !t.queryIDs.has(sid) && (!common || m.likeness(wv, sid) >= commonSynonymLikeness)
	})
	if t.reranked && len(t.asked) > 0 && t.asked[len(t.asked)-1].id < 0 {
		t.asked[len(t.asked)-1].syns = ids // the word's own, just asked
	}
	m.addLoose(t, ids)
}

// addLoose searches the terms ids as one loose query term: each weighs
// unknownSynonymWeight, and the judge does not count them.
func (m *Matcher) addLoose(t *query, ids []int32) {
	bit := len(t.qterms)
	if len(ids) > 0 {
		t.loose |= 1 << uint(bit)
	}
	for k, id := range ids {
		qt := qterm{bit: bit, id: id, weight: unknownSynonymWeight, idf: m.idf(len(m.postings.Of(int(id))))}
		if k == 0 {
			t.qterms = append(t.qterms, qt)
		} else {
			t.syns = append(t.syns, qt)
		}
	}
}

// receivingSense are the stems of the words a text says "get" with when
// it means had, not gone or become: "how many votes did Kowalczyk get"
// asks whom the text says "received" them ("received 812 votes").
var receivingSense = func() string {
	var out []string
	for _, w := range []string{"receive", "obtain", "earn", "win", "gain", "award", "entitle"} {
		out = append(out, english.Stem(w))
	}
	return strings.Join(out, " ")
}()

// getForms are the forms of "get" read in its receiving sense.
var getForms = setOf("get", "gets", "got", "gotten")

// receivingGet reports whether the question's light verb "get" at
// q.all[i] means receiving: the question asks how many or how much, and
// no particle or "to" follows ("how many days off do I get a year", not
// "how much to get in", "get back").
func receivingGet(q *question, i int) bool {
	if !getForms[q.all[i]] || q.shape.qtype != QNumber && q.shape.qtype != QMoney {
		return false
	}
	if i+1 < len(q.all) {
		switch q.all[i+1] {
		case "to", "in", "into", "back", "up", "out", "off", "on", "there", "here", "rid", "away", "paid":
			return false
		}
	}
	return true
}

// numberTwin returns the word prose writes the small number w with:
// "five" for "5", "twelve" for "12"; "" for any other word. Not the
// other way: a text's digits are as often a time or a date ("two week
// recesses" is not "from 2 pm"). "One" is also a pronoun ("the big
// one"), so 1 has none.
func numberTwin(w string) string {
	v, err := strconv.Atoi(w)
	if err != nil || strconv.Itoa(v) != w {
		return ""
	}
	return english.NumberName(v)
}

// addNumberTwin searches, beside the number w just added as a query term
// ("under 5"), the text's word for it ("under five") as the same question
// word.
func (m *Matcher) addNumberTwin(t *query, w string) {
	twin := numberTwin(w)
	if twin == "" || len(t.qterms) == 0 {
		return
	}
	id, ok := m.termID.Lookup(english.Stem(twin))
	if !ok || t.queryIDs.has(id) {
		return
	}
	last := &t.qterms[len(t.qterms)-1]
	t.queryIDs.add(id)
	t.syns = append(t.syns, qterm{bit: last.bit, id: id, weight: 1, idf: last.idf, plain: last.plain})
}

// addReceiving searches, for a "get" that means receiving, the text's
// words of receiving as loose synonyms: they order the candidates but
// are not evidence that the text answers.
func (m *Matcher) addReceiving(t *query, q *question) {
	if len(t.qterms) >= maxTerms {
		return
	}
	ids := m.textTerms(nil, receivingSense, func(id int32) bool { return !t.queryIDs.has(id) })
	if len(ids) == 0 {
		return
	}
	m.ask(t, q, -1, "receive")
	t.asked[len(t.asked)-1].syns = ids
	m.addLoose(t, ids)
}

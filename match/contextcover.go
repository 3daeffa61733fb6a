package match

import "github.com/storybot/storybot/english"

// A yes-no question names a thing and asks about it ("does Kestrel Court
// have a pool?"); a paragraph names the thing once and goes on about it
// ("Kestrel Court Hotel is a larger hotel… Rooms cost £120 per night,
// and there is a small spa and pool."). The sentence naming the thing
// again for something else ("Kestrel Court has offered late checkout")
// matches more of the question's words, but lacks what is asked. When
// the first candidate lacks a question word that one of the next holds,
// and that one, with the names the sentences before it in its paragraph
// hold, holds every word of the question, it goes first. Only names, and
// the words naming what a "does X have" question asks about (haveSubject),
// are taken from before: "can I pay by cheque" is not answered by a
// sentence on cheques after one that says "pay".

// contextCoverWindow is how many of the first candidates are read.
const contextCoverWindow = 3

// contextCoverBefore is how many sentences before a candidate, in its
// paragraph, count as what it goes on about.
const contextCoverBefore = 2

// preferContextCover puts first the candidate whose own words and its
// paragraph's sentences before it hold every word of a yes-no question,
// holding the words the first candidate lacks.
func (m *Matcher) preferContextCover(hits []Hit, q *question, t *query) {
	if len(hits) < 2 || len(q.all) == 0 || !yesNoOpeners[q.all[0]] {
		return
	}
	full := t.askedBits()
	first := hits[0].Matched & full
	lacking := full &^ first
	if lacking == 0 || first == 0 {
		return
	}
	var names termSet[int32]
	for _, w := range q.content {
		if id, ok := m.termID.Lookup(english.Stem(w)); ok && m.store.IsName(w) {
			names.add(id)
		}
	}
	for _, w := range haveSubject(q.all) {
		if id, ok := m.termID.Lookup(english.Stem(w)); ok {
			names.add(id)
		}
	}
	if len(names) == 0 {
		return
	}
	for k := 1; k < min(len(hits), contextCoverWindow); k++ {
		own := hits[k].Matched & full
		if own&lacking != lacking || own == full {
			continue // one holding every word by itself is the reranker's to place
		}
		if own|m.contextBits(hits[k].Index, t, full&^own, names) == full {
			toFirst(hits, k)
			return
		}
	}
}

// askedBits are the bits of the question's terms that say what it asks
// about: not a word of the kind of answer ("time" of "what time"), nor a
// loose synonym of a word the text lacks.
func (t *query) askedBits() uint32 {
	var full uint32
	for _, qt := range t.qterms {
		if !qt.kind {
			full |= 1 << uint(qt.bit)
		}
	}
	return full &^ t.loose
}

// contextBits returns the bits of want's question terms, of the names
// among them, that the sentences before sentence i in its paragraph hold.
func (m *Matcher) contextBits(i int, t *query, want uint32, names termSet[int32]) uint32 {
	var got uint32
	for j := i - 1; j >= 0 && j >= i-contextCoverBefore; j-- {
		if m.sents[j].Paragraph != m.sents[i].Paragraph || m.sents[j].Doc() != m.sents[i].Doc() {
			break
		}
		for _, list := range [2][]qterm{t.qterms, t.syns} {
			for _, qt := range list {
				if want&(1<<uint(qt.bit)) != 0 && names.has(qt.id) && m.inSentence(qt.id, j) {
					got |= 1 << uint(qt.bit)
				}
			}
		}
	}
	return got
}

// haveSubject returns the words a yes-no question asks about when it asks
// what something has ("does Kestrel Court have a pool": "kestrel",
// "court"), the words between its opening verb and "have", "offer",
// "sell" or "include"; nil for other questions.
func haveSubject(all []string) []string {
	for i := 1; i < len(all) && i <= 4; i++ {
		if haveVerbs[all[i]] {
			if all[i-1] == "to" || personPronouns[all[1]] || all[1] == "they" {
				return nil // "do I have to pay", "do you have wifi"
			}
			return all[1:i]
		}
	}
	return nil
}

// haveVerbs ask what something has.
var haveVerbs = setOf("have", "has", "got", "offer", "offers", "sell", "sells", "serve", "serves", "include", "includes")

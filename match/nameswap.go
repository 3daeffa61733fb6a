package match

import (
	"slices"
	"strings"

	"github.com/storybot/storybot/english"
)

// SwapConfidence is the most confidence an answer whose sentence swaps
// the name asked about for another may have (Result.SwapsName).
const SwapConfidence = ageMissingConfidence

// SwapsName reports whether hit h, one of the Result's, does not say a
// name the question asks about and names something else instead:
// "whats the fare from millbrook to kelsey" is not answered by "Single,
// Millbrook to Harton: £3.10", however much else they share. A
// conversation may put another hit first, so it is asked of the hit
// finally quoted, and its confidence is then capped at SwapConfidence.
func (r *Result) SwapsName(h Hit) bool { return slices.Contains(r.swapped, int32(h.Index)) }

// nameSwaps appends to out the hits that swap a name: the question names
// something the text knows (a word it writes as a name) that the hit
// does not say, and the hit names something the question does not. A
// hit that says "she", "it", "their" or "my" may mean the name, and is
// not counted.
func (m *Matcher) nameSwaps(out []int32, hits []Hit, q *question) []int32 {
	asked := -1 // whether the question asks a name: read once, and only for an entry
	for _, h := range hits {
		i := h.Index
		if !m.entry(i) {
			continue
		}
		if asked < 0 {
			asked = 0
			if slices.ContainsFunc(q.content, m.askedName) {
				asked = 1
			}
		}
		if asked == 1 && m.namesOther(i, q) && m.lacksAskedName(i, q) && !holdsWord(m.sents[i].Text, isReferring) {
			out = append(out, int32(i))
		}
	}
	return out
}

// entry reports whether sentence i is an entry of a list of like
// entries, which names what it is about: a table's row, or a line with no
// closing stop ("Single, Millbrook to Harton: £3.10"). Prose refers
// to what it names in other words ("the fort", "the settlement"), so a
// name missing from a sentence of prose says little.
func (m *Matcher) entry(i int) bool {
	s := m.sents[i]
	if s.Display() != "" {
		return true
	}
	t := trimRightQuotes(s.Text, " \"')]")
	return t != "" && !strings.ContainsRune(".!?;", rune(t[len(t)-1]))
}

// askedName reports whether the question's word w is a name the text
// knows and English has no common word for ("kelsey", not the
// "Temperature" of a table's header), and not a title, a month or a day.
func (m *Matcher) askedName(w string) bool {
	return m.store.IsName(w) && !english.IsDictionaryWord(w) && !english.IsTitleTimeOrNumber(w)
}

func isReferring(w string) bool { return referringWords[w] }

// referringWords may stand for a name said before, or for the writer
// of a story told in the first person ("my father").
var referringWords = setOf("he", "she", "it", "they", "him", "her", "his", "its", "their", "them",
	"i", "my", "me", "we", "our", "us")

// lacksAskedName reports whether a name among the question's words is
// missing from sentence i and its headings (a document's title is its
// subject: "brackwater" is said under "# Brackwater Buses"). The lines
// before are not read: in a list they are other entries ("Single,
// Millbrook to Harton" above "Single, Harton to Kelsey"), and a sentence
// that refers back says "she" or "it".
func (m *Matcher) lacksAskedName(i int, q *question) bool {
	cps := m.store.ContextPostings()
	for _, w := range q.content {
		if !m.askedName(w) {
			continue
		}
		id, ok := m.termID.Lookup(english.Stem(w))
		if !ok || m.inSentence(id, i) || int(id) < cps.Terms() && inContext(cps.Of(int(id)), i) {
			continue
		}
		return true
	}
	return false
}

// namesOther reports whether sentence i holds a name the question does
// not (not a title, a month or a day).
func (m *Matcher) namesOther(i int, q *question) bool {
	found := false
	english.Tokenize(m.sents[i].Text, func(t english.Token) {
		if found || !t.Upper || english.IsTitleTimeOrNumber(t.Word) || !m.store.IsName(t.Word) {
			return
		}
		found = !slices.Contains(q.content, t.Word)
	})
	return found
}

package match

import "github.com/storybot/storybot/english"

// Negation: a reader with a fault says what does not happen ("my vacuum
// won't turn on", "the app doesn't sync", "I can't log in"), and a manual
// answers in the same terms ("If the vacuum does not turn on, check…"),
// where a sentence sharing the words without the negation ("when you turn
// it on again") is about something else. A negated question prefers,
// among the first candidates scoring nearly as well, a negated sentence.

// negations are the words that negate a clause, as the tokenizer writes
// them ("don't" is "dont").
var negations = setOf("not", "never", "cannot", "dont", "doesnt", "didnt", "isnt", "arent", "wasnt",
	"werent", "wont", "cant", "couldnt", "wouldnt", "shouldnt", "hasnt", "havent", "hadnt")

// negated reports whether words hold a negation.
func negated(words []string) bool {
	for _, w := range words {
		if negations[w] {
			return true
		}
	}
	return false
}

// sentenceNegated reports whether text holds a negation, or opens with
// one ("No other interests were declared.", "None of the quotes…"); "no"
// inside ("took no part") is too often a positive statement's.
func sentenceNegated(text string) bool {
	found, first := false, true
	english.Tokenize(text, func(t english.Token) {
		found = found || negations[t.Word] || first && negativeOpeners[t.Word]
		first = false
	})
	return found
}

// negativeOpeners negate a sentence they open.
var negativeOpeners = setOf("no", "none", "nothing", "neither", "nobody", "nor")

// negationWindow is how far down a negated question looks for a negated
// sentence, and negationShare the least share of the first's score it
// must have.
const (
	negationWindow = 3
	negationShare  = 0.85
)

// preferNegated brings up, for a negated question whose first candidate
// is not negated, the first of the next few that is and scores at least
// negationShare of the first.
func (m *Matcher) preferNegated(hits []Hit, all []string) {
	if len(hits) < 2 || !negated(all) || hits[0].Score <= 0 || sentenceNegated(m.sents[hits[0].Index].Text) {
		return
	}
	for k := 1; k < min(len(hits), negationWindow); k++ {
		if hits[k].Score >= negationShare*hits[0].Score && sentenceNegated(m.sents[hits[k].Index].Text) {
			toFirst(hits, k)
			return
		}
	}
}

// Permission: "can we bring the dog" asks whether the thing is allowed
// at all, and a text says so first, then its limits ("Well-behaved dogs
// are welcome… Dogs must not go upstairs"; "Photography for personal use
// is welcome in most of the galleries… Photography is not allowed in the
// Fenwick Art Room"). A question asking permission prefers, of the first
// candidates scoring nearly as well and holding the question's words the
// first holds, the one the text says first in the same section, when it
// says what is allowed.

// asksPermission reports whether words ask whether the asker may do
// something: "can i…", "can we…", "can my son…", "could we…", "may i…".
func asksPermission(words []string) bool {
	return len(words) > 1 && (words[0] == "can" || words[0] == "could" || words[0] == "may") && permissionAskers[words[1]]
}

var permissionAskers = setOf("i", "we", "my", "our", "u", "you", "me", "kids", "children", "dogs")

// preferGeneral brings up, for a question asking permission, the
// earliest in the text of the first candidates (negationWindow) that
// score at least negationShare of the first, stand in its section and
// hold every question term it holds, when that one says what is allowed
// ("welcome", "may", "not permitted"): "can my mate do top roping on a
// guest pass" is answered by "Guest passes are valid for bouldering only",
// not by the earlier "Peak members receive two free guest passes".
func (m *Matcher) preferGeneral(hits []Hit, all []string, ids termSet[int32]) {
	if len(hits) < 2 || !asksPermission(all) || hits[0].Score <= 0 {
		return
	}
	first := m.sents[hits[0].Index]
	best := 0
	for k := 1; k < min(len(hits), negationWindow); k++ {
		s := m.sents[hits[k].Index]
		if hits[k].Score < negationShare*hits[0].Score || s.Doc() != first.Doc() || s.Section() != first.Section() ||
			hits[k].Index >= hits[best].Index || !m.holdsAllOf(hits[k].Index, hits[0].Index, ids) || !grantsPermission(s.Text) {
			continue
		}
		best = k
	}
	if best > 0 {
		toFirst(hits, best)
	}
}

// grantsPermission reports whether text says something is allowed or
// not: "welcome", "allowed", "permitted", "may", "can".
func grantsPermission(text string) bool {
	found := false
	english.Tokenize(text, func(t english.Token) { found = found || permissionWords[t.Word] })
	return found
}

var permissionWords = setOf("welcome", "welcomed", "allowed", "permitted", "may", "can", "cannot", "cant",
	"allow", "allows", "permit", "permits", "prohibited", "banned", "forbidden")

// holdsAllOf reports whether sentence i holds every term of ids that
// sentence j holds.
func (m *Matcher) holdsAllOf(i, j int, ids termSet[int32]) bool {
	for _, id := range ids {
		if m.inSentence(id, j) && !m.inSentence(id, i) {
			return false
		}
	}
	return true
}

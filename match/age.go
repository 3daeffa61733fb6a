package match

import (
	"math/bits"
	"strings"

	"github.com/storybot/storybot/english"
)

// A person's age is a strict kind of answer: "how old is Ashworth?" is
// not answered by the sentence that introduces Ashworth, nor by one that
// dates something he did, however well it matches his name. The judge
// weighs kinds loosely, as a question's year or duration often answers
// "how old is the lighthouse?" ("built in 1870"); for a person it takes
// an age ("a 34-year-old teacher", "aged 16", "at the age of 86") or a
// birth ("born in 1904"). When no sentence among the first candidates,
// nor one beside the name asked about, states one, the text does not say,
// and the confidence is capped below any threshold worth answering at.

// ageMissingConfidence caps the confidence of an answer to a person's age
// when the text states none, and of one to a contact detail's question
// when no candidate holds one (capContactAnswer).
const ageMissingConfidence = 0.05

// ageWindow is how many of the first candidates are searched for an age.
const ageWindow = 3

// asksAge reports whether the question (its lower-case words) asks a
// person's age: "how old" followed by a verb of being and a name the text
// writes with capitals, a word for a person ("the captain"), or a
// personal pronoun ("how old was she when she retired"). "How old is the
// lighthouse?" asks about a thing, which a date answers. name is the name
// asked about, if any.
func (m *Matcher) asksAge(words []string) (asks bool, name string) {
	for i := 0; i+3 < len(words); i++ {
		if words[i] != "how" || words[i+1] != "old" {
			continue
		}
		if !howOldVerbs[words[i+2]] {
			return false, ""
		}
		w := words[i+3]
		if (w == "the" || w == "a" || w == "an") && i+4 < len(words) {
			// "the captain", not "the lighthouse"
			next := words[i+4]
			return english.Lookup(next)&english.Person != 0 && !english.IsStop(next), ""
		}
		if personPronouns[w] {
			return true, ""
		}
		if m.store.IsName(w) {
			return true, w
		}
		return false, ""
	}
	return false, ""
}

var (
	// howOldVerbs come between "how old" and whose age it is.
	// "How old do you have to be" asks for a limit, which is written in
	// too many ways ("under-5s", "18+", "adults only") to require one.
	howOldVerbs = setOf("is", "was", "are", "were", "s")
	// personPronouns stand for a person, not a thing.
	personPronouns = setOf("he", "she", "i", "you", "u", "we", "ya", "ye")
)

// statesAge reports whether text states someone's age: a number of years
// (or months, weeks) followed by "old" ("sixty-two years old", "a
// 34-year-old"), "aged" or "age" before a number ("aged 16", "at the age
// of 86"), a bare number someone is, was or turned ("was fourteen at the
// time", "she's 7", "now 12", "Lyon, 14, said"), a birth ("born", "birthday"), or a decade of
// life ("in her sixties", "in his late 40s", "a teenager").
func statesAge(text string) bool {
	var toks []english.Token
	english.Tokenize(text, func(t english.Token) { toks = append(toks, t) })
	for k, t := range toks {
		w, prev := t.Word, wordAt(toks, k-1)
		switch {
		case lifeWords[w]:
			return true
		case (w == "old" || w == "olds") && english.Lookup(prev)&english.Duration != 0 && (isNumber(wordAt(toks, k-2)) || isNumber(wordAt(toks, k-3))):
			return true // "62 years old", "34-year-old", "two weeks old", "5 to 11 year olds"
		case w == "age" && prev == "of" && english.Lookup(wordAt(toks, k-2))&english.Duration != 0:
			return true // "16 years of age"
		case (prev == "under" || prev == "over") && len(w) > 1 && w[len(w)-1] == 's' && isNumber(w[:len(w)-1]):
			return true // "under 5s", "over-18s"
		case lifeDecades[w] || len(w) == 3 && w[2] == 's' && w[0] >= '1' && w[0] <= '9' && w[1] == '0':
			if decadeLeads[prev] {
				return true // "in her sixties", "in his late 40s"
			}
		case !isNumber(w):
		case ageWords[prev], prev == "of" && wordAt(toks, k-2) == "age":
			return true // "aged 16", "age 39", "at the age of 86"
		case lifeVerbs[prev] || k > 0 && isContractedIs(text, toks[k-1]) || prev == "now" || prev == "just":
			if v, ok := numberValue(w); ok && v > 0 && v < 120 {
				next := wordAt(toks, k+1)
				if next == "" || english.IsStop(next) && english.Lookup(next)&english.Units == 0 {
					return true // "was fourteen at the time", "turned 40 in 2010"
				}
			}
		case t.Start >= 2 && t.End < len(text) && (text[t.Start-2:t.Start] == ", " && text[t.End] == ',' ||
			text[t.Start-1] == '(' && text[t.End] == ')'):
			if v, ok := numberValue(w); ok && v > 0 && v < 120 {
				return true // "Sue Lyon, 14, said", "Sue Lyon (14)"
			}
		}
	}
	return false
}

// isContractedIs reports whether token t is written with "'s" after it,
// which the tokenizer drops: "she's 7", "Maya's seven".
func isContractedIs(text string, t english.Token) bool {
	rest := text[t.End:]
	return strings.HasPrefix(rest, "'s ") || strings.HasPrefix(rest, "’s ")
}

// isNumber reports whether w is a number, in digits or in words.
func isNumber(w string) bool {
	_, ok := numberValue(w)
	return ok
}

var (
	// lifeWords state an age or a birth by themselves.
	lifeWords = setOf("born", "birthday", "teenager", "teenage", "toddler", "newborn", "infant")
	// lifeDecades are the decades of a life ("in her sixties").
	lifeDecades = setOf("teens", "twenties", "thirties", "forties", "fifties", "sixties", "seventies",
		"eighties", "nineties")
	// decadeLeads come before a decade of life.
	decadeLeads = setOf("his", "her", "their", "my", "your", "early", "mid", "late")
	// lifeVerbs come before the age someone is or was.
	lifeVerbs = setOf("is", "was", "are", "were", "turned", "turns", "turning", "be", "being")
)

// capAgeAnswer caps the result's confidence when the question asks a
// person's age and the text states none: among the first candidates, or,
// when a name is asked, in a sentence holding the name or the one after
// it in its paragraph ("Dr Haddad joined in 2015. She is 45."). It brings
// the first candidate stating the age up to first.
func (m *Matcher) capAgeAnswer(res *Result, hits []Hit, q *question) {
	asks, name := m.asksAge(q.all)
	if !asks || len(hits) == 0 {
		return
	}
	id, known := m.termID.Lookup(english.Stem(name))
	named := func(i int) bool {
		return name == "" || known && (m.inSentence(id, i) ||
			i > 0 && m.sents[i-1].Paragraph == m.sents[i].Paragraph && m.sents[i-1].Doc() == m.sents[i].Doc() && m.inSentence(id, i-1))
	}
	holds := func(i int) bool { return statesAge(m.sents[i].Text) && named(i) }
	if holds(hits[0].Index) {
		// Of the ages stated, the one stated with more of what is asked:
		// "how old was he when he started organ" is answered by "his first
		// organ lessons at the age of nine", not by his age at death.
		for k := 1; k < min(len(hits), ageWindow); k++ {
			if bits.OnesCount32(hits[k].Matched) > bits.OnesCount32(hits[0].Matched) && holds(hits[k].Index) {
				toFirst(hits, k)
				return
			}
		}
	}
	if preferHolding(hits, ageWindow, holds) || name != "" && known && m.statesAgeNear(id) {
		return
	}
	// A name may be a firm's or a town's: "how old is Tilbrook" is
	// answered by "Tilbrook Outdoor plc was founded in 1971".
	founded := func(i int) bool { return name != "" && known && statesFounding(m.sents[i].Text, english.Stem(name)) }
	if preferHolding(hits, ageWindow, founded) {
		return
	}
	res.Confidence = min(res.Confidence, ageMissingConfidence)
}

// ageScan bounds the sentences holding a name that are read for an age:
// a name on every page of a book costs no more than a question.
const ageScan = 64

// statesAgeNear reports whether a sentence holding term id, or the one
// after it in its paragraph, states an age.
func (m *Matcher) statesAgeNear(id int32) bool {
	for k, p := range m.postings.Of(int(id)) {
		if k == ageScan {
			break
		}
		i := int(p)
		if statesAge(m.sents[i].Text) {
			return true
		}
		if j := i + 1; j < len(m.sents) && m.sents[j].Paragraph == m.sents[i].Paragraph && m.sents[j].Doc() == m.sents[i].Doc() && statesAge(m.sents[j].Text) {
			return true
		}
	}
	return false
}

// statesFounding reports whether text says when the thing named (its
// stem) was made: "Tilbrook was founded in 1971", "the Pell mills were
// built in 1820". The name is the subject of the passive, which keeps out
// the person who founded it ("Ashworth founded the firm in 1990", "It was
// founded in 1794 by Josiah Pell" are no age of Ashworth's or Pell's).
func statesFounding(text, stem string) bool {
	var toks []english.Token
	english.Tokenize(text, func(t english.Token) { toks = append(toks, t) })
	subject := false
	for k := 1; k+2 < len(toks); k++ {
		subject = subject || english.Stem(toks[k-1].Word) == stem
		if !subject || !foundingWords[toks[k].Word] || toks[k-1].Word != "was" && toks[k-1].Word != "were" {
			continue
		}
		for j := k + 1; j < len(toks) && j <= k+3; j++ {
			if v, ok := numberValue(toks[j].Word); ok && v >= 1000 && v <= 2100 && toks[j-1].Word == "in" {
				return true
			}
		}
	}
	return false
}

// foundingWords say that something was made or begun.
var foundingWords = setOf("founded", "established", "formed", "built", "opened", "incorporated",
	"launched", "started", "created", "erected", "constructed")

// attributeConfidence is the confidence of an answer that states the
// attribute a how-adjective asks ("weight" for "how heavy") with a value
// in its unit.
const attributeConfidence = 0.6

// confirmAttribute answers "how heavy is it" with the first candidate when
// it names the attribute the adjective was read as ("Weight: 186 grams",
// "kept the weight down to just 1.18 kg") and gives a value in the unit
// asked, and holds every other word of the question: the judge counts the
// adjective as a correction and a lone one as too little to answer on.
func (m *Matcher) confirmAttribute(res *Result, hits []Hit, q *question, t *query) {
	if !t.attribute.ok || len(hits) == 0 || len(res.Unknown) > 0 || q.shape.unit == 0 {
		return
	}
	i := hits[0].Index
	if want := t.askedBits(); hits[0].Matched&want != want || !m.inSentence(t.attribute.id, i) || !m.holdsUnit(i, q.shape.unit) {
		return
	}
	res.Confidence = max(res.Confidence, attributeConfidence)
}

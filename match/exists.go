package match

import (
	"strings"

	"github.com/storybot/storybot/english"
)

// objectLikeness is the word-vector likeness at which a word of the
// sentence stands for the thing a question names ("lift" for "elevator").
const objectLikeness = 0.6

// capAbsentThing caps the confidence when the question asks whether there
// is a thing ("is there a lift up to the attic rooms", "are there lockers
// i can rent") and the first candidate, with its heading and the line
// that introduces it, does not name it: it lacks a word of the thing's
// name that the text has elsewhere, or every word of it. A word counts as
// written, clipped ("defib"), as the matcher corrected it ("alergen",
// "cashpoint"), or in a word near it in meaning. Such a sentence cannot
// say there is one.
func (m *Matcher) capAbsentThing(res *Result, hits []Hit, q *question) {
	things := existentialThings(q.all)
	if len(things) == 0 || len(hits) == 0 {
		return
	}
	s := m.sents[hits[0].Index]
	held := map[string]bool{}
	for _, text := range []string{s.Text, s.Section(), s.Context()} {
		english.Tokenize(strings.ReplaceAll(text, "-", ""), func(t english.Token) { held[english.Stem(t.Word)] = true })
	}
	var core *sentCore // a long text keeps no cores: words are then read as written
	if m.sentCores != nil {
		core = m.sentenceCore(hits[0].Index)
	}
	strict := q.all[1] == "there"
	for _, object := range things {
		if m.names(object, held, core, res, strict) {
			return // "do you have gluten free cakes or vegan stuff": one of them is enough
		}
	}
	res.Confidence = min(res.Confidence, ageMissingConfidence)
}

// names reports whether a sentence whose stems are held (and whose core
// is given) names the thing whose content words are object: at least one
// of them here, and when strict, none missing here that the text has
// elsewhere. ("Is there a student discount" is not answered by a
// discount for members; "do u do sat appointments" is by Saturday's
// hours.)
func (m *Matcher) names(object []string, held map[string]bool, core *sentCore, res *Result, strict bool) bool {
	anyHeld := false
	for _, w := range object {
		forms := []string{w}
		if full := english.Clipped(w); full != "" {
			forms = append(forms, full) // "defib"
		}
		for _, c := range res.Corrections {
			if c.From == w {
				forms = append(forms, strings.Fields(c.To)...) // "alergen", "cashpoint"
			}
		}
		found, known := false, false
		for _, f := range forms {
			found = found || held[english.Stem(f)] || m.nearWord(f, core)
			_, ok := m.termID.Lookup(english.Stem(f))
			known = known || ok
		}
		if !found && known && strict {
			// The text names it elsewhere, not here: this sentence is
			// about something else.
			return false
		}
		anyHeld = anyHeld || found
	}
	return anyHeld
}

// nearWord reports whether a content word of the sentence whose core is
// given comes within objectLikeness of w in meaning.
func (m *Matcher) nearWord(w string, core *sentCore) bool {
	if core == nil || m.wordVec == nil {
		return false
	}
	v := m.vectorOfWord(w)
	if v == nil {
		return false
	}
	for _, wid := range core.wids {
		if r := m.wordVec[wid]; r >= 0 && english.Dot(v, m.vecData[int(r)*m.vecDim:int(r+1)*m.vecDim]) >= objectLikeness {
			return true
		}
	}
	return false
}

// existentialThings returns the content words naming each thing a
// question asks whether there is, or whether the place has, offers or
// sells: "lift" of "is there a lift up to the attic", "student discount"
// of "is there a student discount", "gym" and "sauna" of "do u have a gym
// or sauna"; nil for any other question.
func existentialThings(all []string) [][]string {
	k := thingAt(all)
	if k < 0 {
		return nil
	}
	var out [][]string
	for {
		for k < len(all) && (all[k] == "a" || all[k] == "an" || all[k] == "any" || all[k] == "some") {
			k++
		}
		var thing []string
		for ; k < len(all) && !english.IsStop(all[k]) && !strings.ContainsAny(all[k], "0123456789"); k++ {
			if len(out) == 0 && len(thing) == 0 && relationWords[all[k]] {
				return nil // "is there a limit (on lost receipts)": a limit of what was asked, not a thing
			}
			thing = append(thing, all[k])
		}
		if len(thing) == 0 {
			return out
		}
		out = append(out, thing)
		if k+1 >= len(all) || all[k] != "or" {
			return out
		}
		k++
	}
}

// thingAt is where the thing a question asks whether there is starts:
// after "is/are there", or after "do you/they have (offer, sell…)"; -1
// for any other question.
func thingAt(all []string) int {
	if len(all) < 3 {
		return -1
	}
	if (all[0] == "is" || all[0] == "are") && all[1] == "there" {
		return 2
	}
	if len(all) >= 4 && (all[0] == "do" || all[0] == "does") && providers[all[1]] && offerVerbs[all[2]] {
		return 3
	}
	return -1
}

// providers are who a customer asks what they have: the business.
var providers = setOf("you", "u", "ya", "they")

// offerVerbs ask whether a business has something: "do you sell gift
// vouchers", "do u do a kids meal".
var offerVerbs = setOf("have", "offer", "sell", "stock", "provide", "do", "run", "hire", "rent", "serve")

// relationWords name a measure of something else: "is there a limit?"
// asks the limit of what the words after it (or the conversation) name,
// which other rules read; it is left alone here.
var relationWords = setOf("limit", "max", "maximum", "min", "minimum", "cap", "deadline", "fee", "charge", "cost",
	"price", "deposit", "penalty", "fine", "restriction", "catch", "minimum", "age")

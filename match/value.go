package match

import (
	"strings"

	"github.com/storybot/storybot/english"
)

// "whats the code for the key box" asks for a value the text states as
// "The code is 4719": the noun asked about, a copula or a colon, then a
// token holding a digit ("4719", "WN8 4TR", "LONGTABLE15"). A sentence
// that only speaks of the code ("scramble the code when you leave")
// does not answer, however many of the question's words it holds.

// valueWindow is how many of the first candidates are read for a stated
// value.
const valueWindow = 3

// preferStatedValue puts first the first of the first candidates that
// states the value of the thing asked about, when the first does not.
func (m *Matcher) preferStatedValue(hits []Hit, all []string) {
	noun := valueNoun(all)
	if noun == "" {
		return
	}
	preferHolding(hits, valueWindow, func(i int) bool { return statesValue(m.sents[i].Text, noun) })
}

// valueNoun returns the stem of the noun a question asks the value of:
// "what is the code", "whats the door code for the garage", "what's your
// postcode"; "" for other questions.
func valueNoun(all []string) string {
	if len(all) < 3 || all[0] != "what" && all[0] != "whats" {
		return ""
	}
	rest := all[1:]
	if all[0] == "what" {
		if rest[0] != "is" && rest[0] != "s" && rest[0] != "was" {
			return ""
		}
		rest = rest[1:]
	}
	if len(rest) == 0 || !valueDeterminers[rest[0]] {
		return ""
	}
	rest = rest[1:]
	// The noun is the last word before "for", "of", "to" or the end,
	// within three words.
	n := 0
	for n < len(rest) && n < 3 && rest[n] != "for" && rest[n] != "of" && rest[n] != "to" && rest[n] != "at" && rest[n] != "on" {
		n++
	}
	if n == 0 || n == 3 && n < len(rest) && rest[n] != "for" && rest[n] != "of" && rest[n] != "to" {
		return ""
	}
	w := rest[n-1]
	if english.IsStop(w) || english.HasDigit(w) {
		return ""
	}
	return english.Stem(w)
}

var valueDeterminers = setOf("the", "your", "ur", "our", "their", "its", "his", "her")

// statesValue reports whether text writes the noun (its stem), then "is",
// "was", "are" or a colon, then, within two words, a token holding a
// digit.
func statesValue(text, noun string) bool {
	found, state, after := false, 0, 0
	english.Tokenize(text, func(t english.Token) {
		if found {
			return
		}
		switch state {
		case 0:
			if english.Stem(t.Word) != noun {
				return
			}
			state = 1
			if t.End < len(text) && text[t.End] == ':' {
				state, after = 2, 0
			}
		case 1:
			if t.Word == "is" || t.Word == "was" || t.Word == "are" {
				state, after = 2, 0
				return
			}
			state = 0
			if english.Stem(t.Word) == noun {
				state = 1
			}
		case 2:
			if t.Digit || english.HasDigit(t.Word) {
				found = true
				return
			}
			if after++; after >= 2 {
				state = 0
			}
		}
	})
	return found
}

// preferIdentified puts first, for "which X" ("which release was it",
// "which bus do i get", "which junction off the m5"), the first near
// candidate that writes X beside a number naming it ("release 24.19.2",
// "Buses 14 and 27", "junction 6"), when the first does not.
func (m *Matcher) preferIdentified(hits []Hit, all []string) {
	noun := whichNoun(all)
	if noun == "" {
		return
	}
	preferHoldingNear(hits, kindWindow, kindShare, func(i int) bool { return numbersNoun(m.sents[i].Text, noun) })
}

// whichNoun returns the noun after "which" when it names a thing known by
// its number (identifierWords: a bus, a room, a junction, a release);
// "" otherwise: "Which Broncos player intercepted Newton?" asks a name.
func whichNoun(all []string) string {
	for i := 0; i+1 < len(all); i++ {
		if all[i] != "which" {
			continue
		}
		if w := all[i+1]; identifierWords[w] || identifierWords[strings.TrimSuffix(w, "s")] || identifierWords[strings.TrimSuffix(w, "es")] {
			return w
		}
		return ""
	}
	return ""
}

// numbersNoun reports whether text writes noun (as that word, singular or
// plural, not another form: "released" is no "release") with a number
// within two words of it.
func numbersNoun(text, noun string) bool {
	var toks []english.Token
	english.Tokenize(text, func(t english.Token) { toks = append(toks, t) })
	for k, t := range toks {
		if !sameNoun(t.Word, noun) {
			continue
		}
		for j := max(0, k-2); j <= min(len(toks)-1, k+2); j++ {
			if j != k && toks[j].Digit && !english.IsYear(toks[j].Word) {
				return true
			}
		}
	}
	return false
}

// sameNoun reports whether w is noun or its plural, or noun is w's.
func sameNoun(w, noun string) bool {
	return w == noun || w == noun+"s" || w == noun+"es" || noun == w+"s" || noun == w+"es"
}

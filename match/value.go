package match

import (
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

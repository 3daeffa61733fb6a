package match

import (
	"slices"
	"strings"

	"github.com/storybot/storybot/english"
)

// preferDefinition puts first, for a question asking what something is
// ("what is a notary", "what are private labels", "what is the
// definition of a map"), the first candidate that defines it: the thing
// (its first or last word: "a wiki platform" may be "A wiki") is its
// subject and a copula and an article follow ("A notary public
// (or notary) in the common law world is a public officer…",
// "Deer (singular and plural) are the ruminant mammals…"), when the
// first candidate does not. A question about a part or a property of the
// thing ("what is the population of…", "what is the SI unit of…") asks
// something else and is left alone.
func (m *Matcher) preferDefinition(hits []Hit, q *question) {
	if q.possessive {
		return // "what is the church's theological orientation": a property
	}
	first, head := definedThing(q.all)
	if head == "" {
		return
	}
	preferHolding(hits, len(hits), func(i int) bool { return defines(m.sents[i].Text, first, head) })
}

// definedThing returns the stems of the first and the last (head) word of
// the thing a question asks the definition of, or "", "": the question is
// "what is/are/was/were", an optional article, one to four words that are
// not function words, and at most a closing "for"; "the definition/meaning
// of X" asks for X, and "what is X called" for a name. "What does/do X
// mean" asks it too, of X's head word only.
func definedThing(all []string) (first, head string) {
	if len(all) < 3 || all[0] != "what" && all[0] != "whats" {
		return "", ""
	}
	rest, meaning := all[1:], false
	if all[0] == "what" {
		switch rest[0] {
		case "is", "are", "was", "were":
			rest = rest[1:]
		case "does", "do":
			// "what does connection pool mean": the thing, then "mean".
			n := len(rest)
			if n < 3 || rest[n-1] != "mean" {
				return "", ""
			}
			rest, meaning = rest[1:n-1], true
		default:
			return "", ""
		}
	}
	if len(rest) > 2 && (rest[0] == "the" || rest[0] == "a") && (rest[1] == "definition" || rest[1] == "meaning") && rest[2] == "of" {
		rest = rest[3:]
	}
	if len(rest) > 0 && (rest[0] == "a" || rest[0] == "an" || rest[0] == "the") {
		rest = rest[1:]
	}
	if n := len(rest); n > 0 && rest[n-1] == "for" {
		rest = rest[:n-1]
	}
	if n := len(rest); n > 0 && (rest[n-1] == "called" || rest[n-1] == "named") {
		return "", ""
	}
	if len(rest) == 0 || len(rest) > 4 || slices.ContainsFunc(rest, func(w string) bool { return english.IsStop(w) || english.HasDigit(w) }) {
		return "", ""
	}
	head = english.Stem(rest[len(rest)-1])
	if meaning {
		return head, head // "what does the title Gür Khan mean": not any "title"
	}
	return english.Stem(rest[0]), head
}

// definitionWindow bounds where a definition's copula may stand: its
// subject is the thing defined, with a parenthesis or a qualifier at most.
const definitionWindow = 16

// auxiliaries are verbs that, before a copula, show the subject already
// has its verb: the copula after them is in another clause.
var auxiliaries = setOf("has", "have", "had", "been", "be", "will", "would", "can", "could", "may", "might",
	"must", "should", "shall", "do", "does", "did")

// defines reports whether text says what the thing whose first and head
// words have the stems first and head is: one of them comes before the
// text's first copula, within
// definitionWindow words, and an article or "one of" follows the copula
// (after an adverb such as "usually", at most), and no other verb of the
// kind auxiliaries lists comes before it; or text is a glossary's entry
// for it (glossaryEntry).
func defines(text, first, head string) bool {
	if glossaryEntry(text, first, head) {
		return true
	}
	n, seenHead, copula, found, done := 0, false, false, false, false
	english.Tokenize(text, func(t english.Token) {
		if done {
			return
		}
		n++
		switch {
		case copula:
			switch t.Word {
			case "usually", "generally", "typically", "commonly", "often", "also", "now", "currently":
				return // "is usually a…"
			}
			found = t.Word == "a" || t.Word == "an" || t.Word == "the" || t.Word == "one" || t.Word == "any"
			done = true
		case t.Word == "is" || t.Word == "are" || t.Word == "was" || t.Word == "were":
			copula = seenHead
			done = !seenHead
		case n > definitionWindow || auxiliaries[t.Word]:
			// "…movements have been described as…": another verb came first.
			done = true
		default:
			s := english.Stem(t.Word)
			seenHead = seenHead || s == first || s == head
		}
	})
	return found
}

// glossaryMaxLabel bounds a glossary entry's term, in words.
const glossaryMaxLabel = 5

// glossaryEntry reports whether text is a glossary's or a list's entry for
// the thing: a short term holding its first or head word, then a colon or
// a dash and what it is ("**Connection pool**: A fixed set of open
// database connections…", "SEV-1 – the highest severity…").
func glossaryEntry(text, first, head string) bool {
	cut := -1
	for i := 0; i < len(text) && cut < 0; i++ {
		switch {
		case text[i] == ':':
			cut = i
		case text[i] == ' ' && (strings.HasPrefix(text[i+1:], "- ") || strings.HasPrefix(text[i+1:], "– ") ||
			strings.HasPrefix(text[i+1:], "— ")):
			cut = i
		}
	}
	if cut <= 0 {
		return false
	}
	n, held := 0, false
	english.Tokenize(text[:cut], func(t english.Token) {
		n++
		s := english.Stem(t.Word)
		held = held || s == first || s == head
	})
	if !held || n > glossaryMaxLabel {
		return false
	}
	after := 0
	english.Tokenize(text[cut:], func(english.Token) { after++ })
	return after >= 3 // a definition, not "Check-up: £55"
}

package match

import (
	"strings"
	"unicode"

	"github.com/storybot/storybot/english"
)

// nameWindow is how many of the first candidates preferFormerName and
// preferScientificName read.
const nameWindow = 3

// preferFormerName puts first, for a question asking what something was
// called before ("what was the GE building called before", "what was
// Istanbul's old name", "what was it originally called"), the first of
// the first candidates that gives an earlier name ("Known as the RCA
// Building until 1988", "formerly", "renamed"), when the first does not.
func (m *Matcher) preferFormerName(hits []Hit, all []string) {
	if !asksFormerName(all) {
		return
	}
	preferHolding(hits, nameWindow, func(i int) bool { return givesFormerName(m.sents[i].Text) })
}

// asksFormerName reports whether a question asks for an earlier name: a
// word of naming ("called", "named", "name", "known") with a word of
// earlier time ("before", "previously", "originally", "old", "former").
func asksFormerName(all []string) bool {
	naming, earlier := false, false
	for _, w := range all {
		naming = naming || namingWords[w]
		earlier = earlier || earlierWords[w]
	}
	return naming && earlier
}

var (
	namingWords  = setOf("called", "named", "name", "known", "titled")
	earlierWords = setOf("before", "previously", "originally", "initially", "formerly", "old", "former", "original")
)

// givesFormerName reports whether a sentence gives an earlier name:
// "formerly", an adverb of earlier time a few words before a word of
// naming ("initially it was known as", "originally called"), or a word of
// naming before "until" ("Known as the RCA Building until 1988"). Not
// "renamed X", which gives the later name, nor "originally built".
func givesFormerName(text string) bool {
	found, naming := false, false
	since := -1 // words since an adverb of earlier time; -1: none
	english.Tokenize(text, func(t english.Token) {
		switch w := t.Word; {
		case found:
		case w == "formerly":
			found = true
		case w == "originally" || w == "initially" || w == "previously":
			since = 0
		case namingWords[w] && w != "name":
			found = since >= 0 && since <= 3
			naming = true
		case naming && w == "until":
			found = true
		}
		if since >= 0 {
			since++
		}
	})
	return found
}

// preferScientificName puts first, for a question asking a living
// thing's scientific (Latin, botanical) name, the first of the first
// candidates that writes a binomial in brackets ("The tiger salamander
// (Ambystoma tigrinum) is…"), when the first does not.
func (m *Matcher) preferScientificName(hits []Hit, all []string) {
	if !asksScientificName(all) {
		return
	}
	preferHolding(hits, nameWindow, func(i int) bool { return bracketedBinomial(m.sents[i].Text) })
}

// asksScientificName reports whether a question asks for a scientific
// name: "scientific", "latin", "botanical" or "binomial" before "name".
func asksScientificName(all []string) bool {
	for i := 0; i+1 < len(all); i++ {
		switch all[i] {
		case "scientific", "latin", "botanical", "binomial", "taxonomic":
			if all[i+1] == "name" || all[i+1] == "names" {
				return true
			}
		}
	}
	return false
}

// bracketedBinomial reports whether text holds "(Genus species)": a
// capitalised word and a lowercase one, letters only, alone in brackets
// or before a comma or semicolon ("(Ambystoma tigrinum, …)").
func bracketedBinomial(text string) bool {
	for rest := text; ; {
		open := strings.IndexByte(rest, '(')
		if open < 0 {
			return false
		}
		rest = rest[open+1:]
		inner := rest
		if end := strings.IndexAny(inner, "),;"); end >= 0 {
			inner = inner[:end]
		}
		words := strings.Fields(inner)
		if len(words) == 2 && binomialPart(words[0], true) && binomialPart(words[1], false) {
			return true
		}
	}
}

// binomialPart reports whether w is a genus (capitalised) or a species
// epithet (lowercase) as binomials write them: three letters or more.
func binomialPart(w string, genus bool) bool {
	if len(w) < 3 {
		return false
	}
	for k, r := range w {
		switch {
		case k == 0 && genus:
			if !unicode.IsUpper(r) {
				return false
			}
		case !unicode.IsLower(r):
			return false
		}
	}
	return true
}

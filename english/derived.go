package english

import _ "embed"

// derived.txt maps an index term to the terms WordNet gives as its
// derivationally related forms and attributes (see internal/genlex):
// "death" and "die", "strong" and "strength", "photograph" and
// "photography", which a stemmer does not join. Lines are "term
// related...", already stemmed, sorted by term.
//
//go:embed derived.txt
var derivedData string

var derivedLexicon = newLexicon(derivedData)

// DerivedOf returns the terms derivationally related to term, space
// separated; "" when it has none.
func DerivedOf(term string) string { return derivedLexicon.lookup(term) }

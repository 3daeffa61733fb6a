package english

import _ "embed"

// phrasal.txt maps a phrasal verb, as its verb's index term and its
// particle joined by "_" ("shut_down"), to the index terms of its
// single-word WordNet synonyms ("close fold"; see internal/genlex): chat
// says "when did the station shut down" where a text says "closed".
//
//go:embed phrasal.txt
var phrasalData string

var phrasalLexicon = newLexicon(phrasalData)

// PhrasalSynonyms returns the index terms of the synonyms of the phrasal
// verb made of the verb whose index term is verb and particle ("up",
// "down", "out"...), space separated; "" when WordNet has none.
func PhrasalSynonyms(verb, particle string) string {
	return phrasalLexicon.lookup(verb + "_" + particle)
}

// IsCompoundParticle reports whether w is a particle that closes up with
// the word before it into a noun a text may write hyphenated or as one
// word: "check-out", "log-in", "drop-off", "set-up", "takeaway".
func IsCompoundParticle(w string) bool { return compoundParticles[w] }

var compoundParticles = setOf("out", "in", "up", "off", "on", "over", "down", "back", "away")

package english

import (
	_ "embed"
	"strings"
)

// kinds.txt says what a noun is a kind of, from WordNet's hyponyms (see
// internal/genlex): "cholera" is a disease, "alps" a mountain. "What
// disease did he catch?" is answered by a sentence naming a disease the
// question does not. Lines are "term general-term...", already stemmed.
//
//go:embed kinds.txt
var kindsData string

// KindsOf returns the general terms that term names a kind of, space
// separated; "" when unknown.
func KindsOf(term string) string { return kindsLexicon.lookup(term) }

// kindsData is laid out by FrequencyLayout (genlex writes it so).
var kindsLexicon = newLexicon(kindsData)

// IsKindOf reports whether the thing term names is a kind of general (both
// index terms): "cholera" of "diseas".
func IsKindOf(term, general string) bool { return ListHas(KindsOf(term), general) }

// ListHas reports whether the space-separated list (what KindsOf or
// SynonymsOf returned) holds the term general.
func ListHas(list, general string) bool {
	for list != "" {
		i := strings.Index(list, general)
		if i < 0 {
			return false
		}
		end := i + len(general)
		if (i == 0 || list[i-1] == ' ') && (end == len(list) || list[end] == ' ') {
			return true
		}
		list = list[end:]
	}
	return false
}

// IsAnimal reports whether term (an index term) names a kind of animal:
// "dog", "kitten", "horse"; a pet a follow-up may call "she" or "he".
func IsAnimal(term string) bool {
	k := KindsOf(term)
	return ListHas(k, "anim") || ListHas(k, "fauna") || ListHas(k, "mammal") || ListHas(k, "eutherian") || ListHas(k, "creatur")
}

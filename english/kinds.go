package english

import (
	_ "embed"
	"strings"
)

// kinds.txt.gz says what a noun is a kind of, from WordNet's hyponyms (see
// internal/genlex): "cholera" is a disease, "alps" a mountain. "What
// disease did he catch?" is answered by a sentence naming a disease the
// question does not. Lines are "term general-term...", already stemmed.
//
//go:embed kinds.txt.gz
var kindsData []byte

// kinds maps a term to its space-separated general terms.
var kinds = &lexicon{data: kindsData, size: 50000}

// KindsOf returns the general terms that term names a kind of, space
// separated; "" when unknown. The first call reads the lexicon.
func KindsOf(term string) string {
	return kinds.lookup(term)
}

// IsKindOf reports whether the thing term names is a kind of general (both
// index terms): "cholera" of "diseas".
func IsKindOf(term, general string) bool {
	list := KindsOf(term)
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

package english

import "strings"

// British and American English spell many words apart: neighbour and
// neighbor, centre and center, organise and organize. A question may use
// one and its text the other, and the word vectors, trained mostly on
// American text, know the British forms less well: "neighbours" is hardly
// nearer "residents" than any word is, "neighbors" is plainly near. The
// rules below propose the other spelling of a word; a proposal counts only
// when WordNet lists it as the same word (a synonym sharing the stem's
// meaning, or the same stem), so "hour" is never "hor" nor "rise" "rize".

// variantRules rewrite one spelling into the other, British to American
// first; each is tried at every place its old part occurs.
var variantRules = [...][2]string{
	{"our", "or"}, {"ise", "ize"}, {"isa", "iza"}, {"isi", "izi"}, {"yse", "yze"}, {"ysi", "yzi"},
	{"tre", "ter"}, {"ogue", "og"}, {"ence", "ense"}, {"lled", "led"}, {"lling", "ling"}, {"ller", "ler"},
	{"amme", "am"}, {"ae", "e"}, {"oe", "e"},
}

// SpellingVariant returns the other national spelling of w ("neighbours"
// → "neighbors", "center" → "centre") that WordNet links to it, and
// whether there is one. Of several, the most frequent in English.
func SpellingVariant(w string) (string, bool) {
	if len(w) < 4 || len(w) > 24 || !IsLowerASCII(w) {
		return "", false
	}
	v := LoadVectors()
	if v == nil {
		return "", false
	}
	stem, syns := "", ""
	best, bestRank := "", 1<<30
	try := func(c string) {
		r, ok := v.Rank(c)
		if !ok || r >= bestRank {
			return
		}
		if stem == "" {
			stem = Stem(w)
			syns = " " + SynonymsOf(stem) + " "
		}
		if cs := Stem(c); cs != stem && !strings.Contains(syns, " "+cs+" ") {
			return
		}
		best, bestRank = c, r
	}
	for _, rule := range variantRules {
		for _, dir := range [2][2]string{rule, {rule[1], rule[0]}} {
			from, to := dir[0], dir[1]
			for i := 1; i+len(from) <= len(w); i++ {
				if w[i:i+len(from)] == from {
					try(w[:i] + to + w[i+len(from):])
				}
			}
		}
	}
	return best, best != ""
}

// CommonSpelling returns w, or its other national spelling when that is
// the more frequent in English: the form whose vector is the better
// trained.
func CommonSpelling(w string) string {
	alt, ok := SpellingVariant(w)
	if !ok {
		return w
	}
	v := LoadVectors()
	ra, _ := v.Rank(alt)
	if rw, known := v.Rank(w); known && rw <= ra {
		return w
	}
	return alt
}

// IsLowerASCII reports whether w is all letters a-z.
func IsLowerASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

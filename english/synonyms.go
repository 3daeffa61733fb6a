package english

import (
	_ "embed"
	"strings"
)

// synonyms.txt maps an index term to the terms of its synonyms in its
// three most frequent WordNet senses (see internal/genlex), so a question
// may say "rival" where the document says "opponent". Lines are
// "term synonym...", already stemmed.
//
//go:embed synonyms.txt
var synonymData string

// SynonymsOf returns the terms of term's synonyms, space separated; "" when
// it has none.
func SynonymsOf(term string) string { return lexicon(synonymData).lookup(term) }

// lexicon is the text of an embedded lexicon of "key rest-of-line" lines,
// sorted by key (byte order), after comment lines that start with '#'. It
// is read in place: a lookup is a binary search over the bytes, with no
// index, no map and nothing decoded at start (decoding both lexicons into
// maps took 35-40 ms, most of a short text's start-up).
type lexicon string

// lookup returns the rest of key's line, "" when key has no line.
func (l lexicon) lookup(key string) string {
	d := string(l)
	// Lines starting in [lo, hi) may hold key; lo and hi are line starts.
	lo, hi := 0, len(d)
	for lo < hi {
		mid := lo + (hi-lo)/2
		s := lo + strings.LastIndexByte(d[lo:mid], '\n') + 1
		e := strings.IndexByte(d[s:], '\n')
		if e < 0 {
			e = len(d)
		} else {
			e += s
		}
		line := d[s:e]
		k, v, ok := strings.Cut(line, " ")
		switch {
		case line != "" && line[0] == '#' || k < key:
			lo = e + 1
		case k > key:
			hi = s
		case ok:
			return v
		default:
			return ""
		}
	}
	return ""
}

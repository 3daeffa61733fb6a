package english

import (
	_ "embed"
	"strconv"
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
func SynonymsOf(term string) string { return synonymLexicon.lookup(term) }

var synonymLexicon = newLexicon(synonymData)

// lexicon is the text of an embedded lexicon of "key rest-of-line" lines,
// sorted by key (byte order), after comment lines that start with '#'. It
// is read in place: a lookup is a binary search over the bytes, with no
// index, no map and nothing decoded at start (decoding both lexicons into
// maps took 35-40 ms, most of a short text's start-up). In a lexicon laid
// out by FrequencyLayout, keys holds the key lines, whose rest is
// "@offset" into values.
type lexicon struct{ keys, values string }

// newLexicon reads the layout of data from its first two lines.
func newLexicon(data string) lexicon {
	i := strings.IndexByte(data, '\n')
	if i < 0 || !strings.HasPrefix(data[i+1:], valuesTag) {
		return lexicon{keys: data}
	}
	rest := data[i+1+len(valuesTag):]
	j := strings.IndexByte(rest, '\n')
	n, err := strconv.Atoi(rest[:max(j, 0)])
	if j < 0 || err != nil || n > len(data) {
		return lexicon{keys: data}
	}
	return lexicon{keys: data[:n], values: data[n:]}
}

// lookup returns the rest of key's line, "" when key has no line.
func (l lexicon) lookup(key string) string {
	v := l.search(key)
	if l.values == "" || v == "" || v[0] != '@' {
		return v
	}
	off, err := strconv.Atoi(v[1:])
	if err != nil || off >= len(l.values) {
		return ""
	}
	v = l.values[off:]
	if e := strings.IndexByte(v, '\n'); e >= 0 {
		v = v[:e]
	}
	return v
}

// search binary-searches the key lines for key's rest of line.
func (l lexicon) search(key string) string {
	d := l.keys
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

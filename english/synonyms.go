package english

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"strings"
	"sync"
)

// synonyms.txt.gz maps an index term to the terms of its synonyms in its
// three most frequent WordNet senses (see internal/genlex), so a question
// may say "rival" where the document says "opponent". Lines are
// "term synonym...", already stemmed.
//
//go:embed synonyms.txt.gz
var synonymData []byte

// synonyms maps a term to its space-separated synonym terms.
var synonyms = &lexicon{data: synonymData, size: 40000}

// SynonymsOf returns the terms of term's synonyms, space separated; "" when
// it has none. The first call reads the lexicon.
func SynonymsOf(term string) string {
	return synonyms.lookup(term)
}

// lexicon is an embedded gzipped lexicon read into a map on first use.
type lexicon struct {
	data []byte
	size int // the map's initial size
	once sync.Once
	m    map[string]string
}

// lookup returns key's rest of line, "" when key is not in the lexicon.
// The first call reads the lexicon; calls may be concurrent.
func (l *lexicon) lookup(key string) string {
	l.once.Do(func() { l.m = readLexicon(l.data, l.size) })
	return l.m[key]
}

// readLexicon reads a gzipped lexicon of "key rest-of-line" lines ('#'
// starts a comment) into a map. Damaged data gives what was read before the
// damage: the lexicons are embedded, so that cannot happen in a build that
// passed its tests.
func readLexicon(data []byte, size int) map[string]string {
	m := make(map[string]string, size)
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return m
	}
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		line := sc.Text()
		if k, v, ok := strings.Cut(line, " "); ok && !strings.HasPrefix(line, "#") {
			m[k] = v
		}
	}
	return m
}

package facts

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"strings"
	"sync"
)

// synonyms.txt.gz: for each English word, the other words of its three most
// frequent WordNet senses (see internal/genlex). A question may say "rival"
// where the document says "opponent".
//
//go:embed synonyms.txt.gz
var synonymData []byte

var (
	synOnce sync.Once
	synMap  map[string][]string
)

func synonymsOf(w string) []string {
	synOnce.Do(func() {
		synMap = make(map[string][]string, 45000)
		zr, err := gzip.NewReader(bytes.NewReader(synonymData))
		if err != nil {
			return
		}
		sc := bufio.NewScanner(zr)
		for sc.Scan() {
			line := sc.Text()
			if strings.HasPrefix(line, "#") {
				continue
			}
			f := strings.Fields(line)
			if len(f) > 1 {
				synMap[f[0]] = f[1:]
			}
		}
	})
	if s, ok := synMap[w]; ok {
		return s
	}
	return synMap[lemma(w)]
}

// synonymTerms returns the indexed terms of w's synonyms, other than own.
func (s *Store) synonymTerms(w string, own int32) []int32 {
	var out []int32
	for _, syn := range synonymsOf(w) {
		if id, ok := s.termID[stem(syn)]; ok && id != own && !containsID(out, id) {
			out = append(out, id)
		}
	}
	return out
}

func containsID(ids []int32, id int32) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

package main

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/storybot/storybot/english"
)

// particles are the adverbs that make a phrasal verb of a verb before
// them ("shut down", "lock up", "sign up").
var particles = map[string]bool{"up": true, "down": true, "out": true, "off": true, "on": true,
	"in": true, "over": true, "back": true, "away": true}

// writePhrasal writes the phrasal verb lexicon: for each WordNet verb of
// two words, a verb and a particle ("shut_down"), the single-word lemmas
// of its first senses ("close", "fold"), as index terms. Its key is the
// verb's index term and the particle joined by "_" ("shut_down"), as the
// matcher looks it up from a question's words.
func writePhrasal(dir, out string, senses int) (int, error) {
	data, err := os.Open(filepath.Join(dir, "data.verb"))
	if err != nil {
		return 0, err
	}
	defer data.Close()
	idx, err := os.Open(filepath.Join(dir, "index.verb"))
	if err != nil {
		return 0, err
	}
	defer idx.Close()
	lex := map[string]map[string]bool{}
	sc := bufio.NewScanner(idx)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 6 || strings.HasPrefix(sc.Text(), " ") {
			continue
		}
		verb, particle, ok := strings.Cut(f[0], "_")
		if !ok || !particles[particle] || strings.ContainsAny(verb, "_-.'") {
			continue
		}
		synsetCnt, _ := strconv.Atoi(f[2])
		pCnt, _ := strconv.Atoi(f[3])
		offsets := f[4+pCnt+2:]
		if len(offsets) != synsetCnt {
			continue
		}
		key := english.Stem(verb) + "_" + particle
		for _, off := range offsets[:min(senses, len(offsets))] {
			o, err := strconv.ParseInt(off, 10, 64)
			if err != nil {
				continue
			}
			for _, w := range synsetWords(data, o) {
				if w == verb || strings.ContainsAny(w, "_().'-0123456789") {
					continue
				}
				if lex[key] == nil {
					lex[key] = map[string]bool{}
				}
				lex[key][english.Stem(w)] = true
			}
		}
	}
	if err := sc.Err(); err != nil {
		return 0, err
	}
	return writeLexicon(out, lex)
}

package main

import (
	"bufio"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/storybot/storybot/english"
)

// posFiles are WordNet's parts of speech, by the letter its pointers name
// them with.
var posFiles = map[string]string{"n": "noun", "v": "verb", "a": "adj", "s": "adj", "r": "adv"}

// writeDerived writes the derivation lexicon: for each single-word lemma,
// the single words WordNet links to it as derivationally related forms
// ("+" pointers) in its first senses: "death" and "die", "strong" and
// "strength", "photograph" and "photography". Keys and values are index
// terms; a pair whose terms are equal (the stemmer already joins them) is
// left out.
func writeDerived(dir, out string, senses int) (int, error) {
	data := map[string]*os.File{}
	for _, pos := range []string{"noun", "verb", "adj", "adv"} {
		f, err := os.Open(filepath.Join(dir, "data."+pos))
		if err != nil {
			return 0, err
		}
		defer f.Close()
		data[pos] = f
	}
	lex := map[string]map[string]bool{}
	for _, pos := range []string{"noun", "verb", "adj", "adv"} {
		idx, err := os.Open(filepath.Join(dir, "index."+pos))
		if err != nil {
			return 0, err
		}
		err = eachSense(idx, senses, plainWord, func(lemma string, o int64) {
			for _, w := range derivedWords(data, pos, o, lemma) {
				k, t := english.Stem(lemma), english.Stem(w)
				if k == t || !plainWord(w) {
					continue
				}
				if lex[k] == nil {
					lex[k] = map[string]bool{}
				}
				lex[k][t] = true
			}
		})
		idx.Close()
		if err != nil {
			return 0, err
		}
	}
	return writeLexicon(out, lex)
}

// plainWord: a single word of letters.
func plainWord(w string) bool {
	return w != "" && !strings.ContainsAny(w, "_().'-0123456789")
}

// derivedWords returns the words that the synset at off (in data.pos)
// links to lemma by a derivation pointer: "+" pointers whose source is
// lemma's place in the synset, each read from its target synset.
func derivedWords(data map[string]*os.File, pos string, off int64, lemma string) []string {
	f := synsetFields(data[pos], off)
	if len(f) < 4 {
		return nil
	}
	n, err := strconv.ParseInt(f[3], 16, 32)
	if err != nil || 4+2*int(n) >= len(f) {
		return nil
	}
	place := 0
	for i := 0; i < int(n); i++ {
		w := strings.ToLower(f[4+2*i])
		if j := strings.IndexByte(w, '('); j > 0 {
			w = w[:j]
		}
		if w == lemma {
			place = i + 1
		}
	}
	if place == 0 {
		return nil
	}
	at := 4 + 2*int(n)
	pn, err := strconv.Atoi(f[at])
	if err != nil {
		return nil
	}
	var out []string
	for p := 0; p < pn && at+1+4*p+3 < len(f); p++ {
		sym, target, tpos, st := f[at+1+4*p], f[at+2+4*p], f[at+3+4*p], f[at+4+4*p]
		if sym != "+" && sym != "=" || len(st) != 4 {
			continue
		}
		src, err1 := strconv.ParseInt(st[:2], 16, 32)
		dst, err2 := strconv.ParseInt(st[2:], 16, 32)
		to, err3 := strconv.ParseInt(target, 10, 64)
		if err1 != nil || err2 != nil || err3 != nil {
			continue
		}
		g := synsetFields(data[posFiles[tpos]], to)
		if len(g) < 4 {
			continue
		}
		m, err := strconv.ParseInt(g[3], 16, 32)
		if err != nil || 4+2*int(m) > len(g) {
			continue
		}
		switch {
		case sym == "=" && src == 0 && dst == 0:
			// An attribute ("strong" of "strength"): the whole synsets.
			for i := 0; i < int(m); i++ {
				out = append(out, lemmaAt(g, i))
			}
		case sym == "+" && int(src) == place && dst > 0 && int(dst) <= int(m):
			out = append(out, lemmaAt(g, int(dst-1)))
		}
	}
	return out
}

// lemmaAt is the i-th word of a synset line's fields, in lower case and
// without an adjective marker.
func lemmaAt(f []string, i int) string {
	w := strings.ToLower(f[4+2*i])
	if j := strings.IndexByte(w, '('); j > 0 {
		w = w[:j]
	}
	return w
}

// synsetFields returns the fields of the synset line at off in data.
func synsetFields(data *os.File, off int64) []string {
	if data == nil {
		return nil
	}
	if _, err := data.Seek(off, io.SeekStart); err != nil {
		return nil
	}
	line, err := bufio.NewReader(data).ReadString('\n')
	if err != nil && line == "" {
		return nil
	}
	return strings.Fields(line)
}

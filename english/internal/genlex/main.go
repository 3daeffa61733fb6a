// Command genlex builds english/synonyms.txt, the general English synonym
// lexicon storybot uses to match a question's words to a document's
// ("rival" - "opponent"), english/phrasal.txt, the same for phrasal verbs
// ("shut down" - "close"), english/kinds.txt, which says what a noun
// is a kind of ("cholera" - "disease"; see kinds.go), and
// english/derived.txt, a word's derivationally related forms and
// attributes ("death" - "die", "strong" - "strength"; see derived.go). It reads WordNet 3.0 (Debian's wordnet-base,
// /usr/share/wordnet) and keeps, for each single-word lemma, the other
// single-word lemmas of its most frequent senses. Lines hold index terms
// (english.Stem), so a lookup needs no stemming: "stem synonym-stem...". WordNet is (c) Princeton
// University, used under its licence, which permits redistribution.
//
//	apt-get install wordnet-base
//	go run ./english/internal/genlex -o english/synonyms.txt -kinds english/kinds.txt -phrasal english/phrasal.txt -derived english/derived.txt
//
// kinds.txt is then laid out by english.FrequencyLayout (-relayout FILE
// does only that, to a sorted lexicon).
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/storybot/storybot/english"
)

func main() {
	dir := flag.String("wordnet", "/usr/share/wordnet", "WordNet dict directory")
	out := flag.String("o", "english/synonyms.txt", "output file (\"\" to skip)")
	senses := flag.Int("senses", 3, "senses per lemma to take synonyms from (most frequent first)")
	kindsOut := flag.String("kinds", "english/kinds.txt", "output file for the kinds lexicon (\"\" to skip)")
	phrasalOut := flag.String("phrasal", "english/phrasal.txt", "output file for the phrasal verb lexicon (\"\" to skip)")
	relayout := flag.String("relayout", "", "only lay out the sorted lexicon `file` by frequency, in place, and exit")
	derivedOut := flag.String("derived", "english/derived.txt", "output file for the derivation lexicon (\"\" to skip)")
	flag.Parse()
	if *relayout != "" {
		check(layoutFile(*relayout))
		return
	}
	if *kindsOut != "" {
		if err := writeKinds(*dir, *kindsOut, 2, 4, 5000); err != nil {
			fmt.Fprintln(os.Stderr, "genlex:", err)
			os.Exit(1)
		}
		check(layoutFile(*kindsOut))
	}
	if *derivedOut != "" {
		n, err := writeDerived(*dir, *derivedOut, *senses)
		check(err)
		fmt.Fprintf(os.Stderr, "genlex: %d words with derived forms\n", n)
	}
	if *phrasalOut != "" {
		n, err := writePhrasal(*dir, *phrasalOut, *senses)
		check(err)
		fmt.Fprintf(os.Stderr, "genlex: %d phrasal verbs\n", n)
	}
	if *out == "" {
		return
	}
	syn := map[string]map[string]bool{}
	for _, pos := range []string{"noun", "verb", "adj", "adv"} {
		if err := readPOS(*dir, pos, *senses, syn); err != nil {
			fmt.Fprintln(os.Stderr, "genlex:", err)
			os.Exit(1)
		}
	}
	// Re-key by index term: "rivals" and "rival" share one line.
	stems := map[string]map[string]bool{}
	for w, set := range syn {
		k := english.Stem(w)
		for x := range set {
			if t := english.Stem(x); t != k {
				if stems[k] == nil {
					stems[k] = map[string]bool{}
				}
				stems[k][t] = true
			}
		}
	}
	n, err := writeLexicon(*out, stems)
	check(err)
	fmt.Fprintf(os.Stderr, "genlex: %d words\n", n)
}

// writeLexicon writes a lexicon: a WordNet notice, then, sorted by key in
// byte order, one line per key with its values sorted: "key value...". It
// returns the number of lines. The text is not compressed: the program
// binary-searches it in place (english.lexicon), which needs that order.
func writeLexicon(path string, m map[string]map[string]bool) (int, error) {
	var keys []string
	for k, set := range m {
		if len(set) > 0 {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	f, err := os.Create(path)
	if err != nil {
		return 0, err
	}
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, "# Derived from WordNet 3.0. WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. Licence, disclaimer included: english/WORDNET-LICENSE")
	for _, k := range keys {
		var list []string
		for v := range m[k] {
			list = append(list, v)
		}
		slices.Sort(list)
		fmt.Fprintf(w, "%s %s\n", k, strings.Join(list, " "))
	}
	if err := w.Flush(); err != nil {
		return 0, err
	}
	return len(keys), f.Close()
}

// layoutFile rewrites the sorted lexicon at path as english.FrequencyLayout
// lays it out (the kinds lexicon: a short text's lookups then touch a few
// pages of it rather than all).
func layoutFile(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	return os.WriteFile(path, english.FrequencyLayout(string(data)), 0o644)
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "genlex:", err)
		os.Exit(1)
	}
}

// readPOS reads index.POS for each lemma's first senses and data.POS for
// the lemmas of those synsets.
func readPOS(dir, pos string, senses int, syn map[string]map[string]bool) error {
	data, err := os.Open(filepath.Join(dir, "data."+pos))
	if err != nil {
		return err
	}
	defer data.Close()
	idx, err := os.Open(filepath.Join(dir, "index."+pos))
	if err != nil {
		return err
	}
	defer idx.Close()
	return eachSense(idx, senses, func(lemma string) bool { return !strings.Contains(lemma, "_") }, func(lemma string, o int64) {
		for _, w := range synsetWords(data, o) {
			if w != lemma && !strings.Contains(w, "_") && !strings.ContainsAny(w, "().'-0123456789") {
				if syn[lemma] == nil {
					syn[lemma] = map[string]bool{}
				}
				syn[lemma][w] = true
			}
		}
	})
}

// eachSense reads a WordNet index file and calls fn with each lemma that
// keep accepts and the data offset of each of its first senses synsets.
func eachSense(idx io.Reader, senses int, keep func(lemma string) bool, fn func(lemma string, off int64)) error {
	sc := bufio.NewScanner(idx)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, " ") {
			continue // licence header
		}
		f := strings.Fields(line)
		if len(f) < 6 || !keep(f[0]) {
			continue
		}
		synsetCnt, _ := strconv.Atoi(f[2])
		pCnt, _ := strconv.Atoi(f[3])
		offsets := f[4+pCnt+2:]
		if len(offsets) != synsetCnt {
			continue
		}
		for _, off := range offsets[:min(senses, len(offsets))] {
			if o, err := strconv.ParseInt(off, 10, 64); err == nil {
				fn(f[0], o)
			}
		}
	}
	return sc.Err()
}

func synsetWords(data *os.File, off int64) []string {
	if _, err := data.Seek(off, io.SeekStart); err != nil {
		return nil
	}
	line, err := bufio.NewReader(data).ReadString('\n')
	if err != nil && line == "" {
		return nil
	}
	f := strings.Fields(line)
	if len(f) < 4 {
		return nil
	}
	n, err := strconv.ParseInt(f[3], 16, 32)
	if err != nil {
		return nil
	}
	var words []string
	for i := 0; i < int(n) && 4+2*i < len(f); i++ {
		w := strings.ToLower(f[4+2*i])
		if j := strings.IndexByte(w, '('); j > 0 {
			w = w[:j] // adjective markers like "(a)"
		}
		words = append(words, w)
	}
	return words
}

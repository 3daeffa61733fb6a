package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/storybot/storybot/english"
)

// writeKinds builds english/kinds.txt: for each noun, the nouns it is a
// kind of ("cholera" is a disease; "Alps" are a range), so that "What
// disease did he catch?" can recognise a sentence naming one. For every
// noun, the hyponyms (kinds and instances) of its first senses are
// gathered down to depth levels; nouns with more than maxKinds such words
// ("entity", "object") say nothing and are left out. The lines are
// inverted, keyed by the specific word: "stem general-stem...".
func writeKinds(dir, out string, senses, depth, maxKinds int) error {
	syn, err := readNounSynsets(dir)
	if err != nil {
		return err
	}
	idx, err := os.Open(filepath.Join(dir, "index.noun"))
	if err != nil {
		return err
	}
	defer idx.Close()
	kinds := map[string]map[string]bool{} // specific stem -> general stems
	sc := bufio.NewScanner(idx)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, " ") {
			continue
		}
		f := strings.Fields(line)
		if len(f) < 6 || strings.Contains(f[0], "_") {
			continue
		}
		lemma := f[0]
		pCnt, _ := strconv.Atoi(f[3])
		if 4+pCnt+2 > len(f) {
			continue
		}
		offsets := f[4+pCnt+2:]
		got := hyponymWords(syn, lemma, offsets[:min(senses, len(offsets))], depth, maxKinds)
		if len(got) == 0 || len(got) > maxKinds {
			continue
		}
		general := english.Stem(lemma)
		for w := range got {
			if strings.ContainsAny(w, "().'-0123456789") {
				continue
			}
			if t := english.Stem(w); t != general {
				if kinds[t] == nil {
					kinds[t] = map[string]bool{}
				}
				kinds[t][general] = true
			}
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	n, err := writeLexicon(out, kinds)
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "genlex: %d words with kinds\n", n)
	return nil
}

// synset is a WordNet noun synset: its words and its hyponyms' offsets.
type synset struct {
	words []string
	hypo  []int64
}

// readNounSynsets reads data.noun into synsets by offset.
func readNounSynsets(dir string) (map[int64]*synset, error) {
	syn := map[int64]*synset{}
	data, err := os.Open(filepath.Join(dir, "data.noun"))
	if err != nil {
		return nil, err
	}
	defer data.Close()
	sc := bufio.NewScanner(data)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, " ") {
			continue
		}
		f := strings.Fields(line)
		if len(f) < 4 {
			continue
		}
		off, _ := strconv.ParseInt(f[0], 10, 64)
		wc, _ := strconv.ParseInt(f[3], 16, 32)
		s := &synset{}
		i := 4
		for k := 0; k < int(wc) && i < len(f); k++ {
			s.words = append(s.words, strings.ToLower(f[i]))
			i += 2
		}
		if i >= len(f) {
			continue
		}
		pc, _ := strconv.Atoi(f[i])
		i++
		for k := 0; k < pc && i+3 < len(f); k++ {
			if (f[i] == "~" || f[i] == "~i") && f[i+2] == "n" {
				o, _ := strconv.ParseInt(f[i+1], 10, 64)
				s.hypo = append(s.hypo, o)
			}
			i += 4
		}
		syn[off] = s
	}
	return syn, sc.Err()
}

// hyponymWords gathers the single words of the hyponyms of the synsets at
// offsets, down to depth levels, stopping once there are more than
// maxKinds of them.
func hyponymWords(syn map[int64]*synset, lemma string, offsets []string, depth, maxKinds int) map[string]bool {
	got := map[string]bool{}
	type node struct {
		off   int64
		depth int
	}
	var stack []node
	for _, o := range offsets {
		off, _ := strconv.ParseInt(o, 10, 64)
		stack = append(stack, node{off, 0})
	}
	for len(stack) > 0 && len(got) <= maxKinds {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		s := syn[n.off]
		if s == nil {
			continue
		}
		if n.depth > 0 {
			for _, w := range s.words {
				if !strings.Contains(w, "_") && w != lemma {
					got[w] = true
				}
			}
		}
		if n.depth < depth {
			for _, h := range s.hypo {
				stack = append(stack, node{h, n.depth + 1})
			}
		}
	}
	return got
}

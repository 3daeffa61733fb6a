package facts

import (
	"slices"

	"github.com/storybot/storybot/english"
)

// contextIndex gathers the context terms of every sentence as NewStore
// goes: each sentence's section heading and the sentence that introduces
// it ("what does it say about sick leave?" then finds the sentences under
// "## Sick leave", and "how much water?" the list item "720 g at 27°C"
// under "you will need:").
type contextIndex struct {
	sent int32
	// flat holds the term ids of runs of sentences in a row that share
	// them (a book's chapter: one copy, not one a sentence): run k's
	// sentences are [sents[k], ends[k]), its ids flat[at[k]:at[k+1]].
	flat            []int32
	sents, ends, at []int32
	section, intro  string
	refers, parent  string
	ids             []int32 // the last context's terms: sentences in a row share one
	shared          bool    // whether the last run's terms are ids
}

// add records the context terms of the next sentence: every sentence is
// added, in store order; a heading has none (it is not indexed). Context words do not count
// in the vocabulary's frequencies, which are the document's own words.
func (c *contextIndex) add(s *Store, sent *Sentence) {
	i := c.sent
	c.sent++
	if sent.Heading() || sent.Section() == "" && sent.Context() == "" && sent.Refers() == "" && sent.Parent() == "" {
		return
	}
	if sent.Section() != c.section || sent.Context() != c.intro || sent.Refers() != c.refers || sent.Parent() != c.parent || c.ids == nil {
		c.section, c.intro, c.refers, c.parent, c.ids = sent.Section(), sent.Context(), sent.Refers(), sent.Parent(), make([]int32, 0, 8)
		c.shared = false
		addWord := func(w string) {
			if english.Lookup(w)&english.Stop != 0 {
				return
			}
			wid, ok := s.wordID[w]
			if !ok {
				wid = s.addWord(w)
			}
			c.ids = append(c.ids, s.wordStem[wid])
		}
		for _, text := range [...]string{sent.Section(), sent.Context(), sent.Refers(), sent.Parent()} {
			// A heading's hyphenated pair is read closed too, as the
			// sentences' are ("Wi-Fi for guests": "wifi").
			var hy english.Hyphens
			english.Tokenize(text, func(t english.Token) {
				addWord(t.Word)
				if closed, ok := hy.Next(text, t); ok && s.joins {
					addWord(closed)
				}
			})
		}
		slices.Sort(c.ids)
		c.ids = slices.Compact(c.ids)
	}
	if len(c.ids) == 0 {
		return
	}
	if k := len(c.ends) - 1; k >= 0 && c.ends[k] == i && c.shared {
		c.ends[k]++
		return
	}
	if len(c.at) == 0 {
		c.at = append(c.at, 0)
	}
	c.flat = append(c.flat, c.ids...)
	c.sents = append(c.sents, i)
	c.ends = append(c.ends, i+1)
	c.at = append(c.at, int32(len(c.flat)))
	c.shared = true
}

// reserve makes room in c for the ranges' context terms, to be merged.
func (c *contextIndex) reserve(ranges []contextIndex) {
	flat, sents := 0, 0
	for _, r := range ranges {
		flat += len(r.flat)
		sents += len(r.sents)
	}
	if sents > 0 {
		c.flat = make([]int32, 0, flat)
		c.sents = make([]int32, 0, sents)
		c.ends = make([]int32, 0, sents)
		c.at = make([]int32, 0, sents+1)
	}
}

// merge appends o, the context terms of the sentences after c's, with
// o's term ids mapped to c's by termMap (the same ids when nil).
func (c *contextIndex) merge(o *contextIndex, termMap []int32) {
	if len(o.sents) == 0 {
		return
	}
	if len(c.at) == 0 {
		c.at = append(c.at, 0)
	}
	base := int32(len(c.flat))
	for _, t := range o.flat {
		if termMap != nil {
			t = termMap[t]
		}
		c.flat = append(c.flat, t)
	}
	c.sents = append(c.sents, o.sents...)
	c.ends = append(c.ends, o.ends...)
	for _, a := range o.at[1:] {
		c.at = append(c.at, base+a)
	}
}

// postings lays the context terms out per term, sentences in order.
func (c *contextIndex) postings(terms int) PostingLists {
	if len(c.sents) == 0 {
		return PostingLists{}
	}
	at := make([]int32, terms+1)
	for k := range c.sents {
		for _, t := range c.flat[c.at[k]:c.at[k+1]] {
			at[t+1] += c.ends[k] - c.sents[k]
		}
	}
	for t := 1; t < len(at); t++ {
		at[t] += at[t-1]
	}
	next := slices.Clone(at[:terms])
	sents := make([]int32, at[terms])
	for k, from := range c.sents {
		for _, t := range c.flat[c.at[k]:c.at[k+1]] {
			for i := from; i < c.ends[k]; i++ {
				sents[next[t]] = i
				next[t]++
			}
		}
	}
	return PostingLists{sents: sents, at: at}
}

// PostingLists are per-term lists of sentence indexes, in order, all in
// one array: no 24-byte slice per term, most of which would be empty.
type PostingLists struct {
	sents []int32
	at    []int32 // term t's sentences are sents[at[t]:at[t+1]]
}

// Of returns term t's sentences.
func (p PostingLists) Of(t int) []int32 { return p.sents[p.at[t]:p.at[t+1]] }

// Terms returns how many terms the lists are for: 0 when they are empty.
func (p PostingLists) Terms() int { return max(len(p.at)-1, 0) }

package facts

import (
	"runtime"
	"strings"
	"sync"
	"unsafe"
)

// splitHalvesMinBytes is the smallest plain text split in two halves at
// once, on two cores: a book's split is a fifth of its build. A variable
// so that tests can split small texts both ways.
var splitHalvesMinBytes = 1 << 20

// splitHalves splits sp's plain text, from pos, as two halves at once
// when it is long and there are two cores, and reports whether it did.
// The halves meet at a blank line near the middle, before a paragraph
// that is not a list item: there the sequential split has just ended a
// paragraph, and nothing it carries to the next (the sentence that
// introduces a list) is read. Each half's sentences go in their own part
// of one list, sized by estimateSentences; the second's numbers (sentence
// and paragraph) are then moved on by the first's, and its sentences
// down to follow the first's. The result is the sequential split's.
func splitHalves(sp *splitter, pos int) bool {
	d := sp.d
	if d.markdown || len(sp.raw)-pos < splitHalvesMinBytes || runtime.GOMAXPROCS(0) < 2 {
		return false
	}
	cut := halvesCut(sp.raw, pos+(len(sp.raw)-pos)/2)
	if cut < 0 {
		return false
	}
	e1, e2 := estimateSentences(sp.raw[:cut]), estimateSentences(sp.raw[cut:])
	all := make([]Sentence, 0, e1+e2)
	d.Sentences = all[:0:e1]
	// The second half's splitter starts one paragraph in, so that its
	// first paragraph is not taken for the text's first (a title line).
	d2 := &Document{Name: d.Name, Raw: d.Raw, abbrevs: d.abbrevs, Sentences: all[e1 : e1 : e1+e2]}
	sp2 := &splitter{d: d2, raw: sp.raw, para: 1}
	var wg sync.WaitGroup
	wg.Go(func() { sp2.lines(cut, len(sp.raw)) })
	sp.lines(pos, cut)
	wg.Wait()
	first, second := d.Sentences, d2.Sentences
	if sp.para == 0 {
		// No paragraph before the cut: the second half's first is the
		// text's first after all. Rare enough to split again.
		d.Sentences, sp.para = nil, 0
		return false
	}
	for i := range second {
		second[i].N += int32(len(first))
		second[i].Paragraph += int32(sp.para - 1)
	}
	sp.para += sp2.para - 1
	n := len(first) + len(second)
	if unsafe.SliceData(first) == unsafe.SliceData(all) && n <= cap(all) {
		// Neither half outgrew its part: close the gap between them.
		d.Sentences = all[:n]
		copy(d.Sentences[len(first):], second)
		return true
	}
	d.Sentences = append(first[:len(first):len(first)], second...)
	return true
}

// halvesCut returns where the line after the first blank line at or after
// mid starts, when a paragraph with words that is not a list item starts
// there (so it is a paragraph with a sentence, and it reads nothing the
// sequential split carries over); -1 when no such line is found within a
// few blank lines.
func halvesCut(raw string, mid int) int {
	for tries := 0; tries < 64 && mid < len(raw); tries++ {
		nl := strings.Index(raw[mid:], "\n\n")
		if nl < 0 {
			return -1
		}
		cut := mid + nl + 2
		end := strings.IndexByte(raw[cut:], '\n')
		if end < 0 {
			end = len(raw) - cut
		}
		if line := raw[cut : cut+end]; hasWordChar(line) && !isListItem(line) {
			return cut
		}
		mid = cut
	}
	return -1
}

package bot

import (
	"slices"

	"github.com/storybot/storybot/english"
	"github.com/storybot/storybot/facts"
	"github.com/storybot/storybot/match"
)

// ordinalItem returns which item a question points to by its place after
// the answer before ("how much is the first one", "what about the second
// hotel?", "and the last one"): 1, 2, 3… or -1 for the last, and the noun
// it names the items by ("" for "one" or "option"); 0 when it points to
// none. The ordinal must follow "the" and precede "one", "option" or a
// noun the question ends with.
func ordinalItem(ws []word) (int, string) {
	for i := 1; i+1 < len(ws); i++ {
		n, ok := ordinals[ws[i].Word]
		if !ok || ws[i-1].Word != "the" {
			continue
		}
		switch next := ws[i+1].Word; {
		case next == "one" || next == "option":
			return n, ""
		case i+2 == len(ws) && isContent(next):
			return n, next
		}
	}
	return 0, ""
}

var ordinals = map[string]int{"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
	"fourth": 4, "4th": 4, "last": -1}

// preferItem puts first, for a question pointing to the n-th item after
// the answer before (ordinalItem), a sentence of that item: the
// paragraphs that follow the answer in its section are the items it
// introduced ("We have reserved rooms at two nearby hotels." followed by a
// paragraph on each); a noun naming the items must be one the section
// says. When the question before pointed to an item too
// ("how much is the first one"), the answer before is that item, and the
// others are counted from it ("what about the second hotel?"). The hit in
// the item's paragraph the matcher ranked highest comes first; failing
// one, the paragraph's first sentence that can hold the kind of answer
// asked (the stems of understood, the question as read; found only
// then, as most questions point to no item). It reports whether it found
// the item.
func preferItem(m *match.Matcher, res *match.Result, prev *Turn, q, understood string) bool {
	n, noun := ordinalItem(words(q))
	if prev == nil || prev.Answer == "" || n == 0 {
		return false
	}
	sents := m.Store().Sentences()
	i := sentenceIndex(sents, prev.Doc, prev.Sentence)
	if i < 0 {
		return false
	}
	// The section's paragraphs, and where the answer's stands among them.
	lo, hi := i, i
	for lo > 0 && sents[lo-1].Doc() == prev.Doc && sents[lo-1].Section() == sents[i].Section() && !sents[lo-1].Heading() {
		lo--
	}
	for hi+1 < len(sents) && sents[hi+1].Doc() == prev.Doc && sents[hi+1].Section() == sents[i].Section() && !sents[hi+1].Heading() {
		hi++
	}
	if noun != "" && !slices.ContainsFunc(sents[lo:hi+1], func(s *facts.Sentence) bool { return textHoldsStem(s.Text, english.Stem(noun)) }) {
		return false // "the second half" of a match, not of the hotels the section lists
	}
	var paras []int32
	at := -1
	for j := lo; j <= hi && len(paras) < maxItems; j++ {
		if p := sents[j].Paragraph; len(paras) == 0 || paras[len(paras)-1] != p {
			paras = append(paras, p)
		}
		if j == i {
			at = len(paras) - 1
		}
	}
	k := 0 // the answer's own place among the items, when it was one
	if was, _ := ordinalItem(words(prev.Question)); was > 0 {
		k = was
	}
	if at < 0 || len(paras)-at-1+k < 2 {
		return false // one paragraph after is no list of items
	}
	var para int32
	switch {
	case n < 0:
		para = paras[len(paras)-1]
	case at+n-k >= 0 && at+n-k < len(paras) && n != k:
		para = paras[at+n-k]
	default:
		return false
	}
	inItem := func(s *facts.Sentence) bool { return s.Doc() == prev.Doc && s.Paragraph == para }
	if toFront(res.Hits, func(h match.Hit) bool { return inItem(h.Sentence) }) > 0 {
		return true
	}
	pick := -1
	asked := stemSet(understood)
	for j := lo; j <= hi; j++ {
		if inItem(sents[j]) && (pick < 0 || !canAnswer(sents[pick].Text, res.QType, asked) && canAnswer(sents[j].Text, res.QType, asked)) {
			pick = j
		}
	}
	if pick < 0 {
		return false
	}
	h := match.Hit{Sentence: sents[pick], Index: pick}
	if len(res.Hits) > 0 {
		h.Score = res.Hits[0].Score
	}
	res.Hits = append([]match.Hit{h}, res.Hits...)
	return true
}

// maxItems bounds how many of a section's paragraphs, from its first, are
// read for items: an answer further down is no list's introduction.
const maxItems = 12

// textHoldsStem reports whether text holds a word of stem.
func textHoldsStem(text, stem string) bool {
	return slices.ContainsFunc(words(text), func(w word) bool { return english.Stem(w.Word) == stem })
}

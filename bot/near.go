package bot

import "github.com/storybot/storybot/match"

// nearOwn answers a follow-up none of whose hits holds its own words by
// the nearest sentence to the previous answer, within near, in its
// section, that holds them (see holds: "the money" by "Fund", a kind of
// money): a conversation moves through a document, and what a follow-up
// asks is often said next to what was just quoted in words the search,
// carrying the question before, did not reach. It reports whether one was
// found and put first.
func nearOwn(m *match.Matcher, res *match.Result, prev *Turn, own []string, a ownMatch) bool {
	if prev == nil || prev.Answer == "" {
		return false
	}
	sents := m.Store().Sentences()
	i := sentenceIndex(sents, prev.Doc, prev.Sentence)
	if i < 0 {
		return false
	}
	best := -1
	for j := max(0, i-near); j < len(sents) && j <= i+near; j++ {
		s := sents[j]
		if j == i || s.Doc() != prev.Doc || s.Section() != sents[i].Section() || !holds(s.Text, own, a) {
			continue
		}
		if best < 0 || closer(j-i, 0, best-i, 0) {
			best = j
		}
	}
	if best < 0 {
		return false
	}
	h := match.Hit{Sentence: sents[best], Index: best, Score: res.Hits[0].Score}
	res.Hits = append([]match.Hit{h}, res.Hits...)
	return true
}

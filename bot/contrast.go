package bot

import (
	"github.com/storybot/storybot/english"
	"github.com/storybot/storybot/match"
)

// contrast answers a contrastive ellipsis ("and businesses?" after "how
// much do charities pay for a stall?") by the sentence that answered the
// question it contrasts with, when the best sentence naming its new words
// shares nothing else with the question as read ("There being no further
// business…"): a sentence that gives the answer for one case usually gives
// the others beside it ("£15 for local charities and £30 for commercial
// traders"), in words the follow-up may not use, while a sentence that only
// names the new word is not about what was asked. It reports whether it
// put the previous answer first.
func contrast(m *match.Matcher, res *match.Result, rd reading, prev *Turn, a ownMatch) bool {
	if !rd.contrast || prev == nil || prev.Answer == "" || len(rd.own) == 0 {
		return false
	}
	context := contextWords(rd)
	if len(context) == 0 || heldCount(prev.Answer, context, a) == 0 {
		return false
	}
	for _, h := range res.Hits {
		if holds(h.Sentence.Text, rd.own, a) {
			if heldCount(h.Sentence.Text, context, a) > 0 {
				return false // the new word said in the question's context
			}
			break
		}
	}
	sents := m.Store().Sentences()
	i := sentenceIndex(sents, prev.Doc, prev.Sentence)
	if i < 0 {
		return false
	}
	h := match.Hit{Sentence: sents[i], Index: i, Score: res.Hits[0].Score}
	for j, x := range res.Hits {
		if x.Index == i {
			h = x
			res.Hits = append(res.Hits[:j], res.Hits[j+1:]...)
			break
		}
	}
	res.Hits = append([]match.Hit{h}, res.Hits...)
	return true
}

// contextWords are the stems of the content words of the question as read
// that are not its own: what it carried from the turn before.
func contextWords(rd reading) []string {
	own := map[string]bool{}
	for _, s := range rd.own {
		own[s] = true
	}
	var out []string
	for _, w := range words(rd.understood) {
		if s := english.Stem(w.Word); isContent(w.Word) && !own[s] {
			own[s] = true
			out = append(out, s)
		}
	}
	return out
}

package bot

import (
	"github.com/storybot/storybot/match"
)

// A follow-up may ask what the text says next, not about anything new:
// "and what comes right after that?" after "48:10 Listener questions" is
// answered by the line after it ("54:30 What Ines is baking this week"),
// "what came before that?" by the line before. Its words ("comes",
// "after") match nothing in particular, so the matcher's best sentence is
// no answer.

// asksStep reports which way a follow-up asks to move from the sentence
// quoted last: +1 for what comes after ("what's next", "what comes right
// after that", "and then?", "then what?"), -1 for what came before
// ("what comes before that"), 0 for any other question.
func asksStep(q string) int {
	ws := words(q)
	var w []string
	for _, t := range ws {
		if !stepFillers[t.Word] {
			w = append(w, t.Word)
		}
	}
	switch {
	case len(w) == 1 && (w[0] == "next" || w[0] == "then"):
		return 1 // "and next?", "and then?"
	case len(w) == 2 && (w[0] == "then" && w[1] == "what" || w[0] == "what" && w[1] == "next"):
		return 1
	case len(w) > 1 && w[0] == "then":
		w = w[1:] // "then what comes after that"
	}
	if len(w) == 0 || w[0] != "what" && w[0] != "after" && w[0] != "before" {
		return 0
	}
	rest := w[1:]
	if w[0] != "what" {
		rest = w // "and after that?", "before that?"
	} else if len(rest) > 0 && stepVerbs[rest[0]] {
		rest = rest[1:]
	}
	if len(rest) > 0 && stepAdverbs[rest[0]] {
		rest = rest[1:]
	}
	if len(rest) == 0 || len(rest) > 2 || len(rest) == 2 && !stepObjects[rest[1]] {
		return 0
	}
	switch rest[0] {
	case "next", "after":
		return 1
	case "before":
		return -1
	}
	return 0
}

var (
	// stepFillers open or pad a follow-up without asking anything.
	stepFillers = set("and", "so", "ok", "okay")
	// stepVerbs ask what comes: "what comes next", "what's after that".
	stepVerbs = set("comes", "came", "come", "happens", "happened", "is", "s", "was", "goes", "follows")
	// stepAdverbs say how close: "right after that".
	stepAdverbs = set("right", "straight", "just", "immediately", "directly")
	// stepObjects stand for what was quoted last.
	stepObjects = set("that", "this", "it", "then")
)

// quoteStep puts first the sentence step places after (or before) the one
// quoted last, in its document, and reports whether it did. A heading is
// passed over: what comes next is the text under it.
func quoteStep(m *match.Matcher, res *match.Result, prev *Turn, step int) bool {
	if prev == nil || prev.Answer == "" || step == 0 {
		return false
	}
	sents := m.Store().Sentences()
	i := sentenceIndex(sents, prev.Doc, prev.Sentence)
	if i < 0 {
		return false
	}
	for j := i + step; j >= 0 && j < len(sents) && sents[j].Doc() == prev.Doc; j += step {
		if sents[j].Heading() {
			continue
		}
		// Only that sentence: what else matched the question's words is
		// no step from the last answer.
		res.Hits = append(res.Hits[:0], match.Hit{Sentence: sents[j], Index: j, Score: res.Hits[0].Score})
		return true
	}
	return false
}

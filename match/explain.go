package match

import (
	"strings"

	"github.com/storybot/storybot/english"
)

// explanationWindow is how far down the candidates preferExplanation
// looks for the sentence after the first.
const explanationWindow = 3

// preferExplanation puts first, for a "why" question whose first
// candidate states what is asked but gives no reason ("Cover the baskets
// and put them in the fridge overnight."), the sentence after it in its
// paragraph when that is among the first candidates: an instruction
// gives no reason, the sentence after it does ("The long, cold rest
// develops flavour…").
func (m *Matcher) preferExplanation(hits []Hit, qt QType) {
	if qt != QReason || len(hits) < 2 || m.features[hits[0].Index]&featReason != 0 {
		return
	}
	i := hits[0].Index
	if i+1 >= len(m.sents) || m.sents[i+1].Doc() != m.sents[i].Doc() || m.sents[i+1].Paragraph != m.sents[i].Paragraph ||
		m.sents[i+1].Heading() || m.sents[i+1].Display() != "" || !instruction(m.sents[i].Text) || instruction(m.sents[i+1].Text) {
		return
	}
	for k := 1; k < min(len(hits), explanationWindow); k++ {
		if hits[k].Index == i+1 {
			toFirst(hits, k)
			return
		}
	}
}

// instruction reports whether text is an instruction: after any label
// ("**Retard:**"), a first word that is no function word followed by what
// it acts on ("Cover the baskets", "Place them", "Tip the dough out"), not
// a participle.
func instruction(text string) bool {
	if _, rest, ok := strings.Cut(text, ":**"); ok && strings.HasPrefix(text, "**") {
		text = rest
	}
	n, verb, acts := 0, false, false
	english.Tokenize(text, func(t english.Token) {
		switch n {
		case 0:
			verb = !t.Digit && !english.IsStop(t.Word) && !participle(t.Word)
		case 1:
			acts = objectOpeners[t.Word]
		}
		n++
	})
	return verb && acts
}

// participle reports whether w looks like a participle ("Knowing that
// Stalin was hostile…", "Founded in 1920, the club…"), which opens no
// instruction.
func participle(w string) bool {
	return len(w) > 4 && (strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed"))
}

// objectOpeners open what an instruction acts on.
var objectOpeners = setOf("the", "a", "an", "your", "it", "them", "each", "every", "this", "that", "these",
	"those", "all", "one", "both")

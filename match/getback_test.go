package match

import (
	"strings"
	"testing"
)

// "Get … back" around its object is the phrasal verb, read as the text's
// word for it ("returned"), not "back" as in the back door; with no such
// word in the text, the question's words stay as they are.
func TestGetSomethingBack(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "Deposits.\n\n"+
		"Please leave the bins by the back door on Tuesdays. "+
		"We take a deposit of £1,500 before you move in. "+
		"The Landlord will return the deposit within 10 days of agreeing the amount.")
	wantTop(t, m, "how long till i get the deposit money back", "return the deposit")
	res := m.Search("when do we get our deposit back", SearchOptions{})
	if len(res.Corrections) == 0 || res.Corrections[0].To != "return" {
		t.Errorf("get … back read as %+v, want return", res.Corrections)
	}
	n := newMatcher(t, "Please leave the bins by the back door. We take a deposit of £1,500.")
	res = n.Search("when do we get our deposit back", SearchOptions{})
	for _, c := range res.Corrections {
		if c.Method == "phrasal verb" {
			t.Errorf("a text without a word for giving back: %+v", c)
		}
	}
}

// "get … back" is read as the text's most used word for it ("return"),
// and its other words for it ("refund") are the same question word. (The
// reranker still puts the pass's price first here: the search's score
// is what this reading changes.)
func TestGetBackReadsEveryWordTheTextHas(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "Please return your locker key to reception. Return any hired shoes before you leave. "+
		"An annual pass costs £520. Annual passes are non-refundable.")
	r := m.Search("can i get my money back on an annual pass", SearchOptions{})
	score := func(part string) float64 {
		for _, h := range r.Hits {
			if strings.Contains(h.Sentence.Text, part) {
				return h.Score
			}
		}
		return 0
	}
	// The sentence on refunds matches "get … back" as well as the pass.
	if refund, cost := score("non-refundable"), score("costs £520"); refund <= cost {
		t.Errorf("refunds score %.2f, the price %.2f: \"refundable\" not read as \"get … back\"\n%s", refund, cost, r.Explain())
	}
}

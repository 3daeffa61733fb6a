package match

import (
	"testing"

	"github.com/storybot/storybot/english"
)

// "What is X for" is answered by the sentence saying what X is used for,
// not by the caption or description that only names X; "what was she
// known for" asks no use.
func TestPurposeQuestionsFindTheUse(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "The pool hoist at the shallow end.\n\n"+
		"A pool hoist (also called a pool lift) is a battery-powered seat on a pivoting arm.\n\n"+
		"The hoist is mainly used to lower swimmers with limited mobility into the water.\n")
	wantTop(t, m, "what is the pool hoist for?", "used to lower")
	wantTop(t, m, "what are the uses of a pool hoist", "used to lower")
	for q, want := range map[string]bool{
		"what are banana plugs for":          true,
		"what is linkedin used for":          true,
		"what do you use a trowel for":       true,
		"what is the purpose of the deposit": true,
		"what was Tugh Temur known for":      false,
		"what are pharmacists paid for":      false,
		"what is a certificate good for":     false,
		"what is the use of the law":         false,
		"what is a pool hoist":               false,
	} {
		var words []string
		english.Tokenize(q, func(t english.Token) { words = append(words, t.Word) })
		if got := asksPurpose(words); got != want {
			t.Errorf("asksPurpose(%q) = %v, want %v", q, got, want)
		}
	}
}

package bot

import (
	"strings"
	"testing"
)

// "what about a bath?" after "when can I shower?" asks when of the bath,
// in the shower's place: carrying "shower" over found the shower's
// sentences again.
func TestEllipsisTakesTheNearestWordsPlace(t *testing.T) {
	t.Parallel()
	b := conversationBot(t, "after.txt", "After your operation\n\n"+
		"You can shower from day 3, using a shower stool, as long as the dressing stays dry. "+
		"Keep the shower short and do not let the water run over the wound. "+
		"Do not have a bath or go swimming until the wound has fully healed, usually about three weeks. "+
		"Your stitches will dissolve on their own.\n")
	rs := askAll(b, "test:like", "when can i shower", "what about a bath")
	for i, want := range []string{"day 3", "three weeks"} {
		if r := rs[i]; !r.Answered || !strings.Contains(r.Citations[0].Text, want) {
			t.Errorf("turn %d (read as %q): %s; want the sentence with %q", i+1, r.Understood, r.Text, want)
		}
	}
	if got, ok := askedOfLike(words("and ducks?"), "and ducks?", "can i keep chickens"); !ok || got != "can i keep ducks" {
		t.Errorf(`askedOfLike("and ducks?") = %q, %v; want "can i keep ducks"`, got, ok)
	}
	if _, ok := askedOfLike(words("what about parking at weekends?"), "what about parking at weekends?", "how much is a room"); ok {
		t.Error("an ellipsis of two words was read as one")
	}
}

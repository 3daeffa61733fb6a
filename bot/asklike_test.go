package bot

import (
	"os"
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

// A bare "where?" after an answer that says where is answered by that
// answer again, not by the sentence after it.
func TestBareWhereAfterAnAnswerThatSaysWhere(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("../match/testdata/heldout5/course-syllabus.md")
	if err != nil {
		t.Fatal(err)
	}
	b := conversationBot(t, "course-syllabus.md", string(data))
	rs := askAll(b, "test:where", "who leads the module", "what are her office hours", "where?")
	if r := rs[2]; !r.Answered || !strings.Contains(r.Citations[0].Text, "Room 2.07") {
		t.Errorf("turn 3 (read as %q): %s; want the office hours' sentence again", r.Understood, r.Text)
	}
	for q, want := range map[string]bool{"where": true, "and when?": true, "who": true, "where is it": false, "when does it open": false} {
		if asksOnlyKind(q) != want {
			t.Errorf("asksOnlyKind(%q) = %v", q, !want)
		}
	}
}

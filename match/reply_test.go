package match

import (
	"strings"
	"testing"
)

// A sentence telling of a question holds the question's words; the reply
// after it holds the answer, and comes first, quoted with it.
func TestFollowReply(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "The council met in the library.\n\n"+
		"Mrs. Hale asked when the footbridge over the river would reopen. "+
		"The engineer replied that the repairs should be finished by 3 May.\n\n"+
		"Mr. Dunn asked the engineer if the footbridge was safe, and the engineer said it was.")
	for _, tt := range []struct {
		q, want string
		chain   bool
	}{
		{"When will the footbridge over the river reopen?", "by 3 May", true},
		// About the asking itself: the sentence telling of it answers.
		{"Who asked about the footbridge over the river?", "Mrs. Hale asked", false},
		// Another question word than the one asked: no reply to follow.
		{"Who did Mr. Dunn ask about the footbridge?", "Mr. Dunn asked", false},
	} {
		r := m.Search(tt.q, SearchOptions{})
		if len(r.Hits) == 0 || !strings.Contains(r.Hits[0].Sentence.Text, tt.want) {
			t.Errorf("Search(%q) top = %q, want the sentence with %q", tt.q, r.Hits[0].Sentence.Text, tt.want)
		}
		if r.Chain != tt.chain {
			t.Errorf("Search(%q) chain = %v, want %v", tt.q, r.Chain, tt.chain)
		}
	}
	for text, want := range map[string]string{
		"She asked him to stay for dinner.":         "",
		"He asked the clerk whether it was open.":   "whether",
		"Mr. Pask asked when the toilets reopened.": "when",
	} {
		if got := askedWord(text); got != want {
			t.Errorf("askedWord(%q) = %q, want %q", text, got, want)
		}
	}
}

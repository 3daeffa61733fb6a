package match

import (
	"strings"
	"testing"
)

// "What happens if…" is answered by the sentence saying what follows
// from the case, not by an instruction that names it.
func TestConsequence(t *testing.T) {
	t.Parallel()
	for q, want := range map[string]bool{
		"what happens if the server is down": true, "what will happen if i miss the bus": true,
		"what if we have to cancel": true, "what do i do if i lose my key": true,
		"so what happens when the timer runs out": true,
		"what happens to the old office":          false, "what happened at the meeting": false,
		"if i email it what happens": false,
	} {
		if got := asksConsequence(strings.Fields(q)); got != want {
			t.Errorf("asksConsequence(%q) = %v, want %v", q, got, want)
		}
	}
	for text, want := range map[string]bool{
		"If the server is unreachable, Tallyho keeps the entries locally.": true,
		"Anyone who fails the check must book the full induction.":         true,
		"Anything without a label will not be moved.":                      true,
		"Label every crate with your name.":                                false,
		"Please let us know if something gets broken.":                     false,
	} {
		if got := statesConsequence(text); got != want {
			t.Errorf("statesConsequence(%q) = %v, want %v", text, got, want)
		}
	}
	m := newMatcher(t, "Set the server address and run the sync command to send entries to the server. "+
		"Entries are uploaded to the server in batches of 500. "+
		"If the server is unreachable, the entries are kept locally and sent on the next sync.")
	wantTop(t, m, "what happens if the server is down", "If the server is unreachable")
	wantTop(t, m, "how do i send entries to the server", "Set the server address")
}

// A question in the text does not answer a question: a statement that
// scores nearly as well comes first.
func TestStatementBeforeQuestion(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "“And what does the captain want from the whale?” asked the mate. "+
		"The captain wants revenge on the whale that took his leg. "+
		"The ship sailed from Nantucket in December.")
	wantTop(t, m, "what does the captain want from the whale", "The captain wants revenge")
}

// A question about what someone asked may be answered by the question
// they asked.
func TestQuestionAnswersWhatWasAsked(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "On hearing the finished theme, the composer asked, “Did I write that?” "+
		"Hearing the finished theme again later, the composer asked the workshop for a copy of the tape.")
	wantTop(t, m, "what did the composer ask on hearing the finished theme", "Did I write that?")
}

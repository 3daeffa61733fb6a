package match

import (
	"strings"
	"testing"
)

// "How do I cancel" and "i want to cancel my membership" ask how to do
// it, which a sentence opening "To cancel, …" says, where another that
// shares the words ("membership being cancelled without refund") does
// not.
func TestHowToPrefersTheSentenceSayingHow(t *testing.T) {
	t.Parallel()
	for q, want := range map[string]string{
		"how do i cancel my membership":  "cancel",
		"i want to cancel my membership": "cancel",
		"we need to move the desks":      "move",
		"i want a refund":                "",
		"how long does it take":          "",
	} {
		if got := howToVerb(strings.Fields(q)); got != want {
			t.Errorf("howToVerb(%q) = %q, want %q", q, got, want)
		}
	}
	m := newMatcher(t, "Staff may ask anyone behaving unsafely to leave, and repeated breaches may lead to membership being cancelled without refund. "+
		"Memberships are personal to the named member. "+
		"To cancel, you must give one full calendar month's notice in writing.")
	wantTop(t, m, "i want to cancel my membership", "To cancel")
	wantTop(t, m, "how do i cancel my membership", "To cancel")
}

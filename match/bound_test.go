package match

import (
	"strings"
	"testing"
)

// A question asking for a minimum or a maximum is answered by the near
// sentence stating a bound of that side, not one sharing its other words.
func TestBoundAnswers(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "Passwords.\n\n"+
		"Passwords expire every 180 days, and you will get a reminder email 10 days before your password expires. "+
		"Passwords must be at least 14 characters long.\n\n"+
		"Printing.\n\n"+
		"Each person may print up to 500 pages a month.")
	wantTop(t, m, "whats the minimum password length?", "at least 14 characters")
	for q, want := range map[string]byte{
		"whats the minimum pw length":          '<',
		"whats the least amount of water":      '<',
		"is there a max?":                      '>',
		"whats the most i can get back":        '>',
		"how did most customers hear about it": 0,
		"what is the most popular dish":        0,
	} {
		if got := boundAsked(strings.Fields(strings.TrimSuffix(q, "?"))); got != want {
			t.Errorf("boundAsked(%q) = %q, want %q", q, got, want)
		}
	}
}

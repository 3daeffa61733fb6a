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

// A bound stated as a comparison the text forbids: "do not take more
// than 8", "must not be larger than 2.4 metres", "never exceed".
func TestNegatedComparisonStatesABound(t *testing.T) {
	t.Parallel()
	for text, side := range map[string]byte{
		"Do not take more than 8 paracetamol tablets in 24 hours.":  '>',
		"Sheds must not be larger than 2.4 metres by 1.8 metres.":   '>',
		"The load must never exceed 20 kg.":                         '>',
		"Ropes may not be shorter than 60 metres.":                  '<',
		"Take two tablets four times a day, at 08:00 and 12:00.":    0,
		"It is more than a mile from the station, not far by taxi.": 0,
	} {
		for _, s := range []byte{'<', '>'} {
			if got := statesBound(text, s); got != (s == side) {
				t.Errorf("statesBound(%q, %c) = %v", text, s, got)
			}
		}
	}
}

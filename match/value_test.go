package match

import (
	"strings"
	"testing"
)

// "whats the code for the key box" is answered by the sentence stating
// the code, not one that speaks of it; a question asking no value keeps
// the ranking's order.
func TestStatedValueAnswers(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "Arriving.\n\n"+
		"The keys are in a key safe to the left of the front door. The code is 4719, and you press the lever down to open it.\n\n"+
		"Leaving.\n\n"+
		"Please return both keys to the key safe and scramble the code when you leave the key box.")
	wantTop(t, m, "whats the code for the key box", "The code is 4719")
	for q, want := range map[string]string{
		"whats the code for the key box":    "code",
		"what is your postcode":             "postcod",
		"what's the wifi password":          "password",
		"what is the best way to get there": "way",
		"how do i open the key box":         "",
		"what time is checkout":             "",
	} {
		if got := valueNoun(strings.Fields(strings.NewReplacer("?", "", "'", "").Replace(q))); got != want {
			t.Errorf("valueNoun(%q) = %q, want %q", q, got, want)
		}
	}
}

// "which release was it" asks for the release's number: the line writing
// "release 24.19.2", not one where a lock was "released"; "which player"
// asks a name and is left to the ranking.
func TestWhichAsksTheNumber(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "Timeline.\n\n"+
		"- 09:05 Deploy pipeline starts release 24.19.2, which includes migration 0417.\n"+
		"- 11:44 Lock released; the release was rolled back and the API fleet restarted.\n")
	wantTop(t, m, "which release was it", "release 24.19.2")
	if w := whichNoun(strings.Fields("which broncos player intercepted newton")); w != "" {
		t.Errorf("whichNoun(player) = %q, want none", w)
	}
	if w := whichNoun(strings.Fields("which buses go there")); w != "buses" {
		t.Errorf("whichNoun(buses) = %q, want buses", w)
	}
}

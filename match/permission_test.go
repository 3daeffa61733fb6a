package match

import (
	"strings"
	"testing"
)

// "Can the dog sleep on the bed" is answered by the rule about dogs, not
// by the sentence that shares "sleep" and says nothing of what is allowed.
func TestAllowedPrefersARule(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "Wren Cottage.\n\n"+
		"The cottage sleeps five: a double room, a twin room and a single room in the attic. "+
		"We welcome up to two well-behaved dogs. "+
		"Dogs must stay downstairs and off the furniture at all times.")
	wantTop(t, m, "can the dog sleep on the bed with us", "must stay downstairs")

	// "when am i allowed" asks when: the hours, not the rule that says
	// "not allowed".
	n := newMatcher(t, "Travel.\n\n"+
		"Personal spending on the corporate card is not allowed, and any personal item charged by mistake must be paid back within 30 days.\n\n"+
		"- Taxis between 11pm and 6am, or when carrying heavy equipment\n"+
		"- Standard class rail tickets, booked at least seven days ahead\n")
	wantTop(t, n, "when am i allowed to get a taxi", "Taxis between 11pm")
}

func TestStatesRuleAndAsksAllowed(t *testing.T) {
	t.Parallel()
	for text, want := range map[string]bool{
		"Dogs must stay downstairs.":                  true,
		"Do not use bleach to descale the kettle.":    true,
		"Please do not park on the verge.":            true,
		"Smoking is not permitted inside.":            true,
		"Never leave the kettle on when empty.":       true,
		"The cottage sleeps five.":                    false,
		"We never want money to stop anyone playing.": false,
	} {
		if got := statesRule(text); got != want {
			t.Errorf("statesRule(%q) = %v, want %v", text, got, want)
		}
	}
	for q, want := range map[string]bool{
		"can the dog sleep on the bed with us": true,
		"is it ok to use a bit of bleach":      true,
		"are dogs allowed on the beach":        true,
		"can i use vinegar instead? how much":  false,
		"when am i allowed to get a taxi":      false,
		"can you tell me the opening times":    false,
		"what time does it open":               false,
	} {
		if got := asksAllowed(strings.Fields(strings.ReplaceAll(q, "?", ""))); got != want {
			t.Errorf("asksAllowed(%q) = %v, want %v", q, got, want)
		}
	}
}

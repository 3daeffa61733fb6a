package match

import (
	"strings"
	"testing"
)

// "Is there a way to get to the semi" is answered by the sentence naming
// a way to travel (a minibus), not by the one that names the semi-final
// most; a semi being also a lorry does not count, the question naming it.
func TestWayTherePrefersATransport(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "Club news.\n\n"+
		"Huge congratulations to the Under-12s, who beat Wexley Colts 4-2 on penalties to reach the county cup semi-final. "+
		"The semi is on Sunday 23 March at Brockwell Park, and a minibus will leave the clubhouse at 9am for anyone who wants to support them.\n\n"+
		"Shifts in the tea hut are 1:30pm to 5pm.")
	wantTop(t, m, "i dont drive, is there a way to get to the semi", "minibus")
	wantTop(t, m, "who did the under 12s beat in the semi", "Huge congratulations")
}

func TestAsksWayThere(t *testing.T) {
	t.Parallel()
	for q, want := range map[string]bool{
		"how do i get there from the mainland": true,
		"is there a way to get to the semi":    true,
		"how do we get around the island":      true,
		"what do i get for volunteering":       false,
		"how do i get a refund":                false,
	} {
		if got := asksWayThere(strings.Fields(q)); got != want {
			t.Errorf("asksWayThere(%q) = %v, want %v", q, got, want)
		}
	}
}

package match

import "testing"

// "How much are tickets?" is the standard price, not a group's, though
// the concession sentence matches as well; a question naming a group, or
// a price "per child", keeps the matcher's order.
func TestPriceQuestionPrefersTheStandardPrice(t *testing.T) {
	t.Parallel()
	m := newDocMatcher(t, "p.md", "# Tickets\n\n"+
		"Standard tickets cost £38 and include lunch, morning coffee and afternoon tea. "+
		"Concession tickets are £20 for students, unwaged attendees and anyone over 70. "+
		"Members of the Heritage Network pay £30. "+
		"Tickets must be booked online by Friday 6 June; a limited number may be sold on the door for £45 if space allows.\n\n"+
		"# Lunch\n\nLunch is a hot buffet.\n")
	wantTop(t, m, "how much r tickets", "Standard tickets")
	wantTop(t, m, "how much are student tickets", "Concession")
	for text, want := range map[string]bool{
		"Concession tickets are £20 for students.":                  true,
		"The trip costs £14.50 per child.":                          false,
		"General admission costs £9 for adults and £7 for seniors.": false,
		"Trips cost £24 for adults and £15 for children.":           false,
		"A family ticket costs £22.":                                true,
	} {
		if got := namesGroup(text); got != want {
			t.Errorf("namesGroup(%q) = %v, want %v", text, got, want)
		}
	}
}

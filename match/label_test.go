package match

import "testing"

// A line labelled with the thing asked about ("Check-up: £55") answers
// before a longer sentence that mentions the thing on the way to
// something else; not a labelled line holding only part of the question,
// nor a speaker's name before what they said.
func TestLabelledLineAnswers(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "FEES\n\n"+
		"Appointments missed or cancelled with less than 24 hours' notice will be charged at £30 for a check-up and £50 for any longer appointment.\n\n"+
		"Check-up: £55\n"+
		"Check-up with two small X-rays: £75\n"+
		"Simple extraction: £140\n\n"+
		"We accept cards and cash.")
	wantTop(t, m, "how much is a checkup", "Check-up: £55")
	wantTop(t, m, "how much is a check-up if i miss it", "Appointments missed")

	// A speaker's name labels what they said, not a value.
	for text, want := range map[string]bool{
		"Sunday: Closed":                                             true,
		"Simple extraction: £140":                                    true,
		"Parking: free for patients.":                                true,
		"MORWENNA: Now I teach evening classes.":                     false,
		"Note: this is a long line that goes on and on about things": false,
	} {
		if _, got := lineLabel(text); got != want {
			t.Errorf("lineLabel(%q) = %v, want %v", text, got, want)
		}
	}
}

// A question naming a table's row by its first cell and asking one of its
// columns ("storage", or a sum for "how much") is answered by the row,
// not by a sentence that only names the row's thing; a "why" is not.
func TestNamedRowAnswersItsColumn(t *testing.T) {
	t.Parallel()
	m := newDocMatcher(t, "gym.md", "# Memberships\n\n"+
		"Students get 20% off the Plus and Premium memberships when they show a valid card.\n\n"+
		"| Membership | Price per month | Classes | Guest passes |\n|---|---|---|---|\n"+
		"| Basic | £19 | None | None |\n| Plus | £29 | Four a month | Two a year |\n| Premium | £45 | Unlimited | Ten a year |\n\n"+
		"Premium members may also book the sauna, which is why Premium costs more than Plus.\n")
	wantTop(t, m, "how many guest passes do i get with premium", "Ten a year")
	wantTop(t, m, "what classes come with plus membership", "Four a month")
	wantTop(t, m, "why does premium cost more", "sauna")
}

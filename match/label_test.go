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

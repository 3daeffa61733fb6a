package match

import "testing"

// "my vacuum won't turn on" is answered by the sentence about a vacuum
// that does not turn on, not by one that turns it on, when both share
// the question's words about as well; a question without a negation keeps
// the ranking's order.
func TestNegatedQuestionPrefersANegatedSentence(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "AirGlide X7 user guide. "+
		"The vacuum remembers the last mode you used when you turn it on again. "+
		"Press the trigger to start cleaning. "+
		"If the vacuum does not turn on, check that the battery is charged and clicked fully into place.")
	for _, tt := range []struct{ q, want string }{
		{"my vacuum wont turn on", "does not turn on"},
		{"my vacuum won't turn on", "does not turn on"},
	} {
		wantTop(t, m, tt.q, tt.want)
	}
}

func TestSentenceNegated(t *testing.T) {
	t.Parallel()
	for text, want := range map[string]bool{
		"If the vacuum does not turn on, check the battery.": true,
		"It won't charge when it is too cold.":               true,
		"You can't use a hair dryer.":                        true,
		"Turn it on again.":                                  false,
		"Nothing is noted here.":                             true,
		"No other interests were declared.":                  true,
		"He took no part in the vote.":                       false,
	} {
		if got := sentenceNegated(text); got != want {
			t.Errorf("sentenceNegated(%q) = %v, want %v", text, got, want)
		}
	}
}

// "can we bring the dog" is answered by the text's first word on dogs,
// that they are welcome, not by a limit stated after it; a limit that
// answers a question about something more particular ("top roping on a
// guest pass") stays first over an earlier sentence that allows nothing.
func TestPermissionPrefersTheGeneralRule(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "Well-behaved dogs are welcome in the cottage, with a maximum of two per booking. "+
		"Dogs must not go upstairs or on the furniture, and we ask that they are never left alone in the cottage. "+
		"Peak members receive two free guest passes per calendar month. "+
		"Guest passes are valid for bouldering only and cannot be carried over.")
	wantTop(t, m, "can we bring the dog", "are welcome")
	wantTop(t, m, "can my mate do top roping on a guest pass", "bouldering only")
}

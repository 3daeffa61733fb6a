package match

import "testing"

func TestStatesAge(t *testing.T) {
	for text, want := range map[string]bool{
		"She retired in 1966, when she was sixty-two years old.":                      true,
		"Kowalczyk, a 34-year-old primary school teacher, received 812 votes.":        true,
		"Full membership is open to anyone aged 16 or over.":                          true,
		"He died at the age of 86 in New York.":                                       true,
		"Sue Lyon, was fourteen at the time of filming.":                              true,
		"Manning, 39, became the oldest quarterback.":                                 true,
		"Dylan and Cole Sprouse (born August 4, 1992) are American actors.":           true,
		"By then she was in her late sixties.":                                        true,
		"The starter was two weeks old.":                                              true,
		"Geoffrey Ashworth, a retired solicitor, represented Quarry Hill until 2019.": false,
		"He died in 1831 and is buried in the Quaker burial ground.":                  false,
		"The price was 40 pounds a night.":                                            false,
		"I found this building in 2009.":                                              false,
		"The old mill was 12 miles away.":                                             false,
		"They won by 23 votes, 412 to 389.":                                           false,
	} {
		if got := statesAge(text); got != want {
			t.Errorf("statesAge(%q) = %v, want %v", text, got, want)
		}
	}
}

// "How old is X?" about a person wants an age, of X when a name is asked:
// the sentence that introduces Ashworth does not answer it, nor does the
// other candidate's age; a thing's age may be a date.
func TestAgeOfAPersonNeedsAnAge(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "Election night.\n\n"+
		"Green candidate Anna Kowalczyk, a 34-year-old teacher, received 812 votes. "+
		"Civic candidate Geoffrey Ashworth, a retired solicitor who represented Quarry Hill until 2019, received 789.\n\n"+
		"The town hall was built in 1871 and the count was held there.")
	for q, want := range map[string]bool{
		"how old is ashworth":             false,
		"how old is Geoffrey Ashworth?":   false,
		"how old is kowalczyk":            true,
		"how old is the town hall":        true,
		"how old was the teacher who won": true,
	} {
		r := m.Search(q, SearchOptions{})
		if got := r.Confidence >= 0.35; got != want {
			t.Errorf("Search(%q) confidence %.3f, want answered %v:\n%s", q, r.Confidence, want, r.Explain())
		}
	}
	wantTop(t, m, "how old is kowalczyk", "34-year-old")
}

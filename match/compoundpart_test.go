package match

import "testing"

// A closed compound the text lacks is read as its part the text has when
// the vectors put them near in meaning ("lunchtime" as "lunch"), not a
// preposition ("alongside") nor a part far in meaning ("carpet").
func TestCompoundPart(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "Opening hours.\n\n"+
		"We close for lunch from 1:00pm to 2:00pm on weekdays, although the phone line stays open. "+
		"The practice is closed on bank holidays, and open every other day.\n\n"+
		"The car park is along the river behind the building.")
	r := m.Search("are you open over lunchtime", SearchOptions{})
	if r.Confidence < 0.35 {
		t.Errorf("confidence %.3f, want answered:\n%s", r.Confidence, r.Explain())
	}
	wantTop(t, m, "are you open over lunchtime", "close for lunch")
	for _, w := range []string{"alongside", "carpets", "birthday"} {
		if _, part, ok := m.compoundPart(w, true); ok {
			t.Errorf("compoundPart(%q) = %q, want none", w, part)
		}
	}
	if _, _, ok := m.compoundPart("lunchtime", false); ok {
		t.Error("compoundPart read a word for a book")
	}
}

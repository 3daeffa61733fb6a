package match

import "testing"

// A clipping with two senses is read as the one the text holds: "ref" is
// the referee of a match report, and the reference of a booking.
func TestClippingSenseTheTextHolds(t *testing.T) {
	t.Parallel()
	match := newMatcher(t, "Match report.\n\n"+
		"The home side won 2-1 in front of a crowd of 3,000. "+
		"The referee, Sam Holt, sent off two players in the second half. "+
		"The visitors play at home next Saturday.")
	wantTop(t, match, "who was the ref", "referee")
	if r := match.Search("who was the ref", SearchOptions{}); r.Confidence < 0.35 {
		t.Errorf("who was the ref: confidence %.2f, want it answered:\n%s", r.Confidence, r.Explain())
	}
	booking := newMatcher(t, "Your booking.\n\n"+
		"Your booking reference is QX7 and appears on every email we send. "+
		"The referee for any dispute is the county small claims court. "+
		"Check-in opens at 3pm.")
	wantTop(t, booking, "whats my booking ref", "reference is QX7")
}

// A word that looks like a form of the text's word but means something
// else is not read as it: showers are no shows, though a teacher teaches.
func TestFormsAlikeInMeaning(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "Members' handbook.\n\n"+
		"The studio shows films on Friday evenings in the main hall. "+
		"Anyone who wants to teach a class should speak to the manager first. "+
		"The kitchen is cleaned every night.")
	if r := m.Search("do u have showers", SearchOptions{}); r.Confidence >= 0.35 {
		t.Errorf("do u have showers: confidence %.2f, want refused:\n%s", r.Confidence, r.Explain())
	}
	wantTop(t, m, "who do teachers talk to", "teach a class")
}

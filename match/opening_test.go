package match

import "testing"

// "What time do u open on saturday" is answered by the opening hours,
// under their heading, not by the hours bookings are not taken.
func TestOpeningTimePrefersTheOpeningHours(t *testing.T) {
	t.Parallel()
	m := newDocMatcher(t, "c.md", "# Hill Café\n\n## Opening hours\n\n"+
		"- Tuesday to Friday: 8am to 4pm\n- Saturday: 9am to 5pm\n- Monday: closed\n\n"+
		"## Bookings\n\nGroups of six to twelve can book by phone. "+
		"We can't take bookings on Saturdays between 10am and 1pm, our busiest time.\n")
	wantTop(t, m, "what time do u open on saturday", "Saturday: 9am to 5pm")
	wantTop(t, m, "can i book on saturday at 11", "can't take bookings")
}

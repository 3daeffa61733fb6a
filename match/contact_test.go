package match

import "testing"

// A question asking for an email address, a phone number or a web
// address is answered by a sentence holding one, not by one that only
// speaks of emailing; a question whose verb is "email" asks no address.
func TestContactDetails(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		q    []string
		want byte
	}{
		{[]string{"whats", "the", "email"}, 'e'},
		{[]string{"helpdesk", "email", "address", "pls"}, 'e'},
		{[]string{"what", "is", "the", "phone", "number"}, 'p'},
		{[]string{"whats", "the", "helpdesk", "ext"}, 'p'},
		{[]string{"website"}, 'w'},
		{[]string{"is", "there", "a", "link", "to", "the", "study"}, 'w'},
		{[]string{"links", "for", "the", "tools"}, 'w'},
		{[]string{"how", "do", "i", "link", "my", "account"}, 0}, // the verb
		{[]string{"if", "i", "email", "it", "how", "long", "till", "they", "reply"}, 0},
		// "number" alone is a phone's, unless it counts or names a thing.
		{[]string{"taxi", "number"}, 'p'},
		{[]string{"whats", "her", "number"}, 'p'},
		{[]string{"what", "number", "do", "i", "call"}, 'p'},
		{[]string{"what", "is", "the", "number", "of", "rooms"}, 0},
		{[]string{"whats", "my", "room", "number"}, 0},
		{[]string{"what", "number", "bus", "goes", "there"}, 0},
		{[]string{"how", "many", "people", "can", "a", "table", "number", "seat"}, 0},
	} {
		if got := contactKind(tt.q); got != tt.want {
			t.Errorf("contactKind(%q) = %q, want %q", tt.q, got, tt.want)
		}
	}
	m := newMatcher(t, "To cancel, you must give one full calendar month's notice in writing or by email. "+
		"Cancelled memberships end on the last day of the notice period. "+
		"Email us at members@graniteloft.example or call 01632 960 123.")
	wantTop(t, m, "whats the email to cancel membership", "members@graniteloft.example")
	wantTop(t, m, "whats the phone number", "01632 960 123")
	wantTop(t, m, "can i cancel by email", "To cancel")

	m = newMatcher(t, "Taxis are available from the rank at the station, but there are only a few local drivers. "+
		"We recommend booking in advance with Wenlow Cabs on 01632 960 418.\n\nThe barn is signposted from the village.")
	wantTop(t, m, "taxi number?", "01632 960 418")

	// "phone number" asks for the number, which the text writes, not
	// the word; an email asked of a text that gives only a phone number
	// is not answered.
	m = newMatcher(t, "Contact us.\n\nPhone: 01632 960 418\n\nOur customer service team can be reached on 0800 612 4470.\n\nThe shop opens at 9am.")
	if r := m.Search("whats ur phone number", SearchOptions{}); r.Confidence < 0.35 {
		t.Errorf("phone number: confidence %.3f, want answered:\n%s", r.Confidence, r.Explain())
	}
	if r := m.Search("is there an email address for customer service?", SearchOptions{}); r.Confidence >= 0.35 {
		t.Errorf("email: confidence %.3f, want refused:\n%s", r.Confidence, r.Explain())
	}
	if r := m.Search("whats the customer service teams email", SearchOptions{}); r.Confidence >= 0.35 {
		t.Errorf("email: confidence %.3f, want refused:\n%s", r.Confidence, r.Explain())
	}
	n := newMatcher(t, "Booking.\n\nParking spaces must be booked in advance by phone.\n\nThe shop opens at 9am.")
	if r := n.Search("whats the phone number for parking", SearchOptions{}); r.Confidence >= 0.35 {
		t.Errorf("phone number: confidence %.3f, want refused:\n%s", r.Confidence, r.Explain())
	}
	n = newMatcher(t, "Safety.\n\nIn an emergency, dial 999 and ask for the coastguard.\n\nThe shop opens at 9am.")
	if r := n.Search("what number should i call in an emergency", SearchOptions{}); r.Confidence < 0.35 {
		t.Errorf("emergency number: confidence %.3f, want answered:\n%s", r.Confidence, r.Explain())
	}
	for _, q := range [][]string{{"what", "cbs", "website", "provided", "a", "stream"}, {"what", "did", "he", "say", "in", "his", "email"}} {
		if asksAddress(q) {
			t.Errorf("asksAddress(%q) = true, want false", q)
		}
	}
	// Whose address, by name: "what's Mrs Anand's email" ("'s" read as
	// "is", the possessive dropped).
	if !asksAddress([]string{"what", "is", "mrs", "anand", "email"}) {
		t.Error(`asksAddress("what is mrs anand email") = false, want true`)
	}
	n = newMatcher(t, "Money.\n\nFamilies who find the cost difficult can ask for help by speaking to Mrs Priya Anand in the finance office.\n\n"+
		"Kit.\n\nPupils will need a waterproof coat and walking boots.")
	if r := n.Search("what's mrs anand's email", SearchOptions{}); r.Confidence >= 0.35 {
		t.Errorf("her email: confidence %.3f, want refused:\n%s", r.Confidence, r.Explain())
	}
	n = newMatcher(t, "Contact.\n\nMr Hale leads the trip.\n\nEmail Mr Hale at office@school.example with any questions.")
	wantTop(t, n, "what's mr hale's email", "office@school.example")
	if k := contactKind([]string{"when", "was", "the", "web", "invented"}); k != 0 {
		t.Errorf(`"the web" asked for contact kind %q`, k)
	}

	m = newMatcher(t, "# Show notes\n\nShe ran a study of old sourdough starters, and the study she ran is still going.\n\n"+
		"- [The Starter Survey](https://starters.example/survey): her study\n- [Her bakery](https://bakery.example)\n")
	wantTop(t, m, "is there a link to the study she ran", "https://starters.example/survey")
}

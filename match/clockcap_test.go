package match

import (
	"strings"
	"testing"
)

// "What time" wants a time of day: days alone do not answer it.
func TestWhatTimeWantsAClock(t *testing.T) {
	pantry := `Elm Street Community Centre

The Community Pantry, in the old scout hut behind the centre, is open on Tuesdays and Thursdays. The pantry is run by volunteers from St Mark's Church, and anyone may use it. It was opened in 2019 by the mayor, and the pantry now feeds forty families a week.
`
	m := newDocMatcher(t, "centre.txt", pantry)
	if r := m.Search("what time does the pantry open", SearchOptions{}); r.Confidence >= 0.35 {
		t.Errorf("days only: confidence %.2f, first %q; want refused", r.Confidence, m.sents[r.Hits[0].Index].Text)
	}
	m = newDocMatcher(t, "centre.txt", pantry+"\nOn those days the pantry opens its doors at 2pm.\n")
	r := m.Search("what time does the pantry open", SearchOptions{})
	if r.Confidence < 0.35 || !strings.Contains(m.sents[r.Hits[0].Index].Text, "2pm") {
		t.Errorf("a time given: confidence %.2f, first %q; want the 2pm sentence answered", r.Confidence, m.sents[r.Hits[0].Index].Text)
	}
	for q, want := range map[string]bool{
		"what time does the pantry open":            true,
		"until what time can i get breakfast":       true,
		"what time of day do they meet":             true,
		"what time period do the objects come from": false,
		"during what time did the forest spread":    false,
		"what time of year is best":                 false,
		"when does the pantry open":                 false,
	} {
		if got := asksWhatTime(strings.Fields(q)); got != want {
			t.Errorf("asksWhatTime(%q) = %v, want %v", q, got, want)
		}
	}
}

// "How much is X" wants an amount: a sentence about X naming none does not
// answer it.
func TestPriceWantsAnAmount(t *testing.T) {
	walks := `Walks from the farm

Hensley Cove: 3 miles along the cliff path, with a bus back every hour in summer. The cove has a beach cafe and toilets.

Tor Point: 5 miles inland over the moor. There is no bus, so plan to walk both ways.
`
	m := newDocMatcher(t, "walks.txt", walks)
	if r := m.Search("how much is the bus back from hensley cove", SearchOptions{}); r.Confidence >= 0.35 {
		t.Errorf("no fare: confidence %.2f, first %q; want refused", r.Confidence, m.sents[r.Hits[0].Index].Text)
	}
	m = newDocMatcher(t, "walks.txt", walks+"\nThe bus back from Hensley Cove costs £3.50 a person.\n")
	r := m.Search("how much is the bus back from hensley cove", SearchOptions{})
	if r.Confidence < 0.35 || !strings.Contains(m.sents[r.Hits[0].Index].Text, "£3.50") {
		t.Errorf("a fare given: confidence %.2f, first %q; want the £3.50 sentence answered", r.Confidence, m.sents[r.Hits[0].Index].Text)
	}
}

// A question about one day is not answered by a sentence naming others
// only, unless it asks yes or no.
func TestOtherDaysRefused(t *testing.T) {
	m := newDocMatcher(t, "shop.txt", `Harbour Farm Shop

The farm shop opens at 9am on Saturdays and closes at 4pm. Eggs and milk come from our own herd.

Monday to Friday the shop opens at 8am.
`)
	if r := m.Search("what time does the shop open on sunday", SearchOptions{}); r.Confidence >= 0.35 {
		t.Errorf("sunday: confidence %.2f, first %q; want refused", r.Confidence, m.sents[r.Hits[0].Index].Text)
	}
	for q, want := range map[string]string{
		"what time does the shop open on saturday":  "9am",
		"what time does the shop open on wednesday": "8am", // a span of days holds it
	} {
		r := m.Search(q, SearchOptions{})
		if r.Confidence < 0.35 || !strings.Contains(m.sents[r.Hits[0].Index].Text, want) {
			t.Errorf("%q: confidence %.2f, first %q; want %q answered", q, r.Confidence, m.sents[r.Hits[0].Index].Text, want)
		}
	}
}

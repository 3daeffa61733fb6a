package match

import (
	"strings"
	"testing"
)

// answerThreshold is the bot's default confidence to answer at.
const answerThreshold = 0.35

// wantRefused checks that m judges it does not answer q.
func wantRefused(t *testing.T, m *Matcher, q string) {
	t.Helper()
	if r := m.Search(q, SearchOptions{}); r.Confidence >= answerThreshold {
		t.Errorf("%q: confidence %.2f, first %q; want refused", q, r.Confidence, m.sents[r.Hits[0].Index].Text)
	}
}

// wantAnswered checks that m answers q with a first sentence holding want.
func wantAnswered(t *testing.T, m *Matcher, q, want string) {
	t.Helper()
	r := m.Search(q, SearchOptions{})
	if len(r.Hits) == 0 || r.Confidence < answerThreshold || !strings.Contains(m.sents[r.Hits[0].Index].Text, want) {
		t.Errorf("%q: confidence %.2f, hits %v; want %q answered", q, r.Confidence, r.Hits, want)
	}
}

// "What time" wants a time of day: days alone do not answer it.
func TestWhatTimeWantsAClock(t *testing.T) {
	pantry := `Elm Street Community Centre

The Community Pantry, in the old scout hut behind the centre, is open on Tuesdays and Thursdays. The pantry is run by volunteers from St Mark's Church, and anyone may use it. It was opened in 2019 by the mayor, and the pantry now feeds forty families a week.
`
	wantRefused(t, newDocMatcher(t, "centre.txt", pantry), "what time does the pantry open")
	wantAnswered(t, newDocMatcher(t, "centre.txt", pantry+"\nOn those days the pantry opens its doors at 2pm.\n"),
		"what time does the pantry open", "2pm")
	// A time given by its distance from another is a time of day.
	hut := "Riverside Pantry\n\nThe pantry is run by volunteers from the church, and anyone may use it.\n\n"
	wantAnswered(t, newDocMatcher(t, "hut.txt", hut+"The pantry opens two hours before the evening service.\n"),
		"what time does the pantry open", "two hours before")
	wantRefused(t, newDocMatcher(t, "hut.txt", hut+"The pantry stays open for two hours.\n"),
		"what time does the pantry open")
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
	wantRefused(t, newDocMatcher(t, "walks.txt", walks), "how much is the bus back from hensley cove")
	wantAnswered(t, newDocMatcher(t, "walks.txt", walks+"\nThe bus back from Hensley Cove costs £3.50 a person.\n"),
		"how much is the bus back from hensley cove", "£3.50")
}

// A question about one day is not answered by a sentence naming others
// only, unless it asks yes or no.
func TestOtherDaysRefused(t *testing.T) {
	m := newDocMatcher(t, "shop.txt", `Harbour Farm Shop

The farm shop opens at 9am on Saturdays and closes at 4pm. Eggs and milk come from our own herd.

Monday to Friday the shop opens at 8am.
`)
	wantRefused(t, m, "what time does the shop open on sunday")
	wantAnswered(t, m, "what time does the shop open on saturday", "9am")
	wantAnswered(t, m, "what time does the shop open on wednesday", "8am") // a span of days holds it
}

// "How far" wants a distance, or a time to get there; "how hot" a
// temperature.
func TestMeasureWantsItsUnit(t *testing.T) {
	isle := `Ferries

The ferry to Corran Isle leaves the harbour at seven each morning. It reaches the island a little after eight, weather allowing.

The pool

The outdoor pool opens in May and is heated by solar panels.
`
	m := newDocMatcher(t, "isle.txt", isle)
	wantRefused(t, m, "how far is corran isle from the harbour")
	wantRefused(t, m, "whats the temperature of the pool")
	m = newDocMatcher(t, "isle.txt", isle+"\nCorran Isle lies 12 miles off the coast. The pool is kept at 28 degrees.\n")
	wantAnswered(t, m, "how far is corran isle from the harbour", "12 miles")
	wantAnswered(t, m, "whats the temperature of the pool", "28 degrees")
	for q, want := range map[string]bool{
		"how far is the station": true, "how far away is it": true, "how far to the beach": true,
		"how far west did the empire extend": false, "how far back can i restore": false, "how high is it": false,
	} {
		if got := asksHowFar(strings.Fields(q)); got != want {
			t.Errorf("asksHowFar(%q) = %v, want %v", q, got, want)
		}
	}
}

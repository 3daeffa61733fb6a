package match

import (
	"strings"
	"testing"
)

// "How long" wants a length of time, not the price of one: "£5 per month"
// says how much, "for up to three months" how long.
func TestHowLongIsNotARate(t *testing.T) {
	m := newDocMatcher(t, "plans.txt", `Pausing your plan

If you are ill or travelling, you can pause your plan for up to three months. A pause costs £4 per month, except for medical pauses, which are free.

The walk to the harbour takes about an hour and a quarter. A taxi costs £12 a trip and there are two a day.
`)
	for q, want := range map[string]string{
		"how long can i pause for":        "up to three months",
		"how long is the walk to harbour": "about an hour",
	} {
		r := m.Search(q, SearchOptions{})
		if len(r.Hits) == 0 || !strings.Contains(m.sents[r.Hits[0].Index].Text, want) {
			t.Errorf("%q: first %q, want the sentence with %q", q, m.sents[r.Hits[0].Index].Text, want)
		}
	}
	for text, want := range map[string]bool{
		"A pause costs £4 per month.":          true,
		"Classes run twice a week.":            true,
		"It takes about an hour.":              false,
		"Stay for a week.":                     false,
		"It costs £4 per month for 12 months.": false,
		"Entry is free for children under 14.": false,
	} {
		if got := onlyRates(text); got != want {
			t.Errorf("onlyRates(%q) = %v, want %v", text, got, want)
		}
	}
}

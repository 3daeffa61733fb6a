package match

import (
	"strings"
	"testing"
)

const floodHistory = `River Wend Flood History

The Wend has burst its banks many times. Serious floods were recorded in 1953, 1968 and 1998, when the old mill bridge was swept away.

The most recent flood began on 4 March 2007 and lasted nine days. It closed the high street and forced 140 households to leave their homes.

In 1968 the water rose to 2.4 metres above its normal level at the town gauge. A new flood wall, finished in 2012, now protects the town centre. Dr Ana Ruiz has run the river trust since 2015.
`

// A question about one year is not answered by a sentence about another.
func TestOtherYearRefused(t *testing.T) {
	m := newDocMatcher(t, "flood.txt", floodHistory)
	for _, q := range []string{
		"how long did the 1998 flood last",   // only 2007's flood has a length
		"how high did the water get in 2007", // only 1968's has a height
	} {
		r := m.Search(q, SearchOptions{})
		if r.Confidence >= 0.35 {
			t.Errorf("%q: confidence %.2f, first %q; want refused", q, r.Confidence, m.sents[r.Hits[0].Index].Text)
		}
	}
	for q, want := range map[string]string{
		"how high did the water rise in 1968":  "2.4 metres",
		"how long did the 2007 flood last":     "lasted nine days",
		"who ran the river trust in 2019":      "Dr Ana Ruiz", // a period: "since 2015"
		"who ran the river trust in the 2010s": "Dr Ana Ruiz",
	} {
		r := m.Search(q, SearchOptions{})
		if r.Confidence < 0.35 || !strings.Contains(m.sents[r.Hits[0].Index].Text, want) {
			t.Errorf("%q: confidence %.2f, first %q; want %q answered", q, r.Confidence, m.sents[r.Hits[0].Index].Text, want)
		}
	}
}

// A near candidate naming the year asked, and the kind of answer, comes first.
func TestOtherYearPrefersTheYear(t *testing.T) {
	text := floodHistory + "\nIn 1998 the water stayed in the lower town for a fortnight.\n"
	m := newDocMatcher(t, "flood.txt", text)
	r := m.Search("how long did the 1998 flood last", SearchOptions{})
	if got := m.sents[r.Hits[0].Index].Text; !strings.Contains(got, "fortnight") || r.Confidence < 0.35 {
		t.Errorf("first %q at %.2f; want the 1998 sentence answered", got, r.Confidence)
	}
}

// "When" asks for a date, which may well be another year than the one the
// question names to say which event it means.
func TestOtherYearWhenAsksAnotherYear(t *testing.T) {
	m := newDocMatcher(t, "bridge.txt", `Wend Bridge

In a gale on 3 March 1903 a section of the deck fell into the river. Nobody was hurt.

After two years of repairs paid for by the county, the bridge reopened to traffic in May 1905.
`)
	r := m.Search("when did it reopen after the 1903 collapse", SearchOptions{})
	if got := m.sents[r.Hits[0].Index].Text; !strings.Contains(got, "1905") || r.Confidence < 0.35 {
		t.Errorf("first %q at %.2f; want the 1905 sentence answered", got, r.Confidence)
	}
}

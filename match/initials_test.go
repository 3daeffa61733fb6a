package match

import (
	"strings"
	"testing"
)

// An abbreviation the text does not use is read as the words the text
// spells it out with: "a&e" as "accident and emergency", "HR" as "Human
// Resources"; not when the words are not a name ("heavy rain" is not
// "HR") or the text has two runs that fit.
func TestInitialsTheTextSpellsOut(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "Welcome to Bramble Cottage. "+
		"The nearest shop is Little Aldwick Stores, half a mile down the lane. "+
		"The nearest hospital with an accident and emergency department is Marston General, 11 miles away. "+
		"Expenses are approved by Human Resources within a week. "+
		"Grants come from the Department for Education. "+
		"Heavy rain can flood the lane in winter.")
	initials := func(r *Result) string {
		for _, c := range r.Corrections {
			if c.Method == "the text's initials" {
				return c.To
			}
		}
		return ""
	}
	for _, tt := range []struct{ q, words, want string }{
		{"nearest a&e?", "accident emergency", "hospital"},
		{"Who approves expenses in HR?", "human resources", "Human Resources"},
		{"where is the nearest A&E", "accident emergency", "hospital"},
		{"what does the DfE give", "department education", "Grants"},
	} {
		r := m.Search(tt.q, SearchOptions{})
		if got := initials(r); got != tt.words {
			t.Errorf("Search(%q) read the initials as %q, want %q", tt.q, got, tt.words)
		}
		if len(r.Hits) == 0 || !strings.Contains(r.Hits[0].Sentence.Text, tt.want) {
			t.Errorf("Search(%q) top is not the sentence with %q: %+v", tt.q, tt.want, r.Hits)
		}
	}
	// A question all in capitals has no abbreviation to tell apart.
	if r := m.Search("WHERE IS THE NEAREST HR OFFICE", SearchOptions{}); initials(r) != "" {
		t.Errorf("a shouted question read initials: %+v", r.Corrections)
	}
	// "heavy rain": lower case words are no name for capitals.
	m2 := newMatcher(t, "Heavy rain can flood the lane in winter. The lane is closed in floods.")
	if r := m2.Search("who do I call in HR", SearchOptions{}); initials(r) != "" {
		t.Errorf("\"HR\" read as %q", initials(r))
	}
	// Two runs that fit: neither is the abbreviation's.
	m3 := newMatcher(t, "Sales rose at Acme Engineering. Profits fell at Alder Estates.")
	if r := m3.Search("how did AE do", SearchOptions{}); initials(r) != "" {
		t.Errorf("\"AE\" read as %q, though two runs fit", initials(r))
	}
}

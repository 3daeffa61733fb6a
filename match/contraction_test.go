package match

import (
	"strings"
	"testing"
)

// A word the text writes only as its own abbreviation ("Supt." for
// superintendent) is found from the word spelt out, or its plural; a short
// word that is no abbreviation of the text ("per") is not a contraction of
// anything.
func TestContractions(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "Supt. Hale opened the new station in 1998. "+
		"The station cost £2 per visitor to run. "+
		"Supt. Hale retired in May after thirty years.")
	r := m.Search("When did the superintendent retire?", SearchOptions{})
	if !strings.Contains(r.Explain(), "superintendent → supt (contraction)") {
		t.Errorf("superintendent is not read as Supt.:\n%s", r.Explain())
	}
	r = m.Search("Which superintendents retired?", SearchOptions{})
	if !strings.Contains(r.Explain(), "superintendents → supt (contraction)") {
		t.Errorf("the plural superintendents is not read as Supt.:\n%s", r.Explain())
	}
	if _, _, ok := m.contraction("premier"); ok {
		t.Error("premier is read as a contraction")
	}
}

// A closed compound the text writes open ("skatepark", "skate park") is
// found as its two words; a word that only splits into two text words
// unrelated to it ("carpet": car, pet) is not.
func TestCompounds(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "Three quotes were obtained for a skate park behind the hall. "+
		"The car park is free after six. "+
		"A pet shop opened in the old bank.")
	r := m.Search("whats the cheapest skatepark quote", SearchOptions{})
	if !strings.Contains(r.Explain(), "skatepark → skate park (compound)") || !strings.Contains(r.Hits[0].Sentence.Text, "skate park") {
		t.Errorf("skatepark is not read as skate park:\n%s", r.Explain())
	}
	if len(r.Unknown) != 1 || r.Unknown[0] != "cheapest" {
		t.Errorf("unknown = %v, want [cheapest]", r.Unknown)
	}
	if _, _, ok := m.compound("carpet", new(int)); ok {
		t.Error("carpet is read as car pet")
	}
}

// "I'd like to…", "we'll need…": the pronoun's contraction is no word of
// the question's topic the text lacks ("id"), which the judge would hold
// against it.
func TestPronounContractionIsNoTopic(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "The hall is open from 9am to 5pm on weekdays. "+
		"Bookings are made through the parish office. "+
		"The kitchen can be used for an extra fee of £15.")
	plain := m.Search("who do i ask to book the hall", SearchOptions{})
	r := m.Search("i'd like to book the hall, who do i ask", SearchOptions{})
	if len(r.Hits) == 0 || !strings.Contains(r.Hits[0].Sentence.Text, "parish office") {
		t.Fatalf("no answer:\n%s", r.Explain())
	}
	if strings.Contains(r.Explain(), "id(unknown)") || r.Confidence < plain.Confidence-0.05 {
		t.Errorf("confidence %.3f against %.3f without \"i'd like to\":\n%s", r.Confidence, plain.Confidence, r.Explain())
	}
}

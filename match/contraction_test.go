package match

import (
	"strings"
	"testing"
)

// A word the text writes only as its own abbreviation ("Supt." for
// superintendent) is found from the word spelt out; a short word that is
// no abbreviation of the text ("per") is not a contraction of anything.
func TestContractions(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "Supt. Hale opened the new station in 1998. "+
		"The station cost £2 per visitor to run. "+
		"Supt. Hale retired in May after thirty years.")
	r := m.Search("When did the superintendent retire?", SearchOptions{})
	if !strings.Contains(r.Explain(), "superintendent → supt (contraction)") {
		t.Errorf("superintendent is not read as Supt.:\n%s", r.Explain())
	}
	if _, _, ok := m.contraction("premier"); ok {
		t.Error("premier is read as a contraction")
	}
	if !isASCIILower("supt") || isASCIILower("Supt") || isASCIILower("") {
		t.Error("isASCIILower")
	}
}

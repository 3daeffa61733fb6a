package match

import (
	"testing"

	"github.com/storybot/storybot/english"
)

// "What was it called before" is answered by the sentence giving the
// earlier name, not by the one that names the thing most fully; "what is
// the scientific name" by the binomial in brackets.
func TestFormerAndScientificNames(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "The Corn Hall is a concert venue that forms the centre of Market Square in Thaxby.\n\n"+
		"Known as the Wool Exchange Hall until 1988, it is best known for its organ.\n\n"+
		"It was renamed the Corn Hall after a fire.\n")
	wantTop(t, m, "what was the corn hall in market square called before", "Wool Exchange")
	s := newMatcher(t, "The proper common name is the marsh newt, to tell it from related species.\n\n"+
		"The marsh newt (Lissotriton palustris) is a species of small newt.\n\n"+
		"Marsh newts live in ponds.\n")
	wantTop(t, s, "what is the scientific name of the marsh newt?", "Lissotriton palustris")
	for q, want := range map[string]bool{
		"what was the museum originally called":           true,
		"what was Istanbul's old name":                    true,
		"The tower was previously known as what?":         true,
		"What was the name of the first successful card?": false,
		"what is the museum called":                       false,
		"what is the latin name for the barn owl":         false, // "for": asked by asksScientificName, not here
	} {
		var words []string
		english.Tokenize(q, func(t english.Token) { words = append(words, t.Word) })
		if got := asksFormerName(words); got != want {
			t.Errorf("asksFormerName(%q) = %v, want %v", q, got, want)
		}
	}
	for text, want := range map[string]bool{
		"Known as the RCA Building until 1988, it is famous.":            true,
		"initially it was known as the Museum of Manufactures":           true,
		"It was renamed South Kensington Museum.":                        false,
		"The Wells Fargo Center was originally built in 1972 by a bank.": false,
		"The village, formerly Hatch End, lies on the river.":            true,
	} {
		if got := givesFormerName(text); got != want {
			t.Errorf("givesFormerName(%q) = %v, want %v", text, got, want)
		}
	}
	for text, want := range map[string]bool{
		"The tiger salamander (Ambystoma tigrinum) is a species.": true,
		"The barn owl (Tyto alba, also called the screech owl)":   true,
		"The museum (the V&A) opened in 1852.":                    false,
		"The committee (Finance Committee) met.":                  false,
	} {
		if got := bracketedBinomial(text); got != want {
			t.Errorf("bracketedBinomial(%q) = %v, want %v", text, got, want)
		}
	}
}

package match

import "testing"

// A lower-case "us" in a question is the pronoun ("how many of us can
// stay"), a function word, not a topic: the sentence that says "text us"
// is no answer to it. "US" and "the us" are the country, and searched.
func TestLowerCaseUsIsThePronoun(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "Welcome to Wren Cottage. "+
		"Text us any time. "+
		"The cottage can sleep five people in its double, twin and single bedrooms upstairs. "+
		"We ship to US addresses only.")
	wantTop(t, m, "how many of us can it sleep", "sleep five people")
	for _, tt := range []struct {
		q    string
		want bool // "us" searched
	}{
		{"how many of us can stay", false},
		{"Can us stay", false},
		{"do you ship to the us", true},
		{"do you ship to US addresses", true},
	} {
		res := m.Search(tt.q, SearchOptions{})
		got := false
		for _, term := range res.Terms {
			got = got || term.Word == "us"
		}
		if got != tt.want {
			t.Errorf("%q: us searched = %v, want %v (terms %+v)", tt.q, got, tt.want, res.Terms)
		}
	}
}

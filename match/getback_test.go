package match

import "testing"

// "Get … back" around its object is the phrasal verb, read as the text's
// word for it ("returned"), not "back" as in the back door; with no such
// word in the text, the question's words stay as they are.
func TestGetSomethingBack(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "Deposits.\n\n"+
		"Please leave the bins by the back door on Tuesdays. "+
		"We take a deposit of £1,500 before you move in. "+
		"The Landlord will return the deposit within 10 days of agreeing the amount.")
	wantTop(t, m, "how long till i get the deposit money back", "return the deposit")
	res := m.Search("when do we get our deposit back", SearchOptions{})
	if len(res.Corrections) == 0 || res.Corrections[0].To != "return" {
		t.Errorf("get … back read as %+v, want return", res.Corrections)
	}
	n := newMatcher(t, "Please leave the bins by the back door. We take a deposit of £1,500.")
	res = n.Search("when do we get our deposit back", SearchOptions{})
	for _, c := range res.Corrections {
		if c.Method == "phrasal verb" {
			t.Errorf("a text without a word for giving back: %+v", c)
		}
	}
}

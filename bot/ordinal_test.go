package bot

import (
	"strings"
	"testing"
)

func TestOrdinalItem(t *testing.T) {
	t.Parallel()
	for q, want := range map[string]int{
		"how much is the first one":     1,
		"what about the second hotel?":  2,
		"and the last one?":             -1,
		"is the 2nd option cheaper":     2,
		"what is the first thing to do": 0, // a first step, not an item said before
		"who came first":                0,
	} {
		if got, _ := ordinalItem(words(q)); got != want {
			t.Errorf("ordinalItem(%q) = %d, want %d", q, got, want)
		}
	}
}

const stay = `Where to stay

We have reserved rooms at two nearby hotels. Please quote the code when you book.

The Wenlow Arms is in the centre of the village. Rooms cost £95 per night including breakfast.

Kestrel Court is a larger hotel beside the station. Rooms cost £120 per night, and there is a pool.

The minibus at midnight will stop at both hotels.
`

// "the first one" and "the second hotel" after an answer that introduces
// two hotels are the paragraphs that follow it, in order; after "the
// first one" was answered, "the second" is counted from the list, not
// from that answer.
func TestOrdinalPointsToAnItemAfterTheAnswer(t *testing.T) {
	t.Parallel()
	b := conversationBot(t, "stay.txt", stay)
	rs := askAll(b, "test:items", "which hotels have you reserved rooms at", "how much is the first one", "what about the second hotel?")
	if r := rs[1]; len(r.Citations) == 0 || !strings.Contains(r.Citations[0].Text, "£95") {
		t.Errorf("\"how much is the first one\" answered %s", r.Text)
	}
	if r := rs[2]; len(r.Citations) == 0 || !strings.Contains(r.Citations[0].Text, "Kestrel Court") && !strings.Contains(r.Citations[0].Text, "£120") {
		t.Errorf("\"what about the second hotel?\" answered %s", r.Text)
	}
	// A noun the turn before did not say names no item of it.
	rs = askAll(b, "test:half", "which hotels have you reserved rooms at", "what about the second half")
	if r := rs[1]; len(r.Citations) > 0 && strings.Contains(r.Citations[0].Text, "Kestrel Court") {
		t.Errorf("\"what about the second half\" answered %s", r.Text)
	}
}

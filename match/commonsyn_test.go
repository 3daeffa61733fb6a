package match

import (
	"strings"
	"testing"
)

// A common word the text lacks is searched through those of its WordNet
// synonyms the word vectors put near it ("famous" is the text's
// "notable"), not through its other senses; the commonest words ("time":
// "season", "clock") are not searched so at all.
func TestCommonWordSynonyms(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	for _, s := range []string{"bakers", "farmers", "fishermen", "teachers", "walkers", "artists", "children",
		"visitors", "families", "cyclists", "sailors", "neighbours"} {
		b.WriteString("Some people in the village are " + s + ". ")
	}
	b.WriteString("Notable people from the village over the last two hundred years include the painter Ann Roe and the fiddler Ewan Moss. ")
	b.WriteString("Out of season the village is at its best, and quiet all year. ")
	b.WriteString("June and September are the best months of the year for a visit.")
	m := newMatcher(t, b.String())
	wantTop(t, m, "any famous people from the village", "Notable people")
	wantTop(t, m, "whats the best time of year", "June and September")
}

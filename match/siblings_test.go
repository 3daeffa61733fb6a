package match

import (
	"slices"
	"strings"
	"testing"

	"github.com/storybot/storybot/english"
	"github.com/storybot/storybot/facts"
)

// A weekday or month the text never names is found through the ones it
// does: "open on Mondays?" is answered by the sentence giving the days it
// opens, and the word no longer counts as unknown.
func TestClassSiblings(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "The museum opened in 1921 in the old corn hall. "+
		"The museum is open Tuesday to Saturday from 10am. "+
		"The garden fair is held every year in June. "+
		"The museum shop sells maps and postcards. "+
		"The museum cafe opens daily in summer and at weekends only from November.")
	for _, tt := range []struct{ q, want string }{
		{"Is the museum open on Mondays?", "Tuesday to Saturday"},
		{"is the garden fair in july", "in June"},
		{"Is the museum cafe open on weekdays in winter?", "at weekends only"},
	} {
		r := m.Search(tt.q, SearchOptions{})
		if len(r.Hits) == 0 || !strings.Contains(r.Hits[0].Sentence.Text, tt.want) {
			t.Errorf("Search(%q) top = %q, want the sentence with %q", tt.q, r.Hits[0].Sentence.Text, tt.want)
		}
		if len(r.Unknown) != 0 {
			t.Errorf("Search(%q) unknown = %v, want none", tt.q, r.Unknown)
		}
	}
	// A day the text names is matched as itself, not through the others.
	r := m.Search("what is open on saturday", SearchOptions{})
	for _, c := range r.Corrections {
		if c.Method == "same class" {
			t.Errorf("saturday corrected to %q; the text has it", c.To)
		}
	}
	if m.siblingTerms("museum") != nil {
		t.Error("museum has class siblings")
	}
}

// "what temp should the milk be" names the quantity it asks for; the
// sentence giving the milk's temperature in degrees answers it without
// the word, ahead of one that says "temperature" and "milk" but no degrees.
func TestUnitNoun(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "Keep the milk and the cream at room temperature before you start. "+
		"The temperature of the milk matters more than its brand. "+
		"A milk thermometer shows the temperature of the milk clearly. "+
		"Whisk the eggs with the sugar until pale. "+
		"Warm 200 ml milk to about 40°C. "+
		"The oven should reach 180°C.")
	r := m.Search("what temp should the milk be", SearchOptions{})
	if len(r.Hits) == 0 || !strings.Contains(r.Hits[0].Sentence.Text, "40°C") {
		t.Errorf("top = %q, want the sentence with 40°C", r.Hits[0].Sentence.Text)
	}
}

// A question word the text lacks, rare enough in English to have one
// sense, is searched through its WordNet synonyms ("novice" finds
// "beginners"); a common word's synonyms are not ("visit" is not "call"),
// and the judge counts neither as held.
func TestUnknownSynonyms(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "The guide was written for walkers of every age. "+
		"The coast path is steep in places but fine for beginners. "+
		"Mr Hale called the harbour master about the path. "+
		"The path starts at the harbour wall.")
	r := m.Search("Is the path good for a novice?", SearchOptions{})
	if len(r.Hits) == 0 || !strings.Contains(r.Hits[0].Sentence.Text, "beginners") {
		t.Errorf("novice: top = %q, want the sentence with beginners", r.Hits[0].Sentence.Text)
	}
	if !slices.Contains(r.Unknown, "novice") {
		t.Errorf("novice: unknown = %v, want it among them", r.Unknown)
	}
	for _, w := range []string{"visit", "time"} {
		var q query
		q.vecs = english.LoadVectors()
		m.addUnknownSynonyms(&q, w)
		if len(q.qterms) != 0 || q.loose != 0 {
			t.Errorf("%s: searched through its synonyms %v", w, q.qterms)
		}
	}
}

// "How many" asks for a number that counts things: a sentence whose
// numbers are times of day or years holds no such answer.
func TestHowManyWantsACount(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "Summer visitors to the harbour can see the old boats from 9am to 5pm. "+
		"The old harbour wall was rebuilt after the storm of 1998. "+
		"The sandy beaches and long cliff walks draw around 40,000 visitors each summer.")
	r := m.Search("How many visitors come to the harbour each summer?", SearchOptions{})
	if len(r.Hits) == 0 || !strings.Contains(r.Hits[0].Sentence.Text, "40,000") {
		t.Errorf("top = %q, want the sentence with 40,000", r.Hits[0].Sentence.Text)
	}
	for i := range 2 {
		if mk := m.store.Marks(i); mk&facts.MarkDigit == 0 || mk&facts.MarkCount != 0 {
			t.Errorf("sentence %d, times or a year, marked %b: want digits, no count", i+1, mk)
		}
	}
}

// "What is X called?" asks for a name: the sentence naming it wins over
// ones that only say X.
func TestCalledAsksForAName(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "Our boat is old. "+
		"The boat leaks a little. "+
		"That would be the Merry Widow, the little green boat my father built in the shed behind the house.")
	r := m.Search("whats the boat called", SearchOptions{})
	if len(r.Hits) == 0 || !strings.Contains(r.Hits[0].Sentence.Text, "Merry Widow") {
		t.Errorf("top = %q, want the sentence naming the boat", r.Hits[0].Sentence.Text)
	}
	var words []string
	english.Tokenize("what is the dog called", func(t english.Token) { words = append(words, t.Word) })
	if !readQuestion(words).named {
		t.Error("'what is the dog called' does not ask for a name")
	}
}

// The reranker sees a synonym of a word the text lacks as a near word:
// "novice" is as alike as synonymLikeness to a sentence saying "beginners".
func TestRerankSeesUnknownSynonyms(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "The path is steep in places but fine for beginners. "+
		"The path starts at the harbour wall.")
	var feats [][]float64
	r := m.Search("is the path good for a novice", SearchOptions{Features: &feats})
	for k, h := range r.Hits {
		near := feats[k][fSoft7] > 0
		if want := strings.Contains(h.Sentence.Text, "beginners"); near != want {
			t.Errorf("%q: a word above 0.7 alike %v, want %v", h.Sentence.Text, near, want)
		}
	}
}

// A verb the text lacks, with a particle after it, is read as the
// synonym the text has of the phrasal verb it makes ("shut down":
// "closed"); a light verb's phrase or a preposition is not one.
func TestPhrasalVerbReadAsItsSynonym(t *testing.T) {
	t.Parallel()
	m := matcherOf(t, "The railway reached the village in 1868. The station closed on 2 March 1964. "+
		"Year 4 will visit the wildlife park in May, and the trip will continue after lunch.")
	res := m.Search("when did the station shut down", SearchOptions{TopK: 1})
	if len(res.Hits) == 0 || !strings.Contains(res.Hits[0].Sentence.Text, "closed on 2 March") {
		t.Fatalf("shut down: hits %v", res.Hits)
	}
	if len(res.Corrections) != 1 || res.Corrections[0].Method != "phrasal verb" || res.Corrections[0].To != "close" {
		t.Errorf("corrections %+v, want shut down read as close", res.Corrections)
	}
	for _, q := range []string{"where is year 4 going on the trip", "when does the trip go on"} {
		for _, c := range m.Search(q, SearchOptions{TopK: 1}).Corrections {
			if c.Method == "phrasal verb" {
				t.Errorf("%q: %+v read as a phrasal verb", q, c)
			}
		}
	}
}

// A verb the text has, with a particle after it, means what the phrasal
// verb means: "find out" is searched as the text's "learned" beside, and
// above, the bare "found".
func TestKnownPhrasalVerbSearchedInItsSense(t *testing.T) {
	t.Parallel()
	m := matcherOf(t, "Once the cause was found, the decision to cancel the change was made quickly. "+
		"The status page was not updated for an hour, and many customers learned about it from social media first. "+
		"No customers lost any data.")
	res := m.Search("how did customers find out", SearchOptions{TopK: 1})
	if len(res.Hits) == 0 || !strings.Contains(res.Hits[0].Sentence.Text, "learned about it") {
		t.Errorf("find out: hits %v\n%s", res.Hits, res.Explain())
	}
	res = m.Search("when was the cause found", SearchOptions{TopK: 1})
	if len(res.Hits) == 0 || !strings.Contains(res.Hits[0].Sentence.Text, "cause was found") {
		t.Errorf("found, no particle: hits %v", res.Hits)
	}
}

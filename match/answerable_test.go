package match

import (
	"context"
	"strings"
	"testing"
)

// Everyday English words are taken as written, not "corrected" into a
// document's words; real typos of names and rare words still are.
func TestCommonWordsAreNotCorrected(t *testing.T) {
	t.Parallel()
	s := storyStore(t)
	for _, tt := range []struct{ q, word, near string }{
		{"who is the pope", "pope", "pompeo"},
		{"what do you like", "like", "mike"},
		{"how tall is he", "tall", ""},
		{"who won the match", "match", ""},
	} {
		r := s.Search(tt.q, SearchOptions{})
		for _, c := range r.Corrections {
			if c.From == tt.word {
				t.Errorf("Search(%q) corrected the common word %q to %q", tt.q, c.From, c.To)
			}
		}
		if tt.near != "" && !strings.Contains(r.Explain(), "not corrected: "+tt.word+" (") {
			t.Errorf(":why of %q does not say why %q was kept:\n%s", tt.q, tt.word, r.Explain())
		}
	}
	for _, tt := range []struct{ q, from, to string }{
		{"jon bolten", "jon", "john"},
		{"jon bolten", "bolten", "bolton"},
		{"what did pompoe say", "pompoe", "pompeo"},
	} {
		r := s.Search(tt.q, SearchOptions{})
		ok := false
		for _, c := range r.Corrections {
			ok = ok || c.From == tt.from && c.To == tt.to
		}
		if !ok {
			t.Errorf("Search(%q) did not correct %q to %q: %+v", tt.q, tt.from, tt.to, r.Corrections)
		}
	}
}

func TestSameWordForm(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"asian", "asia", true}, {"healthy", "health", true}, {"like", "mike", false},
		{"year", "fear", false}, {"pope", "pompeo", false},
	} {
		if got := sameWordForm(tt.a, tt.b); got != tt.want {
			t.Errorf("sameWordForm(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// Answerability: a question the story answers is confident; one whose
// matched words are everyday ones, or that asks for a kind of answer the
// sentence cannot hold, is not. 0.4 is the bot's default threshold.
func TestAnswerability(t *testing.T) {
	t.Parallel()
	s := storyStore(t)
	for _, q := range []string{"Who is the Secretary of State?", "What did Pompeo say?",
		"where was the summit held", "who did Trump ask to invite Putin"} {
		if r := s.Search(q, SearchOptions{}); r.Confidence < 0.35 {
			t.Errorf("Search(%q) confidence %.2f, want at least 0.35:\n%s", q, r.Confidence, r.Explain())
		}
	}
	for _, q := range []string{"how do I record my screen?", "What is the capital of France?",
		"whats 2+2", "what time is it", "who is the pope", "how much did the summit cost?"} {
		if r := s.Search(q, SearchOptions{}); r.Confidence >= 0.35 {
			t.Errorf("Search(%q) confidence %.2f, want below 0.35:\n%s", q, r.Confidence, r.Explain())
		}
	}
}

// The features are those the weights were fitted for, in 0..1 where they
// are shares, and :why names the ones that weighed most.
func TestAnswerFeatures(t *testing.T) {
	t.Parallel()
	s := storyStore(t)
	var f []float64
	r := s.Search("Who is the Secretary of State?", SearchOptions{AnswerFeatures: &f})
	if len(f) != nAnswerFeatures || len(answerWeights) != nAnswerFeatures || len(answerFeatureNames) != nAnswerFeatures {
		t.Fatalf("%d features, %d weights, %d names", len(f), len(answerWeights), len(answerFeatureNames))
	}
	for _, i := range []int{afCoverage, afEnglishCoverage, afUnknownInfo, afSemantic, afNamesMatched} {
		if f[i] < 0 || f[i] > 1 {
			t.Errorf("feature %s = %v, want 0..1", answerFeatureNames[i], f[i])
		}
	}
	if !strings.Contains(r.Explain(), "answerable: ") {
		t.Errorf(":why lacks the answerability line:\n%s", r.Explain())
	}
}

// A search whose context has ended stops at the next stage and ranks
// nothing; a live one answers as before.
func TestSearchContextCancelled(t *testing.T) {
	t.Parallel()
	s := storyStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if r := s.SearchContext(ctx, "Who is the Secretary of State?", SearchOptions{}); !r.Cancelled || len(r.Hits) != 0 || r.Confidence != 0 {
		t.Errorf("cancelled search: cancelled %v, %d hits, confidence %v", r.Cancelled, len(r.Hits), r.Confidence)
	}
	if r := s.SearchContext(context.Background(), "Who is the Secretary of State?", SearchOptions{}); r.Cancelled || len(r.Hits) == 0 {
		t.Errorf("live search: cancelled %v, %d hits", r.Cancelled, len(r.Hits))
	}
}

// A price is asked by "how much" with a word of paying, or of a thing or
// an activity ("how much is a ticket", "how much is parking"); not by "how much of", "how much flour" or "by
// how much".
func TestAsksPrice(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		q    string
		want bool
	}{
		{"how much does a ticket cost", true}, {"how much is the ferry fare", true},
		{"how much is a pint at the Crown", true}, {"how much did they pay for the barn", true},
		{"how much of the forest burned", false}, {"how much flour do I need", false},
		{"by how much did the price rise", false}, {"what did the mayor say", false},
		{"how much is parking nearby", true}, {"how much is left", false}, {"how much is known about him", false},
	} {
		var q question
		matcherOf(t, "A line.").read(&q, tt.q, &Result{})
		if got := asksPrice(q.all); got != tt.want {
			t.Errorf("asksPrice(%q) = %v, want %v", tt.q, got, tt.want)
		}
	}
}

// A price question is missing its answer when the sentences ranked
// first name no amount of money, whatever they share with the question;
// a sentence naming one, or "free", holds it.
func TestPriceMissing(t *testing.T) {
	t.Parallel()
	m := matcherOf(t, "The new harbour crane was delivered in March by barge. "+
		"The crane lifts fishing boats out of the harbour for repairs. "+
		"The harbour master said the new crane was the tallest on the coast. "+
		"A ferry ticket to the island is £6 for adults. "+
		"Entry to the lighthouse museum is free on Sundays.")
	for _, tt := range []struct {
		q    string
		want float64
	}{
		{"How much did the new harbour crane cost?", 1},
		{"How much is a ferry ticket to the island?", 0},
		{"How much does the lighthouse museum charge on Sundays?", 0},
	} {
		var f []float64
		r := m.Search(tt.q, SearchOptions{AnswerFeatures: &f})
		if f[afPriceMissing] != tt.want {
			t.Errorf("Search(%q): price missing %v, want %v:\n%s", tt.q, f[afPriceMissing], tt.want, r.Explain())
		}
	}
}

// A "when" question is missing its answer when the sentences ranked first
// name no date or time; "what year" and "how long" are read by their
// units instead.
func TestDateMissing(t *testing.T) {
	t.Parallel()
	m := matcherOf(t, "The new swimming pool beside the park was approved by the council. "+
		"The swimming pool will have a diving board and a cafe. "+
		"The council chose a builder from the next town for the pool. "+
		"The library reopens on 3 June after its repairs.")
	for _, tt := range []struct {
		q    string
		want float64
	}{
		{"When will the new swimming pool open?", 1},
		{"When does the library reopen?", 0},
		{"Who will build the swimming pool?", 0},
	} {
		var f []float64
		r := m.Search(tt.q, SearchOptions{AnswerFeatures: &f})
		if f[afDateMissing] != tt.want {
			t.Errorf("Search(%q): date missing %v, want %v:\n%s", tt.q, f[afDateMissing], tt.want, r.Explain())
		}
	}
}

// "Free" names a price when it says what something costs ("children under
// five are always free", "Entry is free"), not when it is a kind of thing
// ("a free 45-minute induction", "our free Wi-Fi").
func TestSaysFree(t *testing.T) {
	t.Parallel()
	for text, want := range map[string]bool{
		"Children under five are always free.":                                     true,
		"Entry is free for members.":                                               true,
		"| Under 5 | Free | One free child per paying adult |":                     true,
		"Everyone must complete a free 45-minute induction before using the gym.":  false,
		"A free audio guide can be downloaded to your phone using our free Wi-Fi.": false,
	} {
		if got := saysFree(text); got != want {
			t.Errorf("saysFree(%q) = %v, want %v", text, got, want)
		}
	}
}

// "what date", "which day" ask for a kind of answer, as "when" does: a
// text that never writes the word "date" does not lack a topic for it.
// A text that has the word still counts it.
func TestKindNounTheTextLacksIsNoTopic(t *testing.T) {
	t.Parallel()
	m := matcherOf(t, "This year's fair takes place on Saturday 14 June 2025 on the village green. "+
		"The fair is organised by the parish council.")
	var f []float64
	r := m.Search("what date is the fair", SearchOptions{AnswerFeatures: &f})
	if f[afUnknownInfo] != 0 {
		t.Errorf("\"date\" counted as a topic the text lacks (unknown info %v):\n%s", f[afUnknownInfo], r.Explain())
	}
	if r.Confidence < 0.35 {
		t.Errorf("not answered (%.2f):\n%s", r.Confidence, r.Explain())
	}
	r = m.Search("what colour is the fair", SearchOptions{AnswerFeatures: &f})
	if f[afUnknownInfo] == 0 {
		t.Errorf("\"colour\" is a topic the text lacks:\n%s", r.Explain())
	}
}

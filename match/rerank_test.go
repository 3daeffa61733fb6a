package match

import (
	"strings"
	"testing"

	"github.com/storybot/storybot/english"
	"github.com/storybot/storybot/facts"
)

func TestRerankWeightsMatchFeatures(t *testing.T) {
	if len(rerankWeights) != numFeatures {
		t.Fatalf("%d weights for %d features: refit with go run ./match/internal/fitrank", len(rerankWeights), numFeatures)
	}
}

func TestAskedNoun(t *testing.T) {
	for q, want := range map[string]string{
		"What disease did the engineer catch?":    "disease",
		"Which mountainous region is it near?":    "region",
		"What company owned the network?":         "company",
		"What kind of arches does the style use?": "arches",
		"What two radio stations carried it?":     "stations",
		"Who won?":                                "",
	} {
		var words []string
		english.Tokenize(q, func(t english.Token) { words = append(words, t.Word) })
		if got := askedNoun(words); got != want {
			t.Errorf("askedNoun(%q) = %q, want %q", q, got, want)
		}
	}
}

// The reranker's reason to be: BM25 finds the question's words in both
// sentences alike, and only the meaning of the rest tells them apart.
func TestRerankPrefersTheSentenceThatMeansTheAnswer(t *testing.T) {
	for _, c := range []struct {
		text, question, want string
	}{
		{"In 1901 the engineer went back to his home town of Brno. Soon after he arrived, the engineer went down with cholera and stayed in bed for months.",
			"What disease did the engineer catch?", "cholera"},
		{"The museum has a famous painting collection. The most valuable work there was bought for forty million dollars.",
			"How much did the museum pay for its most valuable painting?", "forty million"},
	} {
		d, err := facts.Parse("t.txt", []byte(c.text))
		if err != nil {
			t.Fatal(err)
		}
		s := New(facts.NewStore(d))
		var feats [][]float64
		plain := s.Search(c.question, SearchOptions{TopK: 2, Features: &feats})
		r := s.Search(c.question, SearchOptions{TopK: 2})
		if len(r.Hits) == 0 || !strings.Contains(r.Hits[0].Sentence.Text, c.want) {
			t.Errorf("%q: got %+v, want the sentence with %q", c.question, r.Hits, c.want)
		}
		if !r.Reranked || !strings.Contains(r.Explain(), "reranked") {
			t.Errorf("%q: a reranked order is not said so: %s", c.question, r.Explain())
		}
		if strings.Contains(plain.Hits[0].Sentence.Text, c.want) {
			t.Errorf("%q: BM25 alone already ranks %q first; the case tests nothing", c.question, c.want)
		}
	}
}

func TestRerankKeepsLongTextsInBM25Order(t *testing.T) {
	var b strings.Builder
	for i := 0; i < rerankMaxSentences+5; i++ {
		b.WriteString("The miller ground the corn for the village. ")
	}
	b.WriteString("The miller contracted cholera in the village.")
	d, err := facts.Parse("long.txt", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	s := New(facts.NewStore(d))
	if s.wordVec != nil {
		t.Error("a long text got word vectors")
	}
	r := s.Search("What disease did the miller catch in the village?", SearchOptions{TopK: 3})
	if r.Reranked {
		t.Error("a long text's hits were reranked")
	}
	for i := 1; i < len(r.Hits); i++ {
		if r.Hits[i].Score > r.Hits[i-1].Score {
			t.Fatalf("hits out of BM25 order: %+v", r.Hits)
		}
	}
}

// A question about the past ("where was the meeting held?") is not
// answered by a sentence about the future ("the next meeting will be
// held..."): the reranker sees the clash.
func TestTenseClash(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "The fair was held in the Town Hall in May. "+
		"The next fair will be held in the same hall in June.")
	for q, want := range map[string]float64{
		"where was the fair held":     1,
		"where will the fair be held": 0,
	} {
		var feats [][]float64
		r := m.Search(q, SearchOptions{Features: &feats})
		for k, h := range r.Hits {
			future := strings.Contains(h.Sentence.Text, "will")
			if got := feats[k][fTenseClash]; future && got != want || !future && got != 0 {
				t.Errorf("%q, %q: tense clash %v", q, h.Sentence.Text, got)
			}
		}
	}
	if w := rerankWeights[fTenseClash]; w >= 0 {
		t.Errorf("tense clash weighs %v: the fit finds it counts against", w)
	}
}

// For "why", the question's words in the sentence before count on their
// own: the reason often follows what happened.
func TestBeforeWhy(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "The road to the harbour was closed in March. "+
		"The old sea wall had cracked in the winter storms.")
	for q, want := range map[string]bool{"Why was the road to the harbour closed?": true, "When was the road to the harbour closed?": false} {
		var feats [][]float64
		r := m.Search(q, SearchOptions{Features: &feats})
		for k, h := range r.Hits {
			got := feats[k][fBeforeWhy] > 0
			if strings.Contains(h.Sentence.Text, "cracked") && got != want || !strings.Contains(h.Sentence.Text, "cracked") && got {
				t.Errorf("%q, %q: before-why %v", q, h.Sentence.Text, feats[k][fBeforeWhy])
			}
		}
	}
}

// A table's rows are records side by side: a row gets no credit for the
// question's words in the row above or below it (as a sentence does for
// the one before it, which it may refer back to), so "how long do the
// walls dry before painting" finds the drying row, not the painting row
// under it.
func TestTableRowsDoNotReferBack(t *testing.T) {
	t.Parallel()
	src := "# Decorating\n\nThe order we follow:\n\n" +
		"| Step | Time | Notes |\n|---|---|---|\n" +
		"| Fill the cracks in the walls and let them dry | 3 hours | Room temperature |\n" +
		"| Paint the first coat | 1 hour | Windows open |\n" +
		"| Paint the second coat | 1 hour | Windows open |\n"
	m := newDocMatcher(t, "decorating.md", src)
	var feats [][]float64
	q := "How long do the walls dry before painting?"
	r := m.Search(q, SearchOptions{Features: &feats})
	for k, h := range r.Hits {
		if h.Sentence.Display() == "" {
			continue
		}
		if f := feats[k]; f[fBefore] != 0 || f[fSoftBefore] != 0 || f[fAfter] != 0 {
			t.Errorf("%q: row %q has before %v, soft before %v, after %v; want 0", q, h.Sentence.Quote(), f[fBefore], f[fSoftBefore], f[fAfter])
		}
	}
	r = m.Search(q, SearchOptions{})
	if len(r.Hits) == 0 || !strings.Contains(r.Hits[0].Sentence.Text, "dry") {
		t.Errorf("%q: top = %v, want the drying row", q, top(r))
	}
}

// A sentence's heading is context it refers back to, as to the sentence
// before: the question's words found only there count as found before.
func TestHeadingWordsCountAsBefore(t *testing.T) {
	t.Parallel()
	src := "# Minutes\n\n## Harbour wall\n\nRepairs were costed at 12,000 pounds by the engineer. " +
		"The motion to repair it was carried, with one abstention.\n\n## Library\n\n" +
		"The library will open late on Thursdays. The motion to extend its hours was carried, with two abstentions.\n"
	m := newDocMatcher(t, "minutes.md", src)
	var feats [][]float64
	q := "How many abstentions were there on the harbour wall motion?"
	r := m.Search(q, SearchOptions{Features: &feats})
	seen := 0
	for k, h := range r.Hits[:len(feats)] {
		if !strings.HasPrefix(h.Sentence.Text, "The motion") {
			continue
		}
		seen++
		under := strings.Contains(h.Sentence.Section(), "Harbour")
		if got := feats[k][fBefore] > 0; got != under {
			t.Errorf("%q under %q: before %v, want > 0 only under the harbour heading", h.Sentence.Text, h.Sentence.Section(), feats[k][fBefore])
		}
	}
	if seen != 2 {
		t.Fatalf("%d motion sentences among the candidates, want 2", seen)
	}
}

// A sentence that names its subject only by a pronoun answers a question
// asked with the name: "She left…" is read as "Elsie Tranter left…".
func TestPronounSentencesAnswerForTheirName(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "The harbour museum opened in 1931 with a small collection of ship models. "+
		"Its first keeper was Miss Elsie Tranter, who had grown up in the lighthouse on Holm Island. "+
		"Her father kept the light for forty years. "+
		"She left the town in 1950 because the council cut the museum's grant by half. "+
		"The museum closed a year later, and Elsie Tranter's models went to the county archive.")
	for _, q := range []string{"why did elsie tranter leave the town?", "when did Elsie Tranter leave?"} {
		r := m.Search(q, SearchOptions{TopK: 3})
		if len(r.Hits) == 0 || !strings.HasPrefix(r.Hits[0].Sentence.Text, "She left the town") {
			t.Errorf("%q: got %v, want the sentence that says she left", q, r.Hits)
		}
	}
}

// "What is a map?" is answered by the sentence that says what a map is
// ("A map is a …"), which the reranker sees (fCopula); one that only
// goes on about maps ("Maps may represent …", "the map is") does not. A
// parenthesis between the thing and its copula stands aside ("The
// Fernhill Trust (FHT, …) is a charity"); a word inside one is not what
// the copula says is.
func TestCopulaSaysWhatTheThingIs(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		text, question string
		want           int32 // the sentence that says it
	}{
		{"Maps may represent any space, real or imagined. " +
			"A map is a visual representation of an area. " +
			"The oldest known map is from Babylon, and the map is small.", "What is a map?", 2},
		{"Volunteers run the trust at weekends. " +
			"The Fernhill Trust (FHT, founded in (late) 2009) is a charity for the valley. " +
			"Its founder (the trust's first chair) is a retired teacher.", "What is the trust?", 2},
	} {
		m := newMatcher(t, c.text)
		var feats [][]float64
		r := m.Search(c.question, SearchOptions{TopK: 3, Features: &feats})
		if len(feats) < 3 {
			t.Fatalf("%q: %d candidates' features, want 3", c.question, len(feats))
		}
		for k, h := range r.Hits[:len(feats)] {
			want := h.Sentence.N == c.want
			if got := feats[k][fCopula] == 1; got != want {
				t.Errorf("sentence %d (%q): fCopula %v, want %v", h.Sentence.N, h.Sentence.Text, got, want)
			}
		}
	}
}

// A sentence whose pronoun stands for "Grandma Mabel" holds, for the
// reranker, the grandmother the text also names so: a familiar form is
// the word it stands for (english.Clipped).
func TestReferenceByFamiliarFormHoldsTheWord(t *testing.T) {
	t.Parallel()
	m := newDocMatcher(t, "b.md", "# Our Bakery\n\nEvery morning my father opens the bakery. "+
		"That is Pip, the sourdough starter my grandmother Mabel began in a jar in 1990. "+
		"People ask about our bread all the time.\n\n## History\n\n"+
		"Grandma Mabel opened the bakery in 1975 with one oven. "+
		"She switched to sourdough ten years later, after a neighbour asked for bread he could digest. "+
		"Today we bake 300 loaves a week.\n")
	r := m.Search("Why did the grandmother switch to sourdough?", SearchOptions{})
	if len(r.Hits) == 0 {
		t.Fatal("no candidates")
	}
	if !strings.HasPrefix(r.Hits[0].Sentence.Text, "She switched") {
		t.Errorf("first %q, want the sentence that says she switched", r.Hits[0].Sentence.Text)
	}
}

// A paragraph that opens with a pronoun refers back to the paragraph
// before, as a sentence to the one before it in its paragraph: "when did
// Tom Pryce play for Silver Harbour" is answered by "He is best known as
// the former drummer of the band Silver Harbour, … in the late 1980s",
// which names him only as "He".
func TestParagraphOpeningWithAPronounRefersBack(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "Tom Pryce is a British musician and songwriter.\n\n"+
		"He is best known as the former drummer of the band Silver Harbour, with whom he toured the world in the late 1980s.\n\n"+
		"Pryce was dismissed from Silver Harbour over his gambling debts in 1990, after which he formed a new band.\n")
	var feats [][]float64
	q := "when did tom pryce play for silver harbour"
	r := m.Search(q, SearchOptions{Features: &feats})
	for k, h := range r.Hits[:len(feats)] {
		want := strings.HasPrefix(h.Sentence.Text, "He is best")
		if got := feats[k][fBeforePara] > 0; got != want {
			t.Errorf("%q: before-paragraph %v, want > 0 only for the sentence after the one naming him", h.Sentence.Text, feats[k][fBeforePara])
		}
	}
	wantTop(t, m, q, "late 1980s")
}

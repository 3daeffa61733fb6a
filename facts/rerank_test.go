package facts

import (
	"strings"
	"testing"
)

func TestRerankWeightsMatchFeatures(t *testing.T) {
	if len(rerankWeights) != numFeatures {
		t.Fatalf("%d weights for %d features: refit with go run ./facts/internal/fitrank", len(rerankWeights), numFeatures)
	}
}

func TestWordVectors(t *testing.T) {
	v := loadVectors()
	if v == nil {
		t.Fatal("vectors.bin did not load")
	}
	if len(v.index) < 40000 || v.dim != 100 {
		t.Fatalf("%d words of %d dimensions", len(v.index), v.dim)
	}
	cos := func(a, b string) float32 {
		x, y := v.vectorOf(a), v.vectorOf(b)
		if x < 0 || y < 0 {
			t.Fatalf("no vector for %q or %q", a, b)
		}
		return v.cosine(x, y)
	}
	if c := cos("crew", "crew"); c < 0.98 || c > 1.02 {
		t.Errorf("a word's likeness to itself is %.3f", c)
	}
	for _, p := range [][3]string{
		{"crew", "astronauts", "banana"},
		{"disease", "cholera", "guitar"},
		{"aired", "broadcast", "vinegar"},
	} {
		if near, far := cos(p[0], p[1]), cos(p[0], p[2]); near <= far+0.2 {
			t.Errorf("%s~%s %.2f is not well above %s~%s %.2f", p[0], p[1], near, p[0], p[2], far)
		}
	}
	if v.rarity(v.vectorOf("the")) >= v.rarity(v.vectorOf("cholera")) {
		t.Error(`"the" is not commoner than "cholera"`)
	}
}

func TestKinds(t *testing.T) {
	for _, c := range []struct {
		word, general string
		want          bool
	}{
		{"cholera", "disease", true},
		{"stadium", "structure", true},
		{"cholera", "stadium", false},
		{"unknownword", "disease", false},
	} {
		if got := isKindOf(stem(c.word), stem(c.general)); got != c.want {
			t.Errorf("isKindOf(%s, %s) = %v", c.word, c.general, got)
		}
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
		tokenize(q, func(t token) { words = append(words, t.word) })
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
		{"In 1901 the engineer went back to his home town of Brno. Soon after he arrived, the engineer contracted cholera and was ill for months.",
			"What disease did the engineer catch?", "cholera"},
		{"The museum has a famous painting collection. Its most valuable work was bought for forty million dollars.",
			"How much did the museum pay for its most valuable painting?", "forty million"},
	} {
		d, err := Parse("t.txt", []byte(c.text))
		if err != nil {
			t.Fatal(err)
		}
		s := NewStore(d)
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
	d, err := Parse("long.txt", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	s := NewStore(d)
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

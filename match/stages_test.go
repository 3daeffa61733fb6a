package match

import (
	"math"
	"slices"
	"testing"

	"github.com/storybot/storybot/facts"
)

// matcherOf builds a matcher over one small text.
func matcherOf(t *testing.T, text string) *Matcher {
	t.Helper()
	d, err := facts.Parse("t.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return New(facts.NewStore(d))
}

func TestReadKeepsNamesAndMendsFunctionWords(t *testing.T) {
	t.Parallel()
	m := matcherOf(t, "Mary went to the kitchen. John took the milk.")
	sc := m.getScratch()
	defer m.putScratch(sc)
	res := &Result{}
	m.read(&sc.question, "wher did Mary put the milk", res)
	q := sc.question
	if q.all[0] != "where" || q.shape.qtype != QPlace || res.QType != QPlace {
		t.Errorf("all %v, type %v: the misspelt question word was not read as where", q.all, q.shape.qtype)
	}
	if !slices.Equal(q.content, []string{"wher", "mary", "put", "milk"}) {
		t.Errorf("content %v", q.content)
	}
	if !q.capital.has("mary") || q.capital.has("milk") || res.Content != 4 {
		t.Errorf("capitals %v, content %d", q.capital, res.Content)
	}
}

func TestResolveCorrectsDropsAndGivesUp(t *testing.T) {
	t.Parallel()
	m := matcherOf(t, "The ambassador visited Moscow in winter. The weather was cold.")
	sc := m.getScratch()
	defer m.putScratch(sc)
	res := &Result{}
	m.read(&sc.question, "wher did the ambasador visit zzyzx", res)
	m.resolve(&sc.question, &sc.query, res, false)
	var found, unknown []string
	for _, tm := range res.Terms {
		if tm.Found {
			found = append(found, tm.Word+"→"+tm.Stem)
		} else {
			unknown = append(unknown, tm.Word)
		}
	}
	if !slices.Equal(found, []string{"ambasador→ambassador", "visit→visit"}) || !slices.Equal(unknown, []string{"zzyzx"}) {
		t.Errorf("found %v, unknown %v", found, unknown)
	}
	if len(res.Corrections) != 2 || res.Corrections[0].To != "where" || res.Corrections[1].To != "ambassador" {
		t.Errorf("corrections %+v: want the function word mended and the typo corrected", res.Corrections)
	}
	if res.Content != 3 || len(sc.query.qterms) != 2 || sc.query.asked != nil {
		t.Errorf("content %d, %d terms, asked %v (not reranked)", res.Content, len(sc.query.qterms), sc.query.asked)
	}
	if sc.query.totalWeight <= sc.query.knownWeight {
		t.Errorf("the unknown word adds no weight: total %.2f, known %.2f", sc.query.totalWeight, sc.query.knownWeight)
	}
}

func TestJudgeCoversTheMatchedWeight(t *testing.T) {
	t.Parallel()
	q := &query{qterms: []qterm{{bit: 0, idf: 1}, {bit: 1, idf: 3}}, totalWeight: 6, knownWeight: 4}
	res := &Result{Content: 3, Unknown: []string{"x"}}
	judge(res, 1<<1, q)
	if res.Coverage != 0.5 || res.KnownCoverage != 0.75 {
		t.Errorf("coverage %v, known %v; want 3/6 and 3/4", res.Coverage, res.KnownCoverage)
	}
	// Half the weighted coverage plus half the known coverage times the
	// share of known words.
	if want := 0.5*0.5 + 0.5*0.75*2/3; math.Abs(res.Confidence-want) > 1e-12 {
		t.Errorf("confidence %v, want %v", res.Confidence, want)
	}
}

func TestAnswerKindsFromMarks(t *testing.T) {
	t.Parallel()
	m := matcherOf(t, "It rained. The price rose 5% to $3 in March 1999 in Paris. He left because of it.\n\nIt ended.")
	want := []feature{
		featAnaphor,
		featNumber | featDate | featPlace | featMoney | featPercent | featName | featCount | featSum, // "5"; "$3" a sum
		featPerson | featReason | featAnaphor | featContinues,
		featAnaphor, // a new paragraph: it continues nothing
	}
	for i, w := range want {
		if m.features[i] != w {
			t.Errorf("sentence %d: kinds %010b, want %010b", i+1, m.features[i], w)
		}
	}
}

func TestPostingsCarryBM25Weights(t *testing.T) {
	t.Parallel()
	m := matcherOf(t, "Milk milk milk. Milk and bread and jam and honey.")
	id := m.termID.Index("milk")
	if len(m.postings.Of(int(id))) != 2 {
		t.Fatalf("%d postings for milk", len(m.postings.Of(int(id))))
	}
	ps := []float32{m.weight(id, 0, m.postings.Of(int(id))[0]), m.weight(id, 1, m.postings.Of(int(id))[1])}
	// Lengths 3 and 4 content words, average 3.5.
	w := func(tf, length float64) float32 {
		norm := 1 - bm25B + bm25B*length/3.5
		return float32(tf * (bm25K1 + 1) / (tf + bm25K1*norm))
	}
	if ps[0] != w(3, 3) || ps[1] != w(1, 4) {
		t.Errorf("weights %v, %v; want %v, %v", ps[0], ps[1], w(3, 3), w(1, 4))
	}
}

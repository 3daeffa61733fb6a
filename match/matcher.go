package match

import (
	"sync"
	"sync/atomic"

	"github.com/storybot/storybot/facts"
)

// Matcher answers questions from one fact store. It holds the working data
// the matching stages read, built from the store once: BM25 postings, the
// kinds of answer each sentence can hold, the typo corrector, and the
// reranker's word vectors and caches. It is safe for concurrent use.
type Matcher struct {
	store *facts.Store
	sents []*facts.Sentence
	// bylines are the sentences that say who wrote each document.
	bylines []int
	// headings are the documents' headings, for questions about a section.
	headings   []heading
	headingsOf map[string][]int // stem -> headings holding it
	termID     *facts.IDs
	terms      []string
	// postings are the store's (per term, sentences in order), read in
	// place, as are their term frequencies (tfs, laid out as the
	// postings: term t's from postAt[t]). A posting's BM25 weight but for
	// IDF (term-frequency saturation and length normalisation) follows
	// from its frequency and its sentence's length: once, for a frequency
	// of 1 (almost every posting), it is one1[p] for sentence p; any other
	// is computed (weight). A weight a posting was 4 bytes a posting, a
	// tenth of a large text's live heap (issue #17).
	postings facts.PostingLists
	postAt   []int32
	tfs      []uint8
	one1     []float32 // per sentence, the weight of a term it holds once
	lens     []int32   // per sentence, its length in terms (the store's)
	avgLen   float64
	features []feature // per sentence, the kinds of answer it can hold
	// narrative: the text tells where people go and what they carry
	// (tellsMovements), so "where is the milk?" asks where it is now.
	narrative bool

	// the store's vocabulary of surface words, for correction
	words    []string
	wordFreq []int32
	wordStem []int32
	wordID   *facts.IDs

	// Short texts only, for the reranker: each word's row in vecData (-1:
	// none), rows of vecDim unit-vector components.
	wordVec   []int32
	vecData   []float32
	vecDim    int
	sentCores []atomic.Pointer[sentCore] // per sentence, what the reranker reads of it
	rrPool    sync.Pool                  // *rerankScratch

	// spell builds and holds the typo corrector: a question asked while
	// a long text's corrector is built in the background scans the
	// vocabulary instead of waiting (correct.go).
	spell *Speller
	// centroids: a short text's sentences' mean word vectors (vectors.go),
	// built on the first question that needs them.
	centOnce  sync.Once
	centroids []float32
	synCache  []atomic.Pointer[[]int32] // per term, its synonyms' term ids
	// kindCache holds, per term, what the kinds lexicon says it is a kind
	// of, for the reranker (short texts only): a lexicon lookup is a
	// binary search, and a question asks about dozens of terms.
	kindCache []atomic.Pointer[string]

	scratch  sync.Pool
	formOnce sync.Once
	forms    map[string][]int32 // first letters -> word ids, for word forms
	// contrOnce and contrs: the short text's words that can be
	// contractions ("cllr"), for contraction.go.
	contrOnce sync.Once
	contrs    []int32
	// initOnce and initials: the short text's runs of words by their
	// initials, for initials.go.
	initOnce sync.Once
	initials initialsTable
	// hoursOnce and hours: whether the text writes a time of day (clock.go).
	hoursOnce sync.Once
	hours     bool
	// ageOnce and aged: the short text's sentences stating bands of age
	// (agebands.go).
	ageOnce sync.Once
	aged    []agedSentence
}

// New builds a matcher's tables for store.
func New(store *facts.Store) *Matcher { return NewWithSpeller(store, nil) }

// NewWithSpeller is New taking the typo corrector sp, started on the
// store's words (see StartSpeller); a speller started on other words is
// not used.
func NewWithSpeller(store *facts.Store, sp *Speller) *Matcher {
	v := store.Vocabulary()
	m := &Matcher{store: store, sents: store.Sentences(), words: v.Words, wordFreq: v.Freq, wordStem: v.Stem, wordID: v.ID}
	// The typo corrector is needed by the first question with a misspelt or
	// unknown word; build it now so that question does not wait (the
	// lexicons are read in place and need no building), starting here (it
	// reads only the words) rather than after the tables below, 10 ms
	// sooner on War and Peace; or take the one a command started sooner.
	if sp == nil || !sp.holds(m.words) {
		sp = StartSpeller(m.words)
	}
	m.spell = sp
	m.terms, m.termID = store.Terms()
	m.postings = store.Postings()
	m.postAt = store.PostingOffsets()
	m.tfs = store.TermFrequencies()
	m.lens = store.SentenceLengths()
	m.one1, m.avgLen = sentenceWeights(m.lens)
	m.features = answerKinds(store)
	m.narrative = m.tellsMovements()
	m.bylines = findBylines(m.sents)
	m.headings, m.headingsOf = findHeadings(m.sents)
	if len(m.sents) <= rerankMaxSentences {
		m.indexVectors()
		m.sentCores = make([]atomic.Pointer[sentCore], len(m.sents))
		m.kindCache = make([]atomic.Pointer[string], len(m.terms))
	}
	m.synCache = make([]atomic.Pointer[[]int32], len(m.terms))
	return m
}

// Store returns the fact store the matcher answers from.
func (m *Matcher) Store() *facts.Store { return m.store }

// Prepare waits until the typo corrector, which New starts building in the
// background for long texts, is ready.
func (m *Matcher) Prepare() { m.corrector() }

// sentenceWeights returns, per sentence of lengths lens, the BM25 weight
// but for IDF of a term it holds once, and the mean length.
func sentenceWeights(lens []int32) (one []float32, avgLen float64) {
	total := 0
	for _, l := range lens {
		total += int(l)
	}
	avgLen = 1.0
	if len(lens) > 0 && total > 0 {
		avgLen = float64(total) / float64(len(lens))
	}
	one = make([]float32, len(lens))
	for p, l := range lens {
		one[p] = bm25Weight(1, l, avgLen)
	}
	return one, avgLen
}

// bm25Weight is BM25's weight but for IDF of a term held tf times in a
// sentence of length l, the mean being avgLen.
func bm25Weight(tf, l int32, avgLen float64) float32 {
	norm := 1 - bm25B + bm25B*float64(l)/avgLen
	f := float64(tf)
	return float32(f * (bm25K1 + 1) / (f + bm25K1*norm))
}

// tfsOf returns the term frequencies of term id's postings, in order (a
// byte each; see weight).
func (m *Matcher) tfsOf(id int32) []uint8 {
	at := int(m.postAt[id])
	return m.tfs[at : at+len(m.postings.Of(int(id)))]
}

// weight returns the BM25 weight but for IDF of term id's k-th posting,
// sentence p.
func (m *Matcher) weight(id int32, k int, p int32) float32 {
	if tf := m.tfs[int(m.postAt[id])+k]; tf == 1 {
		return m.one1[p]
	}
	return bm25Weight(m.store.TF(int(id), k), m.lens[p], m.avgLen)
}

// tellsMovements reports whether the text is a narrative of movements:
// its words of going somewhere or of taking or leaving something ("Mary
// travelled to the hallway.", "John got the football there.") are at
// least half as many as its sentences. There "where is X?" asks where
// X is now, the latest sentence placing it; not where a review's
// restaurant or an article's tournament is, which the reranker reads as
// any other question. (Counted in the vocabulary, not read sentence by
// sentence.)
func (m *Matcher) tellsMovements() bool {
	moves := 0
	for _, set := range []map[string]bool{movementWords, holdWords, releaseWords} {
		for w := range set {
			if id, ok := m.wordID.Lookup(w); ok {
				moves += int(m.wordFreq[id])
			}
		}
	}
	return len(m.sents) > 0 && 2*moves >= len(m.sents)
}

// movementWords say someone went somewhere.
var movementWords = setOf("went", "go", "goes", "moved", "moves", "travelled", "traveled", "travels",
	"journeyed", "journeys", "walked", "ran", "returned", "came", "arrived")

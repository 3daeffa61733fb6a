package facts

import (
	"slices"
	"strings"
)

// Ranking parameters, chosen on SQuAD v1.1 dev (each paragraph its own
// document) with the first and second half of its articles agreeing; see
// docs/EVALUATION.md. Sentences are short and repeat few words, so term
// frequency saturates fast (low k1) and length normalisation is mild.
const (
	bm25K1 = 0.5
	bm25B  = 0.5
	// typeBonus is added, in units of the mean query-term IDF, to sentences
	// that can hold the kind of answer the question asks for (a name for
	// "who", a date for "when") beyond the words the question gives.
	typeBonus = 0.5
	// nameWeight scales names the question mentions: a text about a person
	// or place names it everywhere, so the other words tell the sentences
	// apart.
	nameWeight = 0.7
	// synonymWeight scales a match through a synonym (WordNet) rather than
	// the word itself.
	synonymWeight = 0.3
	// anaphorCarry is the share of a sentence's score passed to the next
	// one when that opens with "It", "He", "This"...: it continues the
	// same subject.
	anaphorCarry = 0.3
)

// Hit is a ranked sentence.
type Hit struct {
	Sentence *Sentence
	Index    int // position in the store, across documents
	Score    float64
	// Matched has bit i set when the sentence holds the question's i-th
	// known term; it tells whether a second sentence adds to the first.
	Matched uint32
}

// TermMatch describes one analysed query term.
type TermMatch struct {
	Word  string  // as asked (lower case)
	Stem  string  // the indexed stem it matched, or "" if none
	IDF   float64 // weight of the term, 0 when unknown
	Found bool
}

// Result is the outcome of a search.
type Result struct {
	Hits        []Hit
	QType       QType
	Terms       []TermMatch
	Corrections []Correction
	// Unknown are content words of the question that the documents lack
	// and that could not be corrected.
	Unknown []string
	// Coverage is the share of the question's weight (IDF of its content
	// words, unknown words at the highest IDF) that the best sentence holds.
	Coverage float64
	// KnownCoverage is the same share counting only words the documents know.
	KnownCoverage float64
	// Content counts the question's content words.
	Content int
	// Confidence in 0..1 that Hits[0] answers the question.
	Confidence float64
}

// SearchOptions tune one search.
type SearchOptions struct {
	TopK int // hits to return; default 5
}

// qterm is one term the index is searched for.
type qterm struct {
	bit    int // the question term this matches (synonyms share it)
	id     int32
	weight float64
	idf    float64
}

// maxTerms bounds the question terms scored; the match bitmask holds them.
const maxTerms = 31

// carried marks sentences scored only through the sentence before them.
const carried = 1 << 31

type scratch struct {
	scores  []float64
	carry   []float64
	matched []uint32 // bitmask of question terms found, per sentence
	touched []int32
}

func (s *Store) getScratch() *scratch {
	if v := s.scratch.Get(); v != nil {
		return v.(*scratch)
	}
	n := len(s.sents)
	return &scratch{scores: make([]float64, n), carry: make([]float64, n), matched: make([]uint32, n)}
}

func (s *Store) putScratch(sc *scratch) {
	for _, i := range sc.touched {
		sc.scores[i] = 0
		sc.matched[i] = 0
		sc.carry[i] = 0
	}
	sc.touched = sc.touched[:0]
	s.scratch.Put(sc)
}

// Search ranks the store's sentences against question.
func (s *Store) Search(question string, opt SearchOptions) *Result {
	if opt.TopK <= 0 {
		opt.TopK = 5
	}
	res := &Result{}
	if len(s.sents) == 0 {
		return res
	}
	var all, content []string
	capital := map[string]bool{}
	tokenize(question, func(t token) {
		all = append(all, t.word)
		if !stopWords[t.word] {
			content = append(content, t.word)
			if t.upper && t.start > 0 {
				capital[t.word] = true
			}
		}
	})
	res.Content = len(content)
	for i, w := range all {
		if _, known := s.wordID[w]; !known && !stopWords[w] {
			if sw, found := stopWordTypo(w); found {
				all[i] = sw
			}
		}
	}
	shape := readQuestion(all)
	res.QType = shape.qtype

	var qterms, syns []qterm
	queryIDs := map[int32]bool{}
	maxIDF := s.idf(0)
	totalWeight, knownWeight := 0.0, 0.0
	addTerm := func(w string, id int32, weight float64) {
		idf := s.idf(len(s.postings[id]))
		res.Terms = append(res.Terms, TermMatch{Word: w, Stem: s.terms[id], IDF: idf, Found: true})
		totalWeight += idf
		knownWeight += idf
		if queryIDs[id] || len(qterms) >= maxTerms {
			return
		}
		queryIDs[id] = true
		if capital[w] {
			weight *= nameWeight
		}
		bit := len(qterms)
		qterms = append(qterms, qterm{bit: bit, id: id, weight: weight, idf: idf})
		if weight == 1 || capital[w] {
			for _, sid := range s.synonymTerms(w, id) {
				if !queryIDs[sid] {
					syns = append(syns, qterm{bit: bit, id: sid, weight: synonymWeight, idf: idf})
				}
			}
		}
	}
	for _, w := range content {
		if wid, known := s.wordID[w]; known {
			addTerm(w, s.wordStem[wid], 1)
			continue
		}
		if tid, known := s.termID[stem(w)]; known {
			addTerm(w, tid, 1)
			continue
		}
		if c, tid, found := s.correct(w); found {
			res.Corrections = append(res.Corrections, c)
			addTerm(w, tid, 1)
			continue
		}
		if sw, found := stopWordTypo(w); found {
			// "wher did they meet": a misspelt function word, not a topic.
			res.Corrections = append(res.Corrections, Correction{From: w, To: sw, Method: "edit distance 1"})
			res.Content--
			continue
		}
		res.Unknown = append(res.Unknown, w)
		res.Terms = append(res.Terms, TermMatch{Word: w})
		totalWeight += maxIDF
	}
	if len(qterms) == 0 {
		return res
	}

	sc := s.getScratch()
	defer s.putScratch(sc)
	meanIDF := 0.0
	for _, q := range qterms {
		meanIDF += q.idf
	}
	meanIDF /= float64(len(qterms))
	for _, list := range [2][]qterm{qterms, syns} {
		for _, q := range list {
			for _, p := range s.postings[q.id] {
				tf := float64(p.tf)
				norm := 1 - bm25B + bm25B*float64(s.sentLen[p.sent])/s.avgLen
				if sc.matched[p.sent] == 0 {
					sc.touched = append(sc.touched, p.sent)
				}
				sc.scores[p.sent] += q.weight * q.idf * tf * (bm25K1 + 1) / (tf + bm25K1*norm)
				sc.matched[p.sent] |= 1 << uint(q.bit)
			}
		}
	}
	s.carryToAnaphors(sc)
	s.typeCue(sc, shape.qtype, queryIDs, meanIDF)

	hits := make([]Hit, 0, len(sc.touched))
	for _, i := range sc.touched {
		hits = append(hits, Hit{Sentence: s.sents[i], Index: int(i), Score: sc.scores[i], Matched: sc.matched[i] &^ carried})
	}
	latest := shape.state
	slices.SortFunc(hits, func(a, b Hit) int {
		if a.Score != b.Score {
			if a.Score > b.Score {
				return -1
			}
			return 1
		}
		// Ties: news puts the essentials first; a question about the
		// current state of something wants the latest mention.
		if latest {
			return b.Index - a.Index
		}
		return a.Index - b.Index
	})
	if len(hits) > opt.TopK {
		hits = hits[:opt.TopK]
	}
	res.Hits = hits
	best := hits[0].Index

	if len(hits) < opt.TopK && len(s.sents) <= opt.TopK*64 {
		// Sentences sharing no word with the question still rank, after
		// those that do, in reading order: the lead of a short text is the
		// best remaining guess. (Only short texts: in a book it is noise.)
		for i := 0; i < len(s.sents) && len(res.Hits) < opt.TopK; i++ {
			if sc.matched[i] == 0 {
				res.Hits = append(res.Hits, Hit{Sentence: s.sents[i], Index: i})
			}
		}
	}

	covered := 0.0
	for _, q := range qterms {
		if sc.matched[best]&(1<<uint(q.bit)) != 0 {
			covered += q.idf
		}
	}
	if totalWeight > 0 {
		res.Coverage = covered / totalWeight
	}
	if knownWeight > 0 {
		res.KnownCoverage = covered / knownWeight
	}
	res.Confidence = confidence(res)
	return res
}

// carryToAnaphors gives a sentence that opens with "It", "He" or "This"
// part of the score of the sentence before it in the same paragraph: it is
// about what that one named.
func (s *Store) carryToAnaphors(sc *scratch) {
	n := len(sc.touched)
	for _, i := range sc.touched[:n] {
		j := i + 1
		if int(j) >= len(s.sents) || s.features[j]&featAnaphor == 0 ||
			s.sents[j].Doc != s.sents[i].Doc || s.sents[j].Paragraph != s.sents[i].Paragraph {
			continue
		}
		if sc.matched[j] == 0 {
			sc.touched = append(sc.touched, j)
			sc.matched[j] = carried
		}
		sc.carry[j] = anaphorCarry * sc.scores[i]
	}
	for _, j := range sc.touched {
		sc.scores[j] += sc.carry[j]
	}
}

// typeCue nudges sentences that hold the kind of answer the question asks
// for, and that hold it beyond what the question itself names.
func (s *Store) typeCue(sc *scratch, qt QType, queryIDs map[int32]bool, meanIDF float64) {
	want := qt.wants()
	if want == 0 {
		return
	}
	for _, i := range sc.touched {
		if s.features[i]&want == 0 {
			continue
		}
		fresh := s.features[i]&(featPerson|featDate) != 0
		for _, a := range s.answerIDs[i] {
			if !queryIDs[a] {
				fresh = true
				break
			}
		}
		if fresh {
			sc.scores[i] += typeBonus * meanIDF
		}
	}
}

// confidence blends two views of how much of the question the best sentence
// holds: by weight (unknown words weigh as much as the rarest term) and by
// count of known words (a corrected word counts half). Calibrated on SQuAD:
// answerable questions against their own paragraph versus questions from
// another article, it keeps abstentions on answerable questions near 1 %.
func confidence(r *Result) float64 {
	if r.Content <= 0 || len(r.Unknown) >= r.Content {
		return 0
	}
	known := float64(r.Content-len(r.Unknown)) - 0.5*float64(len(r.Corrections))
	c := 0.5*r.Coverage + 0.5*r.KnownCoverage*max(known, 0)/float64(r.Content)
	return min(max(c, 0), 1)
}

// stopWordTypo returns the function word that w misspells by one edit, for
// words of four letters or more ("wher" -> "where").
func stopWordTypo(w string) (string, bool) {
	rs := []rune(w)
	if len(rs) < 4 {
		return "", false
	}
	for _, sw := range typoProneStopWords {
		if osaDistance(rs, []rune(sw), 1) <= 1 {
			return sw, true
		}
	}
	return "", false
}

// typoProneStopWords are the longer function words, question words first.
var typoProneStopWords = []string{"where", "when", "what", "which", "whom", "whose", "there",
	"their", "these", "those", "about", "would", "could", "should", "does", "have", "were",
	"with", "from", "this", "that", "they", "them", "then", "than", "into", "after", "before"}

// Explain renders the search's reasoning for people: terms, corrections and
// the top scores.
func (r *Result) Explain() string {
	var b strings.Builder
	b.WriteString("question type: " + r.QType.String() + "\n")
	b.WriteString("terms:")
	if len(r.Terms) == 0 {
		b.WriteString(" (none: only stop words)")
	}
	for _, t := range r.Terms {
		if t.Found {
			b.WriteString(" " + t.Word + "→" + t.Stem + "(idf " + ftoa(t.IDF) + ")")
		} else {
			b.WriteString(" " + t.Word + "(unknown)")
		}
	}
	b.WriteString("\n")
	for _, c := range r.Corrections {
		b.WriteString("corrected: " + c.From + " → " + c.To + " (" + c.Method + ")\n")
	}
	b.WriteString("coverage: " + ftoa(r.Coverage) + ", confidence: " + ftoa(r.Confidence) + "\n")
	for i, h := range r.Hits {
		if h.Score == 0 {
			break
		}
		b.WriteString("  #" + itoa(i+1) + " score " + ftoa(h.Score) + "  sentence " + itoa(h.Sentence.N) + " (" + h.Sentence.Doc + ")\n")
	}
	return b.String()
}

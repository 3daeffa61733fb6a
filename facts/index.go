package facts

import (
	"math"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"
)

// posting is one sentence that holds a term, with the term's BM25
// saturation and length factor precomputed: a query multiplies it by IDF.
type posting struct {
	sent int32
	w    float32
}

// Store is the fact store: every loaded document's sentences, an inverted
// index of their stems for BM25, the vocabulary for typo correction, and
// per-sentence answer-type features. It is immutable once built and safe for
// concurrent use.
type Store struct {
	docs     []*Document
	sents    []*Sentence // all sentences, documents in order
	termID   map[string]int32
	terms    []string
	postings [][]posting // per term, sentences in order; slices of one array
	features []feature
	// answerIDs[answerAt[i]:answerAt[i+1]] are the term ids of the names
	// and numbers in sentence i.
	answerIDs []int32
	answerAt  []int32

	// vocabulary of surface words, for correction
	words    []string
	wordFreq []int32
	wordCap  []int32 // occurrences capitalised mid-sentence: names
	wordStem []int32 // term id of each word's stem
	wordID   map[string]int32
	// Short texts only, for the reranker: each word's row in vecData (-1:
	// none), rows of vecDim unit-vector components.
	wordVec   []int32
	vecData   []float32
	vecDim    int
	sentCores []atomic.Pointer[sentCore] // per sentence, what the reranker reads of it
	rrPool    sync.Pool                  // *rerankScratch

	corrOnce sync.Once
	corr     *corrector
	synCache []atomic.Pointer[[]int32] // per term, its synonyms' term ids

	analyseTime, indexTime time.Duration

	scratch sync.Pool
}

// NewStore indexes docs. Documents keep their order; sentences are
// numbered within each document.
//
// It works in two passes so that a book costs few allocations: the first
// analyses every sentence into term ids in one flat array, the second
// counts document frequencies and lays all postings out in one array.
func NewStore(docs ...*Document) *Store {
	s := &Store{
		docs:   docs,
		termID: make(map[string]int32),
		wordID: make(map[string]int32),
	}
	n := 0
	for _, d := range docs {
		n += len(d.Sentences)
	}
	s.sents = make([]*Sentence, 0, n)
	s.features = make([]feature, 0, n)
	s.answerAt = make([]int32, 1, n+1)
	start := time.Now()
	termsAt := make([]int32, 1, n+1) // sentence i's terms: flat[termsAt[i]:termsAt[i+1]]
	flat := make([]int32, 0, n*8)

	// Pass 1: analyse.
	for _, d := range docs {
		for i := range d.Sentences {
			sent := &d.Sentences[i]
			s.sents = append(s.sents, sent)
			text := sent.Text
			if d.markdown {
				text = stripMarkdown(text)
			}
			var f feature
			first, prevPrep := true, false
			if strings.IndexByte(text, '$') >= 0 || strings.Contains(text, "€") || strings.Contains(text, "£") || strings.Contains(text, "¥") {
				f |= featMoney
			}
			if strings.IndexByte(text, '%') >= 0 {
				f |= featPercent
			}
			tokenize(text, func(t token) {
				lex := lexicon[t.word]
				if first && lex.anaphor {
					f |= featAnaphor
				}
				f |= lex.feat
				if t.digit {
					f |= featNumber
					if isYear(t.word) {
						f |= featDate
					}
				}
				if t.upper && !first && prevPrep {
					f |= featPlace
				}
				prevPrep = lex.prep
				wasFirst := first
				first = false
				if lex.stop {
					return
				}
				wid, ok := s.wordID[t.word]
				if !ok {
					wid = s.addWord(t.word)
				}
				s.wordFreq[wid]++
				tid := s.wordStem[wid]
				flat = append(flat, tid)
				if (t.upper && !wasFirst) || t.digit {
					if t.upper {
						f |= featName
						s.wordCap[wid]++
					}
					s.answerIDs = append(s.answerIDs, tid)
				}
			})
			termsAt = append(termsAt, int32(len(flat)))
			s.answerAt = append(s.answerAt, int32(len(s.answerIDs)))
			s.features = append(s.features, f)
		}
	}

	if len(s.sents) <= rerankMaxSentences {
		s.indexVectors()
		s.sentCores = make([]atomic.Pointer[sentCore], len(s.sents))
	}

	for i := 1; i < len(s.sents); i++ {
		if s.features[i]&featAnaphor != 0 && s.sents[i].Doc == s.sents[i-1].Doc && s.sents[i].Paragraph == s.sents[i-1].Paragraph {
			s.features[i] |= featContinues
		}
	}

	s.analyseTime = time.Since(start)
	start = time.Now()

	// Pass 2: index. Sort each sentence's terms to count tf, count df, then
	// fill one postings array in sentence order.
	df := make([]int32, len(s.terms))
	sentLen := make([]int32, len(s.sents))
	total := 0
	for i := range s.sents {
		ids := flat[termsAt[i]:termsAt[i+1]]
		slices.Sort(ids)
		sentLen[i] = int32(len(ids))
		total += len(ids)
		for j := 0; j < len(ids); j++ {
			if j == 0 || ids[j] != ids[j-1] {
				df[ids[j]]++
			}
		}
	}
	avgLen := 1.0
	if len(s.sents) > 0 && total > 0 {
		avgLen = float64(total) / float64(len(s.sents))
	}
	all := make([]posting, 0, func() int {
		t := 0
		for _, c := range df {
			t += int(c)
		}
		return t
	}())
	s.postings = make([][]posting, len(s.terms))
	off := 0
	for t, c := range df {
		s.postings[t] = all[off : off : off+int(c)]
		off += int(c)
	}
	for i := range s.sents {
		ids := flat[termsAt[i]:termsAt[i+1]]
		norm := 1 - bm25B + bm25B*float64(sentLen[i])/avgLen
		for j := 0; j < len(ids); {
			k := j
			for k < len(ids) && ids[k] == ids[j] {
				k++
			}
			tf := float64(k - j)
			w := tf * (bm25K1 + 1) / (tf + bm25K1*norm)
			s.postings[ids[j]] = append(s.postings[ids[j]], posting{sent: int32(i), w: float32(w)})
			j = k
		}
	}
	s.synCache = make([]atomic.Pointer[[]int32], len(s.terms))
	s.indexTime = time.Since(start)
	// The typo corrector and the synonym lexicon are needed by the first
	// question with a misspelt or unknown word; build them now so that
	// question does not wait. A small vocabulary takes microseconds; a
	// book's takes tens of milliseconds, which the other core absorbs.
	if len(s.words) < 5000 {
		s.corrector()
	} else {
		go s.corrector()
	}
	go synonymsOf("")
	if len(s.sents) <= rerankMaxSentences {
		go kindsOf("")
	}
	return s
}

// addWord adds a new surface word to the vocabulary.
func (s *Store) addWord(word string) int32 {
	wid := int32(len(s.words))
	w := strings.Clone(word)
	s.wordID[w] = wid
	s.words = append(s.words, w)
	s.wordFreq = append(s.wordFreq, 0)
	s.wordCap = append(s.wordCap, 0)
	s.wordStem = append(s.wordStem, s.term(stem(w)))
	return wid
}

// answers returns the term ids of the names and numbers in sentence i.
func (s *Store) answers(i int32) []int32 {
	return s.answerIDs[s.answerAt[i]:s.answerAt[i+1]]
}

func (s *Store) term(stem string) int32 {
	if id, ok := s.termID[stem]; ok {
		return id
	}
	id := int32(len(s.terms))
	s.termID[stem] = id
	s.terms = append(s.terms, stem)
	return id
}

// Documents returns the loaded documents in order.
func (s *Store) Documents() []*Document { return s.docs }

// Len returns the number of sentences across all documents.
func (s *Store) Len() int { return len(s.sents) }

// Sentence returns the i-th sentence (0-based, across documents).
func (s *Store) Sentence(i int) *Sentence { return s.sents[i] }

// idf is BM25's inverse document frequency, sentences being the documents.
func (s *Store) idf(df int) float64 {
	n := float64(len(s.sents))
	return math.Log(1 + (n-float64(df)+0.5)/(float64(df)+0.5))
}

// Keywords returns up to n distinctive terms of the store, as the text
// writes them: the names it mentions most (words capitalised mid-sentence,
// titles aside), then its most frequent other content words.
func (s *Store) Keywords(n int) []string {
	type cand struct {
		w     string
		name  bool
		score float64
	}
	var cands []cand
	for i, w := range s.words {
		if utf8.RuneCountInString(w) < 3 || s.wordFreq[i] < 2 || personWords[w] || monthWords[w] || dateWords[w] || numberWords[w] || hasDigit(w) {
			continue
		}
		name := s.wordCap[i]*2 > s.wordFreq[i]
		score := float64(s.wordFreq[i])
		if !name {
			score *= s.idf(len(s.postings[s.wordStem[i]]))
		}
		cands = append(cands, cand{w, name, score})
	}
	slices.SortStableFunc(cands, func(a, b cand) int {
		if a.name != b.name {
			if a.name {
				return -1
			}
			return 1
		}
		if a.score != b.score {
			if a.score > b.score {
				return -1
			}
			return 1
		}
		return strings.Compare(a.w, b.w)
	})
	// Two names that stand together more than once are one name ("White
	// House", "Prince Andrew"); the first sentences of a long text suffice.
	isName := func(w string) bool {
		id, ok := s.wordID[w]
		return ok && s.wordCap[id]*2 > s.wordFreq[id] && !personWords[w]
	}
	pairs := map[[2]string]int{}
	for _, sent := range s.sents[:min(len(s.sents), 2000)] {
		// Headings capitalise every word ("The Pequod Meets the Virgin"):
		// they say nothing about which words belong together.
		words, caps := 0, 0
		tokenize(sent.Text, func(t token) {
			words++
			if t.upper {
				caps++
			}
		})
		if caps*10 > words*6 {
			continue
		}
		prev, prevUpper := "", false
		tokenize(sent.Text, func(t token) {
			if t.upper && prevUpper && isName(t.word) && isName(prev) {
				pairs[[2]string{prev, t.word}]++
			}
			prev, prevUpper = t.word, t.upper
		})
	}
	partner := map[string][2]string{}
	for p, c := range pairs {
		if c < 2 {
			continue
		}
		for _, w := range p {
			if old, ok := partner[w]; !ok || c > pairs[old] || c == pairs[old] && p[0]+p[1] < old[0]+old[1] {
				partner[w] = p
			}
		}
	}
	var out []string
	seenStem := map[int32]bool{}
	for _, c := range cands {
		tid := s.wordStem[s.wordID[c.w]]
		if seenStem[tid] {
			continue
		}
		seenStem[tid] = true
		if p, ok := partner[c.w]; ok && c.name {
			other := p[0]
			if other == c.w {
				other = p[1]
			}
			oid := s.wordStem[s.wordID[other]]
			if !seenStem[oid] {
				seenStem[oid] = true
				out = append(out, s.displayForm(p[0])+" "+s.displayForm(p[1]))
				if len(out) == n {
					break
				}
				continue
			}
		}
		out = append(out, s.displayForm(c.w))
		if len(out) == n {
			break
		}
	}
	return out
}

// displayForm returns w as the text writes it (capitalised for names).
func (s *Store) displayForm(w string) string {
	// The commonest spelling among the first occurrences: a heading's
	// "GEORGE" should not stand for the text's "George".
	tid := s.wordStem[s.wordID[w]]
	forms := map[string]int{}
	best, seen := w, 0
	for _, p := range s.postings[tid] {
		text := s.sents[p.sent].Text
		if i := indexWord(strings.ToLower(text), w); i >= 0 && len(text) >= i+len(w) {
			f := text[i : i+len(w)]
			forms[f]++
			if forms[f] > forms[best] {
				best = f
			}
			if seen++; seen == 50 {
				break
			}
		}
	}
	return best
}

// indexWord finds w in s as a whole word.
func indexWord(s, w string) int {
	from := 0
	for {
		i := strings.Index(s[from:], w)
		if i < 0 {
			return -1
		}
		i += from
		before := i == 0 || !isWordRune(lastRune(s[:i]))
		after := i+len(w) == len(s) || !isWordRune(firstRune(s[i+len(w):]))
		if before && after {
			return i
		}
		from = i + 1
	}
}

func lastRune(s string) rune {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] < 0x80 || s[i] >= 0xC0 {
			r := []rune(s[i:])
			if len(r) > 0 {
				return r[0]
			}
		}
	}
	return 0
}

// stripMarkdown blanks out link targets, images and HTML tags so that URLs
// and markup do not become search terms. It keeps byte lengths unchanged.
func stripMarkdown(text string) string {
	if !strings.ContainsAny(text, "](<") {
		return text
	}
	b := []byte(text)
	for i := 0; i < len(b); i++ {
		switch {
		case b[i] == ']' && i+1 < len(b) && b[i+1] == '(':
			j := i + 2
			for j < len(b) && b[j] != ')' && !unicode.IsSpace(rune(b[j])) {
				j++
			}
			for k := i; k < j && k < len(b); k++ {
				b[k] = ' '
			}
			i = j
		case b[i] == '<':
			j := i + 1
			for j < len(b) && b[j] != '>' && b[j] != '<' {
				j++
			}
			if j < len(b) && b[j] == '>' && j-i < 200 {
				for k := i; k <= j; k++ {
					b[k] = ' '
				}
				i = j
			}
		}
	}
	return string(b)
}

// BuildTimes reports how long NewStore spent analysing the sentences
// (tokens, stop words, stems, features) and building the index.
func (s *Store) BuildTimes() (analyse, index time.Duration) {
	return s.analyseTime, s.indexTime
}

// Prepare waits until the typo corrector and the synonym lexicon, which
// NewStore starts building in the background for long texts, are ready.
func (s *Store) Prepare() {
	s.corrector()
	synonymsOf("")
}

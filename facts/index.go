package facts

import (
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// posting is one sentence that holds a term, and how often.
type posting struct {
	sent int32
	tf   uint16
}

// Store is the fact store: every loaded document's sentences, an inverted
// index of their stems for BM25, the vocabulary for typo correction, and
// per-sentence answer-type features. It is immutable once built and safe for
// concurrent use.
type Store struct {
	docs      []*Document
	sents     []*Sentence // all sentences, documents in order
	termID    map[string]int32
	terms     []string
	postings  [][]posting
	sentLen   []uint16 // content terms per sentence
	avgLen    float64
	features  []feature
	answerIDs [][]int32 // per sentence: term ids of names and numbers in it

	// vocabulary of surface words, for correction
	words    []string
	wordFreq []int32
	wordCap  []int32 // occurrences capitalised mid-sentence: names
	wordStem []int32 // term id of each word's stem
	wordID   map[string]int32

	corrOnce sync.Once
	corr     *corrector

	scratch sync.Pool
}

// NewStore indexes docs. Documents keep their order; sentences are
// numbered within each document.
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
	s.sentLen = make([]uint16, 0, n)
	s.features = make([]feature, 0, n)
	s.answerIDs = make([][]int32, 0, n)
	st := make(stemmer)
	var ids []int32
	var answers []int32
	total := 0
	for _, d := range docs {
		for i := range d.Sentences {
			sent := &d.Sentences[i]
			si := int32(len(s.sents))
			s.sents = append(s.sents, sent)
			ids = ids[:0]
			answers = answers[:0]
			var f feature
			text := sent.Text
			if d.markdown {
				text = stripMarkdown(text)
			}
			first := true
			prevWord := ""
			tokenize(text, func(t token) {
				if prevWord == "" && anaphors[t.word] {
					f |= featAnaphor
				}
				f |= wordFeature(t.word, prevWord)
				isStop := stopWords[t.word]
				if t.digit {
					f |= featNumber
				}
				prevWord = t.word
				if isStop {
					first = false
					return
				}
				wid, ok := s.wordID[t.word]
				if !ok {
					wid = int32(len(s.words))
					w := strings.Clone(t.word)
					s.wordID[w] = wid
					s.words = append(s.words, w)
					s.wordFreq = append(s.wordFreq, 0)
					s.wordCap = append(s.wordCap, 0)
					tid := s.term(st.stem(w))
					s.wordStem = append(s.wordStem, tid)
				}
				s.wordFreq[wid]++
				tid := s.wordStem[wid]
				ids = append(ids, tid)
				if (t.upper && !first) || t.digit {
					if t.upper {
						f |= featName
						s.wordCap[wid]++
					}
					answers = append(answers, tid)
				}
				first = false
			})
			slices.Sort(ids)
			length := 0
			for j := 0; j < len(ids); {
				k := j
				for k < len(ids) && ids[k] == ids[j] {
					k++
				}
				tf := k - j
				if tf > math.MaxUint16 {
					tf = math.MaxUint16
				}
				s.postings[ids[j]] = append(s.postings[ids[j]], posting{sent: si, tf: uint16(tf)})
				length += k - j
				j = k
			}
			if length > math.MaxUint16 {
				length = math.MaxUint16
			}
			total += length
			s.sentLen = append(s.sentLen, uint16(length))
			s.features = append(s.features, f)
			var a []int32
			if len(answers) > 0 {
				a = slices.Clone(answers)
			}
			s.answerIDs = append(s.answerIDs, a)
		}
	}
	if len(s.sents) > 0 {
		s.avgLen = float64(total) / float64(len(s.sents))
	}
	if s.avgLen == 0 {
		s.avgLen = 1
	}
	return s
}

func (s *Store) term(stem string) int32 {
	if id, ok := s.termID[stem]; ok {
		return id
	}
	id := int32(len(s.terms))
	s.termID[stem] = id
	s.terms = append(s.terms, stem)
	s.postings = append(s.postings, nil)
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
	var out []string
	seenStem := map[int32]bool{}
	for _, c := range cands {
		tid := s.wordStem[s.wordID[c.w]]
		if seenStem[tid] {
			continue
		}
		seenStem[tid] = true
		out = append(out, s.displayForm(c.w))
		if len(out) == n {
			break
		}
	}
	return out
}

// displayForm returns w as the text writes it (capitalised for names).
func (s *Store) displayForm(w string) string {
	tid := s.wordStem[s.wordID[w]]
	for _, p := range s.postings[tid] {
		text := s.sents[p.sent].Text
		lower := strings.ToLower(text)
		if i := indexWord(lower, w); i >= 0 {
			return text[i : i+len(w)]
		}
	}
	return w
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

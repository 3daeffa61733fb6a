package facts

import (
	"iter"
	"math"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/storybot/storybot/english"
)

// tfOverflow is the term frequency stored in place of one too large for a
// byte; the true count is then in Store.tfOver.
const tfOverflow = math.MaxUint8

// Marks say what a sentence's words show, as bits: the English classes of
// its words (english.Kinds: a month, a number word, a title...) in the low
// 16 bits, and what its surface shows in the bits above. A matcher reads
// the kinds of answer a sentence can hold from them.
type Marks uint32

const (
	MarkName         Marks = 1 << (16 + iota) // a content word written with a capital, not first
	MarkDigit                                 // a token that starts with a digit
	MarkYear                                  // a token that reads as a year
	MarkPlaceName                             // a capitalised word right after a preposition of place
	MarkCurrency                              // a currency sign
	MarkPercentSign                           // a "%"
	MarkOpensAnaphor                          // the first word is a pronoun or "this/these"
	MarkCount                                 // a number that can count things: not a year, not a time of day
	MarkSum                                   // a sum of money: a number after a currency sign ("£45") or before a word of money ("34,000 pounds")
)

// Classes returns the English classes of the sentence's words.
func (m Marks) Classes() english.Class { return english.Class(m & 0xffff) }

// Store is the fact store: every loaded document's sentences, an inverted
// index of their stems, the vocabulary of their surface words, and what
// each sentence's words show. It is immutable once built and safe for
// concurrent use. It ranks nothing: matchers (package match) build their
// own tables from it.
type Store struct {
	docs  []*Document
	sents []*Sentence // all sentences, documents in order
	joins bool        // hyphenated words are indexed closed too (joinMaxSentences)
	// termID is each term's id while the store is built; termIDs holds
	// them once it is (see finishVocabulary).
	termID  map[string]int32
	termIDs *IDs
	terms   []string
	// postings are, per term, the indexes of the sentences holding it, in
	// order, in one array: term t's start at postAt[t] (postings.at). Each
	// posting's term frequency is tfs at the same place, or, when it is
	// tfOverflow, tfOver at that place (4 + 1 bytes a posting, not 8; and
	// no 24-byte slice a term, 3.8 MB of a ×8 book's).
	postings PostingLists
	postAt   []int32
	tfs      []uint8
	tfOver   map[int32]int32
	// ctxPostings are, per term, the sentences whose context (section
	// heading, introducing sentence) holds it; nil when none does.
	ctxPostings PostingLists
	sentLen     []int32 // per sentence, its content words
	marks       []Marks
	// answerIDs[answerAt[i]:answerAt[i+1]] are the term ids of the names
	// and numbers in sentence i.
	answerIDs []int32
	answerAt  []int32

	// vocabulary of surface words
	words    []string
	wordFreq []int32
	wordCap  []int32          // occurrences capitalised mid-sentence: names
	wordStem []int32          // term id of each word's stem
	wordID   map[string]int32 // while the store is built; wordIDs after
	wordIDs  *IDs
	// While the store is built: each word's lexicon classes, and the
	// stop words wordID holds until dropStopWords (see lookupWord).
	wordClass []english.Class
	stopWords []string
	// wordCache holds, while a long text is built, the wordID codes of
	// recently read words, in slots chosen by a cheap hash (wordSlot):
	// most tokens are a few thousand frequent words, found here without
	// hashing them for the map. nil for short texts.
	wordCache *[wordCacheSize]cachedWord

	analyseTime, indexTime time.Duration
}

// NewStore indexes docs. Documents keep their order; sentences are
// numbered within each document.
//
// It works in two passes so that a book costs few allocations: the first
// analyses every sentence into term ids in one flat array, the second
// counts document frequencies and lays all postings out in one array. A
// long text's first pass runs on every core (see parallelFirstPass), with
// the same result.
func NewStore(docs ...*Document) *Store {
	n := 0
	for _, d := range docs {
		n += len(d.Sentences)
	}
	return newStore(buildWorkers(n), docs)
}

// newStore is NewStore with its first pass on workers goroutines (one:
// the sequential pass).
func newStore(workers int, docs []*Document) *Store {
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
	for _, d := range docs {
		for i := range d.Sentences {
			s.sents = append(s.sents, &d.Sentences[i])
		}
	}
	s.marks = make([]Marks, 0, n)
	s.answerAt = make([]int32, 1, n+1)
	s.joins = n <= joinMaxSentences
	start := time.Now()
	var parts []firstPass
	var ctx contextIndex
	if workers = min(workers, n); workers > 1 {
		parts = s.parallelFirstPass(workers, &ctx)
	} else {
		if n >= wordCacheMinSentences {
			s.wordCache = new([wordCacheSize]cachedWord)
		}
		parts = []firstPass{s.firstPass(0, n, &ctx)}
		s.dropStopWords()
	}
	s.analyseTime = time.Since(start)
	start = time.Now()
	s.finishVocabulary()
	if n >= releaseMinSentences {
		// The first pass's garbage (the ranges' maps, most of a
		// vocabulary's first copies) goes back to the system before
		// the postings take their room: the collector, at the default
		// GOGC, would let the heap reach twice the live heap first.
		debug.FreeOSMemory()
	}
	s.index(parts)
	s.ctxPostings = ctx.postings(len(s.terms))
	s.indexTime = time.Since(start)
	return s
}

// releaseMinSentences: a text of this many sentences or more (four
// copies of War and Peace; one has 31,000) returns its first pass's
// garbage to the system before the postings are laid out.
const releaseMinSentences = 100_000

// firstPass is the first pass's result over a range of sentences: their
// term ids, each sentence's in one run of one chunk (see sentences), in
// order when sorted. The ids are kept in chunks rather than one array so
// that a book's are written once: a growing array copied its ids about
// four times over, 46 of a ×8 text's 290 MB of allocations, and held
// both copies at the moment it grew.
type firstPass struct {
	lo     int
	chunks [][]int32
	// ends[c] is the (range's) index of the first sentence after chunk c;
	// starts[i] is where sentence i's ids start in its chunk, and the
	// next sentence's start (or its chunk's end) is where they end.
	ends, starts []int32
	sorted       bool
}

// chunkIDs is the most term ids a chunk holds, unless one sentence has
// more; chunkRoom is the room a chunk must have left to take another
// sentence (a longer one grows the chunk instead).
const (
	chunkIDs  = 1 << 16
	chunkRoom = 1 << 10
)

// sentences yields each sentence's index in the range and its term ids.
func (p *firstPass) sentences() iter.Seq2[int, []int32] {
	return func(yield func(int, []int32) bool) {
		i := 0
		for c, ids := range p.chunks {
			end := int(p.ends[c])
			for ; i < end; i++ {
				to := int32(len(ids))
				if i+1 < end {
					to = p.starts[i+1]
				}
				if !yield(i, ids[p.starts[i]:to]) {
					return
				}
			}
		}
	}
}

// sort puts each sentence's term ids in order.
func (p *firstPass) sort() {
	for _, ids := range p.sentences() {
		slices.Sort(ids)
	}
	p.sorted = true
}

// firstPass analyses the store's sentences [lo, hi) into s's vocabulary,
// terms, marks and answers, and ctx.
func (s *Store) firstPass(lo, hi int, ctx *contextIndex) firstPass {
	p := firstPass{lo: lo, starts: make([]int32, 0, hi-lo)}
	var flat []int32
	ctx.sent = int32(lo)
	k := 0 // the index of d's first sentence in the store
	for _, d := range s.docs {
		from, to := max(lo-k, 0), min(hi-k, len(d.Sentences))
		k += len(d.Sentences)
		for i := from; i < to; i++ {
			if cap(flat)-len(flat) < chunkRoom {
				if flat != nil {
					p.chunks = append(p.chunks, flat)
					p.ends = append(p.ends, int32(len(p.starts)))
				}
				// Eight words a sentence, for a short text's one chunk.
				flat = make([]int32, 0, min(chunkIDs, (to-i)*8+chunkRoom))
			}
			sent := &d.Sentences[i]
			text := sent.Quote()
			if d.markdown {
				text = stripMarkdown(text)
			}
			var m Marks
			at, answers := len(flat), len(s.answerIDs)
			p.starts = append(p.starts, int32(at))
			flat, m = s.analyse(text, flat, sent.Heading())
			if sent.Heading() {
				// Its words are in the vocabulary, but it answers nothing.
				flat, s.answerIDs = flat[:at], s.answerIDs[:answers]
			}
			ctx.add(s, sent)
			s.answerAt = append(s.answerAt, int32(len(s.answerIDs)))
			s.marks = append(s.marks, m)
		}
	}
	if flat != nil {
		p.chunks = append(p.chunks, flat)
		p.ends = append(p.ends, int32(len(p.starts)))
	}
	return p
}

// parallelMinSentences: shorter texts are analysed on one goroutine,
// where starting others would cost more than they save.
const parallelMinSentences = 2000

// buildWorkers returns how many goroutines analyse a text of n sentences.
func buildWorkers(n int) int {
	if n < parallelMinSentences {
		return 1
	}
	return runtime.GOMAXPROCS(0)
}

// parallelFirstPass runs the first pass over contiguous ranges of
// sentences at once, each into a vocabulary of its own, then merges them
// in text order, so that every word and term has the id the sequential
// pass gives it: its first appearance in the text. The first range's
// vocabulary becomes the store's as it is; each later range's words are
// looked up or added in their own order (the order of their first
// appearance in the range), and its term ids are mapped to the store's.
func (s *Store) parallelFirstPass(workers int, ctx *contextIndex) []firstPass {
	bounds := s.rangeBounds(workers)
	s.marks = s.marks[:len(s.sents)]
	parts := make([]firstPass, workers)
	locals := make([]*Store, workers)
	ctxs := make([]contextIndex, workers)
	var wg sync.WaitGroup
	for c := range workers {
		lo, hi := bounds[c], bounds[c+1]
		// Sized for as many words as half the range's sentences, a
		// little under what books hold (War and Peace's halves 0.8 words
		// a sentence, its ×8 copies' 0.57): a map that grows from empty
		// rehashes its tables as it goes.
		hint := (hi - lo) / 2
		l := &Store{
			docs:     s.docs,
			termID:   make(map[string]int32, hint),
			wordID:   make(map[string]int32, hint),
			marks:    s.marks[lo:lo:hi],
			answerAt: make([]int32, 1, hi-lo+1),
			joins:    s.joins,
		}
		if hi-lo >= wordCacheMinSentences {
			l.wordCache = new([wordCacheSize]cachedWord)
		}
		locals[c] = l
		wg.Go(func() {
			parts[c] = l.firstPass(lo, hi, &ctxs[c])
			l.wordClass, l.wordCache = nil, nil
		})
	}
	wg.Wait()

	// Each range's sentences are sorted for the second pass as soon as
	// their ids are the store's, beside the merge.
	var remap sync.WaitGroup
	remap.Go(parts[0].sort)
	termMaps := s.mergeVocabularies(locals, parts, &remap)
	s.mergeAnswers(locals, termMaps, ctxs, ctx)
	remap.Wait()
	return parts
}

// rangeBounds splits the store's sentences into workers ranges of about
// equal text: range c is [bounds[c], bounds[c+1]).
func (s *Store) rangeBounds(workers int) []int {
	total := 0
	for _, sent := range s.sents {
		total += len(sent.Text) + 1
	}
	bounds := make([]int, workers+1)
	acc, w := 0, 1
	for i, sent := range s.sents {
		if w < workers && acc >= total*w/workers && i > bounds[w-1] {
			bounds[w] = i
			w++
		}
		acc += len(sent.Text) + 1
	}
	for ; w <= workers; w++ {
		bounds[w] = len(s.sents)
	}
	return bounds
}

// mergeVocabularies makes the first range's vocabulary and terms the
// store's, and merges the later ranges' into them, in order. A later
// range's words are looked up or added in their order, on this
// goroutine, while its terms are on another: the terms the store lacks
// are new in the order of their ids in the range, because a term is new
// there at its first word, which is new to the store too when the term
// is (words with a known stem would have brought it). Each later range's
// flat term ids are then mapped to the store's and sorted, on remap. It
// returns, per range, the map of its term ids to the store's (nil for the
// first, whose ids are the store's).
func (s *Store) mergeVocabularies(locals []*Store, parts []firstPass, remap *sync.WaitGroup) [][]int32 {
	// The store's words and terms are tables made once, with room for
	// every range's: a map grown while they were merged into it (twice
	// the first range's entries, on a ×8 book) was 28 MB of allocations
	// at the build's peak, and the ranges' maps are not read again.
	nWords, nTerms := 0, 0
	for _, l := range locals {
		nWords += len(l.words)
		nTerms += len(l.terms)
		l.wordID, l.termID = nil, nil
	}
	l0 := locals[0]
	// Sized once for every range's entries: exact when the ranges share
	// no word (a ×8 text's enciphered copies), and half as much again as
	// the vocabulary when they share most (a book's halves: a few hundred
	// KB). Grown by append, a ×8 text's spare room was 3 MB.
	room := func(x []int32, n int) []int32 { return append(make([]int32, 0, n), x...) }
	s.wordFreq, s.wordCap, s.wordStem = room(l0.wordFreq, nWords), room(l0.wordCap, nWords), room(l0.wordStem, nWords)
	words := newIDsRoom(append(make([]string, 0, nWords), l0.words...), nWords)
	terms := newIDsRoom(append(make([]string, 0, nTerms), l0.terms...), nTerms)
	termMaps := make([][]int32, len(locals))
	var merging sync.WaitGroup
	merging.Go(func() {
		for c := 1; c < len(locals); c++ {
			termMap := mergeTerms(terms, locals[c].terms)
			termMaps[c] = termMap
			p := &parts[c]
			remap.Go(func() {
				for _, ids := range p.chunks {
					for j, t := range ids {
						ids[j] = termMap[t]
					}
				}
				p.sort()
			})
		}
	})
	known := len(words.keys)
	wordMaps := make([][]int32, len(locals))
	for c := 1; c < len(locals); c++ {
		wordMaps[c] = s.mergeWords(words, locals[c])
	}
	merging.Wait()
	s.words, s.wordIDs = words.keys, words
	s.terms, s.termIDs = terms.keys, terms
	s.wordStem = slices.Grow(s.wordStem, len(s.words)-known)[:len(s.words)]
	for c := 1; c < len(locals); c++ {
		l := locals[c]
		for lw, id := range wordMaps[c] {
			if int(id) >= known {
				s.wordStem[id] = termMaps[c][l.wordStem[lw]]
			}
		}
	}
	return termMaps
}

// mergeTerms adds to the terms table those of stems it lacks, in order,
// and returns the table's id of each stem.
func mergeTerms(terms *IDs, stems []string) []int32 {
	termMap := make([]int32, len(stems))
	for t, stem := range stems {
		termMap[t], _ = terms.add(stem)
	}
	return termMap
}

// mergeWords adds to the words table the words of l it lacks, in order,
// adds up their counts, and returns the table's id of each of l's words.
// The new words' stems are set by the caller.
func (s *Store) mergeWords(words *IDs, l *Store) []int32 {
	wordMap := make([]int32, len(l.words))
	for lw, w := range l.words {
		id, added := words.add(w)
		if added {
			s.wordFreq = append(s.wordFreq, 0)
			s.wordCap = append(s.wordCap, 0)
		}
		s.wordFreq[id] += l.wordFreq[lw]
		s.wordCap[id] += l.wordCap[lw]
		wordMap[lw] = id
	}
	return wordMap
}

// mergeAnswers appends the ranges' answers and context terms, in order,
// with their term ids mapped to the store's.
func (s *Store) mergeAnswers(locals []*Store, termMaps [][]int32, ctxs []contextIndex, ctx *contextIndex) {
	nAnswers := 0
	for _, l := range locals {
		nAnswers += len(l.answerIDs)
	}
	if nAnswers > 0 {
		s.answerIDs = make([]int32, 0, nAnswers)
	}
	ctx.reserve(ctxs)
	for c, l := range locals {
		termMap := termMaps[c]
		base := int32(len(s.answerIDs))
		for _, t := range l.answerIDs {
			if termMap != nil {
				t = termMap[t]
			}
			s.answerIDs = append(s.answerIDs, t)
		}
		for _, a := range l.answerAt[1:] {
			s.answerAt = append(s.answerAt, base+a)
		}
		ctx.merge(&ctxs[c], termMap)
	}
}

// analyse is the first pass over one sentence: it appends the term ids of
// its content words to flat, adds its names and numbers to answerIDs, and
// returns what its words show. A heading in capitals ("OPENING HOURS")
// makes no word a name (a title's "Ingrid Voskuijlen" does).
func (s *Store) analyse(text string, flat []int32, heading bool) ([]int32, Marks) {
	var m Marks
	first, prevPrep, prevWord := true, false, ""
	imperative := false // the first word may be a verb telling what to do
	ms := measures{sinceNumber: 3, sinceDigit: 3}
	// "€" is E2 82 AC, and "£", "¥" and "°" start with C2: a byte search
	// rules each out in most sentences, where searching for the whole
	// sign stopped at every curly quote (E2 80 ..).
	euro := strings.IndexByte(text, 0xAC) >= 0 && strings.Contains(text, "€")
	c2 := strings.IndexByte(text, 0xC2) >= 0
	if strings.IndexByte(text, '$') >= 0 || euro || c2 && (strings.Contains(text, "£") || strings.Contains(text, "¥")) {
		m |= MarkCurrency
	}
	if strings.IndexByte(text, '%') >= 0 {
		m |= MarkPercentSign
	}
	if c2 && strings.Contains(text, "°") {
		m |= Marks(english.Temperature)
	}
	var hy english.Hyphens
	english.Tokenize(text, func(t english.Token) {
		if s.joins {
			flat = s.joinHyphenated(text, t, &hy, flat)
		}
		c, wid := s.lookupWord(t.Word)
		if t.Digit && english.InClockTime(text, t) {
			c |= english.Clock
		}
		if first && c&english.Anaphor != 0 || imperative && (t.Word == "it" || t.Word == "them") {
			// "It was built in 1932"; "Place them seam side up", "Let it
			// cool": an instruction's object is what the sentence before
			// named.
			m |= MarkOpensAnaphor
		}
		imperative = first && c&english.Stop == 0 && !t.Digit
		if c&english.Money != 0 && ms.sinceDigit <= 2 {
			m |= MarkSum // "34,000 pounds", "2 million dollars"
		}
		m |= ms.next(t, c)
		if t.Digit {
			m |= MarkDigit
			if isPence(t.Word) {
				m |= MarkCurrency // "4.2p per share", "22p a mile"
			}
			if english.IsYear(t.Word) {
				m |= MarkYear
			} else if english.InAmount(text, t) {
				m |= MarkSum
			} else if c&english.Clock == 0 && !english.InDayOfMonth(text, t, prevWord) && !english.IsOrdinal(t.Word) {
				m |= MarkCount
			}
		} else if c&english.Number != 0 && !english.IsOrdinal(t.Word) && !(t.Word == "one" && strings.HasPrefix(text[t.End:], " of ")) {
			m |= MarkCount // not "one of the largest": a member, not a count; not "the third": a place
		}
		if t.Upper && !first && prevPrep {
			m |= MarkPlaceName
		}
		// "in the Corn Exchange" as "in Paris": the article keeps the place.
		prevPrep = c&english.PlacePreposition != 0 || prevPrep && t.Word == "the"
		prevWord = t.Word
		wasFirst := first
		first = false
		if c&english.Stop != 0 {
			return
		}
		s.wordFreq[wid]++
		tid := s.wordStem[wid]
		flat = append(flat, tid)
		if (t.Upper && !wasFirst) || t.Digit {
			if t.Upper {
				m |= MarkName
				if !heading || !isCapitals(text[t.Start:t.End]) {
					s.wordCap[wid]++
				}
			}
			s.answerIDs = append(s.answerIDs, tid)
		}
	})
	return flat, m | ms.duration
}

// measures reads a sentence's measured answers word by word. A unit is
// one only right after a number, or one word after it ("14 km", "four
// hours", "a full hour"), not in "every day" or "twice a day". A duration
// is kept back one word: "eight years later" says when, not how long, so
// "how long will the bread stay fresh?" is not answered by it ("ago"
// keeps it: "how long ago" asks for it).
type measures struct {
	sinceNumber int
	// sinceDigit counts the words since a number written in digits, or
	// a number word after one ("18 million"): 1 right after it.
	sinceDigit int
	prev       string
	duration   Marks // a duration read, not yet given
}

// next reads t, of classes c, and returns the kinds it shows.
func (ms *measures) next(t english.Token, c english.Class) Marks {
	var m Marks
	if ms.duration != 0 && !offsetWords[t.Word] {
		m |= ms.duration
	}
	ms.duration = 0
	kinds := c & english.Kinds
	if kinds&english.Units&^english.Clock != 0 && ms.sinceNumber > 2 {
		kinds &^= english.Units &^ english.Clock
	}
	if kinds&english.Duration != 0 {
		ms.duration, kinds = Marks(english.Duration), kinds&^english.Duration
	}
	m |= Marks(kinds)
	if (t.Digit || c&english.Number != 0) && ageWords[ms.prev] {
		m |= Marks(english.Duration) // "aged 16": an age is a span of years
	}
	ms.sinceNumber++
	if ms.sinceDigit++; t.Digit || c&english.Number != 0 && ms.sinceDigit == 2 {
		ms.sinceDigit = 1
	}
	switch {
	case (t.Word == "a" || t.Word == "an") && rateWords[ms.prev]:
		ms.sinceNumber = 3 // "twice a day": a rate, not a measure
	case english.IsOrdinal(t.Word):
		ms.sinceNumber = 3 // "the third week", "Twelfth Night": a place in an order, not a span
	case t.Digit || c&english.Number != 0 || t.Word == "a" || t.Word == "an":
		ms.sinceNumber = 1
	case c&english.Stop != 0 || t.Word == "every":
		ms.sinceNumber = 3 // "at 11am every day": a rate, not a measure
	}
	ms.prev = t.Word
	return m
}

// joinMaxSentences bounds the texts whose hyphenated words are also
// indexed closed ("Wi-Fi" as "wifi"): where the matcher reads sentences'
// words beyond BM25's (match's rerankMaxSentences); a book's build does
// not pay for the extra words.
const joinMaxSentences = 2000

// joinHyphenated adds the closed form of a hyphenated pair of words
// ("Wi-Fi": "wifi", english.Hyphens) to flat when t ends one.
func (s *Store) joinHyphenated(text string, t english.Token, h *english.Hyphens, flat []int32) []int32 {
	if closed, ok := h.Next(text, t); ok {
		if _, jid := s.lookupWord(closed); jid >= 0 {
			s.wordFreq[jid]++
			flat = append(flat, s.wordStem[jid])
		}
	}
	return flat
}

// ageWords before a number make it an age ("aged 16", "age 8"), which
// answers "how old" as "16 years" does.
var ageWords = map[string]bool{"aged": true, "age": true, "ages": true}

// offsetWords after a duration make it a time: "eight years later".
var offsetWords = map[string]bool{"later": true, "earlier": true, "afterwards": true, "afterward": true}

// rateWords before "a" make a rate ("twice a day", "three times a week").
var rateWords = map[string]bool{"once": true, "twice": true, "thrice": true, "times": true}

// index is the second pass: it sorts each sentence's terms (unless the
// first pass did) to count term frequencies, counts document frequencies, then fills one postings array
// in sentence order. parts are the first pass's, in sentence order.
func (s *Store) index(parts []firstPass) {
	df := make([]int32, len(s.terms))
	s.sentLen = make([]int32, len(s.sents))
	total := 0
	for _, p := range parts {
		for i, ids := range p.sentences() {
			if !p.sorted {
				slices.Sort(ids)
			}
			s.sentLen[p.lo+i] = int32(len(ids))
			for j := 0; j < len(ids); j++ {
				if j == 0 || ids[j] != ids[j-1] {
					df[ids[j]]++
					total++
				}
			}
		}
	}
	all := make([]int32, total)
	s.tfs = make([]uint8, total)
	// Term t's postings are counted at t+2, so that once the counts are
	// summed t+1 holds t's start, the place its next posting goes: filled,
	// t+1 holds t's end, which is t+1's start.
	at := make([]int32, len(s.terms)+2)
	for t, c := range df {
		at[t+2] = c
	}
	for t := 1; t < len(at); t++ {
		at[t] += at[t-1]
	}
	for _, p := range parts {
		for i, ids := range p.sentences() {
			for j := 0; j < len(ids); {
				k := j
				for k < len(ids) && ids[k] == ids[j] {
					k++
				}
				next := &at[ids[j]+1]
				s.setTF(int(*next), k-j)
				all[*next] = int32(p.lo + i)
				*next++
				j = k
			}
		}
	}
	s.postAt = at[: len(s.terms)+1 : len(s.terms)+1]
	s.postings = PostingLists{sents: all, at: s.postAt}
}

// setTF records the term frequency of the posting at flat index at.
func (s *Store) setTF(at, tf int) {
	if tf < tfOverflow {
		s.tfs[at] = uint8(tf)
		return
	}
	s.tfs[at] = tfOverflow
	if s.tfOver == nil {
		s.tfOver = make(map[int32]int32)
	}
	s.tfOver[int32(at)] = int32(tf)
}

// TF returns how often term t occurs in the sentence Postings()[t][k].
func (s *Store) TF(t, k int) int32 {
	at := int(s.postAt[t]) + k
	if tf := s.tfs[at]; tf != tfOverflow {
		return int32(tf)
	}
	return s.tfOver[int32(at)]
}

// lookupWord returns word's lexicon classes and, unless it is a stop
// word, its id, adding it to the vocabulary when new. It is one map
// lookup per token (the lexicon's and the vocabulary's were two, a sixth
// of a book's analysis): while the store is built, wordID also holds the
// stop words, as -1 - their classes, and wordClass each word's classes;
// dropStopWords removes both once every sentence is read.
func (s *Store) lookupWord(word string) (english.Class, int32) {
	var slot *cachedWord
	if s.wordCache != nil && word != "" {
		slot = &s.wordCache[wordSlot(word)]
		if slot.word == word {
			return s.wordCode(slot.code)
		}
	}
	code, ok := s.wordID[word]
	if !ok {
		c := english.Lookup(word)
		if c&english.Stop != 0 {
			w := strings.Clone(word)
			code = -1 - int32(c)
			s.wordID[w] = code
			s.stopWords = append(s.stopWords, w)
		} else {
			code = s.addWord(word)
		}
	}
	if slot != nil {
		*slot = cachedWord{word, code}
	}
	return s.wordCode(code)
}

// wordCode returns the classes and id of a word whose wordID code is code
// while the store is built (see lookupWord).
func (s *Store) wordCode(code int32) (english.Class, int32) {
	if code < 0 {
		return english.Class(-1 - code), -1
	}
	return s.wordClass[code], code
}

// cachedWord is a slot of Store.wordCache: a word and its wordID code.
type cachedWord struct {
	word string
	code int32
}

const (
	wordCacheBits = 12
	wordCacheSize = 1 << wordCacheBits
)

// wordCacheMinSentences: shorter texts are built without the cache, which
// would cost more to clear than it saves. A variable so that tests can
// build a store both ways.
var wordCacheMinSentences = 2000

// wordSlot returns the wordCache slot of a non-empty word, from its
// length and its first, middle and last bytes.
func wordSlot(w string) uint32 {
	n := len(w)
	x := uint32(w[0]) | uint32(w[n/2])<<8 | uint32(w[n-1])<<16 | uint32(n)<<24
	return (x * 0x9E3779B1) >> (32 - wordCacheBits)
}

// dropStopWords ends the build's use of wordID for stop words, and of
// the word cache, which holds their codes.
func (s *Store) dropStopWords() {
	for _, w := range s.stopWords {
		delete(s.wordID, w)
	}
	s.stopWords, s.wordClass, s.wordCache = nil, nil, nil
}

// finishVocabulary ends the build's use of the vocabulary's maps, once
// every word is read: their ids are kept in tables a tenth of their size
// (IDs), made before the postings are laid out so that the maps are
// garbage by then.
func (s *Store) finishVocabulary() {
	// A merge's tables are kept unless they have more than twice the
	// slots the vocabulary needs (the ranges shared most of their words).
	if s.termIDs == nil || len(s.termIDs.slots) > 2*idsSize(len(s.terms)) {
		s.termIDs = NewIDs(s.terms)
	}
	if s.wordIDs == nil || len(s.wordIDs.slots) > 2*idsSize(len(s.words)) {
		s.wordIDs = NewIDs(s.words)
	}
	s.termID, s.wordID = nil, nil
}

// addWord adds a new surface word to the vocabulary.
func (s *Store) addWord(word string) int32 {
	wid := int32(len(s.words))
	w := strings.Clone(word)
	s.wordID[w] = wid
	s.wordClass = append(s.wordClass, english.Lookup(w))
	s.words = append(s.words, w)
	s.wordFreq = append(s.wordFreq, 0)
	s.wordCap = append(s.wordCap, 0)
	s.wordStem = append(s.wordStem, s.term(english.Stem(w)))
	return wid
}

// Answers returns the term ids of the names and numbers in sentence i.
func (s *Store) Answers(i int32) []int32 {
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

// idf is a term's inverse document frequency, sentences being the
// documents, as BM25 weighs it: Keywords ranks content words by it.
func (s *Store) idf(df int) float64 {
	n := float64(len(s.sents))
	return math.Log(1 + (n-float64(df)+0.5)/(float64(df)+0.5))
}

// Keywords returns up to n distinctive terms of the store, as the text
// writes them: the names it mentions most (words capitalised mid-sentence,
// titles aside), then its most frequent other content words.
func (s *Store) Keywords(n int) []string {
	// Only the first few candidates are read: keep those (a book has
	// twenty thousand), and find the rest only if they run out.
	return s.keywords(n, 4*n+16)
}

// keywords is Keywords keeping the first k candidates.
func (s *Store) keywords(n, k int) []string {
	partner := s.namePairs()
	var out []string
	seenStem := map[int32]bool{}
	cands, more := s.keywordCandidates(k)
	for i := 0; i < len(cands) && len(out) < n; i++ {
		if i == len(cands)-1 && more {
			cands, _ = s.keywordCandidates(len(s.words)) // all of them
			more = false
		}
		c := cands[i]
		tid := s.wordStem[s.wordIDs.Index(c.w)]
		if seenStem[tid] {
			continue
		}
		seenStem[tid] = true
		if p, ok := partner[c.w]; ok && c.name {
			other := p[0]
			if other == c.w {
				other = p[1]
			}
			oid := s.wordStem[s.wordIDs.Index(other)]
			if !seenStem[oid] {
				seenStem[oid] = true
				out = append(out, s.displayForm(p[0])+" "+s.displayForm(p[1]))
				continue
			}
		}
		out = append(out, s.displayForm(c.w))
	}
	return out
}

// keyword is a candidate for Keywords.
type keyword struct {
	w     string
	name  bool
	score float64
}

// keywordCandidates returns the first k of the words that may stand for
// the text in keywordOrder (names first, then by frequency for names or
// frequency times IDF for other words), and whether there are more. It
// keeps only those k as it goes: collecting a ×8 book's hundred thousand
// candidates to sort a few cost the first refused question 60 ms.
func (s *Store) keywordCandidates(k int) ([]keyword, bool) {
	best := make([]keyword, 0, min(k, len(s.words)))
	more := false
	columns := s.columnWords()
	for i, w := range s.words {
		freq, capital := s.wordFreq[i], s.wordCap[i]
		if n := columns[w]; n > 0 {
			freq, capital = freq-n, max(capital-n, 0)
		}
		if freq < 2 || utf8.RuneCountInString(w) < 3 || english.IsTitleTimeOrNumber(w) || english.HasDigit(w) {
			continue
		}
		name := capital*2 > freq
		score := float64(freq)
		if !name {
			score *= s.idf(len(s.postings.Of(int(s.wordStem[i]))))
		}
		if len(best) == k {
			more = true
		}
		best = keepBest(best, k, keyword{w, name, score})
	}
	slices.SortFunc(best, keywordOrder)
	return best, more
}

// keepBest adds c to best, a heap of at most k candidates whose root is
// the last of them in keywordOrder, and returns it: when best is full, c
// takes the root's place if it comes before it.
func keepBest(best []keyword, k int, c keyword) []keyword {
	if len(best) < k {
		best = append(best, c)
		for i := len(best) - 1; i > 0; { // sift up
			p := (i - 1) / 2
			if keywordOrder(best[i], best[p]) <= 0 {
				break
			}
			best[i], best[p] = best[p], best[i]
			i = p
		}
		return best
	}
	if k == 0 || keywordOrder(c, best[0]) >= 0 {
		return best
	}
	best[0] = c
	for i := 0; ; { // sift down
		l, last := 2*i+1, i
		if l < len(best) && keywordOrder(best[l], best[last]) > 0 {
			last = l
		}
		if r := l + 1; r < len(best) && keywordOrder(best[r], best[last]) > 0 {
			last = r
		}
		if last == i {
			return best
		}
		best[i], best[last] = best[last], best[i]
		i = last
	}
}

// keywordOrder puts names first, then the higher score, then the word.
// The order is total (the words are distinct), so an unstable sort gives
// the stable one's result, faster.
func keywordOrder(a, b keyword) int {
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
}

// columnWords counts the words a table's column names add to its rows:
// each row is indexed as its cells with their column names ("Time: 12 to
// 16 hours"), so "time" would count once a row, capitalised, and read as
// the text's main name. Keywords leaves these out.
func (s *Store) columnWords() map[string]int32 {
	var out map[string]int32
	for _, sent := range s.sents {
		if sent.Display() == "" {
			continue
		}
		if out == nil {
			out = map[string]int32{}
		}
		inText := map[string]int{}
		english.Tokenize(sent.Text, func(t english.Token) { inText[t.Word]++ })
		english.Tokenize(sent.Display(), func(t english.Token) {
			if inText[t.Word] > 0 {
				inText[t.Word]--
				return
			}
			out[t.Word]++
		})
	}
	return out
}

// IsName reports whether the documents write the lower-case word w as a
// name: capitalised mid-sentence in more than half its uses, or at least
// once when English has no such common word (a name that often opens its
// sentence, "Bolton said…"); and no stop word or word for a person
// ("Pompeo", "Bolton"; not "may", "mr"). Chat questions are often typed
// in lower case.
func (s *Store) IsName(w string) bool {
	id, ok := s.wordIDs.Lookup(w)
	if !ok || id < 0 || int(id) >= len(s.wordCap) || s.wordCap[id] == 0 || english.Lookup(w)&(english.Person|english.Stop) != 0 {
		return false
	}
	return s.wordCap[id]*2 > s.wordFreq[id] || !english.IsDictionaryWord(w)
}

// namePairs finds names that stand together more than once, which are one
// name ("White House", "Prince Andrew"), and returns each name's most
// frequent partner pair. The first sentences of a long text suffice.
func (s *Store) namePairs() map[string][2]string {
	isName := func(w string) bool {
		id, ok := s.wordIDs.Lookup(w)
		return ok && s.wordCap[id]*2 > s.wordFreq[id] && english.Lookup(w)&english.Person == 0
	}
	pairs := map[[2]string]int{}
	var toks []english.Token
	for _, sent := range s.sents[:min(len(s.sents), 2000)] {
		// Headings capitalise every word ("The Pequod Meets the Virgin"):
		// they say nothing about which words belong together.
		toks = toks[:0]
		caps := 0
		english.Tokenize(sent.Text, func(t english.Token) {
			toks = append(toks, t)
			if t.Upper {
				caps++
			}
		})
		if caps*10 > len(toks)*6 {
			continue
		}
		for i := 1; i < len(toks); i++ {
			prev, t := toks[i-1], toks[i]
			if t.Upper && prev.Upper && isName(t.Word) && isName(prev.Word) {
				pairs[[2]string{prev.Word, t.Word}]++
			}
		}
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
	return partner
}

// displayForm returns w as the text writes it (capitalised for names).
func (s *Store) displayForm(w string) string {
	// The commonest spelling among the first occurrences: a heading's
	// "GEORGE" should not stand for the text's "George".
	tid := s.wordStem[s.wordIDs.Index(w)]
	forms := map[string]int{}
	best, seen := w, 0
	for k, p := range s.postings.Of(int(tid)) {
		if k == 100 && seen == 0 {
			break // a word written no way the text's tokens show
		}
		text := s.sents[p].Text
		f, ok := "", false
		if i := indexWordFold(text, w); i >= 0 && len(text) >= i+len(w) {
			f, ok = text[i:i+len(w)], true
		} else {
			f, ok = tokenForm(text, w)
		}
		if ok {
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

// tokenForm returns the first word of text that reads as w, as text
// writes it: a word with accents is indexed without them ("Natásha" as
// "natasha"), so only its token's span finds it. A possessive is left out.
func tokenForm(text, w string) (string, bool) {
	f, ok := "", false
	english.Tokenize(text, func(t english.Token) {
		if !ok && t.Word == w && !brokenAt(text[t.End:]) {
			f, ok = text[t.Start:t.End], true
		}
	})
	for _, poss := range []string{"'s", "’s", "'S", "’S"} {
		if ok && strings.HasSuffix(f, poss) {
			f = f[:len(f)-len(poss)]
		}
	}
	return f, ok
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
		before := i == 0 || !english.IsWordRune(lastRune(s[:i]))
		after := i+len(w) == len(s) || !english.IsWordRune(english.FirstRune(s[i+len(w):]))
		if before && after {
			return i
		}
		from = i + 1
	}
}

// brokenAt reports whether rest, what follows a word, goes on with a
// symbol and more letters: the word is part of a longer one its
// tokens split ("NatÃ¡sha", text decoded twice), not how the text
// writes it.
func brokenAt(rest string) bool {
	r, n := utf8.DecodeRuneInString(rest)
	return r >= utf8.RuneSelf && !unicode.IsSpace(r) && unicode.IsLetter(english.FirstRune(rest[n:]))
}

// indexWordFold is indexWord(strings.ToLower(text), w), w in lower case,
// without the lower-case copy (the copy was most of a book's Keywords)
// when every rune of text lowers to as many bytes, so that offsets agree.
func indexWordFold(text, w string) int {
	if w == "" {
		return indexWord(text, w)
	}
	for i := 0; i < len(text); {
		if text[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError || utf8.RuneLen(unicode.ToLower(r)) != size {
			return indexWord(strings.ToLower(text), w)
		}
		i += size
	}
	for i := 0; i+len(w) <= len(text); {
		size := 1
		if text[i] >= utf8.RuneSelf {
			_, size = utf8.DecodeRuneInString(text[i:])
		} else if lowerASCII(text[i]) != w[0] {
			i++
			continue
		}
		if foldsTo(text[i:], w) {
			before := i == 0 || !english.IsWordRune(unicode.ToLower(lastRune(text[:i])))
			after := i+len(w) == len(text) || !english.IsWordRune(unicode.ToLower(english.FirstRune(text[i+len(w):])))
			if before && after {
				return i
			}
		}
		i += size
	}
	return -1
}

// lowerAt is the rune at text[i:] in lower case, and its length.
func lowerAt(text string, i int) (rune, int) {
	if c := text[i]; c < utf8.RuneSelf {
		return rune(lowerASCII(c)), 1
	}
	r, size := utf8.DecodeRuneInString(text[i:])
	return unicode.ToLower(r), size
}

// foldsTo reports whether text, lower-cased, starts with w (the runes of
// text lower to as many bytes).
func foldsTo(text, w string) bool {
	j := 0
	for k := 0; k < len(w); {
		if j >= len(text) {
			return false
		}
		r, size := lowerAt(text, j)
		wr, wsize := rune(w[k]), 1
		if wr >= utf8.RuneSelf {
			wr, wsize = utf8.DecodeRuneInString(w[k:])
		}
		if r != wr {
			return false
		}
		j, k = j+size, k+wsize
	}
	return j <= len(text)
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func lastRune(s string) rune {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] < 0x80 || s[i] >= 0xC0 {
			r, _ := utf8.DecodeRuneInString(s[i:])
			return r
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
// (tokens, stop words, stems, marks) and building the index.
func (s *Store) BuildTimes() (analyse, index time.Duration) {
	return s.analyseTime, s.indexTime
}

// The accessors below give a matcher the store's tables. They share the
// store's memory, which must not be changed: a store is read by every
// question at once.

// Sentences returns all sentences, documents in order.
func (s *Store) Sentences() []*Sentence { return s.sents }

// Marks returns what sentence i's words show.
func (s *Store) Marks(i int) Marks { return s.marks[i] }

// Terms returns the index terms (stems) by term id, and the id of each.
func (s *Store) Terms() ([]string, *IDs) { return s.terms, s.termIDs }

// PostingOffsets returns, per term id, where its postings start in the one
// array all of Postings' lists share (and, at the number of terms, where
// they end), so that a caller can keep values per posting in one array
// too.
func (s *Store) PostingOffsets() []int32 { return s.postAt }

// TermFrequencies returns each posting's term frequency as a byte, laid
// out as the postings (term t's from PostingOffsets()[t]), read in place;
// a byte of math.MaxUint8 says the count is larger, and TF gives it.
func (s *Store) TermFrequencies() []uint8 { return s.tfs }

// Postings returns, per term id, the indexes of the sentences that hold
// the term, in order; TF gives how often each does.
func (s *Store) Postings() PostingLists { return s.postings }

// ContextPostings returns, per term id, the sentences whose context holds
// the term: the heading of their section, or the sentence that introduces
// their list or table (Sentence.Section, Sentence.Context). They are kept
// apart from Postings, which hold each sentence's own words, so that a
// matcher can weigh context less, and so that context neither lowers a
// term's IDF nor lengthens a sentence. Terms no context holds have none;
// the result has no terms when no sentence has context.
func (s *Store) ContextPostings() PostingLists { return s.ctxPostings }

// SentenceLengths returns, per sentence, how many content words it has.
func (s *Store) SentenceLengths() []int32 { return s.sentLen }

// Vocabulary is the store's surface words, by word id.
type Vocabulary struct {
	Words []string
	Freq  []int32 // occurrences of each word
	Stem  []int32 // term id of each word's stem
	ID    *IDs
}

// Vocabulary returns the store's surface words.
func (s *Store) Vocabulary() Vocabulary {
	return Vocabulary{Words: s.words, Freq: s.wordFreq, Stem: s.wordStem, ID: s.wordIDs}
}

// isPence reports whether w is an amount in pence: "22p", "4.2p", not
// "720p", a screen's resolution (pence past 99 are written in pounds).
func isPence(w string) bool {
	n := len(w) - 1
	if n < 1 || w[n] != 'p' {
		return false
	}
	whole, frac, _ := strings.Cut(w[:n], ".")
	return whole != "" && len(whole) <= 2 && strings.Trim(whole, "0123456789") == "" && strings.Trim(frac, "0123456789") == ""
}

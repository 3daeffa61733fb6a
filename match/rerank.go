package match

import (
	"math"
	"slices"
	"strings"

	"github.com/storybot/storybot/english"
	"github.com/storybot/storybot/facts"
)

// The reranker reorders the first candidates of a short text (up to
// rerankMaxSentences) by a linear score over the features below, weighed
// by rerankWeights (rerank_weights.go, fitted by internal/fitrank on SQuAD).
// BM25 sees only words that are written alike; the features add what it
// cannot: how close in meaning the question's other words are to the
// sentence's (word vectors), whether the sentence before supplies the
// subject a pronoun stands for, whether the sentence holds the kind of
// answer asked for, and where it stands. In a long text the candidates are
// a few among thousands and BM25's own order stands.
const (
	rerankMaxSentences = 2000
	rerankCandidates   = 10
)

// Feature indexes; rerankWeights has one weight per feature.
const (
	fScore      = iota // BM25 score over the best's
	fFirst             // ranked first by BM25
	fRank              // BM25 rank / 10
	fCover             // share of the question's IDF matched exactly
	fSoft              // the same, partly crediting the most similar word (cosine above 0.3)
	fNovel             // share of the sentence's words the question lacks
	fLength            // log(1 + content words)
	fLead              // first sentence of its paragraph
	fPlace             // position in the store (0..1)
	fBigrams           // question word pairs found side by side
	fBefore            // share of the question's IDF found only in the sentence before
	fAnaphor           // opens with a pronoun
	fTyped             // holds the kind of answer asked for
	fUnmatched         // shares no word with the question
	fSoft2             // fSoft squared
	fTypePerson        // fTyped, per question type
	fTypeDate
	fTypePlace
	fTypeNumber
	fTypeMoney
	fTypePercent
	fTypeReason
	fFresh        // holds a name or number the question does not
	fFreshUntyped // the same, for questions of no particular type
	fRarest       // holds the question's rarest known word
	fCount        // share of the question's words matched exactly
	fSoft5        // share of IDF whose best match has cosine above 0.5
	fSoft7        // above 0.7
	fNounSim      // likeness of the noun asked about ("what disease") to a new word here
	fCompact      // matched words over the span they cover
	fBefore2      // fBefore squared
	fCover2       // fCover squared
	fScore2       // fScore squared
	fQuestion     // ends with a question mark
	fUnique       // share of IDF matched here and in no other sentence
	fNounExact    // holds the noun asked about
	fLastWord     // holds the question's last content word
	fFirstWord    // holds its first
	fSoftBefore   // soft credit the sentence before adds
	fMeanCos      // mean over question words of the best cosine here
	fIntroduces   // the next sentence continues from this one
	fAfter        // share of the question's IDF found only in the sentence after
	fNearBest     // next to BM25's best sentence
	fRareCover    // fCover, words weighed by their rarity in general English
	fRareSoft     // fSoft, the same
	fKind         // names a kind of the noun asked about, new to the question
	fFreshName    // two capitalised words in a row, neither in the question
	fHasNumber
	fHasYear
	fQuote // holds a quotation
	fFreshNameWho
	fQuoteWhat
	fMeans       // a "how" question, and the sentence says by what means
	fNames       // share of the question's names found here
	fNoName      // the question names something, and none of it is here
	fDefines     // "what is X?", and the sentence goes on to say what X is
	fPhrase      // best likeness of the question's word pairs to the sentence's
	fOtherCover  // fCover over the question's words that are not names
	fBefore2nd   // share of the question's IDF found only two sentences before
	fOtherSoft   // fSoft over the question's words that are not names
	fRarestOther // holds the question's rarest known word that is not a name
	fVerb        // likeness of the question's verbs (past forms) to the sentence's words, exact 1
	fTenseClash  // the question asks of the past ("was", "did"), and the sentence speaks of the future ("will")
	fBeforeWhy   // fBefore, for "why" questions: the reason often follows what happened
	fTypedCover  // fTyped times fCover: the kind of answer counts when the sentence is about the question
	fUnitHeld    // the question asks for a quantity in a unit ("how long"), and the sentence gives one in it
	fOtherRare   // fOtherCover, words weighed by their rarity in general English
	fFreshNear   // a name (who, where) or number (when, how many) new to the question, near a question word that is not a name
	fCopula      // "what is X?", and the sentence says "X is a …"
	fSumHeld     // "how much", and the sentence gives a sum of money ("£45", "34,000 pounds"), not only a number
	fBeforePara  // opens a paragraph with a pronoun: share of the question's IDF found only in the sentence before
	numFeatures
)

// typeNouns stand for what a question of a type asks about when it names
// no noun ("who" asks for a person).
var typeNouns = [...]string{QPerson: "person", QDate: "year", QPlace: "place", QNumber: "number",
	QMoney: "money", QPercent: "percent", QReason: "reason", QOther: ""}

// meansWords say how something was done.
var meansWords = setOf("by", "through", "using", "via", "with", "thanks", "means", "method")

// rqWord is a content word of the question, as the reranker sees it.
type rqWord struct {
	id   int32 // term id in the store, or -1
	idf  float64
	rare float64   // rarity in general English
	name bool      // written with a capital inside the question
	verb bool      // a past form ("-ed", "built"): likely the question's verb
	vec  []float32 // unit word vector, or nil
	// syns: for a word the text lacks, the terms of its WordNet synonyms
	// the text has (addUnknownSynonyms); a sentence holding one is as
	// alike as synonymLikeness.
	syns []int32
}

// synonymLikeness is the likeness the reranker gives a question word the
// text lacks in a sentence holding its WordNet synonym: vectors put
// synonyms apart as often as together (novice and beginners 0.54).
const synonymLikeness = 0.75

// askedNoun returns the noun a "what/which X" question asks about ("What
// disease did he catch?" -> "disease"), or "".
func askedNoun(words []string) string {
	i := slices.IndexFunc(words, func(w string) bool { return w == "what" || w == "which" })
	if i < 0 {
		return ""
	}
	head := ""
	n := 0
	for _, w := range words[i+1:] {
		switch w {
		case "kind", "type", "sort", "of", "the", "a", "an", "name", "form":
			if head == "" {
				continue
			}
		}
		if english.IsStop(w) || n == 3 || head != "" && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing")) {
			break
		}
		head = w
		n++
	}
	return head
}

// reranking is one question's view of the sentences the reranker reads:
// each read once, each distinct word's likeness to the question's words
// computed once.
type reranking struct {
	m       *Matcher
	qs      []rqWord
	qids    []int32
	qt      QType
	want    feature   // the kinds of answer qt wants
	asked   []float32 // vector of the noun asked about
	askedID int32     // its term, or -1
	general string    // its stem, for kinds ("disease" for "what disease")
	focus   int32     // "what is X": X's term, or -1
	how     bool
	past    bool // asks of the past: "was", "were" or "did", and no "will"
	qpairs  []qpair
	// total and rareTotal are the question words' IDF and rarity, summed.
	total, rareTotal    float64
	top                 float64   // BM25's best score
	rarest, rarestOther int32     // the rarest known word, and the rarest not a name; -1 none
	bestCos             []float32 // per question word, its best likeness in the sentence at hand
	// unitNoun: the question's word naming the quantity asked for in unit
	// ("what temp"), held by a sentence giving the quantity; -1 none.
	unitNoun int32
	unit     english.Class
	sum      bool // asks for a sum of money (asksSum)
	*rerankScratch
}

// rerankScratch is a question's working memory, pooled per matcher: a
// word's slot in cos and a term's kind-ness are looked up by id, and
// only the entries touched are reset.
type rerankScratch struct {
	sents   []readSentence
	slotOf  []int32 // per word id: row in cos, -1 not yet
	slotted []int32 // word ids given a slot
	kindOf  []int8  // per term: 0 not yet known, 1 not a kind, 2 a kind
	kinded  []int32
	cos     []float32 // per slot: likeness to each question word, then to the asked noun
}

type readSentence struct {
	i  int
	si *sentInfo
}

func (m *Matcher) getRerankScratch() *rerankScratch {
	if v := m.rrPool.Get(); v != nil {
		return v.(*rerankScratch)
	}
	sc := &rerankScratch{slotOf: make([]int32, len(m.words)), kindOf: make([]int8, len(m.terms))}
	for i := range sc.slotOf {
		sc.slotOf[i] = -1
	}
	return sc
}

func (m *Matcher) putRerankScratch(sc *rerankScratch) {
	for _, w := range sc.slotted {
		sc.slotOf[w] = -1
	}
	for _, t := range sc.kinded {
		sc.kindOf[t] = 0
	}
	sc.slotted, sc.kinded, sc.cos = sc.slotted[:0], sc.kinded[:0], sc.cos[:0]
	clear(sc.sents)
	sc.sents = sc.sents[:0]
	m.rrPool.Put(sc)
}

// sentInfo is what the reranker reads of one sentence for a question.
type sentInfo struct {
	*sentCore
	slots     []int32 // rows in reranking.cos of the content words, -1 without a vector
	freshName bool    // two capitalised words in a row, neither in the question
	defines   bool
	copula    bool // says what the thing asked about is: "X is a …"
	unitHeld  bool // gives the quantity the question's unit noun names
}

// sentCore is what any question's reranking reads of a sentence, read once
// per store.
type sentCore struct {
	ids    []int32 // term ids of the content words
	wids   []int32 // their word ids
	caps   []bool  // written with a capital, not first in the sentence
	joined []bool  // right after the content word before, no function word between
	defs   []int32 // terms followed by a definer ("plan to ...")
	copula []int32 // terms a copula and an article follow ("a map is a ...")
	means  bool    // holds a word of means ("by", "through")
	quote  bool    // holds a quotation
	future bool    // holds "will" or "shall": speaks of the future
	asks   bool    // ends with a question mark
	// pairNorm[p] is |v(p) + v(p+1)| for neighbouring content words that
	// both have vectors, else 0.
	pairNorm []float32
}

// add appends a content word to the core: its term, word id, whether it
// is written with a capital, and whether it follows the content word
// before with no function word between.
func (c *sentCore) add(term, wid int32, capital, joined bool) {
	c.ids = append(c.ids, term)
	c.wids = append(c.wids, wid)
	c.caps = append(c.caps, capital)
	c.joined = append(c.joined, joined)
}

// parenthetical follows a sentence's parentheses word by word, for
// sentenceCore: depth is how many are open after the last word read,
// which ended at byte at, and before is the term of the word before the
// outermost.
type parenthetical struct {
	depth, at int
	before    int32
}

// next reads the text from the last word's end to word t's start, and
// returns the term t follows: last, or when that text closes the
// outermost parenthesis, the word before it opened.
func (p *parenthetical) next(text string, t english.Token, last int32) int32 {
	gap := text[min(p.at, t.Start):t.Start]
	p.at = t.End
	for k := 0; k < len(gap); k++ {
		switch gap[k] {
		case '(':
			if p.depth == 0 {
				p.before = last
			}
			p.depth++
		case ')':
			if p.depth > 0 {
				p.depth--
				if p.depth == 0 {
					last = p.before
				}
			}
		}
	}
	return last
}

// sentenceCore returns sentence i's core, read on first use and kept.
func (m *Matcher) sentenceCore(i int) *sentCore {
	if c := m.sentCores[i].Load(); c != nil {
		return c
	}
	c := &sentCore{}
	last := int32(-1)    // term of the word before, if a content word
	joined := false      // the word before was a content word
	subject := int32(-1) // a term a copula followed, while its article is awaited
	text := m.sents[i].Text
	var hy english.Hyphens
	var paren parenthetical
	english.Tokenize(text, func(t english.Token) {
		// "AM-2201 (1-(5-fluoropentyl)…) is a research chemical": what
		// a parenthesis holds stands aside, and the word before it is
		// the one the copula follows.
		last = paren.next(text, t, last)
		if closed, ok := hy.Next(text, t); ok {
			// the closed compound the store also indexed ("wifi")
			if wid, ok := m.wordID.Lookup(closed); ok {
				c.add(m.wordStem[wid], wid, false, false)
			}
		}
		if meansWords[t.Word] {
			c.means = true
		}
		if t.Word == "will" || t.Word == "shall" {
			c.future = true
		}
		if last >= 0 && definers[t.Word] {
			c.defs = append(c.defs, last)
		}
		if subject >= 0 && (t.Word == "a" || t.Word == "an" || t.Word == "the") {
			c.copula = append(c.copula, subject)
		}
		subject = -1
		if last >= 0 && (t.Word == "is" || t.Word == "are") {
			subject = last
		}
		last = -1
		if english.IsStop(t.Word) {
			joined = false
			return
		}
		wid, ok := m.wordID.Lookup(t.Word)
		if !ok {
			return
		}
		last = m.wordStem[wid]
		c.add(last, wid, t.Upper && t.Start > 0, joined)
		joined = true
	})
	// A sentence that opens with a pronoun holds the name it stands for
	// (facts.Sentence.Refers) as if it had said it.
	english.Tokenize(m.sents[i].Refers(), func(t english.Token) {
		if wid, ok := m.wordID.Lookup(t.Word); ok && !english.IsStop(t.Word) {
			c.add(m.wordStem[wid], wid, true, false)
		}
		// "Grandma Odile" is the grandmother the text also names so.
		if wid, ok := m.wordID.Lookup(english.Clipped(t.Word)); ok {
			c.add(m.wordStem[wid], wid, false, false)
		}
	})
	c.quote = strings.ContainsAny(text, "\"“”")
	c.asks = strings.HasSuffix(strings.TrimSpace(text), "?")
	if len(c.wids) > 1 {
		c.pairNorm = make([]float32, len(c.wids)-1)
		for p := range c.pairNorm {
			a, b := m.wordVec[c.wids[p]], m.wordVec[c.wids[p+1]]
			if a >= 0 && b >= 0 {
				d := english.Dot(m.vecData[int(a)*m.vecDim:int(a+1)*m.vecDim], m.vecData[int(b)*m.vecDim:int(b+1)*m.vecDim])
				c.pairNorm[p] = float32(math.Sqrt(float64(2 + 2*d)))
			}
		}
	}
	m.sentCores[i].Store(c)
	return c
}

func (r *reranking) sentence(i int) *sentInfo {
	for _, rs := range r.sents {
		if rs.i == i {
			return rs.si
		}
	}
	m := r.m
	core := m.sentenceCore(i)
	si := &sentInfo{sentCore: core}
	si.slots = make([]int32, len(core.wids))
	prevFresh := false
	for p, wid := range core.wids {
		si.slots[p] = -1
		fresh := core.caps[p] && !slices.Contains(r.qids, core.ids[p])
		if fresh && prevFresh && core.joined[p] {
			si.freshName = true
		}
		prevFresh = fresh
		row := m.wordVec[wid]
		if row < 0 {
			continue
		}
		vec := m.vecData[int(row)*m.vecDim : int(row+1)*m.vecDim]
		slot := r.slotOf[wid]
		if slot < 0 {
			slot = int32(len(r.cos) / (len(r.qs) + 1))
			r.slotOf[wid] = slot
			r.slotted = append(r.slotted, wid)
			for _, q := range r.qs {
				c := float32(0)
				if q.vec != nil {
					c = english.Dot(q.vec, vec)
				}
				r.cos = append(r.cos, c)
			}
			c := float32(0)
			if r.asked != nil {
				c = english.Dot(r.asked, vec)
			}
			r.cos = append(r.cos, c)
		}
		si.slots[p] = slot
	}
	si.defines = r.focus >= 0 && slices.Contains(core.defs, r.focus)
	si.copula = r.focus >= 0 && slices.Contains(core.copula, r.focus)
	si.unitHeld = r.unitNoun >= 0 && m.holdsUnit(i, r.unit)
	r.sents = append(r.sents, readSentence{i, si})
	return si
}

// isKind reports, once per term, whether term id names a kind of general.
func (r *reranking) isKind(id int32, general string) bool {
	switch r.kindOf[id] {
	case 1:
		return false
	case 2:
		return true
	}
	k := english.ListHas(r.m.kindsOf(id), general)
	r.kindOf[id] = 1
	if k {
		r.kindOf[id] = 2
	}
	r.kinded = append(r.kinded, id)
	return k
}

// kindsOf returns english.KindsOf for term id, looked up once per matcher.
func (m *Matcher) kindsOf(id int32) string {
	if p := m.kindCache[id].Load(); p != nil {
		return *p
	}
	k := english.KindsOf(m.terms[id])
	m.kindCache[id].Store(&k)
	return k
}

// holds reports whether si holds the question's term id: says it, or,
// for the noun naming the quantity asked for, gives the quantity.
func (r *reranking) holds(si *sentInfo, id int32) bool {
	return id >= 0 && (slices.Contains(si.ids, id) || id == r.unitNoun && si.unitHeld)
}

// likeness returns the cosine of question word j (len(qs): the asked
// noun) with the word in slot.
func (r *reranking) likeness(slot int32, j int) float32 {
	return r.cos[int(slot)*(len(r.qs)+1)+j]
}

// best returns question word j's best likeness to a word of si.
func (r *reranking) best(si *sentInfo, j int) float32 {
	b := float32(0)
	for _, slot := range si.slots {
		if slot >= 0 {
			b = max(b, r.likeness(slot, j))
		}
	}
	return b
}

// rerank reorders hits (the first rerankCandidates of them) by the
// reranker's score; with features non-nil it only records the features.
func (m *Matcher) rerank(hits []Hit, qs []rqWord, all []string, shape questionShape, features *[][]float64) {
	n := min(len(hits), rerankCandidates)
	if n < 2 && features == nil || m.wordVec == nil {
		return
	}
	r := m.newReranking(hits, qs, all, shape)
	defer m.putRerankScratch(r.rerankScratch)
	scores := make([]float64, n)
	feats := make([]float64, n*numFeatures)
	for k := range hits[:n] {
		f := feats[k*numFeatures : (k+1)*numFeatures]
		r.features(f, hits, k)
		if features != nil {
			*features = append(*features, f)
			continue
		}
		for j, w := range rerankWeights[:min(len(rerankWeights), numFeatures)] {
			scores[k] += w * f[j]
		}
	}
	if features != nil {
		return
	}
	reorder(hits[:n], scores)
}

// qpair is two neighbouring question words, for phrase likeness: the
// cosine of two sums of unit vectors follows from the four words' cosines
// and each pair's own.
type qpair struct {
	a, b int
	norm float32 // |a + b|
}

// asksSum reports whether a question of words all and shape asks for a
// sum of money that the judge does not already look for: "how much does
// she earn", not "how much did it rise" (the size of a change, a share as
// often as a sum) nor a price ("how much is a ticket"), whose amount the
// judge looks for among the first candidates as BM25 and the reranker
// leave them, and preferAmounts brings up after it.
func asksSum(all []string, shape questionShape) bool {
	return shape.qtype == QMoney && !shape.change && !asksPrice(all)
}

// newReranking reads what the reranker needs of the question once: its
// words' ids and weights, the noun it asks about, its rarest words and its
// word pairs.
func (m *Matcher) newReranking(hits []Hit, qs []rqWord, all []string, shape questionShape) *reranking {
	qt := shape.qtype
	r := &reranking{m: m, qs: qs, focus: -1, qt: qt, want: shape.wants(), askedID: -1, rarest: -1, rarestOther: -1,
		unit: shape.unit, unitNoun: m.unitNounID(all, shape.unit), rerankScratch: m.getRerankScratch(),
		sum: asksSum(all, shape)}
	r.qids = make([]int32, len(qs))
	for j, q := range qs {
		r.qids[j] = q.id
		r.total += q.idf
		r.rareTotal += q.rare
	}
	if r.total == 0 {
		r.total = 1
	}
	asked := askedNoun(all)
	if asked == "" {
		asked = typeNouns[qt]
	}
	if asked != "" {
		r.asked = m.vectorOfWord(asked)
		if wid, ok := m.wordID.Lookup(asked); ok {
			r.askedID = m.wordStem[wid]
			r.general = m.terms[r.askedID]
		} else {
			r.general = english.Stem(asked)
		}
	}
	if w := definitionFocus(all); w != "" {
		if wid, ok := m.wordID.Lookup(w); ok {
			r.focus = m.wordStem[wid]
		}
	}
	r.how = qt == QOther && slices.Contains(all, "how")
	r.past = slices.ContainsFunc(all, func(w string) bool { return w == "was" || w == "were" || w == "did" }) &&
		!slices.Contains(all, "will")
	for j := 0; j+1 < len(qs); j++ {
		if qs[j].vec != nil && qs[j+1].vec != nil {
			r.qpairs = append(r.qpairs, qpair{j, j + 1, float32(math.Sqrt(float64(2 + 2*english.Dot(qs[j].vec, qs[j+1].vec))))})
		}
	}
	r.top = hits[0].Score
	if r.top <= 0 {
		r.top = 1
	}
	rarestIDF, rarestOtherIDF := -1.0, -1.0
	for _, q := range qs {
		if q.id >= 0 && q.idf > rarestIDF {
			r.rarest, rarestIDF = q.id, q.idf
		}
		if q.id >= 0 && !q.name && q.idf > rarestOtherIDF {
			r.rarestOther, rarestOtherIDF = q.id, q.idf
		}
	}
	r.bestCos = make([]float32, len(qs))
	return r
}

// features writes the reranker's features of hits[k] into f, one family
// of features at a time.
func (r *reranking) features(f []float64, hits []Hit, k int) {
	h := hits[k]
	i := h.Index
	cur := r.sentence(i)
	sents := r.m.sents
	lead := i == 0 || sents[i-1].Doc() != h.Sentence.Doc() || sents[i-1].Paragraph != h.Sentence.Paragraph
	r.bm25Features(f, h, k)
	r.coverFeatures(f, cur)
	r.otherWordFeatures(f, cur)
	r.shapeFeatures(f, i, cur, lead)
	if !lead {
		r.beforeFeatures(f, h, cur)
	} else {
		r.paragraphFeatures(f, h, cur)
	}
	r.afterFeatures(f, h, cur)
	if d := i - hits[0].Index; k > 0 && (d == 1 || d == -1) {
		f[fNearBest] = 1
	}
	r.kindFeatures(f, i)
	r.askedFeatures(f, cur)
	r.textFeatures(f, i, cur)
	r.phraseFeatures(f, cur)
	f[fTypedCover] = f[fTyped] * f[fCover]
}

// bm25Features: where BM25 put the hit, and by how much.
func (r *reranking) bm25Features(f []float64, h Hit, k int) {
	f[fScore] = h.Score / r.top
	f[fScore2] = f[fScore] * f[fScore]
	if k == 0 {
		f[fFirst] = 1
	}
	f[fRank] = float64(k) / 10
	if h.Score == 0 {
		f[fUnmatched] = 1
	}
}

// coverFeatures: how much of the question the sentence holds, exactly and
// by likeness of meaning. It leaves each question word's best likeness in
// r.bestCos for the families after it.
func (r *reranking) coverFeatures(f []float64, cur *sentInfo) {
	cover, soft, soft5, soft7, unique, count, meanCos, withVec := 0.0, 0.0, 0.0, 0.0, 0.0, 0, 0.0, 0
	rareCover, rareSoft := 0.0, 0.0
	names, namesFound := 0, 0
	for j, q := range r.qs {
		b := float32(0)
		if q.vec != nil {
			b = r.best(cur, j)
			if len(q.syns) > 0 && slices.ContainsFunc(cur.ids, func(id int32) bool { return slices.Contains(q.syns, id) }) {
				b = max(b, synonymLikeness)
			}
			meanCos += float64(b)
			withVec++
		}
		r.bestCos[j] = b
		exact := r.holds(cur, q.id)
		if q.name {
			names++
			if exact {
				namesFound++
			}
		}
		if exact {
			cover += q.idf
			soft += q.idf
			rareCover += q.rare
			rareSoft += q.rare
			count++
			if len(r.m.postings.Of(int(q.id))) == 1 {
				unique += q.idf
			}
			continue
		}
		if b > 0.3 {
			soft += q.idf * float64(b-0.3) / 0.7
			rareSoft += q.rare * float64(b-0.3) / 0.7
		}
		if b > 0.5 {
			soft5 += q.idf
		}
		if b > 0.7 {
			soft7 += q.idf
		}
	}
	if names > 0 {
		f[fNames] = float64(namesFound) / float64(names)
		if namesFound == 0 {
			f[fNoName] = 1
		}
	}
	total := r.total
	f[fCover] = cover / total
	f[fCover2] = f[fCover] * f[fCover]
	if r.rareTotal > 0 {
		f[fRareCover] = rareCover / r.rareTotal
		f[fRareSoft] = rareSoft / r.rareTotal
	}
	f[fSoft] = soft / total
	f[fSoft2] = f[fSoft] * f[fSoft]
	f[fSoft5] = soft5 / total
	f[fSoft7] = soft7 / total
	f[fUnique] = unique / total
	if len(r.qs) > 0 {
		f[fCount] = float64(count) / float64(len(r.qs))
	}
	if withVec > 0 {
		f[fMeanCos] = meanCos / float64(withVec)
	}
}

// otherWordFeatures: the cover of the question's words that are not
// names, and the likeness of its verbs.
func (r *reranking) otherWordFeatures(f []float64, cur *sentInfo) {
	otherTotal, otherCover, otherSoft := 0.0, 0.0, 0.0
	otherRare, otherRareTotal := 0.0, 0.0
	for j, q := range r.qs {
		if !q.name {
			otherTotal += q.idf
			otherRareTotal += q.rare
			if r.holds(cur, q.id) {
				otherCover += q.idf
				otherRare += q.rare
				otherSoft += q.idf
			} else if r.bestCos[j] > 0.3 {
				otherSoft += q.idf * float64(r.bestCos[j]-0.3) / 0.7
			}
		}
	}
	verbs, verbScore := 0, 0.0
	for j, q := range r.qs {
		if q.verb {
			verbs++
			if r.holds(cur, q.id) {
				verbScore++
			} else {
				verbScore += float64(r.bestCos[j])
			}
		}
	}
	if verbs > 0 {
		f[fVerb] = verbScore / float64(verbs)
	}
	if otherTotal > 0 {
		f[fOtherCover] = otherCover / otherTotal
		f[fOtherSoft] = otherSoft / otherTotal
	}
	if otherRareTotal > 0 {
		f[fOtherRare] = otherRare / otherRareTotal
	}
	f[fFreshNear] = r.freshNear(cur)
}

// freshNear reports whether the kind of answer the question asks for, new
// to the question (a capitalised word for "who" and "where", a number for
// "when" and "how many"), stands within four content words of a question
// word that is not a name: the answer beside the question's verb or
// relation ("defeated" ... "Carolina Panthers"), not a sentence that only
// repeats the question's names. Untyped questions get 0.
func (r *reranking) freshNear(cur *sentInfo) float64 {
	words := r.m.words
	for p, id := range cur.ids {
		if slices.Contains(r.qids, id) {
			continue
		}
		w := words[cur.wids[p]]
		num := w != "" && w[0] >= '0' && w[0] <= '9'
		switch r.qt {
		case QNumber, QDate, QMoney, QPercent:
			if !num {
				continue
			}
		case QPerson, QPlace:
			if !cur.caps[p] {
				continue
			}
		default:
			return 0
		}
		for d := max(0, p-4); d <= min(len(cur.ids)-1, p+4); d++ {
			j := slices.Index(r.qids, cur.ids[d])
			if j >= 0 && !r.qs[j].name {
				return 1
			}
		}
	}
	return 0
}

// shapeFeatures: the sentence's length, novelty and place, and the
// question's word pairs it holds side by side.
func (r *reranking) shapeFeatures(f []float64, i int, cur *sentInfo, lead bool) {
	novel := 0
	for _, id := range cur.ids {
		if !slices.Contains(r.qids, id) {
			novel++
		}
	}
	if len(cur.ids) > 0 {
		f[fNovel] = float64(novel) / float64(len(cur.ids))
	}
	f[fLength] = math.Log(1 + float64(len(cur.ids)))
	if lead {
		f[fLead] = 1
	}
	f[fPlace] = float64(i) / float64(len(r.m.sents))
	bigrams := 0
	for j := 0; j+1 < len(r.qids); j++ {
		for p := 0; p+1 < len(cur.ids); p++ {
			if r.qids[j] >= 0 && cur.ids[p] == r.qids[j] && cur.ids[p+1] == r.qids[j+1] {
				bigrams++
				break
			}
		}
	}
	f[fBigrams] = float64(bigrams)
}

// beforeFeatures: what the sentences before, in the same paragraph, add
// of the question.
func (r *reranking) beforeFeatures(f []float64, h Hit, cur *sentInfo) {
	i, qs, sents := h.Index, r.qs, r.m.sents
	// A table's rows are records side by side: none refers back to the
	// row above, though each to the table's heading and introduction.
	row := tableRows(sents, i-1, i)
	var prev *sentInfo
	if !row {
		prev = r.sentence(i - 1)
	}
	before, softBefore, plain := 0.0, 0.0, 0.0
	cps := r.m.store.ContextPostings()
	for j, q := range qs {
		if q.id >= 0 && !slices.Contains(cur.ids, q.id) && (!row && slices.Contains(prev.ids, q.id) ||
			int(q.id) < cps.Terms() && inContext(cps.Of(int(q.id)), i)) {
			before += q.idf
		}
		b := r.bestCos[j]
		if q.vec != nil && !row {
			b = max(b, r.best(prev, j))
		}
		softBefore += q.idf * float64(b)
		plain += q.idf * float64(r.bestCos[j])
	}
	f[fBefore] = before / r.total
	if !row && i >= 2 && sents[i-2].Doc() == h.Sentence.Doc() && sents[i-2].Paragraph == h.Sentence.Paragraph {
		prev2 := r.sentence(i - 2)
		b2 := 0.0
		for _, q := range qs {
			if q.id >= 0 && slices.Contains(prev2.ids, q.id) && !slices.Contains(cur.ids, q.id) && !slices.Contains(prev.ids, q.id) {
				b2 += q.idf
			}
		}
		f[fBefore2nd] = b2 / r.total
	}
	f[fBefore2] = f[fBefore] * f[fBefore]
	if r.qt == QReason {
		f[fBeforeWhy] = f[fBefore]
	}
	f[fSoftBefore] = (softBefore - plain) / r.total
}

// paragraphFeatures: for a sentence opening its paragraph with a pronoun,
// what the sentence before adds of the question ("It was submitted to
// the states in 1789", the paragraph after the one naming the amendment).
func (r *reranking) paragraphFeatures(f []float64, h Hit, cur *sentInfo) {
	i, sents, s := h.Index, r.m.sents, h.Sentence
	if i == 0 || r.m.features[i]&featAnaphor == 0 || sents[i-1].Doc() != s.Doc() || sents[i-1].Heading() {
		return
	}
	f[fBeforePara] = r.addedBy(r.sentence(i-1), cur) / r.total
}

// addedBy returns the IDF of the question's words that other holds and
// cur does not.
func (r *reranking) addedBy(other, cur *sentInfo) float64 {
	added := 0.0
	for _, q := range r.qs {
		if q.id >= 0 && slices.Contains(other.ids, q.id) && !slices.Contains(cur.ids, q.id) {
			added += q.idf
		}
	}
	return added
}

// inContext reports whether sentence i is among ps, the sentences whose
// heading or introduction holds a term.
func inContext(ps []int32, i int) bool {
	_, ok := slices.BinarySearch(ps, int32(i))
	return ok
}

// tableRows reports whether sentences a and b are both rows of a table
// (quoted with their column names).
func tableRows(sents []*facts.Sentence, a, b int) bool {
	return a >= 0 && b < len(sents) && sents[a].Display() != "" && sents[b].Display() != ""
}

// afterFeatures: what the next sentence in the paragraph adds of the
// question, and whether it continues from this one.
func (r *reranking) afterFeatures(f []float64, h Hit, cur *sentInfo) {
	i, sents := h.Index, r.m.sents
	if i+1 >= len(sents) || sents[i+1].Doc() != h.Sentence.Doc() || sents[i+1].Paragraph != h.Sentence.Paragraph || tableRows(sents, i, i+1) {
		return
	}
	f[fAfter] = r.addedBy(r.sentence(i+1), cur) / r.total
	if r.m.features[i+1]&featContinues != 0 {
		f[fIntroduces] = 1
	}
}

// kindFeatures: the kinds of answer the sentence can hold, against the
// kind the question asks for.
func (r *reranking) kindFeatures(f []float64, i int) {
	feat, qt := r.m.features[i], r.qt
	if feat&featAnaphor != 0 {
		f[fAnaphor] = 1
	}
	if r.want != 0 && (feat&r.want != 0 || r.want&featDate != 0 && r.m.namesTime(i)) {
		f[fTyped] = 1
		if qt >= QPerson && qt <= QReason {
			f[fTypePerson+int(qt-QPerson)] = 1
		}
	}
	for _, a := range r.m.store.Answers(int32(i)) {
		if !slices.Contains(r.qids, a) {
			f[fFresh] = 1
			if qt == QOther {
				f[fFreshUntyped] = 1
			}
			break
		}
	}
	if feat&featNumber != 0 {
		f[fHasNumber] = 1
	}
	if r.unit != 0 && r.m.holdsUnit(i, r.unit) {
		f[fUnitHeld] = 1
	}
	if r.sum && feat&featSum != 0 {
		f[fSumHeld] = 1
	}

	if feat&featDate != 0 {
		f[fHasYear] = 1
	}
}

// askedFeatures: whether the sentence holds the question's rarest, first
// and last words, and the noun it asks about or a kind of it.
func (r *reranking) askedFeatures(f []float64, cur *sentInfo) {
	if r.rarest >= 0 && slices.Contains(cur.ids, r.rarest) {
		f[fRarest] = 1
	}
	if r.rarestOther >= 0 && slices.Contains(cur.ids, r.rarestOther) {
		f[fRarestOther] = 1
	}
	if r.asked != nil {
		b := float32(0)
		for p, slot := range cur.slots {
			if slot >= 0 && !slices.Contains(r.qids, cur.ids[p]) {
				b = max(b, r.likeness(slot, len(r.qs)))
			}
		}
		f[fNounSim] = float64(b)
	}
	if r.general != "" {
		for _, id := range cur.ids {
			if !slices.Contains(r.qids, id) && r.isKind(id, r.general) {
				f[fKind] = 1
				break
			}
		}
	}
	if r.askedID >= 0 && slices.Contains(cur.ids, r.askedID) {
		f[fNounExact] = 1
	}
	if len(r.qs) > 0 {
		if last := r.qs[len(r.qs)-1].id; last >= 0 && slices.Contains(cur.ids, last) {
			f[fLastWord] = 1
		}
		if first := r.qs[0].id; first >= 0 && slices.Contains(cur.ids, first) {
			f[fFirstWord] = 1
		}
	}
	firstAt, lastAt, matched := -1, -1, 0
	for p, id := range cur.ids {
		if slices.Contains(r.qids, id) {
			if firstAt < 0 {
				firstAt = p
			}
			lastAt = p
			matched++
		}
	}
	if matched >= 2 {
		f[fCompact] = float64(matched) / float64(lastAt-firstAt+1)
	}
}

// textFeatures: what the sentence's text shows (a question mark, a
// quotation, a new name, words of means, a definition).
func (r *reranking) textFeatures(f []float64, i int, cur *sentInfo) {
	if cur.asks {
		f[fQuestion] = 1
	}
	if cur.quote {
		f[fQuote] = 1
		if r.qt == QOther {
			f[fQuoteWhat] = 1
		}
	}
	if cur.freshName {
		f[fFreshName] = 1
		if r.qt == QPerson {
			f[fFreshNameWho] = 1
		}
	}
	if cur.means && r.how {
		f[fMeans] = 1
	}
	if cur.copula {
		f[fCopula] = 1
	}
	if cur.defines {
		f[fDefines] = 1
	}
	if cur.future && r.past {
		f[fTenseClash] = 1
	}
}

// phraseFeatures: the best likeness of the question's word pairs to the
// sentence's.
func (r *reranking) phraseFeatures(f []float64, cur *sentInfo) {
	if len(r.qpairs) == 0 {
		return
	}
	total := 0.0
	for _, qp := range r.qpairs {
		b := float32(0)
		for p := 0; p+1 < len(cur.slots); p++ {
			sa, sb := cur.slots[p], cur.slots[p+1]
			if sa < 0 || sb < 0 {
				continue
			}
			num := r.likeness(sa, qp.a) + r.likeness(sb, qp.a) + r.likeness(sa, qp.b) + r.likeness(sb, qp.b)
			den := qp.norm * cur.pairNorm[p]
			if den > 0 {
				b = max(b, num/den)
			}
		}
		total += float64(b)
	}
	f[fPhrase] = total / float64(len(r.qpairs))
}

// reorder sorts hits by the reranker's scores, ties keeping BM25's order.
func reorder(hits []Hit, scores []float64) {
	order := make([]int, len(hits))
	for k := range order {
		order[k] = k
	}
	slices.SortStableFunc(order, func(a, b int) int {
		switch {
		case scores[a] > scores[b]:
			return -1
		case scores[a] < scores[b]:
			return 1
		}
		return 0
	})
	sorted := make([]Hit, len(hits))
	for k, o := range order {
		sorted[k] = hits[o]
	}
	copy(hits, sorted)
}

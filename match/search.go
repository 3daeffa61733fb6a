package match

import (
	"context"
	"math"
	"math/bits"
	"slices"
	"strings"

	"github.com/storybot/storybot/english"
	"github.com/storybot/storybot/facts"
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
	// unitBonus is added, likewise, to sentences holding a measured
	// answer in the units asked for ("how far" and "14 km").
	unitBonus = 0.5
	// nameWeight scales names the question mentions: a text about a person
	// or place names it everywhere, so the other words tell the sentences
	// apart.
	nameWeight = 0.7
	// howWeight scales "long" in "how long" and the like (howAdjectives).
	howWeight = 0.3
	// synonymWeight scales a match through a synonym (WordNet) rather than
	// the word itself.
	synonymWeight = 0.3
	// anaphorCarry is the share of a sentence's score passed to the next
	// one when that opens with "It", "He", "This"...: it continues the
	// same subject.
	anaphorCarry = 0.3
	// stateTie: for "where is X" questions, sentences scoring within this
	// share of the best tie, and the latest of them wins.
	stateTie = 0.7
)

// idf is BM25's inverse document frequency, sentences being the documents.
func (m *Matcher) idf(df int) float64 {
	n := float64(len(m.sents))
	return math.Log(1 + (n-float64(df)+0.5)/(float64(df)+0.5))
}

// Hit is a ranked sentence.
type Hit struct {
	Sentence *facts.Sentence
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
	// Kept are corrections found but not made, with the reason in Method
	// (an everyday English word is taken as written).
	Kept []Correction
	// Asking are the question's words read as how it asks, not what it
	// asks about, with the reason: chat fillers ("asap") and light verbs
	// the text lacks ("bring"). Chat spellings ("u") are Corrections.
	Asking []Correction
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
	// judged holds the answerability features, for Explain, when judged
	// is set: kept in place, as a question's Result is allocated anyway,
	// in float32s (every question's Result is 100 bytes smaller; Explain
	// shows two decimals).
	judged    [nAnswerFeatures]float32
	wasJudged bool
	corrected int // content words matched only through a typo correction
	weak      int // of those, corrections by two edits or by the fuzzy matcher

	// Chain: the first two hits answer together (a second retrieval round
	// found the first through the second), so both should be quoted.
	Chain bool
	// Reranked: the hits' order is the reranker's, not their BM25 scores'.
	Reranked bool
	// Byline: the question asks who wrote the documents, and their bylines
	// are the hits.
	Byline bool
	// Section: the question asks what a section says, and its opening
	// sentences are the hits.
	Section bool
	// Cancelled: the context ended before the search did; nothing is ranked.
	Cancelled bool
	// Banded: the first hit states the number or the days the question
	// says it stands at ("3 years", "on saturdays"), or a band holding
	// them, or the contact detail it asks for ("whats the email"): its
	// place is settled, nearness to a previous answer aside.
	Banded bool
	// Occupation: the question asks someone's occupation, and the first
	// hit states it of them ("Kowalczyk, a 34-year-old primary school
	// teacher, …"), even when it was quoted last for something else.
	Occupation bool
	// swapped are the hits (sentence indexes) that do not say a name the
	// question asks about and name something else instead (nameswap.go).
	swapped []int32
}

// SearchOptions tune one search.
type SearchOptions struct {
	TopK int // hits to return; default 5
	// Features, when not nil, receives the reranker's features of each of
	// the first candidates, which then keep BM25's order (for fitting the
	// reranker's weights; see internal/fitrank).
	Features *[][]float64
	// AnswerFeatures, when not nil, receives the judge stage's
	// answerability features (for fitting its weights; see
	// internal/fitanswer).
	AnswerFeatures *[]float64
}

// qterm is one term the index is searched for.
type qterm struct {
	bit    int // the question term this matches (synonyms share it)
	id     int32
	weight float64
	idf    float64
	// kind: a word that says what kind of answer is wanted ("long" in
	// "how long"), which the judge leaves out of the question's weight.
	kind bool
	// plain: a number the question does not write as a sum ("for 2
	// people"), which a sentence holding it only as one ("£2 per
	// person") does not match.
	plain bool
}

// maxTerms bounds the question terms scored; the match bitmask holds them.
const maxTerms = 31

// carried marks sentences scored only through the sentence before them.
const carried = 1 << 31

// scratch is a question's working memory, pooled per matcher: the read
// and correct stages' word lists and the retrieve stage's per-sentence
// scores. Only the entries touched are reset.
type scratch struct {
	question question
	query    query
	terms    []qterm // score's working list of terms, reused
	scores   []float64
	matched  []uint32 // bitmask of question terms found, per sentence
	touched  []int32
	// runs, merged and merging are score's: where each essential term's
	// sentences start in touched, and those sentences merged in order.
	runs, merged, merging []int32
	answer                []float64 // the judge stage's answerability features
}

func (m *Matcher) getScratch() *scratch {
	if v := m.scratch.Get(); v != nil {
		return v.(*scratch)
	}
	n := len(m.sents)
	return &scratch{scores: make([]float64, n), matched: make([]uint32, n)}
}

func (m *Matcher) putScratch(sc *scratch) {
	for _, i := range sc.touched {
		sc.scores[i] = 0
		sc.matched[i] = 0
	}
	sc.touched = sc.touched[:0]
	q, t := &sc.question, &sc.query
	clear(q.all) // hold no question's words until the next
	clear(q.content)
	clear(q.capital)
	clear(q.money)
	*q = question{all: q.all[:0], content: q.content[:0], at: q.at[:0], capital: q.capital[:0], money: q.money[:0], backAlso: q.backAlso[:0]}
	*t = query{qterms: t.qterms[:0], syns: t.syns[:0], queryIDs: t.queryIDs[:0]}
	m.scratch.Put(sc)
}

// Search ranks the store's sentences against question.
func (m *Matcher) Search(text string, opt SearchOptions) *Result {
	return m.SearchContext(context.Background(), text, opt)
}

// SearchContext is Search that stops between stages once ctx is done: the
// Result then has Cancelled set and no hits. Every stage's work is bounded
// (a question costs well under a millisecond), so a stage is never cut
// short; a question whose asker has been told it took too long costs no
// more than the stage it was in.
func (m *Matcher) SearchContext(ctx context.Context, text string, opt SearchOptions) *Result {
	if opt.TopK <= 0 {
		opt.TopK = 5
	}
	res := &Result{}
	if len(m.sents) == 0 {
		return res
	}
	// The stages work in pooled memory: a question's word lists were most
	// of its garbage.
	sc := m.getScratch()
	defer m.putScratch(sc)
	q, t := &sc.question, &sc.query
	m.read(q, text, res)
	q.shape.state = q.shape.state && m.narrative
	if m.answerAuthor(res, q, opt.TopK) || m.answerSection(res, q) {
		return res
	}
	if opt.Features == nil {
		defer m.preferAgeBand(res, q, t, opt.TopK) // whatever the stages below find
	}
	// A short text's reranker sees the question's words as resolved here.
	m.resolve(q, t, res, len(m.sents) <= rerankMaxSentences && !q.shape.state)
	if cancelled(ctx, res) {
		return res
	}
	if len(t.qterms) == 0 {
		m.rankUnmatched(res, q, t, opt)
		return res
	}
	// The judge reads the first few candidates whatever TopK is.
	keep := max(opt.TopK, priceCandidates)
	if t.reranked {
		keep = max(keep, rerankCandidates)
	}
	hits := m.retrieve(sc, q, t, keep)
	if cancelled(ctx, res) || len(hits) == 0 {
		// No sentence holds a term: the terms are words of headings
		// only, which are not indexed ("Quos vult perdere dementat.",
		// a title-like line of a book). Nothing is answered.
		return res
	}
	// Confidence that the text answers at all rests on the sentence that
	// holds most of the question's words, BM25's best, whichever sentence
	// the reranker then puts first.
	best := hits[0].Index
	if t.reranked {
		m.rerank(hits, t.asked, q.all, q.shape, opt.Features)
		if opt.Features == nil {
			m.preferUnits(hits, q.shape.unit)
		}
	}
	first := hits[:min(len(hits), priceCandidates)]
	res.Hits = hits[:min(len(hits), opt.TopK)]
	res.Reranked = t.reranked && opt.Features == nil && len(res.Hits) > 1
	if q.shape.state && q.shape.qtype == QPlace {
		m.followHolder(res, t.queryIDs)
		best = res.Hits[0].Index
	}
	m.followReply(res, q.all)
	held := sc.matched[best] &^ t.loose // the judge does not count loose synonyms
	judge(res, held, t)
	sc.answer = m.answerFeatures(sc.answer, res, q, t, best, first, held)
	if opt.AnswerFeatures != nil {
		*opt.AnswerFeatures = append((*opt.AnswerFeatures)[:0], sc.answer...)
	}
	if res.Confidence > 0 {
		res.Confidence = answerability(sc.answer)
		for i, v := range sc.answer {
			res.judged[i] = float32(v)
		}
		res.wasJudged = true
	}
	if opt.Features == nil {
		m.afterJudge(res, hits, q, t)
	}
	return res
}

// afterJudge is the last stage, after the judge, which was fitted on the
// order before it: the answer's sentence changes, not whether the text
// answers, except that a strict kind of answer none of the first
// candidates holds (a person's age, an email address, a time of day, an
// amount, a distance), or a first candidate that speaks of another year,
// another day or does not name the thing asked about, caps the
// confidence.
func (m *Matcher) afterJudge(res *Result, hits []Hit, q *question, t *query) {
	m.preferStatement(hits, q.all)
	if t.reranked {
		res.Banded = m.preferAnswerKinds(hits, q, t, res)
	}
	m.capAgeAnswer(res, hits, q)
	m.capContactAnswer(res, hits, q)
	m.capOtherYear(res, hits, q)
	m.capClockAnswer(res, hits, q)
	m.capPriceAnswer(res, hits, q)
	m.capOtherDays(res, hits, q)
	m.capMeasureAnswer(res, hits, q)
	m.capAbsentThing(res, hits, q)
	m.preferBirth(hits, q)
	m.preferDeathManner(hits, q)
	m.confirmAttribute(res, hits, q, t)
	res.swapped = m.nameSwaps(res.swapped[:0], hits, q)
	res.Occupation = m.preferOccupation(hits, q)
}

// preferAnswerKinds brings up, among the first candidates, the sentence
// holding the kind of answer asked for, when the first does not: an
// amount for a price, a frequency for "how often", a count for "how
// many"; then a table's row by its name; then the sentence stating the
// band or the days the question names. It reports whether the first
// states those.
func (m *Matcher) preferAnswerKinds(hits []Hit, q *question, t *query, res *Result) (banded bool) {
	m.preferDefinition(hits, q)
	m.preferPurpose(hits, q.all)
	m.preferFormerName(hits, q.all)
	m.preferScientificName(hits, q.all)
	m.preferCommand(hits, q.all)
	m.preferStandardPrice(hits, q)
	m.preferContextCover(hits, q, t)
	m.preferSectionCover(hits, q, t)
	m.preferStatedValue(hits, q.all)
	m.preferBound(hits, q.all)
	m.preferIdentified(hits, q.all)
	m.preferAmounts(hits, q.all)
	m.preferRate(hits, q.all, t)
	m.preferDated(hits, q)
	m.preferLocated(hits, q)
	m.preferOpening(hits, q)
	m.preferConveyance(hits, q.all, t.queryIDs)
	contact := m.preferContact(hits, q.all)
	if q.shape.often {
		preferHolding(hits, frequencyWindow, m.namesFrequency)
	}
	if q.shape.count && q.shape.unit == 0 && asksCountFirst(q.all) {
		// "how many beds": a sentence giving a count, not one that
		// names the place and its size in words.
		preferHolding(hits, unitWindow, func(i int) bool { return m.features[i]&featCount != 0 })
	}
	m.preferFirstMention(hits, q, res.Terms)
	m.preferNegated(hits, q.all)
	m.preferGeneral(hits, q.all, t.queryIDs)
	m.preferConsequence(hits, q.all)
	m.preferRule(hits, q.all)
	m.preferExplanation(hits, q.shape.qtype)
	m.preferWeekday(hits, q.all)
	m.preferSteps(hits, q)
	m.preferNamedRow(hits, q, t.queryIDs)
	m.preferKeyRow(hits, t.queryIDs)
	m.preferLabelled(hits, t.queryIDs)
	banded = m.preferRange(hits, q.all, t.queryIDs)
	banded = m.preferHours(hits, q.times, q.all, t.queryIDs) || banded || contact
	return m.preferDays(hits, q.all, t.queryIDs) || banded
}

// asksCountFirst reports whether the question opens by asking how many
// ("how many beds…", "about how many…"), not asks about a count in passing
// ("how was it decided how many…").
func asksCountFirst(all []string) bool {
	for i := 0; i+1 < len(all) && i < 3; i++ {
		if all[i] == "how" {
			return all[i+1] == "many"
		}
	}
	return false
}

// keyRowWindow is how many of the first candidates preferKeyRow reads.
const keyRowWindow = 3

// preferKeyRow puts first, when the first candidate is a table row, the
// row among the first keyRowWindow whose first cell, the row's name, holds
// the most of the question's words: "how much is an adult swim" is the
// "Adult swim" row's, not the "Family swim" row that mentions adults.
func (m *Matcher) preferKeyRow(hits []Hit, ids termSet[int32]) {
	if len(hits) < 2 || m.sents[hits[0].Index].Display() == "" {
		return
	}
	best, bestN := 0, m.keyCellHolds(hits[0].Index, ids)
	for k := 1; k < min(len(hits), keyRowWindow); k++ {
		if m.sents[hits[k].Index].Display() == "" {
			continue
		}
		if n := m.keyCellHolds(hits[k].Index, ids); n > bestN {
			best, bestN = k, n
		}
	}
	if best > 0 {
		toFirst(hits, best)
	}
}

// preferNamedRow puts first, when the first candidate is no table row,
// the first row among the next few that the question names by its first
// cell (every word of "Business") and asks a column of: a word of the
// row besides its name ("storage" in its column's name), or the kind of
// answer asked for, a sum for "how much", a count for "how many". "how
// much storage do i get on business" is the "Business" row's, not the
// sentence giving a discount on the Business plan. The row must hold
// more of the question's words than the first candidate, and a "why" is
// not asked of a row.
func (m *Matcher) preferNamedRow(hits []Hit, q *question, ids termSet[int32]) {
	if len(hits) < 2 || m.sents[hits[0].Index].Display() != "" || q.shape.qtype == QReason {
		return
	}
	first := -1 // the question's terms the first candidate holds, counted once a row is seen
	for k := 1; k < min(len(hits), keyRowWindow+1); k++ {
		i := hits[k].Index
		s := m.sents[i]
		if s.Display() == "" {
			continue
		}
		if first < 0 {
			first = m.askedTermsIn(m.sents[hits[0].Index].Text, ids)
		}
		cell := firstCell(s.Text)
		named := m.askedTermsIn(cell, ids)
		if named == 0 || named < contentWords(cell) {
			continue
		}
		held := m.askedTermsIn(s.Display(), ids)
		if held <= first {
			continue // the first says as much of the question ("on annual billing")
		}
		kind := asksSum(q.all, q.shape) && m.features[i]&featSum != 0 || q.shape.count && m.features[i]&featCount != 0
		if kind || held > named {
			toFirst(hits, k)
			return
		}
	}
}

// askedTermsIn counts the question's terms (ids) text holds, each once,
// leaving out light verbs ("get", "do"): what a sentence says of the
// question's topic.
func (m *Matcher) askedTermsIn(text string, ids termSet[int32]) int {
	var held termSet[int32]
	english.Tokenize(strings.ReplaceAll(text, "-", ""), func(t english.Token) {
		if english.IsLightVerb(t.Word) {
			return
		}
		if id, ok := m.termOfWord(t.Word); ok && ids.has(id) {
			held.add(id)
		}
	})
	return len(held)
}

// contentWords counts the words of text that are not stop words.
func contentWords(text string) int {
	n := 0
	english.Tokenize(text, func(t english.Token) {
		if !english.IsStop(t.Word) {
			n++
		}
	})
	return n
}

// keyCellHolds counts the question's terms in the first cell of table row i.
func (m *Matcher) keyCellHolds(i int, ids termSet[int32]) int {
	return m.holdsTerms(firstCell(m.sents[i].Text), ids)
}

// firstCell returns the first cell of a table row's text, the row's name.
func firstCell(row string) string {
	cell, _, _ := strings.Cut(strings.TrimPrefix(strings.TrimSpace(row), "|"), "|")
	return cell
}

// cancelled marks res as cancelled when ctx is done.
func cancelled(ctx context.Context, res *Result) bool {
	if ctx.Err() == nil {
		return false
	}
	res.Cancelled, res.Hits, res.Confidence = true, nil, 0
	return true
}

// question is what the read stage makes of a question's text.
type question struct {
	all     []string        // every word, lower case, misspelt function words mended
	content []string        // the words that are not stop words
	at      []int           // the place in all of each content word
	capital termSet[string] // content words written with a capital inside the question
	// money are the numbers the question writes as sums ("£2", "20
	// quid"); its other numbers count people, years, rooms (qterm.plain).
	money termSet[string]
	shape questionShape
	// times are the times of day the question names ("at 11", "7pm"),
	// and timeWords the words that write them.
	times     [][2]int
	timeWords []string
	// possessive: a word of the question is a possessive ("Tesla's
	// brother"), which the words in all no longer show.
	possessive bool
	// backAlso are the text's other terms for the phrasal verb readBack
	// read ("refund" beside "return" for "get … back"), searched as the
	// same question word; backWord is the word it put in the question.
	backAlso []int32
	backWord string
}

// read is the first stage: the question's words, its names, and what its
// function words say it asks for.
func (m *Matcher) read(q *question, text string, res *Result) {
	q.times, q.timeWords = questionTimes(text)
	abbrs := m.initialisms(text)
	english.Tokenize(text, func(t english.Token) {
		if k := slices.IndexFunc(abbrs, func(a initialism) bool { return a.start <= t.Start && t.Start < a.end }); k >= 0 {
			// "a&e": the words the text spells it out with, once.
			if a := &abbrs[k]; a.words != nil {
				res.Corrections = append(res.Corrections, Correction{From: text[a.start:a.end], To: strings.Join(a.words, " "), Method: "the text's initials"})
				for _, w := range a.words {
					q.all = append(q.all, w)
					q.content = append(q.content, w)
					q.at = append(q.at, len(q.all)-1)
				}
				a.words = nil
			}
			return
		}
		if m.readChatWord(q, text, t, res) {
			return
		}
		q.all = append(q.all, t.Word)
		if apostropheIs[t.Word] && t.End-t.Start > len(t.Word) && (text[t.End-1] == 's' || text[t.End-1] == 'S') {
			// "what's", "who's": the tokenizer drops "'s" as a
			// possessive; after a question word or a pronoun it is "is",
			// and "what's the X called" reads as "what is the X called".
			q.all = append(q.all, "is")
		} else if t.End-t.Start > len(t.Word) && (text[t.End-1] == 's' || text[t.End-1] == 'S') {
			q.possessive = true
		}
		if t.Digit && moneyAt(text, t) {
			q.money.add(t.Word)
		}
		if !english.IsStop(t.Word) && !pronounUs(text, t, q.all) {
			q.content = append(q.content, t.Word)
			q.at = append(q.at, len(q.all)-1)
			if t.Upper && t.Start > 0 {
				q.capital.add(t.Word)
			}
		}
	})
	m.joinCompounds(q, res)
	m.joinParticles(q, res)
	m.readBack(q, res)
	readDayAbbreviations(q, res)
	res.Content = len(q.content)
	for i, w := range q.all {
		if _, known := m.wordID.Lookup(w); !known && !english.IsStop(w) {
			if sw, found := stopWordTypo(w); found {
				q.all[i] = sw
			}
		}
	}
	q.shape = readQuestion(q.all)
	dropNameWords(q)
	res.Content = len(q.content)
	res.QType = q.shape.qtype
}

// acknowledgements take what was said before ("ok", "alright"): fillers
// unless they ask whether something is all right ("is it ok to…").
var acknowledgements = setOf("ok", "okay", "okey", "kk", "alright")

// readChatWord reads a word of a chat message that stands for others or
// for none, and reports whether it did: chat spellings of function words,
// chat acronyms, fillers, words saying how the question asks, "ahead".
func (m *Matcher) readChatWord(q *question, text string, t english.Token, res *Result) bool {
	// Chat spellings of function words ("u", "wat", "w/") read as the
	// words they stand for, fillers ("asap", "really") as none, unless
	// the text has them as words of its own ("R").
	if ws := english.ChatSpelling(t.Word); ws != nil && !m.knows(t.Word) {
		q.all = append(q.all, ws...)
		res.Corrections = append(res.Corrections, Correction{From: t.Word, To: strings.Join(ws, " "), Method: "chat spelling"})
		return true
	}
	if ws := m.acronymWords(t.Word); ws != nil {
		// "wfh", "ww2": the words the text spells out, read as asked.
		res.Corrections = append(res.Corrections, Correction{From: t.Word, To: strings.Join(ws, " "), Method: "chat acronym"})
		for _, w := range ws {
			q.all = append(q.all, w)
			q.content = append(q.content, w)
			q.at = append(q.at, len(q.all)-1)
		}
		return true
	}
	if acknowledgements[t.Word] && !m.knows(t.Word) {
		// "ok and how much for dinner": how the message takes the answer
		// before, not what it asks; "is it ok to…" asks what is allowed.
		if n := nextWord(text, t.End); n != "to" && n != "if" && n != "for" && n != "with" {
			res.Asking = append(res.Asking, Correction{From: t.Word, Method: "chat filler"})
			return true
		}
	}
	if english.IsChatFiller(t.Word) && !m.knows(t.Word) && (english.Clipped(t.Word) == "" || !m.knows(english.Clipped(t.Word))) {
		res.Asking = append(res.Asking, Correction{From: t.Word, Method: "chat filler"})
		return true
	}
	if howWords[t.Word] && len(q.all) > 0 && asksHow(q.all[len(q.all)-1], t.Word, nextWord(text, t.End)) {
		res.Asking = append(res.Asking, Correction{From: t.Word, Method: "how it asks"})
		return true
	}
	if day, ok := dayAbbreviations[t.Word]; ok && m.knows(day) && (len(q.all) == 0 || !dayVerbSubjects[q.all[len(q.all)-1]]) {
		// "do u do sat appointments": Saturday, which the text writes,
		// not "sit"; "where I sat" keeps the verb, "the sun" the noun.
		res.Corrections = append(res.Corrections, Correction{From: t.Word, To: day, Method: "day abbreviation"})
		q.all = append(q.all, day)
		q.content = append(q.content, day)
		q.at = append(q.at, len(q.all)-1)
		return true
	}
	if t.Word == "ahead" && len(q.all) > 0 && q.all[len(q.all)-1] != "far" && !m.knows("ahead") && m.knows("advance") {
		// "book ahead" is "book in advance", as the text says it
		// ("how far ahead" keeps its word: it asks how long before).
		res.Corrections = append(res.Corrections, Correction{From: t.Word, To: "in advance", Method: "synonym"})
		q.all = append(q.all, "in", "advance")
		q.content = append(q.content, "advance")
		q.at = append(q.at, len(q.all)-1)
		return true
	}
	return false
}

// dayAbbreviations are weekdays' short forms that are English words too
// ("sat", "sun", "mon" in names, "wed"), read as the day when the text
// writes the day; the unambiguous ones are english.Clipped's.
var dayAbbreviations = map[string]string{"sat": "saturday", "sun": "sunday", "mon": "monday", "wed": "wednesday"}

// dayVerbSubjects before "sat" or "wed" make it the verb ("I sat", "they
// wed"), and an article the noun ("the sun").
var dayVerbSubjects = setOf("i", "you", "u", "he", "she", "we", "they", "it", "who", "was", "were", "had", "have", "the", "a", "an")

// pronounUs reports whether t, the last of the words read so far (all),
// is the pronoun "us" ("how many of us can stay"), which the stop words
// cannot tell from the country: written in lower case, and not after
// "the" ("do you ship to the us").
func pronounUs(text string, t english.Token, all []string) bool {
	return t.Word == "us" && text[t.Start:t.End] == "us" && (len(all) < 2 || all[len(all)-2] != "the")
}

// dropNameWords reads "what is the mayor's name?" and "what's the name
// of the ship?" as asking for a name: "name" is how the question asks,
// not what it asks about, and no sentence need hold it ("Mayor Tom Hadley
// said…"). ("Called" at the end is kept: a text that gives a name often
// says "called".)
func dropNameWords(q *question) {
	if len(q.all) < 3 || q.all[0] != "what" && q.all[0] != "whats" {
		return
	}
	n := len(q.all)
	for k := len(q.content) - 1; k >= 0; k-- {
		i, w := q.at[k], q.content[k]
		if (w == "name" || w == "names") && (i == n-1 || q.all[i+1] == "of") {
			q.content = slices.Delete(q.content, k, k+1)
			q.at = slices.Delete(q.at, k, k+1)
			q.shape.named = true
			return
		}
	}
}

// joinCompounds reads two neighbouring content words as one when the text
// writes them closed up and the question's words are not both the text's
// ("pay day" of the text's "payday", "week end" of "weekends"): the split
// direction is compound's.
func (m *Matcher) joinCompounds(q *question, res *Result) {
	for i := 0; i+1 < len(q.content); i++ {
		a, b := q.content[i], q.content[i+1]
		if q.at[i+1] != q.at[i]+1 || q.capital.has(a) || q.capital.has(b) || m.knows(a) && m.knows(b) {
			continue
		}
		joined := a + b
		if _, ok := m.termID.Lookup(english.Stem(joined)); !ok {
			continue
		}
		res.Corrections = append(res.Corrections, Correction{From: a + " " + b, To: joined, Method: "closed compound"})
		q.content[i] = joined
		q.content = slices.Delete(q.content, i+1, i+2)
		q.at = slices.Delete(q.at, i+1, i+2)
	}
}

// joinParticles reads a content word and the particle after it as the
// text's closed or hyphenated noun ("what time is check out" of the
// text's "Check-out", indexed as "checkout"; "how do i log in" of
// "login"), when the text has that word.
func (m *Matcher) joinParticles(q *question, res *Result) {
	for k, i := range q.at {
		if i+1 >= len(q.all) || !english.IsCompoundParticle(q.all[i+1]) || q.capital.has(q.content[k]) {
			continue
		}
		joined := q.content[k] + q.all[i+1]
		if _, ok := m.termID.Lookup(english.Stem(joined)); !ok {
			continue
		}
		res.Corrections = append(res.Corrections, Correction{From: q.content[k] + " " + q.all[i+1], To: joined, Method: "closed compound"})
		q.content[k], q.all[i] = joined, joined
	}
}

// dayContext are the words that put a day after them: "open on sat?",
// "every sun", "sat and sun".
var dayContext = setOf("on", "this", "next", "every", "each", "until", "till", "til", "by", "from", "and", "or", "to")

// readDayAbbreviations reads a day written short (dayShort), after a word
// that puts a day there, as the day: "sat", "sun", "mon", "wed" are English
// words too, read as days only there.
func readDayAbbreviations(q *question, res *Result) {
	for k, i := range q.at {
		d, ok := dayShort[q.content[k]]
		if !ok || i == 0 || !dayContext[q.all[i-1]] {
			continue
		}
		full := weekdayNames[d]
		res.Corrections = append(res.Corrections, Correction{From: q.content[k], To: full, Method: "day abbreviation"})
		q.content[k], q.all[i] = full, full
	}
}

// acronymWords returns the content words of what the chat acronym w
// stands for (english.ChatAcronym) that the text has, when the text lacks
// w itself and has one of them: "ww2" is "world war" in a text that says
// "World War II", "second world war" in one that says "the Second World
// War".
func (m *Matcher) acronymWords(w string) []string {
	ws := english.ChatAcronym(w)
	if ws == nil || m.knows(w) {
		return nil
	}
	var out []string
	for _, x := range ws {
		if _, ok := m.termID.Lookup(english.Stem(x)); ok && !english.IsStop(x) {
			out = append(out, x)
		}
	}
	return out
}

// knows reports whether w is a word of the text.
func (m *Matcher) knows(w string) bool {
	_, ok := m.wordID.Lookup(w)
	return ok
}

// howAdjectives after "how" say what kind of answer is wanted ("how long",
// "how far") more than what it is about: "how long is the bus ride" is not
// about "Long Strand", though "1,230 km long" answers "how long is the
// Rhine". They weigh howWeight of a word's weight.
var howAdjectives = setOf("long", "far", "old", "big", "large", "tall", "high", "often", "fast", "deep",
	"wide", "heavy", "soon", "late", "early", "quick", "quickly")

// kindNoun reports whether w names the kind of answer asked for, after
// "what" or "which" ("what time(s)", "which day"): like "long" in "how
// long", it says what is wanted more than what it is about ("what times
// do the tours start" is not about "the usual times").
func (q *question) kindNoun(w string) bool {
	if !kindNouns[w] {
		return false
	}
	if len(q.all) > 2 && q.all[0] == w && q.all[1] == "of" && q.shape.qtype != QOther {
		return true // "date of the fire"
	}
	for i := 1; i < len(q.all); i++ {
		if q.all[i] == w && (q.all[i-1] == "what" || q.all[i-1] == "which") {
			return true
		}
	}
	return false
}

// kindNouns name a kind of answer: a time, a date.
var kindNouns = setOf("time", "times", "date", "day", "year", "month", "deadline")

// apostropheIs: words whose "'s" is "is" (or "has"), not a possessive.
var apostropheIs = setOf("what", "who", "where", "when", "how", "why", "which", "that", "there",
	"here", "it", "he", "she")

// query is what the correct stage makes of the question's content words:
// the store's terms to search for, their synonyms, and, for a short text,
// the reranker's view of every word.
type query struct {
	qterms, syns []qterm
	queryIDs     termSet[int32]
	reranked     bool
	loose        uint32   // bits of terms searched through an unknown word's synonyms
	asked        []rqWord // the reranker's words, when reranked
	vecs         *english.Vectors
	maxIDF       float64
	spellings    int    // words tried with spelledForm or misspeltEnglish (maxSpellings)
	apart        int    // closed compounds looked for written apart (maxApartChecks)
	scans        int    // words corrected by a scan of the vocabulary (maxTypoScans)
	plains       int    // numbers read as counts (maxPlainNumbers)
	misspelt     string // the English word the word being resolved misspells, once known
	// attribute is the term a how-adjective was read as ("heavy" as the
	// text's "weight"), with its question term's bit; ok when one was.
	attribute struct {
		id, bit int32
		ok      bool
	}
	// IDF of all content words (unknown ones at maxIDF) and of the known.
	totalWeight, knownWeight float64
}

// resolve is the correct stage: each content word becomes a store term as
// written, by its stem, or through a typo correction; a misspelt function
// word is dropped; the rest are unknown.
func (m *Matcher) resolve(q *question, t *query, res *Result, reranked bool) {
	n := len(q.content)
	t.reranked, t.maxIDF = reranked, m.idf(0)
	res.Terms = make([]TermMatch, 0, n)
	if reranked {
		t.asked = make([]rqWord, 0, n)
		t.vecs = english.LoadVectors()
	}
	for i, w := range q.content {
		before := len(t.qterms)
		if m.resolveKnown(t, q, res, w) || m.resolveVariant(t, q, res, w) {
			if t.reranked && len(t.qterms) > before {
				m.phrasalSense(t, res, w, q.particleAfter(i)) // w's own query term was the last added
				m.addBackAlso(t, q, w)
				m.addNumberTwin(t, w)
			}
			continue
		}
		// A word of the dictionary is another form of a text word of its
		// family ("abstained", "abstention") before it is a typo for a word
		// two edits away ("obtained"). (In a short text: a book's typo
		// corrector finds most words first, and cheaper.)
		dictionary := t.reranked && english.IsDictionaryWord(w)
		if dictionary && m.resolvePhrasal(t, q, res, w, q.particleAfter(i)) {
			continue
		}
		if dictionary && (m.resolveForm(t, q, res, w) || m.resolveDerived(t, q, res, w)) {
			continue
		}
		if !dictionary && english.Clipped(w) != "" && m.resolveForm(t, q, res, w) {
			continue // a clipping ("hrs", "temp") is read as its full word, not corrected as a typo
		}
		if m.resolveTypo(t, q, res, w, dictionary) {
			continue
		}
		if !dictionary && m.resolveForm(t, q, res, w) {
			continue
		}
		if t.reranked && !dictionary && !q.capital.has(w) && t.spellings < maxSpellings && m.resolveSpelling(t, q, res, w) {
			continue
		}
		if a, b, ok := m.compound(w, &t.apart); ok {
			res.Corrections = append(res.Corrections, Correction{From: w, To: m.terms[a] + " " + m.terms[b], Method: "compound"})
			m.addTerm(t, q, res, w, a)
			m.addTerm(t, q, res, w, b)
			m.ask(t, q, a, m.terms[a])
			continue
		}
		if m.resolvePart(t, q, res, w) {
			continue
		}
		if ids := m.siblingTerms(w); len(ids) > 0 {
			res.Corrections = append(res.Corrections, Correction{From: w, To: m.terms[ids[0]], Method: "same class"})
			m.addRelated(t, res, w, ids, siblingWeight)
			m.ask(t, q, -1, w)
			continue
		}
		if m.notTopic(q, res, w) {
			if t.reranked && receivingGet(q, q.at[i]) {
				m.addReceiving(t, q)
			}
			continue
		}
		res.Unknown = append(res.Unknown, w)
		res.Terms = append(res.Terms, TermMatch{Word: w})
		t.totalWeight += t.maxIDF
		meant := w // its meaning is the English word it misspells, if one
		if t.misspelt != "" {
			meant, t.misspelt = t.misspelt, ""
		}
		m.ask(t, q, -1, meant)
		if len(m.sents) <= rerankMaxSentences && !q.capital.has(w) {
			m.addUnknownSynonyms(t, meant)
		}
	}
}

// resolvePart resolves w as the text word it closes up with another
// ("lunchtime": "lunch", compoundPart) or contracts ("govt": "government"),
// and reports whether it did.
func (m *Matcher) resolvePart(t *query, q *question, res *Result, w string) bool {
	method := "part of a compound"
	tid, part, ok := m.compoundPart(w, t.reranked)
	if !ok || t.queryIDs.has(tid) {
		method = "contraction"
		if part, tid, ok = m.contraction(w); !ok {
			return false
		}
	}
	res.Corrections = append(res.Corrections, Correction{From: w, To: part, Method: method})
	m.addTerm(t, q, res, w, tid)
	m.ask(t, q, tid, part)
	return true
}

// notTopic reports whether w, a word the text lacks, is how the question
// asks rather than a topic the text lacks, and records it so:
//   - the noun of a contact detail asked for ("phone number", "email
//     address"), which the text writes as the detail itself;
//   - a light verb ("can i bring my dog to the beach"), which the text
//     need not use;
//   - a time of day ("is it open at 8") in a text that writes times, which
//     it states as spans ("8am to 4pm", clock.go);
//   - a misspelt function word ("wher did they meet").
func (m *Matcher) notTopic(q *question, res *Result, w string) bool {
	switch {
	case english.IsLightVerb(w):
		res.Asking = append(res.Asking, Correction{From: w, Method: "a light verb the text lacks"})
	case slices.Contains(q.timeWords, w) && m.statesHours():
		res.Asking = append(res.Asking, Correction{From: w, Method: "a time of day"})
	case contactNouns[w] && contactKind(q.all) != 0:
		// "whats ur phone number": the text writes the number, not the
		// word ("Phone: 01632 960 418").
		res.Asking = append(res.Asking, Correction{From: w, Method: "the contact detail asked for"})
	default:
		sw, found := stopWordTypo(w)
		if !found {
			return false
		}
		res.Corrections = append(res.Corrections, Correction{From: w, To: sw, Method: "edit distance 1"})
	}
	res.Content--
	return true
}

// resolveKnown resolves w as a text word, as written or by its stem, and
// reports whether it did.
func (m *Matcher) resolveKnown(t *query, q *question, res *Result, w string) bool {
	if wid, known := m.wordID.Lookup(w); known {
		m.addTerm(t, q, res, w, m.wordStem[wid])
		m.ask(t, q, m.wordStem[wid], w)
		return true
	}
	if tid, known := m.termID.Lookup(english.Stem(w)); known {
		m.addTerm(t, q, res, w, tid)
		m.ask(t, q, tid, w)
		return true
	}
	return false
}

// resolveVariant resolves w as the text's word in its other national
// spelling ("neighbours" of "neighbors"), or an age group as its number
// ("under 8s" of "under 8"), if the text has that, and reports whether it
// did.
func (m *Matcher) resolveVariant(t *query, q *question, res *Result, w string) bool {
	alt, ok := english.SpellingVariant(w)
	method := "spelling variant"
	if n := ageGroup(w); n != "" {
		alt, ok, method = n, true, "age group" // "under 8s": the text's "under 8"
	}
	if !ok {
		return false
	}
	tid, known := m.termID.Lookup(english.Stem(alt))
	if known {
		res.Corrections = append(res.Corrections, Correction{From: w, To: alt, Method: method})
		m.addTerm(t, q, res, w, tid)
		m.ask(t, q, tid, alt)
	}
	return known
}

// ageGroup returns the number a group by age is named with ("8s" in
// "under 8s", "12s" in "the under-12s"): one or two digits and "s"; ""
// for other words ("1990s" is a decade).
func ageGroup(w string) string {
	n := len(w)
	if n < 2 || n > 3 || w[n-1] != 's' {
		return ""
	}
	for i := 0; i < n-1; i++ {
		if w[i] < '0' || w[i] > '9' {
			return ""
		}
	}
	return w[:n-1]
}

// resolveForm resolves w as a text word of its family (wordForm), if one
// is, and reports whether it did.
func (m *Matcher) resolveForm(t *query, q *question, res *Result, w string) bool {
	form, tid, ok := m.wordForm(w)
	if !ok && !q.howWord(w) {
		// "near" of the text's "nearest"; not "how long" of "the
		// second-longest river", which asks for a length.
		form, tid, ok = m.degreeForm(w)
	}
	if ok {
		res.Corrections = append(res.Corrections, Correction{From: w, To: form, Method: "word form"})
		m.addTerm(t, q, res, w, tid)
		m.ask(t, q, tid, form)
	}
	return ok
}

// resolveDerived resolves w, which the text lacks, as the text's words
// derivationally related to it in WordNet ("death" of the text's "died",
// "strong" of "strength"), or to the full word of its clipped form ("photos"
// of "photography"), if it has any, and reports whether it did. A
// stemmer's suffixes do not reach these, nor the word forms above.
func (m *Matcher) resolveDerived(t *query, q *question, res *Result, w string) bool {
	// "how old", "how big", "how heavy": the adjective is common, but
	// after "how" it asks for its attribute ("age", "size", "weight"),
	// which WordNet derives from it; not when the text has the word's
	// own degrees ("how high" of "the highest point … 115 metres"), nor
	// for a length or a distance ("how long", "how far", "how deep"),
	// which the answer's unit says ("how long do you keep lost property"
	// is not about "no maximum length").
	attribute := howAdjectives[w] && q.howWord(w) && howUnits[w]&english.Distance == 0
	if attribute {
		_, _, degree := m.degreeForm(w)
		attribute = !degree
	}
	if r, ok := english.LoadVectors().Rank(w); !attribute && (!ok || r < derivedMinRank) {
		return false
	}
	noun := nounBySuffix(w)
	keep := func(id int32) bool { return !noun || !m.onlyAdverbs(id) }
	ids := m.textTerms(nil, english.DerivedOf(english.Stem(w)), keep)
	if full := english.Clipped(w); len(ids) == 0 && full != "" {
		// "photos": "photographs", derived "photography".
		ids = m.textTerms(nil, english.DerivedOf(english.Stem(full)), keep)
	}
	if len(ids) == 0 {
		return false
	}
	res.Corrections = append(res.Corrections, Correction{From: w, To: m.terms[ids[0]], Method: "derived form"})
	res.corrected++ // evidence, but not the word asked about
	if attribute {
		t.attribute.id, t.attribute.bit, t.attribute.ok = ids[0], int32(len(t.qterms)), true
	}
	m.addRelated(t, res, w, ids, derivedWeight)
	m.ask(t, q, ids[0], m.terms[ids[0]])
	return true
}

// nounSuffixes end nouns made from other words: "director", "closure".
var nounSuffixes = []string{"er", "ers", "or", "ors", "ee", "ees", "ment", "ments", "ure", "ures",
	"ion", "ions", "ist", "ists", "ship", "ness", "ity", "ance", "ence"}

// nounBySuffix reports whether w's ending makes it a noun.
func nounBySuffix(w string) bool {
	for _, s := range nounSuffixes {
		if len(w) > len(s)+2 && strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

// onlyAdverbs reports whether the text writes term id only as adverbs in
// "-ly": the stemmer reads "directly" as "direct", so the noun "director",
// derived from the verb, would find buses that "stop directly outside",
// and "temperature" a welcome given "warmly". A noun's derived forms are
// not adverbs; an adverb such as "straight" may be read as "directly".
func (m *Matcher) onlyAdverbs(id int32) bool {
	t := m.terms[id]
	if len(t) < 3 {
		return false
	}
	seen := false
	for _, wid := range m.formIndex()[t[:3]] {
		if m.wordStem[wid] != id {
			continue
		}
		if !strings.HasSuffix(m.words[wid], "ly") || strings.HasSuffix(t, "li") {
			return false
		}
		seen = true
	}
	return seen
}

// derivedMinRank: the most common words ("well", "life") have so many
// senses that their derived forms mislead ("well" is "healthy"); only
// rarer ones are read through theirs.
const derivedMinRank = 250

// derivedWeight scales a match through a derived form of a question word
// the text lacks.
const derivedWeight = 1.0

// resolveTypo resolves w as the text word it is a typo of (correct), if
// one is, and reports whether it did; a correction refused (a common
// English word) is kept for :why. formsTried says w is a dictionary word
// already tried as a form of the text's words.
func (m *Matcher) resolveTypo(t *query, q *question, res *Result, w string, formsTried bool) bool {
	c, tid, found, kept := m.correct(w, &t.scans)
	if found && formsTried && english.IsCommonWord(w) {
		// A common English word, already tried as a form of the text's
		// words, is no typo for one that only shares its first letters
		// ("lease" is no "least", "fully" no "full").
		kept, found = &Correction{From: w, To: c.To, Method: "a common English word, tried as a word form"}, false
	}
	if found && c.Method == editMethod(2) && t.reranked && t.spellings < maxSpellings && !english.IsDictionaryWord(w) {
		// "maternty" is one edit from "maternity", two from the text's
		// "paternity": the typo is of the English word, which the text
		// may say otherwise ("birth parent").
		t.spellings++
		if meant, ok := misspeltEnglish(w); ok {
			t.misspelt, found = meant, false
			kept = &Correction{From: w, To: c.To, Method: "a misspelling of " + meant + ", one edit away"}
		}
	}
	if kept != nil {
		res.Kept = append(res.Kept, *kept)
	}
	if found {
		res.Corrections = append(res.Corrections, c)
		res.corrected++
		if c.Method != editMethod(1) {
			res.weak++
		}
		m.addTerm(t, q, res, w, tid)
		m.ask(t, q, tid, c.To)
	}
	return found
}

// maxSpellings bounds the words of one question read through spelledForm,
// which tries every English word one edit away (hundreds of lookups a
// word): a message has a few misspellings, not a thousand characters of
// them.
const maxSpellings = 4

// resolveSpelling resolves w, neither a text word nor English, as the
// text's form of the English word it misspells (spelledForm), if one is,
// and reports whether it did.
func (m *Matcher) resolveSpelling(t *query, q *question, res *Result, w string) bool {
	t.spellings++
	meant, form, tid, ok := m.spelledForm(w)
	if ok {
		res.Corrections = append(res.Corrections, Correction{From: w, To: form, Method: "spelling of " + meant + ", word form"})
		res.corrected++
		m.addTerm(t, q, res, w, tid)
		m.ask(t, q, tid, form)
	}
	return ok
}

// addTerm adds the question's word w, found as term id, to the terms
// searched for, with its synonyms unless it is a name.
func (m *Matcher) addTerm(t *query, q *question, res *Result, w string, id int32) {
	idf := m.idf(len(m.postings.Of(int(id))))
	res.Terms = append(res.Terms, TermMatch{Word: w, Stem: m.terms[id], IDF: idf, Found: true})
	kind := howAdjectives[w] && q.howWord(w) || q.kindNoun(w)
	if !kind {
		t.totalWeight += idf
		t.knownWeight += idf
	}
	if t.queryIDs.has(id) || len(t.qterms) >= maxTerms {
		return
	}
	t.queryIDs.add(id)
	weight := 1.0
	if q.capital.has(w) {
		weight *= nameWeight
	}
	if kind || english.IsLightVerb(w) {
		// A light verb the text has ("how long do the tours take") is
		// searched as lightly: "take place" is not what is asked.
		weight *= howWeight
	}
	bit := len(t.qterms)
	plain := t.reranked && english.HasDigit(w) && !q.money.has(w) && t.plains < maxPlainNumbers
	if plain {
		t.plains++
	}
	t.qterms = append(t.qterms, qterm{bit: bit, id: id, weight: weight, idf: idf, kind: kind, plain: plain})
	if !q.capital.has(w) { // names have no synonyms ("John" is not a lavatory)
		for _, sid := range m.synonymTerms(id) {
			if !t.queryIDs.has(sid) {
				t.syns = append(t.syns, qterm{bit: bit, id: sid, weight: synonymWeight, idf: idf})
			}
		}
	}
}

// ask adds word (term id, or -1 when unknown) to the reranker's view.
func (m *Matcher) ask(t *query, q *question, id int32, word string) {
	if !t.reranked {
		return
	}
	w := rqWord{id: id, idf: t.maxIDF, vec: m.vectorOfWord(word), name: q.capital.has(word)}
	w.verb = !w.name && (english.IsIrregular(word) || len(word) > 4 && strings.HasSuffix(word, "ed"))
	w.rare = t.vecs.Rarity(t.vecs.Row(word))
	if id >= 0 {
		w.idf = m.idf(len(m.postings.Of(int(id))))
	}
	t.asked = append(t.asked, w)
}

// rankUnmatched ranks a short text's sentences when no word of the
// question is in it: nothing is answered (confidence stays 0), but the
// candidates are ranked by what the reranker can still see, the likeness
// of words.
func (m *Matcher) rankUnmatched(res *Result, q *question, t *query, opt SearchOptions) {
	if !t.reranked || len(t.asked) == 0 || len(m.sents) > rerankCandidates*64 {
		return
	}
	hits := make([]Hit, 0, rerankCandidates)
	for i := 0; i < len(m.sents) && len(hits) < rerankCandidates; i++ {
		hits = append(hits, Hit{Sentence: m.sents[i], Index: i})
	}
	m.rerank(hits, t.asked, q.all, q.shape, opt.Features)
	res.Hits = hits[:min(len(hits), opt.TopK)]
}

// retrieve is the BM25 stage: it scores the sentences that hold the
// question's terms, with the cues for anaphors, answer types and
// definitions, and returns the best keep of them in order.
func (m *Matcher) retrieve(sc *scratch, q *question, t *query, keep int) []Hit {
	meanIDF := 0.0
	for _, qt := range t.qterms {
		meanIDF += qt.idf
	}
	meanIDF /= float64(len(t.qterms))
	m.score(sc, t.qterms, t.syns)
	m.contextCue(sc, t.qterms)
	if len(m.sents) <= 2000 {
		// In a long text the sentences before and after are one among
		// thousands of candidates; carrying is for short texts, where the
		// subject of "It was built in 1932" is in the sentence before.
		m.carryToAnaphors(sc, sc.touched)
	}
	m.typeCue(sc, q.shape, t.queryIDs, meanIDF)
	m.unitCue(sc, q.shape.unit, meanIDF)
	m.unitNounCue(sc, q, t)
	if q.shape.state {
		tieLatest(sc)
	}
	before := hitOrder{latest: q.shape.state}.before
	hits := m.topHits(sc, keep, before)
	if focus := definitionFocus(q.all); focus != "" && len(hits) > 1 {
		m.definitionCue(hits, focus, meanIDF, before)
	}
	if len(hits) < keep && len(m.sents) <= keep*64 {
		// Sentences sharing no word with the question still rank, after
		// those that do, in reading order: the lead of a short text is the
		// best remaining guess. (Only short texts: in a book it is noise.)
		// (Headings are context, never the answer.) With word vectors, the
		// nearest in meaning come first: "Is the lighthouse wheelchair
		// accessible?" may be answered by "The tower is not suitable for
		// visitors with limited mobility".
		var near []int
		if t.reranked {
			near = m.nearestUnmatched(t.asked, sc.matched, keep-len(hits))
		}
		for _, i := range near {
			hits = append(hits, Hit{Sentence: m.sents[i], Index: i})
		}
		for i := 0; near == nil && i < len(m.sents) && len(hits) < keep; i++ {
			if sc.matched[i] == 0 && !m.sents[i].Heading() {
				hits = append(hits, Hit{Sentence: m.sents[i], Index: i})
			}
		}
	}
	return hits
}

// tieLatest: "Where is Mary?" wants her latest position, so every
// sentence that says about as much about her is as good: they tie, and
// the latest wins.
func tieLatest(sc *scratch) {
	top := 0.0
	for _, i := range sc.touched {
		top = max(top, sc.scores[i])
	}
	for _, i := range sc.touched {
		if sc.scores[i] >= stateTie*top {
			sc.scores[i] = top
		}
	}
}

// hitOrder orders hits by score. Ties: news puts the essentials first; a
// question about the current state of something wants the latest mention.
type hitOrder struct{ latest bool }

func (o hitOrder) before(a, b Hit) bool {
	if a.Score != b.Score {
		return a.Score > b.Score
	}
	if o.latest {
		return a.Index > b.Index
	}
	return a.Index < b.Index
}

// topHits keeps the best keep scored sentences by insertion: a book touches
// thousands of sentences, and sorting them all would cost more than
// scoring them.
func (m *Matcher) topHits(sc *scratch, keep int, before func(a, b Hit) bool) []Hit {
	hits := make([]Hit, 0, keep+1)
	floor := -1.0 // once hits is full, the score a sentence must reach
	for _, i := range sc.touched {
		if sc.scores[i] < floor {
			continue
		}
		h := Hit{Index: int(i), Score: sc.scores[i]}
		if len(hits) == keep && !before(h, hits[len(hits)-1]) {
			continue
		}
		k := len(hits)
		for k > 0 && before(h, hits[k-1]) {
			k--
		}
		hits = slices.Insert(hits, k, h)
		if len(hits) > keep {
			hits = hits[:keep]
		}
		if len(hits) == keep {
			floor = hits[len(hits)-1].Score
		}
	}
	for k := range hits {
		hits[k].Sentence = m.sents[hits[k].Index]
		hits[k].Matched = sc.matched[hits[k].Index] &^ carried
	}
	return hits
}

// judge is the last stage: how much of the question's weight the best
// sentence (its match bits, matched) holds, and the confidence that
// follows. A later answerability score belongs here.
func judge(res *Result, matched uint32, t *query) {
	covered := 0.0
	for _, q := range t.qterms {
		if matched&(1<<uint(q.bit)) != 0 && !q.kind {
			covered += q.idf
		}
	}
	if t.totalWeight > 0 {
		res.Coverage = covered / t.totalWeight
	}
	if t.knownWeight > 0 {
		res.KnownCoverage = covered / t.knownWeight
	}
	res.Confidence = confidence(res)
}

// carryToAnaphors gives a sentence that opens with "It", "He" or "This"
// part of the score of the sentence before it in the same paragraph: it is
// about what that one named.
func (m *Matcher) carryToAnaphors(sc *scratch, from []int32) {
	type carry struct {
		to    int32
		score float64
	}
	var buf [16]carry
	carries := buf[:0]
	for _, i := range from {
		j := i + 1
		if int(j) < len(m.sents) && m.features[j]&featContinues != 0 {
			carries = append(carries, carry{j, anaphorCarry * sc.scores[i]})
		}
	}
	// Scores are read above and written here, so a chain of such sentences
	// passes on only what each earned itself.
	for _, c := range carries {
		if sc.matched[c.to] == 0 {
			sc.touched = append(sc.touched, c.to)
			sc.matched[c.to] = carried
		}
		sc.scores[c.to] += c.score
	}
}

// typeCue nudges sentences that hold the kind of answer the question asks
// for, and that hold it beyond what the question itself names.
func (m *Matcher) typeCue(sc *scratch, shape questionShape, queryIDs termSet[int32], meanIDF float64) {
	want := shape.wants()
	if want == 0 {
		return
	}
	for _, i := range sc.touched {
		if m.features[i]&want == 0 {
			continue
		}
		fresh := m.features[i]&(featPerson|featDate) != 0
		for _, a := range m.store.Answers(i) {
			if !queryIDs.has(a) {
				fresh = true
				break
			}
		}
		if fresh {
			sc.scores[i] += typeBonus * meanIDF
		}
	}
}

// unitWindow is how far down the reranked candidates a sentence holding
// the measured answer asked for is brought up to first.
const unitWindow = 3

// frequencyWindow is unitWindow for "how often": a frequency ("once a
// month") is rarer in a text than a number with a unit, so a sentence
// that states one further down is still likely the answer.
const frequencyWindow = 5

// preferUnits: when the question asks for a measured answer ("how long",
// "how far", "what time") and the first candidate holds none, the best of
// the next few that does holds the answer; the reranker's features do not
// see units.
func (m *Matcher) preferUnits(hits []Hit, unit english.Class) {
	if unit == 0 {
		return
	}
	preferHolding(hits, unitWindow, func(i int) bool {
		return m.holdsUnit(i, unit) && (unit&^english.Duration&m.store.Marks(i).Classes() != 0 ||
			!onlyRates(m.sents[i].Text) && (unit&english.Date != 0 || !onlyAges(m.sents[i].Text)))
	})
}

// onlyAges reports whether the only span of time text gives is an age
// ("Children aged 0 to 11 get a yellow card"), which says how old, not
// how long: no unit of time follows a number.
func onlyAges(text string) bool {
	var toks []english.Token
	english.Tokenize(text, func(t english.Token) { toks = append(toks, t) })
	age := false
	for k, t := range toks {
		if !t.Digit && english.Lookup(t.Word)&english.Number == 0 {
			continue
		}
		if w := wordAt(toks, k-1); w == "aged" || w == "age" || w == "ages" {
			age = true
		}
		for j := k + 1; j <= k+2 && j < len(toks); j++ {
			if english.Lookup(toks[j].Word)&english.Duration != 0 {
				return false // "three weeks", "up to 6 months"
			}
		}
	}
	return age
}

// rateLeads come before the unit of a rate: "per month", "each week".
var rateLeads = setOf("per", "each", "every")

// onlyRates reports whether every unit of time text names is a rate's
// ("A freeze costs £5 per month", "twice a week"), which says how much or
// how often, not how long; "about an hour" and "for a week" are lengths.
func onlyRates(text string) bool {
	var toks []english.Token
	english.Tokenize(text, func(t english.Token) { toks = append(toks, t) })
	rates := 0
	for k, t := range toks {
		if english.Lookup(t.Word)&english.Duration == 0 {
			continue
		}
		switch prev := wordAt(toks, k-1); {
		case prev == "a" || prev == "an":
			if before := wordAt(toks, k-2); !isNumber(before) && before != "once" && before != "twice" {
				return false // "about an hour", "for a week"
			}
		case !rateLeads[prev]:
			return false
		}
		rates++
	}
	return rates > 0
}

// preferAmounts: the same for a question asking a price ("how much did
// the stadium cost"), and a sentence naming an amount of money.
func (m *Matcher) preferAmounts(hits []Hit, all []string) {
	if asksPrice(all) {
		preferHolding(hits, unitWindow, m.namesAmount)
	}
}

// toFirst moves hits[k] to the front, the ones before it one place down.
func toFirst(hits []Hit, k int) {
	h := hits[k]
	copy(hits[1:k+1], hits[:k])
	hits[0] = h
}

// preferContinuation brings up the sentence right after the first
// candidate, when it is among the candidates, goes on about what the first
// named (it opens with "It", "They", "This"… in the same paragraph) and
// holds the answer asked for (holds), which the first does not: "We take
// a refundable security deposit of £150 when you book. It is returned
// within seven days of your departure." answers when the deposit comes
// back. Such a sentence scores low, as it names its subject by a pronoun,
// so the share the other rules ask of a near candidate does not apply.
func (m *Matcher) preferContinuation(hits []Hit, holds func(i int) bool) bool {
	if len(hits) < 2 || holds(hits[0].Index) {
		return false
	}
	next := hits[0].Index + 1
	if next >= len(m.sents) || m.features[next]&featContinues == 0 {
		return false
	}
	for k := 1; k < len(hits); k++ {
		if hits[k].Index == next && holds(next) {
			toFirst(hits, k)
			return true
		}
	}
	return false
}

// kindWindow and kindShare bound the candidates read by the rules that
// prefer a near candidate giving the kind of answer a chat question asks
// for (a date, a rule, a rate, a means of transport, opening hours): the
// first three, scoring at least 0.6 of the first.
const (
	kindWindow = 3
	kindShare  = 0.6
)

// preferHolding brings the best of the first window candidates that holds
// the answer asked for (holds) up to first, when the first does not, and
// reports whether the first holds it then.
func preferHolding(hits []Hit, window int, holds func(i int) bool) bool {
	return preferHoldingNear(hits, window, 0, holds)
}

// preferHoldingNear is preferHolding among the candidates scoring at
// least share of the first (any, when share is 0); with a share, a first
// candidate scoring nothing is left where it is.
func preferHoldingNear(hits []Hit, window int, share float64, holds func(i int) bool) bool {
	if len(hits) == 0 || holds(hits[0].Index) {
		return len(hits) > 0
	}
	if share > 0 && hits[0].Score <= 0 {
		return false
	}
	for k := 1; k < min(len(hits), window); k++ {
		if (share == 0 || hits[k].Score >= share*hits[0].Score) && holds(hits[k].Index) {
			toFirst(hits, k)
			return true
		}
	}
	return false
}

// unitCue nudges sentences that hold a measured answer in the units the
// question asks for: "how far" wants "14 km", not any number.
func (m *Matcher) unitCue(sc *scratch, unit english.Class, meanIDF float64) {
	if unit == 0 {
		return
	}
	for _, i := range sc.touched {
		if m.holdsUnit(int(i), unit) {
			sc.scores[i] += unitBonus * meanIDF
		}
	}
}

// confidence blends two views of how much of the question the best sentence
// holds: by weight (unknown words weigh as much as the rarest term) and by
// count of known words (a corrected word counts half). Calibrated on SQuAD:
// answerable questions against their own paragraph versus questions from
// another article, it keeps abstentions on answerable questions near 1 %.
// When nothing matched as written, only through loose corrections (two
// edits, or the fuzzy matcher), and some words are unknown besides, the
// question is probably about something else ("quantum chromodynamics" is
// not "tutti quanti"): confidence drops to a quarter.
func confidence(r *Result) float64 {
	if r.Content <= 0 || len(r.Unknown) >= r.Content {
		return 0
	}
	known := float64(r.Content-len(r.Unknown)) - 0.5*float64(r.corrected)
	c := 0.5*r.Coverage + 0.5*r.KnownCoverage*max(known, 0)/float64(r.Content)
	if r.weak > 0 && r.weak == r.Content-len(r.Unknown) && len(r.Unknown) > 0 {
		c /= 4
	}
	return min(max(c, 0), 1)
}

// stopWordTypo returns the function word that w misspells by one edit, for
// words of four letters or more ("wher" -> "where"), but not for a common
// English word, which was written as meant ("are dogs allowed" does not
// ask "are does allowed"; "dies", "world", "whole").
func stopWordTypo(w string) (string, bool) {
	rs := []rune(w)
	if len(rs) < 4 || english.IsCommonWord(w) {
		return "", false
	}
	for _, sw := range typoProneStopWords {
		if oneEdit(rs, []rune(sw)) <= 1 {
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
	for _, c := range r.Kept {
		b.WriteString("not corrected: " + c.From + " (" + c.Method + "), though " + c.To + " is near\n")
	}
	for _, c := range r.Asking {
		b.WriteString("not a topic: " + c.From + " (" + c.Method + ")\n")
	}
	b.WriteString("coverage: " + ftoa(r.Coverage) + ", confidence: " + ftoa(r.Confidence) + "\n")
	if r.wasJudged {
		var f [nAnswerFeatures]float64
		for i, v := range r.judged {
			f[i] = float64(v)
		}
		b.WriteString("answerable: " + explainAnswerability(f[:]) + "\n")
	}
	if r.Section {
		b.WriteString("order: the question asks what a section says; its opening sentences answer\n")
	}
	if r.Byline {
		b.WriteString("order: the question asks who wrote the document; its byline answers\n")
	}
	if r.Reranked {
		b.WriteString("order: reranked by meaning (word vectors, kinds, context); scores are BM25's\n")
	}
	for i, h := range r.Hits {
		if h.Score == 0 {
			break
		}
		b.WriteString("  #" + itoa(i+1) + " score " + ftoa(h.Score) + "  sentence " + itoa(int(h.Sentence.N)) + " (" + h.Sentence.Doc() + ")\n")
	}
	return b.String()
}

// followHolder is a second retrieval round for "where is the milk?": when
// the latest sentence about the thing names who had it but no place ("Mary
// got the milk"), the place is where that person was. It finds the latest
// sentence placing the person (before the thing was put down, if it was),
// and puts it first, with the holder's sentence second, as a chain.
func (m *Matcher) followHolder(res *Result, queryIDs termSet[int32]) {
	top := int32(res.Hits[0].Index)
	if m.features[top]&featPlace != 0 {
		return
	}
	// The holder: a name in the sentence the question did not give (the
	// first word counts too: "John got the milk").
	holder := int32(-1)
	released, handled := false, false
	english.Tokenize(m.sents[top].Text, func(t english.Token) {
		released = released || releaseWords[t.Word]
		handled = handled || holdWords[t.Word]
		if holder >= 0 || !t.Upper || english.IsStop(t.Word) {
			return
		}
		if wid, ok := m.wordID.Lookup(t.Word); ok && !queryIDs.has(m.wordStem[wid]) {
			holder = m.wordStem[wid]
		}
	})
	if holder < 0 || !released && !handled {
		return // no one took the thing or let it go ("The 2010 FIFA World Cup was…")
	}
	best := int32(-1)
	doc := m.sents[top].Doc()
	for _, p := range m.postings.Of(int(holder)) {
		if m.features[p]&featPlace == 0 || m.sents[p].Doc() != doc || (released && p > top) {
			continue
		}
		best = p // postings are in sentence order: the last is the latest
	}
	if best < 0 {
		return
	}
	first := res.Hits[0]
	chain := []Hit{{Sentence: m.sents[best], Index: int(best), Score: first.Score, Matched: first.Matched}, first}
	for _, h := range res.Hits[1:] {
		if h.Index != int(best) && len(chain) < len(res.Hits) {
			chain = append(chain, h)
		}
	}
	res.Hits = chain
	res.Chain = true
}

// holdWords say someone took a thing, and has it where they go next.
var holdWords = setOf("got", "get", "gets", "took", "take", "takes", "picked", "grabbed", "grab",
	"grabs", "carried", "carry", "carries", "held", "holds", "brought", "fetched", "collected")

// releaseWords say a thing was let go: after them it stays where the
// holder was, not where the holder goes next.
var releaseWords = setOf("dropped", "drop", "drops", "discarded", "discard", "discards", "put",
	"left", "leaves", "leave", "released", "release", "abandoned", "abandon")

// score adds every question term's BM25 contribution to the sentences that
// hold it. In a long text the rarest terms are "essential": they find the
// candidate sentences (up to essentialBudget postings' worth, and always
// the rarest term), and the commoner terms (a book's "prince", "said") only
// add to sentences already found, looked up by binary search in their
// postings when that is cheaper than a scan. A sentence holding nothing but
// common words is no answer, and skipping the thousands of them keeps a
// book's questions in tens of microseconds, growing far slower than the
// text. Synonyms, in a long text, only ever add.
func (m *Matcher) score(sc *scratch, qterms, syns []qterm) {
	all := append(sc.terms[:0], qterms...)
	if len(m.sents) <= 2000 {
		all = append(all, syns...)
	}
	essential := m.essentialTerms(all)
	runs := sc.runs[:0] // where each essential term's new sentences start
	for _, q := range all[:essential] {
		runs = append(runs, int32(len(sc.touched)))
		m.addEssential(sc, q)
	}
	if len(m.sents) > 2000 {
		// In a long text synonyms only add to sentences the question's own
		// words found: a synonym alone is too weak a reason to cite.
		all = append(all, syns...)
	}
	found := len(sc.touched)
	sc.runs = runs
	var inOrder []int32 // the found sentences in order, once needed
	for _, q := range all[essential:] {
		ps := m.postings.Of(int(q.id))
		if found > 0 && 2*found*(bits.Len(uint(len(ps)/found))+1) < len(ps) {
			// Fewer steps to gallop through the postings from one found
			// sentence to the next than to scan them all (each found
			// sentence's binary search, which this replaced, cost a ×8
			// book's commonest words 14 steps, most of them cache misses).
			if inOrder == nil {
				inOrder = sc.inOrder(found)
			}
			m.gallopCommon(sc, q, inOrder)
			continue
		}
		m.scanCommon(sc, q)
	}
	sc.terms = all[:0] // keep the grown array for the next question
}

// essentialTerms orders a long text's question terms rarest first and
// returns how many of them are essential: the rarest always, then more
// while their postings fit essentialBudget and none is in more than one
// sentence in fifty. In a short text every term is.
func (m *Matcher) essentialTerms(all []qterm) int {
	if len(m.sents) <= 2000 || len(all) <= 1 {
		return len(all)
	}
	slices.SortFunc(all, func(a, b qterm) int {
		if d := len(m.postings.Of(int(a.id))) - len(m.postings.Of(int(b.id))); d != 0 {
			return d
		}
		return int(a.id - b.id)
	})
	sum := len(m.postings.Of(int(all[0].id)))
	essential := 1
	for essential < len(all) && sum+len(m.postings.Of(int(all[essential].id))) <= essentialBudget &&
		len(m.postings.Of(int(all[essential].id))) <= len(m.sents)/50 {
		sum += len(m.postings.Of(int(all[essential].id)))
		essential++
	}
	return essential
}

// addEssential adds an essential term's weight to every sentence holding
// it, and notes the sentences it finds first in sc.touched.
func (m *Matcher) addEssential(sc *scratch, q qterm) {
	wi := q.weight * q.idf
	bit := uint32(1) << uint(q.bit)
	ps := m.postings.Of(int(q.id))
	tfs := m.tfsOf(q.id)
	for k, p := range ps {
		if q.plain && m.sumsOnly(p, m.terms[q.id]) {
			continue
		}
		if sc.matched[p] == 0 {
			sc.touched = append(sc.touched, p)
		}
		w := m.one1[p]
		if tfs[k] != 1 {
			w = m.weight(q.id, k, p)
		}
		sc.scores[p] += wi * float64(w)
		sc.matched[p] |= bit
	}
}

// gallopCommon adds a common term's weight to the found sentences
// (inOrder, in sentence order) that hold it, galloping through its
// postings from one to the next.
func (m *Matcher) gallopCommon(sc *scratch, q qterm, inOrder []int32) {
	wi := q.weight * q.idf
	bit := uint32(1) << uint(q.bit)
	ps := m.postings.Of(int(q.id))
	k := 0
	for _, i := range inOrder {
		if k = gallop(ps, k, i); k == len(ps) {
			break
		}
		if ps[k] == i {
			sc.scores[i] += wi * float64(m.weight(q.id, k, i))
			sc.matched[i] |= bit
		}
	}
}

// scanCommon adds a common term's weight to the already found sentences
// among its postings, scanning them all.
func (m *Matcher) scanCommon(sc *scratch, q qterm) {
	wi := q.weight * q.idf
	bit := uint32(1) << uint(q.bit)
	ps := m.postings.Of(int(q.id))
	tfs := m.tfsOf(q.id)
	for k, p := range ps {
		if sc.matched[p] != 0 {
			w := m.one1[p]
			if tfs[k] != 1 {
				w = m.weight(q.id, k, p)
			}
			sc.scores[p] += wi * float64(w)
			sc.matched[p] |= bit
		}
	}
}

// inOrder returns the first found touched sentences in order: each
// essential term's new ones are a run in order (its postings are), which
// are merged.
func (sc *scratch) inOrder(found int) []int32 {
	out := append(sc.merged[:0], sc.touched[:found]...)
	tmp := sc.merging[:0]
	runs := sc.runs
	for r := 1; r < len(runs); r++ {
		// out[:runs[r]] is in order; merge the run after it.
		end := found
		if r+1 < len(runs) {
			end = int(runs[r+1])
		}
		a, b := out[:runs[r]], out[runs[r]:end]
		tmp = tmp[:0]
		for len(a) > 0 && len(b) > 0 {
			if a[0] <= b[0] {
				tmp, a = append(tmp, a[0]), a[1:]
			} else {
				tmp, b = append(tmp, b[0]), b[1:]
			}
		}
		tmp = append(append(tmp, a...), b...)
		copy(out, tmp)
	}
	sc.merged, sc.merging = out, tmp
	return out
}

// gallop returns the index of the first of ps (in order) at or after
// from that is not below x: len(ps) when none is. It steps 1, 2, 4, ...
// ahead, then searches the last step.
func gallop(ps []int32, from int, x int32) int {
	if from >= len(ps) || ps[from] >= x {
		return from
	}
	lo, step := from, 1 // ps[lo] < x
	for lo+step < len(ps) && ps[lo+step] < x {
		lo += step
		step *= 2
	}
	hi := min(lo+step, len(ps)) // ps[hi] >= x, or hi is the end
	k, _ := slices.BinarySearch(ps[lo+1:hi], x)
	return lo + 1 + k
}

// essentialBudget bounds the postings that find candidate sentences in a
// long text.
const essentialBudget = 4096

// termSet is a small set: a question has a handful of terms, and a slice
// scan beats a map and its allocation.
type termSet[T comparable] []T

func (t *termSet[T]) add(x T) {
	if !t.has(x) {
		*t = append(*t, x)
	}
}

func (t termSet[T]) has(x T) bool { return slices.Contains(t, x) }

// definitionBonus is added, in units of the mean query-term IDF, to a
// sentence that goes on to say what the thing asked about is: "What was
// the mayor's plan?" is answered by "the mayor's plan to close the bridge",
// not by "the council rejected the mayor's plan".
const definitionBonus = 1.0

// definitionFocus returns the thing a "what is/was X?" question asks about:
// the last content word before "of" or the end ("What is the capital of
// France?" -> "capital"; "What was the mayor's plan?" -> "plan"), or "".
func definitionFocus(words []string) string {
	if len(words) < 3 || words[0] != "what" {
		return ""
	}
	switch words[1] {
	case "is", "was", "are", "were":
	default:
		return ""
	}
	focus := ""
	for _, w := range words[2:] {
		if w == "of" && focus != "" {
			break
		}
		if !english.IsStop(w) {
			focus = w
		}
	}
	return focus
}

// definers are words that, right after a noun, begin saying what it is.
var definers = setOf("to", "of", "that", "which", "who", "is", "was", "are", "were", "called",
	"named", "known", "means", "meant", "refers", "include", "includes", "included", "consists")

// definitionCue rescores the best hits: those where the focus word is
// followed by a definer get the bonus.
func (m *Matcher) definitionCue(hits []Hit, focus string, meanIDF float64, before func(a, b Hit) bool) {
	wid, ok := m.wordID.Lookup(focus)
	if !ok {
		return
	}
	fid := m.wordStem[wid]
	n := min(len(hits), 8)
	changed := false
	for k := range hits[:n] {
		if m.defines(hits[k].Sentence.Text, fid) {
			hits[k].Score += definitionBonus * meanIDF
			changed = true
		}
	}
	if changed {
		slices.SortStableFunc(hits[:n], func(a, b Hit) int {
			switch {
			case before(a, b):
				return -1
			case before(b, a):
				return 1
			}
			return 0
		})
	}
}

// defines reports whether text goes on to say what the term fid is: the
// term followed by a definer ("the plan to close the bridge").
func (m *Matcher) defines(text string, fid int32) bool {
	after, found := false, false
	english.Tokenize(text, func(t english.Token) {
		if found {
			return
		}
		if after && definers[t.Word] {
			found = true
			return
		}
		after = false
		if w, ok := m.wordID.Lookup(t.Word); ok && m.wordStem[w] == fid {
			after = true
		}
	})
	return found
}

// asksHow reports whether w, between the words prev and next, says how a
// question asks rather than what about: "bit" of "a bit later" (a degree,
// not a piece: "a bit of cake" keeps it) and "chance" of "any chance we
// could…" (a request).
func asksHow(prev, w, next string) bool {
	switch {
	case prev == "a" && (w == "bit" || w == "tad"):
		return comparative(next)
	case prev == "any" && (w == "chance" || w == "chances"):
		return true // "any chance we could…", "any chance of a late checkout"
	}
	return false
}

// howWords are the words asksHow reads in context.
var howWords = setOf("bit", "tad", "chance", "chances")

// comparative reports whether w is a comparative or an adverb of degree
// that "a bit" qualifies: "later", "longer", "more", "too", "early".
func comparative(w string) bool {
	return len(w) > 4 && strings.HasSuffix(w, "er") || degreeWords[w]
}

var degreeWords = setOf("more", "less", "too", "early", "late", "much", "extra", "earlier", "later")

// nextWord is the lower-case word of text that starts after byte end
// (within a few dozen bytes), "" when none does.
func nextWord(text string, end int) string {
	next := ""
	english.Tokenize(text[end:min(len(text), end+40)], func(t english.Token) {
		if next == "" {
			next = t.Word
		}
	})
	return next
}

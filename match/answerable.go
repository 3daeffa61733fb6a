package match

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/storybot/storybot/english"
	"github.com/storybot/storybot/facts"
)

// The judge stage asks whether the documents answer the question at all,
// which ranking cannot tell: the best sentence of a text about bread is
// still the best when the question is about the weather. The evidence is
// how much of the question the best sentence explains, weighed by how
// informative each word is in general English, not only in the document:
// a short text makes "make", "state" or "year" rare there, but matching
// them says little. A logistic model over these features, fitted on
// answerable questions against questions their text does not answer
// (internal/fitanswer), gives the probability that the text answers; that
// probability is the Result's Confidence.

// Answerability features, in the order of answerWeights.
const (
	afBias = iota
	afCoverage
	afKnownCoverage
	afEnglishCoverage // English information of the words the best sentence holds, of all
	afEnglishKnown    // the same, of the words the documents know
	afUnknownInfo     // English information of the words the documents lack, of all
	afMaxMatchedInfo  // the most informative word the best sentence holds
	afEveryday        // every matched word is an everyday one
	afCorrected       // share of content words found only through a typo correction
	afWeak            // share found through a loose correction
	afLogContent
	afTypeMissing   // the question asks for a kind of answer the sentence cannot hold
	afTypeFresh     // the sentence holds that kind beyond what the question names
	afNamesMissing  // share of the question's names the documents lack
	afNamesMatched  // share of the question's names the best sentence holds
	afLogSentences  // the text's size: chance matches grow with it
	afOneWord       // a single content word: a topic, not a question
	afNeighbourHelp // unmatched known words found in the sentence before or after
	afSemantic      // how near in meaning the words the sentence lacks are to its words
	afInformative   // how many informative words the sentence holds
	afNumbersOnly   // every word the sentence holds is a number
	afEverydayCover // English coverage when only everyday words are held
	afPriceMissing  // a price is asked and neither first sentence names an amount of money
	afDateMissing   // "when" is asked and neither first sentence names a date or time
	afUnexplained   // English information of the words the sentence neither holds nor comes near in meaning, of all
	afTopicLeft     // the same, of words that are not everyday ones: a topic the sentence lacks
	nAnswerFeatures
)

// everydayRank bounds the words that every text uses: matching only these
// is weak evidence however rare they are in a document.
const everydayRank = 3000

// maxInfo is the information of a word outside the kept vocabulary: a
// name, a rare word or a typo.
var maxInfo = math.Log(50002)

// wordInfo is a word's information in general English, in 0..1.
func wordInfo(v *english.Vectors, w string) (info float64, rank int) {
	r, ok := v.Rank(w)
	if !ok {
		return 1, 1 << 30
	}
	return math.Log(float64(r)+2) / maxInfo, r
}

// answerFeatures computes the answerability features of the question
// against the sentence best, whose held question terms are matched.
// first are the first candidates as ranked: the kind of answer asked for
// counts as held when the first of them holds it, which may not be best.
func (m *Matcher) answerFeatures(f []float64, res *Result, q *question, t *query, best int, first []Hit, matched uint32) []float64 {
	f = append(f[:0], make([]float64, nAnswerFeatures)...)
	f[afBias] = 1
	f[afCoverage], f[afKnownCoverage] = res.Coverage, res.KnownCoverage
	if res.Content == 0 {
		return f
	}
	m.infoFeatures(f, res, q, t, best, matched)
	f[afCorrected] = float64(res.corrected) / float64(res.Content)
	f[afWeak] = float64(res.weak) / float64(res.Content)
	f[afLogContent] = math.Log(1 + float64(res.Content))
	if len(q.all) == 1 {
		f[afOneWord] = 1 // a bare word ("bill", "rose"): a topic, not a question
	}
	f[afLogSentences] = math.Log(1 + float64(len(m.sents)))
	m.typeFeatures(f, q, t, best, first)
	f[afUnexplained] = 1 - f[afEnglishCoverage]
	f[afTopicLeft] = f[afUnknownInfo]
	if t.reranked {
		var explained float64
		f[afSemantic], f[afUnexplained], explained, f[afTopicLeft] = m.semanticCover(t, best, matched)
		// A word the text lacks but the sentence comes near in meaning
		// ("ride" of "journey") is a paraphrase, not a missing topic.
		f[afUnknownInfo] = max(0, f[afUnknownInfo]-explained)
	}
	return f
}

// semanticCover is, over the question's words that the sentence does not
// hold, the mean (by English information) of each word's best cosine with
// the sentence's words: "fare" is near "ticket", "weather" is not near
// anything in a recipe. Short texts only, where word vectors are indexed.
// unexplained is the information of the words the sentence neither holds
// nor comes near (nor holds a WordNet synonym of), of all the question's:
// a question worded apart from its answer ("how long is the ride" of "the
// journey takes 25 minutes") leaves little unexplained, one the text does
// not answer leaves its topic.
func (m *Matcher) semanticCover(t *query, best int, matched uint32) (cover, unexplained, unknownExplained, topicLeft float64) {
	core := m.sentenceCore(best)
	var sum, weight, total, left float64
	everyday := math.Log(everydayRank + 2)
	for _, w := range t.asked {
		info := w.rare / maxInfo
		total += info
		if w.id >= 0 && holds(t, w.id, matched) {
			continue
		}
		weight += info
		if len(w.syns) > 0 && slices.ContainsFunc(core.ids, func(id int32) bool { return slices.Contains(w.syns, id) }) {
			sum += info
			if w.id < 0 {
				unknownExplained += info
			}
			continue
		}
		if w.vec == nil {
			left += info
			topicLeft += info
			continue
		}
		bestCos := float32(0)
		for _, wid := range core.wids {
			if r := m.wordVec[wid]; r >= 0 {
				bestCos = max(bestCos, english.Dot(w.vec, m.vecData[int(r)*m.vecDim:int(r+1)*m.vecDim]))
			}
		}
		// Unrelated everyday words are still about 0.3 alike; what
		// counts is how far past that a word comes.
		near := max(0, float64(bestCos)-0.35) / 0.65
		sum += info * near
		left += info * (1 - min(1, near*2))
		if w.rare > everyday {
			topicLeft += info * (1 - min(1, near*2))
		}
		if w.id < 0 {
			unknownExplained += info * min(1, near*2)
		}
	}
	if total > 0 {
		unexplained, unknownExplained, topicLeft = left/total, unknownExplained/total, topicLeft/total
	}
	if weight == 0 {
		return 1, unexplained, unknownExplained, topicLeft
	}
	return sum / weight, unexplained, unknownExplained, topicLeft
}

// infoFeatures fills the features that weigh each content word by its
// information in English: coverage, unknown words, names, neighbours.
func (m *Matcher) infoFeatures(f []float64, res *Result, q *question, t *query, best int, matched uint32) {
	v := english.LoadVectors()
	var all, known, held, unknown, maxHeld, neighbour float64
	everyday, numbers := true, true
	names, namesMissing, namesHeld := 0, 0, 0
	for _, tm := range res.Terms {
		if q.howWord(tm.Word) || !tm.Found && q.kindNoun(tm.Word) {
			// "how much", "how far", "what date" in a text without the
			// word: the question's type, not its topic.
			continue
		}
		info, rank := wordInfo(v, tm.Word)
		all += info
		isName := q.capital.has(tm.Word)
		if isName {
			names++
		}
		if !tm.Found {
			unknown += info
			if isName {
				namesMissing++
			}
			continue
		}
		known += info
		id, ok := m.termID.Lookup(tm.Stem)
		if ok && holds(t, id, matched) {
			held += info
			maxHeld = max(maxHeld, info)
			numbers = numbers && english.HasDigit(tm.Word)
			if rank > everydayRank {
				everyday = false
				f[afInformative]++
			}
			if isName {
				namesHeld++
			}
		} else if ok && m.nearSentence(id, best) {
			neighbour += info
		}
	}
	if all > 0 {
		f[afEnglishCoverage], f[afUnknownInfo] = held/all, unknown/all
	}
	if known > 0 {
		f[afEnglishKnown], f[afNeighbourHelp] = held/known, neighbour/known
	}
	f[afMaxMatchedInfo] = maxHeld
	f[afInformative] = math.Log1p(f[afInformative])
	if everyday && held > 0 {
		f[afEveryday] = 1
		f[afEverydayCover] = f[afEnglishCoverage]
	}
	if numbers && held > 0 {
		f[afNumbersOnly] = 1
	}
	if names > 0 {
		f[afNamesMissing] = float64(namesMissing) / float64(names)
		f[afNamesMatched] = float64(namesHeld) / float64(names)
	}
}

// howWord reports whether w follows "how" in the question ("how much",
// "how far", "how long"): it says what kind of answer is wanted.
func (q *question) howWord(w string) bool {
	for i := 1; i < len(q.all); i++ {
		if q.all[i] == w && q.all[i-1] == "how" {
			return true
		}
	}
	return false
}

// holds reports whether the sentence whose matched bits are given holds
// term id, itself or through a synonym.
func holds(t *query, id int32, matched uint32) bool {
	for _, qt := range t.qterms {
		if qt.id == id {
			return matched&(1<<uint(qt.bit)) != 0
		}
	}
	return false
}

// nearSentence reports whether term id occurs in the sentence before or
// after best, in the same document.
func (m *Matcher) nearSentence(id int32, best int) bool {
	for _, p := range m.postings.Of(int(id)) {
		s := int(p)
		if (s == best-1 || s == best+1) && m.sents[s].Doc() == m.sents[best].Doc() {
			return true
		}
		if s > best+1 {
			break
		}
	}
	return false
}

// typeFeatures says whether the best sentence or the one ranked first
// can hold the kind of answer the question asks for, and holds it beyond
// what the question names. The kinds are read strictly here: "how much
// did it cost" wants an amount of money, not any number. A price is
// missing only when no sentence among the first few names one.
func (m *Matcher) typeFeatures(f []float64, q *question, t *query, best int, hits []Hit) {
	top := hits[0].Index
	if asksPrice(q.all) && !m.namesAmount(best) && !slices.ContainsFunc(hits, func(h Hit) bool { return m.namesAmount(h.Index) }) {
		f[afPriceMissing] = 1
	}
	if q.shape.qtype == QDate && slices.Contains(q.all, "when") && !m.namesWhen(best) &&
		!slices.ContainsFunc(hits, func(h Hit) bool { return m.namesWhen(h.Index) }) {
		f[afDateMissing] = 1
	}
	if u := q.shape.unit; u != 0 {
		if !m.holdsUnit(best, u) && !m.holdsUnit(top, u) {
			f[afTypeMissing] = 1
		} else {
			f[afTypeFresh] = 1
		}
		return
	}
	want := strictWant(q.shape.qtype)
	if want == 0 {
		return
	}
	if (m.features[best]|m.features[top])&want == 0 {
		f[afTypeMissing] = 1
		return
	}
	if want&(featDate|featReason) != 0 {
		f[afTypeFresh] = 1
		return
	}
	for _, s := range [2]int{best, top} {
		if m.features[s]&want == 0 {
			continue
		}
		for _, a := range m.store.Answers(int32(s)) {
			if !t.queryIDs.has(a) {
				f[afTypeFresh] = 1
				return
			}
		}
	}
}

// priceCandidates is how many of the first sentences are searched for a
// price.
const priceCandidates = 2

// priceWords, after "how much", make it ask for a price: "how much does a
// room cost", "how much is the fare".
var priceWords = setOf("cost", "costs", "price", "prices", "pay", "paid", "fee", "fees", "fare", "fares",
	"charge", "charges", "charged", "spend", "spent", "afford", "money")

// asksPrice reports whether the question asks for a price: "how much"
// with a word of paying, or "how much is a room" (a thing, not "how much
// of it"); "by how much have costs risen" asks for a change.
func asksPrice(words []string) bool {
	for i := 0; i+1 < len(words); i++ {
		if words[i] != "how" || words[i+1] != "much" {
			continue
		}
		if i > 0 && words[i-1] == "by" {
			return false
		}
		rest := words[i+2:]
		for _, w := range rest {
			if priceWords[w] {
				return true
			}
		}
		// "how much is a room", "how much is parking": a thing or an
		// activity (not "how much is left", "how much is known").
		return len(rest) > 1 && (rest[0] == "is" || rest[0] == "are") &&
			(rest[1] == "a" || rest[1] == "an" || rest[1] == "the" || len(rest[1]) > 5 && strings.HasSuffix(rest[1], "ing"))
	}
	return false
}

// namesAmount reports whether sentence i names an amount of money: a
// currency sign, a number beside a word of money ("40 pounds"), or "free".
func (m *Matcher) namesAmount(i int) bool {
	mk := m.store.Marks(i)
	if mk&facts.MarkCurrency != 0 || m.features[i]&featMoney != 0 && m.features[i]&featNumber != 0 {
		return true
	}
	id, ok := m.termID.Lookup(english.Stem("free"))
	return ok && m.inSentence(id, i) && saysFree(m.sents[i].Text)
}

// saysFree reports whether text says something costs nothing: "free" not
// after an article or a possessive, which make it a kind of thing ("a
// free 45-minute induction", "our free Wi-Fi").
func saysFree(text string) bool {
	found, prev := false, ""
	english.Tokenize(text, func(t english.Token) {
		if t.Word == "free" && !determinerWords[prev] {
			found = true
		}
		prev = t.Word
	})
	return found
}

// determinerWords open a noun phrase.
var determinerWords = setOf("a", "an", "the", "our", "your", "their", "its", "his", "her", "my")

// namesTime reports whether sentence i names a date or a time of day.
func (m *Matcher) namesTime(i int) bool {
	return m.features[i]&featDate != 0 || m.store.Marks(i).Classes()&english.Clock != 0
}

// namesWhen reports whether sentence i says when: a date or a time of
// day, or a point counted in units of time ("in the 63rd minute", "on
// the second day", "in the 12th century"), which answers "when did he
// come on?" as well.
func (m *Matcher) namesWhen(i int) bool {
	return m.namesTime(i) || countsTime(m.sents[i].Text)
}

// countsTime reports whether text holds an ordinal before a unit of time.
func countsTime(text string) bool {
	found, ordinal := false, false
	english.Tokenize(text, func(t english.Token) {
		if found {
			return
		}
		if ordinal && (english.Lookup(t.Word)&english.Duration != 0 || t.Word == "century" || t.Word == "round" || t.Word == "lap") {
			found = true
		}
		ordinal = isOrdinal(t.Word)
	})
	return found
}

// isOrdinal reports whether w is an ordinal: "63rd", "21st", "second".
func isOrdinal(w string) bool {
	if w != "" && w[0] >= '0' && w[0] <= '9' {
		return english.IsOrdinal(w)
	}
	return ordinalWords[w]
}

// ordinalWords are the ordinals written as words that count units of time.
var ordinalWords = setOf("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
	"ninth", "tenth", "eleventh", "twelfth", "last", "final", "opening", "closing")

// inSentence reports whether term id occurs in sentence i.
func (m *Matcher) inSentence(id int32, i int) bool {
	_, found := slices.BinarySearch(m.postings.Of(int(id)), int32(i)) // postings are in sentence order
	return found
}

// strictWant is the feature a sentence must have to answer a question of
// type qt, for judging rather than ranking.
func strictWant(qt QType) feature {
	switch qt {
	case QMoney:
		return featMoney
	case QPerson:
		return featPerson | featName
	case QPlace:
		return featPlace | featName
	}
	return qt.wants()
}

// answerability is the fitted probability that the text answers the
// question, from its features.
func answerability(f []float64) float64 {
	s := 0.0
	for i, w := range answerWeights {
		s += w * f[i]
	}
	return 1 / (1 + math.Exp(-s))
}

var answerFeatureNames = [nAnswerFeatures]string{"bias", "coverage", "known coverage",
	"English coverage", "English known coverage", "unknown words", "most informative match",
	"only everyday words", "corrected", "loosely corrected", "content words", "answer kind missing",
	"answer kind present", "names missing", "names matched", "text size", "one word",
	"words in the next sentences", "near in meaning", "informative words held", "only numbers held", "everyday coverage",
	"no price named", "no date named", "unexplained words", "unexplained topic"}

// explainAnswerability lists the features that weigh most in the
// answerability score, for :why.
func explainAnswerability(f []float64) string {
	type part struct {
		name string
		v    float64
	}
	var parts []part
	for i, w := range answerWeights {
		if i != afBias && f[i] != 0 {
			parts = append(parts, part{answerFeatureNames[i], w * f[i]})
		}
	}
	slices.SortFunc(parts, func(a, b part) int { return cmp.Compare(math.Abs(b.v), math.Abs(a.v)) })
	var b strings.Builder
	b.WriteString(ftoa(answerability(f)))
	for i, p := range parts[:min(len(parts), 5)] {
		if i == 0 {
			b.WriteString(" (")
		} else {
			b.WriteString(", ")
		}
		b.WriteString(p.name + " " + strconv.FormatFloat(p.v, 'f', 2, 64))
	}
	if len(parts) > 0 {
		b.WriteString(")")
	}
	return b.String()
}

// AnswerWeights returns a copy of the answerability model's weights, for
// internal/fitanswer to fit new features beside the shipped ones.
func AnswerWeights() []float64 { return slices.Clone(answerWeights[:]) }

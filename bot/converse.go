package bot

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/storybot/storybot/english"
	"github.com/storybot/storybot/facts"
	"github.com/storybot/storybot/match"
)

// converse answers question as the next turn of conversation key: read
// against the last turn remembered, then remembered itself. A Memory that
// fails only costs the context: the question is still answered.
func (b *Bot) converse(ctx context.Context, key, question string) Reply {
	mem := b.opt.Memory
	turns, err := mem.Load(ctx, key)
	if err != nil {
		turns = nil
	}
	var prev *Turn
	if len(turns) > 0 {
		prev = &turns[len(turns)-1]
	}
	r := b.answer(ctx, question, prev)
	if r.Outcome != OutcomeAnswered && r.Outcome != OutcomeNotFound {
		return r // small talk and refusals leave the conversation as it was
	}
	if prev == nil {
		r.topic = carried(r.Question, "") // answer leaves it to the turns remembered
	}
	t := Turn{Question: r.Question, Understood: r.Understood, Topic: r.topic, At: time.Now().UTC()}
	if len(r.Citations) > 0 {
		c := r.Citations[0]
		t.Answer, t.Doc, t.Sentence = c.Text, c.Doc, c.Sentence
	}
	turns = append(turns, t)
	if len(turns) > MaxTurns {
		turns = turns[len(turns)-MaxTurns:]
	}
	_ = mem.Save(ctx, key, turns) // best effort, as Load
	return r
}

// generalVerbs are the light verbs (lightVerbs) that are verbs: what a
// question does with its topic, in the most general terms.
var generalVerbs = set("want", "wants", "wanted", "need", "needs", "get", "gets", "got", "go", "goes", "went",
	"come", "comes", "came", "take", "takes", "took", "make", "makes", "made", "happen", "happened", "happens",
	"use", "used", "think", "know", "mean", "means", "talk", "call", "called")

// searchTurn searches the question as read (rd). In a conversation, a
// light verb the documents lack ("why couldn't Bevan come?") is not what
// is asked, the conversation having set the topic, yet as an unknown word
// it sinks the confidence: the question is searched again without it, and
// read so when that is surer.
func searchTurn(ctx context.Context, m *match.Matcher, rd *reading, k int, prev *Turn, minConf float64) *match.Result {
	opt := match.SearchOptions{TopK: k}
	if prev == nil {
		if w := m.TopicOf(rd.understood); w != "" {
			rd.understood = "What does it say about " + w + "?"
		}
	}
	res := m.SearchContext(ctx, rd.understood, opt)
	if prev == nil || res.Cancelled {
		return res
	}
	if rd.carried && res.Confidence < minConf {
		res = askedAsWritten(ctx, m, rd, opt, res, minConf)
	}
	if !rd.followUp && (len(res.Hits) == 0 || res.Hits[0].Score == 0 || res.Confidence < minConf && countContent(words(rd.understood)) <= 2) {
		// Nothing it says is in the documents, or too little to answer a
		// short question ("how many died?" after the flood): it is about
		// the topic, when that reading is surer.
		named := withNames(rd.understood, m.Store())
		if r := readTurn(named, withNamesTurn(*prev, m.Store()), true); r.followUp && r.understood != named {
			lostOpt := opt
			lostOpt.TopK = max(k, followTopK)
			again := m.SearchContext(ctx, r.understood, lostOpt)
			if again.Cancelled {
				return again
			}
			if len(res.Hits) == 0 || res.Hits[0].Score == 0 || again.Confidence > res.Confidence {
				*rd, res, opt = r, again, lostOpt
			}
		}
	}
	var b strings.Builder
	last, dropped := 0, []string{}
	for _, w := range words(rd.understood) {
		if (generalVerbs[w.Word] || generalVerbs[english.Stem(w.Word)]) && slices.Contains(res.Unknown, w.Word) {
			b.WriteString(strings.TrimRight(rd.understood[last:w.Start], " "))
			last = w.End
			dropped = append(dropped, `"`+w.text+`"`)
		}
	}
	if len(dropped) == 0 {
		return res
	}
	b.WriteString(rd.understood[last:])
	again := m.SearchContext(ctx, b.String(), opt)
	if again.Cancelled || again.Confidence <= res.Confidence {
		return res
	}
	rd.understood = b.String()
	note := "Reading it without " + strings.Join(dropped, ", ")
	if rd.note != "" {
		note = rd.note + "; without " + strings.Join(dropped, ", ")
	}
	rd.note = note
	return again
}

// askedAsWritten searches a follow-up that the question before's words
// were added to (rd.carried), and that is too unsure so to be answered,
// as it was written: "what about bikes" after "can i drive to the new
// office" is answered by the bike store, which the added "drive new
// office" pulled below the confidence to answer. It is read so when that
// answers it and holds one of its own words; else res stands.
func askedAsWritten(ctx context.Context, m *match.Matcher, rd *reading, opt match.SearchOptions, res *match.Result, minConf float64) *match.Result {
	asked := m.SearchContext(ctx, rd.asked, opt)
	if asked.Cancelled || asked.Confidence < minConf || asked.Confidence <= res.Confidence || len(asked.Hits) == 0 ||
		len(rd.own) > 0 && !holds(asked.Hits[0].Sentence.Text, rd.own, ownMatch{nouns: rd.nouns, terms: asked.Terms}) {
		return res
	}
	*rd = reading{understood: rd.asked, asked: rd.asked, topic: rd.topic, own: rd.own, nouns: rd.nouns}
	return asked
}

// arrange orders a follow-up's hits and says whether one answers what the
// follow-up itself asks, not only what it carried over: the sentences that
// hold one of its own new content words (as asked, as the term the matcher
// corrected it to, or as a kind of it: "mixer" for "equipment") come
// first, in the matcher's order, and without any the follow-up is not
// answered (one with no words of its own, "when?", leans wholly on the turn
// before). Of those, the ones that can hold the kind of answer asked for
// (a date for "when") come first, and one near the previous answer is
// preferred (preferNear); a question the previous answer raised is often
// answered by the sentence after it (answerNext). Questions that are not
// follow-ups keep the matcher's order, and are answered unless they only
// echo the last answer (echoes).
func arrange(m *match.Matcher, res *match.Result, rd reading, prev *Turn) bool {
	if len(res.Hits) == 0 || res.Occupation {
		return true // an occupation stated stands, even if quoted last
	}
	if quoteStep(m, res, prev, asksStep(rd.asked)) {
		return true // "what comes right after that?"
	}
	if checksLastAnswer(res.Hits, rd, prev, ownMatch{nouns: rd.nouns, terms: res.Terms}) {
		return true
	}
	if preferItem(m, res, prev, rd.asked, rd.understood) {
		return true
	}
	if !rd.followUp {
		return !echoes(res.Hits[0], res, rd, prev)
	}
	if res.Banded {
		// The first states the band, the days or the contact detail the
		// follow-up names or asks ("and after 5 years?": "| 5 years or
		// more | 30 |"; "what about 3 years?": "| 2 to 4 years |"; "whats
		// the email": "Email us at…"), wherever it stands.
		return !repeats(res.Hits[0], res, rd, prev)
	}
	hits := res.Hits
	if asksOnlyKind(rd.asked) && quoteLastAgain(res, prev, stemSet(rd.understood)) {
		return true // "where?" after "…on Tuesdays from 13:00 in Room 2.07": there
	}
	wanted := ownMatch{nouns: rd.nouns, terms: res.Terms}
	if contrast(m, res, rd, prev, wanted) {
		return true
	}
	if rd.person && asksWhatOneDoes(rd.asked) && noneKnown(m, rd.own) {
		// What the text says of the person, other than what was just
		// quoted, in the matcher's order.
		k := toFront(hits, func(h match.Hit) bool { return !isLastAnswer(h, prev) })
		preferNear(hits[:k], prev, nil, wanted) // "what did he do" after he is paged: what he did next
		return k > 0
	}
	if len(rd.own) > 0 {
		k := toFront(hits, func(h match.Hit) bool { return holds(h.Sentence.Text, rd.own, wanted) })
		if k == 0 {
			return nearOwn(m, res, prev, rd.own, wanted) || asksOfLastAnswer(m, res, rd, prev)
		}
		hits = hits[:k]
	}
	if rd.someone {
		if k := toFront(hits, func(h match.Hit) bool { return speaksOfSomeone(h.Sentence.Text) }); k > 0 {
			hits = hits[:k]
		}
	}
	asked := stemSet(rd.understood)
	if k := toFront(hits, func(h match.Hit) bool { return canAnswer(h.Sentence.Text, res.QType, asked) }); k > 0 {
		hits = hits[:k]
	}
	preferNear(hits, prev, rd.own, wanted)
	sameSection(m, hits, prev, rd.own, wanted)
	answerNext(m, res, prev, asked, kindWordsOnly(rd.own, res.QType))
	return !repeats(res.Hits[0], res, rd, prev)
}

// asksOnlyKind reports whether a follow-up is a bare question word that
// asks a kind of answer: "where?", "and when?", "who".
func asksOnlyKind(q string) bool {
	ws := words(q)
	kind := false
	for _, w := range ws {
		switch {
		case w.Word == "where" || w.Word == "when" || w.Word == "who":
			kind = true
		case !continuations[w.Word]:
			return false
		}
	}
	return kind
}

// quoteLastAgain puts first the sentence quoted last, when it holds the
// kind of answer a bare question word asks of it, and reports whether it
// did: the place or the time is in what was just said.
func quoteLastAgain(res *match.Result, prev *Turn, asked map[string]bool) bool {
	if prev == nil || prev.Answer == "" {
		return false
	}
	i := slices.IndexFunc(res.Hits, func(h match.Hit) bool { return isLastAnswer(h, prev) })
	if i < 0 || !canAnswer(res.Hits[i].Sentence.Text, res.QType, asked) {
		return false
	}
	toFront(res.Hits, func(h match.Hit) bool { return isLastAnswer(h, prev) })
	return true
}

// asksOfLastAnswer reports whether a follow-up none of whose own words
// the text holds asks, with its question word, for a kind of answer the
// best sentence holds, and that sentence was quoted last or is near it
// in its paragraph (often quoted with it): "who do I talk to about it?" after
// "If you can spare a few hours, please speak to Karen Mills…" is
// answered by Karen Mills's sentence again, not by "the documents say no
// more" nor "I can't find an answer".
func asksOfLastAnswer(m *match.Matcher, res *match.Result, rd reading, prev *Turn) bool {
	if res.QType == match.QOther || !isLastAnswer(res.Hits[0], prev) && !besideLastAnswer(m, res.Hits[0], prev) {
		return false
	}
	asked := stemSet(rd.understood)
	return asksKind(asked) && canAnswer(res.Hits[0].Sentence.Text, res.QType, asked)
}

// besideLastAnswer reports whether h is within two sentences of the one
// quoted last, in its paragraph (the answer may have quoted it too).
func besideLastAnswer(m *match.Matcher, h match.Hit, prev *Turn) bool {
	if prev == nil || prev.Answer == "" || h.Sentence.Doc() != prev.Doc {
		return false
	}
	sents := m.Store().Sentences()
	i := sentenceIndex(sents, prev.Doc, prev.Sentence)
	return i >= 0 && h.Index != i && h.Index >= i-2 && h.Index <= i+2 && sents[i].Paragraph == h.Sentence.Paragraph
}

// checksLastAnswer puts the sentence quoted last first when the follow-up
// asks yes or no of what it said ("does that include breakfast?" after
// "| Hotel — Band A | £185 per night | Room only, excluding breakfast |")
// and that sentence holds one of its own words that is no general verb:
// the answer is there, not in another sentence that merely says
// "include". It reports whether it did.
func checksLastAnswer(hits []match.Hit, rd reading, prev *Turn, wanted ownMatch) bool {
	ws := words(rd.asked)
	if prev == nil || prev.Answer == "" || len(ws) < 3 || !yesNoOpeners[ws[0].Word] ||
		!slices.ContainsFunc(ws[1:3], func(w word) bool { return w.Word == "that" || w.Word == "it" || w.Word == "this" }) {
		return false
	}
	var own []string
	for _, s := range rd.own {
		if !generalVerbs[s] && !lightVerbs[s] && !english.IsLightVerb(s) && !holds(prev.Understood, []string{s}, wanted) {
			own = append(own, s)
		}
	}
	i := slices.IndexFunc(hits, func(h match.Hit) bool { return isLastAnswer(h, prev) })
	if i < 0 || len(own) == 0 || !holds(hits[i].Sentence.Text, own, wanted) {
		return false
	}
	toFront(hits, func(h match.Hit) bool { return isLastAnswer(h, prev) })
	return true
}

// yesNoOpeners open a question asking yes or no.
var yesNoOpeners = set("does", "do", "is", "are", "was", "were", "can", "will", "would", "has", "have", "did")

// asksWhatOneDoes reports whether q is "what does/did he/she do …":
// what a person does, for a living or otherwise.
func asksWhatOneDoes(q string) bool {
	ws := words(q)
	return len(ws) >= 4 && ws[0].Word == "what" && doForms[ws[1].Word] && personPronouns[ws[2].Word] && doForms[ws[3].Word]
}

var doForms = set("do", "does", "did")

// noneKnown reports whether the text has none of the stems: a follow-up
// asking what a person does in words the text does not use ("what does
// she do for a living") is answered by what it says of that person,
// which cannot hold them.
func noneKnown(m *match.Matcher, stems []string) bool {
	_, termID := m.Store().Terms()
	for _, s := range stems {
		if _, ok := termID.Lookup(s); ok {
			return false
		}
	}
	return true
}

// speaksOfSomeone reports whether text speaks of a person: by a
// personal pronoun, a word for a person whose gender English shows
// ("mother"), or a name after a title ("Cllr. Moss"). "what did she
// propose?", when no one said before is "she", wants a sentence about
// someone.
func speaksOfSomeone(text string) bool {
	found, prev := false, ""
	english.Tokenize(text, func(t english.Token) {
		if personPronouns[t.Word] || english.Gender(t.Word) != 0 ||
			t.Upper && english.IsTitle(prev) && !english.IsTitle(t.Word) {
			found = true
		}
		prev = t.Word
	})
	return found
}

// toFront moves the hits that keep passes to the front, both groups in
// their order, and returns how many passed.
func toFront(hits []match.Hit, keep func(match.Hit) bool) int {
	k := 0
	for i, h := range hits {
		if keep(h) {
			copy(hits[k+1:i+1], hits[k:i])
			hits[k] = h
			k++
		}
	}
	return k
}

// kindWordsOnly reports whether a follow-up's own words (stems) all name
// the kind of answer its type asks for: "cost" and "price" of a question
// of money.
func kindWordsOnly(own []string, q match.QType) bool {
	if len(own) == 0 || q != match.QMoney {
		return false
	}
	for _, w := range own {
		if english.Lookup(w)&english.Money == 0 {
			return false
		}
	}
	return true
}

// answerNext puts first the sentence right after the previous answer, in
// its paragraph, when the best hit cannot hold the kind of answer asked
// for and that sentence can: "Mr. Pask asked when the toilets would
// reopen." is followed by the reply, and "when will they reopen?" wants it.
//
// When the follow-up's own words only name the kind of answer ("how much
// does it cost?" after "tell me about the quiz"), the sentence after the
// previous answer that gives one ("Teams of up to five, £2 per person")
// comes first even if the best hit gives one too, unless that hit is in
// the previous answer's paragraph: a sum elsewhere in the text is the
// cost of something else.
func answerNext(m *match.Matcher, res *match.Result, prev *Turn, asked map[string]bool, kindOnly bool) {
	if prev == nil || prev.Answer == "" {
		return
	}
	sents := m.Store().Sentences()
	i := sentenceIndex(sents, prev.Doc, prev.Sentence)
	if i < 0 || i+1 >= len(sents) {
		return
	}
	best := res.Hits[0].Sentence
	if canAnswer(best.Text, res.QType, asked) && (!kindOnly || best.Doc() == prev.Doc && best.Paragraph == sents[i].Paragraph) {
		return
	}
	next := sents[i+1]
	if next.Doc() != prev.Doc || next.Paragraph != sents[i].Paragraph || !canAnswer(next.Text, res.QType, asked) {
		return
	}
	h := match.Hit{Sentence: next, Index: i + 1, Score: res.Hits[0].Score}
	for j, x := range res.Hits {
		if x.Index == i+1 {
			h = x
			res.Hits = append(res.Hits[:j], res.Hits[j+1:]...)
			break
		}
	}
	res.Hits = append([]match.Hit{h}, res.Hits...)
}

// sentenceIndex is the store index of sentence n of doc, or -1.
func sentenceIndex(sents []*facts.Sentence, doc string, n int) int {
	for i := range sents {
		if sents[i].Doc() == doc && int(sents[i].N) == n {
			return i
		}
	}
	return -1
}

// repeats reports whether a follow-up's best hit only repeats the previous
// answer: it is the very sentence quoted last, and the follow-up has no
// words of its own and asks for no kind of answer ("earmarked for what?"
// after "how much is earmarked?"), so it asks for what that sentence left
// out. Asking for a kind of answer ("for how long?", "when?") or with
// words of its own ("what does that ratio mean?") may well be answered by
// the same sentence, and so may the question before asked again ("What
// do giraffes have?" twice).
func repeats(best match.Hit, res *match.Result, rd reading, prev *Turn) bool {
	return prev != nil && prev.Answer != "" && best.Sentence.Doc() == prev.Doc && int(best.Sentence.N) == prev.Sentence &&
		len(rd.own) == 0 && res.QType == match.QOther && !rd.again
}

// echoes reports whether a question asked in a conversation, not read as
// a follow-up, asks whether what was just said holds for something else
// too ("can I freeze the starter as well?" after "freeze the slices") and
// is answered by the very sentence quoted last, which lacks one of its new
// words (light verbs aside: "what do you get…" asks nothing with "get"):
// what is new is not said. A question without "too", "also", "as well" or
// "either" may be the last one asked again in other words ("how long does
// the hike take" after "how long is the walk"), and the same sentence
// answers it.
func echoes(best match.Hit, res *match.Result, rd reading, prev *Turn) bool {
	if !rd.also || prev == nil || prev.Answer == "" || best.Sentence.Doc() != prev.Doc || int(best.Sentence.N) != prev.Sentence {
		return false
	}
	for _, s := range rd.own {
		if !lightVerbs[s] && !holds(best.Sentence.Text, []string{s}, ownMatch{nouns: rd.nouns, terms: res.Terms}) {
			return true
		}
	}
	return false
}

// ownMatch is what a follow-up's own words are matched with: nouns are
// those of them a determiner introduces ("the rest"), which may be said
// by a synonym (WordNet's synonyms of verbs are too loose: "take" for
// "choose"), and terms the matcher's reading of the question.
type ownMatch struct {
	nouns map[string]bool
	terms []match.TermMatch
}

// holds reports whether text holds one of the stems own, as asked, as
// the matcher's term for it, as a word naming a kind of thing it names
// (WordNet's: a "mixer" is equipment) or, for a noun, as a synonym
// ("remaining" for "the rest"). Numbers, dates and the other words
// of a kind of answer are not taken for kinds: "ten" is a number, but
// "ten years" gives no phone number. Words of money are ("a fund" is
// money, and "where's the money coming from?" wants it): they name
// things, not amounts.
func holds(text string, own []string, a ownMatch) bool {
	stems := map[string]bool{}
	var things []string
	english.Tokenize(text, func(t english.Token) {
		s := english.Stem(t.Word)
		stems[s] = true
		if !t.Digit && len(s) > 2 && !english.IsStop(t.Word) && english.Lookup(t.Word)&(english.Kinds&^english.Money) == 0 {
			things = append(things, s)
		}
	})
	for _, s := range own {
		if stems[s] {
			return true
		}
		syn := ""
		if a.nouns[s] {
			syn = english.SynonymsOf(s)
		}
		for _, st := range things {
			if english.IsKindOf(st, s) || syn != "" && (english.ListHas(syn, st) || english.ListHas(english.SynonymsOf(st), s)) {
				return true
			}
		}
		for _, tm := range a.terms {
			if tm.Stem != "" && english.Stem(tm.Word) == s && stems[tm.Stem] {
				return true
			}
		}
	}
	return false
}

// withReading starts text with the line saying how a follow-up was read.
func withReading(text, note string) string {
	if note == "" {
		return text
	}
	return strings.TrimSuffix(note, ".") + ".\n\n" + text
}

// Near is how many sentences from the previous answer a follow-up's answer
// is looked for first, and NearShare the least share of the best score a
// sentence there needs to be preferred: a conversation moves through a
// document, and what a follow-up asks is usually said next to what was
// just quoted (often in the same sentence). A sentence next to it often
// names the topic by a pronoun, so it scores well below one naming it:
// a third of the best is enough (half missed "Let it cool… before
// slicing" after "The loaf is done when…").
const (
	followTopK = 10 // hits a follow-up's search keeps for arrange
	near       = 2
	nearShare  = 0.35
)

// preferNear moves to the front the nearest of hits within near sentences
// of the previous answer (the better-scoring of two as near) that scores
// at least nearShare of the best score of all. A conversation moves
// forward through a document: a sentence before the previous answer is
// preferred only when it holds as many of the follow-up's own words (own,
// see holds) as the best hit; one after it is preferred to the answer
// itself (closer).
func preferNear(hits []match.Hit, prev *Turn, own []string, a ownMatch) {
	if prev == nil || prev.Answer == "" || len(hits) < 2 {
		return
	}
	top := 0.0
	for _, h := range hits {
		top = max(top, h.Score)
	}
	need := heldCount(hits[0].Sentence.Text, own, a)
	pick := -1
	for i, h := range hits {
		s := h.Sentence
		d := int(s.N) - prev.Sentence
		if s.Doc() == prev.Doc && d >= -near && d <= near && h.Score >= nearShare*top &&
			(pick < 0 || closer(d, h.Score, int(hits[pick].Sentence.N)-prev.Sentence, hits[pick].Score)) &&
			(d >= 0 || i == 0 || heldCount(s.Text, own, a) >= need) {
			pick = i
		}
	}
	if pick > 0 {
		h := hits[pick]
		copy(hits[1:pick+1], hits[:pick])
		hits[0] = h
	}
}

// sameSection gives the first place to the best of hits in the section
// of the previous answer, scoring at least nearShare of the best, when
// the best is neither near the previous answer nor in its section: a
// conversation keeps to its topic, and a document's sections are its
// topics ("how did he vote in the end?" about the skate park wants the
// skate park's vote, not the allotments'). As in preferNear, a sentence
// before the previous answer must hold as many of the follow-up's own
// words as the best.
func sameSection(m *match.Matcher, hits []match.Hit, prev *Turn, own []string, a ownMatch) {
	if prev == nil || prev.Answer == "" || len(hits) < 2 {
		return
	}
	sents := m.Store().Sentences()
	i := sentenceIndex(sents, prev.Doc, prev.Sentence)
	if i < 0 || sents[i].Section() == "" {
		return
	}
	in := func(h match.Hit) bool {
		return h.Sentence.Doc() == prev.Doc && h.Sentence.Section() == sents[i].Section()
	}
	if d := int(hits[0].Sentence.N) - prev.Sentence; in(hits[0]) || hits[0].Sentence.Doc() == prev.Doc && abs(d) <= near {
		return
	}
	top := 0.0
	for _, h := range hits {
		top = max(top, h.Score)
	}
	need := heldCount(hits[0].Sentence.Text, own, a)
	for j, h := range hits[1:] {
		if in(h) && h.Score >= nearShare*top && (int(h.Sentence.N) > prev.Sentence || heldCount(h.Sentence.Text, own, a) >= need) {
			copy(hits[1:j+2], hits[:j+1])
			hits[0] = h
			return
		}
	}
}

// heldCount is how many of the stems own text holds (see holds).
func heldCount(text string, own []string, a ownMatch) int {
	n := 0
	for _, s := range own {
		if holds(text, []string{s}, a) {
			n++
		}
	}
	return n
}

// closer reports whether a hit d sentences from the previous answer,
// scoring s, is to be preferred to one pd away scoring ps. A conversation
// moves forward through a document: the sentences after the previous
// answer come first, nearest first, then the answer itself (what was just
// quoted is less likely to hold what the follow-up asks), then those
// before it, nearest first; of two as near, the better-scoring.
func closer(d int, s float64, pd int, ps float64) bool {
	if a, b := nearRank(d), nearRank(pd); a != b {
		return a < b
	}
	return s > ps
}

// nearRank orders the distances from the previous answer: 1, 2 … near,
// then 0, then -1, -2 … -near.
func nearRank(d int) int {
	switch {
	case d > 0:
		return d
	case d == 0:
		return near + 1
	}
	return near + 1 - d
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

package match

import (
	"slices"
	"strings"

	"github.com/storybot/storybot/english"
	"github.com/storybot/storybot/facts"
)

// A question about a section ("what does it say about expenses?", "what's
// the policy on remote work?", "tell me about the warranty") asks what the
// text says under the heading that names it, and the opening sentences of
// that section say it best: the words of the heading are in every
// sentence's context under it, so ranking alone picks whichever sentence
// also repeats them ("Expense type: Evening meal…", a row of a table
// further down).

// sectionConfidence is the confidence of an answer from a section's
// opening: the question names the heading, word for word.
const sectionConfidence = 0.9

// sectionExtra bounds the heading's words the question may leave out:
// "charging" names "Charging the battery", but not a heading of five words
// of which it is one.
const sectionExtra = 1

// topicWords frame a question about what a text says on a topic, beyond
// the stop words that do ("say", "tell", "about").
var topicWords = setOf("policy", "policies", "rule", "rules", "info", "information", "details",
	"guidance", "guidelines", "procedure", "procedures", "overview", "summary", "section", "anything",
	"explain", "topic", "part")

// frameWords, among a question's stop words, ask what a text says about
// something rather than a fact about it.
var frameWords = setOf("about", "say", "says", "said", "tell", "mention", "mentions", "regarding")

// heading is a heading sentence and the stems of its content words.
type heading struct {
	i     int
	stems []string
}

// findHeadings returns the store's headings, and for each stem the
// headings (indexes into them) that hold it.
func findHeadings(sents []*facts.Sentence) ([]heading, map[string][]int) {
	var out []heading
	of := map[string][]int{}
	for i, s := range sents {
		if !s.Heading() {
			continue
		}
		h := heading{i: i}
		english.Tokenize(s.Text, func(t english.Token) {
			if !english.IsStop(t.Word) && !t.Digit {
				if st := english.Stem(t.Word); !slices.Contains(h.stems, st) {
					h.stems = append(h.stems, st)
				}
			}
		})
		if len(h.stems) > 0 {
			for _, st := range h.stems {
				of[st] = append(of[st], len(out))
			}
			out = append(out, h)
		}
	}
	return out, of
}

// NamesHeading reports whether some content word of text is a word of
// one of the documents' headings: "what's new?", a greeting in chat, asks
// about the text when it has a "New features" section.
func (m *Matcher) NamesHeading(text string) bool {
	found := false
	english.Tokenize(text, func(t english.Token) {
		if !found && !english.IsStop(t.Word) && !t.Digit {
			found = len(m.headingsOf[english.Stem(t.Word)]) > 0
		}
	})
	return found
}

// asksSection returns the stems of the topic a question asks about as a
// section, or nil: the question frames a topic ("about", "say", "policy"…)
// or is nothing but one, asks no particular fact (who, when, how…), and
// its first topic word is in a heading (most questions are turned away
// there, having stemmed one word).
func (m *Matcher) asksSection(q *question) []string {
	if len(q.content) == 0 || len(q.content) > 4 {
		return nil
	}
	// Framed: a word that asks what a text says, or nothing but the topic
	// and "what is" ("remote work", "what's new?").
	framed, bare := false, true
	for i, w := range q.all {
		switch {
		case askWords[w] && w != "what":
			return nil
		case frameWords[w] || topicWords[w]:
			framed = true
		case versionWords[w] && i+1 < len(q.all) && (english.HasDigit(q.all[i+1]) ||
			versionNouns[q.all[i+1]] && i+2 < len(q.all) && english.HasDigit(q.all[i+2])):
			// "what's new in 4.2?", "in version 4.2": the version the text is about.
		case english.IsStop(w) && !bareWords[w]:
			bare = false
		}
	}
	framed = framed || bare
	if !framed {
		return nil
	}
	versioned := slices.ContainsFunc(q.all, english.HasDigit)
	var topic []string
	for _, w := range q.content {
		if topicWords[w] || bareWords[w] || english.HasDigit(w) || versioned && versionNouns[w] {
			continue
		}
		st := english.Stem(w)
		if len(topic) == 0 && len(m.headingsOf[st]) == 0 {
			return nil
		}
		topic = append(topic, st)
	}
	return topic
}

// bareWords may stand beside a topic that names a heading without asking
// anything more of it: "what's new?", "what is the warranty?".
var bareWords = setOf("what", "whats", "is", "are", "the", "a", "an")

// versionNouns may name the version: "in version 4.2".
var versionNouns = setOf("version", "release", "v")

// versionWords put a version after a topic: "what's new in 4.2".
var versionWords = setOf("in", "for", "since")

// answerSection answers a question about a section with its opening
// sentences; it reports false when the question is not one, or names no
// heading, or several alike.
func (m *Matcher) answerSection(res *Result, q *question) bool {
	if len(m.headings) == 0 {
		return false
	}
	topic := m.asksSection(q)
	if len(topic) == 0 {
		return false
	}
	best := m.headingFor(topic)
	if kinds := slices.DeleteFunc(slices.Clone(topic), func(st string) bool { return timeKindStems[st] }); best < 0 && len(kinds) > 0 && len(kinds) < len(topic) {
		// "what are the opening times" of "Opening hours": a word for
		// the kind of time the heading words otherwise.
		topic, best = kinds, m.headingFor(kinds)
	}
	if best < 0 {
		return false
	}
	open := m.sectionOpening(m.headings[best].i)
	if len(open) == 0 {
		return false
	}
	// The opening and the sentence after it, unless a later one of the
	// first few says the topic in so many words ("We keep lost property
	// for 14 days") and the opening does not: that one first, then the
	// opening.
	res.Hits = append(res.Hits, Hit{Sentence: m.sents[open[0]], Index: open[0], Score: 1})
	second := -1
	if len(open) > 1 {
		second = open[1]
	}
	for _, i := range open[1:] {
		if m.saysTopic(i, topic) && !m.saysTopic(open[0], topic) {
			res.Hits = slices.Insert(res.Hits, 0, Hit{Sentence: m.sents[i], Index: i, Score: 1})
			second = -1
			break
		}
	}
	if second >= 0 {
		res.Hits = append(res.Hits, Hit{Sentence: m.sents[second], Index: second, Score: 1})
	}
	res.Confidence, res.Coverage, res.KnownCoverage, res.Section = sectionConfidence, 1, 1, true
	res.Chain = len(res.Hits) == 2
	return true
}

// timeKindStems are words for a kind of time, which a heading may word
// otherwise ("opening times" of "Opening hours").
var timeKindStems = setOf("time", "hour", "date", "day")

// headingFor returns the heading (an index into m.headings) that holds
// every stem of topic with the fewest other words, -1 when none does or
// two do alike.
func (m *Matcher) headingFor(topic []string) int {
	best, bestExtra, tie := -1, sectionExtra+1, false
	for _, k := range m.headingsOf[topic[0]] {
		h := m.headings[k]
		if !containsAll(h.stems, topic) {
			continue
		}
		switch extra := len(h.stems) - len(topic); {
		case extra < bestExtra:
			best, bestExtra, tie = k, extra, false
		case extra == bestExtra:
			tie = true
		}
	}
	if tie {
		return -1
	}
	return best
}

// sectionReach is how many of a section's first sentences may be quoted.
const sectionReach = 3

// sectionOpening returns the first sentences, up to sectionReach, of the
// first paragraph under heading h.
func (m *Matcher) sectionOpening(h int) []int {
	var out []int
	for i := h + 1; i < len(m.sents) && len(out) < sectionReach; i++ {
		s := m.sents[i]
		if s.Doc() != m.sents[h].Doc() || s.Heading() {
			break
		}
		// The first paragraph, or the list or table its last line
		// introduces ("When working from home, you must:").
		if k := len(out); k > 0 && s.Paragraph != m.sents[out[k-1]].Paragraph &&
			!strings.HasSuffix(strings.TrimSpace(m.sents[out[k-1]].Text), ":") {
			break
		}
		out = append(out, i)
	}
	return out
}

// saysTopic reports whether sentence i says the topic as a phrase: its
// stems in a row among the sentence's content words ("We keep lost
// property for 14 days"), not scattered ("each remote employee receives
// a work allowance").
func (m *Matcher) saysTopic(i int, topic []string) bool {
	k, found := 0, false
	english.Tokenize(m.sents[i].Text, func(t english.Token) {
		if found || english.IsStop(t.Word) {
			return
		}
		switch st := english.Stem(t.Word); {
		case st == topic[k]:
			k++
		case st == topic[0]:
			k = 1
		default:
			k = 0
		}
		found = k == len(topic)
	})
	return found
}

func containsAll(have, want []string) bool {
	for _, w := range want {
		if !slices.Contains(have, w) {
			return false
		}
	}
	return true
}

// TopicOf returns the word of a message that is a single bare word ("pension",
// "probation?") when it names a topic of the documents, or "": a word of a
// heading, or a word that is not an everyday one in English (ranked past
// everydayRank, or unranked) found in two sentences or more. Such a message
// asks what the documents say about it, as "what does it say about
// pension?" does; "rose", "bill" or "nice" alone are not questions even
// where a text uses them.
func (m *Matcher) TopicOf(msg string) string {
	var word string
	n := 0
	english.Tokenize(msg, func(t english.Token) {
		n++
		word = t.Word
	})
	if n != 1 || english.IsStop(word) || english.HasDigit(word) {
		return ""
	}
	st := english.Stem(word)
	if len(m.headingsOf[st]) > 0 {
		return word
	}
	id, ok := m.termID.Lookup(st)
	if !ok {
		return ""
	}
	rank, ranked := english.LoadVectors().Rank(word)
	switch {
	case ranked && rank <= topicRank:
		return "" // "rose", "bill", "hope": words of every text
	case ranked && rank <= everydayRank && len(m.postings.Of(int(id))) < 2:
		return "" // a fairly common word the text uses once
	}
	return word
}

// topicRank bounds the English words too common to be a message's topic
// on their own (by the word vectors' frequency ranks: "rose" 448, "bill"
// 442, "hope" 755; "holiday" 2,186, "pension" 4,118).
const topicRank = 1000

// A topic question about something no heading names ("what does it say
// about the factory?", "tell me about the union", "what's happening with
// the factory?") asks what the text says of it as a whole: the sentence
// that first names it (a news story's lead, where the union is
// introduced) says more than a later mention chosen for sharing the word.

// framedTopic returns the stems of what a question framed as a topic
// question asks about, or nil: it holds a framing word ("about", "tell",
// "happening"…), no question word but "what", and at most three topic
// words, all of them the text's.
func (m *Matcher) framedTopic(q *question, terms []TermMatch) []int32 {
	if len(q.content) == 0 || len(q.content) > 4 {
		return nil
	}
	framed := false
	for _, w := range q.all {
		switch {
		case askWords[w] && w != "what":
			return nil
		case topicFrames[w]:
			framed = true
		}
	}
	if !framed {
		return nil
	}
	var ids []int32
	for _, tm := range terms { // the content words as resolved
		if w := tm.Word; topicWords[w] || frameWords[w] || english.IsLightVerb(w) || bareWords[w] {
			continue
		}
		id, ok := m.termID.Lookup(tm.Stem)
		if !tm.Found || !ok {
			return nil
		}
		ids = append(ids, id)
	}
	if len(ids) == 0 || len(ids) > 3 {
		return nil
	}
	return ids
}

// topicFrames frame a question as asking about a topic: "what did the
// State Department say?" asks what was said, "what does it say about the
// factory?" about the factory.
var topicFrames = setOf("about", "tell", "regarding", "mention", "mentions", "happening")

// topicWindow is how many of the first candidates preferFirstMention reads.
const topicWindow = 10

// preferFirstMention puts first, for a topic question, the earliest in
// the text of the first candidates that holds every topic word.
func (m *Matcher) preferFirstMention(hits []Hit, q *question, terms []TermMatch) {
	ids := m.framedTopic(q, terms)
	if ids == nil {
		return
	}
	best, opening := -1, false
	named := m.namesSomeone(terms)
	for k := range hits[:min(len(hits), topicWindow)] {
		i := hits[k].Index
		if slices.ContainsFunc(ids, func(id int32) bool { return !m.inSentence(id, i) }) {
			continue
		}
		// Of a name, the sentence that opens with it says who or what
		// it is ("**Dr Tobias Renfrew** is a lecturer…"), where its first
		// mention may be a row of a timetable.
		opens := named && m.opensWith(i, len(ids))
		if best < 0 || opens && !opening || opens == opening && i < hits[best].Index {
			best, opening = k, opens
		}
	}
	if best > 0 {
		toFirst(hits, best)
	}
}

// namesSomeone reports whether the topic words resolved in terms are all
// names the text writes with capitals.
func (m *Matcher) namesSomeone(terms []TermMatch) bool {
	n := 0
	for _, tm := range terms {
		if !tm.Found || topicWords[tm.Word] || frameWords[tm.Word] || english.IsLightVerb(tm.Word) || bareWords[tm.Word] {
			continue
		}
		if !m.store.IsName(tm.Word) {
			return false
		}
		n++
	}
	return n > 0
}

// opensWith reports whether sentence i opens with its name: the text's
// names, at most a title before them, among its first n+1 words hold
// all of the topic's n words (checked by the caller to be in it).
func (m *Matcher) opensWith(i, n int) bool {
	text := m.sents[i].Text
	if m.sents[i].Display() != "" {
		return false
	}
	k, names := 0, 0
	stop := false
	english.Tokenize(text, func(t english.Token) {
		if stop {
			return
		}
		if k > n || !t.Upper {
			stop = true
			return
		}
		if !english.IsTitle(t.Word) {
			names++
		}
		k++
	})
	return names >= n
}

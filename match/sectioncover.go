package match

import (
	"math/bits"
	"slices"
	"strings"

	"github.com/storybot/storybot/english"
)

// A question names a thing and asks something of it ("small hours age
// rating", "who is directing twelfth night"); a document of sections
// names the thing in a heading and states each thing of it on a line
// below ("## Small Hours" … "Age guidance: 16+"). A sentence elsewhere
// that names the thing again ("Concessions do not apply to Small Hours")
// matches the thing's words at full weight, the line under the heading
// only through its context, at half; but the line, with its heading,
// holds every word the other holds and more.

// sectionCoverWindow is how many of the first candidates are read.
const sectionCoverWindow = 5

// preferSectionCover puts first the first labelled line, among the next
// few candidates, whose words and context (its heading, its introducing
// line) hold every question term the first candidate holds, and more or
// under a label naming the kind of answer asked ("Dates:" for "when is
// the snow queen on", "Venue:" for "where"), when its context holds at
// least one of them and the first is no such line.
func (m *Matcher) preferSectionCover(hits []Hit, q *question, t *query) {
	if len(hits) < 2 || m.store.ContextPostings().Terms() == 0 {
		return
	}
	full := t.askedBits()
	kinds := kindLabels(q)
	// label reads sentence i's label once: whether it has one, and
	// whether it names the kind of answer asked.
	label := func(i int) (labelled, kind bool) {
		l, ok := lineLabel(m.sents[i].Text)
		return ok, ok && kinds[strings.ToLower(l)]
	}
	first := hits[0].Matched & full
	if _, kind := label(hits[0].Index); first == full && kinds == nil || kind {
		return
	}
	for k := 1; k < min(len(hits), sectionCoverWindow); k++ {
		i := hits[k].Index
		labelled, kind := label(i)
		got := hits[k].Matched & full
		more := bits.OnesCount32(got) > bits.OnesCount32(first)
		if !labelled || got&first != first || !more && !kind || !m.contextHoldsAny(i, t, got) {
			continue
		}
		toFirst(hits, k)
		return
	}
}

// kindLabels are the labels that name the kind of answer q asks for, in
// lower case: a labelled line so named states it ("Dates: 28 November –
// 4 January" answers "when"); nil when q asks for no such kind.
func kindLabels(q *question) map[string]bool {
	switch {
	case q.shape.unit == english.Clock:
		return clockLabels
	case q.shape.unit&english.Duration != 0 && q.shape.qtype == QNumber:
		return lengthLabels
	}
	switch q.shape.qtype {
	case QDate:
		if !slices.Contains(q.all, "when") {
			return nil // "what year is the story set": a year, not the dates it runs
		}
		return dateLabels
	case QPlace:
		return placeLabels
	case QMoney:
		return priceLabels
	}
	return nil
}

var (
	dateLabels   = setOf("date", "dates", "when", "day", "days", "run", "season")
	clockLabels  = setOf("time", "times", "hours", "opening hours", "opening times", "open")
	lengthLabels = setOf("running time", "duration", "length", "time")
	placeLabels  = setOf("venue", "location", "where", "place", "address", "meeting point")
	priceLabels  = setOf("price", "prices", "cost", "costs", "ticket", "tickets", "fee", "fees", "admission", "entry")
)

// contextHoldsAny reports whether sentence i's context, and not its own
// words, holds one of the question terms of bits.
func (m *Matcher) contextHoldsAny(i int, t *query, want uint32) bool {
	for _, qt := range t.qterms {
		if want&(1<<uint(qt.bit)) != 0 && m.onlyInContext(qt.id, i) {
			return true
		}
	}
	return false
}

// onlyInContext reports whether term id is in sentence i's context (its
// section's heading, the line that introduces it) and not in its words.
func (m *Matcher) onlyInContext(id int32, i int) bool {
	cps := m.store.ContextPostings()
	return int(id) < cps.Terms() && inContext(cps.Of(int(id)), i) && !m.inSentence(id, i)
}

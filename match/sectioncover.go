package match

import "math/bits"

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

// preferSectionCover puts first the first candidate, among the next few,
// whose words and context (its heading, its introducing line) hold every
// question term the first candidate holds and more, when its context
// holds at least one of them.
func (m *Matcher) preferSectionCover(hits []Hit, t *query) {
	if len(hits) < 2 || m.store.ContextPostings().Terms() == 0 {
		return
	}
	var full uint32
	for _, qt := range t.qterms {
		if !qt.kind {
			full |= 1 << uint(qt.bit)
		}
	}
	full &^= t.loose
	first := hits[0].Matched & full
	if first == full {
		return
	}
	for k := 1; k < min(len(hits), sectionCoverWindow); k++ {
		got := hits[k].Matched & full
		if _, ok := lineLabel(m.sents[hits[k].Index].Text); !ok {
			continue
		}
		if got&first != first || bits.OnesCount32(got) <= bits.OnesCount32(first) || !m.contextHoldsAny(hits[k].Index, t, got) {
			continue
		}
		toFirst(hits, k)
		return
	}
}

// contextHoldsAny reports whether sentence i's context, and not its own
// words, holds one of the question terms of bits.
func (m *Matcher) contextHoldsAny(i int, t *query, want uint32) bool {
	cps := m.store.ContextPostings()
	for _, qt := range t.qterms {
		if want&(1<<uint(qt.bit)) != 0 && int(qt.id) < cps.Terms() && inContext(cps.Of(int(qt.id)), i) && !m.inSentence(qt.id, i) {
			return true
		}
	}
	return false
}

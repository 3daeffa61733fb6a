package match

import (
	"strings"

	"github.com/storybot/storybot/english"
)

// A line that opens with a short label and ": " ("Check-up: £55",
// "Sunday: Closed") states the value of what its label names. When the
// label is the thing asked about, word for word, the line answers, before
// a longer sentence that mentions the thing on its way to something else
// ("missed appointments will be charged at £30 for a check-up"): the
// reranker, fitted on prose, prefers the longer sentence.

// preferLabelled puts first, among the first keyRowWindow candidates, a
// labelled line whose label's words are all question terms and hold, with
// the terms its context holds (the heading it stands under: "Director:
// Gareth Lowe" under "## Twelfth Night"), at least as many of them as the
// first candidate does, when the first is no such line.
func (m *Matcher) preferLabelled(hits []Hit, ids termSet[int32]) {
	if len(hits) < 2 {
		return
	}
	if n, exact := m.labelHolds(hits[0].Index, ids); exact && n > 0 {
		return
	}
	need := m.holdsTerms(m.sents[hits[0].Index].Text, ids)
	for k := 1; k < min(len(hits), keyRowWindow); k++ {
		if n, exact := m.labelHolds(hits[k].Index, ids); exact && n > 0 && n+m.contextHolds(hits[k].Index, ids) >= need {
			toFirst(hits, k)
			return
		}
	}
}

// labelHolds counts the question's terms in the label of sentence i, if
// it is a labelled line, and reports whether every word of the label that
// is no stop word is one of them.
func (m *Matcher) labelHolds(i int, ids termSet[int32]) (n int, exact bool) {
	label, ok := lineLabel(m.sents[i].Text)
	if !ok || !m.wholeParagraph(i) {
		return 0, false
	}
	exact = true
	// "Check-up" is searched as the text's compound "checkup".
	english.Tokenize(strings.ReplaceAll(label, "-", ""), func(t english.Token) {
		if m.isQueryWord(t.Word, ids) {
			n++
		} else if !english.IsStop(t.Word) {
			exact = false
		}
	})
	return n, exact
}

// boldLabel reads a label Markdown sets in emphasis before its value:
// "**Director:** Priya Raman" and "**Director**: Priya Raman" are the label
// "Director" and the value "Priya Raman".
func boldLabel(text string) (label, value string, ok bool) {
	for _, mark := range [...]string{"**", "__", "*", "_"} {
		rest, found := strings.CutPrefix(text, mark)
		if !found {
			continue
		}
		i := strings.Index(rest, mark)
		if i <= 0 {
			return "", "", false
		}
		inner, after := rest[:i], rest[i+len(mark):]
		if l, colon := strings.CutSuffix(inner, ":"); colon && strings.HasPrefix(after, " ") {
			return l, after, true
		}
		if v, colon := strings.CutPrefix(after, ": "); colon {
			return inner, v, true
		}
		return "", "", false
	}
	return "", "", false
}

// isQueryWord reports whether w, a word of the text, is one of the
// question's terms, as written or by its stem.
func (m *Matcher) isQueryWord(w string, ids termSet[int32]) bool {
	id, ok := m.termOfWord(w)
	return ok && ids.has(id)
}

// termOfWord returns the store's term for the word w: the stem the text
// gave it, or w's own stem.
func (m *Matcher) termOfWord(w string) (int32, bool) {
	if wid, ok := m.wordID.Lookup(w); ok {
		return m.wordStem[wid], true
	}
	id, ok := m.termID.Lookup(english.Stem(w))
	return id, ok
}

// wholeParagraph reports whether sentence i is its paragraph, as a
// list's line is: a speaker's opening sentence ("MORWENNA: Honestly…")
// has more after it.
func (m *Matcher) wholeParagraph(i int) bool {
	s := m.sents[i]
	same := func(j int) bool {
		return j >= 0 && j < len(m.sents) && m.sents[j].Doc() == s.Doc() && m.sents[j].Paragraph == s.Paragraph
	}
	return !same(i-1) && !same(i+1)
}

// contextHolds counts the question's terms that sentence i's context
// holds (its section's heading, the line that introduces it) and its own
// words do not.
func (m *Matcher) contextHolds(i int, ids termSet[int32]) int {
	n := 0
	for _, id := range ids {
		if m.onlyInContext(id, i) {
			n++
		}
	}
	return n
}

// holdsTerms counts the question's terms among text's words, hyphenated
// ones as their compound.
func (m *Matcher) holdsTerms(text string, ids termSet[int32]) int {
	n := 0
	english.Tokenize(strings.ReplaceAll(text, "-", ""), func(t english.Token) {
		if m.isQueryWord(t.Word, ids) {
			n++
		}
	})
	return n
}

// maxLabelWords bounds a label, a line's first words before ": ", and
// maxValueWords the value after it: a speaker's name before what they
// said ("MORWENNA: Honestly, it's the hardest part of the job.") labels
// no value.
const (
	maxLabelWords = 5
	maxValueWords = 8
	saidWords     = 4 // a value of this many words ending a sentence is said, not stated
)

// lineLabel returns the label of a line that opens with one ("Check-up:
// £55"): up to maxLabelWords words with no sentence punctuation, then ": "
// and a short value.
func lineLabel(text string) (string, bool) {
	text = strings.TrimSpace(text)
	label, value, ok := strings.Cut(text, ": ")
	// A label set in bold is one whatever follows it ("**Age guidance:**
	// 16+ (strong language, references to drug use…)").
	l, v, bold := boldLabel(text)
	if bold {
		label, value, ok = l, v, true
	}
	value = strings.TrimSpace(value)
	if !ok || label == "" || value == "" || strings.ContainsAny(label, ".!?:;,") ||
		strings.Count(label, " ") >= maxLabelWords || !bold && strings.Count(value, " ") >= maxValueWords {
		return "", false
	}
	if !bold && strings.Count(value, " ") >= saidWords-1 && strings.ContainsAny(value[len(value)-1:], ".!?") {
		return "", false // a sentence someone said ("MORWENNA: Now I teach classes.")
	}
	return label, true
}

package match

import (
	"slices"
	"strconv"
	"strings"

	"github.com/storybot/storybot/english"
)

// otherYearWindow bounds the candidates read for the year a question names.
const otherYearWindow = 3

// spanLeads come before a year that opens or closes a period ("since
// 2015", "until 1990", "from 1914 to 1918"): such a sentence may speak of
// any year of the period, so it does not name another one.
var spanLeads = setOf("since", "from", "after", "until", "till", "til", "before", "by", "to", "through", "between")

// capOtherYear: a question asking something of a year ("how long did the
// 1921 eruption last?") is not answered by a sentence naming other years
// only ("The most recent eruption began in 2011 and lasted 26 days"): that
// is another event. A near candidate naming the year comes first; failing
// one, or when that one cannot hold the kind of answer asked, the text is
// judged not to answer. A question that only asks whether (no kind of
// answer) is left alone, as is one asking when (its answer is a date, often
// another year) and a sentence with a period.
func (m *Matcher) capOtherYear(res *Result, hits []Hit, q *question) {
	if q.shape.qtype == QOther || q.shape.qtype == QDate || len(hits) == 0 {
		return // "when did it reopen after the 1903 collapse?" asks for another year
	}
	var years []int
	for _, w := range q.all {
		if y, ok := yearOf(w); ok {
			years = append(years, y)
		}
	}
	if len(years) == 0 || !m.namesOtherYear(hits[0].Index, years) {
		return
	}
	if preferHolding(hits, otherYearWindow, func(i int) bool { return holdsYear(m.sents[i].Text, years) }) &&
		m.holdsKind(hits[0].Index, q) {
		return
	}
	res.Confidence = min(res.Confidence, ageMissingConfidence)
}

// holdsKind reports whether sentence i can hold the kind of answer the
// question asks for, read strictly: a duration for "how long", a person
// for "who"; any sentence when the question names no kind.
func (m *Matcher) holdsKind(i int, q *question) bool {
	if u := q.shape.unit; u != 0 {
		return m.holdsUnit(i, u)
	}
	want := strictWant(q.shape.qtype)
	return want == 0 || m.features[i]&want != 0
}

// yearOf is the year w writes ("1921"; a decade's "1920s" is not one).
func yearOf(w string) (int, bool) {
	if len(w) != 4 || !english.IsYear(w) {
		return 0, false
	}
	y, err := strconv.Atoi(w)
	return y, err == nil
}

// namesOtherYear reports whether sentence i names a year, none of them one
// of years, and no period: no decade ("the 1920s"), no year after "since",
// "until", "from", "between" or a dash, none before a dash or "to".
func (m *Matcher) namesOtherYear(i int, years []int) bool {
	text := m.sents[i].Text
	var toks []english.Token
	english.Tokenize(text, func(t english.Token) { toks = append(toks, t) })
	named := false
	for k, t := range toks {
		if english.IsYear(t.Word) && len(t.Word) == 5 {
			return false // a decade
		}
		y, ok := yearOf(t.Word)
		if !ok {
			continue
		}
		if slices.Contains(years, y) || spanLeads[wordAt(toks, k-1)] || spanLeads[wordAt(toks, k+1)] || dashNext(text, t.Start, t.End) {
			return false
		}
		named = true
	}
	return named
}

// holdsYear reports whether text writes one of years.
func holdsYear(text string, years []int) bool {
	return holdsWord(text, func(w string) bool {
		y, ok := yearOf(w)
		return ok && slices.Contains(years, y)
	})
}

// dashNext reports whether a dash or slash comes right before
// text[start:end] or right after it ("1914–18", "2023/24", "1914 - 1918"),
// which the tokens do not show.
func dashNext(text string, start, end int) bool {
	before := strings.TrimRight(text[:start], " ")
	after := strings.TrimLeft(text[end:], " ")
	for _, d := range []string{"-", "–", "—", "/"} {
		if strings.HasSuffix(before, d) || strings.HasPrefix(after, d) {
			return true
		}
	}
	return false
}

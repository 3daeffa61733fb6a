package match

import "github.com/storybot/storybot/english"

// capWindow bounds the first candidates read for the kind of answer a
// question asks (a time of day, an amount, a distance).
const capWindow = 2

// capUnlessHeld caps the confidence unless one of the first window
// candidates holds the kind of answer asked for: the text does not answer
// a question whose answer none of its best sentences can give.
func capUnlessHeld(res *Result, hits []Hit, window int, holds func(i int) bool) {
	for _, h := range hits[:min(len(hits), window)] {
		if holds(h.Index) {
			return
		}
	}
	res.Confidence = min(res.Confidence, ageMissingConfidence)
}

// capClockAnswer caps the confidence when the question asks "what time"
// and neither of the first candidates gives a time of day: "what time does
// the food bank open?" is not answered by "The Food Bank is open on
// Mondays, Wednesdays and Fridays". A question asking "when" takes a day
// or a date as an answer, and is left to the judge.
func (m *Matcher) capClockAnswer(res *Result, hits []Hit, q *question) {
	if q.shape.unit != english.Clock || len(hits) == 0 || !asksWhatTime(q.all) {
		return
	}
	capUnlessHeld(res, hits, capWindow, func(i int) bool {
		return m.holdsUnit(i, english.Clock) || m.holdsUnit(i, english.Duration) && relativeTime(m.sents[i].Text)
	})
}

// relativeTime reports whether text gives a time by its distance from
// another ("three hours before departure", "30 minutes after the gates
// open"): a time of day in all but the clock's figure.
func relativeTime(text string) bool {
	var toks []english.Token
	english.Tokenize(text, func(t english.Token) { toks = append(toks, t) })
	for k := 1; k+1 < len(toks); k++ {
		prev := toks[k-1].Word
		if english.Lookup(toks[k].Word)&english.Duration == 0 ||
			!(isNumber(prev) || english.Lookup(prev)&english.Number != 0 || prev == "an" || prev == "a") {
			continue
		}
		switch toks[k+1].Word {
		case "before", "after", "prior", "ahead":
			return true
		}
	}
	return false
}

// capPriceAnswer caps the confidence when the question asks a price and
// neither of the first candidates names an amount of money: "how much is
// the bus back from the beach" is not answered by "a bus back every hour
// in summer". The judge weighs that too, with SQuAD's questions, where a
// price asked is nearly always named.
func (m *Matcher) capPriceAnswer(res *Result, hits []Hit, q *question) {
	if len(hits) == 0 || !asksPrice(q.all) {
		return
	}
	capUnlessHeld(res, hits, capWindow, m.namesAmount)
}

// capOtherDays caps the confidence when a question that is not a yes-or-no
// one asks about a day of the week ("what time do you open on sundays")
// and the first candidate names days, none of them (nor a span of them)
// the one asked: "Saturday: 9am to 5pm" is another day's answer. A first
// candidate naming no day may hold for every day, and is left alone.
func (m *Matcher) capOtherDays(res *Result, hits []Hit, q *question) {
	want := questionDays(q.all)
	if want == 0 || len(hits) == 0 || yesNoOpeners[q.all[0]] {
		return
	}
	if d := sentenceDays(m.sents[hits[0].Index].Text); d != 0 && d&want == 0 {
		res.Confidence = min(res.Confidence, ageMissingConfidence)
	}
}

// capMeasureAnswer caps the confidence when the question asks how far or
// how hot or cold, and neither of the first candidates gives a distance
// (or a time to get there: "a ten-minute walk") or a temperature: "how far
// is Corrin Holm from Grevesby" is not answered by "They reached Corrin
// Holm a little after seven".
func (m *Matcher) capMeasureAnswer(res *Result, hits []Hit, q *question) {
	var want english.Class
	switch q.shape.unit {
	case english.Distance:
		if !asksHowFar(q.all) {
			return // "how high on the charts", "how far west did it extend"
		}
		want = english.Distance | english.Duration
	case english.Temperature:
		want = english.Temperature
	default:
		return
	}
	capUnlessHeld(res, hits, capWindow, func(i int) bool { return m.holdsUnit(i, want) })
}

// asksHowFar reports whether the question asks the distance between two
// places: "how far is the station", "how far away", "how far to the
// beach"; not "how far west", "how far back", "how far ahead".
func asksHowFar(all []string) bool {
	for i := 0; i+2 < len(all); i++ {
		if all[i] == "how" && all[i+1] == "far" {
			return farVerbs[all[i+2]]
		}
	}
	return false
}

// farVerbs follow "how far" in a question asking a distance.
var farVerbs = setOf("is", "are", "was", "were", "away", "from", "to", "its", "it", "do", "does", "would", "will")

// asksWhatTime reports whether the question asks "what time" or "what
// times" of the clock ("until what time…", "what time do u open", "what
// time of day"), not of history ("what time period", "during what time
// did the rainforest spread", "what time of year").
func asksWhatTime(all []string) bool {
	for i := 0; i+2 < len(all); i++ {
		if (all[i] == "what" || all[i] == "which") && (all[i+1] == "time" || all[i+1] == "times") {
			next := all[i+2]
			return english.IsStop(next) && (i == 0 || all[i-1] != "during") &&
				!(next == "of" && i+3 < len(all) && all[i+3] != "day")
		}
	}
	return false
}

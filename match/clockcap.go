package match

import "github.com/storybot/storybot/english"

// clockWindow bounds the first candidates read for a time of day.
const clockWindow = 2

// capClockAnswer caps the confidence when the question asks "what time"
// and neither of the first candidates gives a time of day: "what time does
// the food bank open?" is not answered by "The Food Bank is open on
// Mondays, Wednesdays and Fridays". A question asking "when" takes a day
// or a date as an answer, and is left to the judge.
func (m *Matcher) capClockAnswer(res *Result, hits []Hit, q *question) {
	if q.shape.unit != english.Clock || len(hits) == 0 || !asksWhatTime(q.all) {
		return
	}
	for _, h := range hits[:min(len(hits), clockWindow)] {
		if m.holdsUnit(h.Index, english.Clock) {
			return
		}
	}
	res.Confidence = min(res.Confidence, ageMissingConfidence)
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
	for _, h := range hits[:min(len(hits), clockWindow)] {
		if m.namesAmount(h.Index) {
			return
		}
	}
	res.Confidence = min(res.Confidence, ageMissingConfidence)
}

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

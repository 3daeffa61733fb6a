package match

import (
	"math"
	"strconv"
	"strings"

	"github.com/storybot/storybot/english"
)

// Ranges: a reader says where they stand ("I've been here 3 years", "we
// are a group of 12 people") and the text answers by bands: "| 2 to 4
// years | 27 |", "groups of 10 or more people", "under 5 years". A
// question's number with its unit falls in a band of the same unit; the
// sentence that states that band is the answer, though it never writes
// the question's number, and another sentence that writes it ("Up to 3
// days") is not.

// quantity is a number with the unit word after it, stemmed.
type quantity struct {
	value float64
	unit  string
}

// band is an interval of one unit a sentence states.
type band struct {
	lo, hi float64 // inclusive bounds
	unit   string
}

// numberValue reads w as a number: digits ("3", "1,200", "2.5") or a
// number word.
func numberValue(w string) (float64, bool) {
	if v, ok := english.NumberWord(w); ok {
		return float64(v), true
	}
	if w == "" || w[0] < '0' || w[0] > '9' {
		return 0, false
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(w, ",", ""), 64)
	return v, err == nil
}

// questionQuantities returns the numbers of a question's words with their
// unit, the word after ("3 years", "12 people") or before "of" ("a group
// of 12"); not years of a date.
func questionQuantities(all []string) []quantity {
	var out []quantity
	for i := range all {
		v, ok := numberValue(all[i])
		if !ok || v >= 1000 && v <= 2100 && v == math.Trunc(v) {
			continue
		}
		if i+1 < len(all) && unitWord(all[i+1]) {
			unit, per := unitOf(all[i+1])
			out = append(out, quantity{v * per, unit})
		} else if i > 1 && all[i-1] == "of" && unitWord(all[i-2]) {
			out = append(out, quantity{v, english.Stem(all[i-2])}) // "a group of 12"
		} else if i > 1 && ageVerbs[all[i-1]] && english.Lookup(all[i-2])&english.Person != 0 {
			out = append(out, quantity{v, yearUnit}) // "my daughter is 5": her age
		}
	}
	return out
}

// Ages: a number after "aged" is in years ("aged 8 to 15"), and so is
// one a person "is" or "turned" ("my son is 10").
var (
	yearUnit = english.Stem("years")
	ageWords = setOf("aged", "age", "ages")
	ageVerbs = setOf("is", "turned", "turns", "aged")
)

// unitOf returns the unit word w names, stemmed, and what one of it is
// in that unit: a clipping is read as its word ("mins" as "minutes"), and
// a unit of time as minutes, so "2 hours" falls in "120 minutes or more"
// and "40 mins" in "30 to 59 minutes".
func unitOf(w string) (string, float64) {
	if full := english.Clipped(w); full != "" && english.Lookup(full)&english.Duration != 0 {
		w = full
	}
	stem := english.Stem(w)
	if per, ok := minutesIn[stem]; ok {
		return minuteUnit, per
	}
	return stem, 1
}

// minutesIn holds the minutes in each unit of time a band may be written
// in (not months or years, whose length varies).
var (
	minuteUnit = english.Stem("minutes")
	minutesIn  = map[string]float64{
		english.Stem("seconds"): 1.0 / 60, english.Stem("second"): 1.0 / 60,
		minuteUnit: 1, english.Stem("minute"): 1,
		english.Stem("hours"): 60, english.Stem("hour"): 60,
		english.Stem("days"): 24 * 60, english.Stem("day"): 24 * 60,
		english.Stem("weeks"): 7 * 24 * 60, english.Stem("week"): 7 * 24 * 60,
	}
)

// unitWord reports whether w can be the unit of a number beside it.
func unitWord(w string) bool {
	return len(w) > 2 && !english.IsStop(w) && !english.HasDigit(w)
}

// bandWords open or close a band: "less than 2 years", "5 years or more".
var (
	belowWords = setOf("under", "below", "less", "fewer", "up", "upto", "max", "maximum")
	aboveWords = setOf("over", "above", "more", "least", "min", "minimum", "older", "plus")
)

// sentenceBands returns the bands text states: "2 to 4 years", "2-4
// years", "between 2 and 4 years", "less than 2 years", "up to 3 days",
// "5 years or more", "over 65 years".
func sentenceBands(text string) []band {
	var toks []english.Token
	english.Tokenize(text, func(t english.Token) { toks = append(toks, t) })
	var out []band
	for k := 0; k < len(toks); k++ {
		v, ok := numberValue(toks[k].Word)
		if !ok {
			continue
		}
		lo, hi, next := v, v, k+1
		if j := rangeEnd(text, toks, k); j > 0 {
			if w, _ := numberValue(toks[j].Word); w > v {
				hi, next = w, j+1
			}
		}
		unit, after := "", next
		if next < len(toks) && unitWord(toks[next].Word) {
			var per float64
			unit, per = unitOf(toks[next].Word)
			lo, hi, after = lo*per, hi*per, next+1
		} else if k > 1 && toks[k-1].Word == "of" && unitWord(toks[k-2].Word) {
			unit = english.Stem(toks[k-2].Word) // "groups of 10 or more"
		}
		if unit == "" && k > 0 && ageWords[toks[k-1].Word] {
			unit = yearUnit // "aged 8 to 15": years of age
		}
		if unit == "" {
			continue
		}
		if hi == lo {
			// "less than 2", "up to 3": the word before "than" or "to".
			before := ""
			if k > 0 {
				before = toks[k-1].Word
			}
			if (before == "than" || before == "to") && k > 1 {
				before = toks[k-2].Word
			}
			switch {
			case belowWords[before]:
				lo = math.Inf(-1)
			case aboveWords[before] || after+1 < len(toks) && toks[after].Word == "or" && aboveWords[toks[after+1].Word]:
				hi = math.Inf(1)
			}
		}
		out = append(out, band{lo, hi, unit})
		k = next - 1
	}
	return out
}

// rangeEnd returns the token of the number that closes a range opened by
// the number toks[k] ("2 to 4", "2-4", "between 2 and 4"), 0 if none.
func rangeEnd(text string, toks []english.Token, k int) int {
	if k+1 >= len(toks) {
		return 0
	}
	if _, ok := numberValue(toks[k+1].Word); ok {
		if isDash(text[toks[k].End:toks[k+1].Start]) {
			return k + 1
		}
		return 0
	}
	join := toks[k+1].Word
	if k+2 < len(toks) && (join == "to" || join == "and" && k > 0 && toks[k-1].Word == "between") {
		if _, ok := numberValue(toks[k+2].Word); ok {
			return k + 2
		}
	}
	return 0
}

// holdsQuantity reports whether text states a band of q's unit that holds
// q's value; with exact, the value itself ("3 years") counts as one.
func holdsQuantity(text string, qs []quantity, exact bool) bool {
	for _, b := range sentenceBands(text) {
		if b.lo == b.hi && !exact {
			continue
		}
		for _, q := range qs {
			if b.unit == q.unit && b.lo <= q.value && q.value <= b.hi {
				return true
			}
		}
	}
	return false
}

// rangeWindow is how far down the candidates preferRange looks.
const rangeWindow = 10

// preferRange brings up, when the first candidate states neither the
// question's quantity nor a band holding it, the first of the next few
// that states such a band.
func (m *Matcher) preferRange(hits []Hit, all []string, ids termSet[int32]) bool {
	qs := questionQuantities(all)
	if len(qs) == 0 || len(hits) == 0 {
		return false
	}
	if holdsQuantity(m.sents[hits[0].Index].Text, qs, true) {
		return true
	}
	units := make(termSet[int32], 0, len(qs))
	for _, q := range qs {
		if id, ok := m.termID.Lookup(q.unit); ok {
			units.add(id)
		}
	}
	first := hits[0].Index
	return preferHolding(hits, rangeWindow, func(i int) bool {
		return holdsQuantity(m.sents[i].Text, qs, false) && m.aboutQuestion(i, first, ids, units)
	})
}

// aboutQuestion reports whether sentence i is about the question beyond
// its units: a row of the table whose row is the first candidate (its
// header says what the rows are about), or a sentence holding a question
// term that is not a unit ("entry for children aged 8 to 15 years is
// free" does not answer "my son is 10 years old, does he need an adult?").
func (m *Matcher) aboutQuestion(i, first int, ids, units termSet[int32]) bool {
	if s, f := m.sents[i], m.sents[first]; s.Display() != "" && f.Display() != "" && s.Paragraph == f.Paragraph && s.Doc() == f.Doc() {
		return true
	}
	for _, id := range ids {
		if !units.has(id) && m.inSentence(id, i) {
			return true
		}
	}
	return false
}

// Days of the week are bands too: "open Tuesday to Sunday", "Mon–Fri",
// "at weekends" hold the Saturday a reader asks about ("what time do you
// open on saturdays?"), and "closes at 4pm on Sundays" does not answer
// "hours on saturday and sunday?".

// days numbers the days of the week from Monday; abbreviations count in a
// text only when written with a capital ("Sat", not "sat down").
var (
	weekdayNames = [7]string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
	dayNames     = func() map[string]uint8 {
		m := map[string]uint8{}
		for d, w := range weekdayNames {
			m[w] = uint8(d)
		}
		return m
	}()
	dayShort = map[string]uint8{"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3,
		"thurs": 3, "fri": 4, "sat": 5, "sun": 6}
	weekPart = map[string]uint8{"weekend": 1<<5 | 1<<6, "weekends": 1<<5 | 1<<6,
		"weekday": 1<<5 - 1, "weekdays": 1<<5 - 1}
)

// dayOf reads w ("saturday", "saturdays", with capital "Sat") as a day.
func dayOf(w string, capital bool) (uint8, bool) {
	if d, ok := dayNames[strings.TrimSuffix(w, "s")]; ok {
		return d, true
	}
	d, ok := dayShort[w]
	return d, ok && capital
}

// questionDays returns the days a question names, as bits from Monday.
func questionDays(all []string) uint8 {
	var mask uint8
	for _, w := range all {
		if d, ok := dayOf(w, false); ok {
			mask |= 1 << d
		}
		mask |= weekPart[w]
	}
	return mask
}

// dayRangeWords join two days as a span: "Tuesday to Sunday".
var dayRangeWords = setOf("to", "through", "until", "till")

// sentenceDays returns the days text names or spans, as bits from Monday.
func sentenceDays(text string) uint8 {
	var toks []english.Token
	english.Tokenize(text, func(t english.Token) { toks = append(toks, t) })
	var mask uint8
	for k := 0; k < len(toks); k++ {
		mask |= weekPart[toks[k].Word]
		d, ok := dayOf(toks[k].Word, toks[k].Upper)
		if !ok {
			continue
		}
		mask |= 1 << d
		// "Tuesday to Sunday", "Mon–Fri": every day between, round
		// the week's end ("Friday to Monday").
		j := k + 1
		if j < len(toks) && dayRangeWords[toks[j].Word] {
			j++
		} else if j >= len(toks) || !isDash(text[toks[k].End:toks[j].Start]) {
			continue
		}
		if e, ok := dayOf(wordAt(toks, j), j < len(toks) && toks[j].Upper); ok {
			for x := d; x != e; x = (x + 1) % 7 {
				mask |= 1 << x
			}
			mask |= 1 << e
			k = j
		}
	}
	return mask
}

// isDash reports whether between, the text between two words, is a dash.
func isDash(between string) bool {
	switch strings.TrimSpace(between) {
	case "-", "–", "—":
		return true
	}
	return false
}

// wordAt is toks[j]'s word, "" before the start or past the end.
func wordAt(toks []english.Token, j int) string {
	if j >= 0 && j < len(toks) {
		return toks[j].Word
	}
	return ""
}

// preferDays brings up, when the first candidate does not name or span
// every day the question asks about, the first of the next few that does
// and that shares a word with the question beyond the days; failing that,
// the first that does and gives a time of day ("hours on saturday?" of
// "open from 8:00am to 6:00pm at weekends"). A yes/no question keeps a
// first candidate naming other days, which may answer it ("Is the museum
// open on weekdays in winter?" of "at weekends only from November to
// March"), but not one that names no day ("are u open on sunday" of "It
// was opened in 2016").
func (m *Matcher) preferDays(hits []Hit, all []string, ids termSet[int32]) bool {
	want := questionDays(all)
	if want == 0 || len(hits) == 0 {
		return false
	}
	firstDays := sentenceDays(m.sents[hits[0].Index].Text)
	if firstDays&want == want {
		return true
	}
	if yesNoOpeners[all[0]] && firstDays != 0 {
		return false
	}
	var days termSet[int32]
	for _, w := range all {
		if _, ok := dayOf(w, false); ok || weekPart[w] != 0 {
			if id, ok := m.termID.Lookup(english.Stem(w)); ok {
				days.add(id)
			}
		}
	}
	first := hits[0].Index
	inDays := func(i int) bool { return sentenceDays(m.sents[i].Text)&want == want }
	return preferHolding(hits, rangeWindow, func(i int) bool { return inDays(i) && m.aboutQuestion(i, first, ids, days) }) ||
		preferHolding(hits, rangeWindow, func(i int) bool { return inDays(i) && m.store.Marks(i).Classes()&english.Clock != 0 })
}

// asksDay reports whether the words ask which day of the week: "which day
// are the bins collected", "what days is it open".
func asksDay(all []string) bool {
	for i := 0; i+1 < len(all); i++ {
		if (all[i] == "which" || all[i] == "what") && (all[i+1] == "day" || all[i+1] == "days") {
			return true
		}
	}
	return false
}

// preferWeekday brings up, for a question asking which day, the first of
// the next few candidates that names a day of the week, when the first
// names none.
func (m *Matcher) preferWeekday(hits []Hit, all []string) {
	if !asksDay(all) {
		return
	}
	preferHolding(hits, unitWindow, func(i int) bool { return sentenceDays(m.sents[i].Text) != 0 })
}

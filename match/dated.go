package match

import (
	"slices"
	"strings"

	"github.com/storybot/storybot/english"
)

// preferDated puts first, for a question opening with "when" or asking
// which date (asksWhichDate), the first
// of the near candidates (window, share) that names a date or a time,
// when the first names none: "when can we play on the top pitch again" is answered by
// "…it will be back in use from Saturday 8 March", not by "Until the
// grass settles, please no studs longer than 15mm on the top pitch."
func (m *Matcher) preferDated(hits []Hit, q *question) {
	if q.shape.qtype != QDate || !opensWhen(q.all) && !asksWhichDate(q.all) {
		return
	}
	if holds := strictDate(q.all); holds != nil {
		// "what month is the story set in": a month, not a Tuesday.
		if preferHolding(hits, strictDateWindow, func(i int) bool { return holds(m.sents[i].Text) }) {
			return
		}
	}
	dated := func(i int) bool { return datesSomething(m.sents[i].Text) }
	if !preferHoldingNear(hits, kindWindow, kindShare, dated) {
		m.preferContinuation(hits, dated)
	}
}

// opensWhen reports whether the question opens by asking when: "when do
// we get it back", not "When dating rocks, what is…", which opens with a
// clause.
func opensWhen(all []string) bool {
	return len(all) > 0 && all[0] == "when" && (len(all) == 1 || !strings.HasSuffix(all[1], "ing"))
}

// datesSomething reports whether text names a date or a time: a year, a
// month or weekday, a day of the month, a time of day ("7pm", "09:30",
// "noon") or a timestamp ("52:10" into an episode); not a word that only speaks of time ("until", "late", "weeks").
func datesSomething(text string) bool {
	found, prev, prev2, sinceWithin := false, "", "", 0
	english.Tokenize(text, func(t english.Token) {
		switch {
		case found:
		case t.Digit:
			found = english.IsYear(t.Word) || english.InDayOfMonth(text, t, prev) || english.InClockTime(text, t) ||
				english.Lookup(t.Word)&english.Clock != 0 || timestamp(text, t)
		case t.Word == "within":
			sinceWithin = 1
		case (t.Word == "end" || t.Word == "start" || t.Word == "beginning") && (prev == "the" || prev == "its") &&
			timePrepositions[prev2] && strings.HasPrefix(text[t.End:], " of "):
			// "At the end of World War I": a time set by an event.
			found = true
		default:
			found = english.IsCalendarWord(t.Word) || english.Lookup(t.Word)&english.Clock != 0 ||
				// "returned within seven days of your departure": a time
				// set by an event, which answers "when" as a date does.
				sinceWithin > 0 && sinceWithin <= 4 && english.Lookup(t.Word)&english.Duration != 0
		}
		if sinceWithin > 0 {
			sinceWithin++
		}
		prev2, prev = prev, t.Word
	})
	return found
}

// timePrepositions place something at the end or start of an event ("by
// the end of the season"), as against "the start of the path".
var timePrepositions = map[string]bool{"at": true, "by": true, "until": true, "till": true, "from": true,
	"before": true, "after": true, "towards": true, "since": true}

// timestamp reports whether the number t of text is followed by a colon
// and two digits ("52:10", "1:05:30"): minutes and seconds, or a time.
func timestamp(text string, t english.Token) bool {
	rest := text[t.End:]
	return len(rest) >= 3 && rest[0] == ':' && isASCIIDigit(rest[1]) && isASCIIDigit(rest[2]) &&
		(len(rest) == 3 || !isASCIIDigit(rest[3]))
}

func isASCIIDigit(b byte) bool { return '0' <= b && b <= '9' }

// preferOpening puts first, for a question asking when a place opens or
// closes ("what time do u open on saturday", "when does the kitchen
// close"), the first of the near candidates that states hours and says
// so of opening, in its words or its section's heading ("## Opening
// hours" over "Saturday: 9am to 5pm"), when the first does not: the
// hours of bookings are not the opening hours.
func (m *Matcher) preferOpening(hits []Hit, q *question) {
	if q.shape.unit != english.Clock || !slices.ContainsFunc(q.all, func(w string) bool { return openingWords[w] }) {
		return
	}
	preferHoldingNear(hits, kindWindow, kindShare, func(i int) bool {
		s := m.sents[i]
		return sentenceHours(s.Text) != nil && (speaksOfOpening(s.Text) || speaksOfOpening(s.Section()))
	})
}

// speaksOfOpening reports whether text holds a word of opening or closing.
func speaksOfOpening(text string) bool {
	found := false
	english.Tokenize(text, func(t english.Token) {
		found = found || openingWords[t.Word] || t.Word == "opening" || t.Word == "closing" || t.Word == "hours"
	})
	return found
}

// asksWhichDate reports whether the question opens by asking which date:
// "what date is…", "which day does…", "what year did…", "what's the date
// of…"; not "what is the day rate", where the day names a thing.
func asksWhichDate(all []string) bool {
	if len(all) < 2 || all[0] != "what" && all[0] != "which" && all[0] != "whats" {
		return false
	}
	i := 1
	for i < len(all)-1 && i < 3 && (all[i] == "is" || all[i] == "the") {
		i++
	}
	switch all[i] {
	case "deadline", "deadlines":
		return true // "whats the deadline to move off the old integration", "…for paying"
	case "date", "day", "year", "month":
	default:
		return false
	}
	return i == len(all)-1 || dateAskers[all[i+1]]
}

// strictDateWindow is how many of the first candidates a question asking
// which month or year reads for one.
const strictDateWindow = 5

// strictDate returns, for a question asking which month or which year
// ("what month is it set in", "which year did it open"), the test a
// sentence passes by naming one; nil for other questions.
func strictDate(all []string) func(string) bool {
	if !asksWhichDate(all) {
		return nil
	}
	for _, w := range all[1:min(len(all), 4)] {
		switch w {
		case "month":
			return func(text string) bool { return holdsWord(text, english.IsMonth) }
		case "year":
			return func(text string) bool { return holdsWord(text, english.IsYear) }
		}
	}
	return nil
}

// holdsWord reports whether one of text's words passes is.
func holdsWord(text string, is func(string) bool) bool {
	found := false
	english.Tokenize(text, func(t english.Token) { found = found || is(t.Word) })
	return found
}

// dateAskers follow the date word of a question asking which date.
var dateAskers = setOf("is", "was", "are", "were", "did", "does", "do", "will", "of", "can", "should", "would")

// preferLocated puts first, for "where is X" ("wheres the boiler", "where
// are the spare keys"), the first of the near candidates that says X is
// somewhere ("The boiler is in the cupboard under the stairs"), when the
// first does not: "…the fuse box is in the cupboard next to the boiler"
// places something else.
func (m *Matcher) preferLocated(hits []Hit, q *question) {
	thing := locatedThing(q.all)
	if q.shape.qtype != QPlace || thing == "" {
		return
	}
	if preferHoldingNear(hits, kindWindow, kindShare, func(i int) bool { return saysWhere(m.sents[i].Text, thing) }) {
		return
	}
	// "Beaver Stadium is an outdoor college football stadium in University
	// Park", "Ada Pell is a fiddle player from Kirkby Stephen": what the
	// thing is, and where.
	head := english.Stem(thing)
	preferHoldingNear(hits, kindWindow, kindShare, func(i int) bool {
		return m.features[i]&featPlace != 0 && defines(m.sents[i].Text, head, head)
	})
}

// locatedThing is the noun of a question "where is/are (the) X" when X is
// the rest of it, one or two words ("boiler", "spare keys"): its last
// word; "" for any other question.
func locatedThing(all []string) string {
	i := 0
	switch {
	case len(all) > 2 && all[0] == "where" && (all[1] == "is" || all[1] == "are"):
		i = 2
	case len(all) > 1 && all[0] == "wheres":
		i = 1
	default:
		return ""
	}
	if i < len(all) && (all[i] == "the" || all[i] == "my" || all[i] == "our") {
		i++
	}
	end := len(all)
	if end > i+1 && (all[end-1] == "from" || all[end-1] == "located") {
		end-- // "where is ada pell from"
	}
	if n := end - i; n < 1 || n > 3 || slices.ContainsFunc(all[i:end], english.IsStop) {
		return ""
	}
	return all[end-1]
}

// saysWhere reports whether text says where thing is: the word, then
// "is" or "are" (and "kept", "stored", "located") and a preposition of
// place within the next words ("The boiler is in the cupboard").
func saysWhere(text, thing string) bool {
	var ws []string
	english.Tokenize(text, func(t english.Token) { ws = append(ws, t.Word) })
	for i, w := range ws {
		if english.Stem(w) != english.Stem(thing) || i+2 >= len(ws) || ws[i+1] != "is" && ws[i+1] != "are" {
			continue
		}
		for _, x := range ws[i+2 : min(len(ws), i+5)] {
			if english.Lookup(x)&english.PlacePreposition != 0 {
				return true
			}
		}
	}
	return false
}

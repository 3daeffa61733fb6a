package match

import (
	"strconv"
	"strings"

	"github.com/storybot/storybot/english"
)

// Times of day are bands too: "can i book a table for saturday at 11"
// is answered by "We can't take bookings on Saturdays between 10am and
// 1pm", which never writes 11, and "is the gym open at 7" by "open from
// 6:30am to 9:30pm".

// clockAt reads a time of day at toks[k] ("10am", "9.30am", "8:00am",
// "10:00", "7 pm"): minutes since midnight, and the index of the token
// after it. bare accepts a number alone ("at 11"), as a question says
// it; its half of the day is then unknown (ambiguous), and both readings
// are returned as mins and alt.
func clockAt(text string, toks []english.Token, k int, bare bool) (mins, alt, next int, ok bool) {
	w := toks[k].Word
	next = k + 1
	digits := 0
	for digits < len(w) && digits < 2 && w[digits] >= '0' && w[digits] <= '9' {
		digits++
	}
	if digits == 0 {
		return 0, 0, 0, false
	}
	h, _ := strconv.Atoi(w[:digits])
	rest, m, colon := w[digits:], 0, false
	if len(rest) >= 3 && rest[0] == '.' && isTwoDigits(rest[1:3]) {
		m, rest = atoi2(rest[1:3]), rest[3:] // "9.30am"
	} else if rest == "" && next < len(toks) && text[toks[k].End:toks[next].Start] == ":" && len(toks[next].Word) >= 2 && isTwoDigits(toks[next].Word[:2]) {
		m, rest, colon = atoi2(toks[next].Word[:2]), toks[next].Word[2:], true // "8:00am", "10:00"
		next++
	}
	if rest == "" && next < len(toks) && (toks[next].Word == "am" || toks[next].Word == "pm") {
		rest = toks[next].Word // "7 pm"
		next++
	}
	switch {
	case m >= 60 || h > 24:
		return 0, 0, 0, false
	case rest == "am" || rest == "pm":
		if h < 1 || h > 12 {
			return 0, 0, 0, false
		}
		mins = (h%12)*60 + m
		if rest == "pm" {
			mins += 12 * 60
		}
		return mins, mins, next, true
	case rest != "":
		return 0, 0, 0, false
	case colon:
		return h*60 + m, h*60 + m, next, true // a 24-hour clock
	case bare && h >= 1 && h <= 12:
		return h * 60, (h%12)*60 + 12*60, next, true
	case bare && h <= 23:
		return h * 60, h * 60, next, true
	}
	return 0, 0, 0, false
}

func isTwoDigits(s string) bool {
	return len(s) == 2 && s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9'
}

func atoi2(s string) int { return int(s[0]-'0')*10 + int(s[1]-'0') }

// clockPrepositions put a bare number in a question at a time of day:
// "at 11", "around 6". Not "before 9" or "after 9": a bound, which a span
// holding 9 does not answer ("can i use my bus pass before 9" of "valid
// after 9:30am"), nor is a time after one (relativePrepositions) read as
// one the question stands at.
var (
	clockPrepositions    = setOf("at", "around", "about")
	relativePrepositions = setOf("before", "after", "by", "til", "till", "until", "from")
)

// questionTimes returns the times of day a question names, each with its
// other half of the day when it does not say which ("at 11"), and the
// words that write them.
func questionTimes(q string) (times [][2]int, words []string) {
	if strings.IndexFunc(q, func(r rune) bool { return r >= '0' && r <= '9' }) < 0 {
		return nil, nil
	}
	var toks []english.Token
	english.Tokenize(q, func(t english.Token) { toks = append(toks, t) })
	for k := 0; k < len(toks); k++ {
		if !toks[k].Digit {
			continue
		}
		bare := k > 0 && clockPrepositions[toks[k-1].Word]
		if k > 0 && relativePrepositions[toks[k-1].Word] {
			continue
		}
		if mins, alt, next, ok := clockAt(q, toks, k, bare); ok {
			times = append(times, [2]int{mins, alt})
			for _, t := range toks[k:next] {
				words = append(words, t.Word)
			}
			k = next - 1
		}
	}
	return times, words
}

// sentenceHours returns the spans of the day text states: "between 10am
// and 1pm", "from 8:00am to 6:00pm", "9am-5pm", "10:00–12:30".
func sentenceHours(text string) [][2]int {
	if strings.IndexFunc(text, func(r rune) bool { return r >= '0' && r <= '9' }) < 0 {
		return nil
	}
	var toks []english.Token
	english.Tokenize(text, func(t english.Token) { toks = append(toks, t) })
	var out [][2]int
	for k := 0; k < len(toks); k++ {
		if !toks[k].Digit {
			continue
		}
		lo, _, j, ok := clockAt(text, toks, k, false)
		if !ok || j >= len(toks) {
			continue
		}
		switch {
		case dayRangeWords[toks[j].Word] || toks[j].Word == "and" && k > 0 && toks[k-1].Word == "between":
			j++
		case !isDash(text[toks[j-1].End:toks[j].Start]):
			continue
		}
		if j < len(toks) && toks[j].Digit {
			if hi, _, after, ok := clockAt(text, toks, j, false); ok && hi > lo {
				out = append(out, [2]int{lo, hi})
				k = after - 1
			}
		}
	}
	return out
}

// holdsTime reports whether text states a span of the day holding one of
// the times ts, read either way when its half of the day is unknown.
func holdsTime(text string, ts [][2]int) bool {
	for _, span := range sentenceHours(text) {
		for _, t := range ts {
			if span[0] <= t[0] && t[0] <= span[1] || span[0] <= t[1] && t[1] <= span[1] {
				return true
			}
		}
	}
	return false
}

// preferHours brings up, when a yes/no question asks about a time of
// day ("can i book for saturday at 11", "is it open at 8") and the first
// candidate states no span holding it, the first of the next few that
// does and shares a word with the question beyond the time. A question
// that says the asker's time and asks something else ("i start at
// 6:30am, whats the earliest bus") is not asking about that time.
func (m *Matcher) preferHours(hits []Hit, ts [][2]int, all []string, ids termSet[int32]) bool {
	if len(ts) == 0 || len(hits) == 0 || !yesNoOpeners[all[0]] {
		return false
	}
	if holdsTime(m.sents[hits[0].Index].Text, ts) {
		return true
	}
	var times termSet[int32]
	for _, w := range all {
		if english.HasDigit(w) || w == "am" || w == "pm" {
			if id, ok := m.termID.Lookup(english.Stem(w)); ok {
				times.add(id)
			}
		}
	}
	first := hits[0].Index
	return preferHolding(hits, rangeWindow, func(i int) bool {
		return holdsTime(m.sents[i].Text, ts) && m.aboutQuestion(i, first, ids, times)
	})
}

// statesHours reports whether the text writes a time of day anywhere
// ("8am", "10:00"), read once.
func (m *Matcher) statesHours() bool {
	m.hoursOnce.Do(func() {
		for i := range m.sents {
			if m.store.Marks(i).Classes()&english.Clock != 0 {
				m.hours = true
				return
			}
		}
	})
	return m.hours
}

package bot

import (
	"strings"

	"github.com/storybot/storybot/english"
	"github.com/storybot/storybot/match"
)

// canAnswer reports whether text holds a word of the kind of answer q asks
// for that the question itself does not hold (asked are the question's
// stems): a month, weekday, year or time of day for QDate, a name or word for a person for
// QPerson, a number for QNumber… Words the question shares say nothing:
// "Mr. Pask asked when the toilets would reopen" does not answer "when will
// they reopen?" with its "when". Every text can hold QOther's answer.
func canAnswer(text string, q match.QType, asked map[string]bool) bool {
	if q == match.QOther || !asksKind(asked) {
		return true
	}
	if q == match.QNumber && asked["mani"] {
		return holdsCount(text)
	}
	found := false
	prev := ""
	first, prevCap := true, false
	english.Tokenize(text, func(t english.Token) {
		w := t.Word
		skip := found || asked[english.Stem(w)] || whWords[w] || personPronouns[w] || thingPronouns[w]
		if !skip && (holdsKind(t, q, prev, first) || prevCap && t.Upper && (q == match.QPerson || q == match.QPlace)) {
			found = true // "Karen Mills": two capitalised words in a row name someone or somewhere
		}
		prevCap = t.Upper && !first && !english.IsStop(w)
		prev, first = w, false
	})
	if !found && (q == match.QMoney && strings.ContainsAny(text, "£$€¥") || q == match.QPercent && strings.Contains(text, "%")) {
		found = true
	}
	return found
}

// asksKind reports whether a question (its stems) asks for a kind of
// answer with its question word: "when", "who", "where", "how much",
// "which day"… A "what" question's type is the matcher's guess from its
// other words ("what did the Secretary of State say?" is no question of
// place), too unsure to reorder a conversation's answers by.
func asksKind(asked map[string]bool) bool {
	for _, w := range []string{"when", "who", "whom", "whose", "where", "how", "which"} {
		if asked[w] {
			return true
		}
	}
	return false
}

// holdsKind reports whether token t, after the word prev, is an answer of
// the kind q.
func holdsKind(t english.Token, q match.QType, prev string, first bool) bool {
	c := english.Lookup(t.Word) | english.Lookup(english.Stem(t.Word)) // "Mondays" as "monday"
	name := t.Upper && !first && !english.IsStop(t.Word) &&
		(!english.IsDictionaryWord(t.Word) || english.IsTitle(prev))
	switch q {
	case match.QDate:
		// "May" written with a capital mid-sentence is the month.
		return c&(english.Date|english.Clock) != 0 || english.IsYear(t.Word) || t.Word == "may" && t.Upper && !first
	case match.QPerson:
		return c&english.Person != 0 || english.Gender(t.Word) != 0 || name
	case match.QPlace:
		return c&english.Place != 0 || name
	case match.QNumber:
		// "about an hour", "half a mile" measure without a digit.
		return t.Digit || c&english.Number != 0 || c&english.Units != 0 && (prev == "a" || prev == "an")
	case match.QMoney:
		return c&english.Money != 0
	case match.QPercent:
		return c&english.Percent != 0
	case match.QReason:
		return c&english.Reason != 0
	}
	return true
}

// stemSet is the set of the stems of text's words.
func stemSet(text string) map[string]bool {
	m := map[string]bool{}
	english.Tokenize(text, func(t english.Token) { m[english.Stem(t.Word)] = true })
	return m
}

// holdsCount reports whether text holds a count: a number that no unit
// follows. "how many times…" or "how many people…" is answered by "four
// sets of folds", not by "4 to 5 hours" or "24–26°C", which measure.
func holdsCount(text string) bool {
	var toks []english.Token
	english.Tokenize(text, func(t english.Token) { toks = append(toks, t) })
	measure := make([]bool, len(toks))
	for i := len(toks) - 1; i >= 0; i-- { // a range ("4 to 5 hours") is measured by its end's unit
		t := toks[i]
		if !isCountWord(t) {
			continue
		}
		rest := text[t.End:]
		measure[i] = strings.HasPrefix(rest, "°") || strings.HasPrefix(rest, "%")
		for j := i + 1; j < len(toks) && j <= i+2 && !measure[i]; j++ {
			measure[i] = english.Lookup(toks[j].Word)&english.Units != 0 || isCountWord(toks[j]) && measure[j]
		}
	}
	for i, t := range toks {
		prev := ""
		if i > 0 {
			prev = toks[i-1].Word
		}
		if isCountWord(t) && !measure[i] && !english.IsYear(t.Word) && !(t.Digit && datesOrPays(text, t, prev)) {
			return true
		}
	}
	return false
}

// datesOrPays reports whether t, a number in text after the word prev, is
// the day of a date ("Saturday 14 June"), a time of day ("at 9:30") or a
// sum of money ("£25"): it counts nothing, as the matcher's count mark
// says.
func datesOrPays(text string, t english.Token, prev string) bool {
	return english.InDayOfMonth(text, t, prev) || english.InClockTime(text, t) || english.InAmount(text, t)
}

func isCountWord(t english.Token) bool {
	return t.Digit || english.Lookup(t.Word)&english.Number != 0
}

package english

import (
	"slices"
	"strings"
)

// Class is what general English says of a word, as bits: the kinds of
// answer it points to (a month is a date, "mr" a person) and the roles it
// plays (a stop word, a pronoun, a preposition that may introduce a place).
type Class uint16

const (
	Date             Class = 1 << iota // a month, weekday or other word of time ("may" is not: it is mostly the verb)
	Number                             // a number word ("twelve", "dozen")
	Money                              // a word of money ("price", "euros")
	Person                             // a title or word for a person ("mr", "minister", "she")
	Reason                             // a word of cause ("because", "due")
	Place                              // a word for a place ("city", "river", "kitchen")
	Percent                            // "percent", "percentage"
	Stop                               // a stop word (see IsStop)
	Anaphor                            // a pronoun or "this/these" that stands for something said before
	PlacePreposition                   // a preposition that may introduce a place ("in", "near")
	Duration                           // a unit of time ("hours", "weeks")
	Distance                           // a unit of length ("km", "miles")
	Clock                              // a time of day ("noon", "7am")
	Temperature                        // a unit of temperature ("celsius", "degrees")
	Measure                            // a unit of weight or volume ("g", "litres", "cups")
)

// Units are the classes of units that, with a number, make a measured
// answer: "how long" wants a Duration or Distance, "how far" a Distance.
const Units = Duration | Distance | Clock | Temperature | Measure

// Kinds are the classes that say what kind of answer a word points to.
const Kinds = Date | Number | Money | Person | Reason | Place | Percent | Units

// Lookup returns w's classes (w in lower case); 0 for a word no list holds.
// A number written with "am" or "pm" ("7am") is a time of day.
func Lookup(w string) Class {
	if c, ok := classes[w]; ok {
		return c
	}
	if n := len(w); n > 2 && w[0] >= '0' && w[0] <= '9' && (w[n-2:] == "am" || w[n-2:] == "pm") {
		return Clock
	}
	return 0
}

// InClockTime reports whether t, a number in text, is the hours or the
// minutes of a time written with a colon ("09:45", "at 7:30", "15:30"): up
// to two digits of hours no more than 24, a colon, two digits of minutes
// under 60. Ratios ("1:2:2") and scores ("3:1") have one digit after the
// colon and are not times.
func InClockTime(text string, t Token) bool {
	if t.End < len(text) && text[t.End] == ':' {
		return isHours(t.Word) && isMinutes(text, t.End+1)
	}
	if t.Start >= 2 && text[t.Start-1] == ':' && isMinutes(text, t.Start) {
		h := t.Start - 1
		for h > 0 && h > t.Start-4 && isDigit(text[h-1]) {
			h--
		}
		return isHours(text[h : t.Start-1])
	}
	return false
}

// InDayOfMonth reports whether t, a number in text, is the day of a date
// written with its month: "April 19, 1995", "19 April", "on the 6th of
// May". prev is the word before t ("" at the start). Such a number dates
// something and counts nothing.
func InDayOfMonth(text string, t Token, prev string) bool {
	day := strings.TrimRight(t.Word, "stndrh")
	if len(day) > 2 || len(t.Word)-len(day) > 2 || !isDigit(day[0]) ||
		len(day) == 2 && (!isDigit(day[1]) || (day[0]-'0')*10+day[1]-'0' > 31) || day == "0" {
		return false
	}
	if isMonthName(prev) {
		return true
	}
	next := strings.TrimLeft(text[t.End:], " ")
	if after, ok := strings.CutPrefix(next, "of "); ok {
		next = after
	}
	n := 0
	for n < len(next) && n < 10 && (next[n] >= 'a' && next[n] <= 'z' || next[n] >= 'A' && next[n] <= 'Z') {
		n++
	}
	return isMonthName(strings.ToLower(next[:n]))
}

// InAmount reports whether t, a number in text, is a sum of money: a
// currency sign before it ("£25", "$ 4.50", "€1,000"). It counts no
// things: "how many dogs can we bring?" is not answered by "a fee of £25
// per dog". (A share is kept: "3% of the surveyed audience" answers "how
// many of the respondents".)
func InAmount(text string, t Token) bool {
	before := strings.TrimSuffix(text[:t.Start], " ")
	for _, sign := range [...]string{"£", "$", "€", "¥"} {
		if strings.HasSuffix(before, sign) {
			return true
		}
	}
	return false
}

// IsCalendarWord reports whether w (lower case) names a month (not "may",
// mostly the verb) or a day of the week: a word that dates something,
// where "until", "late" or "weeks" only speak of time.
func IsCalendarWord(w string) bool {
	return w != "may" && isMonthName(w) || weekdayWords[w]
}

// weekdayWords are the weekdays (weekdays) and their plurals.
var weekdayWords = func() map[string]bool {
	m := make(map[string]bool, 2*len(weekdays))
	for _, d := range weekdays {
		m[d], m[d+"s"] = true, true
	}
	return m
}()

// IsMonth reports whether w (lower case) names a month; not "may",
// which is more often the verb.
func IsMonth(w string) bool { return w != "may" && isMonthName(w) }

// isMonthName reports whether w (lower case) names a month, "may" too.
func isMonthName(w string) bool { return len(w) >= 3 && monthWords[w] }

// isHours: one or two digits, at most 24.
func isHours(w string) bool {
	switch len(w) {
	case 1:
		return isDigit(w[0])
	case 2:
		// Up to 59: "33:50", a point in a recording (minutes and
		// seconds), is a time as much as "15:30" is.
		return isDigit(w[0]) && isDigit(w[1]) && (w[0]-'0')*10+w[1]-'0' < 60
	}
	return false
}

// isMinutes: two digits under 60 at text[i:], no third digit after them.
func isMinutes(text string, i int) bool {
	return i+2 <= len(text) && text[i] >= '0' && text[i] <= '5' && isDigit(text[i+1]) &&
		(i+2 == len(text) || !isDigit(text[i+2]))
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// LookupLower is Lookup for a word in upper or lower case, lowered on the
// stack: scanning a text for names looks up only its capitalised words,
// without tokenizing the rest.
func LookupLower(w string) Class {
	var arr [24]byte
	if len(w) > len(arr) {
		return 0
	}
	b := arr[:len(w)]
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return classes[string(b)]
}

// classes merges the word lists into one map: indexing a book looks up
// every token, and one lookup is much cheaper than ten.
var classes = func() map[string]Class {
	m := map[string]Class{}
	set := func(words map[string]bool, c Class) {
		for w := range words {
			m[w] |= c
		}
	}
	set(monthWords, Date)
	set(dateWords, Date)
	set(numberWords, Number)
	set(moneyWords, Money)
	set(personWords, Person)
	set(reasonWords, Reason)
	set(placeWords, Place)
	set(setOf("percent", "percentage"), Percent)
	set(stopWords, Stop)
	set(anaphors, Anaphor)
	set(placePrepositions, PlacePreposition)
	set(durationWords, Duration)
	set(distanceWords, Distance)
	set(clockWords, Clock)
	set(temperatureWords, Temperature)
	set(measureWords, Measure)
	m["may"] &^= Date // the month, but far more often the verb
	return m
}()

// IsTitleTimeOrNumber reports whether w is a title or word for a person, a
// month, a word of time or a number word: words too general to stand for
// what a text is about.
func IsTitleTimeOrNumber(w string) bool {
	return personWords[w] || monthWords[w] || dateWords[w] || numberWords[w]
}

// IsYear reports whether w, a token, reads as a year ("1990", "1990s").
func IsYear(w string) bool {
	if len(w) == 5 && w[4] == 's' {
		w = w[:4] // "1990s"
	}
	if len(w) != 4 {
		return false
	}
	for i := 0; i < 4; i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return w[0] == '1' || w[0] == '2' && w[1] == '0'
}

var anaphors = setOf("he", "she", "it", "they", "this", "these", "those", "that", "his", "her",
	"its", "their", "such", "there", "here", "both", "then", "thus", "however", "also")

var monthWords = setOf("january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december", "jan", "feb", "mar", "apr",
	"jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")

var dateWords = setOf("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", "mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays",
	"weekend", "weekends", "weekday", "weekdays", "today", "yesterday", "tomorrow", "year", "years", "century", "centuries",
	"decade", "decades", "ago", "spring", "summer", "autumn", "winter", "morning", "evening",
	"night", "week", "weeks", "month", "months", "day", "days", "era", "period", "age",
	"bc", "ad", "bce", "ce", "early", "late", "since", "until", "when", "dynasty", "fall")

var durationWords = setOf("second", "seconds", "minute", "minutes", "min", "mins", "hour",
	"hours", "hr", "hrs", "day", "days", "week", "weeks", "fortnight", "fortnights", "month",
	"months", "year", "years", "decade", "decades", "century", "centuries", "night", "nights")

var distanceWords = setOf("km", "kms", "kilometre", "kilometres", "kilometer", "kilometers",
	"mile", "miles", "mi", "metre", "metres", "meter", "meters", "cm", "mm", "centimetres",
	"centimeters", "millimetres", "millimeters", "foot", "feet", "ft", "yard", "yards", "inch",
	"inches", "nautical")

var clockWords = setOf("am", "pm", "noon", "midday", "midnight", "oclock", "o'clock")

var temperatureWords = setOf("celsius", "centigrade", "fahrenheit", "degree", "degrees", "°c", "°f")

var measureWords = setOf("g", "gram", "grams", "kg", "kilo", "kilos", "kilogram", "kilograms",
	"mg", "ml", "millilitre", "millilitres", "milliliter", "milliliters", "l", "litre", "litres",
	"liter", "liters", "cup", "cups", "teaspoon", "teaspoons", "tsp", "tablespoon",
	"tablespoons", "tbsp", "oz", "ounce", "ounces", "lb", "lbs", "pint", "pints", "gallon",
	"gallons", "tonne", "tonnes", "ton", "tons")

// IsNumeral reports whether w, in lower case, numbers something in a
// heading: digits, a Roman numeral ("xiii"), a number word ("one") or an
// ordinal up to twelfth ("first").
func IsNumeral(w string) bool {
	if w == "" {
		return false
	}
	if strings.Trim(w, "0123456789") == "" || len(w) <= 8 && strings.Trim(w, "ivxlcdm") == "" {
		return true
	}
	_, ok := numberValues[w]
	return ok || headingOrdinals[w]
}

var headingOrdinals = setOf("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
	"tenth", "eleventh", "twelfth")

// NumberWord returns the value of a number written as a word ("seven",
// "twenty", "dozen"), and whether w is one.
func NumberWord(w string) (int, bool) {
	v, ok := numberValues[w]
	return v, ok
}

// NumberName returns the word English writes the number v with, from two
// to ninety ("five", "twelve", "forty"), or "" for other numbers: "one"
// is as often a pronoun, and "dozen" or "hundred" are not how a number
// is spelt out.
func NumberName(v int) string { return numberNames[v] }

var numberNames = func() map[int]string {
	m := make(map[int]string, len(numberValues))
	for w, v := range numberValues {
		if v >= 2 && v <= 90 && w != "dozen" {
			m[v] = w
		}
	}
	return m
}()

var numberValues = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
	"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
	"hundred": 100, "thousand": 1000, "dozen": 12}

var numberWords = setOf("one", "two", "three", "four", "five", "six", "seven", "eight",
	"nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
	"seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty",
	"seventy", "eighty", "ninety", "hundred", "hundreds", "thousand", "thousands", "million",
	"millions", "billion", "billions", "trillion", "dozen", "dozens", "half", "quarter",
	"several", "single", "double", "twice", "triple", "first", "second", "third")

var moneyWords = setOf("dollar", "dollars", "usd", "cents", "pound", "pounds", "euro",
	"euros", "yen", "price", "cost", "costs", "paid", "pay", "worth", "budget", "revenue",
	"fund", "funds", "funding", "salary", "fee", "fees")

var personWords = setOf("mr", "mrs", "ms", "dr", "president", "secretary", "minister",
	"king", "queen", "prince", "princess", "emperor", "pope", "chief", "director", "leader",
	"spokesman", "spokeswoman", "spokesperson", "adviser", "advisor", "ambassador",
	"senator", "governor", "general", "captain", "professor", "author", "founder", "he",
	"she", "his", "her", "him", "who", "whom", "man", "woman", "son", "daughter", "father",
	"mother", "wife", "husband", "brother", "sister", "monsieur", "madame", "mademoiselle",
	"sir", "lady", "lord", "count", "countess", "baron", "baroness", "duke", "duchess", "saint",
	"miss", "mrs", "uncle", "aunt", "colonel", "major", "lieutenant", "sergeant", "doctor")

var reasonWords = setOf("because", "due", "since", "reason", "reasons", "so", "therefore",
	"result", "order", "cause", "caused", "causes", "led", "lead", "thanks", "owing", "why",
	"purpose", "aim", "goal")

var placePrepositions = setOf("in", "at", "from", "near", "to", "into", "across",
	"outside", "inside", "throughout", "between", "toward", "towards", "where")

var placeWords = setOf("city", "country", "state", "town", "village", "capital", "region",
	"province", "county", "island", "river", "mountain", "north", "south", "east", "west",
	"northern", "southern", "eastern", "western", "street", "building", "located", "kitchen",
	"bedroom", "bathroom", "garden", "hallway", "office")

// weekdays and months are closed classes in order: a question about one
// member ("open on Mondays?") is answered by a text giving others
// ("open Wednesday to Sunday").
var (
	weekdays = []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
	// The parts of the week, with the days each holds and the other part:
	// "open on weekdays?" against "open Monday to Friday" or "at weekends".
	weekParts = map[string][]string{
		"weekday": {"monday", "tuesday", "wednesday", "thursday", "friday", "weekend"},
		"weekend": {"saturday", "sunday", "weekday"},
	}
	monthNames = []string{"january", "february", "march", "april", "may", "june", "july", "august",
		"september", "october", "november", "december"}
	seasons = []string{"spring", "summer", "autumn", "winter"} // not "fall": mostly the verb
)

// SameClass reports whether a and b are two members of one closed class:
// two days or parts of the week ("mondays", "weekend"), two months, two
// seasons. A follow-up naming b ("what about saturdays?") asks of it in
// a's place.
func SameClass(a, b string) bool {
	ca, cb := classOf(a), classOf(b)
	return ca != 0 && ca == cb && strings.TrimSuffix(a, "s") != strings.TrimSuffix(b, "s")
}

// classOf numbers w's closed class: 1 the week, 2 months, 3 seasons; 0
// none.
func classOf(w string) int {
	one := strings.TrimSuffix(w, "s")
	if weekParts[one] != nil || slices.Contains(weekdays, one) {
		return 1
	}
	if slices.Contains(monthNames, w) {
		return 2
	}
	if slices.Contains(seasons, w) || slices.Contains(seasons, one) {
		return 3
	}
	return 0
}

// DecadeYears returns the years of the decade w names, "1960" to "1969"
// for "1960s"; nil for any other word. "What did she get in the 1960s?" is
// answered by "In 1963 she was diagnosed…". ("The 60s" names no century
// and is left alone.)
func DecadeYears(w string) []string {
	if len(w) != 5 || w[4] != 's' || w[3] != '0' || !isDigit(w[0]) || !isDigit(w[1]) || !isDigit(w[2]) {
		return nil
	}
	out := make([]string, 10)
	for i := range out {
		out[i] = w[:3] + string(rune('0'+i))
	}
	return out
}

// Siblings returns the other members of the closed class w belongs to,
// written in full: the other days for "monday" or "mondays", the other
// months for "june", the other seasons for "winter"; for "weekdays" or
// "weekend", the days it holds and the other part of the week; nil for
// any other word. ("may" is a month only here,
// where a question has named it beside nothing the text holds.)
func Siblings(w string) []string {
	if part := weekParts[strings.TrimSuffix(w, "s")]; part != nil {
		return part
	}
	for _, class := range [][]string{weekdays, monthNames, seasons} {
		for _, x := range class {
			if w == x || w == x+"s" {
				out := make([]string, 0, len(class)-1)
				for _, y := range class {
					if y != x {
						out = append(out, y)
					}
				}
				return out
			}
		}
	}
	return nil
}

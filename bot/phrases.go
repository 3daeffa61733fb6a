package bot

import (
	"strings"
	"unicode/utf8"

	"github.com/storybot/storybot/english"
)

// span is a phrase found in a sentence, by token indexes [a, b), with the
// kind it is and, for numbers, the kind of unit that follows.
type span struct {
	a, b int
	kind want // wantDate, wantCount (a bare number), wantMoney, wantPercent, wantDuration, wantDistance, wantMeasure, wantAge
	num  int  // for a number with a unit or marker: the tokens [a, a+num) are the number itself
}

// phrasesOf finds the phrases of the kind w in a sentence.
// With year, a date answers with its year alone.
func phrasesOf(text string, ts []tok, w want, question string) []phrase {
	year, century := asksYear(question), strings.Contains(strings.ToLower(question), "century")
	var out []phrase
	add := func(a, b int) {
		if year && w == wantDate && b-a > 1 && ts[b-1].Digit && english.IsYear(ts[b-1].Word) {
			a = b - 1
		}
		if century && w == wantDate && b-a > 1 && (ts[b-1].Word == "century" || ts[b-1].Word == "centuries") {
			b-- // "In what century…": "19th"
		}
		if (year || century) && w == wantDate && b-a > 1 && eraModifiers[ts[a].Word] {
			a++ // "In what century…": "19th", not "late 19th"
		}
		start, end := ts[a].Start, ts[b-1].End
		start -= currencyBefore(text, start)
		end = unitEnd(text, end)
		end -= possessive(text[start:end])
		out = append(out, phrase{text: text[start:end], start: start, end: end, next: b})
	}
	if w == wantPerson || w == wantPlace {
		names, contested := namesOf(text, ts, w, question)
		for _, n := range names {
			add(n.a, n.b)
			out[len(out)-1].contested = contested
		}
		return out
	}
	for _, s := range spansOf(text, ts) {
		switch {
		case s.kind == w && w != wantAge, w == wantMeasure && s.kind != wantDate && s.kind != wantCount,
			w == wantDuration && s.kind == wantDistance,
			w == wantMoney && (s.kind == wantMeasure || s.kind == wantPercent || s.kind == wantDuration):
			add(s.a, s.b)
		case w == wantCount && s.kind != wantDate && s.kind != wantPercent && s.kind != wantMoney:
			add(s.a, s.a+s.num)
		case w == wantAge && s.kind == wantAge:
			add(s.a, s.a+s.num)
		}
	}
	return out
}

// unitEnd extends a number's end over a unit written against it: "%",
// "°C", "km".
func unitEnd(text string, end int) int {
	if strings.HasPrefix(text[end:], "%") {
		return end + 1
	}
	if t := strings.TrimLeft(text[end:], " "); strings.HasPrefix(t, "°") {
		end = len(text) - len(t) + len("°")
		for end < len(text) && (text[end] == 'C' || text[end] == 'F') {
			end++
		}
	}
	return end
}

// spansOf finds the dates and numbers of a sentence, left to right.
func spansOf(text string, ts []tok) []span {
	var out []span
	for i := 0; i < len(ts); {
		if s, ok := dateAt(text, ts, i); ok {
			out = append(out, s)
			i = s.b
			continue
		}
		if s, ok := numberAt(text, ts, i); ok {
			out = append(out, s)
			i = s.b
			continue
		}
		i++
	}
	return out
}

var months = map[string]bool{"january": true, "february": true, "march": true, "april": true, "may": true,
	"june": true, "july": true, "august": true, "september": true, "october": true, "november": true, "december": true}

// dateAt reads a date starting at token i: "26 May 1990", "May 26, 1990",
// "May 1990", "1990", "the 1990s", "the 19th century".
func dateAt(text string, ts []tok, i int) (span, bool) {
	t := ts[i]
	day := func(j int) bool {
		return j < len(ts) && ts[j].Digit && len(ts[j].Word) <= 4 && dayNumber(ts[j].Word)
	}
	month := func(j int) bool { return j < len(ts) && ts[j].Upper && months[ts[j].Word] }
	year := func(j int) bool { return j < len(ts) && ts[j].Digit && english.IsYear(ts[j].Word) }
	switch {
	case day(i) && month(i+1) && adjacent(text, ts, i, false):
		b := i + 2
		if year(b) && adjacent(text, ts, b-1, true) {
			b++
		}
		return span{a: i, b: b, kind: wantDate}, true
	case month(i) && (day(i+1) || year(i+1)) && adjacent(text, ts, i, false):
		b := i + 2
		if day(i+1) && year(b) && adjacent(text, ts, b-1, true) {
			b++
		}
		return span{a: i, b: b, kind: wantDate}, true
	case month(i) && (i > 0 || t.Word != "may" && t.Word != "march"):
		return dateRange(text, ts, i, i+1, month), true
	case year(i) && !countsThings(text, ts, i):
		return modified(text, ts, era(text, ts, i, yearRange(text, ts, i))), true
	case centuryAt(ts, i) > i:
		return modified(text, ts, era(text, ts, i, centuryAt(ts, i))), true
	case t.Upper && weekdays[t.Word]:
		return weekday(text, ts, i), true
	case seasons[t.Word] && i > 0 && seasonLeads[ts[i-1].Word]:
		// "next summer", "this autumn", "in the fall" (not the verb "fall").
		a, b := i-1, i+1
		switch {
		case year(b) && adjacent(text, ts, i, false):
			b = yearRange(text, ts, b) // "spring 2025"
		case b+1 < len(ts) && ts[b].Word == "of" && year(b+1):
			b = yearRange(text, ts, b+1) // "the winter of 1973–74"
		}
		return span{a: a, b: b, kind: wantDate}, true
	case t.Digit && (eraAt(text, ts, i+1) || isNumber(t) && timeAt(text, ts, i)):
		return timeOfDay(text, ts, i), true
	}
	return span{}, false
}

// centuryAt is the index after a century starting at ts[i] ("19th
// century", "first century", "10th and 11th centuries", "14th to 17th
// centuries"), or i when none starts there.
func centuryAt(ts []tok, i int) int {
	ord := func(j int) bool {
		return j < len(ts) && (ts[j].Digit && isOrdinal(ts[j].Word) || ordinalWords[ts[j].Word])
	}
	century := func(j int) bool { return j < len(ts) && (ts[j].Word == "century" || ts[j].Word == "centuries") }
	switch {
	case !ord(i):
		return i
	case century(i + 1):
		return i + 2
	case i+3 < len(ts) && (ts[i+1].Word == "and" || ts[i+1].Word == "to") && ord(i+2) && century(i+3):
		return i + 4
	}
	return i
}

var weekdays = setWords("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

// seasons are dates after a word that makes them one: "next summer", "in
// the fall", "this spring" (alone, "spring" and "fall" are as often verbs).
var (
	seasons     = setWords("spring", "summer", "autumn", "fall", "winter")
	seasonLeads = setWords("the", "this", "next", "last", "early", "late", "every")
)

var ordinalWords = setWords("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
	"tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
	"eighteenth", "nineteenth", "twentieth")

// yearRange is where a year starting at ts[i] ends: after a second year
// joined by a dash ("1979–1981", "1939-45") or by "to" or "until" ("1562
// to 1598").
func yearRange(text string, ts []tok, i int) int {
	if i+1 < len(ts) && ts[i+1].Digit && (english.IsYear(ts[i+1].Word) || len(ts[i+1].Word) == 2) {
		gap := text[ts[i].End:ts[i+1].Start]
		if gap == "-" || gap == "–" || gap == "—" {
			return i + 2
		}
	}
	if i+2 < len(ts) && (ts[i+1].Word == "to" || ts[i+1].Word == "until") && ts[i+2].Digit && english.IsYear(ts[i+2].Word) &&
		adjacent(text, ts, i, false) && adjacent(text, ts, i+1, false) {
		return i + 3
	}
	return i + 1
}

// modified extends a year's, decade's or century's span back over a word
// that places it within it: "the late 1960s", "early 1990", "mid-18th
// century".
func modified(text string, ts []tok, s span) span {
	if a := s.a - 1; a >= 0 && eraModifiers[ts[a].Word] {
		if gap := text[ts[a].End:ts[s.a].Start]; gap == " " || gap == "-" {
			s.a = a
		}
	}
	return s
}

var eraModifiers = setWords("early", "late", "mid")

// era extends a date ts[i:b] over an era written after it ("AD", "BC").
func era(text string, ts []tok, i, b int) span {
	if eraAt(text, ts, b) {
		b++
	}
	return span{a: i, b: b, kind: wantDate}
}

// eraAt reports whether ts[j] is an era ("BC", "AD", "BCE", "CE") just
// after the token before it.
func eraAt(text string, ts []tok, j int) bool {
	if j <= 0 || j >= len(ts) || !adjacent(text, ts, j-1, false) {
		return false
	}
	switch ts[j].raw {
	case "BC", "AD", "BCE", "CE":
		return true
	}
	return false
}

// weekday reads "Monday", "Monday, February 1, 2016" as one date.
func weekday(text string, ts []tok, i int) span {
	if i+1 < len(ts) && adjacent(text, ts, i, true) {
		if s, ok := dateAt(text, ts, i+1); ok && !weekdays[ts[i+1].Word] {
			return span{a: i, b: s.b, kind: wantDate}
		}
	}
	return span{a: i, b: i + 1, kind: wantDate}
}

// timeAt reports whether a time of day starts at ts[i]: "4:51", "2:30pm",
// "8 a.m.", "5 pm".
func timeAt(text string, ts []tok, i int) bool {
	if len(ts[i].Word) > 2 || i+1 >= len(ts) {
		return false
	}
	if text[ts[i].End:ts[i+1].Start] == ":" && ts[i+1].Digit && len(ts[i+1].Word) >= 2 {
		return true
	}
	return meridiem(text, ts, i+1) > i+1
}

// meridiem is the index after "a.m.", "pm" or "o'clock" starting at
// ts[j], or j when there is none.
func meridiem(text string, ts []tok, j int) int {
	if j >= len(ts) || !adjacent(text, ts, j-1, false) && text[ts[j-1].End:ts[j].Start] != "" {
		return j
	}
	switch ts[j].Word {
	case "am", "pm":
		return j + 1
	case "a", "p":
		if j+1 < len(ts) && ts[j+1].Word == "m" && text[ts[j].End:ts[j+1].Start] == "." {
			return j + 2
		}
	}
	return j
}

// timeOfDay reads a time of day or a year with its era starting at ts[i]:
// "2:30pm", "8 a.m.", "800 CE".
func timeOfDay(text string, ts []tok, i int) span {
	if eraAt(text, ts, i+1) {
		return span{a: i, b: i + 2, kind: wantDate}
	}
	b := i + 1
	if text[ts[i].End:ts[b].Start] == ":" {
		b++
		if strings.HasSuffix(ts[b-1].Word, "am") || strings.HasSuffix(ts[b-1].Word, "pm") {
			return span{a: i, b: b, kind: wantDate}
		}
	}
	return span{a: i, b: meridiem(text, ts, b), kind: wantDate}
}

// dateRange extends a date ts[a:b] over "to" or a dash and another that
// month reads: "from May to September" is one answer.
func dateRange(text string, ts []tok, a, b int, month func(int) bool) span {
	if b+1 < len(ts) && month(b+1) && adjacent(text, ts, b-1, false) && adjacent(text, ts, b, false) &&
		(ts[b].Word == "to" || ts[b].Word == "until") {
		b += 2
	} else if month(b) && strings.Trim(text[ts[b-1].End:ts[b].Start], " -–") == "" && strings.ContainsAny(text[ts[b-1].End:ts[b].Start], "-–") {
		b++
	}
	return span{a: a, b: b, kind: wantDate}
}

func dayNumber(w string) bool {
	w = strings.TrimRight(w, "stndrh")
	n := 0
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
		n = n*10 + int(r-'0')
	}
	return n >= 1 && n <= 31
}

// isOrdinal reports whether w is an ordinal in digits ("21st", "6th").
func isOrdinal(w string) bool {
	return w != "" && w[0] >= '0' && w[0] <= '9' && english.IsOrdinal(w)
}

// countsThings reports whether a number that could be a year counts
// what follows it instead: "1500 soldiers".
// A year is read before a singular noun ("the 1979 oil crisis", "Luther's
// 1538 hymnic version") and after a preposition of time ("in 1851 gold
// was found").
func countsThings(text string, ts []tok, i int) bool {
	if !adjacent(text, ts, i, false) || strings.HasSuffix(ts[i].Word, "s") {
		return false
	}
	if i > 0 && yearPrepositions[ts[i-1].Word] {
		return false
	}
	n := ts[i+1]
	return !n.Upper && !n.Digit && !english.IsStop(n.Word) && english.Lookup(n.Word)&english.Date == 0 && plural(n.Word)
}

var yearPrepositions = setWords("in", "since", "until", "till", "from", "during", "before", "after", "by", "circa")

// plural reports whether a word looks like a plural noun: "soldiers",
// "people", not "passage" or "oil".
func plural(w string) bool {
	if irregularPlurals[w] {
		return true
	}
	return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is")
}

var irregularPlurals = setWords("people", "men", "women", "children", "feet", "teeth", "mice", "geese", "cattle", "sheep", "fish", "deer", "staff", "personnel", "troops", "police")

var scales = map[string]bool{"hundred": true, "thousand": true, "million": true, "billion": true, "trillion": true}

// Units by the kind of measure they make.
var (
	timeUnits = setWords("second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
		"month", "months", "year", "years", "decade", "decades", "century", "centuries", "millennia", "fortnight")
	lengthUnits = setWords("mm", "cm", "m", "km", "metre", "metres", "meter", "meters", "kilometre", "kilometres",
		"kilometer", "kilometers", "mile", "miles", "foot", "feet", "ft", "inch", "inches", "yard", "yards", "mi")
	otherUnits = setWords("g", "kg", "gram", "grams", "kilogram", "kilograms", "tonne", "tonnes", "ton", "tons",
		"pound", "pounds", "lb", "lbs", "ounce", "ounces", "oz", "litre", "litres", "liter", "liters", "ml",
		"mph", "acres", "acre", "hectares", "hectare", "m2", "km2", "sq", "square", "degrees", "mw", "gw", "kw", "watts", "volts")
	moneyUnits = setWords("dollars", "dollar", "euros", "euro", "yen", "cents", "pence", "usd", "francs", "marks", "rupees", "pesos")
)

func setWords(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// isNumber reports whether token t is a number: digits (not an ordinal) or
// a number word.
func isNumber(t tok) bool {
	if t.Digit {
		return !isOrdinal(t.Word) && strings.TrimLeft(t.Word, "0123456789.,") == ""
	}
	_, word := english.NumberWord(t.Word)
	return word && (!t.Upper || t.Start == 0) // "Seven people died", not "Seven Dials"
}

// numberAt reads a number starting at token i, with its scale ("2.5
// million"), a range ("four to six"), and what marks it: a currency, a
// percent sign, a unit.
func numberAt(text string, ts []tok, i int) (span, bool) {
	if !isNumber(ts[i]) || ts[i].Word == "one" && (i+1 < len(ts) && ts[i+1].Word == "of" || i > 0 && ts[i-1].Word == "the") {
		return span{}, false
	}
	j := scaled(text, ts, i+1)
	if j+1 < len(ts) && isNumber(ts[j+1]) && (ts[j].Word == "to" || ts[j].Word == "or") && adjacent(text, ts, j-1, false) && adjacent(text, ts, j, false) {
		j = scaled(text, ts, j+2)
	} else if j < len(ts) && isNumber(ts[j]) && strings.TrimSpace(text[ts[j-1].End:ts[j].Start]) != "" &&
		strings.Trim(text[ts[j-1].End:ts[j].Start], "-–") == "" {
		j = scaled(text, ts, j+1)
	}
	s := span{a: i, b: j, num: j - i, kind: wantCount}
	s.kind, s.b = marked(text, ts, i, j)
	return s, true
}

// scaled skips the scale words after a number: "million", "hundred".
func scaled(text string, ts []tok, j int) int {
	for j < len(ts) && scales[ts[j].Word] && adjacent(text, ts, j-1, false) {
		j++
	}
	return j
}

// marked reads what marks the number ts[i:j]: its kind, and where the
// phrase ends (after a unit word).
func marked(text string, ts []tok, i, j int) (want, int) {
	if currencyBefore(text, ts[i].Start) > 0 {
		return wantMoney, j
	}
	end := ts[j-1].End
	if strings.HasPrefix(text[end:], "%") {
		return wantPercent, j
	}
	if strings.HasPrefix(strings.TrimLeft(text[end:], " "), "°") {
		return wantMeasure, j
	}
	if i > 0 && (ts[i-1].Word == "aged" || ts[i-1].Word == "age") || i > 1 && ts[i-1].Word == "of" && ts[i-2].Word == "age" {
		return wantAge, j // "aged 84", "at age 38", "at the age of 38"
	}
	if j >= len(ts) || !adjacent(text, ts, j-1, false) && text[ts[j-1].End:ts[j].Start] != "-" {
		return wantCount, j // "-": "an eight-year term"
	}
	next := ts[j].Word
	switch {
	case next == "percent" || next == "per" && j+1 < len(ts) && ts[j+1].Word == "cent":
		return wantPercent, j + 1 + b2i(next == "per")
	case moneyUnits[next]:
		return wantMoney, j + 1
	case timeUnits[next] && j+1 < len(ts) && ts[j+1].Word == "ago":
		return wantDate, j + 2 // "3.5 billion years ago"
	case timeUnits[next] && j+1 < len(ts) && ts[j+1].Word == "old":
		return wantAge, j + 2
	case timeUnits[next] && j+2 < len(ts) && ts[j+1].Word == "of" && ts[j+2].Word == "age":
		return wantAge, j + 3
	case timeUnits[next]:
		return wantDuration, j + 1
	case lengthUnits[next]:
		return wantDistance, j + 1
	case otherUnits[next]:
		return wantMeasure, j + 1
	}
	return wantCount, j
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// name is a run of capitalised words, by token indexes [a, b).
type name struct{ a, b int }

// namesOf finds the name of a person (w == wantPerson) or a place in a
// sentence that names nothing else the question does not: runs of
// capitalised words that are not months or titles, nor a common word
// opening the sentence ("Notably, …"). A place is named after a
// preposition of place ("in Graz", "near the Danube"); a person by
// two or more words, none of them a word for a thing or an organisation.
// Any other name makes a place a guess, and a person contested (see
// beside), except, for a person, an acronym, a place or one common English
// word ("the NFL", "in Warsaw", "Grammy").
func namesOf(text string, ts []tok, w want, question string) (names []name, contested bool) {
	var out []name
	others := 0
	for i := 0; i < len(ts); {
		if !ts[i].Upper || i == 0 && english.Lookup(ts[i].Word)&english.Stop != 0 || months[ts[i].Word] ||
			interjections[ts[i].Word] && nameRun(text, ts, i) == i+1 ||
			i == 0 && nameRun(text, ts, 0) == 1 && english.IsDictionaryWord(ts[i].Word) && openingWord(text, ts) ||
			english.Lookup(ts[i].Word)&english.Kinds != 0 {
			i++
			continue
		}
		j := nameRun(text, ts, i)
		n := name{i, j}
		if w == wantPerson && i > 0 && ts[i-1].Upper && nameTitles[ts[i-1].Word] && adjacent(text, ts, i-1, false) {
			n.a = i - 1 // "Queen Elizabeth II", "Sir Isaac Newton": the title is part of the name
		}
		// "the Recreation Ground", "the Host Committee": not a person.
		thing := thingName(ts[i:j]) || i > 0 && ts[i-1].Word == "the"
		switch {
		case namedIn(question, ts[i:j]):
		case w == wantPlace && (afterPlacePreposition(ts, i) || i > 1 && ts[i-1].Word == "the" && afterPlacePreposition(ts, i-1)) &&
			!thingName(ts[i:j]):
			out = append(out, n)
		case w == wantPerson && !thing && (j-i >= 2 || i == 0 && !english.IsDictionaryWord(ts[i].Word)):
			out = append(out, n) // "Marlee Matlin", or "Kowalski" opening the sentence
		case w == wantPerson && (acronym(ts[i:j]) || afterPlacePreposition(ts, i) ||
			j-i == 1 && english.IsDictionaryWord(ts[i].Word) && !afterTitle(ts, i)):
			// "the NFL's MVP", "in Warsaw", "a Grammy winner": no person.
		case w == wantPlace || !thing:
			others++
		}
		i = j
	}
	if others > 0 && w == wantPlace {
		return nil, false
	}
	return out, others > 0
}

// interjections open speech ("“Ah, Jane, I take your place now…”") and
// are never a name by themselves.
var interjections = map[string]bool{"ah": true, "aha": true, "oh": true, "ooh": true, "eh": true, "ha": true,
	"hey": true, "hi": true, "hello": true, "alas": true, "hmm": true, "um": true, "uh": true, "wow": true,
	"yes": true, "no": true, "well": true, "o": true, "pooh": true, "bah": true, "hush": true, "nay": true, "yea": true}

// nameRun is where the name starting at ts[i] ends: over capitalised
// words next to each other, initials ("John G. Trump"), hyphens
// ("Burne-Jones") and the particles of names ("Paul von Lettow").
func nameRun(text string, ts []tok, i int) int {
	j := i + 1
	for j < len(ts) {
		gap := text[ts[j-1].End:ts[j].Start]
		switch {
		case ts[j].Upper && !months[ts[j].Word] && (strings.TrimSpace(gap) == "" && gap != "" || gap == "-" ||
			gap == ". " && len(ts[j-1].raw) == 1):
			j++
		case nameParticles[ts[j].Word] && !ts[j].Upper && j+1 < len(ts) && ts[j+1].Upper &&
			adjacent(text, ts, j-1, false) && adjacent(text, ts, j, false):
			j += 2
		default:
			return j
		}
	}
	return j
}

// nameTitles are titles written as part of a person's name.
var nameTitles = setWords("sir", "dame", "queen", "king", "pope", "saint", "prince", "princess", "emperor", "empress")

var nameParticles = setWords("von", "van", "de", "der", "den", "da", "di", "del", "du", "la", "le", "bin", "ibn", "al")

// afterPlacePreposition reports whether ts[i] follows a preposition that
// may introduce a place ("in", "near").
func afterPlacePreposition(ts []tok, i int) bool {
	return i > 0 && english.Lookup(ts[i-1].Word)&english.PlacePreposition != 0
}

// afterTitle reports whether ts[i] follows a title ("Lady Gaga", "King
// John"): a person's name even when it is also a word.
func afterTitle(ts []tok, i int) bool {
	return i > 0 && ts[i-1].Upper && english.IsTitle(ts[i-1].Word)
}

// acronym reports whether a name is one word in capitals ("NFL", "CEO").
func acronym(ts []tok) bool {
	return len(ts) == 1 && len(ts[0].raw) > 1 && strings.ToUpper(ts[0].raw) == ts[0].raw
}

// namedIn reports whether the question names any word of the name.
func namedIn(question string, ts []tok) bool {
	q := strings.ToLower(question)
	for _, t := range ts {
		if len(t.Word) > 2 && strings.Contains(q, t.Word) {
			return true
		}
	}
	return false
}

// thingName reports whether a name holds a word for a place, a thing or
// an organisation ("Santa Clara Convention Center", "National Football
// League"), so names no person, and no place a "where" answers with.
func thingName(ts []tok) bool {
	for _, t := range ts {
		if english.Lookup(t.Word)&(english.Place|english.Money|english.Date) != 0 || thingWords[t.Word] {
			return true
		}
	}
	return false
}

var thingWords = setWords("league", "trophy", "bowl", "committee", "center", "centre", "university", "college",
	"school", "company", "corporation", "inc", "co", "ltd", "stadium", "church", "party", "council", "association",
	"service", "award", "prize", "act", "war", "empire", "kingdom", "republic", "museum", "institute", "society",
	"club", "team", "army", "navy", "force", "group", "bank", "hotel", "hospital", "station", "airport", "park",
	"theatre", "theater", "palace", "cathedral", "temple", "bridge", "conference", "championship", "cup",
	"series", "network", "news", "times", "journal", "press", "records", "studios", "foundation", "agency",
	"department", "ministry", "office", "court", "parliament", "congress", "senate", "house", "treaty", "day",
	"government", "united", "states",
	"american", "english", "french", "german", "british", "european", "christian", "catholic", "protestant")

// possessive is the length of a possessive ending ("'s") of a phrase:
// "2008's storm" answers "2008".
func possessive(p string) int {
	for _, e := range []string{"'s", "’s", "s'"} {
		if strings.HasSuffix(p, e) && len(p) > len(e) {
			if e == "s'" {
				return len("'")
			}
			return len(e)
		}
	}
	return 0
}

// currencyBefore is the length in bytes of a currency sign just before
// byte i of text ("$", "£"), or 0.
func currencyBefore(text string, i int) int {
	r, n := utf8.DecodeLastRuneInString(text[:i])
	switch r {
	case '$', '£', '€', '¥':
		return n
	}
	return 0
}

// openingWord reports whether the sentence's first word, a common English
// word, opens it as an adverb or a clause does ("Notably, …",
// "Following…") rather than naming someone ("Newton was sacked…").
func openingWord(text string, ts []tok) bool {
	w := ts[0].Word
	return strings.HasPrefix(text[ts[0].End:], ",") || strings.HasSuffix(w, "ly") || strings.HasSuffix(w, "ing") ||
		len(ts) > 1 && ts[1].Upper
}

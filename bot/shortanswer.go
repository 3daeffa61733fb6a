package bot

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storybot/storybot/english"
	"github.com/storybot/storybot/match"
)

// ShortAnswer is the phrase of the cited sentence that answers the
// question outright ("26 weeks"), shown in bold before the quote. Start
// and End are byte offsets in the document, inside the cited sentence.
type ShortAnswer struct {
	Text  string `json:"text"`
	Doc   string `json:"doc"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	// Kind is the kind of phrase: "date", "number", "money", "percent",
	// "duration", "distance", "measure", "age", "person" or "place".
	Kind string `json:"-"`
}

// maxShortSentence bounds, in bytes, the sentences searched for a short
// answer: a "sentence" of a document without full stops can be megabytes
// long, and what it holds is no one phrase anyway.
const maxShortSentence = 4 * MaxQuote

// want is the kind of phrase a question asks for.
type want uint8

const (
	wantNone want = iota
	wantDate
	wantCount
	wantMoney
	wantPercent
	wantDuration
	wantDistance
	wantMeasure // a number with any unit ("how big", "what temperature")
	wantAge
	wantPerson
	wantPlace
)

var wantNames = [...]string{"", "date", "number", "money", "percent", "duration", "distance", "measure", "age", "person", "place"}

// shortAnswer finds the one phrase of the cited sentence c that answers
// question, or nil: when the question does not ask for a date, number,
// amount, duration, distance, age, person or place, or the sentence holds
// none or more than one phrase of that kind beyond those the question
// itself gives. A wrong bold answer is worse than none.
func shortAnswer(question string, qt match.QType, c Citation) *ShortAnswer {
	w := askedFor(question, qt)
	if w == wantNone || len(c.Text) > maxShortSentence {
		return nil
	}
	toks := tokens(c.Text)
	var found []phrase
	for _, p := range phrasesOf(c.Text, toks, w, question) {
		if !inQuestion(question, p.text) && !seen(found, p) {
			found = append(found, p)
		}
	}
	if w == wantCount {
		found = counting(found, toks, question)
	}
	if len(found) > 0 && found[0].contested {
		found = beside(found, toks, question)
	}
	if len(found) > 1 && !listed(found, toks) {
		near, tied := nearest(found, toks, question, w)
		if near == nil {
			near = mostAround(found, toks, question, tied)
		}
		found = near
	}
	if len(found) != 1 {
		return nil
	}
	p := found[0]
	return &ShortAnswer{Text: p.text, Doc: c.Doc, Start: c.Start + p.start, End: c.Start + p.end, Kind: wantNames[w]}
}

// asksWhoIs reports whether the question asks who a named person is,
// and no more ("who is John Bolton?", "who was Ada Whitlow"): what they
// are, which another name in the sentence does not say. ("Who is the
// minister?" and "who was Ada married to?" ask for a name.) The question's names are capitalised as the
// documents write them (withNames).
func asksWhoIs(question string) bool {
	f := strings.Fields(question)
	if len(f) < 3 || !strings.EqualFold(f[0], "who") {
		return false
	}
	switch strings.ToLower(f[1]) {
	case "is", "was", "are", "were":
	default:
		return false
	}
	for _, w := range f[2:] {
		w = strings.TrimRight(w, "?!.")
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) || strings.ContainsAny(w, "'’") {
			return false // "who was Genghis Khan's son", "who was Ada married to"
		}
	}
	return true
}

// askedFor reads what kind of phrase the question asks for: the matcher's
// question type, refined by the words after "how" and "what".
func askedFor(question string, qt match.QType) want {
	words := strings.Fields(strings.ToLower(strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return ' '
	}, question)))
	for i, w := range words {
		next := ""
		if i+1 < len(words) {
			next = words[i+1]
		}
		switch {
		case w == "how":
			if next == "much" && i+2 < len(words) && timeUnits[words[i+2]] || next == "much" && i+2 < len(words) && words[i+2] == "time" {
				return wantDuration
			}
			if k, ok := howWants[next]; ok {
				return k
			}
		case (w == "what" || w == "which") && i+1 < len(words):
			if k, ok := headWants(words[i+1:]); ok {
				return k
			}
		}
	}
	switch qt {
	case match.QDate:
		// "What year…" is read above; the matcher also reads "what …
		// month's …" as a date question.
		if slices.Contains(words, "when") {
			return wantDate
		}
		return wantNone
	case match.QNumber:
		// "what score", "how often": a number of a shape not read here.
		return wantNone
	case match.QMoney:
		return wantMoney
	case match.QPercent:
		return wantPercent
	case match.QPerson:
		return opens(words, "who", wantPerson)
	case match.QPlace:
		return opens(words, "where", wantPlace)
	}
	return wantNone
}

var howWants = map[string]want{
	"many": wantCount, "much": wantMoney, "long": wantDuration, "old": wantAge, "far": wantDistance,
	"big": wantMeasure, "large": wantMeasure, "tall": wantDistance, "high": wantDistance,
	"deep": wantDistance, "wide": wantDistance, "heavy": wantMeasure, "fast": wantMeasure,
}

// headWants reads "what year", "what percentage of", "what is the population".
func headWants(rest []string) (want, bool) {
	for j, w := range rest {
		if j > 3 {
			break
		}
		switch w {
		case "year", "years", "date", "century", "decade", "month", "day", "season":
			return wantDate, true
		case "percentage", "percent", "proportion":
			return wantPercent, true
		case "number", "population":
			return wantCount, true
		case "price", "cost", "salary", "budget", "revenue":
			return wantMoney, true
		case "age":
			return wantAge, true
		case "distance", "length", "height", "depth":
			return wantDistance, true
		case "temperature", "speed", "weight", "size", "area":
			return wantMeasure, true
		}
	}
	return wantNone, false
}

// inQuestion reports whether the question already gives the phrase.
func inQuestion(question, phrase string) bool {
	return strings.Contains(strings.ToLower(question), strings.ToLower(phrase))
}

// phrase is a candidate answer in a sentence, by byte offsets, and the
// index of the token after it.
type phrase struct {
	text       string
	start, end int
	next       int
	// contested: the sentence names someone else too ("Newton was sacked
	// by DeMarcus Ware").
	contested bool
}

// seen reports whether found already holds p's text: a year said twice is
// one answer.
func seen(found []phrase, p phrase) bool {
	for _, f := range found {
		if strings.EqualFold(f.text, p.text) {
			return true
		}
	}
	return false
}

// asksYear reports whether the question asks for a year ("what year",
// "in which year"), so a full date answers with its year.
func asksYear(question string) bool {
	q := strings.ToLower(question)
	return (strings.Contains(q, "what year") || strings.Contains(q, "which year")) &&
		!strings.Contains(q, "what years") && !strings.Contains(q, "which years") // "in what years…": a range
}

// counting keeps the numbers that count what the question counts: for
// "how many fumbles", the number just before "fumbles" ("two forced
// fumbles"). When none does, a number counting another noun written
// right after it may answer: "how many people" meets "1.7 million
// residents" (on SQuAD, 69 more answers, right 54 % of the time); a number
// counting nothing ("in two and…") was right 38 % of the time.
func counting(found []phrase, ts []tok, question string) []phrase {
	heads := countedNouns(question)
	if len(heads) == 0 {
		return found
	}
	var fit []phrase
	for _, p := range found {
		for k := p.next; k < len(ts) && k < p.next+3; k++ {
			if heads[english.Stem(ts[k].Word)] {
				fit = append(fit, p)
				break
			}
		}
	}
	if len(fit) == 0 {
		for _, p := range found {
			if countsNoun(ts, p) {
				fit = append(fit, p)
			}
		}
	}
	return fit
}

// countsNoun reports whether the number p is followed at once by a word
// that is no stop word: the thing it counts.
func countsNoun(ts []tok, p phrase) bool {
	if p.next >= len(ts) || ts[p.next].Start > p.end+1 {
		return false
	}
	n := ts[p.next]
	return !n.Digit && !english.IsStop(n.Word)
}

// countedNouns are the stems of the first two content words after "how
// many" or "number of".
func countedNouns(question string) map[string]bool {
	q := strings.ToLower(question)
	i := strings.Index(q, "how many ")
	if i < 0 {
		if i = strings.Index(q, "number of "); i < 0 {
			return nil
		}
	}
	heads := map[string]bool{}
	for _, w := range strings.FieldsFunc(q[i:], func(r rune) bool { return !unicode.IsLetter(r) })[2:] {
		if len(heads) == 2 {
			break
		}
		if !english.IsStop(w) {
			heads[english.Stem(w)] = true
		}
	}
	return heads
}

// tok is a word of the sentence, with the text around it.
type tok struct {
	english.Token
	raw string // as written
}

func tokens(text string) []tok {
	var ts []tok
	english.Tokenize(text, func(t english.Token) {
		ts = append(ts, tok{Token: t, raw: text[t.Start:t.End]})
	})
	return ts
}

// adjacent reports whether tokens a and a+1 are next to each other: only
// white space between them, or also one comma when comma is true.
func adjacent(text string, ts []tok, a int, comma bool) bool {
	if a+1 >= len(ts) {
		return false
	}
	gap := text[ts[a].End:ts[a+1].Start]
	if comma {
		gap = strings.Replace(gap, ",", " ", 1)
	}
	return gap != "" && strings.TrimSpace(gap) == ""
}

// opens is w when the question's first wh-word is wh ("Who was…", "In
// whose reign…") or a "what"/"which" whose noun the matcher read as this
// type ("Which German poet…"), and no other wh-word follows: in "Which
// committee invited people who…" the type comes from a relative clause.
func opens(words []string, wh string, w want) want {
	first := ""
	for _, x := range words {
		switch x {
		case "who", "whom", "whose", "where", "what", "which", "when", "why", "how":
			if first != "" {
				return wantNone
			}
			first = x
		}
	}
	if first == "what" || first == "which" || strings.HasPrefix(first, wh) {
		return w
	}
	return wantNone
}

// nearTokens is how near, in words, a candidate must be to a word of the
// question for nearest to choose it among several, by kind; nearMargin how
// much nearer than every other. Measured on SQuAD dev by kind, keeping
// only what the added answers get right more often than not:
// dates within 3 words (+94, 72 % exact), numbers and percentages within
// 2, amounts and persons within 1 (persons +33, 58 %; within 2, 51 %).
// Places gained nothing.
var nearTokens = map[want]int{wantDate: 3, wantCount: 2, wantPercent: 2, wantMoney: 1, wantPerson: 1}

const nearMargin = 3

// nearest keeps, of several candidates, the one nearest a content word of
// the question, when it is within nearTokens of one and every other is
// farther. tied reports that it is near one but others are about as
// near: then no one of them is the answer.
func nearest(found []phrase, ts []tok, question string, w want) (near []phrase, tied bool) {
	limit, ok := nearTokens[w]
	if !ok {
		return nil, false
	}
	qs := questionStems(question)
	best, bestD, second := -1, 1<<30, 1<<30
	for i, p := range found {
		d := distance(p, ts, qs)
		if d < bestD {
			best, bestD, second = i, d, bestD
		} else if d < second {
			second = d
		}
	}
	if best < 0 || bestD > limit {
		return nil, false
	}
	if second-bestD < nearMargin {
		return nil, true
	}
	return found[best : best+1], false
}

// beside keeps the persons named right next to a word of the question
// ("the quarterback Cam Newton" for "who was the quarterback"), when the
// sentence names someone else too: on SQuAD dev +17 answers, 76 % exact.
func beside(found []phrase, ts []tok, question string) []phrase {
	qs := questionStems(question)
	var out []phrase
	for _, p := range found {
		if distance(p, ts, qs) <= 1 {
			out = append(out, p)
		}
	}
	return out
}

// questionStems are the stems of the question's content words.
func questionStems(question string) map[string]bool {
	qs := map[string]bool{}
	english.Tokenize(question, func(t english.Token) {
		if !english.IsStop(t.Word) && !t.Digit {
			qs[english.Stem(t.Word)] = true
		}
	})
	return qs
}

// distance is how many words from p the nearest word of the question
// stands in the sentence: 1 when next to it.
func distance(p phrase, ts []tok, qs map[string]bool) int {
	d := 1 << 30
	for k, t := range ts {
		if !qs[english.Stem(t.Word)] {
			continue
		}
		switch {
		case t.End <= p.start:
			d = min(d, tokenGap(ts, k, p.start))
		case t.Start >= p.end:
			d = min(d, k-p.next+1)
		}
	}
	return d
}

// listed reports whether two of the candidates are items of one list,
// joined by "and" or "or" ("Anna Schmidt and Maria Weber"): the
// answer is all of them or a guess.
func listed(found []phrase, ts []tok) bool {
	for i := 1; i < len(found); i++ {
		a, b := found[i-1], found[i]
		if a.next < len(ts) && a.next+1 < len(ts) && ts[a.next+1].Start >= b.start && ts[a.next].Start < b.start {
			if w := ts[a.next].Word; w == "and" || w == "or" {
				return true
			}
		}
	}
	return false
}

// tokenGap counts the tokens from ts[k] to the token starting at start.
func tokenGap(ts []tok, k, start int) int {
	n := 0
	for j := k + 1; j < len(ts) && ts[j].Start < start; j++ {
		n++
	}
	return n + 1
}

// aroundWords is how far, in words, mostAround looks on each side of a
// candidate; aroundRatio how much more of the question the chosen one
// must have around it than any other, tiedRatio the same when several
// stand about as near one word of the question, and aroundMin how much at
// least (one question word two words away). Chosen on the first half of
// SQuAD dev's articles: +142 short answers, 53 % of them exact; on the
// second +99, 61 % exact. A window of 6 or 15 words gave no better
// answers, a ratio of 2 for ties fewer.
const (
	aroundWords = 10
	aroundRatio = 1.3
	tiedRatio   = 1.5
	aroundMin   = 0.5
)

// mostAround keeps, of several candidates nearest could not choose
// between, the one with the most of the question's words
// around it, each counted by how near it stands (1/distance): "37" in
// "Victoria has 37 seats in the Australian House of Representatives and 12
// seats in the Australian Senate" for "how many seats does Victoria have
// in the House of Representatives?".
func mostAround(found []phrase, ts []tok, question string, tied bool) []phrase {
	qs := questionStems(question)
	best, bestScore, second := -1, 0.0, 0.0
	for i, p := range found {
		s := aroundScore(p, ts, qs)
		if s > bestScore {
			best, bestScore, second = i, s, bestScore
		} else if s > second {
			second = s
		}
	}
	ratio := aroundRatio
	if tied {
		ratio = tiedRatio
	}
	if best < 0 || bestScore < aroundMin || bestScore <= ratio*second {
		return nil
	}
	return found[best : best+1]
}

// aroundScore sums, over the question's words within aroundWords of p,
// 1 / the distance of the nearest occurrence of each.
func aroundScore(p phrase, ts []tok, qs map[string]bool) float64 {
	near := map[string]int{}
	for k, t := range ts {
		st := english.Stem(t.Word)
		if !qs[st] {
			continue
		}
		var d int
		switch {
		case t.End <= p.start:
			d = tokenGap(ts, k, p.start)
		case t.Start >= p.end:
			d = k - p.next + 1
		default:
			continue
		}
		if old, ok := near[st]; d <= aroundWords && (!ok || d < old) {
			near[st] = d
		}
	}
	s := 0.0
	for _, d := range near {
		s += 1 / float64(d)
	}
	return s
}

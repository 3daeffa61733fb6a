package match

import (
	"bytes"
	"slices"
	"sort"
	"strings"

	"github.com/storybot/storybot/english"
	"github.com/storybot/storybot/facts"
)

// feature marks what kinds of answer a sentence can hold.
type feature uint16

const (
	featName feature = 1 << iota
	featNumber
	featDate
	featPlace
	featMoney
	featPercent
	featReason
	featPerson
	featAnaphor   // opens with a pronoun or "this/these"
	featContinues // featAnaphor, and the sentence before is in the same paragraph
	featCount     // a number that can count things (not a year or a time of day)
	featAsks      // tells of a question asked: the next sentence is the reply
	featSum       // a sum of money ("£45", "34,000 pounds")
)

// answerKinds reads, from what each sentence's words show, the kinds of
// answer it can hold, and marks the sentences that continue the one
// before: they open with a pronoun in the same paragraph.
func answerKinds(store *facts.Store) []feature {
	sents := store.Sentences()
	fs := make([]feature, len(sents))
	for i := range sents {
		fs[i] = kindsOf(store.Marks(i))
	}
	for _, i := range tellingOfAsking(store) {
		if reportsQuestion(sents[i].Text) {
			fs[i] |= featAsks
		}
	}
	for i := 1; i < len(sents); i++ {
		if (fs[i]&featAnaphor != 0 || fs[i-1]&featAsks != 0) &&
			sents[i].Doc() == sents[i-1].Doc() && sents[i].Paragraph == sents[i-1].Paragraph {
			fs[i] |= featContinues
		}
	}
	return fs
}

// askingWords are the verbs of a reported question: askedWord reads a
// sentence only when it holds one. rare is the index of the word's rarest
// letter in English, which a search of a whole text looks for first.
var askingWords = [...]askingWord{{"asked", 2}, {"enquired", 2}, {"inquired", 2}}

type askingWord struct {
	word string
	rare int
}

// tellingOfAsking returns the indexes, in order, of the store's sentences
// whose text holds one of askingWords. Each document's text is searched
// once for each of the words' rare letters ("k", "q": "enquired" and
// "inquired" share theirs), and the words checked around it: searching
// every sentence for each word (a byte search stopping at every "a", "e"
// or "i") was most of a book's match.New, 8 of 13 ms on War and Peace. A
// word's sentence is found by its offset.
func tellingOfAsking(store *facts.Store) []int {
	var out []int
	base := 0
	for _, d := range store.Documents() {
		ss := d.Sentences // in text order, not overlapping (facts.Parse)
		first := len(out)
		for i, a := range askingWords {
			c := a.word[a.rare]
			if slices.ContainsFunc(askingWords[:i], func(b askingWord) bool { return b.word[b.rare] == c }) {
				continue // searched for already
			}
			for at := 0; ; {
				j := bytes.IndexByte(d.Raw[at:], c)
				if j < 0 {
					break
				}
				at += j + 1
				for _, b := range askingWords[i:] {
					if b.word[b.rare] != c {
						continue
					}
					start := at - 1 - b.rare
					if start < 0 || !bytes.HasPrefix(d.Raw[start:], []byte(b.word)) {
						continue
					}
					// The sentence starting last at or before the word
					// holds it if it ends after it (sentences do not
					// overlap).
					k := sort.Search(len(ss), func(k int) bool { return int(ss[k].Start) > start }) - 1
					if k >= 0 && start+len(b.word) <= int(ss[k].End) {
						out = append(out, base+k)
					}
				}
			}
		}
		slices.Sort(out[first:])
		out = slices.Compact(out)
		base += len(ss)
	}
	return out
}

// reportsQuestion reports whether text tells of a question asked ("Mr
// Pask asked when the toilets would reopen"): the sentence after it in
// the paragraph is the reply, and continues it as a pronoun would.
func reportsQuestion(text string) bool { return askedWord(text) != "" }

// askedWord returns the word opening the question text tells of: "when"
// for "asked when the toilets would reopen", "if" for "asked him if the
// books were his"; "" when it tells of none. "Asked" must be followed,
// within three words, by a question word or "whether"/"if" ("asked her
// to stay" is a request).
func askedWord(text string) string {
	if !strings.Contains(text, "asked") && !strings.Contains(text, "enquired") && !strings.Contains(text, "inquired") {
		return ""
	}
	since, found := 4, ""
	english.Tokenize(text, func(t english.Token) {
		switch {
		case found != "":
		case t.Word == "asked" || t.Word == "enquired" || t.Word == "inquired":
			since = 0
		case since < 3 && askWords[t.Word]:
			found = t.Word
		default:
			since++
		}
	})
	return found
}

// askWords open a reported question.
var askWords = setOf("when", "whether", "if", "why", "how", "what", "who", "where", "which")

// kindsOf maps a sentence's marks to the kinds of answer it can hold.
func kindsOf(mk facts.Marks) feature {
	var f feature
	c := mk.Classes()
	set := func(on bool, x feature) {
		if on {
			f |= x
		}
	}
	set(mk&facts.MarkName != 0, featName)
	set(mk&facts.MarkDigit != 0 || c&english.Number != 0, featNumber)
	set(mk&facts.MarkYear != 0 || c&english.Date != 0, featDate)
	set(mk&facts.MarkPlaceName != 0 || c&english.Place != 0, featPlace)
	set(mk&facts.MarkCurrency != 0 || c&english.Money != 0, featMoney)
	set(mk&facts.MarkPercentSign != 0 || c&english.Percent != 0, featPercent)
	set(c&english.Reason != 0, featReason)
	set(c&english.Person != 0, featPerson)
	set(mk&facts.MarkOpensAnaphor != 0, featAnaphor)
	set(mk&facts.MarkCount != 0, featCount)
	set(mk&facts.MarkSum != 0, featSum)
	return f
}

// QType is the kind of answer a question asks for.
type QType uint8

const (
	QOther QType = iota
	QPerson
	QDate
	QPlace
	QNumber
	QMoney
	QPercent
	QReason
)

var qtypeNames = [...]string{"other", "person", "date", "place", "number", "money", "percent", "reason"}

func (q QType) String() string {
	if int(q) < len(qtypeNames) {
		return qtypeNames[q]
	}
	return "other"
}

// wants is the feature a sentence needs to hold this type of answer.
func (q QType) wants() feature {
	switch q {
	case QPerson:
		return featName | featPerson
	case QDate:
		return featDate
	case QPlace:
		return featPlace
	case QNumber:
		return featNumber
	case QMoney:
		return featMoney | featNumber
	case QPercent:
		return featPercent
	case QReason:
		return featReason
	}
	return 0
}

// questionShape is what the question's function words say.
type questionShape struct {
	qtype QType
	// state: "where is X?" asks for the latest state of X, so among equally
	// good sentences the latest wins (narratives); otherwise the earliest
	// does (news puts the essentials first).
	state bool
	// unit: the units a measured answer is given in ("how long" wants a
	// duration or a length, "what time" a time of day); 0 when none.
	unit english.Class
	// count: "how many" asks for a number that counts things, which a
	// year or a time of day is not.
	count bool
	// named: "what is X called?" asks for a name.
	named bool
	// often: "how often" asks how frequently ("once a month").
	often bool
	// change: "how much did it rise?", "by how much": the size of a
	// change, given as a share as often as a sum.
	change bool
}

// isChangeVerb reports whether w says that an amount changed.
func isChangeVerb(w string) bool { return changeStems[english.Stem(w)] }

// changeStems are the stems of verbs that say an amount changed.
var changeStems = setOf(english.Stem("rise"), english.Stem("rose"), english.Stem("risen"),
	english.Stem("increase"), english.Stem("fall"), english.Stem("fell"), english.Stem("fallen"),
	english.Stem("drop"), english.Stem("grow"), english.Stem("grew"), english.Stem("grown"),
	english.Stem("decline"), english.Stem("decrease"), english.Stem("reduce"), english.Stem("cut"),
	english.Stem("raise"), english.Stem("climb"), english.Stem("jump"), english.Stem("shrink"),
	english.Stem("shrank"))

// wants is the feature a sentence needs to hold the answer asked for.
func (q questionShape) wants() feature {
	if q.count {
		return featCount
	}
	if q.named {
		return featName
	}
	return q.qtype.wants()
}

// readQuestion reads the question type from the lower-case words of a
// question, before stop words are removed.
func readQuestion(words []string) questionShape {
	q := readQuestionType(words)
	// "what is the ship called", "what was the dog named": a name.
	if n := len(words); q.qtype == QOther && n > 2 && (words[n-1] == "called" || words[n-1] == "named") {
		q.named = true
	}
	if q.qtype == QOther && asksHours(words) {
		q.qtype, q.unit = QDate, english.Clock
	}
	if u := measureAsked(words); q.qtype == QOther && u != 0 {
		// "pie oven temp?", "kiln temp": a query naming the quantity it
		// asks, as "what temperature" does.
		q.qtype, q.unit = QNumber, u
	}
	if q.qtype == QOther && opensWithKind(words) {
		// "date of the fire pls", "cost of a day ticket": a query that
		// names the kind of answer first.
		q.qtype = headNouns[words[0]]
	}
	return q
}

// measureAsked returns the units a query with no question word asks for
// by naming the quantity ("oven temp", "weight of the box pls"): a
// temperature, a distance, a weight or a height; 0 for a question that
// asks with a question word or a verb ("is the temperature ok").
func measureAsked(words []string) english.Class {
	if len(words) == 0 || len(words) > 8 || yesNoOpeners[words[0]] {
		return 0
	}
	u := english.Class(0)
	for _, w := range words {
		if queryWords[w] {
			return 0
		}
		if measureNouns[w] {
			u = whatUnits[w]
		}
	}
	return u
}

// measureNouns name a measured quantity (see whatUnits).
var measureNouns = setOf("temperature", "temp", "distance", "weight", "height")

// queryWords ask a question wherever they stand.
var queryWords = setOf("what", "whats", "which", "who", "whom", "whose", "whos", "when", "where", "wheres", "why", "how", "hows")

// opensWithKind reports whether a question with no question word opens
// with a noun naming the kind of answer and "of": "date of the fire",
// "price of a return".
func opensWithKind(words []string) bool {
	if len(words) < 3 || words[1] != "of" {
		return false
	}
	t, ok := headNouns[words[0]]
	return ok && t != QOther
}

// asksHours reports whether a question with no question word of its own
// kind asks for a place's hours: "opening hours", "what are the opening
// times?", "museum hours", "closing time" (times of day, not a duration).
func asksHours(words []string) bool {
	for i, w := range words {
		if w == "hrs" {
			w = "hours" // "opening hrs"
		}
		if w != "hours" && w != "times" && w != "time" {
			continue
		}
		if i > 0 && (words[i-1] == "opening" || words[i-1] == "closing") {
			return true
		}
		if (w == "hours" || w == "times") && i >= 3 && words[i-1] == "the" && (words[i-2] == "are" || words[i-2] == "were") && words[i-3] == "what" {
			return true // "what are the hours", not "how many are the hours"
		}
		if (w == "hours" || w == "times" && words[0] != "how" && words[0] != "why") && i == len(words)-1 && i > 0 &&
			!english.IsStop(words[i-1]) && !english.HasDigit(words[i-1]) && english.Lookup(words[i-1])&english.Number == 0 {
			// "museum hours", "off peak times"; not "how many hours", "48
			// hours", "three times", "how do i … outside the normal times"
			return true
		}
	}
	return false
}

// readQuestionType reads the question type and units from its words.
func readQuestionType(words []string) questionShape {
	var q questionShape
	for i, w := range words {
		next := ""
		if i+1 < len(words) {
			next = words[i+1]
		}
		switch w {
		case "who", "whom", "whose", "whos":
			q.qtype = QPerson
		case "when":
			q.qtype = QDate
			if (next == "is" || next == "are" || next == "does" || next == "do") &&
				slices.ContainsFunc(words[i+2:], func(w string) bool { return openingWords[w] }) {
				q.unit = english.Clock // "when is the bakery open": its hours, not the year it opened
			}
		case "where", "wheres":
			q.qtype = QPlace
			if next == "is" || next == "are" || next == "was" || next == "were" {
				q.state = asksState(words[i+2:])
			}
		case "why":
			q.qtype = QReason
		case "how":
			switch next {
			case "many":
				q.qtype, q.count = QNumber, true
			case "much":
				q.qtype = QMoney
				q.change = i > 0 && words[i-1] == "by" || slices.ContainsFunc(words[i+2:], isChangeVerb)
				if q.unit = muchUnit(words[i+2:]); q.unit != 0 {
					q.qtype = QNumber
				}
			case "long", "old", "far", "big", "large", "tall", "high", "often", "fast", "deep", "wide", "heavy",
				"hot", "cold", "warm", "cool", "chilly", "soon", "quick", "quickly":
				q.qtype = QNumber
				q.unit = howUnits[next]
				q.often = next == "often"
				if next == "far" && inAdvance(words[i+2:]) {
					q.unit = english.Duration // "how far in advance": how long before
				}
				if next == "far" && q.unit == english.Distance && anyOf(words[i+2:], travelWords) {
					// "how far is it to walk": "a 12-minute walk" answers too
					q.unit |= english.Duration
				}
				if next == "long" && anyOf(words[i+2:], takeWords) {
					q.unit = english.Duration // "how long did it take": time, not length
				}
			default:
				if asksSign(words[i+1:]) {
					q.qtype = QDate // "how do I know the rise is finished": when it is
				}
			}
		case "what", "which", "whats": // "whats the deadline": "what is"
			if next == "about" {
				continue // "what about the king?" asks about him, not for a person
			}
			q.qtype = headType(words[i+1:])
			q.unit = whatUnit(words[i+1:])
		default:
			continue
		}
		if q.qtype != QOther {
			return q
		}
	}
	return q
}

// asksSign reports whether the words after "how" ask how to recognise a
// state ("how do I know the first rise is finished?", "how can you tell
// if the starter is ready?"): such a question is answered by when the
// state holds ("Bulk is finished when the dough has grown by half"), as
// "when is the first rise finished?" would be. Not "how do I know what
// to bring" (another question), nor "how do I tell my landlord".
func asksSign(rest []string) bool {
	if len(rest) < 4 || !signAux[rest[0]] || !signAsker[rest[1]] {
		return false
	}
	switch rest[2] {
	case "know":
		return !askWords[rest[3]] || rest[3] == "when" || rest[3] == "if" || rest[3] == "whether"
	case "tell":
		return rest[3] == "when" || rest[3] == "if" || rest[3] == "whether"
	}
	return false
}

var (
	signAux   = setOf("do", "does", "can", "could", "will", "would", "should", "shall")
	signAsker = setOf("i", "you", "we", "one", "they", "people")
)

// howUnits are the units of the answer to "how X": "how long" is a
// duration or a length, "how old" an age or a year.
var howUnits = map[string]english.Class{
	"long": english.Duration | english.Distance, "far": english.Distance,
	"old": english.Duration | english.Date, "tall": english.Distance, "high": english.Distance,
	"deep": english.Distance, "wide": english.Distance, "heavy": english.Measure,
	"hot": english.Temperature, "cold": english.Temperature, "warm": english.Temperature,
	"cool": english.Temperature, "chilly": english.Temperature,
	// "how soon", "how quick": within what time ("within 7 days").
	"soon": english.Duration, "quick": english.Duration, "quickly": english.Duration,
}

// inAdvance: the words after "how far" ask how long before, not how
// distant: "how far in advance", "how far ahead".
func inAdvance(rest []string) bool {
	return len(rest) > 0 && (rest[0] == "ahead" || rest[0] == "beforehand") ||
		len(rest) > 1 && rest[0] == "in" && rest[1] == "advance"
}

// travelWords name a way of travelling, whose distance people give as a
// time ("a 12-minute walk", "an hour's drive"); takeWords say a "how long"
// asks for a time ("how long did it take", "how long does it last").
var (
	travelWords = setOf("walk", "walking", "drive", "driving", "ride", "cycle", "cycling", "bike", "journey")
	takeWords   = setOf("take", "takes", "took", "taking", "last", "lasts", "lasted", "wait", "waited", "stay", "stayed")
)

// anyOf reports whether one of words is in set.
func anyOf(words []string, set map[string]bool) bool {
	return slices.ContainsFunc(words, func(w string) bool { return set[w] })
}

// openingWords ask, in the present, for a place's hours.
var openingWords = setOf("open", "opens", "closed", "close", "closes", "served", "serve", "serves")

// whatUnits are the units of the answer to "what X": "what time" is a
// time of day.
var whatUnits = map[string]english.Class{
	"time": english.Clock, "times": english.Clock, "temperature": english.Temperature, "temp": english.Temperature, "year": english.Date,
	"distance": english.Distance, "length": english.Distance | english.Duration,
	"weight": english.Measure, "height": english.Distance,
	// "what amount of flour", "the least amount of water": as "how much".
	"amount": english.Measure | english.Number, "quantity": english.Measure | english.Number,
}

// whatUnit reads the units a "what X" question asks for from its noun,
// after up to two words that describe it: "what temperature" and "what
// internal temperature" want degrees.
func whatUnit(rest []string) english.Class {
	j := 0
	for i, w := range rest {
		if j == 0 && unitLead[w] {
			continue // "what is the temperature", "what is the least amount of water"
		}
		if w == "time" && timeOfYear(rest[i+1:]) {
			return english.Date // "the best time of year": a season or a month, not a clock
		}
		if (w == "time" || w == "times") && i > 0 && spanTime(rest[i-1]) {
			return english.Duration // "what's the running time": how long, not when
		}
		if u := whatUnits[w]; u != 0 || j == 2 || english.IsStop(w) {
			return u
		}
		j++
	}
	return 0
}

// timeOfYear reports whether the words after "time" make it a time of the
// year: "of year", "of the year".
func timeOfYear(rest []string) bool {
	if len(rest) > 0 && rest[0] == "of" {
		rest = rest[1:]
		if len(rest) > 0 && rest[0] == "the" {
			rest = rest[1:]
		}
		return len(rest) > 0 && (rest[0] == "year" || rest[0] == "years")
	}
	return false
}

// unitLead are the words between "what" and the noun of a measure that
// say which of it ("is the", "least", "maximum"), not what it measures.
var unitLead = setOf("is", "was", "are", "were", "the", "a", "an", "least", "most", "minimum", "maximum",
	"total", "smallest", "largest", "lowest", "highest")

// muchUnit: "how much salt" asks for a measured amount, "how much time" a
// duration; "how much does it cost", "how much is the fare" and "how much
// money" for money (no unit).
func muchUnit(rest []string) english.Class {
	if len(rest) == 0 || english.IsStop(rest[0]) || english.Lookup(rest[0])&english.Money != 0 || priceWords[rest[0]] {
		return 0
	}
	if slices.ContainsFunc(rest[:min(len(rest), 2)], func(w string) bool { return strings.HasSuffix(w, "time") }) {
		return english.Duration // "how much time", "how much cleaning time", "how much runtime"
	}
	return english.Measure | english.Number
}

// headType reads the noun a "what/which" question asks about, skipping
// adjectives and articles: "what German poet" asks for a person, "which
// year" for a date.
func headType(rest []string) QType {
	for j, w := range rest {
		if j > 3 {
			break
		}
		switch w {
		case "is", "was", "are", "were", "did", "does", "do", "has", "have", "had", "can", "could", "would", "will":
			// "What is the name of..." / "What was the population..."
			if j+2 < len(rest) {
				return headType(rest[j+1:])
			}
			return QOther
		case "the", "a", "an", "of", "kind", "type", "sort", "name":
			continue
		}
		if (w == "time" || w == "times") && j > 0 && spanTime(rest[j-1]) {
			return QNumber // "what is the cooking time": a length of time
		}
		if t, ok := headNouns[w]; ok {
			return t
		}
	}
	return QOther
}

// spanTime reports whether prev, the word before "time", makes the time
// how long something takes, not when: an activity ("running time",
// "cooking time", "journey time", "delivery time"), not a moment of a
// timetable ("opening time", "closing time", "boarding time") or a word
// of the day ("morning time").
func spanTime(prev string) bool {
	if spanNouns[prev] {
		return true
	}
	return len(prev) >= 6 && strings.HasSuffix(prev, "ing") && !momentWords[prev]
}

var (
	// spanNouns take time: "the journey time", "delivery time".
	spanNouns = setOf("journey", "travel", "flight", "drive", "wait", "delivery", "prep", "preparation",
		"response", "lead", "turnaround", "transit", "commute", "cook", "bake", "play", "screen", "run",
		"ride", "recovery", "queue", "setup", "installation", "download", "dispatch")
	// momentWords end in "-ing" but name a point in the day, or are no
	// activity: "opening time" is when the doors open.
	momentWords = setOf("opening", "closing", "starting", "finishing", "boarding", "meeting", "morning",
		"evening", "wedding", "landing", "departing", "arriving", "leaving", "serving", "dining",
		"nothing", "something", "anything", "everything", "building", "ceiling", "spring", "string")
)

var headNouns = func() map[string]QType {
	m := map[string]QType{}
	add := func(t QType, words ...string) {
		for _, w := range words {
			m[w] = t
		}
	}
	// Attributes asked for by name: "what colour is the new jumper" asks
	// for a colour, not for the place the rest of the question names.
	add(QOther, "colour", "color", "colours", "colors", "shape", "material", "flavour", "flavor", "language",
		"breed", "brand", "genre", "style", "pattern", "smell", "taste", "sound")
	// Not "period": a notice period or a trial period is a length of time.
	add(QDate, "year", "years", "date", "day", "month", "century", "decade", "time", "era", "season", "age",
		"deadline", "birthday", "anniversary")
	add(QPercent, "percentage", "percent", "proportion", "share", "fraction")
	add(QNumber, "number", "amount", "population", "size", "quantity", "length", "height", "width", "depth",
		"weight", "distance", "speed", "temperature", "score", "rate", "total", "count")
	add(QMoney, "price", "cost", "sum", "salary", "budget", "revenue", "value")
	add(QPlace, "city", "country", "state", "place", "location", "continent", "region", "town", "river",
		"area", "nation", "county", "province", "island", "room", "village", "mountain", "ocean", "sea",
		"lake", "street", "capital", "venue", "stadium", "building", "site", "port", "territory", "district",
		"neighborhood", "university", "school", "college", "airport", "station")
	add(QPerson, "person", "man", "woman", "king", "queen", "president", "emperor", "pope", "poet", "writer",
		"author", "scientist", "player", "coach", "general", "leader", "ruler", "architect", "composer",
		"artist", "actor", "actress", "director", "inventor", "founder", "philosopher", "bishop", "saint",
		"minister", "chancellor", "governor", "senator", "singer", "musician", "painter", "explorer",
		"physicist", "chemist", "mathematician", "economist", "historian", "engineer", "officer", "commander",
		"prince", "princess", "duke", "lord", "member", "quarterback", "owner", "chairman", "ceo", "professor",
		"student", "teacher", "doctor", "judge", "lawyer", "soldier", "family", "dynasty", "individual",
		"people", "group", "band")
	return m
}()

// asksState reports whether the words after "where is" ask where something
// is now ("Where is the milk?") rather than where something happened or
// was done ("Where was the treaty signed?", "Where was she born?"): a
// state question names a thing and nothing it underwent.
func asksState(rest []string) bool {
	content := 0
	for _, w := range rest {
		if w == "from" {
			return false
		}
		if english.IsStop(w) {
			continue
		}
		content++
		if participles[w] || len(w) > 4 && strings.HasSuffix(w, "ed") {
			return false
		}
	}
	return content > 0 && content <= 3
}

// participles are common irregular past participles that follow "where
// was X".
var participles = setOf("born", "held", "found", "built", "made", "sent", "kept", "seen",
	"taken", "given", "known", "set", "shot", "hidden", "buried", "written", "shown",
	"grown", "thrown", "drawn", "begun", "done", "run", "won", "lost", "met", "fought", "sold",
	"bought", "brought", "taught", "caught", "held", "laid", "paid", "said", "told", "hung",
	"struck", "spent", "built", "led", "left", "put", "cut", "hit", "read", "shut", "spread")

// setOf makes a word set from a list.
func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// holdsUnit reports whether sentence i holds a measured answer in one of
// the units asked for: a number with its unit ("14 km", "four hours"), a
// time of day ("7am", "noon"), or, for an age, a year.
func (m *Matcher) holdsUnit(i int, unit english.Class) bool {
	mk := m.store.Marks(i)
	c := mk.Classes()
	switch {
	case c&unit&english.Clock != 0:
		return true
	case unit&english.Date != 0 && mk&facts.MarkYear != 0:
		return true
	}
	return c&unit&english.Units != 0 // facts marks a unit only right after a number
}

// namesFrequency reports whether sentence i says how often something is
// done: "once a month", "twice a year", "three times a week", "every 12
// months", "each spring", "daily".
func (m *Matcher) namesFrequency(i int) bool {
	found, prev, prev2 := false, "", ""
	english.Tokenize(m.sents[i].Text, func(t english.Token) {
		w := t.Word
		switch {
		case found:
		case frequencyWords[w]:
			found = true
		case english.Lookup(w)&(english.Duration|english.Date) != 0:
			found = repeatWords[prev] || repeatWords[prev2] || (prev == "a" || prev == "per") && countWords[prev2]
		}
		prev2, prev = prev, w
	})
	return found
}

var (
	// frequencyWords say how often by themselves.
	frequencyWords = setOf("daily", "weekly", "monthly", "yearly", "annually", "hourly", "nightly",
		"fortnightly", "quarterly")
	// repeatWords before a unit of time make a frequency: "every month".
	repeatWords = setOf("every", "each", "once", "twice")
	// countWords before "a" or "per" and a unit: "twice a week", "3 times per day".
	countWords = setOf("once", "twice", "times")
)

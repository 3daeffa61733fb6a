package facts

import "strings"

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
)

var anaphors = setOf("he", "she", "it", "they", "this", "these", "those", "that", "his", "her",
	"its", "their", "such", "there", "here", "both", "then", "thus", "however", "also")

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

var monthWords = setOf("january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december", "jan", "feb", "mar", "apr",
	"jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")

var dateWords = setOf("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", "today", "yesterday", "tomorrow", "year", "years", "century", "centuries",
	"decade", "decades", "ago", "spring", "summer", "autumn", "winter", "morning", "evening",
	"night", "week", "weeks", "month", "months", "day", "days", "era", "period", "age",
	"bc", "ad", "bce", "ce", "early", "late", "since", "until", "when", "dynasty", "fall")

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

// lexEntry is what the general-English word lists say of a word, looked
// up once per token while indexing.
type lexEntry struct {
	feat    feature
	stop    bool
	anaphor bool
	prep    bool // a preposition that may introduce a place
}

// lexicon merges the word lists into one map: indexing a book looks up
// every token, and one lookup is much cheaper than ten.
var lexicon = func() map[string]lexEntry {
	m := map[string]lexEntry{}
	set := func(words map[string]bool, fn func(*lexEntry)) {
		for w := range words {
			e := m[w]
			fn(&e)
			m[w] = e
		}
	}
	set(monthWords, func(e *lexEntry) { e.feat |= featDate })
	set(dateWords, func(e *lexEntry) { e.feat |= featDate })
	set(numberWords, func(e *lexEntry) { e.feat |= featNumber })
	set(moneyWords, func(e *lexEntry) { e.feat |= featMoney })
	set(personWords, func(e *lexEntry) { e.feat |= featPerson })
	set(reasonWords, func(e *lexEntry) { e.feat |= featReason })
	set(placeWords, func(e *lexEntry) { e.feat |= featPlace })
	set(setOf("percent", "percentage"), func(e *lexEntry) { e.feat |= featPercent })
	set(stopWords, func(e *lexEntry) { e.stop = true })
	set(anaphors, func(e *lexEntry) { e.anaphor = true })
	set(placePrepositions, func(e *lexEntry) { e.prep = true })
	e := m["may"] // the month, but far more often the verb
	e.feat &^= featDate
	m["may"] = e
	return m
}()

func isYear(w string) bool {
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

// questionShape is what the question's function words say.
type questionShape struct {
	qtype QType
	// state: "where is X?" asks for the latest state of X, so among equally
	// good sentences the latest wins (narratives); otherwise the earliest
	// does (news puts the essentials first).
	state bool
}

// readQuestion reads the question type from the lower-case words of a
// question, before stop words are removed.
func readQuestion(words []string) questionShape {
	var q questionShape
	for i, w := range words {
		next := ""
		if i+1 < len(words) {
			next = words[i+1]
		}
		switch w {
		case "who", "whom", "whose":
			q.qtype = QPerson
		case "when":
			q.qtype = QDate
		case "where":
			q.qtype = QPlace
			if next == "is" || next == "are" || next == "was" || next == "were" {
				q.state = asksState(words[i+2:])
			}
		case "why":
			q.qtype = QReason
		case "how":
			switch next {
			case "many":
				q.qtype = QNumber
			case "much":
				q.qtype = QMoney
			case "long", "old", "far", "big", "large", "tall", "high", "often", "fast", "deep", "wide", "heavy":
				q.qtype = QNumber
			}
		case "what", "which":
			q.qtype = headType(words[i+1:])
		default:
			continue
		}
		if q.qtype != QOther {
			return q
		}
	}
	return q
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
		if t, ok := headNouns[w]; ok {
			return t
		}
	}
	return QOther
}

var headNouns = func() map[string]QType {
	m := map[string]QType{}
	add := func(t QType, words ...string) {
		for _, w := range words {
			m[w] = t
		}
	}
	add(QDate, "year", "years", "date", "day", "month", "century", "decade", "time", "era", "period", "season", "age")
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
		if lexicon[w].stop {
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

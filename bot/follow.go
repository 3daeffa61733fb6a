package bot

import (
	"regexp"
	"slices"
	"strings"

	"github.com/storybot/storybot/english"
	"github.com/storybot/storybot/facts"
)

// reading is how a question was read in its conversation.
type reading struct {
	understood string // the question as searched
	note       string // what was resolved, for the reply ("" when nothing)
	followUp   bool
	// own are the stems of the question's own content words that the
	// previous question did not ask about: a follow-up's answer must hold
	// one of them unless it has none (a bare "when?"), and a question that
	// is not a follow-up is not answered by the previous answer again
	// unless that holds them all (echoes).
	own []string
	// again: the question has no word the one before did not have (stop
	// words aside, question words counted): it is asked again.
	again bool
	// also: the question asks whether something holds for one more thing
	// ("… as well?", "… too?").
	also bool
	// topic is what "it" and "they" will stand for in the next turn: a
	// question's content words, kept through the follow-ups that lean on it.
	topic string
	// nouns are the stems of own that a determiner introduces: nouns.
	nouns map[string]bool
	// someone: a "he" or "she" was left as it is, no one said before
	// fitting it; the answer still speaks of a person (speaksOfSomeone).
	someone bool
	// contrast: the follow-up is only "and" and a noun phrase ("and
	// businesses?"): the same question about another case (contrast).
	contrast bool
	// carried: the question before's content was added to this one
	// ("what about bikes" as "what about bikes drive new office?").
	carried bool
	asked   string // the question as written
	// person: a "he", "she" or "they" was read as a name said before
	// ("what does she do for a living" as "… Priya Castellan …"): the
	// question is about that person.
	person bool
}

// word is one token of a question with its text as written.
type word struct {
	english.Token
	text string
}

func words(s string) []word {
	var ws []word
	english.Tokenize(s, func(t english.Token) {
		ws = append(ws, word{Token: t, text: s[t.Start:t.End]})
	})
	return ws
}

// Pronouns and adverbs a follow-up uses for what was said before.
var (
	personPronouns = set("he", "she", "him", "his", "her", "hers", "himself", "herself")
	thingPronouns  = set("it", "its", "itself", "they", "them", "their", "theirs", "this", "that", "these", "those", "there", "then")
	// Words a question opens with when it continues the one before.
	continuations = set("and", "but", "so", "also", "plus")
	whWords       = set("what", "who", "whom", "whose", "when", "where", "why", "how", "which", "whats", "whos", "wheres", "whens", "hows")
	// Verbs so general that carrying them into another question only adds
	// noise ("what did X want", "who asked about Y").
	lightVerbs = set("want", "wants", "wanted", "need", "needs", "get", "gets", "got", "go", "goes", "went",
		"come", "comes", "came", "take", "takes", "took", "make", "makes", "made", "say", "says", "said",
		"ask", "asks", "asked", "think", "know", "mean", "means", "happen", "happened", "use", "used",
		"tell", "told", "called", "call", "talk", "usually", "else", "way", "really", "well", "much", "many",
		"long", "often", "happens", "ok", "okay", "like", "would", "will", "shall", "may", "might", "must", "can")
)

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// askWords belong to how a question asks ("how long", "who else", "the
// other one"), not to what it asks about.
var askWords = set("much", "many", "long", "often", "far", "old", "else", "other", "one", "way", "kind", "sort", "lot", "too", "well", "really")

// sayWords are stop words for a search (they frame a question about a
// text: "what does it say about…") that in a follow-up are what is asked:
// "what did she say?" wants what she said.
var sayWords = set("say", "says", "said", "tell", "told", "mention", "mentioned")

// isOwn reports whether w, in a follow-up, asks for something: any word
// but a stop word, question word, pronoun or part of how it asks.
func isOwn(w string) bool {
	return sayWords[w] || !english.IsStop(w) && !whWords[w] && !personPronouns[w] && !thingPronouns[w] &&
		!continuations[w] && !askWords[w] && !english.IsChatFiller(w) && len(w) > 1
}

// isContent reports whether w carries what a question is about: not a stop
// word, question word, pronoun or light verb.
func isContent(w string) bool {
	return !english.IsStop(w) && !whWords[w] && !personPronouns[w] && !thingPronouns[w] &&
		!lightVerbs[w] && !english.IsLightVerb(w) && !continuations[w] && !english.IsChatFiller(w) && len(w) > 1
}

// readFollowUp reads q after the conversation's last turn: it resolves
// pronouns to the names or subject said before and fills an elliptical
// question ("and when?", "what about the ferry?") with the content of the
// question before. A self-contained question is read as asked.
func readFollowUp(q string, prev Turn) reading { return readTurn(q, prev, false) }

// readTurn is readFollowUp; lost says the question as asked found nothing
// in the documents, so it is read as an ellipsis whatever its words.
func readTurn(q string, prev Turn, lost bool) reading {
	ws := words(q)
	r := reading{understood: q, asked: q, topic: carried(q, ""), again: askedAgain(ws, prev.Question)}
	refs := references(ws)
	own := ownWords(ws, prev.Understood)
	r.nouns = introduced(ws, own)
	ellipsis := lost || isElliptical(ws)
	if len(refs) == 0 && !ellipsis {
		r.own, r.also = own, additive(ws)
		return r
	}
	// What "it" will stand for next: a thing the follow-up newly names
	// ("what about the Salt Loft?"), or else the topic before.
	if r.topic = thingNames(q); r.topic == "" {
		r.topic = topicOf(prev)
	}
	r.followUp = true
	r.own = own
	r.contrast = continuations[ws[0].Word] && nounPhrase(ws) == 1
	var b strings.Builder
	var notes []string
	last := 0
	carry := false
	for _, i := range refs {
		if (ws[i].Word == "it" || ws[i].Word == "its") && leftIt(prev) {
			// The question before said "it" of something it never named
			// ("oops i turned it on with no water in it"): this "it" is
			// that thing too, not the water.
			continue
		}
		if dummyIt(ws, i) {
			// "will it get cold later", "is it too late to book": the
			// weather's or the sentence's "it", which stands for nothing.
			continue
		}
		ante := antecedent(ws[i], prev, ws)
		if ante == "" || strings.Contains(strings.ToLower(b.String()), strings.ToLower(ante)) {
			carry = carry || ante == ""
			r.someone = r.someone || ante == "" && english.PronounGender(ws[i].Word) != 0
			continue
		}
		b.WriteString(q[last:ws[i].Start])
		b.WriteString(ante)
		last = ws[i].End
		notes = append(notes, `"`+ws[i].text+`" as `+ante)
		r.person = r.person || personPronouns[ws[i].Word] && isName(ante)
	}
	b.WriteString(q[last:])
	r.understood = b.String()
	if ellipsis && len(refs) == 0 {
		// "and Putin?", "what about Pompeo?" after "what did John Bolton
		// do?": the question before, asked of the name instead.
		swapped, ok := askedOf(ws, q, prev.Understood)
		if !ok {
			swapped, ok = askedOfLike(ws, q, prev.Understood)
		}
		if ok {
			r.understood = swapped
			r.note = `Reading it as "` + swapped + `"`
			return r
		}
	}
	if (carry || ellipsis && len(refs) == 0) && (lost || countContent(ws) < 2) {
		if extra := carriedWords(prev.Understood, r.understood, true); extra != "" {
			r.understood = strings.TrimRight(r.understood, "?!. ") + " " + extra + "?"
			r.carried = true
			notes = append(notes[:0], `it as "`+r.understood+`"`)
		}
	}
	if len(notes) > 0 {
		r.note = "Reading " + strings.Join(notes, ", ")
	}
	return r
}

// dummyIt reports whether ws[i] is an "it" that stands for nothing: the
// weather's or the time's ("will it rain", "is it cold at night", "does it
// get dark early", "is it too late") or one standing for a clause after
// it ("is it possible to park", "is it worth booking"); not the "it" of
// "how much is it worth", which asks the worth of a thing.
func dummyIt(ws []word, i int) bool {
	if ws[i].Word != "it" {
		return false
	}
	for j := i + 1; j < len(ws) && j <= i+3; j++ {
		w := ws[j].Word
		if weatherWords[w] {
			return true
		}
		if extraposed[w] && (j+1 < len(ws) && (ws[j+1].Word == "to" || strings.HasSuffix(ws[j+1].Word, "ing")) || w == "worth" && j+1 < len(ws)) {
			return true
		}
		if !isBe(w) && !dummyItBetween[w] {
			return false
		}
	}
	return false
}

// dummyItBetween may stand between a dummy "it" and the word that makes it
// one ("is it going to rain", "does it get really cold").
var dummyItBetween = set("get", "gets", "getting", "be", "too", "very", "really", "going", "likely", "usually", "to")

// weatherWords say what the weather or the time is: after "it" (and a
// form of "be" or "get"), the "it" stands for nothing.
var weatherWords = set("rain", "rains", "raining", "rainy", "snow", "snows", "snowing", "snowy", "cold", "colder",
	"hot", "hotter", "warm", "warmer", "cool", "cooler", "chilly", "freezing", "sunny", "windy", "wet", "humid",
	"foggy", "cloudy", "stormy", "dark", "darker", "late", "later", "early")

// extraposed are words that, after "it is" and before "to" or a verb in
// -ing, make "it" stand for what follows ("is it possible to…").
var extraposed = set("possible", "ok", "okay", "alright", "allowed", "necessary", "worth", "safe", "easy", "hard",
	"difficult", "better", "best", "cheaper", "quicker", "faster", "advisable", "wise", "required", "mandatory", "compulsory")

// askedAgain reports whether every word of ws but stop words, question
// words included, was in the question prev.
func askedAgain(ws []word, prev string) bool {
	had := map[string]bool{}
	for _, w := range words(prev) {
		had[english.Stem(w.Word)] = true
	}
	for _, w := range ws {
		if (whWords[w.Word] || !english.IsStop(w.Word)) && !had[english.Stem(w.Word)] {
			return false
		}
	}
	return true
}

// additive reports whether ws asks about one more thing: "too", "also",
// "either", or "as well".
func additive(ws []word) bool {
	for i, w := range ws {
		switch w.Word {
		case "too", "also", "either":
			return true
		case "well":
			if i > 0 && ws[i-1].Word == "as" {
				return true
			}
		}
	}
	return false
}

// references are the indexes of the words of ws that stand for something
// said before: personal pronouns, and "it", "they", "that"… used as
// pronouns ("that ratio" names its own noun; "is there" points nowhere).
func references(ws []word) []int {
	var out []int
	shouting := !slices.ContainsFunc(ws, func(w word) bool { return strings.ToUpper(w.text) != w.text })
	for i, w := range ws {
		switch {
		case personPronouns[w.Word]:
			out = append(out, i)
		case thingPronouns[w.Word] && len(w.text) > 1 && strings.ToUpper(w.text) == w.text && !shouting:
			// "IT" in capitals is a department, not "it": "who do i
			// contact for IT problems".
		case thingPronouns[w.Word]:
			if w.Word == "there" && (i+1 < len(ws) && isBe(ws[i+1].Word) || i > 0 && isBe(ws[i-1].Word)) {
				continue // "is there", "there is"
			}
			if isDeterminer(w.Word) && i+1 < len(ws) && isContent(ws[i+1].Word) &&
				!strings.HasSuffix(ws[i+1].Word, "ly") && !verbAfter(ws, i) {
				continue // "that ratio": the noun is given
			}
			out = append(out, i)
		}
	}
	return out
}

// verbAfter reports whether the word after "that" (ws[i]) is its verb,
// "that" being the subject a do-form asks about: the question ends with
// it ("how much does that cost", "when did that happen", "how long does
// that take for"), not "does that ratio matter".
func verbAfter(ws []word, i int) bool {
	if i == 0 || !doForms[ws[i-1].Word] {
		return false
	}
	for _, w := range ws[i+2:] {
		if !english.IsStop(w.Word) {
			return false // "does that ratio mean": "mean" is the verb
		}
	}
	return true
}

func isBe(w string) bool {
	switch w {
	case "is", "are", "was", "were", "be", "been", "isnt", "arent":
		return true
	}
	return false
}

func isDeterminer(w string) bool {
	return w == "that" || w == "this" || w == "those" || w == "these"
}

// isElliptical reports whether a question leans on the one before without
// a pronoun: it opens with "and…", "what about…", or has no content words
// at all ("why?", "for how long?", "who else?").
func isElliptical(ws []word) bool {
	if len(ws) == 0 {
		return false
	}
	if continuations[ws[0].Word] {
		return true
	}
	if len(ws) > 1 && (ws[0].Word == "what" || ws[0].Word == "how") && ws[1].Word == "about" {
		return true
	}
	n := countContent(ws)
	return n == 0 || n == 1 && len(ws) <= 4 && !hasName(ws) && (!existential(ws) || asksRelation(ws))
}

// asksRelation reports whether one of ws is a relational noun: "is there a
// max?" asks the maximum of what was asked before, where "is there a
// gym?" asks of a gym.
func asksRelation(ws []word) bool {
	return slices.ContainsFunc(ws, func(w word) bool { return relationalNouns[w.Word] })
}

// titlePerson reads a first question that asks only of "he" or "she",
// which nothing said before stands for, as asking of the person the
// document's title names ("who was she?" of "The Life of Edda
// Halvorsen"): a biography's reader asks so. A question with words of its
// own ("when did she move?") is left as asked: a biography's sentences say
// "she" more often than the name. So are a store of several documents and
// a title naming no one (by the store's names).
func titlePerson(q string, store *facts.Store) reading {
	rd := reading{understood: q}
	docs := store.Documents()
	if len(docs) != 1 || docs[0].Title == "" {
		return rd
	}
	ws := words(q)
	k := slices.IndexFunc(ws, func(w word) bool { return english.PronounGender(w.Word) != 0 })
	if k < 0 || countContent(ws) > 0 {
		return rd
	}
	name := titleName(docs[0].Title, store)
	if name == "" {
		return rd
	}
	w := ws[k]
	rd.understood = q[:w.Start] + name + q[w.End:]
	rd.note = `Reading "` + w.text + `" as ` + name
	return rd
}

// titleName returns the first run of the store's names in title that are
// no English words ("Edda Halvorsen", not the "Life" of "A Life Among
// Droplets"), "" if it has none.
func titleName(title string, store *facts.Store) string {
	var run []string
	for _, w := range words(title) {
		if w.Upper && store.IsName(w.Word) && !english.IsDictionaryWord(w.Word) {
			run = append(run, w.text)
		} else if len(run) > 0 {
			break
		}
	}
	return strings.Join(run, " ")
}

// onlyTopic returns the one content word of q when q is short only for
// naming its topic in one word ("what's the warranty?", "who is the
// mayor"), without a pronoun or an opening that leans on the turn before
// ("and…", "what about…"); "" otherwise. When a heading of the documents
// names that topic, or the documents hold the word and it names a thing
// in its own right (not relationalNouns), it is a question of its own,
// not an ellipsis of the one before; "what's the price?" still leans on
// it.
func onlyTopic(q string) string {
	ws := words(q)
	if len(ws) < 2 || !whWords[ws[0].Word] || countContent(ws) != 1 || len(references(ws)) > 0 ||
		nounPhrase(ws) != len(ws) || continuations[ws[0].Word] {
		return ""
	}
	for _, w := range ws {
		if isContent(w.Word) {
			return w.Word
		}
	}
	return ""
}

// relationalNouns name something of something else ("the price" of the
// trip, "the reason" for the closure): a short question asking one leans
// on the turn before for what it is of.
var relationalNouns = set("price", "prices", "cost", "costs", "fee", "fees", "charge", "time", "times", "date",
	"dates", "day", "deadline", "reason", "reasons", "number", "amount", "size", "name", "address", "phone",
	"email", "total", "rate", "score", "age", "length", "duration", "capacity", "limit", "status", "result",
	"outcome", "answer", "plan", "point", "process", "difference", "effect", "impact", "purpose", "schedule",
	"cause", "problem", "issue", "idea", "rule", "rules", "policy", "deal", "story", "way", "one",
	"hours", "max", "maximum", "min", "minimum", "cap", "catch", "condition", "conditions", "requirement",
	"requirements")

// existential reports whether ws asks whether something exists ("is there
// a trip?", "are there any lockers"): a question of its own, however
// short.
func existential(ws []word) bool {
	return len(ws) > 2 && isBe(ws[0].Word) && ws[1].Word == "there"
}

// hasName reports whether ws names something with a capital (past the
// first word, which any sentence capitalises).
func hasName(ws []word) bool {
	for _, w := range ws[min(1, len(ws)):] {
		if w.Upper && !english.IsStop(w.Word) {
			return true
		}
	}
	return false
}

func countContent(ws []word) int {
	n := 0
	for _, w := range ws {
		if isContent(w.Word) {
			n++
		}
	}
	return n
}

// ownWords are the stems of ws's content words that prev does not hold.
func ownWords(ws []word, prev string) []string {
	had := map[string]bool{}
	for _, w := range words(prev) {
		had[english.Stem(w.Word)] = true
	}
	var out []string
	for _, w := range ws {
		if s := english.Stem(w.Word); isOwn(w.Word) && !had[s] {
			out = append(out, s)
		}
	}
	return out
}

// introduced are the stems of own that are nouns: after a determiner
// ("the rest", "its flag"), or in a follow-up that is only a noun phrase
// ("what about camping?", "and businesses?").
func introduced(ws []word, own []string) map[string]bool {
	var m map[string]bool
	phrase := nounPhrase(ws)
	for i := 1; i < len(ws); i++ {
		s := english.Stem(ws[i].Word)
		if (i >= phrase || determiners[ws[i-1].Word]) && slices.Contains(own, s) {
			if m == nil {
				m = map[string]bool{}
			}
			m[s] = true
		}
	}
	return m
}

// nounPhrase is where the noun phrase of a follow-up that is only one
// starts: after "what about" or "how about", or after an opening "and"
// that no question word or "if" follows; len(ws) when it is none.
func nounPhrase(ws []word) int {
	switch {
	case len(ws) > 2 && (ws[0].Word == "what" || ws[0].Word == "how") && ws[1].Word == "about":
		return 2
	case len(ws) > 1 && continuations[ws[0].Word] && !whWords[ws[1].Word] && ws[1].Word != "if":
		return 1
	}
	return len(ws)
}

// carried is the content of the previous question that q lacks, as
// written, in order, without verbs in -ed: what "it" stands for.
func carried(prev, q string) string { return carriedWords(prev, q, false) }

// carriedWords is carried, keeping the verbs in -ed when verbs is set:
// what an ellipsis ("when?") leaves out.
func carriedWords(prev, q string, verbs bool) string {
	has := map[string]bool{}
	qws := words(q)
	for _, w := range qws {
		has[english.Stem(w.Word)] = true
	}
	var out []string
	pws := words(prev)
	for i, w := range pws {
		s := english.Stem(w.Word)
		if i > 0 && pws[i-1].Word == "how" {
			continue // "how bad was the damage": "bad" asks how, it is no topic
		}
		if isContent(w.Word) && !has[s] && (verbs || !strings.HasSuffix(w.Word, "ed")) && !replaced(w.Word, qws) {
			has[s] = true
			out = append(out, w.text)
			if p := pws[min(i+1, len(pws)-1)]; i+1 < len(pws) && english.IsCompoundParticle(p.Word) && !has[english.Stem(p.Word)] {
				// "a check up", "the sign in": the particle is part of the
				// thing (a text's "check-up"), not a stop word to drop;
				// once ("the bus back", not "bus back back").
				has[english.Stem(p.Word)] = true
				out = append(out, p.text)
			}
		}
	}
	return strings.Join(out, " ")
}

// replaced reports whether the follow-up names another member of w's
// closed class (a day, a month, a season), which takes w's place: "what
// about mondays?" after "and on saturdays?" asks of Mondays alone.
func replaced(w string, q []word) bool {
	for _, x := range q {
		if english.SameClass(strings.ToLower(w), x.Word) {
			return true
		}
	}
	return false
}

// antecedent is what the pronoun w stands for after prev: for he, she and
// their forms, a person whose gender English shows to agree, in the
// previous question or answer, or else a person named in the previous
// question or, failing that, in the previous answer (its subject first); for it, they, that…, the previous question's content.
// "there" stands for a place the previous question named. "" leaves w as
// it is, and the previous question's content is carried instead.
func antecedent(w word, prev Turn, q []word) string {
	if a := comparedAmount(w, prev, q); a != "" {
		return a // "and if it's more than that?" after "…claims up to £500": "more than £500"
	}
	if g := english.PronounGender(w.Word); g != 0 {
		// A person whose gender English shows first, then the previous
		// question's person before the answer's: "who is John Bolton?" …
		// "what did he do?" asks about Bolton, not about the President
		// the answer names. Not a person the question itself names: in
		// "what did Trump ask him to do?" "him" is someone else.
		named := map[string]bool{}
		for _, x := range q {
			if x.Upper && !english.IsStop(x.Word) {
				named[x.Word] = true
			}
		}
		other := byte('f')
		if g == 'f' {
			other = 'm'
		}
		if p := whoIs(prev.Understood); p != "" && !named[strings.ToLower(p)] && nameGender(p) != other {
			return fullerName(p, prev.Answer) // "who is Bolton?" … "what did he say?"
		}
		srcs := []string{prev.Understood, prev.Answer}
		for _, src := range srcs {
			if p := person(src, g, sureGender, named); p != "" {
				return p
			}
		}
		// A lone name the question before asked about ("when is the ferry
		// coming back for Nell" … "and if she's late?") comes before the
		// answer's names, unless it asked who: then the answer's person is
		// the one to follow ("who did Morwenna train with" … "what was he
		// like"). A lone name in the answer is as often a place.
		passes := []int{titled, anyName, oneName}
		if asksWho(prev.Understood) {
			passes = passes[:2]
		}
		for _, src := range srcs {
			for _, pass := range passes {
				if p := person(src, g, pass, named); p != "" {
					return p
				}
			}
			passes = passes[:2]
		}
		if p := person(prev.Understood, g, oneName, named); p != "" {
			return p
		}
		// No person: a pet the conversation is about ("can we bring our
		// dog" … "can she go upstairs?").
		return animalIn(topicOf(prev))
	}
	if w.Word == "there" {
		return names(prev.Understood) // "to Pennick" … "there"; else carried
	}
	if w.Word == "then" {
		return ""
	}
	t := topicOf(prev)
	if pluralPronouns[w.Word] && singularTopic(t) {
		// "so why did they refuse another one" after "did it change
		// anything" about the recount: "they" are people, not the
		// recount.
		return ""
	}
	return t
}

// pluralPronouns stand for several things or for people.
var pluralPronouns = set("they", "them", "their", "theirs")

// singularTopic reports whether no content word of the topic is plural,
// a group or a name ("recount", "heating", "submitting"): "they" does not
// stand for it. "bakery open" may be "they" (the bakery's people).
func singularTopic(t string) bool {
	n := 0
	for _, w := range words(t) {
		if !isContent(w.Word) {
			continue
		}
		if w.Upper || english.IsPlural(w.Word) {
			return false
		}
		n++
	}
	return n > 0
}

// whoIs returns the name a question asks who someone is or was ("who is
// Bolton", "who was Edda Halvorsen?"): every word after "who is" a
// capitalised word that is no stop word, a title allowed before it. ""
// for any other question.
func whoIs(q string) string {
	ws := words(q)
	if len(ws) < 2 || ws[0].Word != "who" && ws[0].Word != "whos" {
		return ""
	}
	var rest []word
	switch {
	case ws[0].Word == "whos" || len(ws[0].text) > len("who"): // "whos", "who's"
		rest = ws[1:]
	case isBe(ws[1].Word):
		rest = ws[2:]
	}
	if len(rest) == 0 || len(rest) > 4 {
		return ""
	}
	for _, w := range rest {
		if !w.Upper || english.IsStop(w.Word) {
			return ""
		}
	}
	if onlyTitles(rest) {
		return ""
	}
	return q[rest[0].Start:rest[len(rest)-1].End]
}

// fullerName is the name in text that holds name's last word and is
// longer ("John Bolton" for "Bolton"), else name.
func fullerName(name, text string) string {
	nws := words(name)
	if len(nws) == 0 {
		return name
	}
	last := nws[len(nws)-1].Word
	ws := words(text)
	for i := 0; i < len(ws); i++ {
		if !ws[i].Upper || english.IsStop(ws[i].Word) {
			continue
		}
		j := nameEnd(text, ws, i)
		span := ws[i:j]
		i = j - 1
		if len(span) > len(nws) && slices.ContainsFunc(span, func(w word) bool { return w.Word == last }) && !onlyTitles(span) {
			return text[span[0].Start:span[len(span)-1].End]
		}
	}
	return name
}

// nameGender is 'm' or 'f' when a word of name says which ("Mrs", "Lord"),
// else 0.
func nameGender(name string) byte {
	for _, w := range words(name) {
		if g := english.Gender(w.Word); g != 0 {
			return g
		}
	}
	return 0
}

// topicOf is what the turn was about (see reading.topic).
func topicOf(t Turn) string {
	if t.Topic != "" {
		return t.Topic
	}
	return carried(t.Understood, "")
}

// Passes of person, surest first.
const (
	sureGender = iota // a name or word for a person whose gender English shows
	titled            // a name with a title, or after a word for a person, gender unknown
	anyName           // a name of several words, gender unknown, not all common words
	oneName           // a name of one word that is no English word, not after a preposition of place
)

// commonWords reports whether every word of a name is a common English
// word ("Recreation Ground", "Victoria Gardens"): a place or a thing
// rather than a person, whom a name of given and family names, at least
// one of them no common word, names ("Nadia Fairbrother").
func commonWords(name []word) bool {
	for _, w := range name {
		if !english.IsDictionaryWord(w.Word) {
			return false
		}
	}
	return true
}

// person is the first person named in s that the pass accepts: a run of
// capitalised words (see the passes) none of them in skip, or a word for
// a person on its own ("my father") whose gender is g.
func person(s string, g byte, pass int, skip map[string]bool) string {
	ws := words(s)
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		if !w.Upper || english.IsStop(w.Word) || whWords[w.Word] {
			if english.Gender(w.Word) == g && english.Lookup(w.Word)&english.Person != 0 && !english.IsTitleOnly(w.Word) &&
				!personPronouns[w.Word] && (i+1 >= len(ws) || !ws[i+1].Upper) {
				return w.text // "my father", not "how the count went"
			}
			continue
		}
		j := nameEnd(s, ws, i)
		start, name, gg, personal := i, ws[i:j], byte(0), false
		if i > 0 {
			gg = english.Gender(ws[i-1].Word)
			personal = english.IsTitle(ws[i-1].Word)
		}
		for _, n := range name {
			if x := english.Gender(n.Word); x != 0 {
				gg = x
			}
			personal = personal || english.IsTitle(n.Word)
		}
		i = j - 1
		if onlyTitles(name) || slices.ContainsFunc(name, func(n word) bool { return skip[n.Word] }) {
			continue // "the Secretary": the name is likely said in full later
		}
		if pass == sureGender && gg == g || pass == titled && gg == 0 && personal ||
			(pass == anyName && len(name) > 1 || pass == oneName && len(name) == 1) && gg == 0 && !commonWords(name) && !afterPlace(ws, start) && !namesBody(name) {
			return s[name[0].Start:name[len(name)-1].End]
		}
	}
	return ""
}

// namesBody reports whether a name of several words ends in a word for a
// building, an institution or a body of people that is never a person's
// name ("Karsa Volcano Observatory", "Rowan House Hospice", "Ashworth
// Town Council"): "she" does not stand for it. Family names that are
// words ("Smith", "Hill", "Baker") name people too in WordNet, and pass.
func namesBody(name []word) bool {
	if len(name) < 2 {
		return false
	}
	kinds := english.KindsOf(english.Stem(name[len(name)-1].Word))
	if kinds == "" || slices.ContainsFunc(personKinds, func(k string) bool { return english.ListHas(kinds, k) }) {
		return false
	}
	return slices.ContainsFunc(bodyKinds, func(k string) bool { return english.ListHas(kinds, k) })
}

// bodyKinds are WordNet's kinds (index terms) of a building, an
// institution or an organisation; personKinds those of a person.
var (
	bodyKinds   = []string{"structur", "build", "edific", "institut", "organ", "organis", "facil", "establish"}
	personKinds = []string{"person", "individu", "worker", "businessperson", "creator", "leader", "perform", "artist", "scientist", "politician", "writer", "expert", "profession"}
)

// animalIn returns the word of the topic t that names a kind of animal,
// or "".
func animalIn(t string) string {
	for _, w := range words(t) {
		if isContent(w.Word) && english.IsAnimal(english.Stem(w.Word)) {
			return w.text
		}
	}
	return ""
}

// asksWho reports whether q opens with "who" or "whom".
func asksWho(q string) bool {
	ws := words(q)
	return len(ws) > 0 && (ws[0].Word == "who" || ws[0].Word == "whom" || ws[0].Word == "whos")
}

// afterPlace reports whether ws[i] follows a preposition of place: "the
// ferry to Corrin Holm" names a place, not a person.
func afterPlace(ws []word, i int) bool {
	return i > 0 && english.Lookup(ws[i-1].Word)&english.PlacePreposition != 0
}

// names are the capitalised names in q past its first word, joined.
func names(q string) string {
	ws := words(q)
	var out []string
	for _, sp := range nameSpans(q, ws) {
		out = append(out, q[ws[sp[0]].Start:ws[sp[1]-1].End])
	}
	return strings.Join(out, " ")
}

// thingNames is names without those of days and months ("and on
// Sundays?"): "it" in the next question ("how much is it") stands for the
// thing asked about before, not for a day.
func thingNames(q string) string {
	ws := words(q)
	var out []string
	for _, sp := range nameSpans(q, ws) {
		if !slices.ContainsFunc(ws[sp[0]:sp[1]], func(w word) bool { return english.Lookup(w.Word)&english.Date == 0 }) {
			continue
		}
		out = append(out, q[ws[sp[0]].Start:ws[sp[1]-1].End])
	}
	return strings.Join(out, " ")
}

// nameSpans are the names q writes with capitals past its first word,
// each as the indexes of its first and past its last
// word in ws.
func nameSpans(q string, ws []word) [][2]int {
	var out [][2]int
	for i := 1; i < len(ws); i++ {
		if !ws[i].Upper || english.IsStop(ws[i].Word) {
			continue
		}
		j := nameEnd(q, ws, i)
		out = append(out, [2]int{i, j})
		i = j - 1
	}
	return out
}

// askedOf reads an ellipsis whose only content is one name ("and
// Putin?", "what about Pompeo?") as the previous question asked of that
// name instead of the one name it held: "what did John Bolton do?"
// becomes "what did Putin do?". ok is false when either question holds
// other content or more than one name.
func askedOf(ws []word, q, prev string) (string, bool) {
	spans := nameSpans(q, ws)
	if len(spans) != 1 {
		return "", false
	}
	for k, w := range ws {
		if isContent(w.Word) && (k < spans[0][0] || k >= spans[0][1]) {
			return "", false
		}
	}
	pws := words(prev)
	pspans := nameSpans(prev, pws)
	if len(pspans) != 1 {
		return "", false
	}
	name := q[ws[spans[0][0]].Start:ws[spans[0][1]-1].End]
	from, to := pws[pspans[0][0]].Start, pws[pspans[0][1]-1].End
	return prev[:from] + name + prev[to:], true
}

// likeWordCosine is the least likeness of meaning (word vectors) between
// an ellipsis's one word and a word of the question before for the one to
// take the other's place: "bath" for "shower" (0.62), "ducks" for
// "chickens" (0.64), "lunch" for "dinner".
const likeWordCosine = 0.5

// askedOfLike reads an ellipsis whose only content is one word ("what
// about a bath?", "and ducks?") as the previous question asked of that
// word in place of its nearest in meaning: "can i have a shower" becomes
// "can i have a bath", where carrying every word over would still ask of
// the shower. ok is false when no word of the question before is near.
func askedOfLike(ws []word, q, prev string) (string, bool) {
	start := nounPhrase(ws)
	var x word
	n := 0
	for k, w := range ws {
		if english.HasDigit(w.Word) || english.Lookup(w.Word)&english.Number != 0 {
			return "", false // "and after 5 years?": a band, read by the matcher
		}
		if isContent(w.Word) {
			if k < start {
				return "", false
			}
			x, n = w, n+1
		}
	}
	if n != 1 || start >= len(ws) || english.Lookup(x.Word)&english.Kinds != 0 {
		return "", false // a day, a unit or a sum takes its class's place already (replaced)
	}
	v := english.LoadVectors()
	xr := v.Row(x.Word)
	if xr < 0 {
		return "", false
	}
	best, bestCos := word{}, float32(likeWordCosine)
	for _, p := range words(prev) {
		if !isContent(p.Word) || p.Word == x.Word || english.Stem(p.Word) == english.Stem(x.Word) {
			continue
		}
		if pr := v.Row(p.Word); pr >= 0 {
			if c := v.Cosine(xr, pr); c >= bestCos {
				best, bestCos = p, c
			}
		}
	}
	if best.text == "" {
		return "", false
	}
	return prev[:best.Start] + x.text + prev[best.End:], true
}

// nameEnd is where the name starting at ws[i] ends: capitalised words
// joined by spaces or a title's period, and "of" between two of them
// ("Secretary of State").
func nameEnd(s string, ws []word, i int) int {
	j := i + 1
	for j < len(ws) {
		if ws[j].Word == "of" && j+1 < len(ws) && ws[j+1].Upper && !english.IsStop(ws[j+1].Word) &&
			joined(s[ws[j-1].End:ws[j].Start]) && joined(s[ws[j].End:ws[j+1].Start]) {
			j += 2
			continue
		}
		if !ws[j].Upper || english.IsStop(ws[j].Word) || !joined(s[ws[j-1].End:ws[j].Start]) {
			break
		}
		j++
	}
	return j
}

// onlyTitles reports whether a name is only titles and words for a person
// ("Secretary of State", "the Chair"), naming no one in particular.
func onlyTitles(name []word) bool {
	for _, w := range name {
		if w.Word != "of" && !english.IsTitle(w.Word) && english.Lookup(w.Word)&english.Place == 0 {
			return false
		}
	}
	return true
}

// joined reports whether the text between two capitalised words keeps
// them one name: spaces, or the period of an abbreviated title.
func joined(gap string) bool {
	return strings.Trim(gap, " .") == "" && len(gap) <= 2
}

// withNames returns s with each word that store writes as a name
// (facts.Store.IsName) and s writes in lower case capitalised: "who is
// john bolton" reads as "who is John Bolton", so that a follow-up's "he"
// finds him and "what did pompeo say" is no ellipsis. Only a word opening
// with an ASCII letter is changed, so every offset in s stays.
func withNames(s string, store *facts.Store) string {
	var b []byte
	var toks []english.Token
	english.Tokenize(s, func(t english.Token) { toks = append(toks, t) })
	for k, t := range toks {
		c := s[t.Start]
		if c < 'a' || c > 'z' || !store.IsName(t.Word) || commonAsked(toks, k, store) {
			continue
		}
		if b == nil {
			b = []byte(s)
		}
		b[t.Start] = c - 'a' + 'A'
	}
	if b == nil {
		return s
	}
	return string(b)
}

// commonAsked reports whether the k-th word, which the documents write
// as part of a name ("The Long Table", "The Living Loaf"), is the
// common word in the question: an English word after "how" ("how long")
// or after an article or a possessive ("for a living", "the default"),
// unless the next word is a name too ("the White House").
func commonAsked(toks []english.Token, k int, store *facts.Store) bool {
	if k == 0 || !english.IsDictionaryWord(toks[k].Word) {
		return false
	}
	prev := toks[k-1].Word
	if prev != "how" && !determiners[prev] {
		return false
	}
	return k+1 >= len(toks) || !store.IsName(toks[k+1].Word)
}

// withNamesTurn is t with withNames applied to what it said, and with
// the words of its topic that the documents do not hold left out of what
// a follow-up carries ("how long till i can use it again" after "…my
// kettle turns off before the water's hot" carries "kettle water", not
// "hot").
func withNamesTurn(t Turn, store *facts.Store) Turn {
	t.Question, t.Understood = withNames(t.Question, store), withNames(t.Understood, store)
	if t.Topic == "" {
		t.Topic = carried(t.Understood, "")
	}
	t.Topic = knownWords(t.Topic, store)
	t.Understood = knownWords(t.Understood, store)
	return t
}

// knownWords is s without its content words (isContent) whose stem is no
// term of store and that s does not capitalise (a name); s itself when
// every content word would go.
func knownWords(s string, store *facts.Store) string {
	var b strings.Builder
	last, kept, dropped := 0, 0, false
	for _, w := range words(s) {
		if !isContent(w.Word) {
			continue
		}
		if w.Upper || holdsStem(store, w.Word) {
			kept++
			continue
		}
		b.WriteString(strings.TrimRight(s[last:w.Start], " "))
		last, dropped = w.End, true
	}
	if !dropped || kept == 0 {
		return s
	}
	b.WriteString(s[last:])
	return strings.TrimSpace(b.String())
}

// leftIt reports whether the turn's question, as understood, still says
// "it": of something no turn named, the document's own subject.
func leftIt(t Turn) bool {
	return slices.ContainsFunc(words(t.Understood), func(w word) bool { return w.Word == "it" })
}

// comparedAmount returns the one sum or number the previous answer states
// when "that" or "this" follows a word comparing amounts ("more than
// that", "over that", "anything above this"), or "". An answer stating two
// amounts does not say which is meant.
func comparedAmount(w word, prev Turn, q []word) string {
	if w.Word != "that" && w.Word != "this" || prev.Answer == "" {
		return ""
	}
	i := slices.IndexFunc(q, func(x word) bool { return x.Start == w.Start })
	if i < 1 || !comparers[q[i-1].Word] {
		return ""
	}
	found := ""
	for _, m := range amountPattern.FindAllString(prev.Answer, -1) {
		m = strings.TrimRight(m, ".,")
		if found != "" && m != found {
			return ""
		}
		found = m
	}
	return found
}

// comparers compare an amount with the one after them.
var comparers = set("than", "over", "above", "under", "below", "beyond", "exceeds", "exceeding")

// amountPattern finds a sum ("£500", "$1,200.50", "2k") or a number with
// its unit's first letters ("30 days", "10 kg") in an answer.
var amountPattern = regexp.MustCompile(`[£$€]\s?\d[\d,]*(?:\.\d+)?(?:k|m|bn)?\b|\b\d[\d,]*(?:\.\d+)?\s?(?:%|(?:per ?cent|days?|weeks?|months?|years?|hours?|minutes?|mins?|kg|g|km|miles?|metres?|meters?|people|nights?)\b)`)

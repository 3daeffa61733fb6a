package match

import (
	"slices"
	"strings"

	"github.com/storybot/storybot/english"
	"github.com/storybot/storybot/facts"
)

// "What does Kowalczyk do for work?" asks for an occupation, which a
// sentence states with a noun for one ("a 34-year-old primary school
// teacher", "a retired solicitor", "the ferryman") or by saying what
// someone works as ("works as a conservator", "used to be a
// schoolteacher"). The sentence that matches the name best is often the
// one saying what the person did that day instead; when the first
// candidate states no occupation, the first that does and names the
// person asked about is put first: among the first candidates, then among
// the sentences holding the name.

// occupationWindow is how many of the first candidates are read for an
// occupation.
const occupationWindow = 5

// occupationScan bounds the sentences holding the names asked that are
// read for an occupation, as ageScan does for an age.
const occupationScan = 32

// asksOccupation reports whether the question (its lower-case words) asks
// what someone does or did for a living: "what does she do for work",
// "what did Nell do for a living", "what was her job", "what's Ashworth's
// background", "what is his occupation", "what does Priya do". A
// question about a job in general ("how many jobs", "is it a good job")
// or a yes-no question ("did she ever bake for a living") does not, nor
// what someone wants done ("what does the union want them to do"). The
// person asked about is named in words[about:end].
func asksOccupation(words []string) (asks bool, about, end int) {
	if len(words) < 3 {
		return false, 0, 0
	}
	wh := -1
	for i, w := range words[:min(len(words), 3)] {
		if w == "what" || w == "whats" {
			wh = i
			break
		}
	}
	if wh < 0 {
		return false, 0, 0
	}
	about = wh + 1
	if about < len(words) && occupationVerbs[words[about]] {
		about++
	}
	for i := about; i < len(words) && i <= about+occupationSpan; i++ {
		w := words[i]
		switch {
		case occupationNouns[w]:
			// "what was her job", "Ashworth's background": owned by
			// someone, not "what job" of jobs in general.
			return i > about || i+1 < len(words) && words[i+1] == "of", about, i
		case (w == "do" || w == "doing") && i > about && words[i-1] != "to":
			rest := words[i+1:]
			if len(rest) == 0 || len(rest) == 1 && occupationNow[rest[0]] {
				return true, about, i // "what does Priya do", "what does he do now"
			}
			if rest[0] == "for" && len(rest) > 1 && (rest[1] == "work" || rest[1] == "a" && len(rest) > 2 && (rest[2] == "living" || rest[2] == "job")) {
				return true, about, i
			}
			return false, 0, 0
		}
	}
	return false, 0, 0
}

// occupationSpan bounds the words that name whose occupation is asked.
const occupationSpan = 4

var (
	// occupationVerbs come between "what" and whose occupation it is.
	occupationVerbs = setOf("does", "did", "do", "is", "was", "s", "are", "were", "has")
	// occupationNouns ask for an occupation when someone's.
	occupationNouns = setOf("job", "occupation", "profession", "background", "career", "trade")
	// occupationNow may follow "what does X do".
	occupationNow = setOf("now", "nowadays", "today", "then")
	// occupationKinds are the general terms (index terms) that a noun for
	// an occupation is a kind of in WordNet's hyponyms: "teacher" a
	// professional, "plumber" a worker, "solicitor" a lawyer.
	occupationKinds = []string{"profession", "profess", "worker", "occup", "job", "vocat", "lawyer", "artific", "businessperson"}
	// occupationLeads say what someone works as before the occupation
	// ("works as a conservator", "used to be a schoolteacher").
	occupationLeads = setOf("as", "be", "became", "becomes", "become")
	// occupationDeterminers come within a few words before a noun for an
	// occupation ("a retired solicitor", "the ferryman").
	occupationDeterminers = setOf("a", "an", "the")
)

// isOccupation reports whether w (a lower-case word) is a noun for an
// occupation.
func isOccupation(w string) bool {
	if len(w) < 4 || english.IsStop(w) {
		return false
	}
	kinds := english.KindsOf(english.Stem(w))
	for _, k := range occupationKinds {
		if english.ListHas(kinds, k) {
			return true
		}
	}
	return false
}

// statesOccupation reports whether text states someone's occupation: a
// noun for one (isOccupation) after "a", "an" or "the" set beside a name
// ("Kowalczyk, a 34-year-old primary school teacher"; "Ezra Pembury, the
// ferryman") or after a verb of being ("her father was a weaver", "is a
// lecturer"), or any word after "works as" or "used to be a". Words the
// question holds ("job", "work") state nothing new. whose, when not nil,
// says whether a name (a lower-case word) is the person asked about: a
// noun set beside another name is that one's occupation ("Ezra Pembury,
// the ferryman" is not Nell's).
func statesOccupation(text string, asked termSet[string], whose func(string) bool) bool {
	// One pass, the token before at hand: no slice of tokens to grow.
	var prev english.Token
	k, lastDet, lastLead, found := 0, -10, -10, false
	english.Tokenize(text, func(t english.Token) {
		defer func() { prev, k = t, k+1 }()
		w := t.Word
		switch {
		case found:
			return
		case occupationDeterminers[w] && k > 0 && occupationFrame(text, prev, t, whose):
			lastDet = k
			return
		case occupationLeads[w] && k > 0 && (w != "as" || workWords[prev.Word]) && (w != "be" || prev.Word == "to"):
			lastLead = k
			return
		}
		// Only a word in a frame is looked up, and only one found there
		// is checked against the question's: most words are neither.
		states := k-lastDet <= occupationReach && isOccupation(w) ||
			k-lastLead <= 3 && !english.IsStop(w) && !isNumber(w) && !occupationDeterminers[w] // "works as a conservator"
		found = states && !asked.has(w) && !asked.has(english.Stem(w))
	})
	return found
}

// occupationReach is how many words after its article a noun for an
// occupation may come ("a 34-year-old primary school teacher").
const occupationReach = 7

// occupationFrame reports whether the article det, after the token prev,
// opens a phrase saying what someone is: after a verb of being ("was a
// weaver"), or set off by a comma after a name ("Ashworth, a retired
// solicitor").
func occupationFrame(text string, prev, det english.Token, whose func(string) bool) bool {
	if lifeVerbs[prev.Word] || prev.Word == "became" || prev.Word == "becomes" {
		return true
	}
	between := text[prev.End:det.Start]
	return strings.Contains(between, ",") && prev.Start < len(text) && text[prev.Start] >= 'A' && text[prev.Start] <= 'Z' &&
		(whose == nil || whose(prev.Word))
}

// workWords come before "as" to say what someone works as.
var workWords = setOf("work", "works", "worked", "working", "job", "career", "trained", "employed", "served", "serves")

// preferOccupation puts first, when the question asks someone's
// occupation and the first candidate states none, the first of the first
// candidates that states one and names the person asked about, else the
// first sentence holding the name that does (brought in from beyond the
// candidates). It reports whether the first states the occupation.
func (m *Matcher) preferOccupation(hits []Hit, q *question) bool {
	asks, about, end := asksOccupation(q.all)
	if !asks || len(hits) == 0 {
		return false
	}
	asked := termSet[string]{}
	for _, w := range q.all {
		asked.add(w)
		asked.add(english.Stem(w))
	}
	// The person is named when the words before the verb are a name (and
	// a title): not "Ada Whitlow's dad", whose occupation is his, nor
	// "her".
	var names []int32
	if bare := end+1 >= len(q.all) || occupationNow[q.all[end+1]]; bare && !m.namesSomeoneIn(q, q.all[about:end]) {
		return false // "what does oxidative phosphorylation do" asks what it is for
	}
	for _, w := range q.all[about:end] {
		if id, ok := m.termID.Lookup(english.Stem(w)); ok && (m.store.IsName(w) || q.capital.has(w)) {
			names = append(names, id)
		} else if w != "the" && english.Lookup(w)&english.Person == 0 || english.IsStop(w) {
			names = nil
			break
		}
	}
	named := func(i int) bool {
		if len(names) == 0 {
			return true
		}
		for _, id := range names {
			// the name's sentence, or the next in its paragraph ("She
			// used to be a schoolteacher.")
			if m.inSentence(id, i) || i > 0 && m.sents[i-1].Paragraph == m.sents[i].Paragraph &&
				m.sents[i-1].Doc() == m.sents[i].Doc() && m.inSentence(id, i-1) {
				return true
			}
		}
		return false
	}
	var whose func(string) bool
	if len(names) > 0 {
		whose = func(w string) bool {
			id, ok := m.termID.Lookup(english.Stem(w))
			return ok && slices.Contains(names, id)
		}
	}
	holds := func(i int) bool { return named(i) && statesOccupation(m.sents[i].Text, asked, whose) }
	if preferHolding(hits, occupationWindow, holds) {
		return true
	}
	if len(names) == 0 {
		return false
	}
	budget := occupationScan // over all the names: a name on every page costs no more
	for _, id := range names {
		for _, p := range m.postings.Of(int(id)) {
			if budget == 0 {
				return false
			}
			budget--
			if i := int(p); statesOccupation(m.sents[i].Text, asked, whose) {
				putFirst(hits, m.sents, i)
				return true
			}
		}
	}
	return false
}

// putFirst puts sentence i first among hits: moved up when it is among
// them, else in the first place, the others moved down and the last
// dropped.
func putFirst(hits []Hit, sents []*facts.Sentence, i int) {
	for k, h := range hits {
		if h.Index == i {
			toFirst(hits, k)
			return
		}
	}
	h := Hit{Sentence: sents[i], Index: i, Score: hits[0].Score, Matched: hits[0].Matched}
	copy(hits[1:], hits[:len(hits)-1])
	hits[0] = h
}

// namesSomeoneIn reports whether words, the subject of "what does … do",
// are a person: names, a personal pronoun or a word for a person ("her
// dad", "the mayor"), not a thing ("the inner membrane", "the Sieve of
// Eratosthenes").
func (m *Matcher) namesSomeoneIn(q *question, words []string) bool {
	for _, w := range words {
		switch {
		case someoneWords[w], personPronouns[w], english.Lookup(w)&english.Person != 0:
		case q.capital.has(w) || m.store.IsName(w):
		default:
			return false
		}
	}
	return len(words) > 0
}

// someoneWords may come in the words naming a person.
var someoneWords = setOf("the", "your", "my", "our", "his", "her", "their", "they", "him", "them")

package match

import (
	"slices"
	"strings"

	"github.com/storybot/storybot/english"
)

// A birth date asked ("when was he born", "what year was Sarnow born",
// "whens her birthday") is answered, in a biography or an encyclopedia
// entry, by the dates written after the person's name where the text
// introduces them: "Emil Aurelius Sarnow (14 March 1862 – 9 November
// 1931) was a composer…", "Ada Whitlow (born 1904) is…". That sentence
// does not say "born", so BM25 reaches it only through the name, and a
// question asking of "he" misses it for a sentence that says "born" of
// someone else ("two daughters, Clara (born 1893)") or of a place
// ("was born in Libau").

// asksBirth reports whether the question (its lower-case words) asks
// when someone was born, and of whom: the names among its words, or
// none when it asks of "he" or "she".
func (m *Matcher) asksBirth(words []string) (asks bool, names []string) {
	when, born, pronoun := false, false, false
	for i, w := range words {
		switch w {
		case "when", "whens":
			when = true
		case "year", "date", "day":
			when = when || i > 0 && (words[i-1] == "what" || words[i-1] == "which")
		case "born":
			born = true
		case "birthday", "dob", "birthdate":
			when, born = true, true
		case "birth":
			if i > 1 && words[i-1] == "of" && words[i-2] == "date" {
				when, born = true, true
			}
		case "he", "she", "his", "her":
			pronoun = true
		}
	}
	if !when || !born {
		return false, nil // most questions: no names collected
	}
	for _, w := range words {
		if m.store.IsName(w) {
			names = append(names, w)
		}
	}
	if len(names) == 0 && !pronoun {
		return false, nil
	}
	return true, names
}

// lifeDates returns the lower-case words of the name that the
// parenthesis opening text's dates follows ("Emil Aurelius Sarnow (14
// March 1862 – 9 November 1931)", "Ada Whitlow (born 1904)"), nil when
// text has none: a run of capitalised words right before a parenthesis
// that holds a year and no other words than months, days, "born", "b."
// and "c.".
func lifeDates(text string) []string {
	var toks []english.Token
	english.Tokenize(text, func(t english.Token) { toks = append(toks, t) })
	for k := 0; k < len(toks); k++ {
		open := strings.LastIndexByte(text[:toks[k].Start], '(')
		if open < 0 || k == 0 || toks[k-1].End > open || strings.TrimSpace(text[toks[k-1].End:open]) != "" {
			continue
		}
		end := strings.IndexByte(text[open:], ')')
		if end < 0 {
			continue
		}
		year, ok := false, true
		j := k
		for ; j < len(toks) && toks[j].Start < open+end; j++ {
			w := toks[j].Word
			switch {
			case english.IsYear(w):
				year = true
			case isNumber(w) || english.Lookup(w)&english.Date != 0 || w == "born" || w == "b" || w == "c" || w == "circa":
			default:
				ok = false
			}
		}
		if !year || !ok {
			k = j
			continue
		}
		var name []string
		for i := k - 1; i >= 0 && toks[i].Upper && !english.IsStop(toks[i].Word); i-- {
			name = append([]string{toks[i].Word}, name...)
		}
		if len(name) > 0 {
			return name
		}
		k = j
	}
	return nil
}

// statesBirth reports whether text says someone was born on a date: "born"
// with a year or a month after it, not within a parenthesis after another
// name ("Clara (born 1893)"), which lifeDates reads.
func statesBirth(text string) bool {
	var toks []english.Token
	english.Tokenize(text, func(t english.Token) { toks = append(toks, t) })
	for k, t := range toks {
		if t.Word != "born" || strings.HasSuffix(strings.TrimSpace(text[:t.Start]), "(") {
			continue
		}
		for j := k + 1; j < len(toks) && j <= k+6; j++ {
			if english.IsYear(toks[j].Word) || english.Lookup(toks[j].Word)&english.Date != 0 {
				return true
			}
		}
	}
	return false
}

// birthScan bounds the sentences read for a person's life dates: an
// entry's opening, or a name's first sentences in a longer text.
const birthScan = 64

// preferBirth brings first, when the question asks when someone was born
// and the first candidate does not say so, the sentence that gives their
// life dates after their name: of the name asked, or, for "he" or "she",
// the document's opening sentence when it introduces someone so.
func (m *Matcher) preferBirth(hits []Hit, q *question) {
	asks, names := m.asksBirth(q.all)
	if !asks || len(hits) == 0 || statesBirth(hits[0].Sentence.Text) && len(lifeDates(hits[0].Sentence.Text)) == 0 {
		return
	}
	best := -1
	if len(names) == 0 {
		// "he": the person the document's first sentence introduces.
		doc := hits[0].Sentence.Doc()
		for i := range m.sents {
			if s := m.sents[i]; s.Doc() == doc && !s.Heading() {
				if names = lifeDates(s.Text); len(names) > 0 {
					best = i
				}
				break
			}
		}
		if best < 0 {
			return
		}
	}
	of := func(i int) bool {
		for _, n := range lifeDates(m.sents[i].Text) {
			if slices.Contains(names, n) {
				return true
			}
		}
		return false
	}
	if of(hits[0].Index) {
		return
	}
	if id, ok := m.termID.Lookup(english.Stem(names[0])); ok && best < 0 {
		for k, p := range m.postings.Of(int(id)) {
			if k == birthScan {
				break
			}
			if of(int(p)) {
				best = int(p)
				break
			}
		}
	}
	if best < 0 {
		return
	}
	k := len(hits) - 1
	for i, h := range hits {
		if h.Index == best {
			k = i
			break
		}
	}
	h := hits[k]
	if h.Index != best {
		h = Hit{Sentence: m.sents[best], Index: best, Score: hits[0].Score}
	}
	copy(hits[1:k+1], hits[:k])
	hits[0] = h
}

// deathVerbs say that, and often how, someone died; "death" does when a
// cause follows it ("his death in a car crash"), not in "after his death".
var (
	deathVerbs  = setOf("died", "killed", "assassinated", "murdered", "executed", "drowned", "hanged", "poisoned", "succumbed", "perished", "suicide", "overdose")
	causeAfters = setOf("in", "of", "from", "by")
)

// deathWindow is how many candidates after the first are read for how
// someone died.
const deathWindow = 4

// preferDeathManner: "how did James Dean die?" asks how, which an entry's
// opening with the life dates does not say ("James Byron Dean (February
// 8, 1931 – September 30, 1955) was an American actor"), nor "released
// after his death": when the first candidate does not say how, the first
// of the next few that says he died, and of what, goes first.
func (m *Matcher) preferDeathManner(hits []Hit, q *question) {
	if len(hits) < 2 || !asksHowDied(q.all) || saysDeath(hits[0].Sentence.Text) {
		return
	}
	for k := 1; k < min(len(hits), deathWindow+1); k++ {
		if saysDeath(hits[k].Sentence.Text) {
			toFirst(hits, k)
			return
		}
	}
}

// asksHowDied reports whether the question asks how someone died: "how
// did X die", "how did he die".
func asksHowDied(all []string) bool {
	if len(all) < 3 || all[0] != "how" || all[1] != "did" && all[1] != "does" {
		return false
	}
	last := all[len(all)-1]
	return last == "die" || last == "died"
}

// saysDeath reports whether text says how someone died.
func saysDeath(text string) bool {
	found, death, cause := false, 0, false
	english.Tokenize(text, func(t english.Token) {
		switch {
		case cause:
			// "his death in a car crash", not "his death in 1963"
			found = found || !english.IsYear(t.Word) && english.Lookup(t.Word)&english.Date == 0
			cause = false
		case deathVerbs[t.Word]:
			found = true
		case t.Word == "death":
			death = 3
		case death > 0:
			cause = causeAfters[t.Word]
			death--
		}
	})
	return found
}

package match

import (
	"strings"

	"github.com/storybot/storybot/english"
)

// Contractions: a text may write a word only as its contraction, its
// first and last letters with some between ("Cllr." for councillor,
// "Supt." for superintendent, "Ltd" for limited, "Dept" for department),
// and a question spells the word out ("Did any councillor declare an
// interest?"). A question word the text lacks is read as a contraction
// the text has: a word of three to five letters that a document uses as
// its own abbreviation (facts learns them: written with a period before a
// name, never without), that begins and ends as the question word does,
// and whose letters come in the question word in order. Short texts only.

// contractions returns the short text's words that can be contractions,
// found once per matcher.
func (m *Matcher) contractions() []int32 {
	m.contrOnce.Do(func() {
		for wid, w := range m.words {
			if n := len(w); n < 3 || n > 5 || !english.IsLowerASCII(w) {
				continue
			}
			for _, d := range m.store.Documents() {
				if d.IsAbbreviation(w) {
					m.contrs = append(m.contrs, int32(wid))
					break
				}
			}
		}
	})
	return m.contrs
}

// contraction returns the text's contraction of w, if it has one (the
// most frequent, when several fit).
func (m *Matcher) contraction(w string) (word string, term int32, ok bool) {
	if len(w) < 6 || len(m.sents) > rerankMaxSentences || !english.IsLowerASCII(w) {
		return "", 0, false
	}
	// A plural is the contraction's plural ("councillors", "Cllrs."
	// written "Cllr."): its last letter is the singular's.
	one := strings.TrimSuffix(w, "s")
	return m.mostFrequent(m.contractions(), func(wid int32) bool {
		c := m.words[wid]
		return c[0] == w[0] && (c[len(c)-1] == w[len(w)-1] || c[len(c)-1] == one[len(one)-1]) && isSubsequence(c, one)
	})
}

// compound returns the two text words a question word closes up ("a
// skatepark" for the text's "skate park", "shipwreck" for "ship" and
// "wreck"): each of three letters or more and no function word, both in
// the text, the word being one then the other. When the vectors know the
// word, one of the two must be near it in meaning ("carpet" is not a car
// and a pet), or the text must write them side by side (writesApart),
// which is looked for at most maxApartChecks times a question, counted
// in *checks. ok is false when no split fits.
func (m *Matcher) compound(w string, checks *int) (a, b int32, ok bool) {
	if len(w) < 6 || !english.IsLowerASCII(w) {
		return 0, 0, false
	}
	for i := 3; i <= len(w)-3; i++ {
		x, y := w[:i], w[i:]
		wa, okA := m.wordID.Lookup(x)
		wb, okB := m.wordID.Lookup(y)
		if !okA || !okB || english.IsStop(x) || english.IsStop(y) {
			continue
		}
		if !compoundMeaning(w, x, y) {
			if *checks >= maxApartChecks {
				continue
			}
			*checks++
			if !m.writesApart(x, y, m.wordStem[wa], m.wordStem[wb]) {
				continue
			}
		}
		return m.wordStem[wa], m.wordStem[wb], true
	}
	return 0, 0, false
}

// maxApartScan bounds the sentences writesApart reads, the rarer part's,
// and maxApartBytes the bytes of them; maxApartChecks the times a question
// looks (a question rarely closes up more than one or two compounds, and
// one of 1,000 characters may be a hundred words that split).
const (
	maxApartScan   = 64
	maxApartBytes  = 16 << 10
	maxApartChecks = 3
)

// writesApart reports whether the text writes x and y (of terms a and b)
// one after the other, "run time" or "pay-day": then the closed form is
// theirs whatever the vectors say ("runtime" is near neither "run" nor
// "time" in general English, where it is a programmer's word).
func (m *Matcher) writesApart(x, y string, a, b int32) bool {
	ps := m.postings.Of(int(a))
	if len(m.postings.Of(int(b))) < len(ps) {
		ps = m.postings.Of(int(b))
	}
	budget := maxApartBytes
	for _, p := range ps[:min(len(ps), maxApartScan)] {
		text := m.sents[p].Text
		if len(text) > budget {
			text = text[:budget]
		}
		budget -= len(text)
		for i := indexFold(text, x); i >= 0; {
			j := i + len(x)
			if j < len(text) && (text[j] == ' ' || text[j] == '-') && hasPrefixFold(text[j+1:], y) {
				return true
			}
			k := indexFold(text[j:], x)
			if k < 0 {
				break
			}
			i = j + k
		}
		if budget <= 0 {
			break
		}
	}
	return false
}

// indexFold is strings.Index with ASCII letters matched in either case
// (word, lower case, as the question's words are).
func indexFold(text, word string) int {
	for i := 0; i+len(word) <= len(text); i++ {
		if hasPrefixFold(text[i:], word) {
			return i
		}
	}
	return -1
}

// hasPrefixFold reports whether text opens with word (lower case ASCII),
// in either case.
func hasPrefixFold(text, word string) bool {
	if len(text) < len(word) {
		return false
	}
	for i := 0; i < len(word); i++ {
		c := text[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != word[i] {
			return false
		}
	}
	return true
}

// compoundPart returns the term of the text word that a question word,
// unknown to the text, opens with, closing it up with another English
// word, when the vectors put the two near in meaning: "lunchtime" is the
// text's "lunch", "rainfall" its "rain". The first part is the one that
// says what: "birthday" is no "day" ("happy birthday sam" is no
// question about the days the text names). Not "carpet" for "car", nor
// "housework" for "house". ok is false when no part fits.
// Only for a short text (reranked): a book's typo corrector reads such
// words.
func (m *Matcher) compoundPart(w string, reranked bool) (term int32, part string, ok bool) {
	if !reranked || len(w) < 7 || !english.IsLowerASCII(w) {
		return 0, "", false
	}
	v := english.LoadVectors()
	if v == nil {
		return 0, "", false
	}
	rw := v.Row(w)
	if rw < 0 {
		return 0, "", false
	}
	best := minPartLikeness
	for i := 3; i <= len(w)-3; i++ {
		x, other := w[:i], w[i:]
		wid, known := m.wordID.Lookup(x)
		if !known || functionWord(x) || functionWord(other) || v.Row(other) < 0 {
			continue // "alongside" is not "along"
		}
		if r := v.Row(x); r >= 0 {
			if c := float64(v.Cosine(rw, r)); c >= best {
				best, term, part, ok = c, m.wordStem[wid], x, true
			}
		}
	}
	return term, part, ok
}

// functionWord reports whether w is a stop word or a preposition.
func functionWord(w string) bool {
	return english.Lookup(w)&(english.Stop|english.PlacePreposition) != 0 || prepositions[w]
}

// prepositions that are no stop words, as parts of a closed compound.
var prepositions = setOf("along", "inside", "outside", "under", "over", "through", "within", "without",
	"across", "around", "toward", "towards", "beside", "between", "beyond", "above", "below", "behind")

// minPartLikeness is how near in meaning (cosine) a closed compound must
// be to its part for the part to stand for it: "lunchtime" and "lunch"
// 0.64, "rainfall" and "rain" 0.68; "sunday" and "sun" 0.41.
const minPartLikeness = 0.6

// minCompoundLikeness is how near in meaning (cosine) a closed compound
// must be to one of its parts, when the vectors know it.
const minCompoundLikeness = 0.4

func compoundMeaning(w, x, y string) bool {
	v := english.LoadVectors()
	if v == nil {
		return true
	}
	rw := v.Row(w)
	if rw < 0 {
		return true
	}
	for _, part := range []string{x, y} {
		if r := v.Row(part); r >= 0 && v.Cosine(rw, r) >= minCompoundLikeness {
			return true
		}
	}
	return false
}

package match

import (
	"strings"

	"github.com/storybot/storybot/english"
)

// Word formation: chat says "employees" where a text says "we employ",
// "closure" where it says "closed", "temp" where it says "temperature". A
// question word the text lacks, even by its stem, is read as a text word
// of its family: one is the other plus a derivational suffix (employ,
// employer, employee; close, closure; pay, payment), they are sibling forms
// (absent, absence), or the question word is a common clipping of it
// (english.Clipped), or its plural or singular where the stemmer parts
// them ("bus", "buses"). Spelling alone would join "part" and "party", and
// vectors do not tell them apart (they are as alike as "info" and
// "information"), so the suffixes are what decides.
const minFormPrefix = 4

// derivational suffixes, and the endings of sibling forms.
var (
	formSuffixes = setOf("er", "ers", "or", "ors", "ee", "ees", "ment", "ments", "ure", "ures",
		"ion", "ions", "ation", "ations", "ition", "itions", "al", "als", "ist", "ists", "ship",
		"ness", "ity", "ive", "ance", "ence", "ant", "ants", "ent", "ents", "age", "ery")
	siblingEndings = [][2]string{{"ence", "ent"}, {"ance", "ant"}, {"ency", "ent"}, {"ancy", "ant"},
		{"ation", "ate"}, {"ition", "ite"}, {"sion", "de"}, {"ure", "e"},
		// Latin stems that change before "-tion": abstain/abstention,
		// receive/reception, describe/description, consume/consumption,
		// reduce/reduction, admit/admission, resolve/resolution.
		{"ention", "ain"}, {"eption", "eive"}, {"iption", "ibe"}, {"umption", "ume"},
		{"uction", "uce"}, {"ission", "it"}, {"olution", "olve"}}
)

// formIndex maps the first three letters of the text's words to them.
func (m *Matcher) formIndex() map[string][]int32 {
	m.formOnce.Do(func() {
		m.forms = make(map[string][]int32)
		for wid, w := range m.words {
			if len(w) >= 3 && !english.HasDigit(w) {
				m.forms[w[:3]] = append(m.forms[w[:3]], int32(wid))
			}
		}
	})
	return m.forms
}

// wordForm returns the text's word of the same family as w, if one is.
func (m *Matcher) wordForm(w string) (word string, term int32, ok bool) {
	if len(w) < 2 || english.HasDigit(w) {
		return "", 0, false
	}
	for _, full := range english.ClippedSenses(w) { // "pw", "temp"; "ref" as a referee
		if wid, ok := m.wordID.Lookup(full); ok {
			return full, m.wordStem[wid], true
		}
		if tid, ok := m.termID.Lookup(english.Stem(full)); ok {
			return full, tid, true
		}
	}
	for _, short := range english.Clippings(w) {
		if wid, ok := m.wordID.Lookup(short); ok {
			return short, m.wordStem[wid], true
		}
	}
	if len(w) < 3 {
		return "", 0, false
	}
	for _, f := range inflections(w) {
		if wid, ok := m.wordID.Lookup(f); ok && len(f) >= 3 { // not "goes" as "go"
			return f, m.wordStem[wid], true
		}
	}
	if len(w) < minFormPrefix {
		return "", 0, false
	}
	f := newFamily(w, english.Stem(w))
	return m.mostFrequent(m.formIndex()[w[:3]], func(wid int32) bool {
		return f.has(m.words[wid], m.terms[m.wordStem[wid]]) && formsAlike(w, m.words[wid])
	})
}

// formMinCosine is the least likeness of meaning (word vectors' cosine)
// two words that look like one family must have to be read as one: a
// teacher teaches (0.62), an organiser organises (0.35), but showers are
// no shows (0.18), nor a corner corn (0.16).
const formMinCosine = 0.3

// formsAlike reports whether a and b, of one family by their letters, are
// alike in meaning, or either is unknown to the word vectors.
func formsAlike(a, b string) bool {
	v := english.LoadVectors()
	ra, rb := v.Row(a), v.Row(b)
	return ra < 0 || rb < 0 || v.Cosine(ra, rb) >= formMinCosine
}

// mostFrequent is the word, of the text's words ids, that keep accepts
// and the text uses most, with its stem's term.
func (m *Matcher) mostFrequent(ids []int32, keep func(wid int32) bool) (word string, term int32, ok bool) {
	best := int32(-1)
	for _, wid := range ids {
		if keep(wid) && (best < 0 || m.wordFreq[wid] > m.wordFreq[best]) {
			best = wid
		}
	}
	if best < 0 {
		return "", 0, false
	}
	return m.words[best], m.wordStem[best], true
}

// sameFamily reports whether two words are forms of one: the longer is the
// shorter (or its stem, or either without a final "e") plus a derivational
// suffix, possibly inflected; or they are sibling forms.
func sameFamily(a, b string) bool { return newFamily(a, english.Stem(a)).has(b, english.Stem(b)) }

// family is a word (a, with its stem sa) to try against many others for
// sameFamily: wordForm tries a question word against hundreds of a book's
// words, so what depends on it alone (its sibling forms, with their stems)
// is worked out once.
type family struct {
	a, sa string
	sibs  []string
}

func newFamily(a, sa string) family {
	f := family{a: a, sa: sa}
	if hasSiblingEnd(a) {
		for _, e := range siblingEndings {
			if strings.HasSuffix(a, e[0]) && len(a)-len(e[0]) >= 3 {
				base := strings.TrimSuffix(a, e[0]) + e[1]
				f.sibs = append(f.sibs, base, english.Stem(base))
			}
		}
	}
	return f
}

// has reports whether b, with its stem sb, is of f's family.
func (f family) has(b, sb string) bool {
	short, sshort, long := f.a, f.sa, b
	if len(f.a) > len(b) {
		short, sshort, long = b, sb, f.a
	}
	for _, base := range [...]string{short, sshort, strings.TrimSuffix(short, "e"), strings.TrimSuffix(sshort, "e")} {
		if len(base) < 3 || !strings.HasPrefix(long, base) {
			continue
		}
		rest := long[len(base):]
		if formSuffixes[rest] || formSuffixes[strings.TrimSuffix(rest, "s")] || formSuffixes[strings.TrimSuffix(rest, "d")] {
			return true
		}
	}
	// Sibling forms: either word, its ending swapped, is the other or its
	// stem.
	for _, x := range f.sibs {
		if x == b || x == sb {
			return true
		}
	}
	if !hasSiblingEnd(b) {
		return false
	}
	for _, e := range siblingEndings {
		if !strings.HasSuffix(b, e[0]) || len(b)-len(e[0]) < 3 {
			continue
		}
		base := strings.TrimSuffix(b, e[0]) + e[1]
		if base == f.a || base == f.sa {
			return true
		}
		if st := english.Stem(base); st == f.a || st == f.sa {
			return true
		}
	}
	return false
}

// hasSiblingEnd reports whether w may end in a sibling ending: they all
// end in "ce", "re", "cy" or "on", and most words do not.
func hasSiblingEnd(w string) bool {
	if len(w) < 2 {
		return false
	}
	switch w[len(w)-2:] {
	case "ce", "re", "cy", "on":
		return true
	}
	return false
}

// maxSpelledRank bounds the English words a misspelling is read as: the
// rarer ones are as often other typos' neighbours as meant.
const maxSpelledRank = 30000

// spelledForm reads a word that is neither the text's nor English ("vist")
// as the English word one edit away whose family the text has ("visit",
// of the text's "visitors"): people misspell the word they mean, which
// need not be the text's form of it, so the typo corrector, which knows
// only the text's words, cannot reach it. The first letter is kept (people
// rarely mistype it); of several such words, the most frequent in English.
func (m *Matcher) spelledForm(w string) (meant, form string, term int32, ok bool) {
	if len(w) < 4 || len(w) > 20 || !english.IsLowerASCII(w) {
		return "", "", 0, false
	}
	v := english.LoadVectors()
	bestRank := maxSpelledRank + 1
	forEachEdit(w, func(c string) {
		if c[0] != w[0] {
			return
		}
		r, known := v.Rank(c)
		if !known || r >= bestRank || !english.IsDictionaryWord(c) {
			return
		}
		if tid, found := m.termID.Lookup(english.Stem(c)); found {
			// "droping": "dropping", which stems as the text's "drops".
			meant, form, term, ok, bestRank = c, m.terms[tid], tid, true, r
		} else if f, tid, found := m.wordForm(c); found {
			meant, form, term, ok, bestRank = c, f, tid, true, r
		}
	})
	return meant, form, term, ok
}

// misspeltEnglish returns the most frequent English word one edit from w,
// its first letter kept, that w, neither a text word nor English, most
// likely misspells ("maternty": "maternity"), whether or not the text has
// it.
func misspeltEnglish(w string) (string, bool) {
	if len(w) < 4 || len(w) > 20 || !english.IsLowerASCII(w) {
		return "", false
	}
	v := english.LoadVectors()
	best, bestRank := "", maxSpelledRank+1
	forEachEdit(w, func(c string) {
		if c[0] != w[0] {
			return
		}
		if r, known := v.Rank(c); known && r < bestRank && english.IsDictionaryWord(c) {
			best, bestRank = c, r
		}
	})
	return best, best != ""
}

// forEachEdit calls fn with each string one edit (an insertion, a
// substitution or a deletion of a letter a-z, or a transposition) from w.
func forEachEdit(w string, fn func(string)) {
	b := make([]byte, 0, len(w)+1)
	for i := range len(w) + 1 {
		for ch := byte('a'); ch <= 'z'; ch++ {
			b = append(append(append(b[:0], w[:i]...), ch), w[i:]...) // insertion
			fn(string(b))
			if i < len(w) && ch != w[i] {
				b = append(append(append(b[:0], w[:i]...), ch), w[i+1:]...) // substitution
				fn(string(b))
			}
		}
		if i < len(w) {
			fn(w[:i] + w[i+1:]) // deletion
		}
		if i+1 < len(w) && w[i] != w[i+1] {
			fn(w[:i] + string(w[i+1]) + string(w[i]) + w[i+2:]) // transposition
		}
	}
}

// inflections are w's plural or singular, as English spells them: the
// stemmer leaves some apart ("bus" and "buses" stem to "bus" and "buse").
func inflections(w string) []string {
	n := len(w)
	out := []string{w + "s", w + "es"}
	switch {
	case strings.HasSuffix(w, "ies") && n > 4:
		out = append(out, w[:n-3]+"y")
	case strings.HasSuffix(w, "es") && n > 3:
		out = append(out, w[:n-2], w[:n-1])
	case strings.HasSuffix(w, "s") && n > 3:
		out = append(out, w[:n-1])
	case strings.HasSuffix(w, "y") && n > 3:
		out = append(out, w[:n-1]+"ies")
	}
	return out
}

// degreeForm returns the text's word that is w's comparative, superlative
// or positive (degrees), if one is.
func (m *Matcher) degreeForm(w string) (word string, term int32, ok bool) {
	for _, f := range degrees(w) {
		if wid, ok := m.wordID.Lookup(f); ok && len(f) >= 3 {
			return f, m.wordStem[wid], true
		}
	}
	return "", 0, false
}

// degrees returns the comparative and superlative of the adjective w:
// "near" and the text's "nearest", "big" and "bigger", "early" and
// "earliest". Not the other way: a superlative asks for the most of
// something ("the tallest building in the world"), which a text saying
// only "tall" does not give.
func degrees(w string) []string {
	n := len(w)
	if n < 3 || strings.HasSuffix(w, "est") || strings.HasSuffix(w, "er") {
		return nil
	}
	switch {
	case strings.HasSuffix(w, "e"):
		return []string{w + "r", w + "st"}
	case strings.HasSuffix(w, "y"):
		return []string{w[:n-1] + "ier", w[:n-1] + "iest"}
	}
	out := []string{w + "er", w + "est"}
	if c := w[n-1]; n <= 4 && !isVowel(c) && isVowel(w[n-2]) && !isVowel(w[n-3]) && c != 'w' && c != 'x' && c != 'y' {
		out = append(out, w+string(c)+"er", w+string(c)+"est") // "big", "bigger"
	}
	return out
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

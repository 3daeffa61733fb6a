package facts

import (
	"strings"

	"github.com/storybot/storybot/english"
)

// learnAbbreviations finds the document's own abbreviations, in the spirit
// of Punkt (Kiss and Strunk 2006) but with stricter evidence, since one
// document is little text: a short capitalised word ("Cllr", "Supt",
// "Insp") that is written at least twice with a period before a
// capitalised word and never without one. A name that ends two sentences
// is written elsewhere without its period, and so is not taken.
//
// Learned abbreviations are read as the general list's ambiguous ones are:
// the period ends a sentence only when a word that usually opens one
// follows ("Cllr. Bevan" stays whole, "... a Cllr. The" does not).
//
// A long text is learnt from its first learnSample bytes, as Punkt is
// trained on a sample: a book's abbreviations show early and often, and
// the whole of War and Peace would cost its build 6 ms more.
func learnAbbreviations(raw string) map[string]bool {
	if len(raw) > learnSample {
		raw = raw[:learnSample]
	}
	dotted := map[string]int{} // lower-case candidate: periods before a name
	for i := strings.Index(raw, ". "); i >= 0; {
		if w := wordBefore(raw, i); isAbbrevShape(w) && beforeName(raw, i+2) {
			dotted[strings.ToLower(w)]++
		}
		j := strings.Index(raw[i+2:], ". ")
		if j < 0 {
			break
		}
		i += 2 + j
	}
	for w, n := range dotted {
		if n < 2 || sentenceStarter[w] || english.IsStop(w) {
			delete(dotted, w)
		}
	}
	if len(dotted) == 0 {
		return nil
	}
	// The second pass: a candidate seen without its period, in any case
	// ("Crew. Fedallah" in a heading, "the crew" in the text), is a word.
	// Each form is searched for (fast, and most words are found bare
	// early) rather than every word of a book looked up.
	for w := range dotted {
		forms := [3]string{w, strings.ToUpper(w[:1]) + w[1:], strings.ToUpper(w)}
		for _, f := range forms {
			if seenBare(raw, f) {
				delete(dotted, w)
				break
			}
		}
	}
	learned := make(map[string]bool, len(dotted))
	for w := range dotted {
		learned[strings.ToUpper(w[:1])+w[1:]] = true
	}
	return learned
}

// beforeName reports whether raw[i:] starts with a capitalised word that
// does not usually open a sentence: "Cllr. Bevan", not "Hell. But".
func beforeName(raw string, i int) bool {
	if i >= len(raw) || !isUpperASCII(raw[i]) {
		return false
	}
	j := i
	for j < len(raw) && isLetterASCII(raw[j]) {
		j++
	}
	w := strings.ToLower(raw[i:j])
	return j-i >= 2 && !sentenceStarter[w] && !english.IsStop(w)
}

// seenBare reports whether w occurs in raw as a whole word not followed
// by a period.
func seenBare(raw, w string) bool {
	for i := 0; ; {
		k := strings.Index(raw[i:], w)
		if k < 0 {
			return false
		}
		a, b := i+k, i+k+len(w)
		if (a == 0 || !isWordByte(raw[a-1])) && (b == len(raw) || !isWordByte(raw[b]) && raw[b] != '.') {
			return true
		}
		i = b
	}
}

// learnSample bounds the text abbreviations are learnt from.
const learnSample = 512 << 10

// maxAbbrevLen bounds a learned abbreviation's letters.
const maxAbbrevLen = 5

// wordBefore returns the ASCII letters that end at raw[i], when a non-word
// byte (or the start) precedes them.
func wordBefore(raw string, i int) string {
	j := i
	for j > 0 && i-j <= maxAbbrevLen && isLetterASCII(raw[j-1]) {
		j--
	}
	if j > 0 && isWordByte(raw[j-1]) {
		return ""
	}
	return raw[j:i]
}

// isAbbrevShape: two to five letters, a capital and then lower case
// ("Cllr", "Supt"; not "II" or "DECK", which end headings).
func isAbbrevShape(w string) bool {
	if len(w) < 2 || len(w) > maxAbbrevLen || !isUpperASCII(w[0]) {
		return false
	}
	for i := 1; i < len(w); i++ {
		if isUpperASCII(w[i]) {
			return false
		}
	}
	return true
}

func isUpperASCII(c byte) bool { return c >= 'A' && c <= 'Z' }

func isLetterASCII(c byte) bool { return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' }

// isWordByte: letters, digits, and the bytes of non-ASCII runes (which are
// letters, as often as not), so "Café." is not read as "f.".
func isWordByte(c byte) bool { return isLetterASCII(c) || c >= '0' && c <= '9' || c >= 0x80 }

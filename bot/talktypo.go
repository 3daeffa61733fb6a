package bot

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/storybot/storybot/english"
)

// maxMendedWords is the longest message whose misspellings are mended
// before it is read as small talk again ("wats the tim", "thnaks so
// much"): small talk is short.
const maxMendedWords = 6

// mendTalk returns words with each word that no small-talk phrase, filler
// or contraction uses read as the one that does, one edit away (a letter
// dropped, added, changed or two swapped), and whether it changed one. A
// word of three letters or fewer is left as it is, and so is a common
// English word, which was written as meant ("tanks", "tie").
//
// It gives up (nil, false) at the first word that would stay outside the
// small-talk vocabulary, as no phrase or filler could then cover the
// message: a question about the documents ("where did pierre meet
// natasha") leaves at its first such word, before the rest are looked up.
func mendTalk(words []string) ([]string, bool) {
	if len(words) > maxMendedWords {
		return nil, false
	}
	vocab := talkVocabulary()
	var out []string
	changed := false
	for _, w := range words {
		if _, ok := vocab.words[w]; ok || len(w) < 3 {
			out = append(out, w)
			continue
		}
		// A word with an apostrophe is not in the vocabulary, yet a
		// phrase may hold it; any other stays uncovered unless mended.
		// A common English word is not mended, and is asked about first:
		// asking near first saved a little of a question's time, but
		// built near's deletions for the first question of most
		// processes (0.3 MB of the start-up's peak).
		uncoverable := !strings.ContainsRune(w, '\'')
		if english.IsCommonWord(w) {
			if uncoverable {
				return nil, false
			}
			out = append(out, w)
			continue
		}
		m := vocab.near(w)
		if m == "" {
			if uncoverable {
				return nil, false
			}
			out = append(out, w)
			continue
		}
		changed = true
		out = appendMended(out, m)
	}
	return out, changed
}

// appendMended appends the small-talk word m a misspelt word was read as:
// a contraction as its words ("im" as "i", "am").
func appendMended(out []string, m string) []string {
	if exp, ok := contractions[m]; ok {
		return append(out, exp...)
	}
	return append(out, m)
}

// talkVocab holds the words small talk is read with, and, built on the
// first message that needs them, each of their one-letter deletions
// mapped to the words it is one of. Most messages never need them (a
// question about the documents leaves mendTalk at its first word outside
// the vocabulary), and building them was a fifth of a megabyte and a
// millisecond of the first answer's start-up.
type talkVocab struct {
	words   map[string]struct{}
	longest int // the longest word's bytes: a word longer by more than a rune's is one edit from none
	dels    func() map[string][]string
}

var talkVocabulary = sync.OnceValue(func() *talkVocab {
	v := &talkVocab{words: map[string]struct{}{}}
	v.dels = sync.OnceValue(func() map[string][]string {
		dels := map[string][]string{}
		for w := range v.words {
			for _, d := range deletions(w) {
				dels[d] = append(dels[d], w)
			}
		}
		return dels
	})
	add := func(w string) {
		if _, ok := v.words[w]; ok || len(w) < 3 || strings.ContainsRune(w, '\'') {
			return
		}
		v.words[w] = struct{}{}
		v.longest = max(v.longest, len(w))
	}
	for p := range talkIndex {
		for _, w := range strings.Fields(p) {
			add(w)
		}
	}
	for w := range talkFillers {
		add(w)
	}
	for w := range contractions {
		add(w)
	}
	return v
})

// near returns the vocabulary word one edit from w, or "" when none is or
// words of different readings are ("helo": "hello" or "help"), unless
// only one of them has w's letters swapped ("waht": "what", not "wait").
func (v *talkVocab) near(w string) string {
	if len(w) > v.longest+utf8.UTFMax {
		return "" // one edit adds at most one rune; its deletions would be w's length squared
	}
	var found []string
	dels := v.dels()
	consider := func(cs ...string) {
		for _, c := range cs {
			if editOne(w, c) && !slices.ContainsFunc(found, func(f string) bool { return canonical(f) == canonical(c) }) {
				found = append(found, c)
			}
		}
	}
	consider(dels[w]...) // a letter added to the word
	eachDeletion(w, func(d []byte) {
		if _, ok := v.words[string(d)]; ok {
			consider(string(d)) // a letter dropped
		}
		consider(dels[string(d)]...) // a letter changed, or two swapped
	})
	if len(found) > 1 {
		found = slices.DeleteFunc(found, func(c string) bool { return !sameLetters(w, c) })
	}
	if len(found) != 1 {
		return ""
	}
	return found[0]
}

// sameLetters reports whether a and b hold the same letters, in any order.
func sameLetters(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	slices.Sort(ra)
	slices.Sort(rb)
	return slices.Equal(ra, rb)
}

// canonical is what a vocabulary word reads as: a contraction spelt out
// ("wat" and "what" are one word).
func canonical(w string) string {
	if exp, ok := contractions[w]; ok {
		return strings.Join(exp, " ")
	}
	return w
}

// deletions are w with one letter dropped, each once.
func deletions(w string) []string {
	rs := []rune(w)
	out := make([]string, 0, len(rs))
	for i := range rs {
		d := string(rs[:i]) + string(rs[i+1:])
		if len(out) == 0 || out[len(out)-1] != d {
			out = append(out, d)
		}
	}
	return out
}

// eachDeletion calls fn with each of deletions(w), in order, in a buffer
// fn must not keep: looked up as they are made, they cost no allocation
// (every question's first word outside the small-talk vocabulary is).
func eachDeletion(w string, fn func(d []byte)) {
	if !utf8.ValidString(w) {
		for _, d := range deletions(w) {
			fn([]byte(d))
		}
		return
	}
	var buf [64]byte
	prev := rune(-1)
	for i, r := range w {
		if r == prev {
			continue // dropping either of two like letters gives one word
		}
		prev = r
		fn(append(append(buf[:0], w[:i]...), w[i+utf8.RuneLen(r):]...))
	}
}

// editOne reports whether a and b are one edit apart: a letter dropped,
// added or changed, or two neighbouring letters swapped.
func editOne(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) < len(rb) {
		ra, rb = rb, ra
	}
	switch len(ra) - len(rb) {
	case 1:
		for i := range rb {
			if ra[i] != rb[i] {
				return string(ra[i+1:]) == string(rb[i:])
			}
		}
		return true
	case 0:
		diff := -1
		for i := range ra {
			if ra[i] == rb[i] {
				continue
			}
			if diff >= 0 {
				return diff == i-1 && ra[diff] == rb[i] && ra[i] == rb[diff] && string(ra[i+1:]) == string(rb[i+1:])
			}
			diff = i
		}
		return diff >= 0
	}
	return false
}

package match

import (
	"slices"
	"strings"

	"github.com/storybot/storybot/english"
)

// Initials: chat writes "a&e" where a text says "accident and emergency",
// "HR" where it says "Human Resources". A question's abbreviation that the
// text does not use is read as the words the text spells it out with, when
// the text has exactly one such run of words: each begins with the
// abbreviation's letter in turn; "&" stands for an "and" between them
// ("a&e", "r&d", "b&b"); an abbreviation in capitals ("HR", "NHS") or with
// periods ("h.r.") may skip one "of", "and", "for" or "the" between words
// ("Department for Education") and, having no "&" to go by, must find
// words the text writes with capitals, as names are: "heavy rain" is not
// "HR". Short texts only: the text's runs are read once, on the first
// question with an abbreviation.

// initialism is an abbreviation in a question: its place, its letters and
// how it was written.
type initialism struct {
	start, end int
	letters    string
	amp        bool // written with "&": an "and" between the words
	words      []string
}

// maxInitialisms bounds the abbreviations of one question looked up;
// maxInitialsBytes the text read for each.
const (
	maxInitialisms   = 2
	maxInitialsBytes = 256 << 10
)

// initialisms returns the abbreviations of question text that the text
// spells out, with the words it spells them with.
func (m *Matcher) initialisms(text string) []initialism {
	if len(m.sents) > rerankMaxSentences || !strings.ContainsAny(text, "&.ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
		return nil
	}
	shouting := strings.ToUpper(text) == text
	var out []initialism
	looked := 0
	for i := 0; i < len(text) && looked < maxInitialisms; {
		j := i
		for j < len(text) && (isASCIILetter(text[j]) || text[j] == '&' || text[j] == '.') {
			j++
		}
		if j == i {
			i++
			continue
		}
		tok := strings.TrimRight(text[i:j], ".")
		if in, ok := readInitialism(tok, shouting); ok && !m.knows(in.letters) {
			looked++
			in.start, in.end = i, i+len(tok)
			if in.words = m.spelledOut(in.letters, in.amp); in.words != nil {
				out = append(out, in)
			}
		}
		i = j
	}
	return out
}

// readInitialism reads tok as an abbreviation: letters joined by "&" or
// periods, or two to five letters that begin with a capital and hold
// another ("HR", "DfE"; not when the whole question is in capitals).
func readInitialism(tok string, shouting bool) (initialism, bool) {
	var in initialism
	for _, sep := range []string{"&", "."} {
		if !strings.Contains(tok, sep) {
			continue
		}
		parts := strings.Split(tok, sep)
		if len(parts) < 2 || len(parts) > 5 {
			return in, false
		}
		for _, p := range parts {
			if len(p) != 1 {
				return in, false
			}
			in.letters += strings.ToLower(p)
		}
		in.amp = sep == "&"
		return in, true
	}
	caps := 0
	for i := 0; i < len(tok); i++ {
		if 'A' <= tok[i] && tok[i] <= 'Z' {
			caps++
		}
	}
	if shouting || len(tok) < 2 || len(tok) > 5 || caps < 2 || tok[0] > 'Z' {
		return in, false
	}
	in.letters = strings.ToLower(tok)
	return in, true
}

func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// skippable words may stand between the words of a run in capitals:
// "Department for Education" is "DfE", "Bank of England" "BoE".
var skippable = setOf("of", "and", "for", "the")

// maxRunWords is the most words a run of capitals is read for.
const maxRunWords = 5

// initialsTable maps the initials of the text's runs to their words:
// "&ae" for "accident and emergency", "hr" for "Human Resources"; nil
// words when two runs have the same initials.
type initialsTable map[string][]string

// spelledOut returns the words of the one run of text words that letters
// abbreviate, nil when there is none or more than one.
func (m *Matcher) spelledOut(letters string, amp bool) []string {
	m.initOnce.Do(func() { m.initials = m.buildInitials() })
	if amp {
		letters = "&" + letters
	}
	return m.initials[letters]
}

// buildInitials reads the short text once for its runs: a pair of words
// joined by "and" or "&", and every run of two to five words in capitals
// (with a skippable word between).
func (m *Matcher) buildInitials() initialsTable {
	tab := make(initialsTable)
	add := func(key string, words []string) {
		if old, ok := tab[key]; ok && !slices.Equal(old, words) {
			words = nil
		}
		tab[key] = words
	}
	var words [][2]int // a sentence's words, as byte spans
	budget := maxInitialsBytes
	for _, s := range m.sents {
		text := s.Text
		if budget -= len(text); budget < 0 {
			break
		}
		words = sentenceWords(words[:0], text)
		word := func(k int) string { return text[words[k][0]:words[k][1]] }
		for i := range words {
			if w := word(i); (w == "and" || w == "&") && i > 0 && i+1 < len(words) {
				a, b := strings.ToLower(word(i-1)), strings.ToLower(word(i+1))
				if len(a) > 1 && len(b) > 1 && !english.IsStop(a) && !english.IsStop(b) {
					add("&"+a[:1]+b[:1], []string{a, b})
				}
			}
			if !capitalWord(word(i)) {
				continue
			}
			// key is the initials of the run's words in capitals; all
			// those of every word ("DfE" of "Department for Education").
			key, all, run := "", "", []string(nil)
			for k := i; k < len(words) && len(run) < maxRunWords; k++ {
				if !capitalWord(word(k)) {
					if len(run) == 0 || !skippable[word(k)] || k+1 == len(words) || !capitalWord(word(k+1)) {
						break
					}
					all += word(k)[:1]
					continue
				}
				w := strings.ToLower(word(k))
				key, all, run = key+w[:1], all+w[:1], append(run, w)
				if len(run) > 1 {
					add(key, slices.Clone(run))
					if all != key {
						add(all, slices.Clone(run))
					}
				}
			}
		}
	}
	return tab
}

// capitalWord reports whether w is written with a capital and is no
// function word ("The", "And").
func capitalWord(w string) bool {
	return len(w) > 1 && 'A' <= w[0] && w[0] <= 'Z' && !english.IsStop(strings.ToLower(w))
}

// sentenceWords appends the spans of text's words (runs of ASCII letters;
// "&" is a word of its own).
func sentenceWords(out [][2]int, text string) [][2]int {
	for i := 0; i < len(text); {
		if text[i] == '&' {
			out = append(out, [2]int{i, i + 1})
			i++
			continue
		}
		if !isASCIILetter(text[i]) {
			i++
			continue
		}
		j := i
		for j < len(text) && isASCIILetter(text[j]) {
			j++
		}
		out = append(out, [2]int{i, j})
		i = j
	}
	return out
}

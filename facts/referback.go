package facts

import (
	"strings"

	"github.com/storybot/storybot/english"
)

// Sentences that refer back. "She left the village in 1921" answers "why
// did Ada Whitlow leave?", but holds neither name: the pronoun stands for
// the person the paragraph named before it. referBack records what such a
// sentence's opening pronoun stands for in Sentence.Refers, which is
// indexed as the sentence's context and read by the reranker as words the
// sentence holds, as if it had said the name:
//
//   - "he", "she", "his", "her" or "him" among its first three words, or
//     anywhere when it names no one itself ("…," she said): the person
//     named last before it in the paragraph ("Ada Whitlow", "Miss Harriet
//     Doyle", "Dr. Marsh"), however many sentences back;
//   - "It" or "Its" opening it: the noun phrase the sentence before opens
//     with ("The war memorial on the green was unveiled… It carries the
//     names…": "war memorial"), or what that sentence's own "It" stood for;
//   - "The X" or "This X" opening it, X a kind of thing the paragraph has
//     not named as such: the last name before it in the paragraph whose
//     last word is a kind of X ("the Skerry Point Lighthouse was
//     built in 1871… The tower is not suitable for…": "Skerry Point
//     Lighthouse", a lighthouse being a kind of tower).
//
// A paragraph is the span: a new one starts a new topic. Only documents
// of up to referBackMaxSentences are read so: the matcher reads sentences'
// words beyond BM25's only in texts that short (match's
// rerankMaxSentences), and a book would pay for it in every build.
const (
	referBackWords        = 3
	referBackMaxSentences = 2000
)

// referBackParagraphs fills Refers in each paragraph of d.
func referBackParagraphs(d *Document) {
	for i := 0; i < len(d.Sentences); {
		j := i + 1
		for j < len(d.Sentences) && d.Sentences[j].Paragraph == d.Sentences[i].Paragraph {
			j++
		}
		if d.Sentences[i].Display() == "" { // a table's rows refer to no row
			referBack(d.Sentences[i:j])
		}
		i = j
	}
}

// referBack fills Refers for sents, one paragraph's. Each sentence is
// scanned for names at most once, and only up to the last that opens with
// a person's pronoun.
func referBack(sents []Sentence) {
	last, scanned := "", 0
	var heads nameHeads
	for i := 1; i < len(sents); i++ {
		s := &sents[i]
		kind := openingPronoun(s.Text)
		if kind == 0 && speaksOfSomeone(s.Text) && lastPersonName(s.Text) == "" {
			kind = 'p' // "…in Brackenford," she said.
		}
		switch kind {
		case 'p':
			for ; scanned < i; scanned++ {
				if n := lastPersonName(sents[scanned].Text); n != "" {
					last = n
				}
			}
			s.setRefers(last)
		case 'i':
			prev := &sents[i-1]
			if np := openingPhrase(prev.Text); np != "" {
				s.setRefers(np)
			} else if openingPronoun(prev.Text) == 'i' {
				s.setRefers(prev.Refers())
			}
		default:
			s.setRefers(heads.describedBefore(sents[:i], s.Text))
		}
	}
}

// describeReach is how many sentences back describedBefore reads: a
// description follows what it describes closely.
const describeReach = 8

// nameHeads holds, for a paragraph's sentences, the words of the names
// each holds with what they are kinds of, each sentence read at most
// once: a paragraph of thousands of sentences opening "The X" must not
// cost the build their square.
type nameHeads struct {
	of   [][]nameHead
	read []bool
}

// nameHead is a word of a name ("Lighthouse" of "Skerry Point
// Lighthouse"), where it stands and what it is a kind of.
type nameHead struct {
	kinds      string
	start, end int
}

// in returns sentence k's capitalised words that are kinds of something,
// reading text the first time.
func (h *nameHeads) in(k int, text string) []nameHead {
	for len(h.read) <= k {
		h.read, h.of = append(h.read, false), append(h.of, nil)
	}
	if !h.read[k] {
		h.read[k] = true
		english.Tokenize(text, func(tok english.Token) {
			if tok.Start > 0 && isCapital(text[tok.Start]) {
				if kinds := english.KindsOf(english.Stem(tok.Word)); kinds != "" {
					h.of[k] = append(h.of[k], nameHead{kinds, tok.Start, tok.End})
				}
			}
		})
	}
	return h.of[k]
}

// describedBefore returns what a sentence opening "The X" or "This X"
// describes, when the paragraph before it (before, of which the last
// describeReach sentences are read) never says X: the last name there
// whose last word is a kind of X (english.IsKindOf), as a slice of that
// sentence's text; or "". Only a name's words are read: a verb's stem may
// be a noun's ("raised", a raise, is a kind of motion).
func (h *nameHeads) describedBefore(before []Sentence, text string) string {
	first, rest, _ := strings.Cut(text, " ")
	if first != "The" && first != "This" && first != "These" {
		return ""
	}
	noun, _, _ := strings.Cut(rest, " ")
	noun = strings.TrimRight(noun, ",;:.!?")
	if len(noun) < 3 || !english.IsLowerASCII(noun) || english.LookupLower(noun)&english.Stop != 0 {
		return ""
	}
	from := max(0, len(before)-describeReach)
	title := strings.ToUpper(noun[:1]) + noun[1:]
	for _, b := range before[from:] {
		if strings.Contains(b.Text, noun) || strings.Contains(b.Text, title) {
			return "" // said before: the sentence repeats it, it does not describe
		}
	}
	general := english.Stem(noun)
	for k := len(before) - 1; k >= from; k-- {
		hs := h.in(k, before[k].Text)
		for j := len(hs) - 1; j >= 0; j-- {
			if english.ListHas(hs[j].kinds, general) {
				return nameEnding(before[k].Text, hs[j].start, hs[j].end)
			}
		}
	}
	return ""
}

// nameEnding widens text[start:end], a capitalised word, to the run of
// capitalised words that ends with it ("Skerry Point Lighthouse").
func nameEnding(text string, start, end int) string {
	for start > 1 && text[start-1] == ' ' {
		j := start - 1
		for j > 0 && wordByte(text[j-1]) {
			j--
		}
		w := text[j : start-1]
		if w == "" || !isCapital(w[0]) || english.LookupLower(w)&english.Stop != 0 {
			break
		}
		start = j
	}
	return text[start:end]
}

func isCapital(c byte) bool { return 'A' <= c && c <= 'Z' }

// openingPronoun says what pronoun the sentence opens with: 'p' for a
// person's ("he", "she"… among the first referBackWords words), 'i' for
// "It" or "Its" as the first word, 0 for none. It reads only the first
// words, without tokenizing the sentence.
func openingPronoun(text string) byte {
	rest := text
	for k := 0; k < referBackWords && rest != ""; k++ {
		var w string
		w, rest, _ = strings.Cut(rest, " ")
		w = strings.TrimRight(w, ",;:")
		if k == 0 && (w == "It" || w == "Its") {
			return 'i'
		}
		switch w {
		case "he", "she", "his", "her", "him", "He", "She", "His", "Her":
			return 'p'
		}
	}
	return 0
}

// speaksOfSomeone reports whether text says "he" or "she" (or "his",
// "her", "him") anywhere: a quotation's "she said", a clause's "when he
// left".
func speaksOfSomeone(text string) bool {
	for _, p := range [...]string{" he ", " she ", " his ", " her ", " him ", " he,", " she,", " him,", " him."} {
		if strings.Contains(text, p) {
			return true
		}
	}
	return false
}

// lastPersonName returns the last name in text that reads as a person's:
// two or more capitalised words in a row, a title among them or not ("Ada
// Whitlow", "Miss Harriet Doyle", "Dr. Marsh"), none of them a stop word
// or a word for a place ("Bridge Street"), and not after "The" ("The Weir
// House"), as a slice of text. It reads the text's bytes and looks up only
// its capitalised words: tokenizing every sentence again would cost the
// build.
func lastPersonName(text string) string {
	best := ""
	start, end, words, bad := -1, -1, 0, false
	flush := func() {
		if words >= 2 && !bad {
			best = text[start:end]
		}
		start, words, bad = -1, 0, false
	}
	for i := 0; i < len(text); {
		c := text[i]
		if !wordByte(c) {
			// Only spaces, and the period of a title ("Dr. Marsh"),
			// may stand inside a name.
			if c != ' ' && !(c == '.' && i+1 < len(text) && text[i+1] == ' ') {
				flush()
			}
			i++
			continue
		}
		j := i + 1
		for j < len(text) && (wordByte(text[j]) || text[j] == '\'' && j+1 < len(text) && wordByte(text[j+1])) {
			j++
		}
		if c < 'A' || c > 'Z' {
			flush()
		} else if cl := english.LookupLower(text[i:j]); cl&english.Stop != 0 {
			flush()
			// "The Weir House", "The Times": a title or a thing's name.
			bad = text[i:j] == "The"
		} else {
			if words == 0 {
				start = i
			}
			end = j
			words++
			bad = bad || cl&english.Place != 0
		}
		i = j
	}
	flush()
	return best
}

// wordByte: a letter, a digit, or a byte of a non-ASCII character.
func wordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c >= 0x80
}

// openingPhrase returns the words (at most three) that follow a
// sentence's opening "The" or "This", up to the first stop word, number or
// punctuation ("The war memorial on the green…": "war memorial"), as a
// slice of text. It reads only the first words.
func openingPhrase(text string) string {
	w, rest, _ := strings.Cut(text, " ")
	if w != "The" && w != "This" {
		return ""
	}
	start := len(text) - len(rest)
	end := start
	for k := 0; k < 3 && rest != ""; k++ {
		at := len(text) - len(rest)
		w, rest, _ = strings.Cut(rest, " ")
		word := strings.TrimRight(w, ",;:.!?")
		if word == "" || !wordByte(word[0]) || '0' <= word[0] && word[0] <= '9' ||
			english.LookupLower(word)&english.Stop != 0 {
			break
		}
		end = at + len(word)
		if len(word) < len(w) {
			break
		}
	}
	return text[start:end]
}

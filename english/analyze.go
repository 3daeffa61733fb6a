package english

import (
	"strings"
	"unicode"
	"unicode/utf8"

	snowball "github.com/kljensen/snowball/english"
)

// Token is one word of a text: its lower-cased form and where it was.
type Token struct {
	Word       string // lower case
	Start, End int    // byte offsets in the analysed text
	Upper      bool   // first letter was upper case
	Digit      bool   // starts with a digit
}

// Tokenize calls fn for each word of text. Words are runs of letters, digits
// and marks; an apostrophe inside a word joins it ("don't" -> "dont") except
// a possessive "'s", which is dropped ("Mary's" -> "mary"); a period or
// comma between digits joins a number ("85.5", "1,000"). A word already in
// lower case is a substring of text, so most words cost no allocation.
//
// Tokenize reads every byte of a book, so ASCII takes fast paths: a run of
// lower-case letters and digits is skipped byte by byte, and a run holding
// capitals is lower-cased into a buffer (asciiRun); only other bytes are
// decoded as runes.
func Tokenize(text string, fn func(Token)) {
	i := 0
	var arr [64]byte // most words fit: no allocation for the buffer
	buf := arr[:0]
	for i < len(text) {
		r, size := rune(text[i]), 1
		if r < utf8.RuneSelf {
			if !asciiWord[r] {
				i++
				continue
			}
		} else if r, size = utf8.DecodeRuneInString(text[i:]); !IsWordRune(r) {
			i += size
			continue
		}
		start := i
		upper := unicode.IsUpper(r)
		digit := unicode.IsDigit(r)
		same := true // the word is text[start:end] as written
		end := i
		for i < len(text) {
			if c := text[i]; asciiLowerDigit[c] {
				j := lowerRun(text, i+1)
				if !same {
					buf = append(buf, text[i:j]...)
				}
				i, end = j, j
				continue
			} else if 'A' <= c && c <= 'Z' {
				buf, i = asciiRun(buf, same, text, start, i)
				same, end = false, i
				continue
			}
			r, size = rune(text[i]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(text[i:])
			}
			if isWordRune(r) {
				// buf is written only once the word differs from the
				// text (most words are already lower case).
				if !same || r >= utf8.RuneSelf || 'A' <= r && r <= 'Z' {
					buf, same = lowerRune(buf, same, text[start:i], r)
				}
				i += size
				end = i
				continue
			}
			if r == '\'' || r == '’' {
				skip, join := apostrophe(text[i+size:], text[start:i], buf, same)
				if !join {
					if skip > 0 {
						i += size + skip
					}
					break
				}
				if same { // "don't" -> "dont"
					buf, same = append(buf[:0], text[start:i]...), false
				}
				i += size
				continue
			}
			if (r == '.' || r == ',') && digit {
				rest := text[i+size:]
				if nr := FirstRune(rest); unicode.IsDigit(nr) {
					if !same {
						buf = append(buf, byte(r))
					}
					i += size
					continue
				}
			}
			break
		}
		word := text[start:end]
		if !same {
			word = string(buf)
		}
		fn(Token{Word: word, Start: start, End: i, Upper: upper, Digit: digit})
	}
}

// lowerRun returns where the run of lower-case ASCII letters and digits
// at text[i:] ends.
func lowerRun(text string, i int) int {
	for i < len(text) && asciiLowerDigit[text[i]] {
		i++
	}
	return i
}

// apostrophe reads what follows an apostrophe inside a word (rest), after
// the word read so far (text as written when same, else buf, lower-cased):
// join is true when a word goes on ("don't"); otherwise the word ends, and
// skip is the length to drop after the apostrophe: a possessive "s"
// ("Mary's"), or the auxiliary a pronoun contracts ("I'd", "we'll": the
// pronoun, and "would", "had" or "will" dropped as the stop word it is,
// not "id", "well" or "ill"), or 0.
func apostrophe(rest, text string, buf []byte, same bool) (skip int, join bool) {
	nr, nsize := utf8.DecodeRuneInString(rest)
	if !IsWordRune(nr) {
		return 0, false
	}
	// Possessive: skip "'s" when the word ends there.
	if (nr == 's' || nr == 'S') && (len(rest) == nsize || !IsWordRune(FirstRune(rest[nsize:]))) {
		return nsize, false
	}
	if n := auxiliarySuffix(rest); n > 0 && contractsAuxiliary(text, buf, same) {
		return n, false
	}
	return 0, true
}

// auxiliarySuffix is the length of the "d" or "ll" that rest (what
// follows an apostrophe) opens with when the word ends there, or 0.
func auxiliarySuffix(rest string) int {
	n := 0
	switch {
	case len(rest) >= 2 && (rest[0] == 'l' || rest[0] == 'L') && (rest[1] == 'l' || rest[1] == 'L'):
		n = 2
	case len(rest) >= 1 && (rest[0] == 'd' || rest[0] == 'D'):
		n = 1
	default:
		return 0
	}
	if n < len(rest) && IsWordRune(FirstRune(rest[n:])) {
		return 0
	}
	return n
}

// contractsAuxiliary reports whether the word read before an apostrophe
// (text as written when same, else buf, lower-cased) is a pronoun or
// question word that "'d" and "'ll" contract onto: "I'd", "you'll",
// "that'll", "who'd".
func contractsAuxiliary(text string, buf []byte, same bool) bool {
	if same {
		return contracting[text]
	}
	return contracting[string(buf)] // a map index copies nothing
}

var contracting = setOf("i", "you", "he", "she", "it", "we", "they", "that", "there", "this",
	"who", "what", "where", "when", "why", "how")

// asciiRun lower-cases the run of ASCII letters and digits at text[i:],
// which holds a capital, onto the word that started at text[start:]: buf
// holds the word once it differs from the text (same false), and is
// started from text[start:i] when it did not yet. It returns buf and where
// the run ends.
func asciiRun(buf []byte, same bool, text string, start, i int) ([]byte, int) {
	if same {
		buf = append(buf[:0], text[start:i]...)
	}
	for ; i < len(text); i++ {
		c := text[i]
		if c >= utf8.RuneSelf || !asciiWord[c] {
			break
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf, i
}

// lowerRune adds word rune r, lower-cased, to the word being read, whose
// runes before r are read: buf holds the word once it differs from the
// text (same false); a rune that makes it differ copies read into buf.
func lowerRune(buf []byte, same bool, read string, r rune) ([]byte, bool) {
	l := unicode.ToLower(r)
	folded := foldLatin(l)
	mark := 0x300 <= l && l <= 0x36F // a combining diacritic ("e\u0301")
	if same && l == r && folded == "" && !mark {
		return buf, true
	}
	if same {
		buf = append(buf[:0], read...)
	}
	switch {
	case mark: // "e\u0301" as "e"; other scripts' marks are letters' parts
		return buf, false
	case folded != "":
		return append(buf, folded...), false
	case l < utf8.RuneSelf:
		return append(buf, byte(l)), false
	}
	return utf8.AppendRune(buf, l), false
}

// foldLatin returns the ASCII letters a Latin letter with a diacritic is
// written without ("é": "e", "ł": "l", "ß": "ss"), or "" for any other
// rune: people type "cafe" and "Krakow" for the text's "café" and
// "Kraków", so words are indexed and asked without their accents.
func foldLatin(r rune) string {
	switch {
	case r >= 0xE0 && r <= 0xFF:
		switch r {
		case 'æ':
			return "ae"
		case 'þ':
			return "th"
		}
		return foldByte(latin1Folds[r-0xE0])
	case r == 'ß':
		return "ss"
	case r >= 0x100 && r <= 0x17F:
		switch r {
		case 'Ĳ', 'ĳ':
			return "ij"
		case 'Œ', 'œ':
			return "oe"
		}
		return foldByte(latinAFolds[r-0x100])
	}
	return ""
}

// latin1Folds and latinAFolds are the base letters of U+00E0-U+00FF and
// U+0100-U+017F; '-' for a rune that is not a letter or folds otherwise.
const (
	latin1Folds = "aaaaaa-ceeeeiiiidnooooo-ouuuuy-y"
	latinAFolds = "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii--jjkkklllllllllln" +
		"nnnnnnnnoooooo--rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs"
)

func foldByte(b byte) string {
	if b == '-' {
		return ""
	}
	return asciiLetters[b-'a' : b-'a'+1]
}

const asciiLetters = "abcdefghijklmnopqrstuvwxyz"

// FirstRune returns the first rune of s, 0 if s is empty.
func FirstRune(s string) rune {
	if s == "" {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// isWordRune is IsWordRune with ASCII read from a table, small enough to
// inline: Tokenize asks it of every byte of a book.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return IsWordRune(r)
}

var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range utf8.RuneSelf {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

// asciiLowerDigit marks the bytes a word written in lower case is made of,
// 'a'-'z' and '0'-'9': Tokenize skips runs of them without decoding. It is
// indexed by any byte, so bytes of multi-byte runes read false.
var asciiLowerDigit = func() (t [256]bool) {
	for c := range 256 {
		t[c] = 'a' <= c && c <= 'z' || '0' <= c && c <= '9'
	}
	return t
}()

// IsWordRune reports whether r belongs to a word: a letter, digit or mark.
func IsWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	if generalPunctuation(r) {
		// Curly quotes, dashes and the ellipsis, common in books: no
		// letter, digit or mark, so no table search.
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// generalPunctuation reports runes of Unicode's General Punctuation block
// (U+2000-U+206F: spaces, dashes, quotes, "…", format characters), none of
// which is a letter, digit or mark.
func generalPunctuation(r rune) bool { return 0x2000 <= r && r <= 0x206F }

// Stem returns the term a lower-case word is indexed under: its Snowball
// English stem, irregular forms first reduced to their base ("wrote" and
// "written" are both "write").
func Stem(word string) string {
	if len(word) <= 2 {
		return word
	}
	for i := 0; i < len(word); i++ {
		if c := word[i]; c >= '0' && c <= '9' {
			return ordinalNumber(word) // numbers stay as written, "6th" as "6"
		}
	}
	w := lemma(word)
	if s, ok := stemASCII(w); ok {
		return s
	}
	return snowball.Stem(w, true)
}

// ordinalNumber is the number of an ordinal written in digits ("6th",
// "21st", "2nd"): "Monday 6th Jan" and "6 January" name the same day.
// Other words are returned as they are.
func ordinalNumber(w string) string {
	n := len(w) - 2
	if n < 1 {
		return w
	}
	for i := 0; i < n; i++ {
		if w[i] < '0' || w[i] > '9' {
			return w
		}
	}
	switch w[n:] {
	case "st", "nd", "rd", "th":
		return w[:n]
	}
	return w
}

// IsOrdinal reports whether w is an ordinal number: "21st", "6th",
// "second", "twelfth". An ordinal places a thing in an order; it does not
// count: "the third week" and "Twelfth Night" are no span of time, as
// "three weeks" is.
func IsOrdinal(w string) bool {
	// Every ordinal, in digits or words, ends as "1st", "2nd", "3rd" or
	// "4th" do: the ending rules out most words before the map is read
	// (the map was a tenth of a book's analysis, asked of every word).
	n := len(w) - 2
	if n <= 0 {
		return false
	}
	switch w[n:] {
	case "st", "nd", "rd", "th":
	default:
		return false
	}
	if w[0] >= '0' && w[0] <= '9' {
		return strings.Trim(w[:n], "0123456789") == ""
	}
	return ordinals[w]
}

var ordinals = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`first second third fourth fifth sixth seventh eighth ninth tenth
		eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth
		twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth hundredth thousandth`) {
		ordinals[w] = true
	}
}

// HasDigit reports whether w holds a digit: such words are numbers or
// codes, not spellings to correct or topics to suggest.
func HasDigit(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= '0' && w[i] <= '9' {
			return true
		}
	}
	return false
}

// IsStop reports whether w (lower case) is a stop word: a function word,
// or one that frames a question about a text rather than carries its topic.
func IsStop(w string) bool { return stopWords[w] }

// stopWords is a general English stop-word list. Question words are in it,
// so the question type is read before they are dropped.
var stopWords = setOf(
	"a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are",
	"as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but",
	"by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "few", "for",
	"from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself",
	"him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself",
	"just", "me", "more", "most", "my", "myself", "no", "nor", "not", "now", "of", "off", "on",
	"once", "only", "or", "other", "ought", "our", "ours", "ourselves", "out", "over", "own",
	"same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs",
	"them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to",
	"too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where",
	"which", "while", "who", "whom", "whose", "why", "will", "with", "would", "you", "your",
	"yours", "yourself", "yourselves", "s", "t", "d", "ll", "m", "re", "ve", "dont", "doesnt",
	"didnt", "isnt", "arent", "wasnt", "werent", "wont", "cant", "shall", "may", "might",
	"must", "also", "yet", "whats", "whos", "wheres", "hows", "thats", "theres", "shes", "hes",
	"im", "ive", "youre", "theyre", "weve", "couldnt", "wouldnt", "shouldnt", "hasnt", "havent",
	"hadnt", "mustnt", "neednt", "mightnt", "shant", "aint",
	// Words that frame a question about a text rather than carry its topic.
	"tell", "say", "says", "said", "please", "anything", "something", "thing", "things",
	"story", "document", "text", "article", "according", "mention", "mentioned", "kind",
	"type", "one", "ones",
)

// setOf makes a word set from a list.
func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// Hyphens follows a text's words as Tokenize gives them and tells, at the
// second word of a hyphenated pair ("Wi-Fi", "drop-off"), the pair written
// closed ("wifi", "dropoff"): a question may write it so. Only a pair:
// "day-to-day" gives no "dayto" or "today". Its zero value is ready; use
// one per text.
type Hyphens struct {
	end     int    // where the word before ended, plus one; 0 before the first
	word    string // the word before; "" after a number
	chained bool   // the word before was itself joined to its own by a hyphen
}

// Next reads t, the next word of text, and returns the closed pair it
// ends, if it ends one.
func (h *Hyphens) Next(text string, t Token) (closed string, ok bool) {
	attached := h.end > 0 && t.Start == h.end && text[h.end-1] == '-'
	ok = attached && !h.chained && !t.Digit && h.word != "" && (t.End == len(text) || text[t.End] != '-')
	if ok {
		closed = h.word + t.Word
	}
	h.end, h.word, h.chained = t.End+1, t.Word, attached
	if t.Digit {
		h.word = ""
	}
	return closed, ok
}

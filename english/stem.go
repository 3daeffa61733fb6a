package english

import "strings"

// stemASCII is the Snowball English stemmer of github.com/kljensen/snowball
// (v0.10.0), step for step, for words of the letters a-z only: the same
// regions R1 and R2, the same suffix lists tried in the same order and the
// same special words, so it gives the same stem (TestStemASCIIMatchesSnowball
// compares them over every word of the embedded vectors and lexicons and
// over made-up ones). The library turns the word and every suffix it tries
// into runes: stemming a book's 18,000 distinct words took 30-60 ms, a third
// of its build; on bytes, with the word on the stack, it costs a tenth of
// that. ok is false when w is not plain a-z (the caller uses the library).
func stemASCII(w string) (stem string, ok bool) {
	if len(w) > 48 {
		return "", false
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; c < 'a' || c > 'z' {
			return "", false
		}
	}
	if len(w) <= 2 {
		return w, true
	}
	if s, ok := specialStems[w]; ok {
		return s, true
	}
	var s stemWord
	s.n = copy(s.b[:], w)
	s.prepare()
	s.step1a()
	s.step1b()
	s.step1c()
	s.step2()
	s.step3()
	s.step4()
	s.step5()
	b := s.b[:s.n]
	for i, c := range b {
		if c == 'Y' {
			b[i] = 'y'
		}
	}
	if string(b) == w[:len(b)] {
		return w[:len(b)], true // most stems only drop a suffix
	}
	return string(b), true
}

// specialStems are the library's special words, stemmed as given.
var specialStems = map[string]string{
	"skis": "ski", "skies": "sky", "dying": "die", "lying": "lie", "tying": "tie",
	"idly": "idl", "gently": "gentl", "ugly": "ugli", "early": "earli", "only": "onli",
	"singly": "singl", "sky": "sky", "news": "news", "howe": "howe", "atlas": "atlas",
	"cosmos": "cosmos", "bias": "bias", "andes": "andes", "inning": "inning",
	"innings": "inning", "outing": "outing", "outings": "outing", "canning": "canning",
	"cannings": "canning", "herring": "herring", "herrings": "herring", "earring": "earring",
	"earrings": "earring", "proceed": "proceed", "proceeds": "proceed", "proceeded": "proceed",
	"proceeding": "proceed", "exceed": "exceed", "exceeds": "exceed", "exceeded": "exceed",
	"exceeding": "exceed", "succeed": "succeed", "succeeds": "succeed", "succeeded": "succeed",
	"succeeding": "succeed",
}

// stemWord is a word being stemmed, b[:n], with the starts of its
// regions R1 and R2; 'Y' is a y that acts as a consonant. The word is
// held in an array, so it stays on the stack.
type stemWord struct {
	b         [52]byte
	n, r1, r2 int
}

func isStemVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// prepare marks the consonant y's and finds R1 and R2.
func (s *stemWord) prepare() {
	for i, c := range s.b[:s.n] {
		if c == 'y' && (i == 0 || isStemVowel(s.b[i-1])) {
			s.b[i] = 'Y'
		}
	}
	switch {
	case s.hasPrefix("gener"):
		s.r1 = 5
	case s.hasPrefix("commun"):
		s.r1 = 6
	case s.hasPrefix("arsen"):
		s.r1 = 5
	default:
		s.r1 = s.vnv(0)
	}
	s.r2 = s.vnv(s.r1)
}

func (s *stemWord) hasPrefix(p string) bool {
	return s.n >= len(p) && string(s.b[:len(p)]) == p
}

// vnv is the position after the first non-vowel that follows a vowel in
// b[start:], or len(b).
func (s *stemWord) vnv(start int) int {
	for j := start + 1; j < s.n; j++ {
		if isStemVowel(s.b[j-1]) && !isStemVowel(s.b[j]) {
			return j + 1
		}
	}
	return s.n
}

// clamp keeps the regions inside the word, as the library does after
// every change.
func (s *stemWord) clamp() {
	s.r1 = min(s.r1, s.n)
	s.r2 = min(s.r2, s.n)
}

func (s *stemWord) cut(n int) {
	s.n -= n
	s.clamp()
}

func (s *stemWord) replace(n int, with string) {
	s.n -= n
	s.n += copy(s.b[s.n:], with)
	s.clamp()
}

// ends reports whether the word ends with x.
func (s *stemWord) ends(x string) bool {
	return len(x) <= s.n && x[len(x)-1] == s.b[s.n-1] && string(s.b[s.n-len(x):s.n]) == x
}

// first returns the first of suffixes (in their order) the word ends
// with, or "".
func (s *stemWord) first(suffixes ...string) string {
	for _, x := range suffixes {
		if s.ends(x) {
			return x
		}
	}
	return ""
}

func (s *stemWord) step1a() {
	switch x := s.first("sses", "ied", "ies", "us", "ss", "s"); x {
	case "sses":
		s.replace(4, "ss")
	case "ies", "ied":
		if s.n > 4 {
			s.replace(3, "i")
		} else {
			s.replace(3, "ie")
		}
	case "s":
		for i := 0; i < s.n-2; i++ {
			if isStemVowel(s.b[i]) {
				s.cut(1)
				return
			}
		}
	}
}

func (s *stemWord) step1b() {
	x := s.first("eedly", "ingly", "edly", "ing", "eed", "ed")
	switch x {
	case "":
		return
	case "eed", "eedly":
		if len(x) <= s.n-s.r1 {
			s.replace(len(x), "ee")
		}
		return
	}
	vowel := false
	for _, c := range s.b[:s.n-len(x)] {
		if isStemVowel(c) {
			vowel = true
			break
		}
	}
	if !vowel {
		return
	}
	r1, r2 := s.r1, s.r2
	s.cut(len(x))
	switch y := s.first("at", "bl", "iz", "bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"); y {
	case "":
		if s.r1 >= s.n && s.endsShort(s.n) {
			s.b[s.n] = 'e'
			s.n++
			s.r1, s.r2 = s.n, s.n
			return
		}
	case "at", "bl", "iz":
		s.b[s.n] = 'e'
		s.n++
	default:
		s.cut(1)
	}
	s.r1, s.r2 = min(r1, s.n), min(r2, s.n)
}

// endsShort reports whether b[:i] ends in a short syllable.
func (s *stemWord) endsShort(i int) bool {
	b := &s.b
	switch {
	case i == 2:
		return isStemVowel(b[0]) && !isStemVowel(b[1])
	case i >= 3:
		c := b[i-1]
		return !isStemVowel(c) && c != 'w' && c != 'x' && c != 'Y' && isStemVowel(b[i-2]) && !isStemVowel(b[i-3])
	}
	return false
}

func (s *stemWord) step1c() {
	n := s.n
	if n > 2 && (s.b[n-1] == 'y' || s.b[n-1] == 'Y') && !isStemVowel(s.b[n-2]) {
		s.b[n-1] = 'i'
	}
}

// step2Suffixes are step 2's suffixes in the library's order, each with
// its replacement ("li" and "ogi" have rules of their own).
var step2Suffixes = [...]struct{ suffix, with string }{
	{"ational", "ate"}, {"fulness", "ful"}, {"iveness", "ive"}, {"ization", "ize"}, {"ousness", "ous"},
	{"biliti", "ble"}, {"lessli", "less"}, {"tional", "tion"}, {"alism", "al"}, {"aliti", "al"}, {"ation", "ate"},
	{"entli", "ent"}, {"fulli", "ful"}, {"iviti", "ive"}, {"ousli", "ous"}, {"anci", "ance"}, {"abli", "able"},
	{"alli", "al"}, {"ator", "ate"}, {"enci", "ence"}, {"izer", "ize"}, {"bli", "ble"}, {"ogi", "og"}, {"li", ""},
}

// step2Last marks the last letters of step 2's suffixes: a word ending
// otherwise (most do) has none of them, and skips the list.
var step2Last = func() (t [256]bool) {
	for _, e := range step2Suffixes {
		t[e.suffix[len(e.suffix)-1]] = true
	}
	return t
}()

func (s *stemWord) step2() {
	if s.n == 0 || !step2Last[s.b[s.n-1]] {
		return
	}
	for _, e := range step2Suffixes {
		x := e.suffix
		if !s.ends(x) {
			continue
		}
		if len(x) > s.n-s.r1 {
			return
		}
		n := s.n
		switch x {
		case "li":
			if n >= 3 && strings.IndexByte("cdeghkmnrt", s.b[n-3]) >= 0 {
				s.cut(2)
			}
		case "ogi":
			if n >= 4 && s.b[n-4] == 'l' {
				s.replace(3, "og")
			}
		default:
			s.replace(len(x), e.with)
		}
		return
	}
}

func (s *stemWord) step3() {
	x := s.first("ational", "tional", "alize", "icate", "ative", "iciti", "ical", "ful", "ness")
	if x == "" || len(x) > s.n-s.r1 {
		return
	}
	switch x {
	case "ative":
		if s.n-s.r2 >= 5 {
			s.cut(5)
		}
	case "ational":
		s.replace(7, "ate")
	case "tional":
		s.replace(6, "tion")
	case "alize":
		s.replace(5, "al")
	case "icate", "iciti", "ical":
		s.replace(len(x), "ic")
	default: // "ful", "ness"
		s.cut(len(x))
	}
}

func (s *stemWord) step4() {
	x := s.first("ement", "ance", "ence", "able", "ible", "ment", "ent", "ant", "ism", "ate", "iti", "ous", "ive",
		"ize", "ion", "al", "er", "ic")
	if x == "" || len(x) > s.n-s.r2 {
		return
	}
	if x == "ion" {
		if n := s.n; n >= 4 && (s.b[n-4] == 's' || s.b[n-4] == 't') {
			s.cut(3)
		}
		return
	}
	s.cut(len(x))
}

func (s *stemWord) step5() {
	last := s.n - 1
	if s.r1 > last {
		return
	}
	switch {
	case s.b[last] == 'e':
		if s.r2 <= last || !s.endsShort(last) {
			s.cut(1)
		}
	case s.r2 <= last && s.b[last] == 'l' && last >= 1 && s.b[last-1] == 'l':
		s.cut(1)
	}
}

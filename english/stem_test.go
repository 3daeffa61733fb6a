package english

import (
	"os"
	"strings"
	"testing"

	snowball "github.com/kljensen/snowball/english"
)

// stemCheckWords are the words stemASCII is compared on: every word of
// the embedded vectors and every term and general term of the lexicons,
// the 5,000 most frequent words with common endings added, and War and
// Peace's words when ../shared is there.
func stemCheckWords(t *testing.T) []string {
	seen := map[string]bool{}
	var words []string
	add := func(w string) {
		if !seen[w] {
			seen[w] = true
			words = append(words, w)
		}
	}
	v := LoadVectors()
	for row := range int32(v.n) {
		add(v.word(row))
	}
	for _, data := range []string{kindsData, synonymData} {
		for k, v := range mapLexicon(data) {
			add(k)
			for _, w := range strings.Fields(v) {
				add(w)
			}
		}
	}
	endings := []string{"s", "es", "ies", "ied", "ed", "ing", "ingly", "edly", "eed", "eedly", "ly", "li", "y",
		"ational", "ation", "ization", "iveness", "fulness", "ousness", "biliti", "aliti", "alism", "ative",
		"ical", "ness", "ful", "ement", "ment", "ence", "ance", "able", "ible", "ion", "ogi", "logi", "e", "ll",
		"at", "bl", "iz", "bb", "tt", "sses", "us", "ss", "izer", "ator", "enci", "anci", "abli", "alli", "ousli",
		"entli", "fulli", "iviti", "lessli", "tional", "icate", "iciti", "alize"}
	for _, w := range words[:5000:5000] {
		{
			for _, e := range endings {
				add(w + e)
			}
		}
	}
	if b, err := os.ReadFile("../../shared/data/books/war_and_peace.txt"); err == nil {
		Tokenize(string(b), func(tk Token) { add(tk.Word) })
	}
	for _, w := range []string{"yy", "yyy", "ayyy", "generously", "communities", "arsenals", "sky", "skies", "says", "eyed",
		"flying", "dyed", "hopping", "hoped", "luxuriated", "abc"} {
		add(w)
	}
	return words
}

// stemASCII must give the library's stem for every plain word.
func TestStemASCIIMatchesSnowball(t *testing.T) {
	words := stemCheckWords(t)
	n := 0
	for _, w := range words {
		got, ok := stemASCII(w)
		if !ok {
			continue
		}
		n++
		if want := snowball.Stem(w, true); got != want {
			t.Errorf("stemASCII(%q) = %q, the library gives %q", w, got, want)
		}
	}
	if n < 200000 {
		t.Fatalf("only %d words compared", n)
	}
	if _, ok := stemASCII("café"); ok {
		t.Fatal("a word beyond a-z must go to the library")
	}
}

func BenchmarkStem(b *testing.B) {
	words := []string{"generously", "communities", "running", "hopefulness", "nationalization", "skies", "prince",
		"andrew", "natasha", "pierre", "conversation", "happily", "rostovs", "battlefield"}
	for b.Loop() {
		for _, w := range words {
			Stem(w)
		}
	}
}

// An ordinal in digits is indexed as its number, so "Monday 6th Jan"
// finds "Monday 6 January"; other words with digits stay as written.
func TestOrdinalsStemToTheirNumber(t *testing.T) {
	for w, want := range map[string]string{
		"6th": "6", "21st": "21", "2nd": "2", "3rd": "3", "100th": "100",
		"1960s": "1960s", "4x4": "4x4", "th": "th", "6": "6", "a1st": "a1st", "b12": "b12",
	} {
		if got := Stem(w); got != want {
			t.Errorf("Stem(%q) = %q, want %q", w, got, want)
		}
	}
	for short, full := range map[string]string{"jan": "january", "sept": "september", "dec": "december"} {
		if got := Clipped(short); got != full {
			t.Errorf("Clipped(%q) = %q, want %q", short, got, full)
		}
	}
}

// Irregular plurals stem as their singulars ("Flat loaves" answers "what
// if my loaf is flat"); "leaves" and "lives", as often verbs, are left to
// the stemmer.
func TestIrregularPluralsStemAsTheirSingulars(t *testing.T) {
	for plural, one := range map[string]string{"loaves": "loaf", "children": "child", "feet": "foot", "women": "woman", "knives": "knife"} {
		if Stem(plural) != Stem(one) {
			t.Errorf("Stem(%q) = %q, Stem(%q) = %q", plural, Stem(plural), one, Stem(one))
		}
	}
	if Stem("leaves") == Stem("leaf") {
		t.Errorf("\"leaves\" stems as \"leaf\": it is as often the verb")
	}
}

package english

import (
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// tokenizeRef is Tokenize as it was before its ASCII fast paths, kept as
// the reference the fast version must match token for token.
func tokenizeRef(text string, fn func(Token)) {
	i := 0
	var buf []byte
	for i < len(text) {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if !isWordRune(r) {
			i += size
			continue
		}
		start := i
		upper := unicode.IsUpper(r)
		digit := unicode.IsDigit(r)
		same := true
		end := i
		for i < len(text) {
			r, size = rune(text[i]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(text[i:])
			}
			if isWordRune(r) {
				if !same || r >= utf8.RuneSelf || 'A' <= r && r <= 'Z' {
					buf, same = lowerRuneRef(buf, same, text[start:i], r)
				}
				i += size
				end = i
				continue
			}
			if r == '\'' || r == '’' {
				rest := text[i+size:]
				nr, nsize := utf8.DecodeRuneInString(rest)
				if !IsWordRune(nr) {
					break
				}
				if (nr == 's' || nr == 'S') && (len(rest) == nsize || !IsWordRune(FirstRune(rest[nsize:]))) {
					i += size + nsize
					break
				}
				before := strings.ToLower(text[start:i])
				if !same {
					before = string(buf)
				}
				aux := 0
				for _, suffix := range []string{"ll", "d"} {
					if len(rest) >= len(suffix) && strings.EqualFold(rest[:len(suffix)], suffix) &&
						(len(rest) == len(suffix) || !IsWordRune(FirstRune(rest[len(suffix):]))) {
						aux = len(suffix)
						break
					}
				}
				if aux > 0 && slices.Contains([]string{"i", "you", "he", "she", "it", "we", "they", "that", "there",
					"this", "who", "what", "where", "when", "why", "how"}, before) {
					i += size + aux
					break
				}
				if same {
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

func lowerRuneRef(buf []byte, same bool, read string, r rune) ([]byte, bool) {
	l := unicode.ToLower(r)
	folded, fold := foldsRef[l]
	mark := unicode.Is(unicode.Mn, l) && unicode.In(l, unicode.Latin, unicode.Inherited) && l < 0x370
	if same && l == r && !fold && !mark {
		return buf, true
	}
	if same {
		buf = append(buf[:0], read...)
	}
	switch {
	case mark:
		return buf, false
	case fold:
		return append(buf, folded...), false
	case l < utf8.RuneSelf:
		return append(buf, byte(l)), false
	}
	return utf8.AppendRune(buf, l), false
}

// foldsRef spells out, letter by letter, what foldLatin folds: the
// reference the table is checked against.
var foldsRef = func() map[rune]string {
	m := map[rune]string{'æ': "ae", 'þ': "th", 'ß': "ss", 'Ĳ': "ij", 'ĳ': "ij", 'Œ': "oe", 'œ': "oe"}
	for base, letters := range map[string]string{
		"a": "àáâãäåĀāĂăĄą", "c": "çĆćĈĉĊċČč", "d": "ðĎďĐđ", "e": "èéêëĒēĔĕĖėĘęĚě",
		"g": "ĜĝĞğĠġĢģ", "h": "ĤĥĦħ", "i": "ìíîïĨĩĪīĬĭĮįİı", "j": "Ĵĵ", "k": "Ķķĸ",
		"l": "ĹĺĻļĽľĿŀŁł", "n": "ñŃńŅņŇňŉŊŋ", "o": "òóôõöøŌōŎŏŐő", "r": "ŔŕŖŗŘř",
		"s": "ŚśŜŝŞşŠšſ", "t": "ŢţŤťŦŧ", "u": "ùúûüŨũŪūŬŭŮůŰűŲų", "w": "Ŵŵ", "y": "ýÿŶŷŸ",
		"z": "ŹźŻżŽž",
	} {
		for _, r := range letters {
			m[r] = base
		}
	}
	return m
}()

func tokens(tokenize func(string, func(Token)), text string) []Token {
	var out []Token
	tokenize(text, func(t Token) { out = append(out, t) })
	return out
}

var tokenizeCases = []string{
	"", " ", "a", "A", "Z", "0", "'", "’", ".", ",", "'s", "s'",
	"Mary's 1,000.5 don't", "MARY'S", "Mary’S hat", "James' book", "the boys' toys",
	"don't DON'T Don’t o'clock O'Brien rock'n'roll", "it's", "It'S", "s's", "'tis",
	"85.5 1,000 3.14.15 1,2,3 1. 2, .5 ,5 v1.2 A1.5 1.5A 1.a 1,A 12,345.67 1..2 1.,2",
	"HELLO World hELLo WoRlD mixedCASEword ABC123def 123ABC 9th 1st",
	"Natásha Rostóva ÉCOLE École ÀÉÎÕÜ straße STRASSE İstanbul ǅemal ǅ Σίσυφος ΣΊΣΥΦΟΣ",
	"naïve café CAFÉ Ærø ØRE œuvre Œuvre",
	"Москва МОСКВА москва 東京 とうきょう 서울 ١٢٣.٤ ٣,٤ ١٢٣",
	"e\u0301cole E\u0301COLE a\u0300\u0301b \u0301start",
	"tab\there\nnew-line—dash–en “quoted” ‘single’ (paren) [brackets]",
	"\xff\xfe bad\xffutf8 AB\xC3 \xC3\xA9 \xe2\x80 x\xe2\x80\x99s Mary\xe2\x80\x99s",
	"word'\xff MARY'\xffs 1.\xff 1,\xc3",
	"a'b'c A'B'C a''b a’’b a'’b",
	"I'd I'D i’d I'll we'll WE'LL she'd he'll it'll that'd who'd how'd I'dn't I'lly Ed'd well'd we'l we'lll I'd've you'd.",
	"U.S.A. e.g. i.e. Mr. Smith St. Petersburg",
	"ALLCAPSWORDTHATISLONGERTHANSIXTYFOURBYTESSOTHEBUFFERMUSTGROWBEYONDITSINITIALSTACKARRAYYES",
	"Ωmega ωmega Omega" + strings.Repeat("É", 40) + "x",
	strings.Repeat("Ab", 50) + " " + strings.Repeat("aB", 50) + "'s",
	"x\u00adY soft\u00adhyphen ﬁne ﬂow ǈ ǉ",
	"K Kelvin\u212a Å\u212b ſ long s",
}

func TestTokenizeMatchesReference(t *testing.T) {
	for _, text := range tokenizeCases {
		got, want := tokens(Tokenize, text), tokens(tokenizeRef, text)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Tokenize(%q)\n got %+v\nwant %+v", text, got, want)
		}
	}
	// The fast paths must have been taken: a word with a capital is
	// lower-cased, a lower-case word is the text itself.
	got := tokens(Tokenize, "Hello world's 1,000")
	want := []Token{
		{Word: "hello", Start: 0, End: 5, Upper: true},
		{Word: "world", Start: 6, End: 13},
		{Word: "1,000", Start: 14, End: 19, Digit: true},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

// TestTokenizeBookMatchesReference compares the two on a whole book when
// the shared data is present.
func TestTokenizeBookMatchesReference(t *testing.T) {
	b, err := os.ReadFile("../../shared/data/books/war_and_peace.txt")
	if err != nil {
		t.Skip("no shared book:", err)
	}
	text := string(b)
	var want []Token
	tokenizeRef(text, func(tk Token) { want = append(want, tk) })
	n := 0
	Tokenize(text, func(tk Token) {
		if n >= len(want) || tk != want[n] {
			if n < len(want) {
				t.Fatalf("token %d: got %+v, want %+v", n, tk, want[n])
			}
			t.Fatalf("token %d: got %+v, want none", n, tk)
		}
		n++
	})
	if n != len(want) {
		t.Fatalf("got %d tokens, want %d", n, len(want))
	}
}

func FuzzTokenize(f *testing.F) {
	for _, c := range tokenizeCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, text string) {
		got, want := tokens(Tokenize, text), tokens(tokenizeRef, text)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Tokenize(%q)\n got %+v\nwant %+v", text, got, want)
		}
	})
}

func benchText(b *testing.B) string {
	if data, err := os.ReadFile("../../shared/data/books/war_and_peace.txt"); err == nil {
		return string(data[:min(len(data), 1<<20)])
	}
	return strings.Repeat(strings.Join(tokenizeCases, " "), 200)
}

func BenchmarkTokenize(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		Tokenize(text, func(Token) { n++ })
	}
}

func BenchmarkTokenizeRef(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		tokenizeRef(text, func(Token) { n++ })
	}
}

// TestIsWordRuneEveryRune checks IsWordRune and isWordRune on every rune
// against the definition: a letter, digit or non-spacing mark.
func TestIsWordRuneEveryRune(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune+1; r++ {
		want := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
		if got := IsWordRune(r); got != want {
			t.Fatalf("IsWordRune(%U) = %v, want %v", r, got, want)
		}
		if got := isWordRune(r); got != want {
			t.Fatalf("isWordRune(%U) = %v, want %v", r, got, want)
		}
	}
}

// Letters with diacritics are read without them: people type "cafe" for
// the text's "café".
func TestTokenizeFoldsDiacritics(t *testing.T) {
	t.Parallel()
	var got []string
	Tokenize("Café Kraków Łódź naïve Straße Ærø Œuvre Zoë Dvořák Ĳssel Ğürsel e\u0301t\u00e9 Αθήνα كَتَبَ", func(t Token) { got = append(got, t.Word) })
	want := []string{"cafe", "krakow", "lodz", "naive", "strasse", "aero", "oeuvre", "zoe", "dvorak", "ijssel", "gursel", "ete", "αθήνα", "كَتَبَ"} // other scripts keep their marks
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("Tokenize = %q, want %q", got, want)
	}
}

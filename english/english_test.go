package english

import (
	"slices"
	"strings"
	"testing"

	"github.com/storybot/storybot/internal/randtext"
)

func TestWordVectors(t *testing.T) {
	v := LoadVectors()
	if v == nil {
		t.Fatal("vectors.bin did not load")
	}
	if n := len(v.offs)/4 - 1; n < 40000 || v.dim != 100 {
		t.Fatalf("%d words of %d dimensions", n, v.dim)
	}
	cos := func(a, b string) float32 {
		x, y := v.Row(a), v.Row(b)
		if x < 0 || y < 0 {
			t.Fatalf("no vector for %q or %q", a, b)
		}
		return v.Cosine(x, y)
	}
	if c := cos("crew", "crew"); c < 0.98 || c > 1.02 {
		t.Errorf("a word's likeness to itself is %.3f", c)
	}
	for _, p := range [][3]string{
		{"crew", "astronauts", "banana"},
		{"disease", "cholera", "guitar"},
		{"aired", "broadcast", "vinegar"},
	} {
		if near, far := cos(p[0], p[1]), cos(p[0], p[2]); near <= far+0.2 {
			t.Errorf("%s~%s %.2f is not well above %s~%s %.2f", p[0], p[1], near, p[0], p[2], far)
		}
	}
	if v.Rarity(v.Row("the")) >= v.Rarity(v.Row("cholera")) {
		t.Error(`"the" is not commoner than "cholera"`)
	}
}

func TestKinds(t *testing.T) {
	for _, c := range []struct {
		word, general string
		want          bool
	}{
		{"cholera", "disease", true},
		{"stadium", "structure", true},
		{"cholera", "stadium", false},
		{"unknownword", "disease", false},
	} {
		if got := IsKindOf(Stem(c.word), Stem(c.general)); got != c.want {
			t.Errorf("IsKindOf(%s, %s) = %v", c.word, c.general, got)
		}
	}
}

func TestLookupClasses(t *testing.T) {
	for _, c := range []struct {
		word string
		want Class
	}{
		{"march", Date},
		{"mondays", Date}, // "closed on Mondays"
		{"weekends", Date},
		{"may", Stop}, // the verb far more often than the month
		{"dozen", Number},
		{"euros", Money},
		{"he", Person | Stop | Anaphor},
		{"because", Reason | Stop},
		{"in", Stop | PlacePreposition},
		{"kitchen", Place},
		{"percent", Percent},
		{"milk", 0},
	} {
		if got := Lookup(c.word); got != c.want {
			t.Errorf("Lookup(%q) = %010b, want %010b", c.word, got, c.want)
		}
	}
}

func TestTokenize(t *testing.T) {
	var got []Token
	Tokenize("Mary's 1,000.5 don't", func(tk Token) { got = append(got, tk) })
	want := []Token{
		{Word: "mary", Start: 0, End: 6, Upper: true},
		{Word: "1,000.5", Start: 7, End: 14, Digit: true},
		{Word: "dont", Start: 15, End: 20},
	}
	if len(got) != len(want) {
		t.Fatalf("tokens %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("token %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

// Negative contractions, written without their apostrophe as the
// tokenizer gives them, are stop words like the verbs they shorten:
// "why couldn't Bevan come?" asks about Bevan, not about "couldnt".
func TestContractionsAreStopWords(t *testing.T) {
	for _, w := range []string{"couldnt", "wouldnt", "shouldnt", "hasnt", "havent", "hadnt", "didnt", "cant"} {
		if !IsStop(w) {
			t.Errorf("%q is not a stop word", w)
		}
	}
}

// "I'd", "we'll", "she'd": a pronoun and an auxiliary (would, had, will),
// read as the pronoun, a stop word; not "id", "well" or "shed", which a
// question about an ID, a well or a shed means. The words themselves, and
// a name before "'d", stay as written.
func TestPronounContractionsReadAsThePronoun(t *testing.T) {
	words := func(text string) []string {
		var ws []string
		Tokenize(text, func(tk Token) { ws = append(ws, tk.Word) })
		return ws
	}
	for text, want := range map[string][]string{
		"i'd like to help":          {"i", "like", "to", "help"},
		"We'll be late, I’d guess":  {"we", "be", "late", "i", "guess"},
		"She'd left; it'll rain":    {"she", "left", "it", "rain"},
		"who'd know? that'll do":    {"who", "know", "that", "do"},
		"my ID, a well, the shed":   {"my", "id", "a", "well", "the", "shed"},
		"Ed'd go; we'lll; rock'n'd": {"edd", "go", "welll", "rocknd"},
	} {
		if got := words(text); !slices.Equal(got, want) {
			t.Errorf("%q: %q, want %q", text, got, want)
		}
		for _, w := range words(text) {
			if (w == "i" || w == "we" || w == "she" || w == "it" || w == "who" || w == "that") && !IsStop(w) {
				t.Errorf("%q is not a stop word", w)
			}
		}
	}
}

// Interjections and hedges ("approx how many") colour a chat message and
// never carry its topic.
func TestInterjectionsAreChatFillers(t *testing.T) {
	for _, w := range []string{"oops", "ugh", "hmm", "wow", "haha", "lol", "tbh", "approx", "roughly"} {
		if !IsChatFiller(w) {
			t.Errorf("%q is not a chat filler", w)
		}
	}
	for _, w := range []string{"water", "kettle", "well", "oh"} {
		if IsChatFiller(w) {
			t.Errorf("%q is a chat filler", w)
		}
	}
}

func TestIsLowerASCII(t *testing.T) {
	if !IsLowerASCII("supt") || IsLowerASCII("Supt") || IsLowerASCII("café") || IsLowerASCII("4x4") {
		t.Error("IsLowerASCII")
	}
}

func TestSpellingVariant(t *testing.T) {
	for _, tt := range []struct{ w, want string }{
		{"neighbours", "neighbors"}, {"neighbors", "neighbours"}, {"centre", "center"}, {"organised", "organized"},
		{"travelled", "traveled"}, {"catalogue", "catalog"}, {"defence", "defense"}, {"programme", "program"},
		{"hour", ""}, {"rise", ""}, {"course", ""}, {"tour", ""}, {"metre", "meter"},
	} {
		got, ok := SpellingVariant(tt.w)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("SpellingVariant(%q) = %q, %v; want %q", tt.w, got, ok, tt.want)
		}
	}
	for _, tt := range []struct{ w, want string }{{"neighbours", "neighbors"}, {"neighbors", "neighbors"}, {"colour", "color"}, {"bread", "bread"}} {
		if got := CommonSpelling(tt.w); got != tt.want {
			t.Errorf("CommonSpelling(%q) = %q, want %q", tt.w, got, tt.want)
		}
	}
}

// A time written with a colon is a time of day, hours and minutes both;
// a ratio or a score is not.
func TestInClockTime(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		text string
		want []string // the words read as a time
	}{
		{"stand-ups at 09:45; core hours are 10:00 to 15:30", []string{"09", "45", "10", "00", "15", "30"}},
		{"open until 7:30pm", []string{"7", "30pm"}},
		{"a ratio of 1:2:2, won 3:1, John 3:16", []string{"3", "16"}},
		{"61:00 is no time, nor 12:75 or 9:305", nil},
		// Minutes and seconds into a recording: show notes' timestamps.
		{"33:50 Myths and old starters; 41:20 Why some breads are easier to digest", []string{"33", "50", "41", "20"}},
	} {
		var got []string
		Tokenize(tt.text, func(tk Token) {
			if tk.Digit && InClockTime(tt.text, tk) {
				got = append(got, tk.Word)
			}
		})
		if !slices.Equal(got, tt.want) {
			t.Errorf("InClockTime over %q = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// A day of the month is read with its month, on either side; a number
// beside no month, or too large for a day, is not one.
func TestInDayOfMonth(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		text string
		want []string // the words read as a day of the month
	}{
		{"on April 19, 1995 and 6 May; the 3rd of June, Jan 31st", []string{"19", "6", "3rd", "31st"}},
		{"19 children, 168 lives, May 32, 0 June, 100 March", nil},
		{"in March 1995, 12 months", nil},
	} {
		var got []string
		prev := ""
		Tokenize(tt.text, func(tk Token) {
			if tk.Digit && InDayOfMonth(tt.text, tk, prev) {
				got = append(got, tk.Word)
			}
			prev = tk.Word
		})
		if !slices.Equal(got, tt.want) {
			t.Errorf("InDayOfMonth over %q = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestDecadeYears(t *testing.T) {
	t.Parallel()
	if got := DecadeYears("1960s"); len(got) != 10 || got[0] != "1960" || got[9] != "1969" {
		t.Errorf("DecadeYears(1960s) = %q", got)
	}
	for _, w := range []string{"60s", "1965s", "1960", "abcds", "19600s"} {
		if got := DecadeYears(w); got != nil {
			t.Errorf("DecadeYears(%q) = %q, want nil", w, got)
		}
	}
}

// The derivation lexicon joins what a stemmer cannot: a noun and its
// verb, an adjective and its attribute.
func TestDerivedOf(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ word, want string }{
		{"death", "die"}, {"die", "death"}, {"strength", "strong"}, {"strong", "strength"},
		{"photography", "photograph"}, {"depth", "deep"}, {"payment", "pay"},
	} {
		if got := DerivedOf(Stem(tt.word)); !ListHas(got, Stem(tt.want)) {
			t.Errorf("DerivedOf(%q) = %q, want it to hold %q", tt.word, got, Stem(tt.want))
		}
	}
	if got := DerivedOf("zzzz"); got != "" {
		t.Errorf("DerivedOf(zzzz) = %q, want nothing", got)
	}
}

func TestIsCommonWord(t *testing.T) {
	t.Parallel()
	for w, want := range map[string]bool{"lease": true, "dogs": true, "tanks": true, "tim": false, "calender": false, "pup": false} {
		if got := IsCommonWord(w); got != want {
			t.Errorf("IsCommonWord(%q) = %v, want %v", w, got, want)
		}
	}
}

// A month or weekday, singular or plural, dates something; "may" (the
// verb, mostly) and words that only speak of time do not.
func TestIsCalendarWord(t *testing.T) {
	for w, want := range map[string]bool{"monday": true, "saturdays": true, "march": true, "sept": true,
		"may": false, "weeks": false, "until": false, "mondayss": false} {
		if IsCalendarWord(w) != want {
			t.Errorf("IsCalendarWord(%q) = %v", w, !want)
		}
	}
}

func TestIsPlural(t *testing.T) {
	for w, want := range map[string]bool{
		"tickets": true, "people": true, "council": true, "bakery": true, "pub": true,
		"recount": false, "heating": false, "news": false, "kettle": false, "bus": false, "submitting": false,
	} {
		if got := IsPlural(w); got != want {
			t.Errorf("IsPlural(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestIsOrdinalKeepsItsDefinition holds IsOrdinal's early rejection by
// ending to what it stands for: digits and an ordinal ending, or a word
// of the ordinals list, on every listed word and on random strings built
// of their pieces.
func TestIsOrdinalKeepsItsDefinition(t *testing.T) {
	plain := func(w string) bool {
		if n := len(w) - 2; n > 0 && w[0] >= '0' && w[0] <= '9' {
			switch w[n:] {
			case "st", "nd", "rd", "th":
				return strings.Trim(w[:n], "0123456789") == ""
			}
			return false
		}
		return ordinals[w]
	}
	for w := range ordinals {
		if !IsOrdinal(w) {
			t.Errorf("IsOrdinal(%q) = false, it is listed", w)
		}
	}
	pieces := []string{"1", "0", "2", "st", "nd", "rd", "th", "t", "h", "s", "fir", "seco", "twelf", "hundred", "a", "é", "\xe2"}
	for _, w := range randtext.Texts(7, 20000, 5, pieces) {
		if got, want := IsOrdinal(w), plain(w); got != want {
			t.Errorf("IsOrdinal(%q) = %v, want %v", w, got, want)
		}
	}
}

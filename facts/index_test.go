package facts

import (
	"strings"
	"testing"

	"github.com/storybot/storybot/english"
)

func TestMarksSayWhatTheWordsShow(t *testing.T) {
	t.Parallel()
	d, err := Parse("m.txt", []byte("It cost $3 in Paris in 1999. The price rose 5%, said Mr Smith."))
	if err != nil {
		t.Fatal(err)
	}
	s := NewStore(d)
	m := s.Marks(0)
	for _, want := range []Marks{MarkOpensAnaphor, MarkCurrency, MarkDigit, MarkYear, MarkPlaceName, MarkName} {
		if m&want == 0 {
			t.Errorf("sentence 1 lacks mark %032b", want)
		}
	}
	if m&MarkPercentSign != 0 || m.Classes()&english.Money == 0 {
		t.Errorf("sentence 1: marks %032b", m)
	}
	m = s.Marks(1)
	if m&MarkPercentSign == 0 || m&MarkOpensAnaphor != 0 || m&MarkYear != 0 || m.Classes()&(english.Money|english.Person) != english.Money|english.Person {
		t.Errorf("sentence 2: marks %032b", m)
	}
	if m.Classes()&english.Stop != 0 {
		t.Errorf("marks carry only the kinds of classes, not stop words")
	}
}

// An instruction whose object is "it" or "them" ("Place them seam side
// up", "Let it cool") opens by referring back, as "It was built…" does;
// one naming its object, or opening with a function word, does not.
func TestInstructionOnAPronounRefersBack(t *testing.T) {
	t.Parallel()
	for text, want := range map[string]bool{
		"Place them seam side up in floured bannetons.": true,
		"Let it cool on a wire rack.":                   true,
		"It rises overnight.":                           true,
		"Place the dough in the fridge.":                false,
		"Of them, two remain open.":                     false,
		"Slice it thinly and serve it warm.":            true,
		"Bake for 20 minutes, then turn it out.":        false,
	} {
		d, err := Parse("i.txt", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		if got := NewStore(d).Marks(0)&MarkOpensAnaphor != 0; got != want {
			t.Errorf("%q refers back: %v, want %v", text, got, want)
		}
	}
}

func TestPostingsCountTermsPerSentence(t *testing.T) {
	t.Parallel()
	d, err := Parse("p.txt", []byte("Milk, milk and milk. Bread and milk."))
	if err != nil {
		t.Fatal(err)
	}
	s := NewStore(d)
	terms, id := s.Terms()
	milk, ok := id.Lookup("milk")
	if !ok || terms[milk] != "milk" {
		t.Fatalf("no term milk in %v", terms)
	}
	ps := s.Postings().Of(int(milk))
	if len(ps) != 2 || ps[0] != 0 || ps[1] != 1 || s.TF(int(milk), 0) != 3 || s.TF(int(milk), 1) != 1 {
		t.Errorf("postings %v, term frequencies %d, %d", ps, s.TF(int(milk), 0), s.TF(int(milk), 1))
	}
	if lens := s.SentenceLengths(); lens[0] != 3 || lens[1] != 2 {
		t.Errorf("sentence lengths %v: stop words must not count", lens)
	}
	v := s.Vocabulary()
	if w := v.ID.Index("milk"); v.Words[w] != "milk" || v.Freq[w] != 4 || v.Stem[w] != milk {
		t.Errorf("vocabulary entry for milk: %q freq %d stem %d", v.Words[w], v.Freq[w], v.Stem[w])
	}
}

// A unit is a measured answer after a number or "a" ("four hours", "a
// full hour"), not in a rate ("twice a day", "at 9am every day"); and a
// number counts things ("twice" answers "how many times") unless it is a
// year, a time of day or the day of a date. A duration followed by "later" says when, not
// how long ("eight years later"); "ago" keeps it, as "how long ago" asks.
// An ordinal places, it does not count: "Twelfth Night" and "the third
// week" are no span of time.
func TestUnitsAndCounts(t *testing.T) {
	t.Parallel()
	d, err := Parse("u.txt", []byte("Bake it for a full hour. Feed it twice a day. "+
		"It opens at 9am every day in 1998. Around 40,000 people came. "+
		"She switched eight years later. It closed three years ago. "+
		"Two weeks later it kept for up to three days. It lasts a week. "+
		"It is one of the largest. They had one daughter. "+
		"It was bombed on April 19, 1995. It killed 168 people on 19 April. "+
		"A fee of £25 per dog is added. Tickets cost $ 4.50 each. Up to 25 dogs came. "+
		"Only 3% of them barked. Twelfth Night opens in the third week of May. "+
		"It stayed for three nights."))
	if err != nil {
		t.Fatal(err)
	}
	s := NewStore(d)
	for i, tt := range []struct{ duration, count bool }{{true, false}, {false, true}, {false, false}, {false, true},
		{false, true}, {true, true}, {true, true}, {true, false}, {false, false}, {false, true},
		{false, false}, {false, true}, {false, false}, {false, false}, {false, true}, {false, true},
		{false, false}, {true, true}} {
		m := s.Marks(i)
		if got := m.Classes()&english.Duration != 0; got != tt.duration {
			t.Errorf("sentence %d: duration %v, want %v", i+1, got, tt.duration)
		}
		if got := m&MarkCount != 0; got != tt.count {
			t.Errorf("sentence %d: count %v, want %v", i+1, got, tt.count)
		}
	}
}

// A word the text writes as a name, read in lower case: capitalised in
// most of its uses, or, when English has no such common word, in one
// (a name that opens its sentences); not a common word capitalised once,
// a stop word or a title.
func TestIsName(t *testing.T) {
	t.Parallel()
	d, err := Parse("n.txt", []byte("The adviser, John Bolton, met Mr Pompeo. Bolton said little. "+
		"Bolton left early. The Mayor spoke, and the mayor's deputy wrote it down. We may go in May."))
	if err != nil {
		t.Fatal(err)
	}
	s := NewStore(d)
	for w, want := range map[string]bool{"john": true, "bolton": true, "pompeo": true, "mayor": false,
		"mr": false, "may": false, "adviser": false, "unknown": false} {
		if got := s.IsName(w); got != want {
			t.Errorf("IsName(%q) = %v, want %v", w, got, want)
		}
	}
}

// A heading in capitals makes no word a name ("OPENING HOURS" over a
// list), where a title's names are names: "what hours?" asks of hours.
func TestHeadingInCapitalsNamesNoOne(t *testing.T) {
	t.Parallel()
	d, err := Parse("h.txt", []byte("The Life of Ingrid Voskuijlen\n\nShe was born in 1904.\n\n"+
		"OPENING HOURS\nMonday: 8:00am to 6:00pm\nSunday: Closed\n"))
	if err != nil {
		t.Fatal(err)
	}
	s := NewStore(d)
	for w, want := range map[string]bool{"hours": false, "opening": false, "ingrid": true, "voskuijlen": true} {
		if got := s.IsName(w); got != want {
			t.Errorf("IsName(%q) = %v, want %v", w, got, want)
		}
	}
}

// A sum of money is a number after a currency sign or before a word of
// money, the number word of a large number between ("18 million pounds");
// a word of money with no number before it is none, nor a number of other
// things.
func TestSumsOfMoney(t *testing.T) {
	t.Parallel()
	d, err := Parse("m.txt", []byte("Places cost £45 each. He earns around 34,000 pounds a year. "+
		"They will invest 18 million pounds in it. The price was never agreed. "+
		"About 20 percent of the cost was paid. Add two pounds of flour. "+
		"It employed 1,200 people in 1977. Tickets are $ 4.50 for adults."))
	if err != nil {
		t.Fatal(err)
	}
	s := NewStore(d)
	for i, want := range []bool{true, true, true, false, false, false, false, true} {
		if got := s.Marks(i)&MarkSum != 0; got != want {
			t.Errorf("sentence %d %q: sum %v, want %v", i+1, s.Sentences()[i].Text, got, want)
		}
	}
}

// A capitalised word after a preposition of place is a place name, with
// "the" between or not ("in Paris", "in the Corn Exchange"); after any
// other word it is not.
func TestPlaceNameAfterTheArticle(t *testing.T) {
	t.Parallel()
	d, err := Parse("p.txt", []byte("They met in the Corn Exchange. They met the Mayor. They met in Paris."))
	if err != nil {
		t.Fatal(err)
	}
	s := NewStore(d)
	for i, want := range []bool{true, false, true} {
		if got := s.Marks(i)&MarkPlaceName != 0; got != want {
			t.Errorf("sentence %d: place name %v, want %v", i+1, got, want)
		}
	}
}

func TestTermFrequencyOverAByte(t *testing.T) {
	t.Parallel()
	d, err := Parse("t", []byte(strings.Repeat("milk ", 300)+"milk.\n\nMilk."))
	if err != nil {
		t.Fatal(err)
	}
	s := NewStore(d)
	_, id := s.Terms()
	milk := int(id.Index("milk"))
	if got := s.TF(milk, 0); got != 301 {
		t.Errorf("TF of a 301-milk sentence = %d", got)
	}
	if got := s.TF(milk, 1); got != 1 {
		t.Errorf("TF of the next sentence = %d", got)
	}
}

// TestWordCacheChangesNothing builds a long text with the word cache and
// without it: vocabulary, postings, marks and answers must be the same.
// It is not parallel: it sets wordCacheMinSentences.
func TestWordCacheChangesNothing(t *testing.T) {
	// Many distinct words that share length, first, middle and last
	// letters (the cache's slot), stop words, capitals and numbers.
	var b strings.Builder
	letters := "abcdefghijklmnopqrstuvwxyz"
	seed := uint32(7)
	next := func(n int) int {
		seed = seed*1664525 + 1013904223
		return int(seed>>8) % n
	}
	for i := 0; i < 3000; i++ {
		b.WriteString([]string{"The", "Then", "Sie", "Every"}[next(4)])
		words := 3 + next(12)
		for j := 0; j < words; j++ {
			b.WriteByte(' ')
			switch k := next(10); {
			case k < 3:
				b.WriteString([]string{"the", "and", "of", "in", "The", "In", "a", "every"}[next(8)])
			case k == 3:
				b.WriteString([]string{"1999", "42", "3.5", "twice", "km", "hours"}[next(6)])
			default:
				n := 2 + next(7)
				w := []byte{'s'}
				for len(w) < n-1 {
					w = append(w, letters[next(4+k)])
				}
				w = append(w, 'e')
				if next(5) == 0 {
					w[0] = 'S'
				}
				b.Write(w)
			}
		}
		b.WriteString(". ")
		if i%7 == 6 {
			b.WriteString("\n\n")
		}
	}
	d, err := Parse("long.txt", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Sentences) < wordCacheMinSentences {
		t.Fatalf("%d sentences: too few for the cache", len(d.Sentences))
	}
	cached := NewStore(d)
	old := wordCacheMinSentences
	wordCacheMinSentences = len(d.Sentences) + 1
	plain := NewStore(d)
	wordCacheMinSentences = old
	if len(plain.words) < 1000 {
		t.Fatalf("only %d words", len(plain.words))
	}
	// The cache itself is the one difference; every other field must match.
	cached.wordCache, plain.wordCache = nil, nil
	cached.analyseTime, cached.indexTime, plain.analyseTime, plain.indexTime = 0, 0, 0, 0
	if diff := storeDiff(cached, plain); diff != "" {
		t.Errorf("the word cache changes the store: %s", diff)
	}
}

// TestSignMarks: each currency sign, an amount in pence and the degree
// sign mark their sentence, and curly quotes (which share the euro's first byte) do not.
func TestSignMarks(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		text string
		want Marks
	}{
		{"It cost €5 there.", MarkCurrency},
		{"It cost £5 there.", MarkCurrency},
		{"It cost ¥5 there.", MarkCurrency},
		{"It was 5° there.", Marks(english.Temperature)},
		{"“It was five there,” she said.", 0},
		{"It was 5 at the café, à la carte.", 0},
		{"The dividend is 4.2p per share.", MarkCurrency},
		{"Extra miles cost 22p each.", MarkCurrency},
		{"It streams at 720p on the old plan.", 0},
	} {
		d, err := Parse("s.txt", []byte(c.text))
		if err != nil {
			t.Fatal(err)
		}
		got := NewStore(d).Marks(0) & (MarkCurrency | Marks(english.Temperature))
		if got != c.want {
			t.Errorf("%q: marks %032b, want %032b", c.text, got, c.want)
		}
	}
}

// A hyphenated pair is also indexed closed ("Wi-Fi" as "wifi"); a longer
// chain is not ("day-to-day" holds no "today").
func TestHyphenatedPairsIndexedClosed(t *testing.T) {
	t.Parallel()
	d, err := Parse("c.txt", []byte("The Wi-Fi works day-to-day. Use the drop-off point."))
	if err != nil {
		t.Fatal(err)
	}
	v := NewStore(d).Vocabulary()
	for w, want := range map[string]bool{"wifi": true, "dropoff": true, "today": false, "dayto": false} {
		if _, ok := v.ID.Lookup(w); ok != want {
			t.Errorf("vocabulary holds %q: %v, want %v", w, ok, want)
		}
	}
}

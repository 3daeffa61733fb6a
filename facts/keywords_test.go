package facts

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// indexWordFold must find what indexWord finds in the lower-cased text,
// at the same offset, whatever the text's runes (some lower to more or
// fewer bytes: "İ", the Kelvin sign, invalid UTF-8).
func TestIndexWordFoldAgreesWithLowerCase(t *testing.T) {
	t.Parallel()
	pieces := []string{"Pierre", "pierre", "PIERRE", "pierres", " ", ", ", "’", "É", "é", "İ", "\u212a", "k", "\xff", "a", "A", "1", "-", "Ω", "ω"}
	words := []string{"pierre", "k", "a", "é", "ω", "pierres", "i̇", "1"}
	r := rand.New(rand.NewPCG(1, 2))
	for n := range 20000 {
		var b strings.Builder
		for range r.IntN(8) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		text, w := b.String(), words[n%len(words)]
		if got, want := indexWordFold(text, w), indexWord(strings.ToLower(text), w); got != want {
			t.Fatalf("indexWordFold(%q, %q) = %d, want %d", text, w, got, want)
		}
	}
}

// bestKeywords must put the first k candidates in order at the front,
// as sorting them all would.
func TestBestKeywordsIsTheSortedPrefix(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(3, 4))
	for trial := range 300 {
		n := 1 + r.IntN(200)
		var cands []keyword
		for i := range n {
			cands = append(cands, keyword{w: "w" + strconv.Itoa(i), name: r.IntN(3) == 0, score: float64(r.IntN(20))})
		}
		want := slices.Clone(cands)
		slices.SortFunc(want, keywordOrder)
		k := r.IntN(n + 5)
		got := slices.Clone(cands)
		sorted := bestKeywords(got, k)
		if sorted != min(k, n) && sorted != n {
			t.Fatalf("trial %d: bestKeywords(%d of %d) = %d", trial, k, n, sorted)
		}
		if !slices.Equal(got[:sorted], want[:sorted]) {
			t.Fatalf("trial %d: first %d = %v, want %v", trial, sorted, got[:sorted], want[:sorted])
		}
	}
}

// A name written with accents is offered as written, not as the
// unaccented form it is indexed under.
func TestKeywordsKeepAccents(t *testing.T) {
	t.Parallel()
	text := "Natásha met Kutúzov at dawn. Later Natásha's brother wrote to Kutúzov. " +
		"The general, Kutúzov, read it twice. Natásha laughed."
	d, err := Parse("novel.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	got := NewStore(d).Keywords(2)
	if !slices.Contains(got, "Natásha") || !slices.Contains(got, "Kutúzov") {
		t.Errorf("Keywords = %q, want Natásha and Kutúzov as written", got)
	}
}

package facts

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/storybot/storybot/internal/randtext"
)

// indexWordFold must find what indexWord finds in the lower-cased text,
// at the same offset, whatever the text's runes (some lower to more or
// fewer bytes: "İ", the Kelvin sign, invalid UTF-8).
func TestIndexWordFoldAgreesWithLowerCase(t *testing.T) {
	t.Parallel()
	pieces := []string{"Pierre", "pierre", "PIERRE", "pierres", " ", ", ", "’", "É", "é", "İ", "\u212a", "k", "\xff", "a", "A", "1", "-", "Ω", "ω"}
	words := []string{"pierre", "k", "a", "é", "ω", "pierres", "i̇", "1"}
	for n, text := range randtext.Texts(1, 20000, 8, pieces) {
		w := words[n%len(words)]
		if got, want := indexWordFold(text, w), indexWord(strings.ToLower(text), w); got != want {
			t.Fatalf("indexWordFold(%q, %q) = %d, want %d", text, w, got, want)
		}
	}
}

// keepBest must keep the first k candidates in keywordOrder, whatever
// order they come in, as sorting them all would.
func TestKeepBestKeepsTheSortedPrefix(t *testing.T) {
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
		var got []keyword
		for _, c := range cands {
			got = keepBest(got, k, c)
		}
		slices.SortFunc(got, keywordOrder)
		if !slices.Equal(got, want[:min(k, n)]) {
			t.Fatalf("trial %d: best %d of %d = %v, want %v", trial, k, n, got, want[:min(k, n)])
		}
	}
}

// Keywords reads past the candidates it kept when they run out (forms
// of one stem count once): keeping fewer changes nothing.
func TestKeywordsReadPastTheKeptCandidates(t *testing.T) {
	t.Parallel()
	text := "The crew sails. The crew sailed. Sailing is hard, sailing is slow. " +
		"The sails tore; the sail held. Lanterns glow, lanterns glow. " +
		"Harbours wait, harbours wait. Ropes creak, ropes creak. Gulls cry, gulls cry."
	d, err := Parse("log.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	s := NewStore(d)
	want := s.keywords(5, len(s.words))
	if len(want) != 5 {
		t.Fatalf("keywords = %q, want five", want)
	}
	for k := 1; k < 8; k++ {
		if got := s.keywords(5, k); !slices.Equal(got, want) {
			t.Errorf("keeping %d: keywords = %q, want %q", k, got, want)
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

package match

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/storybot/storybot/english"
	"github.com/storybot/storybot/facts"
	"github.com/storybot/storybot/story"
)

// The packed, bucketed index must hold exactly the (hash, word) pairs, each
// once, that sorting every word's deletion variants by (hash, word) and
// dropping repeats gives, a hash's words in word order: random words of a
// small alphabet (many shared variants and repeats) and vocabularies of
// several sizes.
func TestCorrectorIndexEqualsSortedPairs(t *testing.T) {
	type pair struct {
		hash uint32
		word int32
	}
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{1, 7, 300, 5000} {
		words := make([]string, n)
		for i := range words {
			w := make([]byte, 1+r.IntN(9))
			for j := range w {
				w[j] = "aboknz"[r.IntN(6)]
			}
			words[i] = string(w)
		}
		var want []pair
		for id, w := range words {
			if rs := []rune(w); len(rs) >= 2 {
				forDeletes(rs, deleteDepth(len(rs)), func(h uint32) { want = append(want, pair{h, int32(id)}) })
			}
		}
		slices.SortStableFunc(want, func(a, b pair) int { return cmp.Compare(a.hash, b.hash) })
		want = slices.Compact(want)
		c := newCorrector(words, newWordTable(words))
		var got []pair
		for k := 0; k+1 < len(c.bucket); k++ {
			for _, e := range c.entries[c.bucket[k]:c.bucket[k+1]] {
				h := uint32(k)<<c.shift | e>>c.wordBits
				got = append(got, pair{h, int32(e & (1<<c.wordBits - 1))})
			}
		}
		// A bucket keeps its words in the order written, not sorted by
		// hash: the pairs, each once, are what must match.
		slices.SortStableFunc(got, func(a, b pair) int { return cmp.Compare(a.hash, b.hash) })
		if !slices.Equal(got, want) {
			t.Fatalf("n=%d: index holds %d pairs, want %d, or other pairs", n, len(got), len(want))
		}
	}
}

// countDeletes must be the number of entries newCorrector makes, so that
// the array is never regrown.
func TestCountDeletesIsExact(t *testing.T) {
	words := []string{"a", "ab", "abc", "naïve", "x1y", "pierre", "bezukhov", strings.Repeat("z", 24), strings.Repeat("z", 25)}
	n := 0
	for _, w := range words {
		rs := []rune(w)
		if len(rs) < 2 || len(rs) > maxIndexedRunes || english.HasDigit(w) {
			continue
		}
		forDeletes(rs, deleteDepth(len(rs)), func(uint32) { n++ })
	}
	if got := countDeletes(words); got != n {
		t.Fatalf("countDeletes = %d, forDeletes makes %d", got, n)
	}
}

func BenchmarkNewCorrector(b *testing.B) {
	words := make([]string, 20_000)
	r := rand.New(rand.NewPCG(3, 4))
	for i := range words {
		w := make([]byte, 4+r.IntN(8))
		for j := range w {
			w[j] = byte('a' + r.IntN(26))
		}
		words[i] = string(w)
	}
	slices.Sort(words)
	words = slices.Compact(words)
	b.ReportAllocs()
	for b.Loop() {
		newCorrector(words, newWordTable(words))
	}
}

// A signature never rules out a word within the edits allowed: every
// pair of words of up to four letters over "a", "b", "g" and "é" ("g" and
// "é" share a bit), at one and two edits.
func TestSignatureNeverRulesOutANearWord(t *testing.T) {
	t.Parallel()
	words := wordsOver([]string{"a", "b", "g", "é"}, 4)
	ruledOut := 0
	for _, a := range words {
		for _, b := range words {
			for maxd := 1; maxd <= 2; maxd++ {
				near := osaDistance([]rune(a), []rune(b), maxd) <= maxd
				may := mayBeNear(signature(a), signature(b), maxd)
				if near && !may {
					t.Fatalf("mayBeNear(%q, %q, %d) = false, but they are within %d", a, b, maxd, maxd)
				}
				if !may {
					ruledOut++
				}
			}
		}
	}
	if ruledOut == 0 {
		t.Error("the signature ruled nothing out")
	}
}

// idSet keeps every id once, in its stack table and past it in a map.
func TestIDSetAddsEachOnce(t *testing.T) {
	t.Parallel()
	var s idSet
	for round := range 2 {
		for id := range int32(1000) {
			if got := s.add(id * 7); got != (round == 0) {
				t.Fatalf("round %d: add(%d) = %v", round, id*7, got)
			}
		}
	}
	if s.more == nil || len(s.more) != 1000 {
		t.Errorf("after 1,000 ids the set holds %d in its map", len(s.more))
	}
}

// wordsOver returns every word of up to n letters over letters, the empty
// one included.
func wordsOver(letters []string, n int) []string {
	words := []string{""}
	for next := words; n > 0; n-- {
		var longer []string
		for _, w := range next {
			for _, c := range letters {
				longer = append(longer, w+c)
			}
		}
		words, next = append(words, longer...), longer
	}
	return words
}

// BenchmarkNearestShortTypo: a three-letter typo shares its deletions
// with hundreds of a vocabulary's short words, each checked once.
func BenchmarkNearestShortTypo(b *testing.B) {
	words := make([]string, 0, 21_000)
	r := rand.New(rand.NewPCG(3, 4))
	for range 20_000 {
		w := make([]byte, 2+r.IntN(10))
		for j := range w {
			w[j] = byte('a' + r.IntN(26))
		}
		words = append(words, string(w))
	}
	const letters = "aeiostnr"
	for _, x := range letters {
		for _, y := range letters {
			for _, z := range letters {
				words = append(words, string([]rune{x, y, z}))
			}
		}
	}
	slices.Sort(words)
	words = slices.Compact(words)
	c := newCorrector(words, newWordTable(words))
	freq := make([]int32, len(words))
	q := []rune("atx")
	b.ReportAllocs()
	for b.Loop() {
		c.nearest(q, words, freq)
	}
}

// hashSkip is FNV-1a over rs without positions i and j: what forDeletes
// computes from shared prefixes.
func hashSkip(rs []rune, i, j int) uint32 {
	h := uint32(2166136261)
	for k, r := range rs {
		if k == i || k == j {
			continue
		}
		h ^= uint32(r)
		h *= 16777619
	}
	return h
}

// forDeletes must give every variant's hash as hashing it afresh does, in
// the same order.
func TestForDeletesHashesEachVariant(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for n := 0; n <= maxIndexedRunes+4; n++ {
		rs := make([]rune, n)
		for i := range rs {
			rs[i] = []rune("abkozéï中")[r.IntN(8)]
		}
		for depth := 0; depth <= 2; depth++ {
			want := []uint32{hashSkip(rs, -1, -1)}
			if depth >= 1 && n >= 2 {
				for i := range rs {
					want = append(want, hashSkip(rs, i, -1))
					if depth < 2 || n < 3 {
						continue
					}
					for j := i + 1; j < n; j++ {
						want = append(want, hashSkip(rs, i, j))
					}
				}
			}
			var got []uint32
			forDeletes(rs, depth, func(h uint32) { got = append(got, h) })
			if !slices.Equal(got, want) {
				t.Fatalf("%q depth %d: hashes differ", string(rs), depth)
			}
		}
	}
}

// While the corrector is built, a question's misspelt words are corrected
// by scanning the vocabulary: every query finds what the deletion index
// finds, the same word at the same distance, ties broken alike. The
// vocabulary is dense in near words (every word of up to five letters
// over "a", "b", "g" and "é", and thousands of six to nine), with
// two-letter words, words with digits and words too long to index;
// queries reach two edits.
func TestScanNearestFindsWhatTheIndexFinds(t *testing.T) {
	t.Parallel()
	words := wordsOver([]string{"a", "b", "g", "é"}, 5)[1:]
	words = append(words, "ab1", "2bag", strings.Repeat("ab", 12), strings.Repeat("ab", 13), "gabbagabba", "abgabgab")
	r := rand.New(rand.NewPCG(5, 6))
	// Six to nine letters: a word of six or fewer is indexed one deletion
	// deep, and a query of seven or more looks two edits away.
	for range 3000 {
		w := make([]rune, 6+r.IntN(4))
		for j := range w {
			w[j] = []rune("abgé")[r.IntN(4)]
		}
		words = append(words, string(w))
	}
	freq := make([]int32, len(words))
	for i := range freq {
		freq[i] = int32(r.IntN(4)) // many ties, for better's later rules
	}
	c := newCorrector(words, newWordTable(words))
	queries := append(wordsOver([]string{"a", "b", "g", "é", "x"}, 4)[1:], strings.Repeat("ab", 13)+"a", "abgabgax", "gabbagxbba")
	for range 2000 {
		q := make([]rune, 5+r.IntN(5))
		for j := range q {
			q[j] = []rune("abgéx")[r.IntN(5)]
		}
		queries = append(queries, string(q))
	}
	found := 0
	for _, q := range queries {
		rs := []rune(q)
		id, d := c.nearest(rs, words, freq)
		sid, sd := scanNearest(rs, words, c.wordTable, freq)
		if id != sid || d != sd {
			t.Fatalf("%q: the index finds %d at %d, the scan %d at %d", q, id, d, sid, sd)
		}
		if id >= 0 {
			found++
		}
	}
	if found < len(queries)/2 {
		t.Errorf("only %d of %d queries found a word", found, len(queries))
	}
}

// A question asked while a book's corrector is being built is corrected
// as it would be once it is built, without waiting for it; past
// maxTypoScans words a question waits.
func TestCorrectWhileTheCorrectorIsBuilt(t *testing.T) {
	d, err := facts.Parse(story.Name, story.Text)
	if err != nil {
		t.Fatal(err)
	}
	m := New(facts.NewStore(d))
	c := m.corrector()
	for _, w := range []string{"bolten", "pompoe", "russsia", "pmpeo", "mcf", "natsha", "washingtn", "secretery", "asdfghjkl", "elctn"} {
		rs := []rune(w)
		got, gid, gok, gkept := m.correctWith(c.wordTable, nil, w, rs)
		want, wid, wok, wkept := m.correctWith(c.wordTable, c, w, rs)
		if got != want || gid != wid || gok != wok || (gkept == nil) != (wkept == nil) || gkept != nil && *gkept != *wkept {
			t.Errorf("%q: scanned %+v %d %v %v, by the corrector %+v %d %v %v", w, got, gid, gok, gkept, want, wid, wok, wkept)
		}
	}
	// A matcher whose corrector is not yet built scans for the first
	// maxTypoScans words, then waits for it.
	m2 := New(facts.NewStore(d))
	m2.spell = &Speller{words: m2.words}   // as if New had started it in the background, and
	m2.spell.tab.Store(m.spell.tab.Load()) // had made the word table
	scans := 0
	for i := range maxTypoScans + 1 {
		if _, _, ok, _ := m2.correct("bolten", &scans); !ok {
			t.Fatalf("correction %d of bolten failed", i)
		}
	}
	if scans != maxTypoScans {
		t.Errorf("%d scans, want %d", scans, maxTypoScans)
	}
	if m2.spell.built.Load() == nil {
		t.Error("past maxTypoScans the corrector was not built")
	}
}

// A text of more than 5,000 words has its corrector built in the
// background; questions asked at once, while it is built, are answered
// exactly as they are once it is (run with -race, this also checks that
// the scan and the build share nothing unsafely).
func TestQuestionsDuringTheCorrectorsBuild(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	var text strings.Builder
	var words []string
	for len(words) < 6000 {
		w := make([]byte, 4+r.IntN(7))
		for j := range w {
			w[j] = byte('a' + r.IntN(26))
		}
		words = append(words, string(w))
	}
	for i := 0; i < len(words); i += 8 {
		text.WriteString("The " + strings.Join(words[i:min(i+8, len(words))], " ") + ".\n\n")
	}
	d, err := facts.Parse("words.txt", []byte(text.String()))
	if err != nil {
		t.Fatal(err)
	}
	var questions []string
	for i := range 40 {
		w := []byte(words[i*97])
		w[1] = 'q' // one letter changed: a typo of a text word
		questions = append(questions, "what about "+string(w)+"?")
	}
	m := New(facts.NewStore(d))
	before := make([]string, len(questions))
	for i, q := range questions {
		before[i] = m.Search(q, SearchOptions{}).Explain()
	}
	m.Prepare()
	for i, q := range questions {
		if after := m.Search(q, SearchOptions{}).Explain(); after != before[i] {
			t.Errorf("%q while the corrector was built:\n%s\nonce built:\n%s", q, before[i], after)
		}
	}
}

// A common English word the text lacks is read as written, not as a typo
// for a text word that only shares its first letters ("lease" is no
// "least") nor for a function word ("are dogs allowed" asks about dogs,
// not "does"); a rare word still is corrected ("calender" of a text
// about a calendar), and so is a misspelt function word ("wher").
func TestCommonWordIsNoTypo(t *testing.T) {
	t.Parallel()
	lease := newMatcher(t, "RESIDENTIAL TENANCY AGREEMENT\n\n"+
		"The Landlord must give at least two months written notice in accordance with the law.\n\n"+
		"Tenants must give at least one month notice.\n\n"+
		"Rent is paid on the first of the month.\n")
	m := newMatcher(t, "The old calendar view goes away in March. "+
		"Swimming is allowed on the north beach.")
	for _, tt := range []struct {
		m           *Matcher
		q, from, to string
	}{
		{lease, "how long is the lease for", "lease", ""},
		{m, "are dogs allowed on the beach", "dogs", ""},
		{m, "when is the calender view going", "calender", "calendar"},
		{m, "wher is swimming allowed", "wher", "where"},
	} {
		res := tt.m.Search(tt.q, SearchOptions{})
		got := ""
		for _, c := range res.Corrections {
			if c.From == tt.from {
				got = c.To
			}
		}
		if got != tt.to {
			t.Errorf("%q: %s corrected to %q, want %q", tt.q, tt.from, got, tt.to)
		}
	}
}

// A speller started on a store's words is the one the matcher uses, and
// corrects as New's would; one started on another store's words (equal,
// but not the same) is not used.
func TestMatcherTakesTheSpellerOfItsStore(t *testing.T) {
	t.Parallel()
	d, err := facts.Parse(story.Name, story.Text)
	if err != nil {
		t.Fatal(err)
	}
	store := facts.NewStore(d)
	sp := StartSpeller(store.Vocabulary().Words)
	m := NewWithSpeller(store, sp)
	if m.spell != sp {
		t.Error("the matcher did not take the speller started on its store's words")
	}
	other := NewWithSpeller(facts.NewStore(d), sp)
	if other.spell == sp {
		t.Error("the matcher took a speller started on another store's words")
	}
	var scans int
	for _, w := range []string{"bolten", "pompoe", "washingtn"} {
		got, _, gok, _ := m.correct(w, &scans)
		want, _, wok, _ := other.correct(w, &scans)
		if got != want || gok != wok || !gok {
			t.Errorf("%q: %+v %v with the early speller, %+v %v without", w, got, gok, want, wok)
		}
	}
}

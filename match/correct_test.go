package match

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/storybot/storybot/english"
)

// The radix sort must give exactly the order the comparison sort by (hash,
// word) gave, for entries appended in word order, as newCorrector appends
// them: hashes drawn from few values (many ties) and from all 32 bits.
func TestRadixSortByHashEqualsComparisonSort(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 7, 255, 256, 1000, 100_000} {
		for _, spread := range []uint32{3, 1 << 16, 1<<32 - 1} {
			in := make([]deleteEntry, n)
			word := int32(0)
			for i := range in {
				if r.IntN(5) == 0 {
					word++
				}
				in[i] = deleteEntry{hash: r.Uint32() % spread, word: word}
				if spread == 1<<16 {
					in[i].hash <<= 16 // ties in the low half, order in the high
				}
			}
			want := slices.Clone(in)
			slices.SortFunc(want, func(a, b deleteEntry) int {
				switch {
				case a.hash < b.hash:
					return -1
				case a.hash > b.hash:
					return 1
				}
				return int(a.word - b.word)
			})
			got := radixSortByHash(slices.Clone(in))
			if !slices.Equal(got, want) {
				t.Fatalf("n=%d spread=%d: radix order differs from the comparison sort", n, spread)
			}
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
		forDeletes(rs, 2, func(uint32) { n++ })
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
		newCorrector(words)
	}
}

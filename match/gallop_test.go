package match

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestGallopFindsFirstNotBelow compares gallop with a binary search over
// the whole list, from every kind of starting place.
func TestGallopFindsFirstNotBelow(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := range 300 {
		ps := make([]int32, n)
		for i := range ps {
			ps[i] = int32(r.IntN(4 * (n + 1)))
		}
		slices.Sort(ps)
		ps = slices.Compact(ps)
		for range 50 {
			x := int32(r.IntN(4*(n+1)+2)) - 1
			want, _ := slices.BinarySearch(ps, x)
			for _, from := range []int{0, want / 2, want, max(want-1, 0)} {
				if got := gallop(ps, from, x); got != want {
					t.Fatalf("gallop(%v, %d, %d) = %d, want %d", ps, from, x, got, want)
				}
			}
		}
	}
}

// TestInOrderMergesRuns: the found sentences, a sorted run per essential
// term, come out in order, once each.
func TestInOrderMergesRuns(t *testing.T) {
	for _, c := range []struct {
		touched, runs, want []int32
	}{
		{[]int32{5, 9, 40, 2, 7, 41, 1, 100}, []int32{0, 3, 6, 8}, []int32{1, 2, 5, 7, 9, 40, 41, 100}},
		{[]int32{5, 9, 40}, []int32{0}, []int32{5, 9, 40}},
		{[]int32{8, 3}, []int32{0, 0, 1, 1}, []int32{3, 8}}, // terms that found nothing new
	} {
		sc := &scratch{touched: append([]int32(nil), c.touched...), runs: c.runs}
		if got := sc.inOrder(len(c.touched)); !slices.Equal(got, c.want) {
			t.Fatalf("inOrder of %v (runs %v) = %v, want %v", c.touched, c.runs, got, c.want)
		}
		if !slices.Equal(sc.touched, c.touched) {
			t.Fatalf("inOrder changed touched: %v", sc.touched)
		}
	}
}

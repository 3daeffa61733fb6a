// Package randtext makes random texts out of given pieces, for tests that
// hold a fast function to the library call or slower function it stands
// for, on texts no one would think to write (bytes of a rune alone,
// invalid UTF-8, runs of one piece).
package randtext

import (
	"iter"
	"math/rand/v2"
	"strings"
)

// Texts yields n texts, numbered from 0, each of up to most-1 pieces drawn
// from pieces by a generator seeded with seed: the same texts every run.
func Texts(seed uint64, n, most int, pieces []string) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		r := rand.New(rand.NewPCG(seed, seed+1))
		for i := range n {
			var b strings.Builder
			for range r.IntN(most) {
				b.WriteString(pieces[r.IntN(len(pieces))])
			}
			if !yield(i, b.String()) {
				return
			}
		}
	}
}

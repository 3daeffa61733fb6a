package facts

import (
	"fmt"
	"testing"

	"github.com/storybot/storybot/internal/benchdocs"
)

func BenchmarkParse(b *testing.B) {
	for name, data := range benchdocs.Docs() {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Parse(name, data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkNewStore(b *testing.B) {
	for name, data := range benchdocs.Docs() {
		d, err := Parse(name, data)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				NewStore(d)
			}
		})
	}
}

// BenchmarkNewStoreRanges builds the book with its first pass in 1 and 2
// ranges; with -cpu 1 it weighs the work the ranges add (merging), with
// -cpu 2 what they save in time.
func BenchmarkNewStoreRanges(b *testing.B) {
	data, ok := benchdocs.Docs()["book"]
	if !ok {
		b.Skip("no book")
	}
	d, err := Parse("book", data)
	if err != nil {
		b.Fatal(err)
	}
	for _, ranges := range []int{1, 2} {
		b.Run(fmt.Sprint(ranges), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				newStore(ranges, []*Document{d})
			}
		})
	}
}

// BenchmarkKeywords measures the topics a refusal offers (what the bot's
// first refused question waits for).
func BenchmarkKeywords(b *testing.B) {
	for name, data := range benchdocs.Docs() {
		d, err := Parse(name, data)
		if err != nil {
			b.Fatal(err)
		}
		s := NewStore(d)
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				s.Keywords(24)
			}
		})
	}
}

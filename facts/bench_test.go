package facts

import (
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

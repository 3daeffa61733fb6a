package facts

import (
	"os"
	"testing"

	"github.com/storybot/storybot/story"
)

const warAndPeace = "../../shared/data/books/war_and_peace.txt"

// benchDocs are the documents benchmarks run on: the story always, War and
// Peace when ../shared/data is present.
func benchDocs(b *testing.B) map[string][]byte {
	docs := map[string][]byte{"story": story.Text}
	if data, err := os.ReadFile(warAndPeace); err == nil {
		docs["book"] = data
	}
	return docs
}

func BenchmarkParse(b *testing.B) {
	for name, data := range benchDocs(b) {
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
	for name, data := range benchDocs(b) {
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

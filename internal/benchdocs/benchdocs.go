// Package benchdocs gives the benchmarks of facts, match and bot the
// documents they run on. It is used only by tests; no program imports it.
package benchdocs

import (
	"os"

	"github.com/storybot/storybot/story"
)

// WarAndPeace is the book benchmarks run on when it is present, relative
// to a package one level below the module root (facts, match, bot), where
// go test runs that package's benchmarks.
const WarAndPeace = "../../shared/data/books/war_and_peace.txt"

// Docs are the documents benchmarks run on, by name: "story", the
// built-in story, always; "book", War and Peace, when ../shared/data is
// present.
func Docs() map[string][]byte {
	docs := map[string][]byte{"story": story.Text}
	if data, err := os.ReadFile(WarAndPeace); err == nil {
		docs["book"] = data
	}
	return docs
}

package match

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/storybot/storybot/facts"
	"github.com/storybot/storybot/story"
)

// A sentence telling of a question holds the question's words; the reply
// after it holds the answer, and comes first, quoted with it.
func TestFollowReply(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "The council met in the library.\n\n"+
		"Mrs. Hale asked when the footbridge over the river would reopen. "+
		"The engineer replied that the repairs should be finished by 3 May.\n\n"+
		"Mr. Dunn asked the engineer if the footbridge was safe, and the engineer said it was.")
	for _, tt := range []struct {
		q, want string
		chain   bool
	}{
		{"When will the footbridge over the river reopen?", "by 3 May", true},
		// About the asking itself: the sentence telling of it answers.
		{"Who asked about the footbridge over the river?", "Mrs. Hale asked", false},
		// Another question word than the one asked: no reply to follow.
		{"Who did Mr. Dunn ask about the footbridge?", "Mr. Dunn asked", false},
	} {
		r := m.Search(tt.q, SearchOptions{})
		if len(r.Hits) == 0 || !strings.Contains(r.Hits[0].Sentence.Text, tt.want) {
			t.Errorf("Search(%q) top = %q, want the sentence with %q", tt.q, r.Hits[0].Sentence.Text, tt.want)
		}
		if r.Chain != tt.chain {
			t.Errorf("Search(%q) chain = %v, want %v", tt.q, r.Chain, tt.chain)
		}
	}
	for text, want := range map[string]string{
		"She asked him to stay for dinner.":         "",
		"He asked the clerk whether it was open.":   "whether",
		"Mr. Pask asked when the toilets reopened.": "when",
	} {
		if got := askedWord(text); got != want {
			t.Errorf("askedWord(%q) = %q, want %q", text, got, want)
		}
	}
}

// answerKinds finds the sentences telling of a question asked by searching
// each document's text once for the asking words; every sentence holding
// one must be found, as reading each sentence's text finds it: the built-in
// story, a text with the words at sentence edges and inside longer words,
// and the books when they are present.
func TestTellingOfAskingFindsEverySentence(t *testing.T) {
	t.Parallel()
	texts := map[string]string{
		"story.txt": string(story.Text),
		"edges.txt": "He asked. Asked when? She inquired why it rained. Unasked, he left.\n\n" +
			"They enquired whether it was open; he asked her to stay. Re-asked if so.\n\nasked twice, she left.\n\nNothing here.",
		"table.md": "# Notes\n\nThe clerk asked:\n\n| who | asked |\n|---|---|\n| Ann | asked when |\n",
	}
	for _, name := range []string{"war_and_peace.txt", "pride_and_prejudice.txt"} {
		if data, err := os.ReadFile(filepath.Join("..", "..", "shared", "data", "books", name)); err == nil {
			texts[name] = string(data)
		}
	}
	for name, text := range texts {
		d, err := facts.Parse(name, []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		// Two documents in one store: the second's indexes follow the first's.
		d2, _ := facts.Parse("edges2.txt", []byte("Then she asked who came."))
		store := facts.NewStore(d, d2)
		var want []int
		for i, s := range store.Sentences() {
			if strings.Contains(s.Text, "asked") || strings.Contains(s.Text, "enquired") || strings.Contains(s.Text, "inquired") {
				want = append(want, i)
			}
		}
		if got := tellingOfAsking(store); !slices.Equal(got, want) {
			t.Errorf("%s: found %d sentences, want %d (%v, want %v)", name, len(got), len(want), head(got), head(want))
		}
		if len(want) == 0 {
			t.Errorf("%s: no sentence holds an asking word", name)
		}
	}
}

func head(xs []int) []int { return xs[:min(len(xs), 8)] }

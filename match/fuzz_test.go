package match

import (
	"strings"
	"testing"

	"github.com/storybot/storybot/facts"
	"github.com/storybot/storybot/story"
)

// FuzzMatch checks that any text can be indexed and matched against
// without panicking.
func FuzzMatch(f *testing.F) {
	f.Add(story.Text)
	f.Add([]byte("# T\n\n- a. b\n```\nx\n```\n[l](u). Mr. X… “Y.” $1.5 e.g. U.S. Z"))
	f.Add([]byte("A&E 2-4 years Mon–Fri HR, 5 or more: steps below\n\n1. x\n\n| a | b |\n|---|---|\n| 2 to 4 years | 27 |\n"))
	f.Add([]byte("at 11 open 9am-5pm, 10:00–12:30, between 10am and 1pm. Aged 8 to 15. To open, email a@b.co or call 01632 960 123.\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := facts.Parse("f.md", data)
		if err != nil {
			return
		}
		New(facts.NewStore(d)).Search(string(data[:min(len(data), 64)]), SearchOptions{})
	})
}

// FuzzSearch checks that any question is searched without panicking and
// yields a confidence in 0..1 and distinct hits that are the store's
// sentences.
func FuzzSearch(f *testing.F) {
	d, err := facts.Parse(story.Name, story.Text)
	if err != nil {
		f.Fatal(err)
	}
	s := New(facts.NewStore(d))
	for _, q := range []string{"Who is the Secretary of State?", "", "\x00\xff", "jon bolten", strings.Repeat("pompeo ", 100), "wher is it", "mcf", "1,000.5 $",
		"nearest a&e?", "who runs HR", "A&&E", "H.R.", "I've been here 3 years", "a group of 12", "open on saturdays?",
		"how do i upgrade", "what time is check out", "it won't turn on", "tell me about the union", "2 to 4 to 6 years",
		"is it open at 8", "book at 11:30pm?", "at 99:99", "how old is he", "my son is 10", "i want to cancel", "whats the email",
		"can we bring the dog", "12.30am-1pm", "when do we get our deposit back get", "for 2 people £2 10 quid 2.50",
		"how much is peak per month", "why does the dough go in the fridge", "when can we play", "is it ok to use bleach? how much",
		"what time do you open on saturday", "how do i get there", "how many of us", "back get"} {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, q string) {
		r := s.Search(q, SearchOptions{TopK: 3})
		if r.Confidence < 0 || r.Confidence > 1 {
			t.Fatalf("confidence %v", r.Confidence)
		}
		if len(r.Hits) > 3 {
			t.Fatalf("%d hits, asked for 3", len(r.Hits))
		}
		seen := map[int]bool{}
		for _, h := range r.Hits {
			if h.Index < 0 || h.Index >= s.Store().Len() || s.Store().Sentence(h.Index) != h.Sentence || seen[h.Index] {
				t.Fatalf("bad or repeated hit %+v", h)
			}
			seen[h.Index] = true
		}
		_ = r.Explain()
	})
}

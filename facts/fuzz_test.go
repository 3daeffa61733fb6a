package facts

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/storybot/storybot/story"
)

// FuzzParse checks that any bytes either fail cleanly or give sentences
// whose offsets slice the document to their text, in order.
func FuzzParse(f *testing.F) {
	f.Add("story.txt", story.Text)
	f.Add("a.md", []byte("# T\n\n- a. b\n```\nx\n```\n[l](u). Mr. X… “Y.” $1.5 e.g. U.S. Z"))
	f.Add("b.txt", []byte("\xff\xfe\r\n\r\n...?!"))
	f.Add("c.txt", []byte("\uFEFFA. B? C! D… E"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		d, err := Parse(name, data)
		if err != nil {
			return
		}
		last := -1
		for i, s := range d.Sentences {
			if s.N != i+1 || s.Paragraph < 1 || s.Paragraph > d.Paragraphs {
				t.Fatalf("sentence %d numbered %d paragraph %d of %d", i, s.N, s.Paragraph, d.Paragraphs)
			}
			if s.Start < last || s.End <= s.Start || s.End > len(d.Raw) || string(d.Raw[s.Start:s.End]) != s.Text {
				t.Fatalf("sentence %d has bad offsets %d:%d", s.N, s.Start, s.End)
			}
			if !utf8.ValidString(s.Text) {
				t.Fatalf("sentence %d is not valid UTF-8", s.N)
			}
			last = s.End
		}
		NewStore(d).Search(string(data[:min(len(data), 64)]), SearchOptions{})
	})
}

// FuzzSearch checks that any question is searched without panicking and
// yields a confidence in 0..1 and distinct hits that are the store's
// sentences.
func FuzzSearch(f *testing.F) {
	d, err := Parse(story.Name, story.Text)
	if err != nil {
		f.Fatal(err)
	}
	s := NewStore(d)
	for _, q := range []string{"Who is the Secretary of State?", "", "\x00\xff", "jon bolten", strings.Repeat("pompeo ", 100), "wher is it", "mcf", "1,000.5 $"} {
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
			if h.Index < 0 || h.Index >= s.Len() || s.Sentence(h.Index) != h.Sentence || seen[h.Index] {
				t.Fatalf("bad or repeated hit %+v", h)
			}
			seen[h.Index] = true
		}
		_ = r.Explain()
	})
}

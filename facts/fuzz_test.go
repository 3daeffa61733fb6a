package facts

import (
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
	f.Add("t.md", []byte("Title\n===\n\nIntro:\n\n| a | b \\| c |\n|---|:-:|\n| **1** | 2 |\n> | x |\ntail\n\n## H ##\n"))
	f.Add("m.txt", []byte("SHORT TITLE\n\n1. Item one\n\nCllr. A spoke. Cllr. B agreed (Cllr. C).\n\nNEXT\n"))
	f.Add("q.txt", []byte("Terms\n\n4. Fees\n4.1 Fees are £5.\n4.2.1) Late fees.\n\nHi all,\n\nQ: Why?\nA: Because.\nJANE: How? Like so.\nArea: 4 km\n"))
	f.Add("k.txt", []byte("CHAPTER 1. Loomings.\n\nCall me X.\n\n[Illustration:\n\n“Cap.”\n]\n\n[Illustration]\n\nQUIZ NIGHT\nOn Friday.\n\nProblem: It leaks.\nCause: A crack.\nSolution: Stop. Unplug it.\n"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		d, err := Parse(name, data)
		if err != nil {
			return
		}
		last := -1
		for i, s := range d.Sentences {
			if int(s.N) != i+1 || s.Paragraph < 1 || int(s.Paragraph) > d.Paragraphs {
				t.Fatalf("sentence %d numbered %d paragraph %d of %d", i, s.N, s.Paragraph, d.Paragraphs)
			}
			if int(s.Start) < last || s.End <= s.Start || int(s.End) > len(d.Raw) || string(d.Raw[s.Start:s.End]) != s.Text {
				t.Fatalf("sentence %d has bad offsets %d:%d", s.N, s.Start, s.End)
			}
			if !utf8.ValidString(s.Text) {
				t.Fatalf("sentence %d is not valid UTF-8", s.N)
			}
			last = int(s.End)
		}
		NewStore(d) // indexing any parsed text must not panic
	})
}

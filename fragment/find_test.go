package fragment

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storybot/storybot/facts"
	"github.com/storybot/storybot/story"
)

func TestFindMatchesAsABrowserDoes(t *testing.T) {
	doc := "This is an example text fragment. An  EXAMPLE\ntext was here. Examples are not an example."
	p := NewPage(doc, false)
	for _, tc := range []struct {
		d    Directive
		want string // "" for no match
	}{
		{Directive{Start: "an example text fragment"}, "an example text fragment"},
		{Directive{Start: "an example"}, "an example"},                      // first match
		{Directive{Start: "an example", Suffix: "text was"}, "An  EXAMPLE"}, // case and white space
		{Directive{Prefix: "are not", Start: "an example"}, "an example"},   // the last one
		{Directive{Start: "an example", End: "here"}, "an example text fragment. An  EXAMPLE\ntext was here"},
		{Directive{Start: "exam"}, ""}, // not on a word boundary
		{Directive{Start: "example"}, "example"},
		{Directive{Start: "no such words"}, ""},
	} {
		a, b, ok := p.Find(tc.d)
		got := ""
		if ok {
			got = doc[a:b]
		}
		if got != tc.want {
			t.Errorf("Find(%+v) = %q, want %q", tc.d, got, tc.want)
		}
	}
	// The prefix-only match must be the last "an example", not the first.
	if a, _, _ := p.Find(Directive{Prefix: "are not", Start: "an example"}); a != strings.LastIndex(doc, "an example") {
		t.Errorf("prefix match at %d", a)
	}
}

func TestMarkdownMarkupIsNotShown(t *testing.T) {
	doc := "# Title\n\n- **Bold** item with `code` and a [link](https://x.example).\n\n| a | b |\n"
	p := NewPage(doc, true)
	if got := string(p.orig); got != "Title Bold item with code and a link. a b" {
		t.Errorf("page text = %q", got)
	}
}

// Every sentence of the dev documents and the built-in story, linked and
// the link followed, finds exactly that sentence (issue #16's round trip).
func TestRoundTripEverySentence(t *testing.T) {
	docs := map[string][]byte{"story.txt": story.Text}
	for _, name := range []string{"council-minutes.txt", "recipe-blog.md", "travel-guide.txt"} {
		b, err := os.ReadFile(filepath.Join("..", "..", "shared", "eval", "dev", name))
		if err != nil {
			t.Logf("skip %s: %v", name, err)
			continue
		}
		docs[name] = b
	}
	for name, raw := range docs {
		d, err := facts.Parse(name, raw)
		if err != nil {
			t.Fatal(err)
		}
		p := NewPage(string(d.Raw), strings.HasSuffix(name, ".md"))
		ok := 0
		for _, s := range d.Sentences {
			want0, want1, shown := p.Span(int(s.Start), int(s.End))
			if !shown {
				t.Errorf("%s: sentence %d %q shows nothing", name, s.N, s.Text)
				continue
			}
			dir, made := p.For(int(s.Start), int(s.End))
			back, err := Parse(dir.String())
			a, b, found := p.Find(back)
			if !made || err != nil || !found || a != want0 || b != want1 {
				t.Errorf("%s: sentence %d %q: link %s finds %q", name, s.N, s.Text, dir, d.Raw[a:b])
				continue
			}
			ok++
		}
		t.Logf("%s: %d of %d sentences round-trip", name, ok, len(d.Sentences))
	}
}

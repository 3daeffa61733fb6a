package match

import (
	"strings"
	"testing"
)

func TestIsByline(t *testing.T) {
	t.Parallel()
	for text, want := range map[string]bool{
		"By Jane Roe": true,
		"*Posted by Sam Lee, Lee's Orchard, Dunby*": true,
		"Author: A. N. Other":                       true,
		"Written by Priya Shah and Tom Ellis.":      true,
		"By Monday the hall was full of voters.":    false, // a day, not a name
		"By the way, the shop has moved.":           false,
		"by jane roe":                               false, // no capitalised name
		"By 1990 the mill had closed.":              false,
		"By Jane Roe, who has walked these hills since she was a girl and knows every path": false, // tells, not names
		"The recipe was posted by Sam Lee.":                                                 false,
	} {
		if got := isByline(text); got != want {
			t.Errorf("isByline(%q) = %v, want %v", text, got, want)
		}
	}
}

// "Who wrote this?" is answered by the document's byline, whose words it
// does not share; a question about a text the document tells of is not,
// and a document with no byline answers as usual.
func TestAuthorQuestionsFindTheByline(t *testing.T) {
	t.Parallel()
	withByline := "# Spring at the orchard\n\n*Posted by Sam Lee, Lee's Orchard*\n\n" +
		"The blossom came early this year. Mrs Hart wrote a letter to the council about the new hedge.\n"
	m := newDocMatcher(t, "orchard.md", withByline)
	for _, q := range []string{"Who wrote this post?", "who is the author?", "who wrote this", "Who posted this article?"} {
		r := m.Search(q, SearchOptions{})
		if !r.Byline || len(r.Hits) == 0 || !strings.Contains(r.Hits[0].Sentence.Text, "Posted by Sam Lee") || r.Confidence < 0.5 {
			t.Errorf("%q: byline %v, confidence %.2f, top %v; want the byline", q, r.Byline, r.Confidence, top(r))
		}
	}
	for _, q := range []string{"Who wrote the letter?", "who wrote to the council about the hedge"} {
		r := m.Search(q, SearchOptions{})
		if r.Byline {
			t.Errorf("%q: answered from the byline; it asks about a letter the text tells of", q)
		}
	}
	plain := newMatcher(t, "The blossom came early this year. Mrs Hart wrote a letter to the council.")
	if r := plain.Search("Who wrote this?", SearchOptions{}); r.Byline {
		t.Errorf("a text with no byline answered from one: top %v", top(r))
	}
}

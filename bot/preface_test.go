package bot

import (
	"strings"
	"testing"

	"github.com/storybot/storybot/internal/randtext"
)

func TestWithoutPreface(t *testing.T) {
	t.Parallel()
	for q, want := range map[string]string{
		"sorry noob question, what does connection pool mean": "what does connection pool mean",
		"quick q: is there parking":                           "is there parking",
		"sorry if this is a dumb question - how do i book":    "how do i book",
		"one more thing, when does it close":                  "when does it close",
		// Not a preface: a topic of its own, a single word after, no mark.
		"quick question about parking, is it free": "quick question about parking, is it free",
		"sorry, thanks":                             "sorry, thanks",
		"ok, what about bikes":                      "ok, what about bikes",
		"london, paris and rome: which is cheapest": "london, paris and rome: which is cheapest",
	} {
		if got := withoutPreface(q); got != want {
			t.Errorf("withoutPreface(%q) = %q, want %q", q, got, want)
		}
	}
}

// A question after a preface is answered as if asked alone: the
// preface's words are not words the text lacks.
func TestPrefacedQuestionAnswered(t *testing.T) {
	t.Parallel()
	b := conversationBot(t, "review.md", "# Outage review\n\n"+
		"Requests queued until the connection pool ran dry.\n\n## Glossary\n\n"+
		"- **Connection pool**: A fixed set of open database connections shared by the servers.\n")
	r := askAll(b, "test:preface", "sorry noob question, what does connection pool mean")[0]
	bare := askAll(b, "test:bare", "what does connection pool mean")[0]
	if !r.Answered || len(r.Citations) == 0 || !strings.Contains(r.Citations[0].Text, "fixed set") || r.Confidence != bare.Confidence {
		t.Errorf("answered %v at %.3f (asked alone: %.3f): %s", r.Answered, r.Confidence, bare.Confidence, r.Text)
	}
}

// firstCut finds what strings.IndexAny(q, ",:;–—") finds, whatever the
// text (dashes, their bytes alone, invalid UTF-8).
func TestFirstCutIsIndexAny(t *testing.T) {
	t.Parallel()
	pieces := []string{"a", " ", ",", ":", ";", "–", "—", "-", "\xe2", "\x80", "\x93", "\x94", "é", "\xff"}
	for n, q := range randtext.Texts(7, 20000, 8, pieces) {
		if got, want := firstCut(q), strings.IndexAny(q, ",:;–—"); got != want {
			t.Fatalf("%d: firstCut(%q) = %d, want %d", n, q, got, want)
		}
	}
}

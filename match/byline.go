package match

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storybot/storybot/english"
	"github.com/storybot/storybot/facts"
)

// A document's byline ("Posted by Ann Lee", "By Jane Roe", "Author:
// …") answers "who wrote this?", a question whose words ("wrote",
// "post") the byline seldom shares. Only the first few sentences of each
// document are read for one.

// bylineReach is how many of a document's first sentences may hold its
// byline; bylineWords bounds its length (a byline names, it does not
// tell: "By Monday the hall was full of voters" is no byline).
const (
	bylineReach = 6
	bylineWords = 12
)

// bylineConfidence is the confidence of an answer from a byline: the
// question asks what it says, in the words bylines are written in.
const bylineConfidence = 0.9

// bylineOpeners open a byline, in lower case; a capitalised name follows.
var bylineOpeners = []string{"by ", "posted by ", "written by ", "words by ", "story by ", "text by ",
	"reported by ", "author: ", "authors: ", "written by: ", "byline: ", "words: "}

// isByline reports whether text, a sentence, is a byline.
func isByline(text string) bool {
	s := strings.TrimLeft(text, "*_ \t>#")
	if len(strings.Fields(s)) > bylineWords {
		return false
	}
	lower := strings.ToLower(s)
	for _, p := range bylineOpeners {
		if !strings.HasPrefix(lower, p) {
			continue
		}
		rest := strings.TrimLeft(s[len(p):], " *_")
		r, _ := utf8.DecodeRuneInString(rest)
		first, _, _ := strings.Cut(strings.ToLower(rest), " ")
		return unicode.IsUpper(r) && !english.IsTitleTimeOrNumber(first)
	}
	return false
}

// findBylines returns the indexes of the sentences that are bylines,
// among each document's first bylineReach.
func findBylines(sents []*facts.Sentence) []int {
	var out []int
	seen := 0
	for i, s := range sents {
		if i == 0 || s.Doc() != sents[i-1].Doc() {
			seen = 0
		}
		if seen < bylineReach && !s.Heading() && isByline(s.Text) {
			out = append(out, i)
		}
		seen++
	}
	return out
}

// IsByline reports whether sentence i is a byline ("Posted by Nell
// Quillon"): it says who wrote the document, not what the document says.
func (m *Matcher) IsByline(i int) bool { return slices.Contains(m.bylines, i) }

// writingWords ask who wrote a text; textNouns name a text.
var (
	writingWords = setOf("wrote", "written", "write", "writes", "writer", "writers", "author", "authors",
		"authored", "posted", "penned", "byline")
	textNouns = setOf("post", "posts", "article", "story", "blog", "page", "piece", "document", "doc",
		"guide", "recipe", "report", "text", "essay", "letter", "paper", "newsletter", "entry",
		"minutes", "note", "notes", "review", "column", "file")
)

// asksAuthor reports whether the question asks who wrote the document
// itself: "Who wrote this post?", "who is the author?", "who wrote it?".
// A text it names without "this" may be one the document tells of ("who
// wrote the report?"), and is read as usual.
func asksAuthor(q *question) bool {
	if !slices.Contains(q.all, "who") && !slices.Contains(q.all, "whom") {
		return false
	}
	this := slices.ContainsFunc(q.all, func(w string) bool { return w == "this" || w == "these" || w == "here" })
	writing := false
	for _, w := range q.content {
		switch {
		case writingWords[w]:
			writing = true
		case textNouns[w] && this:
		default:
			return false
		}
	}
	return writing
}

// answerAuthor answers an authorship question from the documents'
// bylines; it reports false when they have none.
func (m *Matcher) answerAuthor(res *Result, q *question, topK int) bool {
	if len(m.bylines) == 0 || !asksAuthor(q) {
		return false
	}
	for _, i := range m.bylines[:min(len(m.bylines), topK)] {
		res.Hits = append(res.Hits, Hit{Sentence: m.sents[i], Index: i, Score: 1})
	}
	res.Confidence, res.Coverage, res.KnownCoverage, res.Byline = bylineConfidence, 1, 1, true
	return true
}

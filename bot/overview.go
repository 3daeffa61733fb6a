package bot

import (
	"strings"

	"github.com/storybot/storybot/match"
)

// overviewRequest reports whether a message, as talkWords reads it, asks
// what the documents are about as a whole: "what is this about?",
// "summarise this", "give me a summary", "tl;dr", "what does this
// document cover?", "what's in this file?", "who is mentioned in the
// story?". Every word must belong to such a request: "what does it say
// about holidays?" asks about a part, and is the matcher's. "What is it
// about?" or "who is in it?" may mean the thing a conversation is about,
// so "about", "cover", "in" and "mentioned" need "this" or a word for a
// document.
func overviewRequest(words []string) bool {
	summary, about, this := false, false, false
	for i, w := range words {
		switch {
		case summaryWords[w]:
			summary = true
		case w == "tl" && i+1 < len(words) && words[i+1] == "dr":
			summary = true
		case w == "dr" && i > 0 && words[i-1] == "tl":
		case w == "about" && i == len(words)-1, coverWords[w]:
			about = true
		case documentWords[w]:
			this = true
		case overviewGlue[w]:
		default:
			return false
		}
	}
	return summary || about && this
}

var (
	summaryWords = setOfWords("summary summarise summarize overview gist tldr synopsis")
	// coverWords ask what a document holds: "what does this document
	// cover?", "what's in the file?", "who is mentioned in the story?";
	// or which documents the bot holds: "what documents do you have?",
	// "which files are loaded?".
	coverWords = setOfWords("cover covers contain contains in mentioned named mention mentions " +
		"have has loaded know read")
	// documentWords name a document, or point at the one being read.
	documentWords = setOfWords("this these document documents doc docs file files text page pages article " +
		"articles post story stories report book chapter paper essay passage piece memo letter guide manual " +
		"handbook newsletter minutes notes faq blog")
	// overviewGlue are the other words of such a request.
	overviewGlue = setOfWords("what is are was it the does do can could would you give me a an quick " +
		"short brief please pls plz of on bot storybot hey hi so main mostly whole all i get " +
		"who which people person persons characters names key")
)

// leadSentences is how many of a document's first sentences its overview
// quotes, for at most two documents; a shorter sentence ("Version 4.2,
// effective 1 March 2024.", a byline) is not a lead.
const (
	leadSentences = 2
	leadMinWords  = 8
)

// overview answers an overview request: the documents' opening sentences
// (after their titles), cited, and what they cover.
func (l *loaded) overview(r Reply) Reply {
	s := l.m.Store()
	var cited []match.Hit
	perDoc := map[string]int{}
	for i := 0; i < s.Len() && len(cited) < 2*leadSentences; i++ {
		sent := s.Sentence(i)
		if sent.Heading() || sent.Context() != "" || perDoc[sent.Doc()] >= leadSentences ||
			len(strings.Fields(sent.Text)) < leadMinWords || l.m.IsByline(i) {
			continue // titles are not quoted, nor list items, table rows, a version line or a byline
		}
		perDoc[sent.Doc()]++
		cited = append(cited, match.Hit{Sentence: sent, Index: i})
	}
	if len(cited) == 0 {
		return r
	}
	r.Outcome, r.Answered, r.Confidence = OutcomeAnswered, true, 1
	for i, h := range cited {
		r.Citations = append(r.Citations, quoted(h, i+1, nil))
		l.source(&r.Citations[i], h.Sentence, true)
	}
	r.cands = r.Citations
	quotes, sources, _ := strings.Cut(answerText(nil, r.Citations, l.multi), "\n\nSources:")
	r.Text = quotes + l.sectionsLine() + "\n\nSources:" + sources
	return r
}

// sectionsLine names the documents' first sections, in order (a
// handbook's "Working hours", "Annual leave"…), when they have a few
// (sectionNames); otherwise (a book's chapters) what they cover.
func (l *loaded) sectionsLine() string {
	const shown = 8
	names := sectionNames(l.m.Store())
	if names == nil {
		return coverLine(l)
	}
	if len(names) > shown {
		names = append(names[:shown:shown], "…")
	}
	return " Its sections: " + strings.Join(names, "; ") + "."
}

package bot

import (
	"context"

	"github.com/storybot/storybot/match"
)

// Outcome classifies a reply for logs and metrics.
type Outcome string

const (
	// OutcomeAnswered: the reply quotes the document.
	OutcomeAnswered Outcome = "answered"
	// OutcomeNotFound: the question was fine but the document does not answer it.
	OutcomeNotFound Outcome = "not_found"
	// OutcomeRefused: the question itself was unusable (too long, cancelled).
	OutcomeRefused Outcome = "refused"
	// OutcomeSmallTalk: not a question about the documents but chat ("hi",
	// "thanks", "help", emoji, another language); answered in kind.
	OutcomeSmallTalk Outcome = "smalltalk"
)

// Citation is one sentence of a document that a reply relies on or ranked.
type Citation struct {
	N         int     `json:"-"` // the [n] marker used in Reply.Text (1-based); 0 for candidates
	Doc       string  `json:"doc"`
	Sentence  int     `json:"sentence"`
	Paragraph int     `json:"paragraph"`
	Start     int     `json:"start"`
	End       int     `json:"end"`
	Text      string  `json:"text"`
	Score     float64 `json:"score"`
	// Title is the document's title ("" when it has none); Section the
	// Markdown heading the sentence falls under.
	Title   string `json:"title,omitempty"`
	Section string `json:"section,omitempty"`
	// URL links to the sentence in the document (a text fragment), for
	// documents configured with a URL; "" otherwise, and for candidates.
	URL string `json:"url"`
	// Quote is what replies show of Text (of a table row, its cells with
	// their column names): all of it, or, for a sentence
	// longer than MaxQuote characters, an excerpt around the question's
	// words marked with "…". Empty means Text (see Quoted).
	Quote string `json:"-"`
}

// Quoted is the text a reply shows for the citation.
func (c Citation) Quoted() string {
	if c.Quote != "" {
		return c.Quote
	}
	return c.Text
}

// Reply is the platform-neutral answer to one question. Adapters render it.
type Reply struct {
	Question string
	// Understood is the question as the bot read it: in a conversation, a
	// follow-up with its pronouns resolved or its ellipsis filled from the
	// turn before; otherwise equal to Question.
	Understood string
	// Reading says, in one line, how a follow-up was read ("Reading "she"
	// as Mayor Elena Voss"); empty when nothing was resolved. Text starts
	// with it.
	Reading    string
	Outcome    Outcome
	Answered   bool
	Confidence float64
	// Text is the answer in plain text: quoted sentences marked [n], then
	// the sources; or, when not answered, why and what the document is about.
	Text string
	// Short is the phrase of the first citation that answers the question
	// outright (a date, a number…), which Text opens with; nil when there
	// is none or it would be a guess.
	Short *ShortAnswer
	// Citations are the sentences Text quotes, best first.
	Citations []Citation
	// Suggestions are distinctive terms of the documents, offered when not answered.
	Suggestions []string
	// Examples are questions the documents do answer, offered when not answered.
	Examples []string
	// Talk is the kind of small talk when Outcome is OutcomeSmallTalk.
	Talk Talk
	// MultiDoc is true when more than one document is loaded (citations name the document).
	MultiDoc bool
	// explain renders how the answer was chosen, on demand: building the
	// text for every answer would cost as much as finding it.
	explain func() string
	topic   string // what the next follow-up's "it" stands for
	// hits are the matcher's top-ranked sentences, made into citations
	// by Candidates only when asked for: chat replies never show them,
	// and five citations were a quarter of the bytes a question allocated.
	hits  []match.Hit
	from  *loaded
	cands []Citation // given outright (an overview's citations)
}

// CandidateSentence is the document and sentence number of the k-th
// candidate (0 is the best), without making the citations: the benchmark
// checks every question's this way, as a server never asks for them.
func (r Reply) CandidateSentence(k int) (doc string, n int, ok bool) {
	if r.cands != nil || r.from == nil {
		if k < len(r.cands) {
			return r.cands[k].Doc, r.cands[k].Sentence, true
		}
		return "", 0, false
	}
	if k < len(r.hits) {
		return r.hits[k].Sentence.Doc(), int(r.hits[k].Sentence.N), true
	}
	return "", 0, false
}

// Candidates are the top-ranked sentences, best first, even when not
// answered; nil when the question was not searched (small talk, refused).
func (r Reply) Candidates() []Citation {
	if r.cands != nil || r.from == nil {
		return r.cands
	}
	out := make([]Citation, 0, len(r.hits))
	for _, h := range r.hits {
		c := citation(h, 0)
		r.from.source(&c, h.Sentence, false)
		out = append(out, c)
	}
	return out
}

// Explanation says how the answer was chosen: question type, terms,
// corrections, top scores (the REPL's :why). Empty when the question was
// refused before searching.
func (r Reply) Explanation() string {
	if r.explain == nil {
		return ""
	}
	return r.explain()
}

// Answerer is the one thing adapters need from the bot.
type Answerer interface {
	Answer(ctx context.Context, question string) Reply
}

// OutcomeLimited: the asker is over a rate limit; Text asks them to slow down.
const OutcomeLimited Outcome = "rate_limited"

// Kind is the reply's kind for machine readers (`ask --json`): "answer",
// "not_found", "smalltalk" or "refused" (too long, rate limited, failed).
func (r Reply) Kind() string {
	switch r.Outcome {
	case OutcomeAnswered, "":
		if r.Answered {
			return "answer"
		}
		return "refused"
	case OutcomeNotFound:
		return "not_found"
	case OutcomeSmallTalk:
		return "smalltalk"
	}
	return "refused"
}

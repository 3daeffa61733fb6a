package bot

import (
	"strings"

	"github.com/storybot/storybot/english"
	"github.com/storybot/storybot/facts"
	"github.com/storybot/storybot/match"
)

// listedThing returns the noun a message asks to have listed, or "": "what
// clubs are there?", "which rooms are available?", "list the clubs". Every
// other word must belong to such a request, as for an overview.
func listedThing(words []string) string {
	if len(words) < 2 {
		return ""
	}
	var rest []string
	switch {
	case words[0] == "list":
		rest = words[1:]
	case (words[0] == "what" || words[0] == "which") && len(words) >= 4:
		n := len(words)
		switch {
		case (words[n-2] == "are" || words[n-2] == "is") && listEnds[words[n-1]]:
			rest = words[1 : n-2]
		default:
			return ""
		}
	default:
		return ""
	}
	noun := ""
	for _, w := range rest {
		switch {
		case listGlue[w]:
		case noun == "" && !english.IsStop(w):
			noun = w
		default:
			return "" // more than one thing, or more asked of it
		}
	}
	return noun
}

var (
	// listEnds close a request to list what there is: "…are there?".
	listEnds = setOfWords("there available offered")
	// listGlue may stand beside the noun: "list all the clubs".
	listGlue = setOfWords("all the of your kinds kind types type different")
)

// listRows answers a request to list things with the rows of a table
// whose first column names them ("Club": "what clubs are there?"), cited
// in order, at most listItemsQuoted: the table is the list. It reports
// false when no table's rows are of the thing asked.
func (l *loaded) listRows(r Reply, noun string) (Reply, bool) {
	s := l.m.Store()
	stem := english.Stem(noun)
	var rows []match.Hit
	for i := 0; i < s.Len() && len(rows) < listItemsQuoted; i++ {
		sent := s.Sentence(i)
		key, _, ok := strings.Cut(sent.Display(), ":")
		if !ok || english.Stem(strings.ToLower(strings.TrimSpace(key))) != stem {
			if len(rows) > 0 {
				break // one table: the first whose rows are of the thing
			}
			continue
		}
		rows = append(rows, match.Hit{Sentence: sent, Index: i})
	}
	if len(rows) == 0 {
		return r, false
	}
	r.Outcome, r.Answered, r.Confidence = OutcomeAnswered, true, 1
	for i, h := range rows {
		r.Citations = append(r.Citations, quoted(h, i+1, nil))
		l.source(&r.Citations[i], h.Sentence, true)
	}
	r.cands = r.Citations
	r.Text = answerText(nil, r.Citations, l.multi)
	return r, true
}

// withSameRows quotes, for a cited table row, every row of its table whose
// first cell holds the same of the question's words: "how much is it to
// swim?" is answered by each "… swim" row's price ("Adult swim",
// "Junior swim", "Family swim"…), in the table's order, not by whichever
// the ranking put first; "how much is an adult swim?" by its row alone.
// It reports whether it quoted more than one row.
func withSameRows(s *facts.Store, cited []match.Hit, terms []match.TermMatch) ([]match.Hit, bool) {
	first := cited[0].Sentence
	if len(cited) != 1 || first.Display() == "" {
		return cited, false
	}
	var stems []string
	for _, t := range terms {
		if t.Found && t.Stem != "" {
			stems = append(stems, t.Stem)
		}
	}
	key := keyStems(first.Text, stems)
	if key == "" {
		return cited, false
	}
	inTable := func(sent *facts.Sentence) bool {
		return sent.Display() != "" && sent.Doc() == first.Doc() && sent.Paragraph == first.Paragraph
	}
	top := cited[0].Index
	for top > 0 && inTable(s.Sentence(top-1)) {
		top--
	}
	var rows []match.Hit
	for i := top; i < s.Len() && inTable(s.Sentence(i)) && len(rows) < listItemsQuoted; i++ {
		if keyStems(s.Sentence(i).Text, stems) == key {
			rows = append(rows, match.Hit{Sentence: s.Sentence(i), Index: i})
		}
	}
	if len(rows) < 2 {
		return cited, false
	}
	return rows, true
}

// excluders say that what follows them is left out.
var excluders = setOfWords("outside except excluding besides non beyond")

// keyStems lists, in order, which of stems a table row's first cell holds;
// not one it names only to leave out: "Hotel (outside London)" holds
// "hotel", not "london", so it is not the row "Hotel (London)" is.
func keyStems(row string, stems []string) string {
	cell := strings.TrimPrefix(strings.TrimSpace(row), "|")
	cell, _, _ = strings.Cut(cell, "|")
	held := map[string]bool{}
	prev := ""
	english.Tokenize(cell, func(t english.Token) {
		if !excluders[prev] {
			held[english.Stem(t.Word)] = true
		}
		prev = t.Word
	})
	var b strings.Builder
	for _, st := range stems {
		if held[st] {
			b.WriteString(st)
			b.WriteByte(' ')
		}
	}
	return b.String()
}

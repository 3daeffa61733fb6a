package facts

import (
	"strings"

	"github.com/storybot/storybot/english"
	"unicode"
	"unicode/utf8"
)

// Questions a document asks itself. FAQs saved as plain text ("Will my
// phone number change?" on a line, the answer under it), interviews
// ("INTERVIEWER: How did you first get into pottery?", the answer in the
// next speaker's turn) and posts that ask their reader a question before
// answering it all put the question before its answer. Such a question
// shares the most words with a reader asking the same thing, but it is
// not the answer: what follows it is.
//
// askedQuestions reads a sentence that ends with "?" and is followed by
// a statement as a heading of its answer: it answers nothing itself (as a
// heading does), and the sentences that answer it (the rest of its
// paragraph, or else the whole paragraph after it) have it as their
// Context, so its words find them. The question opens its paragraph or
// ends it: one in the middle of prose ("…isn't that wonderful? By what
// process…") is the writer's, and what it says is part of the text. A
// question is short, as a reader's is: a long one poses a problem
// whose terms are facts ("consider… is there a route of at most 2000
// kilometres…?"). A question in quotation marks is
// someone's speech in a story, not a question the document asks; a run
// of questions ("Why? What for?") is left as it is. Only documents of
// up to referBackMaxSentences, like the other readings of a short text.
func askedQuestions(d *Document) {
	const maxAskedWords = 20
	ss := d.Sentences
	for i := 0; i+1 < len(ss); i++ {
		q := &ss[i]
		if q.Heading() || q.Display() != "" || !asksQuestion(q.Text) || strings.Count(withoutSpeaker(q.Text), " ") >= maxAskedWords {
			continue
		}
		first, next := i+1, &ss[i+1]
		opens := i == 0 || ss[i-1].Paragraph != q.Paragraph
		if next.Heading() || asksQuestion(next.Text) || next.Display() != "" ||
			next.Paragraph == q.Paragraph && !opens || next.Paragraph != q.Paragraph && next.Paragraph != q.Paragraph+1 {
			continue
		}
		q.setHeading(true)
		question := withoutSpeaker(q.Text)
		for j := first; j < len(ss) && ss[j].Paragraph == next.Paragraph && !ss[j].Heading(); j++ {
			if ss[j].Context() == "" {
				ss[j].setContext(question)
			}
		}
	}
}

// asksQuestion reports whether text is a question the document asks: it
// ends with "?" (after closing emphasis) and does not open with a
// quotation mark.
func asksQuestion(text string) bool {
	t := strings.TrimRight(text, " *_")
	if !strings.HasSuffix(t, "?") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(t, " *_"))
	return r != '"' && r != '\'' && r != '“' && r != '‘'
}

// withoutSpeaker drops a speaker's label from the start of a line of a
// transcript ("INTERVIEWER: ", "Q: ", "Jane Smith: "): up to three words,
// each capitalised, before a colon.
func withoutSpeaker(text string) string {
	label, rest, ok := strings.Cut(text, ": ")
	if !ok || label == "" || strings.Count(label, " ") > 2 {
		return text
	}
	for _, w := range strings.Fields(label) {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return text
		}
	}
	return strings.TrimSpace(rest)
}

// Troubleshooting entries. Manuals list a fault and what to do about it
// on labelled lines: "Problem: The kettle switches off before the water
// boils." then "Cause: …" and "Solution: …". A reader describes the
// fault ("my kettle keeps clicking off"), and its words are the problem
// line's; the answer is the cause and the remedy under it.
//
// problemEntries reads a line labelled as a problem, followed by lines
// labelled as its cause or remedy, as a heading of those lines, as
// askedQuestions does a question: the problem answers nothing itself, and
// each line under it (and the rest of its paragraph) has the problem as
// its Context.
func problemEntries(d *Document) {
	ss := d.Sentences
	for i := 0; i+1 < len(ss); i++ {
		p := &ss[i]
		label, problem, ok := strings.Cut(p.Text, ": ")
		if !ok || p.Heading() || !problemLabels[strings.ToLower(label)] || !responseLine(ss[i+1].Text) {
			continue
		}
		p.setHeading(true)
		para := ss[i+1].Paragraph
		for j := i + 1; j < len(ss) && !ss[j].Heading(); j++ {
			if responseLine(ss[j].Text) {
				para = ss[j].Paragraph
			} else if ss[j].Paragraph != para {
				break
			}
			if ss[j].Context() == "" {
				ss[j].setContext(strings.TrimSpace(problem))
			}
		}
	}
}

// ResponseLine reports whether text opens with a label of a fault's cause
// or remedy ("Cause: ", "Solution: "): a line of a troubleshooting entry,
// whose Context is the problem it answers.
func ResponseLine(text string) bool { return responseLine(text) }

func responseLine(text string) bool {
	label, _, ok := strings.Cut(text, ": ")
	return ok && responseLabels[strings.ToLower(label)]
}

var (
	problemLabels  = map[string]bool{"problem": true, "symptom": true, "issue": true, "fault": true, "error": true}
	responseLabels = map[string]bool{"cause": true, "possible cause": true, "reason": true, "solution": true,
		"fix": true, "remedy": true, "action": true, "what to do": true, "try": true}
)

// runInHeadings reads a paragraph that opens with a label of a few words
// and a full stop ("Renewals. You can renew an item up to three times…",
// "Lost items. …") as titled by it: the label answers nothing
// (a heading), and the rest of its paragraph has it as Context, so its
// words find them. A label is one to four words, the first capitalised,
// none repeated nor a number or a function word but "and", "of" or "&",
// with no comma or colon: "He left.", "It works." and "INTERVIEWER:
// Thanks." are sentences.
func runInHeadings(d *Document) {
	ss := d.Sentences
	for i := 0; i+1 < len(ss); i++ {
		s := &ss[i]
		if s.Heading() || ss[i+1].Paragraph != s.Paragraph || i > 0 && ss[i-1].Paragraph == s.Paragraph || s.Display() != "" {
			continue
		}
		label, ok := runInLabel(s.Text)
		if !ok {
			continue
		}
		s.setHeading(true)
		for j := i + 1; j < len(ss) && ss[j].Paragraph == s.Paragraph && !ss[j].Heading(); j++ {
			if ss[j].Context() == "" {
				ss[j].setContext(label)
			}
		}
	}
}

// maxCapitalsLabel bounds the words of a run-in label set in capitals.
const maxCapitalsLabel = 10

// capitalsLabel reports whether t, a paragraph's opening sentence, is a
// label set in capitals: two to maxCapitalsLabel words, every letter
// outside brackets upper case, at least two of them words of letters
// ("STAGE 1: ASHCOMBE TO HOLLOWAY WOOD (3 km)", "BUS BACK"); a stage's
// title, whatever its digits and colons. Its only stop words are those a
// title has (articles, "and", prepositions): "DO NOT USE THE LIFT." is a
// warning shouted, not a label. One word in capitals may be an acronym
// that opens a sentence ("NASA."), and is left to the rule below.
func capitalsLabel(t string) bool {
	ws := strings.Fields(t)
	if len(ws) < 2 || len(ws) > maxCapitalsLabel {
		return false
	}
	depth, letters, words := 0, 0, 0
	for _, w := range ws {
		wordLetters := 0
		for _, r := range w {
			switch {
			case r == '(' || r == '[':
				depth++
			case r == ')' || r == ']':
				depth--
			case depth == 0 && unicode.IsLetter(r):
				if !unicode.IsUpper(r) {
					return false
				}
				letters++
				wordLetters++
			}
		}
		if wordLetters >= 2 {
			words++
		}
		if lw := strings.ToLower(strings.Trim(w, "'\"():,")); english.IsStop(lw) && !titleStops[lw] {
			return false
		}
	}
	return letters > 0 && words >= 2
}

// titleStops are the stop words a title has.
var titleStops = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields("and or of the a an to in on at for from by with & up down over under into " +
		"onto through across past around near off out via about after before between beyond along behind") {
		m[w] = true
	}
	return m
}()

// runInLabel returns the words of text when it is a run-in heading's
// label (see runInHeadings).
func runInLabel(text string) (string, bool) {
	t := strings.TrimSpace(text)
	if !strings.HasSuffix(t, ".") {
		return "", false
	}
	t = strings.TrimSpace(t[:len(t)-1])
	if capitalsLabel(t) {
		return t, true // "STAGE 1: ASHCOMBE TO HOLLOWAY WOOD (3 km)."
	}
	ws := strings.Fields(t)
	if len(ws) == 0 || len(ws) > 4 || strings.ContainsAny(t, ",:;") {
		return "", false // "INTERVIEWER: Thanks.", "Milk, milk and milk."
	}
	if r, _ := utf8.DecodeRuneInString(t); !unicode.IsUpper(r) {
		return "", false
	}
	seen := map[string]bool{}
	for _, w := range ws {
		lw := strings.ToLower(strings.Trim(w, "'\"()"))
		if seen[lw] {
			return "", false // "Milk milk milk."
		}
		seen[lw] = true
		if lw == "and" || lw == "of" || lw == "&" {
			continue
		}
		if lw == "" || english.IsStop(lw) || strings.ContainsAny(lw, "0123456789") {
			return "", false
		}
	}
	return t, true
}

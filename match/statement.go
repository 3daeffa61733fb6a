package match

import (
	"slices"
	"strings"
)

var speechWords = setOf("say", "says", "said", "saying", "ask", "asks", "asked", "asking", "quote", "quoted",
	"quotes", "reply", "replied", "replies", "tell", "told", "exclaim", "exclaimed", "words", "question", "questions")

// preferStatement puts first, when the first candidate is itself a
// question ("“And what dost thou want of Captain Ahab?”", a story's
// dialogue, an FAQ line the text does not mark), the first of the next
// candidates (consequenceWindow, at least consequenceShare of its score)
// that states something: a question repeats the asking, it does not
// answer it.
//
// A question asking what someone said or asked ("what was the creator
// quoted as saying?") may be answered by a question: "Did I write that?"
func (m *Matcher) preferStatement(hits []Hit, all []string) {
	if !slices.ContainsFunc(all, func(w string) bool { return speechWords[w] }) {
		preferHoldingNear(hits, consequenceWindow, consequenceShare, func(i int) bool { return !endsAsQuestion(m.sents[i].Text) })
	}
}

// endsAsQuestion reports whether a sentence ends with a question mark,
// before closing quotes or emphasis, or is a quoted question and who
// asked it ("“…want from the whale?” asked the mate.").
func endsAsQuestion(text string) bool {
	if strings.IndexByte(text, '?') < 0 {
		return false // most sentences: one fast search, not four slow ones
	}
	if strings.HasSuffix(trimRightQuotes(text, " \"'*_)"), "?") {
		return true
	}
	for _, q := range []string{"?”", "?\"", "?’"} {
		if i := strings.LastIndex(text, q); i >= 0 && len(strings.Fields(text[i+len(q):])) <= 4 {
			return true
		}
	}
	return false
}

// trimRightQuotes is strings.TrimRight(s, ascii+"”’") for a cutset of
// ASCII bytes ascii, without the rune-by-rune path TrimRight takes for a
// cutset with runes outside ASCII. (An ASCII byte is never part of
// another rune, and ” and ’ are matched as their whole encodings.)
func trimRightQuotes(s, ascii string) string {
	for s != "" {
		switch {
		case strings.IndexByte(ascii, s[len(s)-1]) >= 0:
			s = s[:len(s)-1]
		case strings.HasSuffix(s, "”") || strings.HasSuffix(s, "’"):
			s = s[:len(s)-len("”")]
		default:
			return s
		}
	}
	return s
}

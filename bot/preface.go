package bot

import "strings"

// withoutPreface returns q without a preface that says how it is asked,
// set off by a comma, colon or dash: "sorry noob question, what does
// connection pool mean" asks "what does connection pool mean". A preface
// is at most maxPrefaceWords words, all of them prefaceWords, one of them
// saying that a question comes (prefaceMarks); what follows it has two
// words or more. Anything else is q.
func withoutPreface(q string) string {
	cut := firstCut(q)
	if i := strings.Index(q, " - "); i >= 0 && (cut < 0 || i < cut) {
		cut = i
	}
	if cut <= 0 {
		return q
	}
	head, rest := q[:cut], strings.TrimLeft(q[cut:], ",:;–—- ")
	ws := words(head)
	if len(ws) == 0 || len(ws) > maxPrefaceWords || len(words(rest)) < 2 {
		return q
	}
	marked := false
	for _, w := range ws {
		if !prefaceWords[w.Word] {
			return q
		}
		marked = marked || prefaceMarks[w.Word]
	}
	if !marked {
		return q
	}
	return rest
}

// maxPrefaceWords bounds a preface ("sorry if this is a dumb question").
const maxPrefaceWords = 8

// prefaceWords make up a question's preface ("sorry if this is a dumb
// question", "quick q", "one more thing", "i was just wondering").
var prefaceWords = set("sorry", "quick", "noob", "newbie", "dumb", "stupid", "silly", "random", "basic",
	"simple", "small", "question", "questions", "q", "one", "more", "another", "thing", "also", "btw",
	"hey", "hi", "hello", "ok", "okay", "so", "um", "hmm", "to", "bother", "you", "if", "this", "is",
	"a", "i", "was", "just", "wondering", "have", "got", "real", "maybe", "probably", "but", "and")

// prefaceMarks say that a question comes: a preface has one.
var prefaceMarks = set("sorry", "question", "questions", "q", "wondering", "bother", "btw", "thing")

// firstCut is strings.IndexAny(q, ",:;–—"), by byte searches: IndexAny
// with runes outside ASCII among its chars reads q rune by rune, and every
// question is read here.
func firstCut(q string) int {
	cut := strings.IndexAny(q, ",:;")
	for _, dash := range [...]string{"–", "—"} {
		if i := strings.Index(q, dash); i >= 0 && (cut < 0 || i < cut) {
			cut = i
		}
	}
	return cut
}

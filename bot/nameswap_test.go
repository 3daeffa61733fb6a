package bot

import (
	"strings"
	"testing"
)

// A fare between two places the text never prices together is not
// answered by another pair's fare line, however much else the line
// shares; the pair it prices is. A sentence saying "she" for the name
// asked about, a name in the document's title, and a sentence of prose
// still answer.
func TestAnswerNamingAnotherPlaceIsRefused(t *testing.T) {
	t.Parallel()
	b := conversationBot(t, "fares.md", "# Brackwater Buses\n\n## Fares from 1 June\n\n"+
		"- Single, Millbrook to Harton: £3.10\n"+
		"- Single, Harton to Kelsey: £4.50\n"+
		"- Return, Millbrook to Harton: £5.80\n\n"+
		"Children under five travel free on every route.\n\n"+
		"## History\n\nThe company was founded by Ada Quennell in 1952. She sold it to Dorran Transport in 1987.\n\n"+
		"Tickets can be bought from the driver at Harton depot.\n")
	for _, c := range []struct {
		q, want string // want "": refused
	}{
		{"whats the single fare from millbrook to kelsey", ""},
		{"how much is a return from kelsey to millbrook", ""},
		{"whats the single fare from harton to kelsey", "£4.50"},
		{"how much is a return millbrook to harton", "£5.80"},
		{"whats the brackwater single fare from millbrook to harton", "£3.10"},
		{"who did quennell sell the company to", "Dorran Transport"},
		{"when were brackwater buses founded", "1952"},
		// Prose names what it is about in other words ("the company"):
		// a name it lacks is no swap.
		{"where can i buy tickets for the millbrook bus", "Harton depot"},
	} {
		r := b.Answer(t.Context(), c.q)
		switch {
		case c.want == "" && r.Answered:
			t.Errorf("%q answered %q (confidence %.2f): no line prices that pair", c.q, r.Citations[0].Text, r.Confidence)
		case c.want != "" && (!r.Answered || !strings.Contains(r.Citations[0].Text, c.want)):
			t.Errorf("%q: %s (confidence %.2f); want the sentence with %s", c.q, r.Text, r.Confidence, c.want)
		}
	}
}

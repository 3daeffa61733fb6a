package match

import (
	"strings"
	"testing"
)

func TestAsksOccupation(t *testing.T) {
	t.Parallel()
	for q, want := range map[string]bool{
		"what does she do for work":                  true,
		"what did nell do for a living":              true,
		"what was her job before pottery":            true,
		"what is ashworth background":                true,
		"what is his occupation":                     true,
		"what does priya do":                         true,
		"and what does nadia kowalczyk do for work":  true,
		"how many jobs are going":                    false,
		"what job":                                   false,
		"did she ever bake for a living":             false,
		"what does the union want the company to do": false,
		"what does she do on saturdays":              false,
	} {
		if got, _, _ := asksOccupation(strings.Fields(q)); got != want {
			t.Errorf("asksOccupation(%q) = %v, want %v", q, got, want)
		}
	}
}

func TestStatesOccupation(t *testing.T) {
	t.Parallel()
	for text, want := range map[string]bool{
		"Civic Alliance candidate Geoffrey Ashworth, a retired solicitor who represented the ward": true,
		"Kowalczyk, a 34-year-old primary school teacher, received 812 votes.":                     true,
		"Her father was a weaver at the mill.":                                                     true,
		"I was working as a dental receptionist in Carbeth.":                                       true,
		`"I used to be a schoolteacher," she said.`:                                                true,
		"He was allowed to see the rejected papers for a matter of seconds.":                       false,
		"It was a long day.":                            false,
		"Nadia Kowalczyk has won the seat by 23 votes.": false,
	} {
		if got := statesOccupation(text, nil, nil); got != want {
			t.Errorf("statesOccupation(%q) = %v, want %v", text, got, want)
		}
	}
	// A noun set beside another name is that one's occupation.
	isNell := func(w string) bool { return w == "nell" }
	if statesOccupation("Beneath it stood Ezra Pembury, the ferryman, who knew Nell.", nil, isNell) {
		t.Error("the ferryman read as Nell's occupation")
	}
	// The question's own words state nothing new.
	if statesOccupation("It is the hardest part of the job.", termSet[string]{"job"}, nil) {
		t.Error(`"the job" read as an occupation when the question asks about a job`)
	}
}

// "What does Kowalczyk do for work?" is answered by the sentence saying
// she is a teacher, not by the one matching her name best, even when
// that sentence is not among the first candidates; "what does the
// membrane do" asks what a thing is for.
func TestOccupationQuestion(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "Nadia Kowalczyk of the Green Coalition has won the Fernhill seat by 23 votes. "+
		"The first count put Kowalczyk ahead by 19 votes. "+
		"Speaking after the declaration, Kowalczyk said she was honoured. "+
		"Kowalczyk thanked her volunteers for their work. "+
		"Kowalczyk will take her seat in November. "+
		"Kowalczyk lives in Fernhill with her two cats. "+
		"Kowalczyk, a 34-year-old primary school teacher, received 812 votes. "+
		"Geoffrey Ashworth, a retired solicitor, came second with 789 votes.\n")
	wantTop(t, m, "what does Nadia Kowalczyk do for work", "primary school teacher")
	r := m.Search("what does Nadia Kowalczyk do for work", SearchOptions{})
	if !r.Occupation {
		t.Error("the occupation stated first is not reported")
	}
	wantTop(t, m, "what's Ashworth's background", "retired solicitor")
	if r := m.Search("what does the seat do", SearchOptions{}); r.Occupation {
		t.Error(`"what does the seat do" read as asking an occupation`)
	}
}

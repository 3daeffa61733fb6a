package bot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/storybot/storybot/bot"
	"github.com/storybot/storybot/facts"
)

const handbook = `# Staff Handbook

Version 4.2, effective 1 March.

*Posted by Sam Whitlock*

This handbook covers the day-to-day policies for every employee of the company. New employees complete a six-month probation period first. Everything else follows from there.

## Working hours

Core hours are 10:00 to 15:30 on weekdays for everyone.

## Annual leave

Everyone gets 25 days of paid holiday a year, plus public holidays.

## Sick leave

Staff are paid sick pay for up to 26 weeks in a year.
`

// "What is this about?", "summarise this", "tl;dr": the documents'
// opening sentences, cited, and their sections, never "not found".
func TestOverviewQuotesTheOpeningAndNamesTheSections(t *testing.T) {
	t.Parallel()
	d, err := facts.Parse("handbook.md", []byte(handbook))
	if err != nil {
		t.Fatal(err)
	}
	b := bot.New(facts.NewStore(d), bot.Options{})
	for _, q := range []string{"what is this document about?", "whats this about", "summarise this please",
		"tl;dr", "give me a quick summary", "what does this document cover?", "what is this handbook about?",
		"what's in this doc", "who is mentioned in the handbook?", "which people are named in this document",
		"what documents do you have?", "which files are loaded"} {
		r := b.Answer(context.Background(), q)
		if !r.Answered || r.Kind() != "answer" || len(r.Citations) != 2 {
			t.Errorf("%q: %s, %d citations: %q", q, r.Kind(), len(r.Citations), r.Text)
			continue
		}
		if !strings.HasPrefix(r.Citations[0].Text, "This handbook covers") || !strings.HasPrefix(r.Citations[1].Text, "New employees") {
			t.Errorf("%q cites %q, %q: want the opening sentences, not the title, version line or byline", q, r.Citations[0].Text, r.Citations[1].Text)
		}
		if !strings.Contains(r.Text, "Its sections: Working hours; Annual leave; Sick leave.") {
			t.Errorf("%q: %q does not name the sections", q, r.Text)
		}
	}
	for _, q := range []string{"what does it say about sick leave?", "what is it about", "what does the leave cover",
		"what is in the box", "who is in charge", "what's in it", "who is mentioned in the policy",
		"what do you have", "how much leave do i have"} {
		if r := b.Answer(context.Background(), q); strings.Contains(r.Text, "Its sections") {
			t.Errorf("%q read as a request for an overview: %q", q, r.Text)
		}
	}
}

// A document with sections offers them as its topics when it cannot
// answer: a handbook's "Annual leave", not its most distinctive names.
func TestNotFoundOffersTheSections(t *testing.T) {
	t.Parallel()
	d, err := facts.Parse("handbook.md", []byte(handbook))
	if err != nil {
		t.Fatal(err)
	}
	r := bot.New(facts.NewStore(d), bot.Options{}).Answer(context.Background(), "who won the world cup?")
	if r.Answered || !strings.Contains(r.Text, "It covers Working hours, Annual leave and Sick leave.") {
		t.Errorf("not found: %q", r.Text)
	}
	if len(r.Examples) == 0 || !strings.Contains(r.Examples[0], "Working hours") {
		t.Errorf("examples %q: want questions about the sections", r.Examples)
	}
}

// A message of one word the documents use, and that is no everyday word
// ("probation", "pension?"), asks what they say about it; an everyday word
// alone ("rose", "bill") is still no question, even where the text uses
// it, nor is a word the text lacks.
func TestABareTopicWordAsksWhatTheTextSays(t *testing.T) {
	t.Parallel()
	d, err := facts.Parse("office.txt", []byte("New employees complete a six-month probation period. "+
		"Water charges rose by 40% over five years. The rent for a full plot rose from £38 to £46. "+
		"The company pension scheme is run by Nest. Everyone gets 25 days of holiday. "+
		"The heating bill was paid in March. The bill for repairs is still open."))
	if err != nil {
		t.Fatal(err)
	}
	b := bot.New(facts.NewStore(d), bot.Options{})
	for q, want := range map[string]string{"probation": "probation period", "pension?": "pension scheme", "Pension": "pension scheme"} {
		r := b.Answer(context.Background(), q)
		if !r.Answered || len(r.Citations) == 0 || !strings.Contains(r.Citations[0].Text, want) {
			t.Errorf("%q: %s %q, want the sentence with %q", q, r.Kind(), r.Text, want)
		}
		if !strings.Contains(r.Understood, "What does it say about") {
			t.Errorf("%q understood as %q", q, r.Understood)
		}
	}
	for _, q := range []string{"rose", "bill", "parking"} {
		if r := b.Answer(context.Background(), q); r.Answered {
			t.Errorf("%q answered: %q", q, r.Text)
		}
	}
}

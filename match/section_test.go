package match

import (
	"strings"
	"testing"
)

const sectionsDoc = "# Handbook\n\n## Annual leave\n\nYou get 25 days a year. Book them early.\n\n" +
	"## Sick leave\n\nCall your manager before ten. You are paid for 20 sick days.\n\n" +
	"## Expenses\n\nYou can claim back reasonable costs of company work. Claims go through the finance app within 30 days.\n\n" +
	"| Expense type | Limit |\n|---|---|\n| Hotel | £120 per night |\n| Evening meal | £35 |\n\n" +
	"## Remote work\n\nMost roles are hybrid. Each remote employee receives a work allowance of £25 a month.\n\n" +
	"## Safety\n\nBefore you use the ladder, check that:\n\n- its feet are level;\n- nobody stands beneath it.\n\n" +
	"## Lost property\n\nItems found in the changing rooms go to reception. We keep lost property for 14 days.\n\n" +
	"## New in version 3.1\n\nThe canteen now opens at eight. Lockers can be booked online.\n"

// A question about what a section says is answered with the section's
// opening sentences, quoted together, the one that names the topic as a
// phrase first; a question about a fact in it, or
// one whose topic several headings share, is searched as usual.
func TestSectionQuestions(t *testing.T) {
	t.Parallel()
	m := newDocMatcher(t, "handbook.md", sectionsDoc)
	for _, tt := range []struct {
		q, want string
		section bool
	}{
		{"what does it say about expenses?", "You can claim back reasonable costs", true},
		{"whats the policy on remote work?", "Most roles are hybrid", true},
		{"Expenses", "You can claim back reasonable costs", true},
		{"what is remote work?", "Most roles are hybrid", true},
		{"tell me about safety", "Before you use the ladder", true}, // quoted with the list it introduces
		{"tell me about sick leave", "Call your manager before ten", true},
		// the sentence that says the topic as a phrase comes first
		{"what does it say about lost property?", "We keep lost property", true},
		{"how much can I spend on an evening meal?", "Evening meal", false},
		{"what are the limits for expenses?", "", false}, // asks more of the topic than it names
		{"what does it say about leave?", "", false},     // annual or sick: no one section
		{"whats new", "The canteen now opens", true},
		{"what's new in 3.1?", "The canteen now opens", true},
		{"what is new in version 3.1", "The canteen now opens", true},
		{"what is new in the canteen", "", false}, // asks of a thing, not the section
	} {
		r := m.Search(tt.q, SearchOptions{TopK: 3})
		if r.Section != tt.section {
			t.Errorf("%q: Section = %v, want %v", tt.q, r.Section, tt.section)
		}
		if tt.want != "" && (len(r.Hits) == 0 || !strings.Contains(r.Hits[0].Sentence.Quote(), tt.want)) {
			t.Errorf("%q: got %v, want %q first", tt.q, r.Hits, tt.want)
		}
		if tt.section && (len(r.Hits) != 2 || !r.Chain || r.Confidence < 0.5) {
			t.Errorf("%q: %d hits, chain %v, confidence %.2f; want the section's two opening sentences, quoted together", tt.q, len(r.Hits), r.Chain, r.Confidence)
		}
	}
}

// "Tell me about the union" of a story with no headings is answered by
// the sentence that introduces the union, not by a later mention; "what
// did the union say?" asks what was said, and is ranked as before.
func TestTopicQuestionPrefersTheFirstMention(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "Morland said on Tuesday it will close its factory in Brackenford, putting 340 jobs at risk. "+
		"Denise Pryor, regional officer for the workers' union, called the announcement a betrayal. "+
		"The factory opened in 1961 to make brass fittings. "+
		"Pryor added that the union had not ruled out industrial action but that its first priority was the union members' consultation.")
	for _, tt := range []struct{ q, want string }{
		{"tell me about the union", "regional officer"},
		{"whats happening with the factory", "will close its factory"},
	} {
		wantTop(t, m, tt.q, tt.want)
	}
}

// "Tell me about" a name is answered by the sentence that opens with it
// ("**Dr Tobias Renfrew** is a lecturer…"), not by its first mention in a
// timetable's row or in passing.
func TestTopicQuestionOfANamePrefersTheSentenceOpeningWithIt(t *testing.T) {
	t.Parallel()
	m := newDocMatcher(t, "day.md", "# History day\n\n## Schedule\n\n| Time | Session | Speaker |\n|---|---|---|\n"+
		"| 10:00 | Keynote: the valley's mills | Dr Tobias Renfrew |\n| 11:00 | Coffee | |\n\n"+
		"The keynote by Tobias Renfrew will be filmed.\n\n## Speakers\n\n"+
		"**Dr Tobias Renfrew** is a lecturer in industrial history at Kelmont University. He has studied the mills for ten years.\n")
	wantTop(t, m, "tell me about tobias renfrew", "is a lecturer")
	wantTop(t, m, "what does it say about the keynote", "Keynote")
}

// "What are the opening times?" asks for the "Opening hours" section (a
// word for a kind of time the heading words otherwise), and is answered
// by its opening, which says "open" itself, before a later sentence that
// does too.
func TestSectionByAnotherWordForTheTime(t *testing.T) {
	t.Parallel()
	m := newDocMatcher(t, "pool.md", "# Pool\n\nWelcome to the pool.\n\n## Opening hours\n\n"+
		"The main pool is open from 6:30am to 9:30pm on weekdays. The learner pool opens at 9:00am every day.\n\n"+
		"### Are you open on bank holidays?\n\nYes, from 9:00am to 4:00pm.\n\n## Prices\n\nAn adult swim costs £5.40.\n")
	r := m.Search("what are the opening times", SearchOptions{})
	if !r.Section || len(r.Hits) == 0 || !strings.HasPrefix(r.Hits[0].Sentence.Text, "The main pool is open") {
		t.Errorf("section %v, hits %v; want the Opening hours section's opening first", r.Section, r.Hits)
	}
}

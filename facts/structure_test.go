package facts

import (
	"strings"
	"testing"
)

const structureMD = "# Staff Handbook\n" +
	"\n" +
	"Welcome to the team.\n" +
	"\n" +
	"## Sick leave\n" +
	"\n" +
	"Tell your manager by 9am on the first day.\n" +
	"\n" +
	"Pay\n" +
	"---\n" +
	"\n" +
	"Here is the schedule of payments:\r\n" +
	"\r\n" +
	"| Month | Amount |\r\n" +
	"|---|:---:|\r\n" +
	"| **January** | £100 |\r\n" +
	"| Feb \\| Mar | |\r\n" +
	"\n" +
	"For the kit you will need:\n" +
	"\n" +
	"- a badge\n" +
	"- 2 keys\n" +
	"\n" +
	"```sh\n" +
	"make install\n" +
	"```\n"

type wantSentence struct {
	text, display, section, context string
	heading                         bool
}

// TestMarkdownStructure: headings (ATX and setext) are marked and head
// the sentences under them, a table's body rows are sentences quoted with
// their column names, list items carry the sentence that introduces them,
// code is indexed, and every sentence's offsets slice the original bytes.
func TestMarkdownStructure(t *testing.T) {
	t.Parallel()
	d, err := Parse("handbook.md", []byte(structureMD))
	if err != nil {
		t.Fatal(err)
	}
	want := []wantSentence{
		{text: "Staff Handbook", heading: true},
		{text: "Welcome to the team.", section: "Staff Handbook"},
		{text: "Sick leave", heading: true, section: "Staff Handbook"},
		{text: "Tell your manager by 9am on the first day.", section: "Sick leave"},
		{text: "Pay", heading: true, section: "Sick leave"},
		{text: "Here is the schedule of payments:", section: "Pay"},
		{text: "| **January** | £100 |", display: "Month: January; Amount: £100", section: "Pay", context: "Here is the schedule of payments:"},
		{text: `| Feb \| Mar | |`, display: "Month: Feb | Mar", section: "Pay", context: "Here is the schedule of payments:"},
		{text: "For the kit you will need:", section: "Pay"},
		{text: "a badge", section: "Pay", context: "For the kit you will need:"},
		{text: "2 keys", section: "Pay", context: "For the kit you will need:"},
		{text: "make install", section: "Pay"},
	}
	if d.Title != "Staff Handbook" {
		t.Errorf("Title = %q, want the first level-1 heading", d.Title)
	}
	checkSentences(t, d, want)
}

func checkSentences(t *testing.T, d *Document, want []wantSentence) {
	t.Helper()
	for i, s := range d.Sentences {
		if got := string(d.Raw[s.Start:s.End]); got != s.Text {
			t.Errorf("sentence %d: Raw[%d:%d] = %q, Text %q", s.N, s.Start, s.End, got, s.Text)
		}
		if i >= len(want) {
			t.Errorf("extra sentence %d %q", s.N, s.Text)
			continue
		}
		w := want[i]
		got := wantSentence{s.Text, s.Display(), s.Section(), s.Context(), s.Heading()}
		if got != w {
			t.Errorf("sentence %d:\n got  %+v\n want %+v", s.N, got, w)
		}
	}
	if len(d.Sentences) < len(want) {
		t.Errorf("%d sentences, want %d", len(d.Sentences), len(want))
	}
}

// TestPlainTextHeadings: a short first line is a title, numbered or
// capitalised one-line blocks are headings; a list item, a line that
// ends in a full stop, and a heading with nothing under it are not.
func TestPlainTextHeadings(t *testing.T) {
	t.Parallel()
	in := "Minutes of the Parish Meeting\n\n" +
		"The meeting opened at 7pm.\n\n" +
		"1. Apologies for absence\n\n" +
		"Apologies came from Ann Lee, who was unwell.\n\n" +
		"FINANCE\n\n" +
		"The balance stood at £900.\nItems bought:\n1. Paint\n2. Brushes\n\n" +
		"Any other business\n"
	d, err := Parse("minutes.txt", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	const title = "Minutes of the Parish Meeting"
	checkSentences(t, d, []wantSentence{
		{text: title, heading: true},
		{text: "The meeting opened at 7pm.", section: title},
		{text: "Apologies for absence", heading: true, section: title},
		{text: "Apologies came from Ann Lee, who was unwell.", section: "Apologies for absence"},
		{text: "FINANCE", heading: true, section: "Apologies for absence"},
		{text: "The balance stood at £900.", section: "FINANCE"},
		{text: "Items bought:", section: "FINANCE"},
		{text: "Paint", section: "FINANCE", context: "Items bought:"},
		{text: "Brushes", section: "FINANCE", context: "Items bought:"},
		{text: "Any other business", section: "FINANCE"}, // heads nothing
	})
	if d.Title != title {
		t.Errorf("Title = %q, want %q", d.Title, title)
	}
	for _, one := range []string{"A headline without a period\n", "Short title\n"} {
		d, err := Parse("one.txt", []byte(one))
		if err != nil {
			t.Fatal(err)
		}
		if d.Sentences[0].Heading() || d.Title != "" {
			t.Errorf("%q alone: heading %v, title %q; a text of one line is its own content", one, d.Sentences[0].Heading(), d.Title)
		}
	}
}

// TestHeadingsAreContextNotAnswers: a heading's words are not postings of
// the heading (it never answers), but context postings of the sentences
// under it.
func TestHeadingsAreContextNotAnswers(t *testing.T) {
	t.Parallel()
	d, err := Parse("handbook.md", []byte(structureMD))
	if err != nil {
		t.Fatal(err)
	}
	s := NewStore(d)
	_, termID := s.Terms()
	sick, ok := termID.Lookup("sick")
	if !ok {
		t.Fatal(`"sick" is not a term`)
	}
	if ps := s.Postings().Of(int(sick)); len(ps) != 0 {
		t.Errorf(`"sick" has postings %v; only the heading holds it, and headings are not indexed`, ps)
	}
	var under []string
	for _, p := range s.ContextPostings().Of(int(sick)) {
		under = append(under, s.Sentence(int(p)).Text)
	}
	if strings.Join(under, "|") != "Tell your manager by 9am on the first day." {
		t.Errorf(`context postings of "sick" = %q, want the one sentence under "## Sick leave"`, under)
	}
	// A table row is indexed by its display text: its column names too.
	month := termID.Index("month")
	if ps := s.Postings().Of(int(month)); len(ps) != 2 {
		t.Errorf(`"month" (a column name) is in %d sentences, want the 2 rows`, len(ps))
	}
	// A list item's introduction is its context: "kit" finds "2 keys".
	found := false
	for _, p := range s.ContextPostings().Of(int(termID.Index("kit"))) {
		found = found || s.Sentence(int(p)).Text == "2 keys"
	}
	if !found {
		t.Error(`"kit" is not context of the list item "2 keys"`)
	}
}

// A bold lead-in ("**Shape:**") titles its list item or paragraph: the
// sentences after the first have it as context; the first says it itself.
func TestBoldLeadInIsContext(t *testing.T) {
	t.Parallel()
	d, err := Parse("l.md", []byte("Steps:\n\n"+
		"1. **Shape:** Divide the dough. Place the pieces in baskets.\n"+
		"2. **Bake**: Heat the oven. Bake for an hour.\n\n"+
		"__Note:__ Ovens vary. Check early.\n\n"+
		"**Not a lead-in.** Plain text follows.\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"**Shape:** Divide the dough.": "Steps:",
		"Place the pieces in baskets.": "Steps: Shape",
		"Bake for an hour.":            "Steps: Bake",
		"Check early.":                 "Note",
		"Plain text follows.":          "",
	}
	seen := 0
	for _, s := range d.Sentences {
		if w, ok := want[s.Text]; ok {
			seen++
			if s.Context() != w {
				t.Errorf("%q: context %q, want %q", s.Text, s.Context(), w)
			}
		}
	}
	if seen != len(want) {
		t.Errorf("%d of the %d sentences found: %+v", seen, len(want), d.Sentences)
	}
	for text, lead := range map[string]string{"**Mix:** Add it.": "Mix", "- **Mix**: add": "Mix", "**Mix** it": "", "Mix: it": ""} {
		if got := boldLeadIn(text); got != lead {
			t.Errorf("boldLeadIn(%q) = %q, want %q", text, got, lead)
		}
	}
}

func TestWithoutParenthetical(t *testing.T) {
	t.Parallel()
	for line, want := range map[string]string{
		"The Life of Edda Halvorsen (1904–1971)": "The Life of Edda Halvorsen",
		"Opening hours (summer)":                 "Opening hours",
		"Prices are listed here (see below.)":    "Prices are listed here (see below.)",
		"(draft)":                                "(draft)",
		"Notes (a (b) c)":                        "Notes (a (b) c)",
		"Plain title":                            "Plain title",
	} {
		if got := withoutParenthetical(line); got != want {
			t.Errorf("withoutParenthetical(%q) = %q, want %q", line, got, want)
		}
	}
}

// TestClauseNumbers: terms and conditions number their clauses "4.1",
// "4.2" a line each under a numbered title line: each clause is an item
// of its own (not one run-on sentence with the title), and the title
// heads them; a numbered list's first item is no heading, and a wrapped
// line that starts with a decimal goes on the sentence before it.
func TestClauseNumbers(t *testing.T) {
	t.Parallel()
	in := "CLUB TERMS\n\n" +
		"4. Fees and payment\n" +
		"4.1 Monthly fees are £52 for Peak.\n" +
		"4.2. Fees are collected on the 1st of each month.\n" +
		"4.3) A failed payment costs £10.\n\n" +
		"1. Open the lid\n2. Lift out the bag\n\n" +
		"The district's population reached\n4.5 million in 2001.\n"
	d, err := Parse("terms.txt", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	const fees = "Fees and payment"
	checkSentences(t, d, []wantSentence{
		{text: "CLUB TERMS", heading: true},
		{text: fees, heading: true, section: "CLUB TERMS"},
		{text: "Monthly fees are £52 for Peak.", section: fees},
		{text: "Fees are collected on the 1st of each month.", section: fees},
		{text: "A failed payment costs £10.", section: fees},
		{text: "Open the lid", section: fees},
		{text: "Lift out the bag", section: fees},
		{text: "The district's population reached\n4.5 million in 2001.", section: fees},
	})
}

// TestAskedQuestionsHeadTheirAnswers: a question a document asks on a
// line of its own (a FAQ saved as text) or at the end of a speaker's turn
// (an interview) is the context of its answer, which follows it, and no
// answer itself; a question in the middle of prose, a long one, or one
// in quotation marks is the text's own. Short labelled lines (a speaker's
// turns, a fact sheet's) are paragraphs of their own.
func TestAskedQuestionsHeadTheirAnswers(t *testing.T) {
	t.Parallel()
	in := "Office move\n\n" +
		"Will my phone number change?\nNo. Direct lines stay the same.\n\n" +
		"INTERVIEWER: Thanks. How did you start?\nJANE: By accident. A friend took me.\n\n" +
		"Is it worth it? Prices rose by 4% last year. \"Why?\" she asked.\n\n" +
		"Area: 14.6 square kilometres\nPopulation: 1,240\n\n" +
		"Is there a route of at most 2000 kilometres through all of the fifteen largest cities of the country on one tank?\nNobody knows.\n"
	d, err := Parse("faq.txt", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	const s = "Office move"
	checkSentences(t, d, []wantSentence{
		{text: s, heading: true},
		{text: "Will my phone number change?", heading: true, section: s},
		{text: "No.", section: s, context: "Will my phone number change?"},
		{text: "Direct lines stay the same.", section: s, context: "Will my phone number change?"},
		{text: "INTERVIEWER: Thanks.", section: s},
		{text: "How did you start?", heading: true, section: s},
		{text: "JANE: By accident.", section: s, context: "How did you start?"},
		{text: "A friend took me.", section: s, context: "How did you start?"},
		{text: "Is it worth it?", heading: true, section: s},
		{text: "Prices rose by 4% last year.", section: s, context: "Is it worth it?"},
		{text: "\"Why?\" she asked.", section: s, context: "Is it worth it?"},
		{text: "Area: 14.6 square kilometres", section: s},
		{text: "Population: 1,240", section: s},
		{text: "Is there a route of at most 2000 kilometres through all of the fifteen largest cities of the country on one tank?", section: s},
		{text: "Nobody knows.", section: s},
	})
}

// A letter's greeting and closing on lines of their own ("Hi everyone,",
// "Best wishes,") are not sentences: they state nothing, and "will there
// be enough desks for everyone" quoted "Hi everyone,". A dated line
// ending in a comma is kept.
func TestSalutationsAreNotSentences(t *testing.T) {
	t.Parallel()
	in := "Office move\n\nHi everyone,\n\nWe move on 21 March.\n\nLondon, 4 February 2025,\n\nBest wishes,\n\nHelen Okafor\n"
	d, err := Parse("email.txt", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	const s = "Office move"
	checkSentences(t, d, []wantSentence{
		{text: s, heading: true},
		{text: "We move on 21 March.", section: s},
		{text: "London, 4 February 2025,", section: s},
		{text: "Helen Okafor", section: s},
	})
}

// A FAQ written "Q: …" / "A: …" reads as its questions heading their
// answers, each quoted without its label.
func TestQAndALabels(t *testing.T) {
	t.Parallel()
	in := "Kayak hire FAQ\n\nQ: Can I bring my dog?\nA: Small dogs are welcome in our double kayaks.\n\nQ: What if it rains?\nA: We paddle in light rain.\n"
	d, err := Parse("faq.txt", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	const s = "Kayak hire FAQ"
	checkSentences(t, d, []wantSentence{
		{text: s, heading: true},
		{text: "Can I bring my dog?", heading: true, section: s},
		{text: "Small dogs are welcome in our double kayaks.", section: s, context: "Can I bring my dog?"},
		{text: "What if it rains?", heading: true, section: s},
		{text: "We paddle in light rain.", section: s, context: "What if it rains?"},
	})
}

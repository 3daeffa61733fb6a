package facts

import (
	"slices"
	"strings"
	"testing"
)

func TestMarkdownTitleAndSections(t *testing.T) {
	doc := "# Staff handbook\n\nWelcome to the team.\n\n## Sick leave\n\nYou get 26 weeks of sick pay. Tell your manager.\n\n### Notes\n\nSee HR.\n"
	d, err := Parse("handbook.md", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "Staff handbook" {
		t.Errorf("Title = %q, want %q", d.Title, "Staff handbook")
	}
	want := map[string]string{
		"Welcome to the team.":          "Staff handbook", // the nearest heading, here the title
		"You get 26 weeks of sick pay.": "Sick leave",
		"Tell your manager.":            "Sick leave",
		"See HR.":                       "Notes",
	}
	for _, s := range d.Sentences {
		if w, ok := want[s.Text]; ok {
			if s.Section() != w {
				t.Errorf("%q: Section = %q, want %q", s.Text, s.Section(), w)
			}
			delete(want, s.Text)
		}
	}
	if len(want) > 0 {
		t.Errorf("sentences not found: %v", want)
	}
}

// A plain text's title is a short first line without a full stop; a
// text that opens with a sentence has none.
func TestPlainTextTitle(t *testing.T) {
	d, err := Parse("notes.txt", []byte("Harbour notes\n\nThe ferry leaves at nine. It returns at five.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "Harbour notes" {
		t.Errorf("title %q, want %q", d.Title, "Harbour notes")
	}
	// A closing parenthetical (dates, a qualifier) does not make a title
	// a sentence.
	d, err = Parse("bio.txt", []byte("The Life of Edda Halvorsen (1904–1971)\n\nShe was born in Tromsø. She died in 1971.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "The Life of Edda Halvorsen (1904–1971)" || !d.Sentences[0].Heading() {
		t.Errorf("title %q, want the line with its dates", d.Title)
	}
	d, err = Parse("story.txt", []byte("The ferry leaves at nine. It returns at five.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "" {
		t.Errorf("a text that opens with a sentence got the title %q", d.Title)
	}
}

// A plain text's section titles written in sentence case ("Charging the
// battery") head the prose after them; a short line that is not followed
// by prose (one line of a list or an address) does not.
func TestPlainTextTitleLines(t *testing.T) {
	t.Parallel()
	doc := "Kettle guide\n\nThank you for buying this kettle.\n\nCleaning the kettle\n\n" +
		"Descale it once a month. Use white vinegar.\n\nWarranty\n\nThe kettle is covered for two years.\n\n" +
		"Contact us\n\nHelpline\n\n0800 123 456\n"
	d, err := Parse("kettle.txt", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	heading := map[string]bool{}
	section := map[string]string{}
	for _, s := range d.Sentences {
		heading[s.Text] = s.Heading()
		section[s.Text] = s.Section()
	}
	for _, h := range []string{"Kettle guide", "Cleaning the kettle", "Warranty"} {
		if !heading[h] {
			t.Errorf("%q is not a heading", h)
		}
	}
	for _, h := range []string{"Contact us", "Helpline", "0800 123 456"} {
		if heading[h] {
			t.Errorf("%q, which no prose follows, is a heading", h)
		}
	}
	if section["Use white vinegar."] != "Cleaning the kettle" || section["The kettle is covered for two years."] != "Warranty" {
		t.Errorf("sections: %q, %q", section["Use white vinegar."], section["The kettle is covered for two years."])
	}
}

// A book's chapter line is one heading even when it ends with a full
// stop ("CHAPTER 1. Loomings."), not two sentences quoted as answers;
// a numbered clause that goes on as prose is not a heading.
func TestChapterLinesAreHeadings(t *testing.T) {
	t.Parallel()
	for line, want := range map[string]bool{
		"CHAPTER 1. Loomings.": true, "Chapter XII": true, "BOOK ONE: 1805": true, "Part 2 - Delivery": true,
		"Letter 4": true, "ACT III. Scene 2.": true, "CHAPTER 133. The Chase—First Day.": true,
		"Section 4 applies to all members.": false, "Chapter and verse.": false, "Book early to avoid disappointment.": false,
		"Part of the fee is refundable.": false, "Letter boxes are by the door.": false,
	} {
		if got := chapterLine(line); got != want {
			t.Errorf("chapterLine(%q) = %v, want %v", line, got, want)
		}
	}
	d, err := Parse("novel.txt", []byte("MOBY DICK\n\nCHAPTER 1. Loomings.\n\nCall me Ishmael. Some years ago I went to sea.\n\n"+
		"CHAPTER 2. The Carpet-Bag.\n\nI stuffed a shirt or two into my old carpet-bag.\n"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range d.Sentences {
		if s.Heading() {
			got = append(got, s.Text)
		}
	}
	if strings.Join(got, "|") != "MOBY DICK|CHAPTER 1. Loomings.|CHAPTER 2. The Carpet-Bag." {
		t.Errorf("headings %q", got)
	}
	if last := d.Sentences[len(d.Sentences)-1]; last.Section() != "CHAPTER 2. The Carpet-Bag." {
		t.Errorf("the last sentence's section is %q", last.Section())
	}
}

// A plain-text book's picture markers and caption brackets
// ("[Illustration:" … "]", "[Illustration]") are not sentences, and the
// caption is quoted without its closing bracket.
func TestBracketedMarkersAreNotSentences(t *testing.T) {
	t.Parallel()
	d, err := Parse("novel.txt", []byte("They entered the house.\n\n[Illustration:\n\n“Mr. Darcy with him.”\n]\n\n"+
		"[Illustration]\n\nCHAPTER LIII.\n\nMr. Wickham was so perfectly satisfied with this conversation.\n"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range d.Sentences {
		if !s.Heading() {
			got = append(got, s.Text)
		}
	}
	want := "They entered the house.|“Mr. Darcy with him.”|Mr. Wickham was so perfectly satisfied with this conversation."
	if strings.Join(got, "|") != want {
		t.Errorf("sentences %q, want %q", got, want)
	}
}

// A title in capitals written straight above its paragraph, with no blank
// line between ("CLUBHOUSE QUIZ NIGHT" then "Our spring quiz night is…"),
// heads it: it is not glued to the paragraph's first sentence.
func TestCapitalTitleAboveItsParagraph(t *testing.T) {
	t.Parallel()
	d, err := Parse("news.txt", []byte("Hi everyone,\n\nCLUBHOUSE QUIZ NIGHT\nOur spring quiz night is on Friday 28 March at 7:30pm. "+
		"Teams of up to six.\n\nLAST MONTH'S RESULTS\nFernbrook Town 3 - 0 Linfield Rangers\nKingsmead 1 - 1 Fernbrook Town\n"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range d.Sentences {
		got = append(got, s.Text)
		if s.Text == "Our spring quiz night is on Friday 28 March at 7:30pm." && s.Section() != "CLUBHOUSE QUIZ NIGHT" {
			t.Errorf("the quiz sentence's section is %q", s.Section())
		}
	}
	for _, want := range []string{"CLUBHOUSE QUIZ NIGHT", "Our spring quiz night is on Friday 28 March at 7:30pm.", "LAST MONTH'S RESULTS"} {
		if !slices.Contains(got, want) {
			t.Errorf("sentences %q lack %q", got, want)
		}
	}
}

// A manual's troubleshooting entry: the "Problem:" line heads its
// "Cause:" and "Solution:" lines, which have it as their context.
func TestProblemEntries(t *testing.T) {
	t.Parallel()
	d, err := Parse("manual.txt", []byte("TROUBLESHOOTING\n\n"+
		"Problem: The kettle switches off before the water boils.\nCause: Limescale has built up on the base.\n"+
		"Solution: Descale the kettle. Then boil it again.\n\n"+
		"Problem: The water tastes of plastic.\nCause: The kettle is new.\nSolution: Boil and discard a full kettle of water.\n\n"+
		"The problem with cheap kettles is their switches.\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"Cause: Limescale has built up on the base.":         "The kettle switches off before the water boils.",
		"Then boil it again.":                                "The kettle switches off before the water boils.",
		"Cause: The kettle is new.":                          "The water tastes of plastic.",
		"Solution: Boil and discard a full kettle of water.": "The water tastes of plastic.",
		"The problem with cheap kettles is their switches.":  "",
	}
	for _, s := range d.Sentences {
		if s.Text != "TROUBLESHOOTING" && strings.HasPrefix(s.Text, "Problem: ") != s.Heading() {
			t.Errorf("%q: heading %v", s.Text, s.Heading())
		}
		if c, ok := want[s.Text]; ok && s.Context() != c {
			t.Errorf("%q: context %q, want %q", s.Text, s.Context(), c)
		}
	}
}

// A plain text saved from an e-mail is titled by its subject, less "Re:",
// and its first header line is not a heading.
func TestEmailTitleIsItsSubject(t *testing.T) {
	t.Parallel()
	d, err := Parse("mail.txt", []byte("From: Priya Shah <priya@example.com>\nTo: Facilities Team\nSubject: Re: Lift maintenance next week\n\n"+
		"Hi Tom,\n\nCan you confirm whether the goods lift will also be out of service?\n"))
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "Lift maintenance next week" || d.Sentences[0].Heading() {
		t.Errorf("title %q, first line heading %v", d.Title, d.Sentences[0].Heading())
	}
}

// Rules written with no blank line between sections: each numbered title
// over its numbered clauses is a heading, and their section; a numbered
// clause is not, nor is a short numbered line over prose.
func TestNumberedTitlesWithinABlock(t *testing.T) {
	t.Parallel()
	d, err := Parse("rules.txt", []byte("CLUB RULES\n1. MEMBERSHIP\n1.1 Membership runs from 1 April.\n"+
		"1.2 Members must be over 18.\n2. FEES\n2.1 The annual fee is £40.\n3. Guests welcome\nGuests pay £5 a visit.\n"))
	if err != nil {
		t.Fatal(err)
	}
	headings := map[string]bool{"CLUB RULES": true, "MEMBERSHIP": true, "FEES": true}
	for _, s := range d.Sentences {
		if headings[strings.TrimLeft(s.Text, "0123456789. ")] != s.Heading() {
			t.Errorf("%q: heading %v", s.Text, s.Heading())
		}
		if strings.Contains(s.Text, "£40") && !strings.Contains(s.Section(), "FEES") {
			t.Errorf("%q: section %q, want FEES", s.Text, s.Section())
		}
	}
}

// An article written a paragraph a line, with no blank lines: a short
// title line between two paragraphs of prose is a heading; the last line
// of a list of entries before prose is not.
func TestTitleLinesBetweenProse(t *testing.T) {
	t.Parallel()
	d, err := Parse("mill.txt", []byte("Brook Mill\n"+
		"Brook Mill is a former cotton mill on the River Wend, in the north of the county. It was built in 1802 by a wool merchant from the town and spun cotton for a hundred and sixty years.\n"+
		"The great flood\n"+
		"In 1866 the river rose six feet in a night and flooded the ground floor of the mill. The machines were ruined, and the mill was closed for most of the following year while they were replaced.\n"+
		"Admission\n"+
		"The mill is now a museum, open every day from April to October, with a café in the old counting house and a shop selling cloth woven on its looms.\n"+
		"Adults: £9.50\nChildren: £4\n"+
		"Tickets are valid for a year from the date of purchase, and members of the friends' society go free on every visit they make.\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"Brook Mill": true, "The great flood": true, "Admission": true, "Children: £4": false}
	for _, s := range d.Sentences {
		if h, ok := want[s.Text]; ok {
			if s.Heading() != h {
				t.Errorf("%q: heading %v, want %v", s.Text, s.Heading(), h)
			}
			delete(want, s.Text)
		}
		if strings.HasPrefix(s.Text, "In 1866") && s.Section() != "The great flood" {
			t.Errorf("%q: section %q", s.Text, s.Section())
		}
	}
	for text := range want {
		t.Errorf("no sentence %q", text)
	}
}

// A title line heads a paragraph of several sentences that closes with a
// signature, not a full stop; a short line before a short one does not.
func TestTitleLineBeforeSignedProse(t *testing.T) {
	t.Parallel()
	d, err := Parse("report.txt", []byte("Riverside Tenants' Association: Report for 2025\n"+
		"About us\n"+
		"The association speaks for the tenants of the three Riverside blocks. Any tenant may join.\n"+
		"Secretary's Letter\n"+
		"It has been a busy year for the association. We met the landlord four times about the lifts. Two of them now work again, and the third is due to be replaced in spring. Thank you to everyone who came to a meeting. Priya Nair, Secretary\n"+
		"Repairs\n"+
		"The landlord answered 212 repair requests this year. The average wait for a repair fell from 19 days to 11.\n"+
		"Contact us\n"+
		"Call Priya on 0161 555 0192\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"Secretary's Letter": true, "Repairs": true, "Contact us": false}
	for _, s := range d.Sentences {
		if h, ok := want[s.Text]; ok {
			if s.Heading() != h {
				t.Errorf("%q: heading %v, want %v", s.Text, s.Heading(), h)
			}
			delete(want, s.Text)
		}
		if strings.HasPrefix(s.Text, "We met the landlord") && s.Section() != "Secretary's Letter" ||
			strings.HasPrefix(s.Text, "The average wait") && s.Section() != "Repairs" {
			t.Errorf("%q: section %q", s.Text, s.Section())
		}
	}
	for text := range want {
		t.Errorf("no sentence %q", text)
	}
}

// A section under a section has the headings above it as its parent
// (not the title, which every sentence is under), and the parent's words
// are context for its sentences: "salmon oven temp" finds the salmon
// recipe's method, whose own heading says only "Method".
func TestParentHeadings(t *testing.T) {
	doc := "# Three recipes\n\nFamily food.\n\n## Beef pie\n\n### Method\n\nHeat the oven to 160°C.\n\n" +
		"## Salmon traybake\n\n### Method\n\nHeat the oven to 220°C.\n\n## Notes\n\nAll serve four.\n"
	d, err := Parse("recipes.md", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"Family food.":            "",
		"Heat the oven to 160°C.": "Beef pie",
		"Heat the oven to 220°C.": "Salmon traybake",
		"All serve four.":         "",
	}
	for _, s := range d.Sentences {
		if w, ok := want[s.Text]; ok && s.Parent() != w {
			t.Errorf("%q: Parent = %q, want %q", s.Text, s.Parent(), w)
		}
	}
	st := NewStore(d)
	_, termID := st.Terms()
	id, ok := termID.Lookup("salmon")
	if !ok {
		t.Fatal("salmon: no term")
	}
	var under []string
	for _, k := range st.ContextPostings().Of(int(id)) {
		under = append(under, st.Sentences()[k].Text)
	}
	if !slices.Contains(under, "Heat the oven to 220°C.") || slices.Contains(under, "Heat the oven to 160°C.") {
		t.Errorf("sentences with salmon as context: %q", under)
	}
}

// A paragraph opening with a label ("Renewals. You can renew…") is titled
// by it: the label is a heading, the paragraph's other sentences have it
// as context. A short sentence is not a label.
func TestRunInHeadings(t *testing.T) {
	doc := "Library rules\n\nRenewals. You can renew an item up to three times. DVDs can be renewed only once.\n\n" +
		"Lost items. You pay the replacement cost.\n\nHe left. Nobody saw him go.\n\n" +
		"STAGE 2: HOLLOWAY WOOD TO CRANE DOWN (3.5 km). Keep to the main track through the wood.\n\n" +
		"DO NOT USE THE LIFT. Take the stairs.\n"
	d, err := Parse("rules.txt", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	heading := map[string]bool{}
	context := map[string]string{}
	for _, s := range d.Sentences {
		heading[s.Text] = s.Heading()
		context[s.Text] = s.Context()
	}
	for _, text := range []string{"Renewals.", "Lost items."} {
		if !heading[text] {
			t.Errorf("%q: not a heading", text)
		}
	}
	// A stage's title set in capitals is a label, whatever its digits and
	// colon; a warning shouted in capitals is not.
	if !heading["STAGE 2: HOLLOWAY WOOD TO CRANE DOWN (3.5 km)."] {
		t.Error("a title in capitals is not a heading")
	}
	if c := context["Keep to the main track through the wood."]; c != "STAGE 2: HOLLOWAY WOOD TO CRANE DOWN (3.5 km)" {
		t.Errorf("context %q under a title in capitals", c)
	}
	for _, text := range []string{"He left.", "DO NOT USE THE LIFT."} {
		if heading[text] {
			t.Errorf("%q read as a heading", text)
		}
	}
	if c := context["DVDs can be renewed only once."]; c != "Renewals" {
		t.Errorf("context %q, want %q", c, "Renewals")
	}
}

package bot_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/storybot/storybot/bot"
	"github.com/storybot/storybot/facts"
)

// A sentence that introduces a list answers nothing by itself: "what do I
// need?" quotes "For two loaves you will need:" and then each item, in
// order, each cited. A question one item answers is still answered by it
// alone, and a long list is quoted up to a bound.
func TestAListIsQuotedWithItsIntroduction(t *testing.T) {
	t.Parallel()
	var long strings.Builder
	for i := 1; i <= 14; i++ {
		fmt.Fprintf(&long, "- spare part number %d\n", i)
	}
	d, err := facts.Parse("bread.md", []byte("# Bread\n\n## Ingredients\n\nFor two loaves you will need:\n\n"+
		"- 900 g strong white flour\n- 720 g water\n- 20 g fine sea salt\n\n"+
		"Mix everything in a large bowl and leave it covered overnight.\n\n"+
		"## Spares\n\nThe kit ships with these spare parts:\n\n"+long.String()))
	if err != nil {
		t.Fatal(err)
	}
	b := bot.New(facts.NewStore(d), bot.Options{})
	r := b.Answer(context.Background(), "what ingredients do I need for the loaves?")
	var got []string
	for _, c := range r.Citations {
		got = append(got, c.Text)
	}
	want := []string{"For two loaves you will need:", "900 g strong white flour", "720 g water", "20 g fine sea salt"}
	if len(got) < len(want) || strings.Join(got[:len(want)], "|") != strings.Join(want, "|") {
		t.Errorf("cited %q, want %q first", got, want)
	}
	if r := b.Answer(context.Background(), "how much salt goes in?"); len(r.Citations) != 1 || !strings.Contains(r.Citations[0].Text, "salt") {
		t.Errorf("one item answers alone: %+v", r.Citations)
	}
	r = b.Answer(context.Background(), "which spare parts does the kit ship with?")
	if n := len(r.Citations); n != 11 || !strings.HasPrefix(r.Citations[0].Text, "The kit ships") || r.Citations[10].Text != "spare part number 10" {
		t.Errorf("%d citations, first %q: want the introduction and its first ten items", n, r.Citations[0].Text)
	}
}

// A sentence that points to a table below it ("Prices are listed below.")
// is quoted with the table's rows, when the table follows within its
// section; a sentence that does not point below is quoted alone.
func TestATableBelowIsQuotedWithTheSentencePointingToIt(t *testing.T) {
	t.Parallel()
	d, err := facts.Parse("pool.md", []byte("# Pool\n\n## Prices\n\nPay-as-you-go prices are listed below. "+
		"You can pay at reception.\n\n| Ticket | Price |\n|---|---|\n| Adult swim | £5.40 |\n| Junior swim | £3.20 |\n\n"+
		"## Lessons\n\nLessons run on Saturday mornings for children aged four and up.\n"))
	if err != nil {
		t.Fatal(err)
	}
	b := bot.New(facts.NewStore(d), bot.Options{})
	r := b.Answer(context.Background(), "what are the prices?")
	var got []string
	for _, c := range r.Citations {
		got = append(got, c.Quoted())
	}
	if !r.Answered || len(got) < 3 || !strings.HasPrefix(got[0], "Pay-as-you-go prices") ||
		!strings.Contains(strings.Join(got, "|"), "Ticket: Adult swim") || !strings.Contains(strings.Join(got, "|"), "Ticket: Junior swim") {
		t.Errorf("cited %q; want the sentence and the table's rows", got)
	}
	if r := b.Answer(context.Background(), "when do lessons run?"); len(r.Citations) != 1 {
		t.Errorf("lessons: %d citations, want the one sentence", len(r.Citations))
	}
}

// "What clubs are there?" is answered by the rows of the table whose first
// column names clubs, each cited, in order; a question asking more of them
// ("on Monday"), or of a thing no table lists, is the matcher's.
func TestListRequestsQuoteATablesRows(t *testing.T) {
	t.Parallel()
	d, err := facts.Parse("news.md", []byte("# Newsletter\n\n## Clubs\n\nOur clubs start next week and run for ten weeks.\n\n"+
		"| Club | Day | Cost |\n|---|---|---|\n| Football | Monday | £30 |\n| Choir | Tuesday | Free |\n| Netball | Friday | £30 |\n\n"+
		"## Trips\n\nYear 4 will visit the museum in March.\n"))
	if err != nil {
		t.Fatal(err)
	}
	b := bot.New(facts.NewStore(d), bot.Options{})
	for _, q := range []string{"what clubs are there?", "Which clubs are available", "list all the clubs"} {
		r := b.Answer(context.Background(), q)
		var got []string
		for _, c := range r.Citations {
			got = append(got, c.Quoted())
		}
		if !r.Answered || len(got) != 3 || !strings.HasPrefix(got[0], "Club: Football") || !strings.HasPrefix(got[2], "Club: Netball") {
			t.Errorf("%q: %s, cited %q; want the three rows in order", q, r.Kind(), got)
		}
	}
	for _, q := range []string{"what clubs are there on monday", "what trips are there"} {
		if r := b.Answer(context.Background(), q); len(r.Citations) > 1 {
			t.Errorf("%q answered with %d citations: %q", q, len(r.Citations), r.Text)
		}
	}
}

// "How do I upgrade?" is answered by the steps: the sentence that points
// to them ("follow the steps below in order"), under the heading naming
// the upgrade, with each numbered step, rather than a sentence that
// mentions upgrading in passing.
func TestHowToQuotesTheStepsBelow(t *testing.T) {
	t.Parallel()
	d, err := facts.Parse("notes.md", []byte("# Release 4.2\n\nUpgrade soon: version 4.1 will stop getting fixes. "+
		"If you are running an older release, upgrade to 3.8 first and then to 4.2.\n\n"+
		"## Upgrade instructions\n\nCloud customers are upgraded automatically. "+
		"Self-hosted administrators should plan a maintenance window and follow the steps below in order.\n\n"+
		"1. Back up your database.\n2. Put the workspace in maintenance mode.\n3. Run the installer.\n\n"+
		"## Known issues\n\nExports may be slow after upgrading.\n"))
	if err != nil {
		t.Fatal(err)
	}
	b := bot.New(facts.NewStore(d), bot.Options{})
	r := b.Answer(context.Background(), "how do i upgrade")
	var got []string
	for _, c := range r.Citations {
		got = append(got, c.Text)
	}
	want := []string{"Self-hosted administrators", "Back up your database.", "Put the workspace", "Run the installer."}
	if len(got) < len(want) {
		t.Fatalf("cited %q, want the steps", got)
	}
	for k, w := range want {
		if !strings.HasPrefix(got[k], w) {
			t.Errorf("cited %q, want %q first", got, want)
			break
		}
	}
}

// A sentence that sends the reader to a section by name ("Please read the
// Breaking changes section") is quoted with that section's opening.
func TestASectionNamedIsQuoted(t *testing.T) {
	t.Parallel()
	d, err := facts.Parse("notes.md", []byte("# Release 4.2\n\n"+
		"Please read the Breaking changes section carefully before upgrading.\n\n"+
		"## New features\n\nBoards load twice as fast.\n\n"+
		"## Breaking changes\n\nThe REST API v1 has been removed. Old tokens have been revoked.\n"))
	if err != nil {
		t.Fatal(err)
	}
	b := bot.New(facts.NewStore(d), bot.Options{})
	r := b.Answer(context.Background(), "what should i read before upgrading")
	var got []string
	for _, c := range r.Citations {
		got = append(got, c.Text)
	}
	want := []string{"Please read the Breaking changes section carefully before upgrading.", "The REST API v1 has been removed.", "Old tokens have been revoked."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("cited %q, want %q", got, want)
	}
}

// "How much is it to swim?" of a price table whose rows are all swims is
// answered by every swim row, in order, with no one price as the short
// answer; "how much is an adult swim?" by its row alone.
func TestRowsAlikeAreQuotedTogether(t *testing.T) {
	t.Parallel()
	d, err := facts.Parse("pool.md", []byte("# Pool\n\n## Prices\n\nPrices are per session.\n\n"+
		"| Ticket type | Price | Notes |\n|---|---|---|\n"+
		"| Adult swim | £5.40 per session | Ages 16 and over |\n"+
		"| Junior swim | £3.20 per session | Ages 5 to 15 |\n"+
		"| Gym session | £7.00 per session | Includes the sauna |\n"+
		"| Family swim | £14.50 per session | Two adults and three juniors |\n"))
	if err != nil {
		t.Fatal(err)
	}
	b := bot.New(facts.NewStore(d), bot.Options{})
	r := b.Answer(context.Background(), "how much is it to swim")
	var got []string
	for _, c := range r.Citations {
		got = append(got, c.Text)
	}
	want := []string{"| Adult swim |", "| Junior swim |", "| Family swim |"}
	if len(got) != len(want) || r.Short != nil {
		t.Fatalf("cited %q (short answer %v), want the three swim rows and no short answer", got, r.Short)
	}
	for k, w := range want {
		if !strings.HasPrefix(got[k], w) {
			t.Errorf("cited %q, want %q", got, want)
			break
		}
	}
	if r := b.Answer(context.Background(), "how much is an adult swim"); len(r.Citations) != 1 || !strings.Contains(r.Citations[0].Text, "Adult swim") {
		t.Errorf("\"how much is an adult swim\" cited %d rows: %s", len(r.Citations), r.Text)
	}
}

// A row that names a question's word only to leave it out ("Hotel
// (outside London)") is not a row alike: "how much can i spend on a hotel
// in london" is answered by the London row alone.
func TestRowLeavingOutIsNotAlike(t *testing.T) {
	t.Parallel()
	d, err := facts.Parse("handbook.md", []byte("# Handbook\n\n## Expenses\n\n"+
		"| Expense type | Limit | Notes |\n|---|---|---|\n"+
		"| Hotel (outside London) | £120 per night | Includes breakfast |\n"+
		"| Hotel (London) | £180 per night | Includes breakfast |\n"+
		"| Dinner | £35 per day | Overnight trips only |\n"))
	if err != nil {
		t.Fatal(err)
	}
	b := bot.New(facts.NewStore(d), bot.Options{})
	r := b.Answer(context.Background(), "how much can i spend on a hotel in london")
	if len(r.Citations) != 1 || !strings.Contains(r.Citations[0].Text, "£180") {
		var got []string
		for _, c := range r.Citations {
			got = append(got, c.Text)
		}
		t.Errorf("cited %q, want the London row alone", got)
	}
}

// A row chosen for the band a question's number falls in is the answer,
// not one of the rows alike: "im 8 miles away" is the 5-to-12-miles row.
func TestBandedRowIsTheAnswer(t *testing.T) {
	t.Parallel()
	d, err := facts.Parse("faq.md", []byte("# FAQ\n\n## Delivery\n\n"+
		"| Distance | Charge | Free delivery |\n|---|---|---|\n"+
		"| Up to 5 miles away | £6.50 for each delivery | Free on orders over £75 |\n"+
		"| 5 to 12 miles away | £11.00 for each delivery | Free on orders over £150 |\n"+
		"| More than 20 miles away | We do not deliver | Not applicable |\n"))
	if err != nil {
		t.Fatal(err)
	}
	b := bot.New(facts.NewStore(d), bot.Options{})
	r := b.Answer(context.Background(), "how much to get stuff brought to me, im 8 miles away")
	if len(r.Citations) == 0 || !strings.Contains(r.Citations[0].Text, "5 to 12 miles") {
		t.Errorf("answered %q, want the 5 to 12 miles row first", r.Text)
	}
}

// A troubleshooting entry is quoted whole: asked about a fault in the
// reader's words, the reply quotes its cause and its remedy together.
func TestTroubleshootingEntryQuotedWhole(t *testing.T) {
	t.Parallel()
	d, err := facts.Parse("manual.txt", []byte("TROUBLESHOOTING\n\n"+
		"Problem: The kettle switches off before the water boils.\nCause: Limescale has built up on the base.\n"+
		"Solution: Descale the kettle and make sure the lid clicks shut.\n\n"+
		"Problem: The water tastes of plastic.\nCause: The kettle is new.\nSolution: Boil and discard a full kettle of water three times.\n\n"+
		"WARRANTY\n\nThe kettle is guaranteed for two years.\n"))
	if err != nil {
		t.Fatal(err)
	}
	r := bot.New(facts.NewStore(d), bot.Options{}).Answer(context.Background(), "why does my tea taste of plastic")
	if !r.Answered || len(r.Citations) < 2 || r.Citations[0].Text != "Cause: The kettle is new." ||
		r.Citations[1].Text != "Solution: Boil and discard a full kettle of water three times." {
		t.Errorf("reply %q, want the entry's cause and solution", r.Text)
	}
}

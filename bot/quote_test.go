package bot_test

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/storybot/storybot/bot"
	"github.com/storybot/storybot/facts"
)

// A document that is one huge line without full stops is one huge
// "sentence": replies quote an excerpt around the question's words, and
// the citation keeps the whole sentence.
func TestLongSentenceIsQuotedAsAnExcerpt(t *testing.T) {
	t.Parallel()
	filler := strings.Repeat("and then the meeting went on with more talk about nothing in particular ", 12000) // ~0.9 MB
	text := filler + "the treasurer Alice Moreau announced a surplus of nine million " + filler
	d, err := facts.Parse("minutes.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	b := bot.New(facts.NewStore(d), bot.Options{})
	r := b.Answer(context.Background(), "What did the treasurer announce?")
	if !r.Answered || len(r.Citations) == 0 {
		t.Fatalf("not answered: %s", r.Text)
	}
	c := r.Citations[0]
	if c.Text != strings.TrimSpace(text) || c.End-c.Start != len(c.Text) {
		t.Errorf("the citation lost the whole sentence: %d bytes of %d", len(c.Text), len(text))
	}
	q := c.Quoted()
	if n := utf8.RuneCountInString(q); n > bot.MaxQuote {
		t.Errorf("quote of %d characters, want at most %d", n, bot.MaxQuote)
	}
	if !strings.HasPrefix(q, "…") || !strings.HasSuffix(q, "…") || !strings.Contains(q, "treasurer Alice Moreau announced a surplus") {
		t.Errorf("quote is not an excerpt around the question's words: %q", q)
	}
	if len(r.Text) > 2*bot.MaxQuote+200 || !strings.Contains(r.Text, q+" [1]") {
		t.Errorf("reply text of %d bytes does not quote the excerpt", len(r.Text))
	}
}

func TestShortSentencesAreQuotedWhole(t *testing.T) {
	t.Parallel()
	r := storyBot(t).Answer(context.Background(), "Who is the Secretary of State?")
	if len(r.Citations) == 0 || r.Citations[0].Quoted() != r.Citations[0].Text {
		t.Errorf("a short sentence was cut: %+v", r.Citations)
	}
}

// A table row is cited by its offsets (Text is the row as written) and
// quoted readably, each cell with its column's name.
func TestTableRowIsQuotedWithItsColumnNames(t *testing.T) {
	t.Parallel()
	doc := "# Bread\n\nThe schedule:\n\n| Stage | Time | Temperature |\n|---|---|---|\n" +
		"| Autolyse | 45 minutes | Room temperature |\n| Bulk fermentation | 4 to 5 hours | 24–26°C |\n"
	d, err := facts.Parse("bread.md", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	r := bot.New(facts.NewStore(d), bot.Options{}).Answer(context.Background(), "How long is the bulk fermentation?")
	if !r.Answered || len(r.Citations) == 0 {
		t.Fatalf("not answered: %s", r.Text)
	}
	c := r.Citations[0]
	if c.Text != "| Bulk fermentation | 4 to 5 hours | 24–26°C |" || doc[c.Start:c.End] != c.Text {
		t.Errorf("cited %q at [%d:%d], want the row as written", c.Text, c.Start, c.End)
	}
	if want := "Stage: Bulk fermentation; Time: 4 to 5 hours; Temperature: 24–26°C"; c.Quoted() != want || !strings.Contains(r.Text, want) {
		t.Errorf("quoted %q (reply %q), want %q", c.Quoted(), r.Text, want)
	}
}

// A plain text wrapped at a fixed width (a book, an e-mail) is quoted with
// its line breaks read as spaces; the citation's text and offsets stay
// the document's own.
func TestWrappedSentenceIsQuotedOnOneLine(t *testing.T) {
	t.Parallel()
	text := "The lighthouse keeper, who had tended the lamp for thirty\n" +
		"years, retired to the village of Porthcurno in the spring of\n" +
		"    1952 and never climbed the tower again.\n\nThe lamp was automated later.\n"
	d, err := facts.Parse("keeper.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	r := bot.New(facts.NewStore(d), bot.Options{}).Answer(context.Background(), "Where did the lighthouse keeper retire to?")
	if !r.Answered {
		t.Fatalf("not answered: %s", r.Text)
	}
	want := "thirty years, retired to the village of Porthcurno in the spring of 1952 and never"
	if !strings.Contains(r.Text, want) || strings.Contains(r.Citations[0].Quoted(), "\n") {
		t.Errorf("reply %q, want the sentence on one line (%q)", r.Text, want)
	}
	c := r.Citations[0]
	if c.Text != text[c.Start:c.End] || !strings.Contains(c.Text, "\n") {
		t.Errorf("citation text %q is not the document's bytes %d:%d", c.Text, c.Start, c.End)
	}
}

// The lines an e-mail quotes are shown without their "> " marks.
func TestQuotedMailLinesLoseTheirMarks(t *testing.T) {
	t.Parallel()
	d, err := facts.Parse("mail.txt", []byte("Hi Tom,\n\nThanks for the update.\n\nOn Mon, 3 Mar 2025, Tom Reid wrote:\n"+
		"> The passenger lift in the east wing will be closed from Tuesday 11 March.\n> Engineers will be on site from 8am each day.\n"))
	if err != nil {
		t.Fatal(err)
	}
	r := bot.New(facts.NewStore(d), bot.Options{}).Answer(context.Background(), "what time are the engineers on site")
	if !r.Answered || strings.Contains(r.Text, ">") || strings.Contains(r.Text, "wrote:") ||
		!strings.Contains(r.Text, "Engineers will be on site from 8am each day.") {
		t.Errorf("reply %q, want the quoted lines, without their marks or the line introducing them", r.Text)
	}
}

package bot_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/storybot/storybot/bot"
	"github.com/storybot/storybot/facts"
	"github.com/storybot/storybot/story"
)

var update = flag.Bool("update", false, "rewrite golden files")

func storyBot(t testing.TB) *bot.Bot {
	t.Helper()
	d, err := facts.Parse(story.Name, story.Text)
	if err != nil {
		t.Fatal(err)
	}
	return bot.New(facts.NewStore(d), bot.Options{})
}

// render is a stable text form of a reply for golden files.
func render(r bot.Reply) string {
	var b strings.Builder
	fmt.Fprintf(&b, "question: %s\noutcome: %s\nanswered: %v\nconfidence: %.2f\n\n%s\n\ncitations:\n", r.Question, r.Outcome, r.Answered, r.Confidence, r.Text)
	for _, c := range r.Citations {
		fmt.Fprintf(&b, "  [%d] %s sentence %d paragraph %d bytes %d-%d\n", c.N, c.Doc, c.Sentence, c.Paragraph, c.Start, c.End)
	}
	return b.String()
}

func TestGoldenReplies(t *testing.T) {
	t.Parallel()
	b := storyBot(t)
	tests := []struct{ name, q string }{
		{"secretary_of_state", "Who is the Secretary of State?"},
		{"typo", "what did pompoe tell the christian broadcsting network"},
		{"two_sentences", "What did the White House say about Putin's offer?"},
		{"off_topic", "What is the capital of France?"},
		{"gibberish", "asdfghjkl"},
		{"empty", "   "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := render(b.Answer(context.Background(), tt.q))
			path := filepath.Join("testdata", tt.name+".golden")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./bot -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("Answer(%q) =\n%s\nwant\n%s", tt.q, got, want)
			}
		})
	}
}

func TestAnswerCitesWithOffsetsIntoTheDocument(t *testing.T) {
	t.Parallel()
	r := storyBot(t).Answer(context.Background(), "Who is the Secretary of State?")
	if !r.Answered || len(r.Citations) == 0 {
		t.Fatalf("not answered: %s", r.Text)
	}
	c := r.Citations[0]
	if c.Sentence != 11 || c.Paragraph != 10 {
		t.Errorf("cited sentence %d paragraph %d, want 11 and 10", c.Sentence, c.Paragraph)
	}
	if string(story.Text[c.Start:c.End]) != c.Text || !strings.Contains(c.Text, "Mike Pompeo") {
		t.Errorf("citation text %q does not match the file at %d:%d", c.Text, c.Start, c.End)
	}
	if !strings.Contains(r.Text, "[1]") || !strings.Contains(r.Text, "sentence 11, paragraph 10") {
		t.Errorf("answer text lacks the marker or the source:\n%s", r.Text)
	}
}

// A reply's candidates are the ranked sentences, read either as citations
// or one by one (CandidateSentence, which the benchmark uses), alike; a
// refused or small-talk reply has none.
func TestCandidatesReadEitherWayAlike(t *testing.T) {
	t.Parallel()
	b := storyBot(t)
	for _, q := range []string{"Who is the Secretary of State?", "what about the zebras", "What is this document about?", "thanks!"} {
		r := b.Answer(context.Background(), q)
		cands := r.Candidates()
		if q == "thanks!" && len(cands) != 0 || q != "thanks!" && len(cands) == 0 {
			t.Errorf("%q: %d candidates", q, len(cands))
		}
		for k := 0; k <= len(cands); k++ {
			doc, n, ok := r.CandidateSentence(k)
			if k == len(cands) {
				if ok {
					t.Errorf("%q: CandidateSentence(%d) past the %d candidates", q, k, len(cands))
				}
				break
			}
			if !ok || doc != cands[k].Doc || n != cands[k].Sentence {
				t.Errorf("%q: CandidateSentence(%d) = %s %d, candidate is %s %d", q, k, doc, n, cands[k].Doc, cands[k].Sentence)
			}
		}
	}
}

func TestRefusals(t *testing.T) {
	t.Parallel()
	b := storyBot(t)
	tests := []struct {
		name, q string
		want    bot.Outcome
		say     string
	}{
		{"empty", "", bot.OutcomeSmallTalk, "Please ask a question"},
		{"punctuation", "?!?", bot.OutcomeSmallTalk, "Please ask a question"},
		{"too long", strings.Repeat("putin ", 400), bot.OutcomeRefused, "too long"},
		{"invalid UTF-8", "who is \xff\xfe pompeo", bot.OutcomeAnswered, "Pompeo"},
		{"binary", "\x00\x01\x02", bot.OutcomeSmallTalk, "Please ask a question"},
		{"off topic suggests topics", "Who wrote Hamlet?", bot.OutcomeNotFound, "Putin"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := b.Answer(context.Background(), tt.q)
			if r.Outcome != tt.want || !strings.Contains(r.Text, tt.say) {
				t.Errorf("Answer(%.40q) = %s %q, want %s saying %q", tt.q, r.Outcome, r.Text, tt.want, tt.say)
			}
			if r.Outcome != bot.OutcomeAnswered && len(r.Citations) != 0 {
				t.Errorf("unanswered reply cites %v", r.Citations)
			}
		})
	}
}

func TestMultipleDocumentsAreNamed(t *testing.T) {
	t.Parallel()
	d1, _ := facts.Parse(story.Name, story.Text)
	d2, err := facts.Parse("bridges.md", []byte("# Bridges\n\nThe Golden Gate Bridge opened in 1937.\n"))
	if err != nil {
		t.Fatal(err)
	}
	b := bot.New(facts.NewStore(d1, d2), bot.Options{})
	r := b.Answer(context.Background(), "When did the Golden Gate Bridge open?")
	// A Markdown document is named by its first heading.
	if !r.MultiDoc || !r.Answered || r.Citations[0].Doc != "bridges.md" || !strings.Contains(r.Text, "[1] Bridges, sentence 2, paragraph 2") {
		t.Errorf("reply does not name the document by its title:\n%s", r.Text)
	}
	d3, err := facts.Parse("tunnels.txt", []byte("The Holland Tunnel opened in 1927.\n"))
	if err != nil {
		t.Fatal(err)
	}
	b = bot.New(facts.NewStore(d1, d3), bot.Options{})
	r = b.Answer(context.Background(), "When did the Holland Tunnel open?")
	if !r.Answered || !strings.Contains(r.Text, "[1] tunnels.txt, sentence 1, paragraph 1") {
		t.Errorf("reply does not name the untitled document:\n%s", r.Text)
	}
}

// A section under a section is cited with the headings above it: which
// recipe's "Method" the step is from.
func TestNestedSectionIsCitedWithItsParent(t *testing.T) {
	t.Parallel()
	d, err := facts.Parse("recipes.md", []byte("# Three recipes\n\n## Beef pie\n\n### Method\n\nHeat the oven to 160°C.\n\n"+
		"## Salmon traybake\n\n### Method\n\nHeat the oven to 220°C.\n"))
	if err != nil {
		t.Fatal(err)
	}
	r := bot.New(facts.NewStore(d), bot.Options{}).Answer(context.Background(), "salmon traybake oven temp")
	if !r.Answered || !strings.Contains(r.Text, "220°C") || !strings.Contains(r.Text, "[1] Three recipes › Salmon traybake › Method") {
		t.Errorf("reply:\n%s", r.Text)
	}
}

func TestSwapIsAtomicUnderLoad(t *testing.T) {
	t.Parallel()
	b := storyBot(t)
	zebras := []byte("Zebras have stripes.\n")
	other, err := facts.Parse("other.txt", zebras)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{story.Name: story.Text, "other.txt": zebras}
	orig := b.Store()
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 200; j++ {
				for _, q := range []string{"Who is the Secretary of State?", "What do zebras have?"} {
					r := b.Answer(context.Background(), q)
					// Every citation must come whole from one store: a torn
					// read would cite offsets of one file with another's text.
					for _, c := range r.Citations {
						f := files[c.Doc]
						if c.End > len(f) || string(f[c.Start:c.End]) != c.Text {
							t.Errorf("citation %+v does not match %s", c, c.Doc)
							return
						}
					}
				}
			}
		}()
	}
	for i := 0; i < 50; i++ {
		b.Swap(facts.NewStore(other))
		b.Swap(orig)
	}
	wg.Wait()
	b.Swap(facts.NewStore(other))
	if r := b.Answer(context.Background(), "What do zebras have?"); !r.Answered || r.Citations[0].Doc != "other.txt" {
		t.Errorf("after swap: %s", r.Text)
	}
	if r := b.Answer(context.Background(), "Who is the Secretary of State?"); r.Answered {
		t.Errorf("the old store still answers after the swap: %s", r.Text)
	}
}

func ExampleBot_Answer() {
	d, _ := facts.Parse("bridges.txt", []byte("The Golden Gate Bridge opened in 1937. It is painted International Orange.\n"))
	b := bot.New(facts.NewStore(d), bot.Options{})
	fmt.Println(b.Answer(context.Background(), "What colour is the bridge painted?").Text)
	// Output:
	// It is painted International Orange. [1] The Golden Gate Bridge opened in 1937. [2]
	//
	// Sources:
	// [1] sentence 2, paragraph 1
	// [2] sentence 1, paragraph 1
}

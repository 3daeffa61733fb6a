package bot_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/storybot/storybot/bot"
	"github.com/storybot/storybot/facts"
)

// Topic hints are names and nouns, never verbs or function words.
func TestHintsAreNamesAndNouns(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, text string
		want       []string // the suggestions, in any order
		notFound   string   // what the reply must then say
	}{
		{"verbs only: no hint", "The office opens at nine. The canteen opens at noon.\n\nThe library closes at six and opens again on Monday.\n",
			nil, "appear there."},
		{"nouns, not the verbs beside them", "The office opens at nine. The office closes at five. The canteen opens at noon. " +
			"Our canteen serves soup. It serves bread too.\n", []string{"canteen", "office"}, "It covers canteen and office."},
		{"names and nouns", "Anna Berg chairs the council. Anna Berg opens every meeting. The council meets monthly. " +
			"The council opens its doors to all.\n", []string{"Anna", "Berg", "council"}, "It covers"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			d, err := facts.Parse("faq.txt", []byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			r := bot.New(facts.NewStore(d), bot.Options{}).Answer(context.Background(), "Who wrote Hamlet?")
			if r.Answered {
				t.Fatalf("answered: %s", r.Text)
			}
			got := slices.Sorted(slices.Values(r.Suggestions))
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("suggestions %q, want %q", got, tt.want)
			}
			if !strings.HasSuffix(r.Text, tt.notFound) && !strings.Contains(r.Text, tt.notFound) {
				t.Errorf("reply %q, want it to say %q", r.Text, tt.notFound)
			}
		})
	}
}

// A book's furniture ("CONTENTS", "CHAPTER IV", an "Epilogue" twice) is
// not what it covers; a heading with a topic after its number is.
func TestSectionTopicsLeaveOutApparatus(t *testing.T) {
	t.Parallel()
	book := "CONTENTS\n\nCHAPTER I\n\nEpilogue\n\n" +
		"CHAPTER I\n\nCaptain Ahab paced the deck. Ahab watched the sea. The whale rose at dawn.\n\n" +
		"CHAPTER II\n\nAhab called the crew. The whale dived. Ahab swore at the whale.\n\n" +
		"Epilogue\n\nThe ship sank. Ishmael alone survived the whale.\n"
	d, err := facts.Parse("novel.txt", []byte(book))
	if err != nil {
		t.Fatal(err)
	}
	r := bot.New(facts.NewStore(d), bot.Options{}).Answer(context.Background(), "Who wrote Hamlet?")
	for _, s := range r.Suggestions {
		if l := strings.ToLower(s); l == "contents" || l == "epilogue" || strings.HasPrefix(l, "chapter") {
			t.Errorf("suggestions %q offer the book's furniture", r.Suggestions)
			break
		}
	}
	if !slices.Contains(r.Suggestions, "Ahab") {
		t.Errorf("suggestions %q, want Ahab", r.Suggestions)
	}

	manual := "# Shop help\n\n## Contents\n\nSee below.\n\n## Part 1: Refunds\n\nRefunds take five days.\n\n## Part 2: Delivery\n\nDelivery is free over £40.\n"
	d, err = facts.Parse("manual.md", []byte(manual))
	if err != nil {
		t.Fatal(err)
	}
	r = bot.New(facts.NewStore(d), bot.Options{}).Answer(context.Background(), "Who wrote Hamlet?")
	if got := strings.Join(r.Suggestions, "|"); got != "Part 1: Refunds|Part 2: Delivery" {
		t.Errorf("manual suggestions %q, want its two topical sections", got)
	}
}

// Chat spellings and fillers ("gonna", "or nah") are how a message asks,
// never words the documents lack: a refusal names only the topic.
func TestRefusalNamesOnlyTheTopicsWordsLacked(t *testing.T) {
	t.Parallel()
	d, err := facts.Parse("faq.txt", []byte("The office opens at nine. The canteen serves soup at noon.\n"))
	if err != nil {
		t.Fatal(err)
	}
	r := bot.New(facts.NewStore(d), bot.Options{}).Answer(context.Background(), "is it gonna snow tmrw or nah")
	if r.Answered || !strings.Contains(r.Text, "None of its words (snow, tmrw) appear there.") {
		t.Errorf("reply %q, want only snow and tmrw named as missing", r.Text)
	}
}

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

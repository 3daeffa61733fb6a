package bot

import "testing"

// Small talk misspelt as people type it is still small talk; a short
// question about a document that is one edit from a small-talk word is
// not ("who is tim", "what is the tie"), nor is a word that could be two
// different ones ("helo": hello or help).
func TestMisspeltSmallTalk(t *testing.T) {
	t.Parallel()
	for msg, want := range map[string]Talk{
		"wats the tim":           TalkTask,
		"waht time is it":        TalkTask,
		"thnaks so much":         TalkThanks,
		"thank yuo":              TalkThanks,
		"good mornign":           TalkGreeting,
		"godbye":                 TalkBye,
		"who is tim":             TalkNone,
		"what is the tie":        TalkNone,
		"wats the fee":           TalkNone,
		"whos the ceo":           TalkNone,
		"what is the time limit": TalkNone,
		"helo":                   TalkNone,
		"tanks":                  TalkNone, // a word, written as meant
	} {
		if got := SmallTalk(msg); got != want {
			t.Errorf("SmallTalk(%q) = %v, want %v", msg, got, want)
		}
	}
}

func TestEditOne(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"tim", "time", true}, {"waht", "what", true}, {"wait", "what", false},
		{"thnks", "thanks", true}, {"thanks", "thanks", false}, {"thnaks", "thanks", true},
		{"abc", "xyz", false}, {"hello", "help", false},
	} {
		if got := editOne(tt.a, tt.b); got != tt.want {
			t.Errorf("editOne(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

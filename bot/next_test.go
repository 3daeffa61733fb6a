package bot

import (
	"strings"
	"testing"
)

func TestAsksStep(t *testing.T) {
	t.Parallel()
	for q, want := range map[string]int{
		"and what comes right after that":   1,
		"what's next?":                      1,
		"and then?":                         1,
		"then what":                         1,
		"and after that?":                   1,
		"what came before that":             -1,
		"before that?":                      -1,
		"what did nell think after that":    0,
		"what comes after the ceremony":     0,
		"how long was it closed after that": 0,
		"when is the next bus":              0,
	} {
		if got := asksStep(q); got != want {
			t.Errorf("asksStep(%q) = %d, want %d", q, got, want)
		}
	}
}

// "What comes right after that?" is answered by the line after the one
// quoted last, "and before that?" by the line before.
func TestFollowUpStepsThroughTheText(t *testing.T) {
	t.Parallel()
	b := conversationBot(t, "notes.md", "# Episode 87\n\n## Chapters\n\n"+
		"00:00 Introduction\n41:20 Why some breads are easier to digest\n48:10 Listener questions\n"+
		"54:30 What Ines is baking this week\n57:10 Outro\n\n## Sponsor\n\nThis episode is supported by Fieldmill.\n")
	rs := askAll(b, "test:step", "when do they get to listener questions", "and what comes right after that", "what's next?", "and before that?")
	for i, want := range []string{"48:10", "54:30", "57:10", "54:30"} {
		if r := rs[i]; !r.Answered || !strings.Contains(r.Citations[0].Text, want) || len(r.Citations) != 1 && i > 0 {
			t.Errorf("turn %d (read as %q): %s; want the line %s", i+1, r.Understood, r.Text, want)
		}
	}
}

package match

import (
	"strings"
	"testing"

	"github.com/storybot/storybot/english"
)

// "What's the running time" asks how long, as "how long" does; "what time"
// and "what's the opening time" ask when.
func TestActivityTimeIsALength(t *testing.T) {
	t.Parallel()
	for q, want := range map[string]english.Class{
		"whats the running time":        english.Duration,
		"what is the cooking time":      english.Duration,
		"what's the journey time":       english.Duration,
		"what time does it open":        english.Clock,
		"what is the opening time":      english.Clock,
		"what is the best time of year": english.Date,
	} {
		if got := whatUnit(strings.Fields(q)[1:]); got != want {
			t.Errorf("whatUnit(%q) = %v, want %v", q, got, want)
		}
	}
	m := newMatcher(t, "# Season\n\n## Twelfth Night\n\n"+
		"- **Times:** Monday to Saturday at 7.15pm\n"+
		"- **Running time:** approximately 2 hours 45 minutes, including one interval\n\n"+
		"## Access\n\nCaptioned performances: Twelfth Night on Saturday 1 November at 2pm; The Snow Queen on Tuesday 16 December at 2pm.\n")
	r := m.Search("whats the running time for twelfth night", SearchOptions{TopK: 3})
	if !strings.Contains(firstText(r), "2 hours 45 minutes") {
		t.Errorf("running time: first %q, want the running time", firstText(r))
	}
}

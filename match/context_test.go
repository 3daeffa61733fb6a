package match

import (
	"strings"
	"testing"

	"github.com/storybot/storybot/facts"
)

const handbook = "# Staff Handbook\n\n" +
	"## Sick leave\n\n" +
	"Tell your manager by 9am on the first day you are away.\n\n" +
	"A doctor's note is needed after seven days.\n\n" +
	"## Holidays\n\n" +
	"Everyone gets 25 days a year, plus public holidays.\n\n" +
	"Book your days with your manager a month ahead.\n"

// TestContextFindsTheSection: a question about a section's heading finds
// the sentences under it, never the heading itself; a sentence that says
// the question's words itself still outranks one that only sits under
// them.
func TestContextFindsTheSection(t *testing.T) {
	t.Parallel()
	d, err := facts.Parse("handbook.md", []byte(handbook))
	if err != nil {
		t.Fatal(err)
	}
	m := New(facts.NewStore(d))
	tests := []struct{ q, want string }{
		{"what does it say about sick leave?", "Tell your manager by 9am"},
		{"sick leave", "Tell your manager by 9am"},
		{"how many holidays do I get?", "Everyone gets 25 days"},
		{"when must I tell my manager?", "Tell your manager by 9am"},
	}
	for _, tt := range tests {
		r := m.Search(tt.q, SearchOptions{TopK: 5})
		if len(r.Hits) == 0 || !strings.Contains(r.Hits[0].Sentence.Text, tt.want) {
			t.Errorf("Search(%q) top = %q, want the sentence with %q", tt.q, top(r), tt.want)
		}
		for _, h := range r.Hits {
			if h.Sentence.Heading() {
				t.Errorf("Search(%q) returned the heading %q", tt.q, h.Sentence.Text)
			}
		}
	}
}

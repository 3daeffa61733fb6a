package match

import (
	"strings"
	"testing"
)

// A Markdown list writes its labels in bold ("**Director:** Gareth
// Lowe"), and a label's line stands under the heading that names what it
// is about: "who is directing twelfth night" is answered by the director's
// line under "## Twelfth Night", not by a line elsewhere naming the play.
func TestBoldLabelUnderItsHeading(t *testing.T) {
	t.Parallel()
	if label, ok := lineLabel("**Director:** Gareth Lowe, returning after his Macbeth"); !ok || label != "Director" {
		t.Errorf("lineLabel of a bold label = %q, %v", label, ok)
	}
	if label, ok := lineLabel("**Director**: Gareth Lowe"); !ok || label != "Director" {
		t.Errorf("lineLabel of a bold label before its colon = %q, %v", label, ok)
	}
	m := newDocMatcher(t, "season.md", "# Season\n\n## The Lighthouse Keeper's Daughter\n\n"+
		"- **Director:** Priya Raman, our associate director\n"+
		"- **Starring:** Tom Ashworth as Elias Penhallow\n\n"+
		"In 1953 lighthouse keeper Elias Penhallow refuses to leave his post.\n\n"+
		"## Twelfth Night\n\n"+
		"- **Director:** Gareth Lowe, returning after his acclaimed Macbeth\n"+
		"- **Starring:** Amara Okafor as Viola\n\n"+
		"## Access\n\n"+
		"Audio-described performances: Twelfth Night on Wednesday 5 November at 2pm.\n")
	for q, want := range map[string]string{
		"who directs the lighthouse one": "Priya Raman",
		"who is directing twelfth night": "Gareth Lowe",
	} {
		if r := m.Search(q, SearchOptions{TopK: 3}); !strings.Contains(firstText(r), want) {
			t.Errorf("Search(%q) first %q, want %q", q, firstText(r), want)
		}
	}
}

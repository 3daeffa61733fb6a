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

// A labelled line under a heading holds, with its heading, what a
// sentence elsewhere naming the same thing holds, and more: "small hours
// age rating" is answered by the age guidance under "## Small Hours",
// however long its value.
func TestLabelledLineWithItsHeadingCoversMore(t *testing.T) {
	t.Parallel()
	if label, ok := lineLabel("**Age guidance:** 16+ (strong language, references to drug use, haze and strobe lighting)"); !ok || label != "Age guidance" {
		t.Errorf("lineLabel of a bold label with a long value = %q, %v", label, ok)
	}
	if _, ok := lineLabel("Age guidance: we ask parents to use their judgement, as scenes may upset younger children."); ok {
		t.Error("a plain label before a long sentence read as a label")
	}
	m := newDocMatcher(t, "season.md", "# Season\n\n## Small Hours\n\n"+
		"- **Dates:** 5 – 21 February 2026, Studio\n"+
		"- **Age guidance:** 16+ (strong language, references to drug use, haze and strobe lighting)\n"+
		"- **Tickets:** £14 to £22\n\n"+
		"It is 3am in a 24-hour launderette on the edge of the city.\n\n"+
		"## Booking\n\n"+
		"Concessions cannot be combined with any other offer and do not apply to Small Hours.\n")
	if r := m.Search("small hours age rating", SearchOptions{TopK: 3}); !strings.Contains(firstText(r), "16+") {
		t.Errorf("first %q, want the age guidance", firstText(r))
	}
}

// A labelled line naming the kind of answer asked ("Dates:" for "when",
// "Times:" for "what time") under the heading of the thing asked about
// answers before a line elsewhere that names the thing with another date;
// "what year is it set" asks a year, which the dates it runs are not.
func TestKindLabelUnderItsHeading(t *testing.T) {
	t.Parallel()
	m := newDocMatcher(t, "season.md", "# Season\n\n## The Lighthouse Keeper's Daughter\n\n"+
		"- **Dates:** 12 September – 4 October 2025, Main House\n"+
		"- **Times:** Tuesday to Saturday evenings at 7.30pm\n\n"+
		"In the winter of 1953 lighthouse keeper Elias Penhallow refuses to leave his post.\n\n"+
		"## Access\n\n"+
		"Captioned performances: The Lighthouse Keeper's Daughter on Thursday 25 September at 7.30pm; "+
		"Twelfth Night on Saturday 1 November at 2pm.\n")
	for q, want := range map[string]string{
		"when is the lighthouse keepers daughter on": "12 September – 4 October",
		"what year is the lighthouse story set":      "winter of 1953",
	} {
		if r := m.Search(q, SearchOptions{TopK: 3}); !strings.Contains(firstText(r), want) {
			t.Errorf("Search(%q) first %q, want %q", q, firstText(r), want)
		}
	}
}

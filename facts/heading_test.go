package facts

import "testing"

func TestMarkdownTitleAndSections(t *testing.T) {
	doc := "# Staff handbook\n\nWelcome to the team.\n\n## Sick leave\n\nYou get 26 weeks of sick pay. Tell your manager.\n\n### Notes\n\nSee HR.\n"
	d, err := Parse("handbook.md", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "Staff handbook" {
		t.Errorf("Title = %q, want %q", d.Title, "Staff handbook")
	}
	want := map[string]string{
		"Welcome to the team.":          "Staff handbook", // the nearest heading, here the title
		"You get 26 weeks of sick pay.": "Sick leave",
		"Tell your manager.":            "Sick leave",
		"See HR.":                       "Notes",
	}
	for _, s := range d.Sentences {
		if w, ok := want[s.Text]; ok {
			if s.Section != w {
				t.Errorf("%q: Section = %q, want %q", s.Text, s.Section, w)
			}
			delete(want, s.Text)
		}
	}
	if len(want) > 0 {
		t.Errorf("sentences not found: %v", want)
	}
}

// A plain text's title is a short first line without a full stop; a
// text that opens with a sentence has none.
func TestPlainTextTitle(t *testing.T) {
	d, err := Parse("notes.txt", []byte("Harbour notes\n\nThe ferry leaves at nine. It returns at five.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "Harbour notes" {
		t.Errorf("title %q, want %q", d.Title, "Harbour notes")
	}
	d, err = Parse("story.txt", []byte("The ferry leaves at nine. It returns at five.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "" {
		t.Errorf("a text that opens with a sentence got the title %q", d.Title)
	}
}

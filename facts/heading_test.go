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
		"Welcome to the team.":          "",
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

func TestPlainTextHasNoTitle(t *testing.T) {
	d, err := Parse("notes.txt", []byte("# not a heading here\n\nA sentence.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "" || d.Sentences[len(d.Sentences)-1].Section != "" {
		t.Errorf("plain text got title %q, section %q", d.Title, d.Sentences[len(d.Sentences)-1].Section)
	}
}

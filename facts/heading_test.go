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
	// A closing parenthetical (dates, a qualifier) does not make a title
	// a sentence.
	d, err = Parse("bio.txt", []byte("The Life of Edda Halvorsen (1904–1971)\n\nShe was born in Tromsø. She died in 1971.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "The Life of Edda Halvorsen (1904–1971)" || !d.Sentences[0].Heading {
		t.Errorf("title %q, want the line with its dates", d.Title)
	}
	d, err = Parse("story.txt", []byte("The ferry leaves at nine. It returns at five.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "" {
		t.Errorf("a text that opens with a sentence got the title %q", d.Title)
	}
}

// A plain text's section titles written in sentence case ("Charging the
// battery") head the prose after them; a short line that is not followed
// by prose (one line of a list or an address) does not.
func TestPlainTextTitleLines(t *testing.T) {
	t.Parallel()
	doc := "Kettle guide\n\nThank you for buying this kettle.\n\nCleaning the kettle\n\n" +
		"Descale it once a month. Use white vinegar.\n\nWarranty\n\nThe kettle is covered for two years.\n\n" +
		"Contact us\n\nHelpline\n\n0800 123 456\n"
	d, err := Parse("kettle.txt", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	heading := map[string]bool{}
	section := map[string]string{}
	for _, s := range d.Sentences {
		heading[s.Text] = s.Heading
		section[s.Text] = s.Section
	}
	for _, h := range []string{"Kettle guide", "Cleaning the kettle", "Warranty"} {
		if !heading[h] {
			t.Errorf("%q is not a heading", h)
		}
	}
	for _, h := range []string{"Contact us", "Helpline", "0800 123 456"} {
		if heading[h] {
			t.Errorf("%q, which no prose follows, is a heading", h)
		}
	}
	if section["Use white vinegar."] != "Cleaning the kettle" || section["The kettle is covered for two years."] != "Warranty" {
		t.Errorf("sections: %q, %q", section["Use white vinegar."], section["The kettle is covered for two years."])
	}
}

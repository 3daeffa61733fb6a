package match

import (
	"slices"
	"strings"
	"testing"
)

func TestLifeDates(t *testing.T) {
	for text, want := range map[string]string{
		"Emil Aurelius Sarnow (14 March 1862 – 9 November 1931) was a Baltic German composer.": "emil aurelius sarnow",
		"Ada Whitlow (born 1904) is a potter.":                                                 "ada whitlow",
		"The couple had two daughters, Clara (born 1893) and Sigrid (born 1897).":              "clara",
		"Sarnow was born in Libau (now Liepāja, Latvia), the third of five children.":          "",
		"He wrote his Symphony No. 1 in D major (1888) for the orchestra.":                     "",
		"The bridge (built 1826) still stands.":                                                "",
	} {
		if got := strings.Join(lifeDates(text), " "); got != want {
			t.Errorf("lifeDates(%q) = %q, want %q", text, got, want)
		}
	}
}

// "When was he born?" of a biography is answered by the life dates its
// opening sentence gives after the name, not by a sentence saying "born"
// of someone else or of a place; a sentence that states the birth date
// stands, and a question that asks where, or of a thing, is left alone.
func TestBirthDateFromLifeDates(t *testing.T) {
	t.Parallel()
	bio := "Emil Aurelius Sarnow (14 March 1862 – 9 November 1931) was a Baltic German composer and organist.\n\n" +
		"Sarnow was born in Libau, the third of five children of a ship's chandler.\n\n" +
		"In 1892 he married Ingeborg Falck; the couple had two daughters, Clara (born 1893) and Sigrid (born 1897).\n\n" +
		"He was born again, he liked to say, on the day he first heard an organ."
	m := newMatcher(t, bio)
	for q, want := range map[string]string{
		"when was he born":           "Emil Aurelius Sarnow (14 March",
		"what year was sarnow born?": "Emil Aurelius Sarnow (14 March",
		"when was clara born":        "Clara (born 1893)",
		"where was he born":          "was born in Libau",
	} {
		r := m.Search(q, SearchOptions{TopK: 3})
		if len(r.Hits) == 0 || !strings.Contains(r.Hits[0].Sentence.Text, want) {
			t.Errorf("Search(%q) first %q, want the sentence with %q", q, firstText(r), want)
		}
	}
	stated := newMatcher(t, "Ada Whitlow (1904–1990) was a potter.\n\nAda Whitlow was born on 3 May 1904 in Leeds, where her father kept a shop.\n\nShe was born to work with clay, her teacher said.")
	if r := stated.Search("when was ada whitlow born", SearchOptions{TopK: 3}); len(r.Hits) == 0 ||
		!slices.ContainsFunc(r.Hits[:1], func(h Hit) bool {
			return strings.Contains(h.Sentence.Text, "3 May 1904") || strings.Contains(h.Sentence.Text, "(1904–1990)")
		}) {
		t.Errorf("a stated birth date lost: first %q", firstText(r))
	}
}

func firstText(r *Result) string {
	if len(r.Hits) == 0 {
		return ""
	}
	return r.Hits[0].Sentence.Text
}

// "How did he die?" of an entry whose opening gives the life dates is
// answered by the sentence saying how he died, not by the dates; a death
// "in 1963" says when, and "after his death" says neither.
func TestHowSomeoneDied(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "James Byron Dean (February 8, 1931 – September 30, 1955) was an American actor.\n\n"+
		"Dean's films were still being released after his death.\n\n"+
		"He is remembered as a cultural icon of teenage disillusionment.\n\n"+
		"His premature death in a car crash cemented his legendary status.\n")
	if r := m.Search("how did James Dean die?", SearchOptions{TopK: 5}); !strings.Contains(firstText(r), "car crash") {
		t.Errorf("first %q, want how he died", firstText(r))
	}
	for text, want := range map[string]bool{
		"His premature death in a car crash cemented his legendary status.": true,
		"He died on June 3, 2009, apparently of asphyxiation.":              true,
		"He served from 1961 until his death in 1963.":                      false,
		"Films were released after his death.":                              false,
	} {
		if got := saysDeath(text); got != want {
			t.Errorf("saysDeath(%q) = %v, want %v", text, got, want)
		}
	}
}

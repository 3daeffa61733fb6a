package match

import (
	"slices"
	"testing"
)

// A sentence's spans of the day, in minutes since midnight, written the
// ways opening hours are.
func TestSentenceHours(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		text string
		want [][2]int
	}{
		{"We can't take bookings on Saturdays between 10am and 1pm.", [][2]int{{600, 780}}},
		{"Open from 8:00am to 6:00pm at weekends.", [][2]int{{480, 1080}}},
		{"Tuesday to Friday: 8am to 4pm", [][2]int{{480, 960}}},
		{"Lessons run 9.30am-12pm and 10:00–12:30 in term.", [][2]int{{570, 720}, {600, 750}}},
		{"The talk runs from 7 pm until 8 pm.", [][2]int{{1140, 1200}}},
		{"Groups of 10 to 12 people pay £5 each.", nil},
		{"It opened in 1998 and closed in 2004.", nil},
	} {
		if got := sentenceHours(tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("sentenceHours(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
	for _, tt := range []struct {
		q     string
		want  [][2]int
		words []string
	}{
		{"can i book a table for saturday at 11", [][2]int{{660, 1380}}, []string{"11"}},
		{"is it open at 7pm", [][2]int{{1140, 1140}}, []string{"7pm"}},
		{"are you open at 17:30", [][2]int{{1050, 1050}}, []string{"17", "30"}},
		{"we are a group of 11", nil, nil},
		{"can i use my bus pass before 9", nil, nil},
		{"do buses run after 7pm", nil, nil},
	} {
		got, words := questionTimes(tt.q)
		if !slices.Equal(got, tt.want) || !slices.Equal(words, tt.words) {
			t.Errorf("questionTimes(%q) = %v %q, want %v %q", tt.q, got, words, tt.want, tt.words)
		}
	}
}

// A question naming a time of day is answered by the sentence whose span
// holds it, which never writes its number, and the number is how it asks,
// not a topic the text lacks: "is it open at 8 on a tuesday" is answered.
func TestTimeOfDayInASpan(t *testing.T) {
	t.Parallel()
	m := newDocMatcher(t, "cafe.md", "# Cafe\n\n## Opening hours\n\n- Monday: closed all day\n- Tuesday to Friday: 8am to 4pm\n- Saturday: 9am to 5pm\n\n"+
		"## Bookings\n\nWe don't take bookings for tables of fewer than six; just turn up. "+
		"We can't take bookings on Saturdays between 10am and 1pm, our busiest time. "+
		"For groups of eight or more we ask for a deposit of £5 per person.\n")
	wantTop(t, m, "can i book a table for saturday at 11", "between 10am and 1pm")
	// The asker's own time, beside a question of something else, is no
	// time asked about: the first bus is not the span that holds 6:30.
	b := newMatcher(t, "Buses run every 20 minutes from 6:15am to 7:45pm. The first bus from Northgate will leave at 5:50am.")
	wantTop(t, b, "i start work at 6:30am, whats the first bus from northgate", "5:50am")
	r := m.Search("is it open at 8 on a tuesday", SearchOptions{})
	if len(r.Hits) == 0 || r.Hits[0].Sentence.Text != "Tuesday to Friday: 8am to 4pm" || r.Confidence < 0.35 {
		t.Errorf("is it open at 8 on a tuesday: top %v, confidence %.2f; want the Tuesday hours, answered", top(r), r.Confidence)
	}
}

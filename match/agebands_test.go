package match

import (
	"slices"
	"strings"
	"testing"
)

func TestAskerAges(t *testing.T) {
	for q, want := range map[string][]float64{
		"im 23 is there an extra charge":          {23},
		"i am 64 do i get a discount":             {64},
		"my son is 17 can he go alone":            {17},
		"my lad is 13, how much for the year":     {13},
		"my toddler is 3 does she need a ticket":  {3},
		"price for my 14 yr old?":                 {14},
		"can a 22 year old hire a van":            {22},
		"is it ok for my 6yo":                     {6},
		"she's 5, is she allowed":                 {5},
		"even the baby? he's 6 months":            {0.5},
		"i am 2 weeks in to the job":              nil,
		"explain recursion like im five":          nil,
		"my dog is 3, can he come":                nil, // an animal's age is no rule's
		"im 3 days late with the rent":            nil,
		"my order is 12 what now":                 nil,
		"i have been a member for 3 years":        nil,
		"can i bring 2 friends":                   nil,
		"the room is 20 metres long is it":        nil,
		"we are 4 adults and 2 children how much": nil,
	} {
		words := strings.FieldsFunc(strings.ToLower(strings.NewReplacer("'", "").Replace(q)), func(r rune) bool {
			return !('a' <= r && r <= 'z' || '0' <= r && r <= '9')
		})
		if got := askerAges(words); !slices.Equal(got, want) {
			t.Errorf("askerAges(%q) = %v, want %v", q, got, want)
		}
	}
}

func TestAgeBandsOfRules(t *testing.T) {
	for text, want := range map[string][][2]float64{
		"Drivers aged 21 to 24 pay a surcharge.":             {{21, 24}},
		"Users aged 14 and 15 may use the gym.":              {{14, 15}},
		"Children under 5 travel free.":                      {{-1, 4.5}},
		"Children under five go free.":                       {{-1, 4.5}},
		"Juniors (under 16): £70 per year":                   {{-1, 15.5}},
		"Students and over-60s: £80 per year":                {{60, -1}},
		"Teen ticket (13 to 17): £85":                        {{13, 17}},
		"Anyone under the age of 16 must bring an adult.":    {{-1, 15.5}},
		"Full membership is open to adults 18 and over.":     {{18, -1}},
		"Child fares (ages 5 to 15) are half price.":         {{5, 15}},
		"The course suits 8 to 11 year olds.":                {{8, 11}},
		"Parcels under 5 kg go second class.":                nil,
		"Orders over £50 ship free.":                         nil,
		"Open from 9 to 17 on weekdays.":                     nil,
		"The tour takes 2 to 3 hours, with up to 12 people.": nil,
		"Groups of 10 or more get a discount.":               nil,
	} {
		var got [][2]float64
		for _, b := range ageBands(text) {
			lo, hi := b.lo, b.hi
			if lo < -1e300 {
				lo = -1
			}
			if hi > 1e300 {
				hi = -1
			}
			got = append(got, [2]float64{lo, hi})
		}
		if !slices.Equal(got, want) {
			t.Errorf("ageBands(%q) = %v, want %v", text, got, want)
		}
	}
}

// An age the question states finds the sentence whose band holds it,
// though it shares no word with the question, and the answer is given;
// the narrowest band wins over a rule for everyone, and a question that
// states no age, or an animal's, is left to the words.
func TestAgeBandAnswers(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "Ferry fares.\n\n"+
		"Adult returns cost £12 and extra luggage is charged at £3 a bag. "+
		"Children aged 5 to 15 pay half the adult fare. "+
		"Under-5s travel free with a paying adult. "+
		"Passengers over 65 pay £8 for a return. "+
		"All passengers aged 16 to 99 must show photo ID on boarding. "+
		"Motorbikes may only be ridden on board by riders aged 18 or over. "+
		"Dogs travel free but must stay on a lead. "+
		"Passengers aged 16 and 17 may travel alone with a signed consent form.")
	for q, want := range map[string]string{
		"my boy is 9 what does he pay":                 "Children aged 5 to 15",
		"im 70 is there an extra charge":               "over 65",
		"my toddler is 2 does she need a ticket":       "Under-5s",
		"can my 16 yr old go by himself":               "16 and 17",
		"can my 16 yr old ride his motorbike on board": "18 or over", // the rule for what is asked
	} {
		r := m.Search(q, SearchOptions{})
		if len(r.Hits) == 0 || !strings.Contains(r.Hits[0].Sentence.Text, want) || r.Confidence < 0.35 {
			t.Errorf("Search(%q): want %q answered, got confidence %.2f:\n%s", q, want, r.Confidence, r.Explain())
		}
	}
	for q, not := range map[string]string{
		"is there an extra charge for luggage": "aged",
		"my dog is 3 can he come":              "aged",
	} {
		r := m.Search(q, SearchOptions{})
		if len(r.Hits) > 0 && strings.Contains(r.Hits[0].Sentence.Text, not) {
			t.Errorf("Search(%q) = %q, a band of age", q, r.Hits[0].Sentence.Text)
		}
	}
}

// A price asked of an age is not answered by a band of age that names no
// price ("anyone under 16" may not collect), when the first candidate
// names one: the morning session's row answers for a 1-year-old.
func TestAgeBandWithoutThePriceAsked(t *testing.T) {
	t.Parallel()
	m := newDocMatcher(t, "nursery.md", "# Nursery\n\n## Fees\n\n"+
		"| Session | Times | Under 2 years | 2 years and over |\n|---|---|---|---|\n"+
		"| Morning | 7.30am to 1pm | £42 per morning session | £38 per morning session |\n"+
		"| Full day | 7.30am to 6pm | £72 per full day | £66 per full day |\n\n"+
		"## Collection\n\nWe will never release a child to anyone under 16 years of age.\n")
	r := m.Search("how much is a morning for my 1 year old", SearchOptions{})
	if len(r.Hits) == 0 || !strings.Contains(r.Hits[0].Sentence.Text, "£42") {
		t.Errorf("first %q, want the morning's prices", firstText(r))
	}
}

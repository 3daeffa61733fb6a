package match

import (
	"math"
	"slices"
	"testing"
)

// A sentence's bands: ranges, open ends, a unit after the number or
// before "of".
func TestSentenceBands(t *testing.T) {
	t.Parallel()
	inf := math.Inf(1)
	for _, tt := range []struct {
		text string
		want []band
	}{
		{"| 2 to 4 years | 27 | Up to 5 days |", []band{{2, 4, "year"}, {math.Inf(-1), 5 * 24 * 60, minuteUnit}}},
		{"Less than 2 years of service", []band{{math.Inf(-1), 2, "year"}}},
		{"| 5 years or more | 30 |", []band{{5, inf, "year"}}},
		{"Groups of 10 or more must book.", []band{{10, inf, "group"}}},
		{"Children aged 8-15 years go free.", []band{{8, 15, "year"}}},
		{"It takes between 3 and 5 weeks.", []band{{3 * 7 * 24 * 60, 5 * 7 * 24 * 60, minuteUnit}}},
		{"30 to 59 minutes late: half the fare", []band{{30, 59, minuteUnit}}},
		{"2 hrs or more: the whole fare", []band{{120, inf, minuteUnit}}},
		{"At least 6 people are needed.", []band{{6, inf, "person"}}},
		{"It opened in 1998 and closed in 2004.", nil},
		{"Climbers aged 8 to 15 must be supervised; anyone aged 16 or over may join.", []band{{8, 15, "year"}, {16, inf, "year"}}},
	} {
		got := sentenceBands(tt.text)
		if len(got) != len(tt.want) {
			t.Errorf("sentenceBands(%q) = %v, want %v", tt.text, got, tt.want)
			continue
		}
		for k := range got {
			if got[k] != tt.want[k] {
				t.Errorf("sentenceBands(%q) = %v, want %v", tt.text, got, tt.want)
				break
			}
		}
	}
}

// A question that says where the reader stands ("I've been here 3 years")
// is answered by the band that holds it, not a row that writes its number
// in another unit; a band that shares nothing else with the question is
// not brought up.
func TestBandHoldingTheQuestionsNumber(t *testing.T) {
	t.Parallel()
	m := newDocMatcher(t, "h.md", "# Holiday\n\nThe holiday year runs from 1 January to 31 December.\n\n"+
		"| Years of service | Annual leave (days) | Carry-over allowed |\n|---|---|---|\n"+
		"| Less than 2 years | 25 | Up to 3 days |\n| 2 to 4 years | 27 | Up to 5 days |\n| 5 years or more | 30 | Up to 5 days |\n\n"+
		"# Visits\n\nChildren under 8 years must be accompanied by an adult. Entry for children aged 8 to 15 years is free.\n")
	for _, tt := range []struct{ q, want string }{
		{"ive been here 3 years, how much holiday do i get now", "| 2 to 4 years |"},
		{"i've worked here for 7 years, how much annual leave do i get", "| 5 years or more |"},
		{"my son is 10 years old, does he need an adult with him?", "under 8 years"},
	} {
		wantTop(t, m, tt.q, tt.want)
	}
	// A clipped unit is its word, and units of time are one scale: "40
	// mins" is in "30 to 59 minutes", "2 hours" in "120 minutes or more".
	m = newDocMatcher(t, "delays.txt", "Delay compensation\n\n"+
		"If your train is late, you can claim back part of your fare. Advance tickets can be changed before the first train for a fee of £10.\n\n"+
		"Delayed 15 to 29 minutes: a quarter of the fare\nDelayed 30 to 59 minutes: half the fare\n"+
		"Delayed 60 to 119 minutes: the whole fare\nDelayed 120 minutes or more: the whole return fare\n")
	for _, tt := range []struct{ q, want string }{
		{"how much do i get back if my train was delayed 40 mins", "30 to 59 minutes"},
		{"my train was delayed 2 hours how much do i get back", "120 minutes"},
	} {
		wantTop(t, m, tt.q, tt.want)
	}
}

// The days a sentence names or spans, from Monday (bit 0).
func TestSentenceDays(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		text string
		want uint8
	}{
		{"The museum is open from Tuesday to Sunday, 10am to 5pm.", 0b1111110},
		{"| Slack | Mon–Fri 7:30–19:00 |", 0b0011111},
		{"Open 8am to 6pm at weekends.", 0b1100000},
		{"Late opening on Fridays.", 0b0010000},
		{"Open Friday to Monday.", 0b1110001},
		{"We sat in the sun on Wednesday.", 0b0000100},
	} {
		if got := sentenceDays(tt.text); got != tt.want {
			t.Errorf("sentenceDays(%q) = %07b, want %07b", tt.text, got, tt.want)
		}
	}
}

// "What time do you open on saturdays?" is answered by the sentence whose
// days span Saturday, not one that names Thursday; "on sunday" by the
// sentence that gives weekend hours.
func TestDaysTheQuestionAsksAbout(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "Welcome to the Vale Museum. "+
		"On the first Thursday of every month the museum stays open late until 8pm. "+
		"Tours leave at 11am every day. "+
		"The museum is open from Tuesday to Sunday, 10am to 5pm. "+
		"The cafe is open from 9am to 4pm on weekdays and from 10am to 3pm at weekends.")
	for _, tt := range []struct{ q, want string }{
		{"wat time do you open on saturdays", "Tuesday to Sunday"},
		{"what time does the cafe open on sunday", "at weekends"},
	} {
		wantTop(t, m, tt.q, tt.want)
	}
	// A yes/no question too, when the first candidate names no day: the
	// museum "opened in 2016" says nothing of Sundays.
	m = newDocMatcher(t, "cafe.md", "# The Kettle\n\nThe Kettle was opened in 2016 by two sisters.\n\n## Hours\n\n"+
		"- Monday: closed all day\n- Tuesday to Friday: 8am to 4pm\n- Sunday: 9am to 2pm (brunch only)\n")
	wantTop(t, m, "are u open on sunday", "Sunday: 9am to 2pm")
}

// "Which day are the bins collected?" is answered by the sentence naming
// a day of the week, not by one that only says "collection day".
func TestWhichDayPrefersAWeekday(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "Rubbish and recycling. "+
		"Please put the bins out at the end of the drive by 7am on collection day. "+
		"General rubbish goes in the black bin, and it is collected every Tuesday morning. "+
		"Glass goes to the bottle bank.")
	wantTop(t, m, "which day are the bins collected", "Tuesday")
}

// "on sat", "every sun" are days; "she sat down", "the sun" are not.
func TestDayAbbreviationsWhereADayGoes(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "Welcome to the Vale Museum. "+
		"On the first Thursday of every month the museum stays open late until 8pm. "+
		"The museum is open from Tuesday to Sunday, 10am to 5pm. "+
		"Visitors sat in the sun on the terrace.")
	wantTop(t, m, "what time do you open on sat", "Tuesday to Sunday")
	for _, q := range []string{"where was the sun", "who sat on the terrace"} {
		if r := m.Search(q, SearchOptions{}); slices.ContainsFunc(r.Corrections, func(c Correction) bool { return c.Method == "day abbreviation" }) {
			t.Errorf("Search(%q) read a day: %+v", q, r.Corrections)
		}
	}
}

// An age is a band of years without the word: "aged 8 to 15" holds the
// reader's "my son is 10", and the number 10 written as a price ("£10")
// is no answer to it.
func TestAgeBands(t *testing.T) {
	t.Parallel()
	if got := questionQuantities([]string{"my", "son", "is", "10", "does", "he", "need", "an", "adult"}); len(got) != 1 || got[0] != (quantity{10, "year"}) {
		t.Errorf("questionQuantities(my son is 10…) = %v, want 10 years", got)
	}
	if got := questionQuantities([]string{"the", "fee", "is", "10"}); len(got) != 0 {
		t.Errorf("questionQuantities(the fee is 10) = %v, want none: a fee is no person", got)
	}
	m := newDocMatcher(t, "pool.txt", "Pool rules\n\nChildren aged 8 to 15 must be accompanied by an adult in the main pool.\n"+
		"Swimmers aged 16 or over may swim alone at any time.\nA lost locker key costs £10 and an adult must sign for it.\n")
	wantTop(t, m, "my son is 10, does he need an adult with him?", "aged 8 to 15")
}

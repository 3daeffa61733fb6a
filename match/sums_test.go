package match

import (
	"strings"
	"testing"

	"github.com/storybot/storybot/english"
)

// A number the question counts with ("my 10 year old") does not match
// the same number written as a sum ("a £10 admin charge"); written as a
// sum in the question, or beside a plain one in the sentence, it does.
func TestPlainNumberIsNoSum(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "If a payment fails we add a £10 admin charge. "+
		"Children under 16 must be supervised by an adult. "+
		"The 10 minute rule applies to every wall.")
	matched := func(q, sentence string) bool {
		for _, h := range m.Search(q, SearchOptions{TopK: 10}).Hits {
			if strings.Contains(h.Sentence.Text, sentence) {
				return h.Matched != 0
			}
		}
		return false
	}
	for _, tt := range []struct {
		q, sentence string
		want        bool
	}{
		{"can my 10 year old climb alone", "£10 admin", false},
		{"can my 10 year old climb alone", "10 minute rule", true},
		{"what is the £10 charge for", "£10 admin", true},
		{"why did i pay 10 quid", "£10 admin", true},
	} {
		if got := matched(tt.q, tt.sentence); got != tt.want {
			t.Errorf("%q matches the sentence with %q: %v, want %v", tt.q, tt.sentence, got, tt.want)
		}
	}
}

func TestMoneyAt(t *testing.T) {
	t.Parallel()
	for text, want := range map[string]bool{
		"£2 per person": true, "$ 5 each": true, "20 quid": true, "it costs 30 Euros": true,
		"for 2 people": false, "my 10 year old": false, "2pm": false,
	} {
		got, seen := false, false
		english.Tokenize(text, func(tok english.Token) {
			if tok.Digit && !seen {
				got, seen = moneyAt(text, tok), true
			}
		})
		if got != want {
			t.Errorf("moneyAt(%q) = %v, want %v", text, got, want)
		}
	}
}

// "How much is peak per month" wants the monthly price of Peak, not the
// annual one that mentions months, nor another thing's monthly price.
func TestPricePerUnitPrefersTheRate(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "Membership terms.\n\n"+
		"An annual membership paid upfront costs £520 for Peak, equivalent to two months free. "+
		"A frozen membership costs £5 per month. "+
		"Monthly fees are £52 for Peak and £38 for Off-Peak. "+
		"Peak members receive two free guest passes per calendar month.")
	wantTop(t, m, "how much is peak per month", "Monthly fees")
	wantTop(t, m, "how much is a frozen membership per month", "frozen")
	wantTop(t, m, "how much is the annual membership for peak", "annual")
}

func TestStatesRate(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		text, unit string
		want       bool
	}{
		{"Monthly fees are £52.", "month", true},
		{"Rooms are £95 a night.", "night", true},
		{"It costs £5 per person.", "person", true},
		{"Two months free.", "month", false},
		{"£95 a night.", "month", false},
	} {
		if got := statesRate(tt.text, tt.unit); got != tt.want {
			t.Errorf("statesRate(%q, %q) = %v, want %v", tt.text, tt.unit, got, tt.want)
		}
	}
	for q, want := range map[string]string{
		"how much is peak per month": "month",
		"whats the nightly rate":     "",
		"what is the weekly fee":     "week",
		"how many visits per month":  "",
		"how much per person is it":  "person",
	} {
		if got := askedRate(strings.Fields(q)); got != want {
			t.Errorf("askedRate(%q) = %q, want %q", q, got, want)
		}
	}
}

func TestPartOfNumber(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		text, num string
		want      bool
	}{
		{"costs £2 each", "2", false},
		{"costs £2.50 each", "2", true},
		{"a fee of £1,200", "1", true},
		{"room 210", "10", true},
		{"the 2nd floor", "2", true},
		{"ends at 2.", "2", false},
	} {
		i := strings.Index(tt.text, tt.num)
		if got := partOfNumber(tt.text, i, i+len(tt.num)); got != tt.want {
			t.Errorf("partOfNumber(%q, %q) = %v, want %v", tt.text, tt.num, got, tt.want)
		}
	}
}

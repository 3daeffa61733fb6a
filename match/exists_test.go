package match

import (
	"strings"
	"testing"
)

// "Is there a lift?" is not answered by a sentence that never names one.
func TestAbsentThingRefused(t *testing.T) {
	m := newDocMatcher(t, "inn.txt", `The Harbour Inn

The attic rooms on the third floor have sloping ceilings and views of the harbour. Guests can borrow a hairdryer from reception.

A defibrillator is kept behind the bar. Students need a valid ID card to join the book club.

Members receive a 10% discount at the café.

The inn has its own small car park behind the building.
`)
	wantRefused(t, m, "is there a lift up to the attic rooms") // named nowhere
	wantRefused(t, m, "is there a student discount")           // "student" is elsewhere, not with the discount
	wantAnswered(t, m, "is there a hairdryer i can borrow", "hairdryer")
	wantAnswered(t, m, "is there a hairdyer i can borrow", "hairdryer") // a typo the matcher mends
	wantAnswered(t, m, "is there any parking", "car park")
	// What a place has, offers or sells, asked of it.
	v := newDocMatcher(t, "vet.md", `# Prices

| Treatment | Dogs | Cats | Rabbits |
|---|---|---|---|
| Kennel cough vaccine | £38.00 given up the nose | Not offered | Not offered |
| Annual booster | £58.00 | £54.00 | £49.50 |

We offer nurse clinics for weight checks and nail clipping.
`)
	wantRefused(t, v, "do you offer hydrotherapy for dogs")
	wantRefused(t, m, "do u have a gym or sauna")
	wantAnswered(t, m, "do you have a hairdryer", "hairdryer")
	wantAnswered(t, m, "do you have a lift or a defib", "defibrillator") // one of them is enough
	wantAnswered(t, m, "do they do student discounts", "discount")       // a word of it, for what a place offers
	for q, want := range map[string]string{
		"is there a lift up to the attic": "lift", "are there any lockers i can rent": "lockers",
		"is there a student discount": "student discount", "where is the lift": "", "is it open": "",
		"is there a limit lost receipt claim": "", "do u have a gym or sauna as well": "gym|sauna",
		"do you sell gift vouchers": "gift vouchers", "do you think it will rain": "", "does it have a screen": "",
	} {
		var got []string
		for _, thing := range existentialThings(strings.Fields(q)) {
			got = append(got, strings.Join(thing, " "))
		}
		if strings.Join(got, "|") != want {
			t.Errorf("existentialThings(%q) = %q, want %q", q, got, want)
		}
	}
}

// A long text, whose sentences the reranker does not read, is checked by
// the words as written, and nothing breaks.
func TestAbsentThingInALongText(t *testing.T) {
	var b strings.Builder
	for i := 0; i < rerankMaxSentences+100; i++ {
		b.WriteString("The keeper walked along the shore and counted the boats in the harbour. ")
	}
	b.WriteString("There is a small lift behind the lighthouse door.\n")
	m := newDocMatcher(t, "long.txt", b.String())
	if len(m.sents) <= rerankMaxSentences {
		t.Fatalf("%d sentences: not a long text", len(m.sents))
	}
	wantAnswered(t, m, "is there a lift in the lighthouse", "lift")
	wantRefused(t, m, "is there a boathouse on the shore")
}

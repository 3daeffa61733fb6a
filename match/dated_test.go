package match

import (
	"strings"
	"testing"

	"github.com/storybot/storybot/english"
)

// "When…" is answered by a near candidate that names a date or a time
// when the first names none ("until" only speaks of time); a question not
// opening with "when" keeps the ranking's order.
func TestWhenPrefersADatedSentence(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "Club news.\n\n"+
		"Until the new grass settles, please no studs longer than 15mm on the top pitch. "+
		"The council has finished draining the top pitch at Mill Lane, and it will be back in use from Saturday 8 March.\n\n"+
		"The tea hut needs volunteers.")
	wantTop(t, m, "when can we play on the top pitch again", "8 March")
	wantTop(t, m, "what date can we play on the top pitch again", "8 March")
	wantTop(t, m, "can we wear studs on the top pitch", "Until the new grass")
}

// The sentence after the first candidate, going on about what it named
// ("It is…"), answers "when" when it dates something and the first does
// not, however low it scores for naming its subject by a pronoun; one
// that does not go on about it (no pronoun) is left where it is.
func TestWhenPrefersTheDatedSentenceThatGoesOn(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "Guest notes.\n\n"+
		"Each guest gets a spare key for the side gate and a parking permit for the yard behind the mill. "+
		"It is posted to you on the Monday before you arrive.\n\n"+
		"Bins go out on Thursday.")
	wantTop(t, m, "when do we get the spare key for the side gate", "posted to you")
	n := newMatcher(t, "Guest notes.\n\n"+
		"Each guest gets a spare key for the side gate and a parking permit for the yard behind the mill. "+
		"Post is collected on the Monday before you arrive.\n\n"+
		"Bins go out on Thursday.")
	wantTop(t, n, "when do we get the spare key for the side gate", "Each guest gets")
}

func TestOpensWhen(t *testing.T) {
	t.Parallel()
	for q, want := range map[string]bool{
		"when": true, "when do we get it back": true, "when is the meeting": true,
		"when dating rocks what is the date applied to": false, "what happens when it rains": false,
	} {
		if got := opensWhen(strings.Fields(q)); got != want {
			t.Errorf("opensWhen(%q) = %v, want %v", q, got, want)
		}
	}
}

func TestDatesSomething(t *testing.T) {
	t.Parallel()
	for text, want := range map[string]bool{
		"It will be back in use from Saturday 8 March.":           true,
		"The hall was built in 1999.":                             true,
		"Doors open at 7pm.":                                      true,
		"Open 09:30 to 17:00.":                                    true,
		"52:10 Listener questions":                                true,
		"We close at noon.":                                       true,
		"Until the new grass settles, no studs on the top pitch.": false,
		"The gate is locked late at night.":                       false,
		"You may bring a dog.":                                    false,
		"Mix at a ratio of 1:2:2.":                                false,
		// A time set by an event answers "when" too.
		"It is returned within seven days of your departure.":  true,
		"Replies come within 2 working days.":                  true,
		"Stay within the marked paths for the first few days.": false,
		"Weeks pass slowly in winter.":                         false,
		"At the end of the war the bridge was rebuilt.":        true,
		"Rent is due by the end of the month.":                 true,
		"The start of the path is steep.":                      false,
		"Start the engine slowly.":                             false,
	} {
		if got := datesSomething(text); got != want {
			t.Errorf("datesSomething(%q) = %v, want %v", text, got, want)
		}
	}
}

func TestAsksWhichDate(t *testing.T) {
	t.Parallel()
	for q, want := range map[string]bool{
		"what date is the event": true, "which day is the quiz": true, "what year did it open": true,
		"whats the date of the sale": true, "what is the date": true, "what is the day rate": false, "what time is it": false, "when is it": false,
	} {
		if got := asksWhichDate(strings.Fields(q)); got != want {
			t.Errorf("asksWhichDate(%q) = %v, want %v", q, got, want)
		}
	}
}

// "where is X" prefers the sentence saying X is somewhere over one that
// places something else beside it.
func TestWhereIsPrefersWhereItIs(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "The water stopcock is under the kitchen sink, and the fuse box is in the cupboard under the stairs next to the boiler. "+
		"The boiler is in the cupboard under the stairs. The heating comes on at 6am.")
	wantTop(t, m, "wheres the boiler", "The boiler is in")
	wantTop(t, m, "where is the boiler", "The boiler is in")
	for q, want := range map[string]string{"where is the boiler": "boiler", "where are my spare keys": "keys",
		"wheres the boiler": "boiler", "where is the boiler and the fuse box": "", "where did she go": "",
		"where is ada pell from": "pell", "where is the old stadium located": "stadium", "where is it from": ""} {
		var ws []string
		english.Tokenize(q, func(t english.Token) { ws = append(ws, t.Word) })
		if got := locatedThing(ws); got != want {
			t.Errorf("locatedThing(%q) = %q, want %q", q, got, want)
		}
	}
}

// "What month…" wants a month named, not a weekday or a sentence that
// only shares the question's verb.
func TestWhichMonthWantsAMonth(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "She stopped when she saw Nell and set the bucket down slowly. "+
		"There's never more than three of you on a Tuesday. "+
		"They set off at six exactly. "+
		"He set down the rope and wiped his hands. "+
		"Nobody went to the island in October.")
	wantTop(t, m, "what month is the story set in", "October")
	if strictDate(strings.Fields("what year did it open")) == nil || strictDate(strings.Fields("when did it open")) != nil {
		t.Error("strictDate reads the wrong questions")
	}
}

// "what times…" asks for times of day, as "what time" does.
func TestWhatTimesAsksForTimesOfDay(t *testing.T) {
	t.Parallel()
	if s := readQuestionType(strings.Fields("i could help serve teas what times would i be needed")); s.unit != english.Clock {
		t.Errorf(`"what times" asks for unit %v, want a time of day`, s.unit)
	}
	m := newMatcher(t, "We are looking for volunteers to help run the tea hut on home match days. "+
		"Shifts are 1:30pm to 5pm, and you get a free hot drink for your trouble. "+
		"The semi is on Sunday 23 March, and a minibus will leave the clubhouse at 9am for anyone who wants to support them.")
	wantTop(t, m, "i could help serve teas, what times would i be needed", "Shifts are")
}

// A query that opens with the kind of answer and "of" ("date of the
// fire") asks when, as "when was the fire" does: "date" is how it asks,
// not a word to find ("the date of purchase").
func TestKindOfAnswerOpensTheQuery(t *testing.T) {
	t.Parallel()
	m := matcherOf(t, "Tickets are valid for twelve months from the date of purchase, and the date of a visit can be changed. "+
		"A fire broke out in the carding room on 17 November 1887. "+
		"The fire spread to the weaving shed before it was put out.")
	res := m.Search("date of the fire pls", SearchOptions{TopK: 1})
	if len(res.Hits) == 0 || !strings.Contains(res.Hits[0].Sentence.Text, "1887") {
		t.Errorf("hits %v: want the sentence dating the fire", res.Hits)
	}
	if res.QType != QDate {
		t.Errorf("type %v, want a date", res.QType)
	}
}

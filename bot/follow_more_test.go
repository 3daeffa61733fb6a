package bot

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/storybot/storybot/facts"
	"github.com/storybot/storybot/match"
)

func conversationBot(t *testing.T, name, text string) *Bot {
	t.Helper()
	doc, err := facts.Parse(name, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return New(facts.NewStore(doc), Options{Memory: NewLocalMemory(0, 0, nil)})
}

// askAll asks qs as one conversation and returns the replies.
func askAll(b *Bot, key string, qs ...string) []Reply {
	ctx := WithConversation(context.Background(), key)
	var rs []Reply
	for _, q := range qs {
		rs = append(rs, b.Answer(ctx, q))
	}
	return rs
}

const library = `1. Library

Mr. Omar Tate asked when the public library would reopen. The Clerk replied that the builders expected to finish the new roof by 9 May.

2. Harbour

Cllr. Jane Hollis proposed dredging the harbour mouth at a cost of £12,000. The motion was carried by four votes to two.
`

// "when will it reopen?" after a sentence that only asks when is answered
// by the reply that follows it, which holds a date: the question's own
// "when" is no date.
func TestFollowUpAnsweredByTheNextSentence(t *testing.T) {
	t.Parallel()
	b := conversationBot(t, "library.txt", library)
	rs := askAll(b, "test:next", "Who asked about the library?", "when will it reopen?")
	if !rs[0].Answered || !strings.Contains(rs[0].Citations[0].Text, "Omar Tate") {
		t.Fatalf("first turn: %s", rs[0].Text)
	}
	if r := rs[1]; !r.Answered || !strings.Contains(r.Citations[0].Text, "9 May") {
		t.Errorf("follow-up (read as %q) answered %s", r.Understood, r.Text)
	}
}

func TestCanAnswer(t *testing.T) {
	t.Parallel()
	asked := stemSet("when will the library reopen?")
	for _, tt := range []struct {
		text string
		q    match.QType
		want bool
	}{
		{"Mr. Omar Tate asked when the public library would reopen.", match.QDate, false},
		{"The builders expected to finish the new roof by 9 May.", match.QDate, true},
		{"Cllr. Jane Hollis proposed dredging the harbour mouth.", match.QPerson, true},
		{"The motion was carried by four votes to two.", match.QPerson, false},
		{"It cost £12,000.", match.QMoney, true},
		{"The motion was carried.", match.QOther, true},
	} {
		if got := canAnswer(tt.text, tt.q, asked); got != tt.want {
			t.Errorf("canAnswer(%q, %v) = %v", tt.text, tt.q, got)
		}
	}
	// A measure without a digit answers "how long": "about an hour".
	asked = stemSet("how long does it take?")
	for text, want := range map[string]bool{
		"The tour lasts about an hour.":  true,
		"It takes half a day.":           true,
		"Opening hours vary by season.":  false,
		"The tour runs in all weathers.": false,
		"The tour takes 90 minutes.":     true,
	} {
		if got := canAnswer(text, match.QNumber, asked); got != want {
			t.Errorf("canAnswer(%q, how long) = %v", text, got)
		}
	}
}

// "how long does it take?" after "tell me about the garden tour" is
// answered by the sentence saying it lasts about an hour, not by one
// that holds a date because the tour "takes place" on it.
func TestFollowUpDurationWithoutDigits(t *testing.T) {
	t.Parallel()
	doc := "# Open day\n\n| Time | Event |\n|---|---|\n| 10:00 | Garden tour with the head gardener |\n| 12:00 | Lunch |\n\n" +
		"The garden tour lasts about an hour and takes place in all weathers, so bring a coat. " +
		"This year's open day takes place on Sunday 8 June 2025 and is run by the Friends of the Garden, founded in 2009.\n"
	b := conversationBot(t, "openday.md", doc)
	rs := askAll(b, "test:tour", "tell me about the garden tour", "how long does it take")
	if r := rs[1]; !r.Answered || !strings.Contains(r.Citations[0].Text, "about an hour") {
		t.Errorf("follow-up (read as %q) answered %s", r.Understood, r.Text)
	}
}

// A follow-up's own word is held by a word naming a kind of it (WordNet):
// a mixer is equipment; a number is not a phone number's kind.
func TestFollowUpOwnWordByKind(t *testing.T) {
	t.Parallel()
	b := conversationBot(t, "shop.txt", `Grandma Rose opened the shop in 1962 with one oven and a second-hand mixer.
She sold bread and buns to the fishermen.
Today the shop sells around two hundred loaves on a Saturday.`)
	rs := askAll(b, "test:kind", "When did Grandma Rose open the shop?", "with what equipment?")
	if r := rs[1]; !r.Answered || !strings.Contains(r.Citations[0].Text, "mixer") {
		t.Errorf("follow-up (read as %q) answered %s", r.Understood, r.Text)
	}
	if holds("The club asked to lease the pavilion for ten years.", []string{"number"}, ownMatch{}) {
		t.Error(`"ten" held "number"`)
	}
}

// A noun of the follow-up's own (after a determiner) may be said by a
// synonym; a verb may not (WordNet's verb synonyms are too loose).
func TestFollowUpOwnNounBySynonym(t *testing.T) {
	t.Parallel()
	const text = "Add the salt and the remaining 40 g of water."
	rd := readFollowUp("what about the rest?", Turn{Understood: "how much water goes in first?"})
	if !rd.nouns["rest"] {
		t.Fatalf("nouns %v, want rest", rd.nouns)
	}
	if !holds(text, []string{"rest"}, ownMatch{nouns: rd.nouns}) {
		t.Error(`"remaining" did not hold "the rest"`)
	}
	if holds(text, []string{"rest"}, ownMatch{}) {
		t.Error(`"remaining" held "rest" not read as a noun`)
	}
	// A follow-up that is only a noun phrase names a noun.
	rd = readFollowUp("what about camping?", Turn{Understood: "is breakfast included?"})
	if !rd.nouns["camp"] || !holds("A tent pitch for two costs £22 a night.", []string{"camp"}, ownMatch{nouns: rd.nouns}) {
		t.Errorf(`"a tent pitch" did not hold "what about camping?" (nouns %v)`, rd.nouns)
	}
	if rd := readFollowUp("and if I want it to last longer?", Turn{Understood: "How long does the bread keep?"}); len(rd.nouns) != 0 {
		t.Errorf(`"and if…" read nouns %v`, rd.nouns)
	}
}

// He and she stand only for a person: a name made of common words is a
// place; left unresolved, the follow-up still asks about someone.
func TestHeSheOnlyForPeople(t *testing.T) {
	t.Parallel()
	prev := Turn{Understood: "Where will the skate park be?", Answer: "The skate park will be built at the Recreation Ground."}
	rd := readFollowUp("how did he vote?", prev)
	if strings.Contains(rd.understood, "Recreation") || !rd.someone {
		t.Errorf("read as %q (someone %v)", rd.understood, rd.someone)
	}
	prev.Answer = "Cllr. Nadia Fairbrother presented the report."
	if rd := readFollowUp("how did she vote?", prev); !strings.Contains(rd.understood, "Nadia Fairbrother") || rd.someone {
		t.Errorf("read as %q (someone %v)", rd.understood, rd.someone)
	}
	for text, want := range map[string]bool{
		"Cllr. Moss proposed raising the rent.":                     true,
		"She urged the council to act.":                             true,
		"My grandmother began it in a jar.":                         true,
		"The rents at the Fenwick Road allotments had not changed.": false,
	} {
		if got := speaksOfSomeone(text); got != want {
			t.Errorf("speaksOfSomeone(%q) = %v", text, got)
		}
	}
}

// In a conversation a general verb the document lacks is searched
// without; asked alone, the question is read as written.
func TestConversationDropsUnknownGeneralVerbs(t *testing.T) {
	t.Parallel()
	b := conversationBot(t, "apologies.txt", `Apologies were received from Cllr. Tom Reed, who was unwell, and from Cllr. Ann Vale, who was abroad.
The council accepted both apologies.
The minutes of the last meeting were approved.`)
	rs := askAll(b, "test:verbs", "Were the minutes approved?", "why couldn't Reed come?", "and what did they use?")
	// The matcher itself does not count a light verb ("come") the text
	// lacks; the conversation drops a general one ("use") too.
	if r := rs[1]; !r.Answered || !strings.Contains(r.Citations[0].Text, "unwell") {
		t.Errorf("follow-up (read as %q, %q) answered %s", r.Understood, r.Reading, r.Text)
	}
	if r := rs[2]; strings.Contains(r.Understood, "use") {
		t.Errorf("follow-up read as %q, %q", r.Understood, r.Reading)
	}
	if r := b.Answer(context.Background(), "why couldn't Reed use it?"); r.Understood != r.Question {
		t.Errorf("asked alone, read as %q", r.Understood)
	}
}

// Near the previous answer, another sentence is preferred to it, and one
// before it only when it holds as many of the follow-up's own words as
// the best.
func TestPreferNearOwnWords(t *testing.T) {
	t.Parallel()
	prev := &Turn{Answer: "x", Doc: "d", Sentence: 12}
	hit := func(n int, score float64, text string) match.Hit {
		return match.Hit{Sentence: facts.NewSentence("d", int32(n), text), Score: score}
	}
	own := []string{"flour"}
	hits := []match.Hit{hit(12, 5, "one part starter, two parts flour"), hit(13, 1.9, "a blend of white bread flour")}
	preferNear(hits, prev, own, ownMatch{})
	if hits[0].Sentence.N != 13 {
		t.Errorf("preferred %d, want 13 over the answer just quoted", hits[0].Sentence.N)
	}
	hits = []match.Hit{hit(20, 6, "she opened the bakery with flour"), hit(11, 3, "the bakery")}
	preferNear(hits, prev, []string{"open", "bakeri"}, ownMatch{})
	if hits[0].Sentence.N != 20 {
		t.Errorf("preferred %d, a sentence before the answer holding less", hits[0].Sentence.N)
	}
}

// A follow-up keeps to the previous answer's section when nothing near
// the answer is the best.
func TestSameSection(t *testing.T) {
	t.Parallel()
	doc, err := facts.Parse("notes.md", []byte(`# Notes

## Skate park

Three quotes were obtained for a skate park. The group chose the cheapest. Residents raised concerns about noise. A fence will be built. The motion was carried with six votes.

## Allotments

The rent motion was carried by five votes to one.
`))
	if err != nil {
		t.Fatal(err)
	}
	m := match.New(facts.NewStore(doc))
	sents := m.Store().Sentences()
	at := func(prefix string) match.Hit {
		for i, s := range sents {
			if strings.HasPrefix(s.Text, prefix) {
				return match.Hit{Sentence: s, Index: i, Score: 3}
			}
		}
		t.Fatalf("no sentence %q", prefix)
		return match.Hit{}
	}
	first := at("Three quotes")
	prev := &Turn{Answer: first.Sentence.Text, Doc: first.Sentence.Doc(), Sentence: int(first.Sentence.N)}
	hits := []match.Hit{at("The rent motion"), at("The motion was carried with six")}
	sameSection(m, hits, prev, nil, ownMatch{})
	if !strings.HasPrefix(hits[0].Sentence.Text, "The motion was carried with six") {
		t.Errorf("first %q, want the skate park's vote", hits[0].Sentence.Text)
	}
}

// A question in a conversation none of whose words the document knows is
// read as about the topic, as an ellipsis; asked alone it finds nothing.
func TestLostQuestionReadAsEllipsis(t *testing.T) {
	t.Parallel()
	b := conversationBot(t, "walk.txt", `The walk to Pennick takes about three hours along the cliffs.
In Pennick, the Ship Inn serves lunch, and a bus returns to the town every hour.
The museum is open daily.`)
	rs := askAll(b, "test:lost", "How long is the walk to Pennick?", "how do I get home?")
	if r := rs[1]; r.Understood == r.Question || !strings.Contains(r.Understood, "Pennick") {
		t.Errorf("read as %q", r.Understood)
	}
	rd := readTurn("how do I get home?", Turn{Understood: "How long is the walk to Pennick?"}, true)
	if !rd.followUp || !strings.Contains(rd.understood, "walk Pennick") {
		t.Errorf("lost question read as %q (follow-up %v)", rd.understood, rd.followUp)
	}
}

// "how many" asks for a count: a number no unit follows.
func TestHoldsCount(t *testing.T) {
	t.Parallel()
	for text, want := range map[string]bool{
		"| Bulk fermentation with folds | 4 to 5 hours | 24–26°C |": false,
		"Give the dough four sets of folds, one every 30 minutes.":  true,
		"The colony has around 200 grey seals.":                     true,
		"Bake for 45 minutes at 250°C.":                             false,
		"It was built in 1871.":                                     false,
		// A date's day, a time of day and a sum count nothing either.
		"The open day is on Saturday 14 June.": false,
		"Doors open at 9:30.":                  false,
		"Tickets cost £25.":                    false,
		"Up to 20 people can take part.":       true,
	} {
		if got := holdsCount(text); got != want {
			t.Errorf("holdsCount(%q) = %v", text, got)
		}
	}
	asked := stemSet("how many times should I fold it?")
	if canAnswer("| Bulk fermentation with folds | 4 to 5 hours |", match.QNumber, asked) {
		t.Error("a duration answered how many times")
	}
}

const leaveTable = `# Annual leave

Full-time staff receive 25 days of annual leave plus the bank holidays. Leave grows with service:

| Years of service | Annual leave (days) | Carry-over allowed |
|---|---|---|
| Less than 2 years | 25 | Up to 3 days |
| 2 to 4 years | 27 | Up to 5 days |
| 5 years or more | 30 | Up to 5 days |

# Opening hours

The office is open from Monday to Friday, 8am to 6pm. It is closed at weekends, and on Saturdays the post room opens from 9am to noon.
`

// A follow-up that names where the reader stands ("and after 5 years?",
// "what about 3 years") is answered by the row whose band holds it, not
// by the row nearest the last answer; one naming another day ("what
// about saturdays?") asks of that day alone, not of both.
func TestFollowUpNamingABand(t *testing.T) {
	t.Parallel()
	b := conversationBot(t, "handbook.md", leaveTable)
	rs := askAll(b, "test:band", "how many days holiday do i get", "and after 5 years?", "what about 3 years")
	for k, want := range map[int]string{1: "5 years or more", 2: "2 to 4 years"} {
		if r := rs[k]; !r.Answered || !strings.Contains(r.Citations[0].Text, want) {
			t.Errorf("turn %d (read as %q) answered %s; want the row %q", k+1, r.Understood, r.Text, want)
		}
	}
	rs = askAll(b, "test:days", "when is the office open on weekdays", "what about saturdays?")
	if r := rs[1]; strings.Contains(r.Understood, "weekdays") {
		t.Errorf("\"what about saturdays?\" read as %q, still asking of weekdays", r.Understood)
	}
}

const manual = `# Cleaning the filter

The AirGlide X7 uses a washable pleated filter at the back of the main body. Spare filters can be bought from the Lumora store.

# Warranty

The AirGlide X7 is covered by a two-year warranty from the date of purchase. Running the vacuum with a damp filter is not covered by the warranty.
`

// "what's the warranty?" after a question about filters names a topic the
// documents head a section with: it is asked as it stands, not as "what's
// the warranty buy new filter?"; a one-word question whose word heads no
// section ("and the price?") still leans on the turn before.
func TestShortQuestionNamingAHeading(t *testing.T) {
	t.Parallel()
	b := conversationBot(t, "manual.md", manual)
	rs := askAll(b, "test:heading", "where can i buy a new filter", "whats the warranty")
	if r := rs[1]; r.Understood != "whats the warranty" || !r.Answered || !strings.Contains(r.Text, "two-year warranty") {
		t.Errorf("\"whats the warranty\" read as %q, answered %s", r.Understood, r.Text)
	}
	rs = askAll(b, "test:heading2", "where can i buy a new filter", "whats the price")
	if r := rs[1]; r.Understood == "whats the price" {
		t.Errorf("\"whats the price\" after the filter question read as asked, not as a follow-up")
	}
	// A thing the text names, though no heading does: "who is the mayor".
	b = conversationBot(t, "news.txt", "The factory will close in November. The union called it a betrayal. "+
		"Mayor Tom Hadley said the closure would be a body blow for the town.")
	rs = askAll(b, "test:heading3", "what did the union say", "who is the mayor")
	if r := rs[1]; r.Understood != "who is the mayor" || !strings.Contains(r.Text, "Hadley") {
		t.Errorf("\"who is the mayor\" read as %q, answered %s", r.Understood, r.Text)
	}
}

// A first question asking only of "she" is asked of the person the
// document's title names; one with words of its own is asked as it
// stands, and so is one about a text whose title names no one.
func TestFirstQuestionOfTheTitlesPerson(t *testing.T) {
	t.Parallel()
	b := conversationBot(t, "bio.txt", "The Life of Ingrid Voskuijlen (1904–1971)\n\n"+
		"Ingrid Voskuijlen was born in Tromsø in 1904. She moved to Glasgow in 1930. She studied ice in clouds.\n")
	rs := askAll(b, "test:title", "who was she?")
	if r := rs[0]; r.Understood != "who was Ingrid Voskuijlen?" || !r.Answered || !strings.Contains(r.Citations[0].Text, "was born") {
		t.Errorf("\"who was she?\" read as %q, answered %s", r.Understood, r.Text)
	}
	if r := askAll(b, "test:title2", "when did she move to glasgow?")[0]; r.Understood != "when did she move to glasgow?" {
		t.Errorf("a question with words of its own read as %q", r.Understood)
	}
	b = conversationBot(t, "notes.txt", "Harbour notes\n\nThe ferry leaves at nine. She is a fine old ship.\n")
	if r := askAll(b, "test:title3", "who is she?")[0]; r.Understood != "who is she?" {
		t.Errorf("a title naming no one read \"she\" as %q", r.Understood)
	}
}

// "how many died?" after "what happened in the flood" shares a word with
// several sentences of a village's history but too little to be answered
// as asked; read as a follow-up (of the flood) it is answered by the
// sentence after the flood.
func TestShortQuestionReadAsFollowUpWhenSurer(t *testing.T) {
	t.Parallel()
	text, err := os.ReadFile("../match/testdata/chat/village-history.txt")
	if err != nil {
		t.Fatal(err)
	}
	b := conversationBot(t, "village-history.txt", string(text))
	rs := askAll(b, "test:lost", "what happened in the flood", "how many died")
	if r := rs[1]; !r.Answered || !strings.Contains(r.Citations[0].Text, "Seven people died") {
		t.Errorf("\"how many died\" (read as %q) answered %s", r.Understood, r.Text)
	}
}

// A follow-up that the question before's words were added to ("what
// about bikes" after "who gets those" of parking spaces) carries only the
// words of the topic the documents hold ("new office", not "drive"), and
// is answered by the sentence holding its own word.
func TestFollowUpCarriesOnlyWordsTheDocumentsHold(t *testing.T) {
	t.Parallel()
	text, err := os.ReadFile("../match/testdata/heldout/office-move-email.txt")
	if err != nil {
		t.Fatal(err)
	}
	b := conversationBot(t, "office-move-email.txt", string(text))
	rs := askAll(b, "test:asked", "can i drive to the new office", "who gets those", "what about bikes")
	last := rs[len(rs)-1]
	if !last.Answered || !strings.Contains(last.Citations[0].Text, "bike store") {
		t.Errorf("what about bikes: %q (read as %q)", last.Text, last.Understood)
	}
	if strings.Contains(last.Understood, "drive") || !strings.Contains(last.Understood, "office") {
		t.Errorf("what about bikes read as %q: want the topic's words the documents hold", last.Understood)
	}
}

// When the words a follow-up carried leave it too unsure to answer, it
// is searched as written, and read so when that answers it with a
// sentence holding its own word.
func TestFollowUpAskedAsWrittenWhenCarryingSinksIt(t *testing.T) {
	t.Parallel()
	text, err := os.ReadFile("../match/testdata/heldout/office-move-email.txt")
	if err != nil {
		t.Fatal(err)
	}
	d, err := facts.Parse("office-move-email.txt", text)
	if err != nil {
		t.Fatal(err)
	}
	m := match.New(facts.NewStore(d))
	rd := reading{understood: "what about bikes drive commute", asked: "what about bikes", own: []string{"bike"}, carried: true}
	opt := match.SearchOptions{TopK: 5}
	sunk := m.Search(rd.understood, opt)
	sunk.Confidence = 0.01 // as unsure as carried words can leave it
	res := askedAsWritten(context.Background(), m, &rd, opt, sunk, 0.3)
	if res == sunk || len(res.Hits) == 0 || !strings.Contains(res.Hits[0].Sentence.Text, "bike store") || rd.understood != "what about bikes" {
		t.Errorf("read as %q, first %v", rd.understood, res.Hits)
	}
	rd = reading{understood: "what about bikes drive commute", asked: "what about bikes", own: []string{"bike"}, carried: true}
	sure := m.Search(rd.understood, opt)
	sure.Confidence = 0.999
	if res := askedAsWritten(context.Background(), m, &rd, opt, sure, 0.3); res != sure {
		t.Error("a carried reading surer than the question as written was dropped")
	}
}

// "whats the email" after "i want to cancel my membership" asks for the
// address, which a later section gives ("Email us at…"), not for the
// cancelling sentence that mentions email, however near the last answer.
func TestFollowUpAskingForAContactDetail(t *testing.T) {
	t.Parallel()
	text, err := os.ReadFile("../match/testdata/heldout/climbing-terms.txt")
	if err != nil {
		t.Fatal(err)
	}
	b := conversationBot(t, "climbing-terms.txt", string(text))
	rs := askAll(b, "test:contact", "i want to cancel my membership", "whats the email")
	if !rs[0].Answered || !strings.Contains(rs[0].Citations[0].Text, "To cancel") {
		t.Errorf("i want to cancel my membership: %s", rs[0].Text)
	}
	if r := rs[1]; !r.Answered || !strings.Contains(r.Citations[0].Text, "@") {
		t.Errorf("whats the email (read as %q): %s", r.Understood, r.Text)
	}
}

// "how much does it cost?" after "tell me about the quiz" is answered by
// the price right after the quiz, not by a sum elsewhere in the text that
// a kind of cost ("a deposit") names.
func TestFollowUpCostIsTheNextSentences(t *testing.T) {
	t.Parallel()
	text, err := os.ReadFile("../match/testdata/heldout/cafe-menu.md")
	if err != nil {
		t.Fatal(err)
	}
	b := conversationBot(t, "cafe-menu.md", string(text))
	rs := askAll(b, "test:cost", "tell me about the quiz", "how much does it cost")
	if r := rs[1]; !r.Answered || !strings.Contains(r.Citations[0].Text, "£2 per person") {
		t.Errorf("how much does it cost (read as %q): %s", r.Understood, r.Text)
	}
}

const leaflet = `WELCOME
This leaflet explains when we are open and how to claim.

OPENING HOURS
Monday: 8:00am to 6:00pm
Thursday: 9:00am to 8:00pm
Saturday: 9:00am to 1:00pm (first and third of the month only)
Sunday: Closed
The phone line stays open at lunch.

MEALS
The limit for a meal is £35 a day.

LOST RECEIPTS
If you lose a receipt, you can still make a claim by filling in a missing receipt form.
The limit for a missing receipt is £75 per item.
`

// "what hours?" after "are you open on saturdays" asks Saturday's hours,
// though a heading names hours: hours, like a price or a limit, are of
// something. So is "is there a limit?", which asks the limit of what was
// asked before, where "is there a gym?" asks of a gym.
func TestShortQuestionAskingARelation(t *testing.T) {
	t.Parallel()
	b := conversationBot(t, "leaflet.txt", leaflet)
	rs := askAll(b, "test:hours", "are you open on saturdays", "what hours?")
	if r := rs[1]; r.Understood == "what hours?" || !strings.Contains(r.Text, "Saturday: 9:00am") {
		t.Errorf("\"what hours?\" read as %q, answered %s", r.Understood, r.Text)
	}
	rs = askAll(b, "test:limit", "lost a receipt, can i still claim", "is there a limit?")
	if r := rs[1]; r.Understood == "is there a limit?" || !strings.Contains(r.Text, "£75") {
		t.Errorf("\"is there a limit?\" read as %q, answered %s", r.Understood, r.Text)
	}
}

// A particle after a carried word is part of the thing: "a check up" is
// the text's "check-up", so "what about for kids" after "how much is a
// check up" carries both words, not a bare "check".
func TestFollowUpCarriesACompoundsParticle(t *testing.T) {
	t.Parallel()
	b := conversationBot(t, "fees.txt", "TREATMENT FEES\nCheck-up: £55\nHygienist visit: £65\n\n"+
		"CHILDREN\nChildren under 18 who are registered with us have free check-ups.\n"+
		"We check your children's teeth for decay at every visit.\n")
	rs := askAll(b, "test:particle", "how much is a check up", "what about for kids")
	if r := rs[1]; !strings.Contains(r.Understood, "check up") || !strings.Contains(r.Text, "free check-ups") {
		t.Errorf("\"what about for kids\" read as %q, answered %s", r.Understood, r.Text)
	}
}

const limits = `Spending limits

| Item | Limit | Notes |
|---|---|---|
| Hotel, London | £185 per night | Room only, excluding breakfast |
| Hotel, elsewhere | £105 per night | Room only |
| Dinner | £35 per day | Overnight trips only |

Limits include VAT and any service charge.
`

// "does that include breakfast" after the hotel's limit asks yes or no of
// the row just quoted, which says it: not of "Limits include VAT…", which
// merely says "include".
func TestYesNoFollowUpChecksTheLastAnswer(t *testing.T) {
	t.Parallel()
	b := conversationBot(t, "limits.md", limits)
	rs := askAll(b, "test:check", "whats the hotel limit in london", "does that include breakfast")
	if r := rs[1]; !r.Answered || len(r.Citations) == 0 || !strings.Contains(r.Citations[0].Text, "excluding breakfast") {
		t.Errorf("\"does that include breakfast\" answered %s", r.Text)
	}
	// A question of its own is not held to the last answer.
	rs = askAll(b, "test:check2", "whats the hotel limit in london", "how much for dinner")
	if r := rs[1]; len(r.Citations) == 0 || !strings.Contains(r.Citations[0].Text, "£35") {
		t.Errorf("\"how much for dinner\" answered %s", r.Text)
	}
}

const timeline = `# Outage review

## Timeline

- 09:19 UTC — Automated alert pages the on-call engineer, Tomasz Wierzbicki.
- 09:31 UTC — Tomasz declares a SEV-1 and opens the incident channel.
- 10:40 UTC — Aoife Brennan finds the long-running migration.

## Action items

| Action | Owner | Due |
|---|---|---|
| Add a lock-inspection query to the runbook | Tomasz Wierzbicki | 24 May 2024 |
| Extend the migration linter | Aoife Brennan | 31 May 2024 |
`

// "what did he do" after the answer that introduces him asks what he did
// next: the line after it, not the row that names him in full elsewhere.
func TestWhatDidHeDoPrefersWhatFollows(t *testing.T) {
	t.Parallel()
	b := conversationBot(t, "review.md", timeline)
	rs := askAll(b, "test:next", "who got paged", "what did he do")
	if r := rs[1]; len(r.Citations) == 0 || !strings.Contains(r.Citations[0].Text, "declares a SEV-1") {
		t.Errorf("\"what did he do\" read as %q, answered %s", r.Understood, r.Text)
	}
}

// The weather's "it" and the "it" of "is it possible to…" stand for
// nothing, so the topic before is not put in their place; "how much does
// it cost" and "how much is it worth" still ask of it.
func TestDummyItStandsForNothing(t *testing.T) {
	t.Parallel()
	prev := Turn{Understood: "whats the dress code"}
	for _, q := range []string{"will it get cold later", "is it likely to rain", "is it possible to park on site",
		"is it worth booking early"} {
		if rd := readFollowUp(q, prev); strings.Contains(rd.understood, "dress") {
			t.Errorf("%q read as %q", q, rd.understood)
		}
	}
	for _, q := range []string{"how much does it cost", "how much is it worth"} {
		if rd := readFollowUp(q, prev); !strings.Contains(rd.understood, "dress code") {
			t.Errorf("%q read as %q", q, rd.understood)
		}
	}
}

// "What does she do for work?" after the sentence saying she is a teacher
// was quoted for her votes: that sentence states it, and is quoted again.
func TestFollowUpOccupationQuotedLast(t *testing.T) {
	t.Parallel()
	b := conversationBot(t, "news.txt", "Nadia Kowalczyk of the Green Coalition has won the Fernhill seat by 23 votes, after a recount.\n\n"+
		"Kowalczyk, a 34-year-old primary school teacher, received 812 votes in Thursday's by-election. "+
		"Geoffrey Ashworth came second with 789 votes.\n\n"+
		"Speaking after the declaration, Kowalczyk said she was honoured.\n")
	rs := askAll(b, "test:occupation", "who won the fernhill seat", "how many votes did she get", "and what does she do for work")
	if r := rs[1]; !r.Answered || !strings.Contains(r.Citations[0].Text, "812") {
		t.Fatalf("votes (read as %q): %s", r.Understood, r.Text)
	}
	if r := rs[2]; !r.Answered || !strings.Contains(r.Citations[0].Text, "teacher") {
		t.Errorf("occupation (read as %q) answered %s", r.Understood, r.Text)
	}
}

// "Who do I talk to about it?" after the sentence naming whom to speak to
// was quoted for something else is answered by that sentence again: it
// holds the person asked for, so "the documents say no more" would
// misstate it.
func TestFollowUpAsksOfTheLastAnswer(t *testing.T) {
	t.Parallel()
	b := conversationBot(t, "news.txt", "VOLUNTEERS NEEDED\n\n"+
		"We are looking for volunteers to help run the tea hut on home match days. "+
		"All members are welcome. "+
		"If you can spare a few hours, please speak to Karen Mills or email the club.\n\n"+
		"MATCHES\n\nThe first team plays at home on Saturday.\n")
	rs := askAll(b, "test:lastanswer", "i'd like to volunteer at the club", "what are the hours", "who do i talk to about it")
	if r := rs[1]; !r.Answered || !strings.Contains(r.Citations[0].Text, "Karen Mills") {
		t.Fatalf("hours (read as %q): %s", r.Understood, r.Text)
	}
	if r := rs[2]; !r.Answered || !strings.Contains(r.Citations[0].Text, "Karen Mills") {
		t.Errorf("who (read as %q) answered %s", r.Understood, r.Text)
	}
	// When the text gives the hours, they are quoted for "what are the
	// hours", and the sentence naming whom to speak to, two after them
	// in the paragraph, still answers "who do I talk to".
	b = conversationBot(t, "news.txt", "VOLUNTEERS NEEDED\n\n"+
		"We are looking for volunteers to help run the tea hut on home match days. "+
		"Shifts are 1:30pm to 5pm, and you get a free hot drink. "+
		"We also need a first-aider for junior training on Tuesday evenings. "+
		"If you can spare a few hours, please speak to Karen Mills or email the club.\n\n"+
		"MATCHES\n\nThe first team plays at home on Saturday.\n")
	rs = askAll(b, "test:lastanswer2", "i'd like to volunteer at the club", "what are the hours", "who do i talk to about it")
	if r := rs[1]; !r.Answered || !strings.Contains(r.Citations[0].Text, "1:30pm") {
		t.Errorf("hours (read as %q): %s", r.Understood, r.Text)
	}
	if r := rs[2]; !r.Answered || !strings.Contains(r.Citations[0].Text, "Karen Mills") {
		t.Errorf("who, after the hours (read as %q) answered %s", r.Understood, r.Text)
	}
}

func TestCanAnswerTwoCapitalisedWords(t *testing.T) {
	t.Parallel()
	asked := stemSet("who do i talk to about it")
	if !canAnswer("If you can spare a few hours, please speak to Karen Mills.", match.QPerson, asked) {
		t.Error(`"Karen Mills" not read as someone`)
	}
	if canAnswer("If you can spare a few hours, please speak to us.", match.QPerson, asked) {
		t.Error("a sentence naming no one read as naming someone")
	}
}

// "And if it's more than that?" after an answer stating one sum asks about
// sums above it: "that" is the sum.
func TestFollowUpMoreThanThatIsTheAmount(t *testing.T) {
	t.Parallel()
	b := conversationBot(t, "policy.md", "# Approvals\n\n"+
		"Your line manager approves claims up to £500 in a single report. "+
		"Reports between £500 and £2,000 also need approval from your department head. "+
		"Anything above £2,000 must be approved by the Finance Director.\n\n"+
		"# Payment\n\nApproved claims are paid with the next monthly salary run.\n")
	rs := askAll(b, "test:morethan", "who approves claims", "and if its more than that?")
	if r := rs[0]; !r.Answered || !strings.Contains(r.Citations[0].Text, "line manager") {
		t.Fatalf("first turn (read as %q): %s", r.Understood, r.Text)
	}
	if r := rs[1]; !r.Answered || !strings.Contains(r.Understood, "£500") || !strings.Contains(r.Citations[0].Text, "department head") {
		t.Errorf("more than that (read as %q) answered %s", r.Understood, r.Text)
	}
	two := Turn{Answer: "Rooms cost £95, or £120 with breakfast."}
	if a := comparedAmount(words("is it more than that")[4], two, words("is it more than that")); a != "" {
		t.Errorf("an answer with two sums read as %q", a)
	}
}

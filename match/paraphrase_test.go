package match

import (
	"slices"
	"strings"
	"testing"

	"github.com/storybot/storybot/english"
	"github.com/storybot/storybot/facts"
)

func newMatcher(t *testing.T, text string) *Matcher {
	t.Helper()
	return newDocMatcher(t, "t.txt", text)
}

// newDocMatcher is newMatcher for a document named name (its extension
// says whether it is Markdown).
func newDocMatcher(t *testing.T, name, text string) *Matcher {
	t.Helper()
	d, err := facts.Parse(name, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return New(facts.NewStore(d))
}

// wantTop checks that m's first hit for q holds want.
func wantTop(t *testing.T, m *Matcher, q, want string) {
	t.Helper()
	r := m.Search(q, SearchOptions{})
	if len(r.Hits) == 0 {
		t.Errorf("Search(%q): no candidates", q)
		return
	}
	if got := r.Hits[0].Sentence.Text; !strings.Contains(got, want) {
		t.Errorf("Search(%q) top = %q, want the sentence with %q", q, got, want)
	}
}

// "How far", "how long", "what time" ask for a measured answer: the
// sentence holding one in the right units wins over one that merely
// shares the question's words.
func TestMeasuredAnswers(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "The station is a short walk from the harbour and has a café. "+
		"The station is 14 km from the town centre. "+
		"The ferry leaves the harbour at 11am every day. "+
		"The ferry crossing takes about three hours. "+
		"The ferry has a café and the harbour has a shop.")
	for _, tt := range []struct{ q, want string }{
		{"How far is the station from the town?", "14 km"},
		{"what time does the ferry leave the harbour", "11am"},
		{"How long is the ferry?", "three hours"},
	} {
		r := m.Search(tt.q, SearchOptions{})
		if len(r.Hits) == 0 || !strings.Contains(r.Hits[0].Sentence.Text, tt.want) {
			t.Errorf("Search(%q) top = %q, want the sentence with %q", tt.q, r.Hits[0].Sentence.Text, tt.want)
		}
	}
}

// "How soon" and "how quick" ask within what time: the sentence giving
// a duration answers, not one that only shares the question's words.
func TestHowSoonAsksForADuration(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "Members must update their contact details within 14 days of moving house. "+
		"Members must update their contact details with the office when they change: keep your contact details up to date. "+
		"Emergency call-outs are attended within 4 hours. Call-outs for the boiler are handled by a qualified engineer.")
	for q, want := range map[string]string{
		"how soon do i have to update my contact details": "within 14 days",
		"how quick do they attend boiler call-outs":       "within 4 hours",
	} {
		r := m.Search(q, SearchOptions{})
		if len(r.Hits) == 0 || !strings.Contains(r.Hits[0].Sentence.Text, want) {
			top := ""
			if len(r.Hits) > 0 {
				top = r.Hits[0].Sentence.Text
			}
			t.Errorf("Search(%q) top = %q, want the sentence with %q", q, top, want)
		}
	}
}

func TestReadQuestionUnits(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		q    string
		want english.Class
	}{
		{"how far is it", english.Distance},
		{"how long does the walk take", english.Duration}, // it takes time
		{"how long is the walk", english.Duration | english.Distance},
		{"how long did it take the mill to restart", english.Duration},
		{"what time do they open", english.Clock},
		{"how much salt goes in", english.Measure | english.Number},
		{"how much does it cost", 0},
		{"how hot should the oven be", english.Temperature},
		{"how much cleaning time do i get", english.Duration},
		{"how much time does it take", english.Duration},
		{"how far in advance do i need to book", english.Duration},
		{"how far ahead should I book", english.Duration},
		{"how far is the station", english.Distance},
		{"how soon do i have to register", english.Duration}, // "within 7 days"
		{"what amount of flour goes in", english.Measure | english.Number},
		{"what is the least amount of water i can boil", english.Measure | english.Number},
		{"what is the maximum weight", english.Measure},
		{"gas lighting made what possible the year after", 0},    // "the year" is not what is asked
		{"what is the best time of year to visit", english.Date}, // a season or a month, not a clock
		{"what time of day is best", english.Clock},
		{"how quick do they have to come", english.Duration},
		{"how quickly will it be fixed", english.Duration},
		{"how far is it to walk from the station", english.Distance | english.Duration}, // "a 12-minute walk"
		{"what internal temperature should it reach", english.Temperature},
		{"what is the temperature", english.Temperature},
		{"who founded it", 0},
		// A query with no question word names the quantity it asks.
		{"pie oven temp?", english.Temperature},
		{"kiln temp", english.Temperature},
		{"weight of the box pls", english.Measure},
		{"is the temperature ok", 0},    // asks yes or no
		{"how is the temp measured", 0}, // asks how
	} {
		var words []string
		english.Tokenize(tt.q, func(t english.Token) { words = append(words, t.Word) })
		if got := readQuestion(words).unit; got != tt.want {
			t.Errorf("readQuestion(%q).unit = %b, want %b", tt.q, got, tt.want)
		}
	}
}

// A question word the text lacks is read as a text word of its family
// ("temp" as "temperature", "closure" as "closed", "refrigerator" as
// "fridge"), but not as a word
// that merely starts alike and means something else.
func TestWordForms(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "Keep the dough at a warm temperature. The road was closed for a week. The party starts at nine. Chill it in the fridge. The office shuts at Christmas. "+
		"Buses stop at the gate. Passwords expire yearly. We go by train. Bicycle racks are by the gate.")
	for _, tt := range []struct {
		w, want string
		ok      bool
	}{
		{"temp", "temperature", true},
		{"refrigerator", "fridge", true}, // the text uses the clipping the question spells out
		{"xmas", "christmas", true},
		{"pw", "password", true}, // a clipping of two letters
		{"bike", "bicycle", true},
		{"bus", "buses", true}, // the stemmer parts "bus" and "buses"
		{"goes", "", false},    // not as "go": too short to be a noun's plural
		{"closure", "closed", true},
		{"part", "", false},
		{"pay", "", false},
	} {
		got, _, ok := m.wordForm(tt.w)
		if ok != tt.ok || ok && got != tt.want {
			t.Errorf("wordForm(%q) = %q, %v; want %q, %v", tt.w, got, ok, tt.want, tt.ok)
		}
	}
	r := m.Search("what temp should the dough be", SearchOptions{})
	if !strings.Contains(r.Explain(), "temp → temperature (word form)") {
		t.Errorf(":why does not show the word form:\n%s", r.Explain())
	}
}

// Latin stems that change before "-tion" join their verbs: "abstained"
// is "abstention", and, being a dictionary word, it is read so before it
// is read as a typo two edits from "obtained".
func TestLatinWordForms(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"abstained", "abstention", true},
		{"received", "reception", true},
		{"described", "description", true},
		{"reduced", "reduction", true},
		{"admitted", "admission", true},
		{"resolved", "resolution", true},
		{"mission", "mit", false},
		{"retain", "attention", false},
	} {
		if got := sameFamily(tt.a, tt.b); got != tt.want {
			t.Errorf("sameFamily(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
	m := newMatcher(t, "Three quotes were obtained for the new roof. "+
		"The motion on the roof was carried with one abstention (Cllr. Pike).")
	r := m.Search("Who abstained on the roof vote?", SearchOptions{})
	if !strings.Contains(r.Explain(), "abstained → abstention (word form)") {
		t.Errorf("abstained is not read as abstention:\n%s", r.Explain())
	}
}

// hasSiblingEnd passes over words by their last two letters: every
// sibling ending must be among those it lets through.
func TestSiblingEndingsPassTheTailCheck(t *testing.T) {
	t.Parallel()
	for _, e := range siblingEndings {
		if !hasSiblingEnd("xxx" + e[0]) {
			t.Errorf("hasSiblingEnd passes over words ending in %q", e[0])
		}
	}
}

// Sentences that share no word with the question fill a short text's
// candidates by meaning, not only in reading order, so that the reranker
// sees "The tower is not suitable for visitors with limited mobility" for
// "Is the lighthouse wheelchair accessible?".
func TestUnmatchedCandidatesByMeaning(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	for _, s := range []string{
		"The harbour was built in 1820 for the herring fleet.",
		"Fishing boats still land crab and lobster on the quay.",
		"The market opens on Saturdays from eight until noon.",
		"A ferry sails to the island twice a day in summer.",
		"The old chapel now houses a small museum of local history.",
		"Cafés along the front serve fresh fish and chips.",
		"The sands to the north are patrolled by lifeguards in August.",
		"A coastal path runs south past the cliffs to the next village.",
		"The lighthouse on the point was lit for the first time in 1871.",
		"Guided tours climb the 112 steps to the lamp room every hour.",
		"The tower is not suitable for visitors with limited mobility.",
		"Parking in the town centre is free after six in the evening.",
		"The railway station closed in 1964 and is now a garden centre.",
		"Buses run to the city every two hours.",
	} {
		b.WriteString(s + "\n")
	}
	m := newMatcher(t, b.String())
	r := m.Search("Is the lighthouse wheelchair accessible?", SearchOptions{TopK: 10})
	if !slices.ContainsFunc(r.Hits, func(h Hit) bool { return strings.Contains(h.Sentence.Text, "limited mobility") }) {
		t.Errorf("the mobility sentence is not among the candidates: %v", r.Hits)
	}
}

// A question that asks for a kind of answer finds the sentence holding
// one over a sentence that only shares its words: "what year" wants a
// year ("Born in Leeds" holds none), "how much did it cost" an amount of
// money (when the first candidate names none, the next that does is the
// answer), and "when is it open" its hours, not the year it opened.
func TestQuestionsWantTheirKindOfAnswer(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		text      string
		questions []string
		want      string
	}{
		{"Ada Finch (March 3, 1902 – May 9, 1980) was an English painter. " +
			"Born in Leeds, Finch moved to London with her family at the age of 11. " +
			"Her first show was held in a church hall.",
			[]string{"what year was finch born"}, "1902"},
		{"On May 21, 2013, the league's owners met in Boston and awarded the final to Carrow Stadium. " +
			"The $1.2 billion stadium opened in 2014. " +
			"It holds 68,500 people.",
			[]string{"How much did Carrow Stadium cost?"}, "$1.2 billion"},
		{"The museum opened in 1998 in the old corn mill by the river. " +
			"Entry is free, and the building is open Tuesday to Sunday from 10am until 5pm. " +
			"The cafe sells cakes made in the village.",
			[]string{"When is the museum open?", "when does the museum close"}, "10am"},
	} {
		m := newMatcher(t, tc.text)
		for _, q := range tc.questions {
			r := m.Search(q, SearchOptions{})
			if len(r.Hits) == 0 || !strings.Contains(r.Hits[0].Sentence.Text, tc.want) {
				t.Errorf("%q: top = %v, want the sentence with %q", q, top(r), tc.want)
			}
		}
	}
}

// "How often" wants a frequency: the sentence that says "once a month"
// or "every 12 months", not one with any number and unit.
func TestHowOftenWantsAFrequency(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "Charge the kettle battery fully for 40 minutes before its first use. "+
		"After that, top it up once a week. The kettle holds 1.7 litres.")
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"Descale the kettle with vinegar once a month.", true},
		{"Replace the filter every 12 months.", true},
		{"Check it twice a week.", true},
		{"It is inspected annually.", true},
		{"Charging for 10 minutes gives 5 minutes of use.", false},
		{"Every one of them was sold.", false},
	} {
		mm := newMatcher(t, tt.text)
		if got := mm.namesFrequency(0); got != tt.want {
			t.Errorf("namesFrequency(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
	r := m.Search("how often should I charge the kettle battery?", SearchOptions{TopK: 3})
	if len(r.Hits) == 0 || !strings.Contains(r.Hits[0].Sentence.Text, "once a week") {
		t.Errorf("got %v, want the sentence that says once a week", r.Hits)
	}
}

// A hyphenated word is also indexed closed: "wifi" finds "Wi-Fi", and
// "dropoff" the "drop-off" point.
func TestClosedCompoundsFindHyphenatedWords(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "Parking is free for all guests at the cottage. The Wi-Fi is free too. "+
		"Buses stop at the school gate on Mill Road. The drop-off point is on Elm Road.")
	for _, tt := range []struct{ q, want string }{
		{"is the wifi free", "Wi-Fi"},
		{"where is the dropoff", "drop-off"},
	} {
		r := m.Search(tt.q, SearchOptions{TopK: 3})
		if len(r.Hits) == 0 || !strings.Contains(r.Hits[0].Sentence.Text, tt.want) {
			t.Errorf("%q: got %v, want the sentence with %q", tt.q, r.Hits, tt.want)
		}
	}
}

// "What's the mayor's name?" asks for a name: "name" is how it asks, so
// the sentence naming the mayor answers, not one that says "name".
func TestNameIsHowTheQuestionAsks(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "The factory will close in November. Mayor Tom Hadley said the closure would hurt the town. "+
		"The mayor's office gave the street a new name in 1990.")
	for _, q := range []string{"what's the mayor's name", "what is the name of the mayor?"} {
		r := m.Search(q, SearchOptions{TopK: 3})
		if len(r.Hits) == 0 || !strings.Contains(r.Hits[0].Sentence.Text, "Tom Hadley") {
			t.Errorf("%q: got %v, want the sentence naming the mayor", q, r.Hits)
		}
	}
}

// "What time do they get to the myths" in show notes is answered by the
// timestamp line ("33:50 Myths…"), minutes and seconds into the episode,
// not by a sentence that says "time".
func TestTimestampAnswersWhatTime(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "# Episode 12\n\nThe myths come from a time when spoons were made of copper.\n\n"+
		"## Chapters\n\n00:00 Intro\n\n12:10 Feeding a starter\n\n33:50 Myths: metal spoons and old starters\n")
	wantTop(t, m, "what time do they get into the myths", "33:50")
}

// "whats", "whos" and "wheres" ask as "what's", "who's" and "where's"
// do: the same question, with or without its apostrophe, is read as
// asking for the same kind of answer.
func TestApostropheLessQuestionWords(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "The old integration is deprecated. Please switch to the new app before June 30, 2025. "+
		"The keynote speaker is Dr Tobias Renfrew. The keynote will be filmed. The boiler is in the utility room.")
	for plain, written := range map[string]string{
		"whats the deadline to move off the old integration": "what's the deadline to move off the old integration",
		"whos giving the keynote":                            "who's giving the keynote",
		"wheres the boiler":                                  "where's the boiler",
	} {
		a, b := m.Search(plain, SearchOptions{}), m.Search(written, SearchOptions{})
		if a.QType != b.QType || a.QType == QOther {
			t.Errorf("%q read as %v, %q as %v", plain, a.QType, written, b.QType)
		}
	}
	wantTop(t, m, "whats the deadline to move off the old integration", "June 30, 2025")
}

// A clipping ("hrs", "temp") is read as its full word, as a word form,
// before any typo correction: not as a subsequence match the judge would
// count as a correction.
func TestClippingReadBeforeTypos(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "The shop is open Wednesday to Sunday from ten until four. It takes around fourteen hours to fire the kiln.")
	r := m.Search("shop opening hrs?", SearchOptions{})
	if why := r.Explain(); !strings.Contains(why, "hrs → hours (word form)") {
		t.Errorf("\"hrs\" not read as a clipping:\n%s", why)
	}
	if r.QType != QDate {
		t.Errorf("\"opening hrs\" asks %v, want the hours (date)", r.QType)
	}
}

// "Opening hours", "museum hours", "closing time": times of day are asked
// for, though no question word says so, not a sentence that says "hours".
func TestOpeningHoursAskForTimes(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "The shop is open during museum hours and can be visited without a ticket. "+
		"The museum is open from Tuesday to Sunday, 10am to 5pm. Quiet hours run on Tuesdays.")
	for _, q := range []string{"opening hours", "what are the opening hours?", "closing time?", "what are the hours?"} {
		r := m.Search(q, SearchOptions{TopK: 3})
		if len(r.Hits) == 0 || !strings.Contains(r.Hits[0].Sentence.Text, "10am to 5pm") {
			t.Errorf("%q: got %v, want the sentence with the times", q, r.Hits)
		}
	}
	for q, want := range map[string]bool{"museum hours": true, "how many hours does it take": false,
		"it lasts 48 hours": false, "opening times": true, "the first time": false, "shop opening hrs": true,
		"what are the hours": true, "what are the hours volunteer club": true, "how many are the hours": false,
		"what are off peak times": true, "what are the times": true, "how many times": false, "we went three times": false,
		"how do i get the heating on outside the normal times": false} {
		if got := asksHours(strings.Fields(q)); got != want {
			t.Errorf("asksHours(%q) = %v, want %v", q, got, want)
		}
	}
}

// A clipped word the text lacks is read through its full word's derived
// forms: "photos" (photographs) finds "Photography".
func TestClippedWordsDerivedForms(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "The museum is open from Tuesday to Sunday. "+
		"Photography for personal use is welcome in most of the galleries. "+
		"The café serves soups and sandwiches, and dogs are allowed in the garden.")
	r := m.Search("are photos allowed", SearchOptions{TopK: 3})
	if len(r.Hits) == 0 || !strings.Contains(r.Hits[0].Sentence.Text, "Photography") {
		t.Errorf("got %v, want the sentence on photography", r.Hits)
	}
}

// A heading's hyphenated pair is read closed too: "wifi" finds the
// sentences under "## Wi-Fi for guests", which do not name it themselves.
func TestClosedCompoundsOfHeadings(t *testing.T) {
	t.Parallel()
	m := newDocMatcher(t, "wiki.md", "# IT help\n\n## Passwords\n\nYour network password unlocks email and the intranet. "+
		"Change your password every 90 days.\n\n## Wi-Fi for guests\n\nVisitors should use the guest network. "+
		"The guest password changes every Monday and is shown at reception.\n")
	r := m.Search("what's the wifi password", SearchOptions{TopK: 3})
	if len(r.Hits) == 0 || !strings.Contains(r.Hits[0].Sentence.Text, "changes every Monday") {
		t.Errorf("got %v, want the guest password's sentence", r.Hits)
	}
}

// A British spelling is read as its American twin, which the word vectors
// know better and a text may use: "neighbours" comes as near "residents"
// as "neighbors" does, and "colour" finds "color".
func TestBritishSpellings(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "The hall was painted last spring by volunteers from the parish. "+
		"Residents of Mill Lane complained about noise from the new car park. "+
		"The committee chose a pale color for the doors of the hall. "+
		"The treasurer reported a small surplus for the year. "+
		"A fence will be built along the boundary of the car park.")
	conf := func(q, want string) float64 {
		t.Helper()
		r := m.Search(q, SearchOptions{})
		if len(r.Hits) == 0 || !strings.Contains(r.Hits[0].Sentence.Text, want) {
			t.Fatalf("Search(%q): top is not the sentence with %q", q, want)
		}
		return r.Confidence
	}
	us := conf("what about noise for the neighbors?", "Residents")
	uk := conf("what about noise for the neighbours?", "Residents")
	if uk < us-0.1 {
		t.Errorf("confidence with neighbours %.2f, with neighbors %.2f: the British spelling should read as near", uk, us)
	}
	r := m.Search("what colour are the doors", SearchOptions{})
	if !slices.ContainsFunc(r.Corrections, func(c Correction) bool { return c.From == "colour" && c.To == "color" }) {
		t.Errorf("colour was not read as the text's color: %+v", r.Corrections)
	}
}

// A misspelling one edit from an English word is a typo of that word, not
// of the text's word two edits away: "maternty" is "maternity", which a
// text may say as "birth parent", not "paternity"; "paternty" is still
// read as the text's "paternity".
func TestTypoOfAnEnglishWordTheTextLacks(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "Parental leave is generous at the firm. "+
		"The birth parent receives sixteen weeks of leave at full pay after the birth. "+
		"Partners receive four weeks of paternity leave at full pay. "+
		"Holiday requests go to your line manager.")
	r := m.Search("how long is maternty leave on full pay", SearchOptions{})
	if slices.ContainsFunc(r.Corrections, func(c Correction) bool { return c.To == "paternity" }) {
		t.Errorf("maternty was corrected to paternity: %+v", r.Corrections)
	}
	if !slices.ContainsFunc(r.Kept, func(c Correction) bool { return strings.Contains(c.Method, "maternity") }) {
		t.Errorf("the kept correction does not say maternity was meant: %+v", r.Kept)
	}
	r = m.Search("how long is paternty leave", SearchOptions{})
	if !slices.ContainsFunc(r.Corrections, func(c Correction) bool { return c.To == "paternity" }) {
		t.Errorf("paternty was not corrected to paternity: %+v", r.Corrections)
	}
}

// A table row is about its first cell: "how much is an adult swim" is
// the "Adult swim" row's, not a row whose other cells mention adults.
func TestTableRowIsAboutItsFirstCell(t *testing.T) {
	t.Parallel()
	m := newDocMatcher(t, "pool.md", "# Prices\n\n| Session | Price | Who |\n|---|---|---|\n"+
		"| Family swim | £14.50 per session | Up to two adults and three juniors |\n"+
		"| Junior swim | £3.20 per session | Ages 5 to 15; under-8s must have an adult in the water |\n"+
		"| Adult swim | £5.40 per session | Ages 16 and over |\n")
	for _, q := range []string{"how much is an adult swim", "what does an adult swim cost"} {
		r := m.Search(q, SearchOptions{TopK: 3})
		if len(r.Hits) == 0 || !strings.Contains(r.Hits[0].Sentence.Text, "Adult swim") {
			t.Errorf("%q: top is not the Adult swim row: %+v", q, r.Hits)
		}
	}
}

// A time of day answers "what time" as a date does: the sentence giving
// the kitchen's hours is typed for the question, as the shop's "every day"
// already made its sentence; and "09:45" is a time of day, which answers
// over a sentence that only counts days.
func TestTimesOfDayAnswerWhatTime(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ text, q, want string }{
		{"The village shop sells bread, milk and papers, and is open from 7am to 7pm every day. " +
			"The Red Lion is a short walk across the green. " +
			"It serves food from 12pm to 2:30pm and 6pm to 9pm, and dogs are welcome in the bar.",
			"what time does the pub do food till", "12pm"},
		{"Full-time staff receive 25 days of annual leave plus the bank holidays. " +
			"Keep your camera on for team stand-ups at 09:45. " +
			"Overtime must be approved in advance by your manager.",
			"what time is the daily standup", "09:45"},
	} {
		r := newMatcher(t, tt.text).Search(tt.q, SearchOptions{})
		if len(r.Hits) == 0 {
			t.Fatalf("Search(%q): no candidates", tt.q)
		}
		if got := r.Hits[0].Sentence.Text; !strings.Contains(got, tt.want) {
			t.Errorf("Search(%q) top = %q, want the sentence with %q", tt.q, got, tt.want)
		}
	}
}

// A decade in the question holds the years in it: "in the 1960s" finds
// "In 1963", whether the text names the decade elsewhere or not.
func TestDecadeHoldsItsYears(t *testing.T) {
	t.Parallel()
	for _, text := range []string{
		"In 1931 she taught physics in Glasgow. In 1963 she wrote her memoir. In 1975 she retired to Bergen.",
		"In 1931 she taught physics in Glasgow. Her fame grew in the 1950s and 1960s. " +
			"In 1963 she wrote her memoir. In 1975 she retired to Bergen.",
	} {
		m := newMatcher(t, text)
		r := m.Search("what did she do in the 1960s", SearchOptions{})
		if len(r.Hits) == 0 {
			t.Fatalf("no candidates in %q", text)
		}
		if !slices.ContainsFunc(r.Hits[:min(2, len(r.Hits))], func(h Hit) bool { return strings.Contains(h.Sentence.Text, "1963") }) {
			t.Errorf("in %q: the sentence with 1963 is not among the first two", text)
		}
		if r.Coverage == 0 {
			t.Errorf("in %q: the 1960s matched nothing", text)
		}
	}
}

// A closed compound is the text's two words when the text writes them
// apart ("run time", "pay day"), even where general English puts the
// closed word far from both parts.
func TestCompoundWrittenApartInTheText(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "The vacuum has three power modes. "+
		"Eco mode gives up to 50 minutes of run time on a full charge. "+
		"The bin holds half a litre and empties with one button. "+
		"Staff are paid monthly, and pay day is the 25th.")
	for _, tt := range []struct{ q, want string }{
		{"how much runtime does eco mode give", "50 minutes"},
		{"when is payday", "25th"},
	} {
		r := m.Search(tt.q, SearchOptions{})
		if len(r.Hits) == 0 || r.Coverage == 0 {
			t.Errorf("Search(%q): no match", tt.q)
			continue
		}
		if got := r.Hits[0].Sentence.Text; !strings.Contains(got, tt.want) {
			t.Errorf("Search(%q) top = %q, want the sentence with %q", tt.q, got, tt.want)
		}
		if !slices.ContainsFunc(r.Corrections, func(c Correction) bool { return c.Method == "compound" }) {
			t.Errorf("Search(%q) corrections %+v, want the compound split", tt.q, r.Corrections)
		}
	}
}

// A question word the text lacks is read through its derived forms:
// "death" finds "died", "strong" finds "strength"; but not a word as
// common as "well", whose derived forms ("healthy") mislead.
func TestDerivedFormsOfAWordTheTextLacks(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "The Life of Edda Halvorsen. "+
		"Her husband Thomas was an engineer. "+
		"She died of heart failure in 1971 at the age of 67. "+
		"Killebrew was known for his upper-body strength and quick hands. "+
		"A healthy starter doubles in size after a feed.")
	for _, tt := range []struct{ q, want string }{
		{"what was the cause of her death", "heart failure"},
		{"how did killebrew get so strong", "strength"},
	} {
		r := m.Search(tt.q, SearchOptions{})
		if len(r.Hits) == 0 {
			t.Fatalf("Search(%q): no candidates", tt.q)
		}
		if got := r.Hits[0].Sentence.Text; !strings.Contains(got, tt.want) {
			t.Errorf("Search(%q) top = %q, want the sentence with %q", tt.q, got, tt.want)
		}
		if !slices.ContainsFunc(r.Corrections, func(c Correction) bool { return c.Method == "derived form" }) {
			t.Errorf("Search(%q) corrections %+v, want a derived form", tt.q, r.Corrections)
		}
	}
	r := m.Search("is the starter well", SearchOptions{})
	if slices.ContainsFunc(r.Corrections, func(c Correction) bool { return c.Method == "derived form" }) {
		t.Errorf("\"well\" read through a derived form: %+v", r.Corrections)
	}
}

// A noun's derived forms are not the text's adverbs: "director" (of the
// verb "direct") does not find buses that stop "directly" outside, though
// "straight" finds "directly".
func TestDerivedFormsOfANounAreNotAdverbs(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "Welcome to the Vale Museum. "+
		"Buses 14 and 27 stop directly outside the museum. "+
		"Upgrade to 3.8 first, and then directly to 4.2.")
	derived := func(r *Result) bool {
		return slices.ContainsFunc(r.Corrections, func(c Correction) bool { return c.Method == "derived form" })
	}
	if r := m.Search("who is the current director of the museum", SearchOptions{}); derived(r) {
		t.Errorf("\"director\" read as an adverb: %+v", r.Corrections)
	}
	if r := m.Search("can i go straight from 3.5 to 4.2", SearchOptions{}); !derived(r) {
		t.Errorf("\"straight\" not read as \"directly\": %+v", r.Corrections)
	}
}

// A misspelling of a word whose stem is the text's ("droping" for
// "dropping", of the text's "drops") is read as that word.
func TestMisspeltWordOfTheTextsStem(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "The Wi-Fi password is on the back of the router. "+
		"If the connection drops, switch the router off at the wall and on again. "+
		"The Plough Inn serves food until nine.")
	r := m.Search("the wifi keeps droping what do i do", SearchOptions{})
	if len(r.Hits) == 0 {
		t.Fatal("no candidates")
	}
	if got := r.Hits[0].Sentence.Text; !strings.Contains(got, "drops") {
		t.Errorf("top = %q, want the sentence saying what to do when it drops", got)
	}
	if slices.Contains(r.Unknown, "droping") {
		t.Errorf("\"droping\" left unknown; corrections %+v", r.Corrections)
	}
}

// Two question words the text writes closed up are read as its word:
// "pay day" is the text's "payday", "week end" its "weekends".
func TestCompoundJoinedAsTheTextWritesIt(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "Staff get their salary on payday, the 25th of each month. "+
		"The office closes at weekends. Holiday requests go to your manager.")
	for _, tt := range []struct{ q, want string }{
		{"when is pay day", "25th"},
		{"is the office open at the week end", "weekends"},
	} {
		r := m.Search(tt.q, SearchOptions{})
		if len(r.Hits) == 0 || r.Confidence == 0 {
			t.Errorf("Search(%q): not answered", tt.q)
			continue
		}
		if got := r.Hits[0].Sentence.Text; !strings.Contains(got, tt.want) {
			t.Errorf("Search(%q) top = %q, want the sentence with %q", tt.q, got, tt.want)
		}
	}
	// Two words the text has as written stay two ("bank holiday" is not
	// "bankholiday" even where a text closes it up once).
	m = newMatcher(t, "The bank opens on every holiday. A bankholiday voucher is free.")
	r := m.Search("when does the bank open on a holiday", SearchOptions{})
	if slices.ContainsFunc(r.Corrections, func(c Correction) bool { return c.Method == "closed compound" }) {
		t.Errorf("words the text has were joined: %+v", r.Corrections)
	}
}

// "How many beds…" is answered by a sentence giving a count: the first
// candidate that gives none yields to the next that does.
func TestHowManyPrefersACount(t *testing.T) {
	t.Parallel()
	text := "The Curie Institute of Oncology has beds for patients from all over the country. " +
		"Its clinical section has 700 of them, and 10 operating theatres. " +
		"Research is done in the institute's own laboratories."
	m := newMatcher(t, text)
	r := m.Search("How many beds does the Curie Institute of Oncology have?", SearchOptions{})
	if len(r.Hits) == 0 {
		t.Fatal("no candidates")
	}
	if got := r.Hits[0].Sentence.Text; !strings.Contains(got, "700") {
		t.Errorf("top = %q, want the sentence with the count", got)
	}
	for _, q := range []string{"How many beds does it have?", "about how many beds are there"} {
		if !asksCountFirst(strings.Fields(strings.ToLower(q))) {
			t.Errorf("asksCountFirst(%q) = false", q)
		}
	}
	if asksCountFirst(strings.Fields("how was it decided how many would be appointed")) {
		t.Error("a count asked about in passing read as the question")
	}
	// A sum of money counts nothing: "£40 per pet" does not say how many.
	m = newMatcher(t, "Guests may bring pets to the lodge. A cleaning fee of £40 per pet applies to every stay. "+
		"Pets are welcome, up to three per visit. The lodge has a garden.")
	r = m.Search("how many pets can we bring to the lodge?", SearchOptions{})
	if len(r.Hits) == 0 || !strings.Contains(r.Hits[0].Sentence.Text, "three") {
		t.Errorf("top = %+v, want the sentence with the count", r.Hits)
	}
}

// "How much does she earn?" asks for a sum of money: the sentence that
// gives one ("29,000 pounds a year", through the pronoun standing for the
// name) answers, not the one naming her, her job, an age and a year. "By how
// much did it rise?" asks the size of a change, which a share gives as
// well as a sum.
func TestHowMuchPrefersASum(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "Harlow Freight said on Monday it will close its depot in Harlow by the end of June, putting 120 jobs at risk.\n\n"+
		"The depot has been part of the town since 1974. It employed around 400 people at its peak in 1990.\n\n"+
		"For Maria Lopez, a 41-year-old driver who joined the depot as a trainee in 2003, the news was not a complete surprise. "+
		"Overtime had dried up last winter, she said, and a second loading bay had stood idle since March. "+
		"She said she was worried about finding work at her age that paid close to her current wage of around 29,000 pounds a year.\n\n"+
		"The union said it would ask the company to reconsider.")
	r := m.Search("how much does maria lopez earn as a driver", SearchOptions{})
	if len(r.Hits) == 0 || !strings.Contains(r.Hits[0].Sentence.Text, "29,000") {
		t.Errorf("top = %+v, want the sentence with the sum", r.Hits)
	}
	for q, want := range map[string]bool{"how much does maria earn": true, "by how much did the rent go up": false,
		"how much did the water charges rise": false, "how many people work there": false, "how much is a ticket": false} {
		all := strings.Fields(q)
		if got := asksSum(all, readQuestion(all)); got != want {
			t.Errorf("%q: asks for a sum %v, want %v", q, got, want)
		}
	}
}

// A word and the particle after it are the text's hyphenated noun: "check
// out" and "check-out" of "Check-out", "log in" of "login"; the text's
// "Check-in" does not answer them.
func TestParticleJoinsTheTextsCompound(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "Welcome to the cottage. "+
		"Check-in is from 4pm on the day of arrival. "+
		"Check-out is by 10am on the day you leave. "+
		"Use your staff login to book the meeting room.")
	for _, tt := range []struct{ q, want string }{
		{"what time is check out", "Check-out"},
		{"what time is check-out", "Check-out"},
		{"when can we check in", "Check-in"},
		{"how do i log in to book a room", "login"},
	} {
		wantTop(t, m, tt.q, tt.want)
	}
}

// A question's adjective finds the text's comparative or superlative
// ("near" the text's "nearest", "big" its "bigger"), not a superlative
// its positive, and not after "how", which asks for a measure ("how long
// is the Rhine?" of "the second-longest river").
func TestDegreesOfAnAdjective(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "Welcome to the cottage. "+
		"The nearest pub is the Plough Inn, a ten-minute walk away. "+
		"For a bigger shop, there is a Tesco in Marston. "+
		"The village shop sells bread and milk.")
	wantTop(t, m, "any pubs near by", "Plough Inn")
	wantTop(t, m, "where is a big shop", "Tesco")
	for q, want := range map[string]string{"any pubs near by": "nearest", "where is a big shop": "bigger"} {
		if r := m.Search(q, SearchOptions{}); !slices.ContainsFunc(r.Corrections, func(c Correction) bool { return c.To == want }) {
			t.Errorf("Search(%q) corrections %+v, want the text's %q", q, r.Corrections, want)
		}
	}
	m = newMatcher(t, "The Rhine is a European river. It is the second-longest river in Central Europe, at about 1,230 km.")
	if r := m.Search("How long is the Rhine?", SearchOptions{}); slices.ContainsFunc(r.Corrections, func(c Correction) bool { return c.To == "longest" }) {
		t.Errorf("\"how long\" read as \"longest\": %+v", r.Corrections)
	}
	for w, want := range map[string]string{"near": "nearest", "big": "biggest", "early": "earliest", "close": "closest"} {
		if !slices.Contains(degrees(w), want) {
			t.Errorf("degrees(%q) = %v, want %q among them", w, degrees(w), want)
		}
	}
	// A superlative asks for the most: "tallest" is not the text's "tall".
	m = newMatcher(t, "Welcome to the museum. Another favourite is the Weaver's Clock, a tall astronomical clock.")
	if r := m.Search("what's the tallest building in the world", SearchOptions{}); slices.ContainsFunc(r.Corrections, func(c Correction) bool { return c.To == "tall" }) {
		t.Errorf("\"tallest\" read as \"tall\": %+v", r.Corrections)
	}
}

// "under 8s" names the group by its number: the text's "under 8".
func TestAgeGroupReadAsItsNumber(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "Climbers aged 12 to 15 must be supervised at all times. "+
		"Children under 8 may only use the Little Loft area on weekend mornings. "+
		"You climb at your own risk.")
	r := m.Search("what about under 8s", SearchOptions{})
	if !slices.ContainsFunc(r.Terms, func(tm TermMatch) bool { return tm.Word == "8s" && tm.Found }) {
		t.Fatalf(`"8s" not read as 8: %s`, r.Explain())
	}
	wantTop(t, m, "what about under 8s", "Little Loft")
	for w, want := range map[string]string{"8s": "8", "12s": "12", "1990s": "", "s": "", "abs": ""} {
		if got := ageGroup(w); got != want {
			t.Errorf("ageGroup(%q) = %q, want %q", w, got, want)
		}
	}
}

// "under 5" is the text's "under five": prose spells small numbers out.
func TestDigitsMatchTheNumberWord(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "Students and jobseekers pay a concession price of £5 to get in. "+
		"Children under five are always free. "+
		"A family ticket costs £22.")
	wantTop(t, m, "do children under 5 have to pay to get in", "under five")
	for w, want := range map[string]string{"5": "five", "12": "twelve", "40": "forty", "1": "", "five": "", "05": "", "2024": ""} {
		if got := numberTwin(w); got != want {
			t.Errorf("numberTwin(%q) = %q, want %q", w, got, want)
		}
	}
}

// "sat" before a noun is Saturday when the text writes the day; "I sat"
// is the verb, and "the sun" the star.
func TestDayAbbreviations(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "Children can sit in the chair without any treatment on Wednesday afternoons. "+
		"Saturday: 9:00am to 1:00pm, first and third Saturday of each month only. "+
		"We send a text reminder before every appointment.")
	wantTop(t, m, "do u do sat appointments", "Saturday")
	r := m.Search("where i sat in the chair", SearchOptions{})
	if slices.ContainsFunc(r.Corrections, func(c Correction) bool { return c.Method == "day abbreviation" }) {
		t.Errorf(`"i sat" read as Saturday: %s`, r.Explain())
	}
	r = m.Search("what time does the sun come up", SearchOptions{})
	if slices.ContainsFunc(r.Corrections, func(c Correction) bool { return c.Method == "day abbreviation" }) {
		t.Errorf(`"the sun" read as Sunday: %s`, r.Explain())
	}
}

// "pie oven temp?" wants degrees, as "what temperature" does: not the
// sentence that says "room temperature" without one.
func TestMeasureNamedByQuery(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "Heat the oven to 160°C and brown the beef in batches. "+
		"The pie freezes well; thaw it at room temperature for 3 hours, then warm it through in the oven.")
	wantTop(t, m, "pie oven temp?", "160°C")
}

// An age ("aged 0 to 11") answers "how old", not "how long".
func TestAgeIsNoLength(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "Children aged 0 to 11 get a yellow card and can borrow up to 10 books at a time. "+
		"Books and magazines are lent for three weeks. The library has free wifi.")
	wantTop(t, m, "how long can i keep a book", "three weeks")
	wantTop(t, m, "how old are children who get a yellow card", "aged 0 to 11")
	for text, want := range map[string]bool{
		"Children aged 0 to 11 get a yellow card.":    true,
		"Pupils aged 11 may stay for up to 6 months.": false,
		"Books are lent for three weeks.":             false,
		"You can borrow up to 10 books at a time.":    false,
	} {
		if got := onlyAges(text); got != want {
			t.Errorf("onlyAges(%q) = %v, want %v", text, got, want)
		}
	}
}

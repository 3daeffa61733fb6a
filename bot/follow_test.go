package bot

import (
	"context"
	"strings"
	"testing"

	"github.com/storybot/storybot/facts"
	"github.com/storybot/storybot/match"
)

func TestReadFollowUp(t *testing.T) {
	t.Parallel()
	prev := Turn{
		Question: "Who chaired the meeting?", Understood: "Who chaired the meeting?",
		Answer: "Present: Cllr. Harriet Moss (Chair), Mr. Tom Rudd and Mrs. Ann Lee.",
	}
	tests := []struct {
		q, want string
		follow  bool
	}{
		// "she" is the first woman named; "he" the first man.
		{"what did she propose?", "what did Mrs. Ann Lee propose?", true},
		{"and what did he say?", "and what did Mr. Tom Rudd say?", true},
		// Ellipsis carries the previous question's content words.
		{"when?", "when chaired meeting?", true},
		{"and why?", "and why chaired meeting?", true},
		// "it" stands for what the previous question was about.
		{"was it long?", "was meeting long?", true},
		// "that ratio" names its own noun; "is there" points nowhere.
		{"what does that ratio mean", "what does that ratio mean", false},
		// "that" is the subject when the question ends with its verb.
		{"how much does that cost", "how much does meeting cost", true},
		// A self-contained question starts afresh, however short: "is
		// there a trip" asks whether one exists.
		{"Where is the town hall?", "Where is the town hall?", false},
		{"is there a trip", "is there a trip", false},
		{"are there any lockers?", "are there any lockers?", false},
		// "IT" in capitals names a department; all in capitals, "IT" is "it".
		{"who do i contact for IT problems", "who do i contact for IT problems", false},
		{"WAS IT LONG?", "WAS meeting LONG?", true},
	}
	for _, tt := range tests {
		rd := readFollowUp(tt.q, prev)
		check(t, tt.q, tt.want, tt.follow, rd)
	}
	// The adjective after "how" asks how much, and is no topic to carry:
	// "how bad was the damage" leaves "damage" for "it".
	bad := Turn{Question: "how bad was the damage", Understood: "how bad was the damage"}
	check(t, "how did she pay for it all", "how did she pay for damage all", true, readFollowUp("how did she pay for it all", bad))
	// An interjection or chat filler says how the asker feels, and is no
	// topic to carry: "oops" and "lol" leave "water" for "it".
	oops := Turn{Question: "oops i boiled the kettle with no water lol", Understood: "oops i boiled the kettle with no water lol"}
	check(t, "how long till i can use it again", "how long till i can use kettle water again", true,
		readFollowUp("how long till i can use it again", oops))
	// A day the follow-up names is no thing for the next "it": after "and
	// on Sundays?" about the bus, "how much is it" asks of the bus.
	sundays := readFollowUp("and on Sundays?", Turn{Question: "how often is the bus back", Understood: "how often is the bus back"})
	next := Turn{Question: "and on Sundays?", Understood: sundays.understood, Topic: sundays.topic}
	check(t, "how much is it", "how much is bus back", true, readFollowUp("how much is it", next))
	// An "it" the question before left unnamed is this "it" too: not the
	// water, of which "it" was said to have none.
	left := Turn{Question: "oops i turned it on with no water lol", Understood: "oops i turned it on with no water lol"}
	check(t, "how long till i can use it again", "how long till i can use it again", true,
		readFollowUp("how long till i can use it again", left))
	// Nor is a light verb ("bring", "put", "keep"): "they" is the friend.
	friend := Turn{Question: "can i bring a friend", Understood: "can i bring a friend"}
	check(t, "do they have to sign anything", "do friend have to sign anything", true,
		readFollowUp("do they have to sign anything", friend))
}

// check reports a follow-up q read otherwise than as want (and follow).
func check(t *testing.T, q, want string, follow bool, rd reading) {
	t.Helper()
	if rd.understood != want || rd.followUp != follow {
		t.Errorf("%q read as %q (follow-up %v), want %q (%v)", q, rd.understood, rd.followUp, want, follow)
	}
	if rd.followUp && rd.understood != q && rd.note == "" {
		t.Errorf("%q was rewritten without a note", q)
	}
}

// Family words and titles give a name's gender: "she" skips "my father".
func TestReadFollowUpGender(t *testing.T) {
	t.Parallel()
	prev := Turn{Understood: "Who runs the bakery?", Answer: "My father runs it with my grandmother Odile Quillon."}
	if rd := readFollowUp("when did she start?", prev); !strings.Contains(rd.understood, "Odile Quillon") {
		t.Errorf(`"she" read as %q, want Odile Quillon`, rd.understood)
	}
	if rd := readFollowUp("when does he start?", prev); !strings.Contains(rd.understood, "father") {
		t.Errorf(`"he" read as %q, want "father"`, rd.understood)
	}
	// A person the question names is not its own pronoun's: in "what did
	// Trump ask him to do?" "him" is Bolton, the question before's.
	prev = Turn{Understood: "who is Bolton", Answer: "US President Donald Trump has directed his national security adviser, John Bolton to invite Russian President Vladimir Putin to Washington."}
	if rd := readFollowUp("what did Trump ask him to do?", prev); !strings.Contains(rd.understood, "ask John Bolton") {
		t.Errorf(`"him" read as %q, want John Bolton`, rd.understood)
	}
	// After "who is X?", "he" and "she" are X, said in full where the
	// answer does, though the answer names a man English shows first.
	if rd := readFollowUp("what did he say?", prev); rd.understood != "what did John Bolton say?" {
		t.Errorf(`"he" read as %q, want John Bolton`, rd.understood)
	}
	// Not when X's title says otherwise.
	prev = Turn{Understood: "who is Mrs. Ann Lee", Answer: "Mrs. Ann Lee and Mr. Tom Rudd joined the council."}
	if rd := readFollowUp("what did he propose?", prev); !strings.Contains(rd.understood, "Tom Rudd") {
		t.Errorf(`"he" read as %q, want Mr. Tom Rudd`, rd.understood)
	}
}

// What a pronoun stands for beyond a person the question before named:
// a lone name it asked about, the answer's person after "who", a pet, a
// group; never a lower-case title ("the count") nor one thing for "they".
func TestReadFollowUpPronouns(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		prev      Turn
		q         string
		want, not string // the reading holds want and not not
	}{
		// A lone name the question asked about is "she", not a place
		// the answer names after "to".
		{Turn{Understood: "when is the ferry coming back for Nell", Answer: "That was why she was walking to the harbour: the ferry to Corrin Holm left only once a week."},
			"and if she's late?", "Nell", "Corrin"},
		// After a "who" question, the answer's person is "he".
		{Turn{Understood: "who did Morwenna train with", Answer: "In 2006 I took a two-year apprenticeship with a potter called Aldous Penhale."},
			"what was he like as a teacher", "Aldous Penhale", ""},
		// With no person to stand for, "her" is the pet the conversation
		// is about; not a thing.
		{Turn{Understood: "how much does dog cost", Answer: "There's a charge of £25 per dog per stay."},
			"is the garden safe for her", "safe for dog", ""},
		{Turn{Understood: "how much does the kettle cost", Answer: "The kettle costs £30."}, "is she safe", "", "is kettle"},
		// "they" stands for a plural, a group or a business, not one
		// thing: after the recount, those who refused are people.
		{Turn{Understood: "did recount change anything", Topic: "recount"}, "so why did they refuse another one", "", "recount refuse"},
		{Turn{Understood: "When is the bakery open?", Topic: "bakery open"}, "do they teach classes too?", "bakery", ""},
		{Turn{Understood: "how much are the tickets", Topic: "tickets"}, "can they be refunded", "tickets", ""},
		// "the count" in lower case is a tally, not a nobleman.
		{Turn{Understood: "was Geoffrey Ashworth happy with how the count went", Answer: "Geoffrey Ashworth came second with 789 votes."},
			"is he going to appeal", "is Geoffrey Ashworth going", ""},
	} {
		rd := readFollowUp(tt.q, tt.prev)
		if !strings.Contains(rd.understood, tt.want) || tt.not != "" && strings.Contains(rd.understood, tt.not) {
			t.Errorf("after %q, %q read as %q; want it to hold %q and not %q", tt.prev.Understood, tt.q, rd.understood, tt.want, tt.not)
		}
	}
}

const minutes = `Harriet Moss chaired the meeting of the town council in the Corn Exchange.
She proposed raising the annual allotment rent from £38 to £46.
The motion was carried by five votes to one.
The bowls club asked to lease the old pavilion for ten years.
The library will open on Sundays from May.`

func minutesBot(t *testing.T) *Bot {
	t.Helper()
	doc, err := facts.Parse("minutes.txt", []byte(minutes))
	if err != nil {
		t.Fatal(err)
	}
	return New(facts.NewStore(doc), Options{Memory: NewLocalMemory(0, 0, nil)})
}

func TestConversation(t *testing.T) {
	t.Parallel()
	b := minutesBot(t)
	ctx := WithConversation(context.Background(), "test:1")
	if r := b.Answer(ctx, "Who chaired the meeting?"); !r.Answered || r.Understood != r.Question {
		t.Fatalf("first turn: %+v", r)
	}
	r := b.Answer(ctx, "what did she propose?")
	if !r.Answered || !strings.Contains(r.Citations[0].Text, "£46") {
		t.Errorf("follow-up answered %q (understood %q)", r.Text, r.Understood)
	}
	if !strings.Contains(r.Understood, "Harriet Moss") || !strings.HasPrefix(r.Text, `Reading "she" as Harriet Moss.`) {
		t.Errorf("the reply does not say how it read the follow-up: understood %q, text %q", r.Understood, r.Text)
	}
	if !strings.Contains(r.Explanation(), "understood: ") {
		t.Errorf(":why does not show the rewrite:\n%s", r.Explanation())
	}
	// Another conversation, and no conversation at all, start afresh.
	other := b.Answer(WithConversation(context.Background(), "test:2"), "what did she propose?")
	alone := b.Answer(context.Background(), "what did she propose?")
	if other.Reading != "" || alone.Reading != "" {
		t.Errorf("a question outside the conversation was read as a follow-up: %q, %q", other.Reading, alone.Reading)
	}
}

// Refusals hold mid-conversation: a follow-up whose own words the
// document lacks is refused even though the words carried over from the
// turn before would find a sentence.
func TestFollowUpRefused(t *testing.T) {
	t.Parallel()
	b := minutesBot(t)
	ctx := WithConversation(context.Background(), "test:3")
	if r := b.Answer(ctx, "What did the bowls club ask for?"); !r.Answered {
		t.Fatalf("first turn not answered: %s", r.Text)
	}
	for _, q := range []string{"what colour is its flag?", "and their phone number?"} {
		if r := b.Answer(ctx, q); r.Answered {
			t.Errorf("%q answered (understood %q): %s", q, r.Understood, r.Text)
		}
	}
	// A bare "for how long?" leans wholly on the turn before.
	if r := b.Answer(ctx, "for how long?"); !r.Answered || !strings.Contains(r.Citations[0].Text, "ten years") {
		t.Errorf(`"for how long?" answered %q (understood %q)`, r.Text, r.Understood)
	}
}

// A follow-up with no words of its own that asks for no kind of answer
// is refused when the best sentence is the answer just given: it asks for
// what that sentence left out. Asking for a kind of answer is not.
func TestFollowUpRepeatingTheAnswerRefused(t *testing.T) {
	t.Parallel()
	b := minutesBot(t)
	ctx := WithConversation(context.Background(), "test:repeat")
	if r := b.Answer(ctx, "How long did the bowls club ask to lease the pavilion?"); !r.Answered || !strings.Contains(r.Citations[0].Text, "pavilion") {
		t.Fatalf("first turn: %s", r.Text)
	}
	if r := b.Answer(ctx, "lease it for what?"); r.Answered {
		t.Errorf(`"lease it for what?" answered with the same sentence (understood %q): %s`, r.Understood, r.Text)
	}
	if r := b.Answer(ctx, "for how long?"); !r.Answered || !strings.Contains(r.Citations[0].Text, "ten years") {
		t.Errorf(`"for how long?" answered %q (understood %q)`, r.Text, r.Understood)
	}
}

// The same short question asked twice is answered twice: asked again, it
// repeats the last answer because it asks the same.
func TestQuestionAskedAgainAnswered(t *testing.T) {
	t.Parallel()
	doc, err := facts.Parse("animals.txt", []byte("Zebras have black and white stripes.\nGiraffes have very long necks. They eat leaves.\n"))
	if err != nil {
		t.Fatal(err)
	}
	b := New(facts.NewStore(doc), Options{Memory: NewLocalMemory(0, 0, nil)})
	ctx := WithConversation(context.Background(), "test:again")
	for i, q := range []string{"What do zebras have?", "What do giraffes have?", "What do giraffes have?"} {
		if r := b.Answer(ctx, q); !r.Answered {
			t.Errorf("turn %d, %q (read as %q): %s", i+1, q, r.Understood, r.Text)
		}
	}
}

// A question in a conversation asking whether what was said holds for one
// more thing ("… too?") is refused when the sentence just quoted is its
// best and lacks one of its new words; asked alone it is answered as
// before, and a question without "too" is answered.
func TestQuestionEchoingTheLastAnswerRefused(t *testing.T) {
	t.Parallel()
	b := minutesBot(t)
	ctx := WithConversation(context.Background(), "test:echo")
	if r := b.Answer(ctx, "What did the bowls club ask to lease?"); !r.Answered {
		t.Fatalf("first turn: %s", r.Text)
	}
	const q = "Can the council lease the pavilion too?"
	if r := b.Answer(ctx, q); r.Answered {
		t.Errorf("%q answered with the same sentence: %s", q, r.Text)
	}
	if r := b.Answer(context.Background(), q); !r.Answered {
		t.Errorf("%q asked alone moved: %s", q, r.Text)
	}
	// The last question again in other words ("building") is answered.
	const again = "Which old building did the bowls club ask for?"
	if r := b.Answer(ctx, again); !r.Answered || !strings.Contains(r.Citations[0].Text, "pavilion") {
		t.Errorf("%q, the question before in other words, was not answered: %s", again, r.Text)
	}
}

// "what did she say?" asks for what she said: the sentence saying it, next
// to the one that names her, not the name again.
func TestFollowUpSay(t *testing.T) {
	t.Parallel()
	doc, err := facts.Parse("harbour.txt", []byte(`The harbour town elected a new council in May.
Mayor Elena Voss opened the new ferry terminal on Friday.
She said the ferry would run every hour from June.
The old pier will close in the autumn.`))
	if err != nil {
		t.Fatal(err)
	}
	b := New(facts.NewStore(doc), Options{Memory: NewLocalMemory(0, 0, nil)})
	ctx := WithConversation(context.Background(), "test:say")
	b.Answer(ctx, "Who opened the ferry terminal?")
	r := b.Answer(ctx, "what did she say?")
	if !r.Answered || !strings.HasPrefix(r.Citations[0].Text, "She said") {
		t.Errorf("answered %q", r.Text)
	}
	if r.Reading != `Reading "she" as Mayor Elena Voss` {
		t.Errorf("reading %q", r.Reading)
	}
	if r := b.Answer(ctx, "how much did it cost?"); r.Answered {
		t.Errorf("%q (read as %q) answered: %s", "how much did it cost?", r.Understood, r.Text)
	}
}

// A follow-up that names something new makes it what "it" stands for next.
func TestFollowUpTopicMoves(t *testing.T) {
	t.Parallel()
	first := Turn{Understood: "Where does the Crab Pot serve food?", Topic: "Crab Pot serve food"}
	rd := readFollowUp("what about the Salt Loft?", first)
	if rd.topic != "Salt Loft" {
		t.Fatalf("topic %q, want Salt Loft", rd.topic)
	}
	next := readFollowUp("which day is it closed?", Turn{Understood: rd.understood, Topic: rd.topic})
	if next.understood != "which day is Salt Loft closed?" {
		t.Errorf("read as %q", next.understood)
	}
}

// "there" stands for the place the previous question named.
func TestFollowUpThere(t *testing.T) {
	t.Parallel()
	rd := readFollowUp("where can I eat there?", Turn{Understood: "How long is the walk to Pennick?", Topic: "walk Pennick"})
	if rd.understood != "where can I eat Pennick?" || rd.note != `Reading "there" as Pennick` {
		t.Errorf("read as %q (%q)", rd.understood, rd.note)
	}
}

// A sentence next to the previous answer is preferred while it scores at
// least a third of the best: next to an answer, a sentence often names the
// topic by a pronoun and scores low.
func TestPreferNear(t *testing.T) {
	t.Parallel()
	prev := &Turn{Answer: "The loaf is done when…", Doc: "d", Sentence: 48}
	hit := func(n int, score float64) match.Hit {
		return match.Hit{Sentence: facts.NewSentence("d", int32(n), ""), Score: score}
	}
	tests := []struct {
		hits []match.Hit
		want int
	}{
		{[]match.Hit{hit(57, 7.2), hit(49, 2.9)}, 49},               // 0.40 of the best, next to it
		{[]match.Hit{hit(57, 7.2), hit(50, 2.4), hit(49, 2.6)}, 49}, // the nearer of two
		{[]match.Hit{hit(57, 7.2), hit(49, 2.2)}, 57},               // 0.31: too weak
		{[]match.Hit{hit(57, 7.2), hit(52, 7.0)}, 57},               // too far
	}
	for i, tt := range tests {
		preferNear(tt.hits, prev, nil, ownMatch{})
		if got := tt.hits[0].Sentence.N; int(got) != tt.want {
			t.Errorf("case %d: preferred sentence %d, want %d", i, got, tt.want)
		}
	}
}

// Chat questions type names in lower case. "who is john bolton" … "what
// did he do?" asks about Bolton (the question's person comes before the
// answer's titled one); "and putin?" asks the question before of Putin;
// "what did pompeo say" names someone the text capitalises, so it starts
// afresh rather than carrying the topic; and "who is X" has no other
// person's name as its short answer.
func TestFollowUpsWithLowerCaseNames(t *testing.T) {
	t.Parallel()
	doc, err := facts.Parse("news.txt", []byte(`US President Donald Trump has directed his national security adviser, John Bolton, to invite Russian President Vladimir Putin to Washington.
Secretary of State Mike Pompeo said that was not going to happen.
Putin made the offer at a summit in Helsinki, and Pompeo spoke about it on Thursday.
Bolton said the talks were already under way, and Putin has not replied.`))
	if err != nil {
		t.Fatal(err)
	}
	b := New(facts.NewStore(doc), Options{Memory: NewLocalMemory(0, 0, nil)})
	ctx := WithConversation(context.Background(), "test:lower")
	if r := b.Answer(ctx, "who is john bolton"); r.Short != nil {
		t.Errorf("who is john bolton: short answer %q, want none (another person is no answer)", r.Short.Text)
	}
	if r := b.Answer(ctx, "what did he do"); r.Understood != "what did John Bolton do" {
		t.Errorf(`"what did he do" read as %q, want Bolton`, r.Understood)
	} else if !r.Answered && !strings.Contains(r.Text, "no more than the sentence I quoted last") {
		// Only the sentence just quoted says anything of him.
		t.Errorf(`"what did he do", answered by the last quote again: %q`, r.Text)
	}
	if r := b.Answer(ctx, "and putin?"); r.Understood != "what did Putin do" {
		t.Errorf(`"and putin?" read as %q`, r.Understood)
	}
	if r := b.Answer(ctx, "what did pompeo say"); r.Understood != "what did pompeo say" || !r.Answered {
		t.Errorf(`"what did pompeo say" read as %q (%s)`, r.Understood, r.Kind())
	}
	if r := b.Answer(context.Background(), "who is the secretary of state"); r.Short == nil || r.Short.Text != "Mike Pompeo" {
		t.Errorf("who is the secretary of state: short answer %+v", r.Short)
	}
}

// "What does she do for a living?" of someone just named asks what the
// text says she does, in words it does not use; a follow-up naming a
// thing the text lacks ("does she have a dog?") is still refused.
func TestFollowUpWhatSheDoes(t *testing.T) {
	t.Parallel()
	d, err := facts.Parse("fair.md", []byte("# Spring fair\n\n## Talks\n\n| Time | Talk | Speaker |\n|---|---|---|\n"+
		"| 10:00 | Keeping bees | Sarah Pennock |\n| 11:00 | Pressing apples | Owen Hale |\n\n"+
		"## Speakers\n\nSarah Pennock works as a beekeeper on the Ashby estate. Owen Hale grows cider apples near Tull.\n\n"+
		"## Parking\n\nParking is free in the school field.\n"))
	if err != nil {
		t.Fatal(err)
	}
	b := New(facts.NewStore(d), Options{Memory: NewLocalMemory(0, 0, nil)})
	ctx := WithConversation(context.Background(), "test:living")
	if r := b.Answer(ctx, "who is giving the talk on keeping bees"); !r.Answered || !strings.Contains(r.Citations[0].Text, "Sarah Pennock") {
		t.Fatalf("first turn: %q", r.Text)
	}
	if r := b.Answer(ctx, "what does she do for a living"); !r.Answered || !strings.Contains(r.Citations[0].Text, "beekeeper") {
		t.Errorf("what she does: answered %v %q (understood %q)", r.Answered, r.Text, r.Understood)
	}
	if r := b.Answer(ctx, "does she have a dog"); r.Answered {
		t.Errorf("a dog the text does not mention: answered %q", r.Text)
	}
}

// A common word the documents write as part of a name ("The Long Table",
// "The Living Loaf") is the common word in "how long" or "for a living";
// a name after "the" still reads as one when the next word is a name too.
func TestWithNamesLeavesAskedWords(t *testing.T) {
	t.Parallel()
	d, err := facts.Parse("notes.md", []byte("# The Long Table, episode 12\n\nThe Long Table is a podcast about bread. "+
		"Ines Ortega wrote The Living Loaf. The Long Table is made in Bristol. The Living Loaf comes out in May. "+
		"Ines visited the White House once. The White House served bread.\n"))
	if err != nil {
		t.Fatal(err)
	}
	s := facts.NewStore(d)
	for q, want := range map[string]string{
		"how long is the discount good for":   "how long is the discount good for",
		"did she ever bake for a living":      "did she ever bake for a living",
		"when does the living loaf come out":  "when does the Living Loaf come out",
		"what did she say at the white house": "what did she say at the White House",
	} {
		if got := withNames(q, s); got != want {
			t.Errorf("withNames(%q) = %q, want %q", q, got, want)
		}
	}
}

// "She" is a person, not an institution named in several words.
func TestSheIsNotAnInstitution(t *testing.T) {
	t.Parallel()
	body := Turn{Question: "who runs the observatory", Understood: "who runs the observatory",
		Answer: "The island is watched day and night by the Tregarra Observatory, which opened in 1988."}
	rd := readFollowUp("what did she say about storms", body)
	if strings.Contains(rd.understood, "Tregarra") {
		t.Errorf("%q read as %q: she is not the observatory", "what did she say about storms", rd.understood)
	}
	named := Turn{Question: "who runs the observatory", Understood: "who runs the observatory",
		Answer: "Lena Brookfield has run the Tregarra Observatory since 2015."}
	check(t, "what did she say about storms", "what did Lena Brookfield say about storms", true,
		readFollowUp("what did she say about storms", named))
	for _, tt := range []struct {
		name string
		body bool
	}{{"Karsa Volcano Observatory", true}, {"Rowan House Hospice", true}, {"Ashworth Town Council", true},
		{"Lena Brookfield", false}, {"Tom Hill", false}, {"Ann Baker", false}} {
		if got := namesBody(words(tt.name)); got != tt.body {
			t.Errorf("namesBody(%q) = %v, want %v", tt.name, got, tt.body)
		}
	}
}

// A pronoun does not stand again for what another pronoun already
// brought in, whatever its case: not "how long has Ezra Pembury been
// doing ezra".
func TestAntecedentOnce(t *testing.T) {
	t.Parallel()
	prev := Turn{Question: "who is ezra", Understood: "who is ezra",
		Answer: "Ezra Pembury, the ferryman, has carried passengers across the sound for forty years."}
	rd := readFollowUp("how long has he been doing that", prev)
	if strings.Count(strings.ToLower(rd.understood), "ezra") != 1 {
		t.Errorf("read as %q: Ezra once, for he", rd.understood)
	}
}

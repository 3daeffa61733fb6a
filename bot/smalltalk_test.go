package bot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/storybot/storybot/bot"
	"github.com/storybot/storybot/facts"
)

func TestSmallTalkKinds(t *testing.T) {
	t.Parallel()
	tests := []struct {
		msg  string
		want bot.Talk
	}{
		{"hello!", bot.TalkGreeting},
		{"Heyyy there 👋", bot.TalkGreeting},
		{"good afternoon everyone", bot.TalkGreeting},
		{"Thank you very much!!", bot.TalkThanks},
		{"thx mate, that helps", bot.TalkThanks},
		{"bye for now", bot.TalkBye},
		{"see ya monday", bot.TalkBye},
		{"ok see you next week!", bot.TalkBye},
		{"evening all, hope ur well", bot.TalkGreeting},
		{"hi, what can you do?", bot.TalkHelp},
		{"HELP", bot.TalkHelp},
		{"are you a bot?", bot.TalkIdentity},
		{"what’s your name", bot.TalkIdentity},
		{"ok cool", bot.TalkAck},
		{"oops, ignore that", bot.TalkAck},
		{"sorry wrong chat!", bot.TalkAck},
		{"scratch that", bot.TalkAck},
		{"can i ignore the sat nav", bot.TalkNone},
		{"that's wrong", bot.TalkFeedback},
		{"🎉🎉", bot.TalkNoWords},
		{"...", bot.TalkNoWords},
		{"buenos días, ¿cómo estás?", bot.TalkForeign},
		{"danke", bot.TalkForeign},
		{"Привет, как дела?", bot.TalkForeign},
		{"こんにちは", bot.TalkForeign},
		{"remind me to call mum at 6", bot.TalkTask},
		{"can you set a timer for ten minutes", bot.TalkTask},
		{"write me a poem about Putin", bot.TalkTask},
		{"book me a table for two tonight", bot.TalkTask},
		{"fix my code pls", bot.TalkTask},
		{"play some music", bot.TalkTask},
		{"can you put on a podcast", bot.TalkTask},
		{"play football on the top pitch?", bot.TalkNone},
		{"summarise this chat", bot.TalkTask},
		{"what's the time?", bot.TalkTask},
		{"happy friday!!", bot.TalkGreeting},
		{"who built this thing", bot.TalkIdentity},
		// Questions stay questions, whatever chat surrounds them.
		{"Who is the Secretary of State?", bot.TalkNone},
		{"hi, who is the Secretary of State?", bot.TalkNone},
		{"thanks! and when did Putin visit?", bot.TalkNone},
		{"what can you tell me about Putin", bot.TalkNone},
		{"How do you know when the bread is done?", bot.TalkNone},
		{"Where is Los Angeles?", bot.TalkNone},
		{"who is Beyoncé married to", bot.TalkNone},
		{"help me find the refund policy", bot.TalkNone},
		{"what about the ferry?", bot.TalkNone},
		{"why?", bot.TalkNone},
		{"find me the refund policy", bot.TalkNone},
		{"summarise the minutes", bot.TalkNone},
		{"book a table for two", bot.TalkNone},
		{"To calculate the angular acceleration what would you use?", bot.TalkNone},
		{"write to the council about the park", bot.TalkNone},
		{"schedule for saturday?", bot.TalkNone},
		{"text size on the app?", bot.TalkNone},
	}
	for _, tt := range tests {
		if got := bot.SmallTalk(tt.msg); got != tt.want {
			t.Errorf("SmallTalk(%q) = %s, want %s", tt.msg, got, tt.want)
		}
	}
}

// Personal questions put to the bot are small talk however they are
// phrased; second-person questions about the documents are not.
func TestSmallTalkPersonal(t *testing.T) {
	t.Parallel()
	personal := []string{
		"who is your best friend?",
		"have you got any kids",
		"r u married??",
		"do you have a boyfriend",
		"what kind of films do you like",
		"what's ur fave food",
		"when is your birthday",
		"when were you born",
		"where did you grow up",
		"do you ever get lonely",
		"how tall are you",
		"what do you do for fun",
		"what do you do in your free time",
		"do you ever sleep",
		"what did you eat today",
		"are you hungry",
		"how are you feeling",
		"hi! do you have any pets?",
		"will you marry me",
		"what should I call you",
		"who is your favourite author",
		"can you sing me a song",
		"write me a poem please",
		"i'd love to hear a joke",
		"do you know any riddles?",
		"a joke please",
		"tell me a story",
	}
	for _, q := range personal {
		if got := bot.SmallTalk(q); got != bot.TalkIdentity {
			t.Errorf("SmallTalk(%q) = %s, want identity", q, got)
		}
	}
	questions := []string{
		// The impersonal "you": anyone who does what the documents describe.
		"what should you pack for the hike",
		"how long do you rest the dough",
		"how long do you bake it for",
		"can you tell me who seconded the motion",
		"where do you park",
		"where can you eat",
		"where do you have lunch",
		"what can you drink there",
		"can you get breakfast",
		"how old do you have to be",
		"how old must you be to vote",
		"do you need a permit",
		"what do you eat it with",
		"do you like it",
		"what did you say about the budget",
		"what is your opening time",
		// Third person, or about something the documents may hold.
		"what did she have for breakfast",
		"how old is the bakery",
		"who is the mayor married to",
		"what is his favourite colour",
		"what is the story about",
		"tell me the story",
		"tell me about the story",
		"tell me a joke about the council",
		"story",
		"what do you call a baker with no flour",
	}
	for _, q := range questions {
		if got := bot.SmallTalk(q); got != bot.TalkNone {
			t.Errorf("SmallTalk(%q) = %s, want none", q, got)
		}
	}
}

// Small talk is answered in kind: no citation, no candidates, and the reply
// points at questions the document does answer.
func TestSmallTalkReplies(t *testing.T) {
	t.Parallel()
	b := storyBot(t)
	tests := []struct{ msg, say string }{
		{"hi", "Hi!"},
		{"thanks!", "welcome"},
		{"help", "I'm storybot"},
		{"who are you?", "I'm storybot"},
		{"do you have a girlfriend?", "I'm storybot"},
		{"tell me a funny joke", "I'm storybot"},
		{"bonjour, ça va ?", "only understand English"},
		{"👍", "Please ask a question"},
		{"you're useless", "Sorry"},
		{"remind me to buy milk", "can't do that"},
	}
	for _, tt := range tests {
		r := b.Answer(context.Background(), tt.msg)
		if r.Outcome != bot.OutcomeSmallTalk || r.Answered || r.Kind() != "smalltalk" {
			t.Errorf("Answer(%q): outcome %s answered %v kind %s, want smalltalk", tt.msg, r.Outcome, r.Answered, r.Kind())
		}
		if len(r.Citations) != 0 || len(r.Candidates()) != 0 {
			t.Errorf("Answer(%q) cites %v / %v", tt.msg, r.Citations, r.Candidates())
		}
		if !strings.Contains(r.Text, tt.say) || !strings.Contains(r.Text, "story.txt") {
			t.Errorf("Answer(%q) = %q, want it to say %q and name the document", tt.msg, r.Text, tt.say)
		}
	}
}

// The example questions a refusal offers are answered by the document:
// following the bot's own advice never leads to another refusal.
func TestExamplesAreAnswered(t *testing.T) {
	t.Parallel()
	b := storyBot(t)
	r := b.Answer(context.Background(), "Who wrote Hamlet?")
	if r.Kind() != "not_found" || len(r.Examples) == 0 {
		t.Fatalf("Answer(Hamlet) = %s with examples %v, want not_found with examples", r.Kind(), r.Examples)
	}
	if strings.Count(r.Text, "\n") != 0 {
		t.Errorf("not-found reply should be one line: %q", r.Text)
	}
	for _, q := range r.Examples {
		if !strings.Contains(r.Text, q) {
			t.Errorf("reply %q does not offer %q", r.Text, q)
		}
		if e := b.Answer(context.Background(), q); e.Kind() != "answer" {
			t.Errorf("example %q is not answered: %s %q", q, e.Kind(), e.Text)
		}
	}
}

// SmallTalk runs before the matcher on every message: a question must
// pass through it for a small part of an answer's cost.
func BenchmarkSmallTalk(b *testing.B) {
	msgs := []string{"Who is the Secretary of State?", "What about way jumping creaked?",
		"how long does the hike to the village take", "thanks so much!", "hey bot, what can you do?",
		"Wo ist der Bahnhof?"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		bot.SmallTalk(msgs[i%len(msgs)])
	}
}

// "What's new?" greets in chat, but asks about release notes that have a
// "New features" section.
func TestWhatsNewAsksAboutANewSection(t *testing.T) {
	t.Parallel()
	d, err := facts.Parse("notes.md", []byte("# Release 4.2\n\nReleased in March.\n\n## New features\n\n"+
		"- **Dark mode:** the apps follow the system theme.\n- **Guest portals:** share a read-only view.\n"))
	if err != nil {
		t.Fatal(err)
	}
	notes := bot.New(facts.NewStore(d), bot.Options{})
	if r := notes.Answer(context.Background(), "what's new?"); r.Outcome == bot.OutcomeSmallTalk || !strings.Contains(r.Text, "Dark mode") {
		t.Errorf("release notes: %s %q", r.Outcome, r.Text)
	}
	if r := storyBot(t).Answer(context.Background(), "what's new?"); r.Outcome != bot.OutcomeSmallTalk {
		t.Errorf("story: %s %q, want small talk", r.Outcome, r.Text)
	}
}

// A sum or a unit conversion is a task for a calculator, not a question
// about the documents, unless it asks of them with a word of its own.
func TestCalculationIsATask(t *testing.T) {
	t.Parallel()
	for msg, want := range map[string]bot.Talk{
		"5 feet 10 in cm":                      bot.TalkTask,
		"what's 2 to the power of 10":          bot.TalkTask,
		"how many seconds in a day":            bot.TalkTask,
		"convert 3 miles to km":                bot.TalkTask,
		"what is 15 percent of 80":             bot.TalkTask,
		"whats 12+7":                           bot.TalkTask,
		"what is 6 * 9":                        bot.TalkTask,
		"17 x 23":                              bot.TalkTask,
		"is a 55 x 40 x 23 bag ok":             bot.TalkNone,
		"is it open 24/7":                      bot.TalkNone,
		"is it 1-2 days":                       bot.TalkNone,
		"a+ grade":                             bot.TalkNone,
		"how many days in a week are you open": bot.TalkNone,
		"how many days is the return valid":    bot.TalkNone,
		"how much is 2 adults":                 bot.TalkNone,
		"3 adults 2 kids how much":             bot.TalkNone,
		"is it 5 minutes to the station":       bot.TalkNone,
	} {
		if got := bot.SmallTalk(msg); got != want {
			t.Errorf("SmallTalk(%q) = %v, want %v", msg, got, want)
		}
	}
}

package discord

import (
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storybot/storybot/bot"
	"github.com/storybot/storybot/internal/testbot"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

const pompeoSentence = `In an interview with The Christian Broadcasting Network on Thursday, Secretary of State Mike Pompeo said, "that's not going to happen."`

// realAnswer is shaped like bot.Bot's plain Text: quoted sentences with
// their markers, then the sources.
func realAnswer(multi bool, cs ...bot.Citation) bot.Reply {
	r := bot.Reply{Outcome: bot.OutcomeAnswered, Answered: true, MultiDoc: multi, Citations: cs}
	var b strings.Builder
	for i, c := range cs {
		if i > 0 {
			b.WriteString(" ")
		}
		fmt.Fprintf(&b, "%s [%d]", c.Text, c.N)
	}
	b.WriteString("\n\nSources:")
	for _, c := range cs {
		fmt.Fprintf(&b, "\n[%d] %s", c.N, bot.Source(c, multi))
	}
	r.Text = b.String()
	return r
}

func cite(n int, doc string, sentence, paragraph int, text string) bot.Citation {
	return bot.Citation{N: n, Doc: doc, Sentence: sentence, Paragraph: paragraph, Text: text}
}

func longSentences(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "Sentence number %d says something about the summit in Helsinki. ", i+1)
	}
	return strings.TrimSpace(b.String())
}

var renderCases = []struct {
	name  string
	limit int
	r     bot.Reply
}{
	{"answered", MessageLimit, realAnswer(false, cite(1, "story.txt", 11, 10, pompeoSentence))},
	{"follow up", MessageLimit, func() bot.Reply {
		r := realAnswer(false, cite(1, "story.txt", 11, 10, pompeoSentence))
		r.Reading = `Reading "he" as Secretary of State Mike Pompeo`
		r.Text = r.Reading + ".\n\n" + r.Text
		return r
	}()},
	{"two citations", MessageLimit, realAnswer(false,
		cite(1, "story.txt", 4, 3, "President Trump asked @Ambjohnbolton to invite President Putin to Washington in the fall and those discussions are already underway."),
		cite(2, "story.txt", 2, 2, `"President Trump asked @Ambjohnbolton to invite President Putin to Washington in the fall and those discussions are already underway," White House spokeswoman Sarah Sanders said in a Twitter post.`))},
	{"multi doc", MessageLimit, realAnswer(true, cite(1, "my_story*.txt", 11, 10, pompeoSentence))},
	{"lead kept", MessageLimit, bot.Reply{Outcome: bot.OutcomeAnswered, Answered: true,
		Text:      "Mike Pompeo [1].\n\nSources:\n[1] sentence 11, paragraph 10",
		Citations: []bot.Citation{cite(1, "story.txt", 11, 10, pompeoSentence)}}},
	{"not found", MessageLimit, bot.Reply{Outcome: bot.OutcomeNotFound,
		Text: "I can't find an answer to that in story.txt. None of its words (capital, peru) appear there. It is about President, offer, Trump, House, White, Americans: try asking about one of those."}},
	{"refused", MessageLimit, bot.Reply{Outcome: bot.OutcomeRefused, Text: `Please ask a question about the document, for example: "Who is President?".`}},
	{"limited", MessageLimit, bot.Reply{Outcome: bot.OutcomeLimited, Text: "You are asking faster than I can answer: please wait a minute."}},
	{"empty", MessageLimit, bot.Reply{}},
	{"hostile markdown", MessageLimit, realAnswer(false,
		cite(1, "story.txt", 1, 1, "@everyone look: **bold** _it_ ~~gone~~ `code` ||spoiler|| <@123> <@&456> <#789> <t:0> [click](https://evil.example) \\ end"),
		cite(2, "story.txt", 2, 1, "# Heading\n> quote\n- list"))},
	{"hostile lead", MessageLimit, bot.Reply{Outcome: bot.OutcomeNotFound,
		Text: "# not a heading\n> not a quote\n- not a list\n1. not numbered\n[1](https://evil.example) and [x](y) @here"}},
	{"split on sentences", 300, realAnswer(false, cite(1, "story.txt", 1, 1, longSentences(12)))},
	{"split lines", 200, bot.Reply{Outcome: bot.OutcomeNotFound, Text: strings.Repeat("A line of the answer that is rather long.\n", 12)}},
	{"hard split emoji", 40, bot.Reply{Outcome: bot.OutcomeNotFound, Text: strings.Repeat("😀", 50)}},
	{"full size", MessageLimit, realAnswer(false,
		cite(1, "story.txt", 1, 1, longSentences(30)),
		cite(2, "story.txt", 2, 1, longSentences(30)))},
}

func TestRenderGolden(t *testing.T) {
	for _, tt := range renderCases {
		t.Run(tt.name, func(t *testing.T) {
			msgs := render(tt.r, tt.limit)
			if len(msgs) == 0 {
				t.Fatalf("no messages")
			}
			var b strings.Builder
			for i, m := range msgs {
				n := utf16Len(m)
				if n > tt.limit {
					t.Errorf("message %d is %d UTF-16 units, over %d", i+1, n, tt.limit)
				}
				if strings.TrimSpace(m) == "" {
					t.Errorf("message %d is blank", i+1)
				}
				fmt.Fprintf(&b, "=== message %d (%d UTF-16 units, limit %d) ===\n%s\n", i+1, n, tt.limit, m)
			}
			path := filepath.Join("testdata", strings.ReplaceAll(tt.name, " ", "_")+".golden")
			testbot.Golden(t, path, []byte(b.String()), *update)
		})
	}
}

// Splitting must lose no words and keep every piece of a quote a quote.
func TestRenderSplitKeepsEverything(t *testing.T) {
	text := longSentences(50)
	r := realAnswer(false, cite(1, "story.txt", 1, 1, text))
	msgs := Render(r)
	if len(msgs) < 2 {
		t.Fatalf("a %d-character sentence fit in %d message(s)", len(text), len(msgs))
	}
	var words []string
	for _, m := range msgs {
		if utf16Len(m) > MessageLimit {
			t.Errorf("message of %d UTF-16 units", utf16Len(m))
		}
		for _, l := range strings.Split(m, "\n") {
			if !strings.HasPrefix(l, "> ") {
				t.Errorf("line outside the quote: %q", l)
			}
			words = append(words, strings.Fields(strings.TrimPrefix(l, "> "))...)
		}
	}
	got := strings.Join(words, " ")
	if !strings.Contains(got, text) {
		t.Errorf("the sentence did not survive splitting intact")
	}
}

func TestSplitToFit(t *testing.T) {
	tests := []struct {
		s    string
		max  int
		want []string
	}{
		{"short", 10, []string{"short"}},
		{"One two. Three four.", 12, []string{"One two.", "Three four."}},
		{"aaaa bbbb cccc", 9, []string{"aaaa bbbb", "cccc"}},
		{"aaaa bbbb cccc", 8, []string{"aaaa", "bbbb", "cccc"}},
		{"abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
		{"😀😀😀", 3, []string{"😀", "😀", "😀"}}, // never half a surrogate pair
		{`abc\*def`, 4, []string{"abc", `\*de`, "f"}},
		{"", 5, []string{""}},
	}
	for _, tt := range tests {
		got := splitToFit(tt.s, tt.max)
		if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", tt.want) {
			t.Errorf("splitToFit(%q, %d) = %q, want %q", tt.s, tt.max, got, tt.want)
		}
	}
}

func TestUTF16Len(t *testing.T) {
	for s, want := range map[string]int{"": 0, "abc": 3, "é": 1, "😀": 2, "a😀b": 4, "\xff": 1} {
		if got := utf16Len(s); got != want {
			t.Errorf("utf16Len(%q) = %d, want %d", s, got, want)
		}
	}
}

// One reply never floods a channel: a megabyte-long "sentence" (a document
// without full stops) takes at most MaxMessages messages, the last saying
// the reply was cut.
func TestRenderCapsMessages(t *testing.T) {
	huge := strings.Repeat("word after word without a full stop ", 50000) // 1.8 MB
	for _, r := range []bot.Reply{
		realAnswer(false, cite(1, "log.txt", 1, 1, huge)),
		{Outcome: bot.OutcomeNotFound, Text: huge},
	} {
		msgs := Render(r)
		if len(msgs) != MaxMessages {
			t.Fatalf("%d messages, want the cap, %d", len(msgs), MaxMessages)
		}
		for _, m := range msgs {
			if utf16Len(m) > MessageLimit {
				t.Errorf("message of %d UTF-16 units", utf16Len(m))
			}
		}
		if !strings.HasSuffix(msgs[len(msgs)-1], shortened) {
			t.Errorf("last message does not say it was shortened: …%q", msgs[len(msgs)-1][len(msgs[len(msgs)-1])-60:])
		}
	}
}

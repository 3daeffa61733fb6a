package slack

import (
	"encoding/json"
	"flag"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/slack-go/slack"

	"github.com/storybot/storybot/bot"
	"github.com/storybot/storybot/internal/testbot"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/")

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	testbot.Golden(t, filepath.Join("testdata", name), got, *update)
}

var pompeo = bot.Citation{
	N: 1, Doc: "story.txt", Paragraph: 10, Sentence: 24,
	Text: `In an interview with The Christian Broadcasting Network on Thursday, Secretary of State Mike Pompeo said, "that's not going to happen."`,
}

func TestRenderGolden(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("Ünïcödé sentence & more. ", 300) // > 4,000 runes, multi-byte
	many := make([]bot.Citation, 23)
	for i := range many {
		many[i] = bot.Citation{N: i + 1, Doc: "d.txt", Paragraph: i, Text: "Sentence."}
	}
	tests := []struct {
		name  string
		reply bot.Reply
	}{
		{"answered", bot.Reply{
			Outcome: bot.OutcomeAnswered, Answered: true, Confidence: 0.9,
			Text:      pompeo.Text + " [1]\n\nSources:\n[1] sentence 24, paragraph 10",
			Citations: []bot.Citation{pompeo},
		}},
		{"follow_up", bot.Reply{
			Outcome: bot.OutcomeAnswered, Answered: true, Confidence: 0.9,
			Question: "what did he say?", Understood: "what did Secretary of State Mike Pompeo say?",
			Reading:   `Reading "he" as Secretary of State Mike Pompeo`,
			Text:      "Reading \"he\" as Secretary of State Mike Pompeo.\n\n" + pompeo.Text + " [1]\n\nSources:\n[1] sentence 24, paragraph 10",
			Citations: []bot.Citation{pompeo},
		}},
		{"multidoc", bot.Reply{
			Outcome: bot.OutcomeAnswered, Answered: true, MultiDoc: true,
			Text: "First. [1] Second. [2]\n\nSources:\n[1] a.txt, sentence 1, paragraph 1\n[2] b.txt, sentence 7, paragraph 4",
			Citations: []bot.Citation{
				{N: 1, Doc: "a.txt", Sentence: 1, Paragraph: 1, Text: "First."},
				{N: 2, Doc: "b.txt", Sentence: 7, Paragraph: 4, Text: "Second."},
			},
		}},
		{"not_found", bot.Reply{
			Outcome:     bot.OutcomeNotFound,
			Text:        "The story does not say. It is about Trump, Putin and Helsinki.",
			Suggestions: []string{"Putin", "Helsinki", "Bolton"},
		}},
		{"rate_limited", bot.Reply{
			Outcome: bot.OutcomeLimited,
			Text:    "You are asking too fast; please wait a minute.",
		}},
		{"injection", bot.Reply{
			Outcome: bot.OutcomeAnswered, Answered: true,
			Text:      "<!channel> hey <@U123> see <http://evil.example|this> & that [1]",
			Citations: []bot.Citation{{N: 1, Doc: "x", Paragraph: 1, Text: "<!here> <@U999> & <#C1>"}},
		}},
		{"long", bot.Reply{
			Outcome: bot.OutcomeAnswered, Answered: true, Text: long,
			Citations: []bot.Citation{{N: 1, Paragraph: 1, Text: long}},
		}},
		{"many_citations", bot.Reply{
			Outcome: bot.OutcomeAnswered, Answered: true, Text: "Many [1]…[23]", Citations: many,
		}},
		{"invalid_utf8", bot.Reply{
			Outcome: bot.OutcomeAnswered, Answered: true, Text: "bad \xff\xfe bytes",
		}},
		{"empty", bot.Reply{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := RenderJSON(tt.reply)
			if err != nil {
				t.Fatal(err)
			}
			golden(t, "render_"+tt.name+".json", got)
			checkLimits(t, Render(tt.reply, InChannel))
		})
	}
}

var citationLink = regexp.MustCompile(`^<https?://[^<>|\s]+\|\[\d+\]>`)

// checkLimits asserts Slack's message limits and that nothing unescaped got
// through.
func checkLimits(t *testing.T, m slack.Msg) {
	t.Helper()
	if n := utf8.RuneCountInString(m.Text); n > maxTextRunes {
		t.Errorf("text has %d runes, limit %d", n, maxTextRunes)
	}
	if n := len(m.Blocks.BlockSet); n > maxBlocks || n == 0 {
		t.Errorf("%d blocks, want 1..%d", n, maxBlocks)
	}
	texts := []string{m.Text}
	for _, b := range m.Blocks.BlockSet {
		switch b := b.(type) {
		case *slack.SectionBlock:
			if n := utf8.RuneCountInString(b.Text.Text); n > maxSectionRunes {
				t.Errorf("section has %d runes, limit %d", n, maxSectionRunes)
			}
			texts = append(texts, b.Text.Text)
		case *slack.ContextBlock:
			if n := len(b.ContextElements.Elements); n > maxContextElems {
				t.Errorf("context block has %d elements, limit %d", n, maxContextElems)
			}
			for _, e := range b.ContextElements.Elements {
				texts = append(texts, e.(*slack.TextBlockObject).Text)
			}
		default:
			t.Errorf("unexpected block %T", b)
		}
	}
	for _, s := range texts {
		if !utf8.ValidString(s) {
			t.Errorf("invalid UTF-8 in %q", s)
		}
		// The bot's own citation links, <https://…|[n]>, are the only
		// markup allowed.
		if strings.ContainsAny(citationLink.ReplaceAllString(s, ""), "<>") {
			t.Errorf("unescaped < or > in %q", s)
		}
	}
}

// One reply is at most maxReplyBlocks blocks, however many citations it
// has, and a megabyte-long sentence stays within Slack's limits.
func TestRenderCapsBlocks(t *testing.T) {
	t.Parallel()
	many := make([]bot.Citation, 200)
	for i := range many {
		many[i] = bot.Citation{N: i + 1, Doc: "d.txt", Sentence: i + 1, Paragraph: 1, Text: fmt.Sprintf("Sentence %d.", i+1)}
	}
	huge := strings.Repeat("word after word without a full stop ", 50000)
	for name, r := range map[string]bot.Reply{
		"many citations": {Outcome: bot.OutcomeAnswered, Answered: true, Text: "See these.", Citations: many},
		"huge sentence": {Outcome: bot.OutcomeAnswered, Answered: true, Text: huge + " [1]\n\nSources:\n[1] sentence 1, paragraph 1",
			Citations: []bot.Citation{{N: 1, Doc: "log.txt", Sentence: 1, Paragraph: 1, Text: huge}}},
	} {
		m := Render(r, InChannel)
		if n := len(m.Blocks.BlockSet); n > maxReplyBlocks {
			t.Errorf("%s: %d blocks, want at most %d", name, n, maxReplyBlocks)
		}
		b, err := marshalMsg(m)
		if err != nil {
			t.Fatal(err)
		}
		if len(b) > 40_000 {
			t.Errorf("%s: a %d-byte message", name, len(b))
		}
	}
}

func TestRenderResponseType(t *testing.T) {
	t.Parallel()
	answered := bot.Reply{Outcome: bot.OutcomeAnswered, Answered: true, Text: "x"}
	tests := []struct {
		name  string
		reply bot.Reply
		asked string
		want  string
	}{
		{"answered in channel", answered, InChannel, InChannel},
		{"answered ephemeral", answered, Ephemeral, Ephemeral},
		{"answered unknown type", answered, "loud", Ephemeral},
		{"not found", bot.Reply{Outcome: bot.OutcomeNotFound, Text: "no"}, InChannel, Ephemeral},
		{"refused", bot.Reply{Outcome: bot.OutcomeRefused, Text: "no"}, InChannel, Ephemeral},
		{"rate limited", bot.Reply{Outcome: bot.OutcomeLimited, Answered: true, Text: "slow down"}, InChannel, Ephemeral},
	}
	for _, tt := range tests {
		if got := Render(tt.reply, tt.asked).ResponseType; got != tt.want {
			t.Errorf("%s: Render(%+v, %q).ResponseType = %q, want %q", tt.name, tt.reply, tt.asked, got, tt.want)
		}
	}
}

func TestRenderJSONIsValidBlockKit(t *testing.T) {
	t.Parallel()
	b, err := RenderJSON(bot.Reply{Answered: true, Outcome: bot.OutcomeAnswered, Text: "a [1]", Citations: []bot.Citation{pompeo}})
	if err != nil {
		t.Fatal(err)
	}
	var m slack.Msg
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("slack-go cannot read our JSON back: %v", err)
	}
	if len(m.Blocks.BlockSet) != 2 || m.ResponseType != InChannel {
		t.Errorf("round trip: %d blocks, type %q; want 2, in_channel", len(m.Blocks.BlockSet), m.ResponseType)
	}
}

func TestEscapeTruncate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		max  int
		want string
	}{
		{"plain", 10, "plain"},
		{"<!channel>", 100, "&lt;!channel&gt;"},
		{"a & b", 100, "a &amp; b"},
		{"&amp;", 100, "&amp;amp;"}, // already-escaped text is shown literally
		{"abcdef", 6, "abcdef"},
		{"abcdefg", 6, "abcde…"},
		{"héllo wörld", 5, "héll…"},
		{"ab<cd", 4, "ab…"},     // never split "&lt;"
		{"ab<cd", 7, "ab&lt;…"}, // "c" would take the slot the ellipsis needs
		{"ab<c", 7, "ab&lt;c"},  // fits exactly
		{"bad\xffbyte", 20, "bad\uFFFDbyte"},
		{"😀😀😀", 2, "😀…"},
		{"", 5, ""},
	}
	for _, tt := range tests {
		got := escapeTruncate(tt.in, tt.max)
		if got != tt.want {
			t.Errorf("escapeTruncate(%q, %d) = %q, want %q", tt.in, tt.max, got, tt.want)
		}
		if n := utf8.RuneCountInString(got); n > tt.max {
			t.Errorf("escapeTruncate(%q, %d) has %d runes", tt.in, tt.max, n)
		}
	}
}

func TestCleanText(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"  Who is &lt;@U123&gt;?  ", "Who is <@U123>?"},
		{"A &amp; B", "A & B"},
		{"&amp;lt;", "&lt;"}, // the user typed "&lt;" literally
		{"&lt;!channel&gt;", "<!channel>"},
		{"bad\xffutf8", "bad\uFFFDutf8"},
	}
	for _, tt := range tests {
		if got := cleanText(tt.in); got != tt.want {
			t.Errorf("cleanText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestStripMention(t *testing.T) {
	t.Parallel()
	tests := []struct{ text, self, want string }{
		{"<@UBOT> who is it?", "UBOT", " who is it?"},
		{"who is <@UBOT> asking", "UBOT", "who is  asking"},
		{"<@UBOT|storybot> hi", "UBOT", " hi"},
		{"<@UBOT> is <@UOTHER> here?", "UBOT", " is <@UOTHER> here?"},
		{"<@UBOT> hi", "", " hi"},
		{"hi <@UOTHER>", "", "hi <@UOTHER>"},
	}
	for _, tt := range tests {
		if got := stripMention(tt.text, tt.self); got != tt.want {
			t.Errorf("stripMention(%q, %q) = %q, want %q", tt.text, tt.self, got, tt.want)
		}
	}
}

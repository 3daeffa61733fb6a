package slack

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/slack-go/slack"

	"github.com/storybot/storybot/bot"
)

// Slack's published limits. Going over them makes Slack reject the whole
// message (invalid_blocks, msg_too_long), so the user would see nothing.
const (
	maxTextRunes    = 4000
	maxSectionRunes = 3000
	maxContextRunes = 2000 // per context element; kept below the section limit
	maxBlocks       = 50
	maxContextElems = 10
)

// maxReplyBlocks caps the blocks of one reply, well below Slack's limit
// (maxBlocks): an answer is a section and a few lines of sources, and
// anything longer is a flood in a channel. Citations beyond it are left
// out; the plain-text fallback still lists them.
const maxReplyBlocks = 5

// Response types a slash command answer may use.
const (
	InChannel = slack.ResponseTypeInChannel
	Ephemeral = slack.ResponseTypeEphemeral
)

// Render turns a reply into a Slack message: the answer as a section, the
// cited sentences as context blocks, and a plain-text fallback for
// notifications and old clients. responseType applies only to answered
// replies; anything else (not found, refused, rate limited) is ephemeral so
// the channel is not spammed with the bot's failures. Render is pure, so the
// REPL can preview exactly what Slack would get.
func Render(r bot.Reply, responseType string) slack.Msg {
	if !public(r) || responseType != InChannel {
		responseType = Ephemeral
	}
	text := r.Text
	if strings.TrimSpace(text) == "" {
		text = "I have no answer to that."
	}
	answer := answerPart(r, text)
	blocks := []slack.Block{section(boldShort(r, answer))}
	blocks = append(blocks, citationBlocks(r, answer, maxReplyBlocks-len(blocks))...)
	if !r.Answered && len(r.Suggestions) > 0 && len(blocks) < maxReplyBlocks {
		blocks = append(blocks, slack.NewContextBlock("",
			mrkdwn(escapeTruncate("Try asking about: "+strings.Join(r.Suggestions, ", "), maxContextRunes))))
	}
	return slack.Msg{
		ResponseType: responseType,
		Text:         escapeTruncate(text, maxTextRunes),
		Blocks:       slack.Blocks{BlockSet: blocks},
	}
}

// RenderJSON is Render with in_channel, as indented JSON of exactly the
// fields sent to Slack, for previews (":render slack") and golden files.
func RenderJSON(r bot.Reply) ([]byte, error) {
	b, err := marshalMsg(Render(r, InChannel))
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if err := json.Indent(&out, b, "", "  "); err != nil {
		return nil, fmt.Errorf("indent slack message: %w", err)
	}
	out.WriteByte('\n')
	// Block Kit's own marshalling writes the < and > of citation links as
	// \u003c and \u003e; the same JSON value, shown as Slack reads it.
	return unescapeAngles(out.Bytes()), nil
}

// unescapeAngles turns JSON's \u003c and \u003e escapes back into < and
// >, leaving an escaped backslash followed by "u003c" as it is.
func unescapeAngles(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		if b[i] == '\\' && i+1 < len(b) && b[i+1] == '\\' {
			out = append(out, b[i], b[i+1])
			i++
			continue
		}
		if b[i] == '\\' && (bytes.HasPrefix(b[i:], []byte(`\u003c`)) || bytes.HasPrefix(b[i:], []byte(`\u003e`))) {
			out = append(out, map[byte]byte{'c': '<', 'e': '>'}[b[i+5]])
			i += 5
			continue
		}
		out = append(out, b[i])
	}
	return out
}

// public reports whether a reply may be shown to the whole channel.
func public(r bot.Reply) bool {
	return r.Answered && (r.Outcome == "" || r.Outcome == bot.OutcomeAnswered)
}

// sourcesMarker starts the list of sources the bot appends to an answer's
// Text (see bot.Source). The section leaves it out because the context
// blocks show the same sources, next to the sentences; the plain-text
// fallback keeps it.
const sourcesMarker = "\n\nSources:"

func answerPart(r bot.Reply, text string) string {
	if len(r.Citations) == 0 {
		return text
	}
	if answer, _, ok := strings.Cut(text, sourcesMarker); ok && strings.TrimSpace(answer) != "" {
		return answer
	}
	return text
}

// wireMsg is what goes over the wire. slack.Msg marshals many irrelevant
// fields (an empty "metadata" object among them) that Slack need not see.
type wireMsg struct {
	ResponseType string       `json:"response_type,omitempty"`
	Text         string       `json:"text"`
	Blocks       slack.Blocks `json:"blocks,omitempty"`
}

func marshalMsg(m slack.Msg) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	// Readable "&amp;" rather than "\u0026amp;" in previews and golden files;
	// both mean the same to Slack.
	enc.SetEscapeHTML(false)
	if err := enc.Encode(wireMsg{ResponseType: m.ResponseType, Text: m.Text, Blocks: m.Blocks}); err != nil {
		return nil, fmt.Errorf("marshal slack message: %w", err)
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}

func section(text string) *slack.SectionBlock {
	return slack.NewSectionBlock(mrkdwn(escapeTruncate(text, maxSectionRunes)), nil, nil)
}

// mrkdwn builds verbatim text: Slack then does not auto-link bare URLs,
// channel names or @names that a document happens to contain.
func mrkdwn(escaped string) *slack.TextBlockObject {
	return slack.NewTextBlockObject(slack.MarkdownType, escaped, false, true)
}

// citationBlocks renders citations ten to a context block (Slack's element
// limit), using at most room blocks. A citation whose quote the answer
// section already shows is listed by its source alone, "[1] sentence 11,
// paragraph 10", so each sentence appears once; one the section lacks is
// quoted here.
func citationBlocks(r bot.Reply, answer string, room int) []slack.Block {
	var blocks []slack.Block
	var elems []slack.MixedElement
	flush := func() {
		if len(elems) > 0 {
			blocks = append(blocks, slack.NewContextBlock("", elems...))
			elems = nil
		}
	}
	for i, c := range r.Citations {
		if len(blocks) >= room {
			break
		}
		n := c.N
		if n == 0 {
			n = i + 1
		}
		marker := fmt.Sprintf("[%d]", n)
		quote := strings.TrimSpace(c.Quoted())
		line := " " + bot.Source(c, r.MultiDoc)
		if !strings.Contains(answer, quote+" "+marker) {
			line = fmt.Sprintf(" “%s” (%s)", quote, bot.Source(c, r.MultiDoc))
		}
		elems = append(elems, mrkdwn(linked(marker, c.URL, line)))
		if len(elems) == maxContextElems {
			flush()
		}
	}
	if len(blocks) < room {
		flush()
	}
	return blocks
}

// boldShort shows the short answer the reply's text opens with
// ("**26 weeks**") in Slack's bold, "*26 weeks*".
func boldShort(r bot.Reply, answer string) string {
	if r.Short == nil {
		return answer
	}
	if rest, ok := strings.CutPrefix(answer, "**"+r.Short.Text+"**"); ok {
		return "*" + r.Short.Text + "*" + rest
	}
	return answer
}

// linked is a context line: the citation's marker, as a link to the cited
// sentence when it has a URL ("<url|[1]>"), then the escaped rest.
func linked(marker, url, rest string) string {
	if url == "" {
		return escapeTruncate(marker+rest, maxContextRunes)
	}
	link := "<" + slackURL(url) + "|" + marker + ">"
	return link + escapeTruncate(rest, maxContextRunes-utf8.RuneCountInString(link))
}

// slackURL makes a URL safe inside Slack's <url|text>: its control
// characters escaped as Slack asks, and "|" and spaces percent-encoded.
func slackURL(u string) string {
	return strings.NewReplacer("&", "&amp;", "<", "%3C", ">", "%3E", "|", "%7C", " ", "%20").Replace(u)
}

// usage is the help text for an empty or "help" command; command is how
// the user addresses the bot ("/story", "@storybot").
func usage(command string) slack.Msg {
	if command == "" {
		command = "/story"
	}
	text := "Ask me a question about the story and I quote the sentences that answer it.\n" +
		"Examples:\n" +
		"• " + command + " Who is the Secretary of State?\n" +
		"• " + command + " Where did the summit take place?\n" +
		"• " + command + " What did Sarah Sanders say?\n" +
		"You can also mention me in a channel with your question."
	return slack.Msg{
		ResponseType: Ephemeral,
		Text:         escapeTruncate(text, maxTextRunes),
		Blocks:       slack.Blocks{BlockSet: []slack.Block{section(text)}},
	}
}

// notice is a short ephemeral message of our own wording.
func notice(text string) slack.Msg {
	return slack.Msg{
		ResponseType: Ephemeral,
		Text:         escapeTruncate(text, maxTextRunes),
		Blocks:       slack.Blocks{BlockSet: []slack.Block{section(text)}},
	}
}

// escapeTruncate repairs invalid UTF-8, escapes the three characters Slack
// treats as control syntax (&, <, >), and cuts the result to at most limit
// runes on a rune boundary, never inside an entity such as "&amp;", ending
// with an ellipsis when it had to cut.
func escapeTruncate(s string, limit int) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.Grow(min(len(s)+16, 4*limit))
	n := 0
	for i, r := range s {
		entity := ""
		switch r {
		case '&':
			entity = "&amp;"
		case '<':
			entity = "&lt;"
		case '>':
			entity = "&gt;"
		}
		w := max(1, len(entity)) // entities are ASCII: bytes == runes
		// Keep one rune free for the ellipsis unless this is the very end.
		if n+w > limit || (n+w == limit && i+utf8.RuneLen(r) < len(s)) {
			b.WriteString("…")
			return b.String()
		}
		if entity != "" {
			b.WriteString(entity)
		} else {
			b.WriteRune(r)
		}
		n += w
	}
	return b.String()
}

// unescape undoes Slack's escaping of incoming text. One left-to-right pass,
// so "&amp;lt;" becomes the literal "&lt;" the user typed, not "<".
var unescape = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&").Replace

// cleanText prepares user text for the bot.
func cleanText(s string) string {
	return strings.TrimSpace(unescape(strings.ToValidUTF8(s, "\uFFFD")))
}

package discord

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/storybot/storybot/bot"
)

// MessageLimit is Discord's limit on a message's content. Discord counts
// it in UTF-16 code units, so an emoji outside the BMP costs two.
const MessageLimit = 2000

// noAnswer is sent when a Reply has nothing to say, because Discord
// refuses an empty message and silence looks like a broken bot.
const noAnswer = "Sorry, I have no answer to that."

// line is one line of a rendered reply; prefix is repeated on every piece
// when a long line has to be split, so a split quote stays a quote.
type line struct {
	prefix string
	body   string
}

// Render turns r into Discord markdown messages, each at most
// MessageLimit UTF-16 code units: the answer with its [n] markers, then a
// quote block holding each cited sentence with its sentence and paragraph
// numbers (and its document's name when several are loaded). The cited
// sentences and the "Sources:" list of the plain Text are not repeated
// above the quote. Text from the document or the user is escaped so it
// cannot format, link or mention. Render is pure, so a REPL can preview
// exactly what Discord would receive.
func Render(r bot.Reply) []string {
	return render(r, MessageLimit)
}

func render(r bot.Reply, limit int) []string {
	var lines []line
	text := strings.TrimSpace(strings.ReplaceAll(r.Text, "\r\n", "\n"))
	if len(r.Citations) > 0 {
		text = lead(text, r.Citations)
	}
	if r.Short != nil {
		if rest, ok := strings.CutPrefix(text, "**"+r.Short.Text+"**"); ok {
			lines = append(lines, line{body: "**" + escapeInline(r.Short.Text) + "**"})
			text = strings.TrimSpace(rest)
		}
	}
	if text == "" && len(r.Citations) == 0 && len(lines) == 0 {
		text = noAnswer
	}
	if text != "" {
		for _, l := range strings.Split(text, "\n") {
			lines = append(lines, line{body: escapeText(strings.TrimRight(l, " \t"))})
		}
	}
	if len(lines) > 0 && len(r.Citations) > 0 {
		lines = append(lines, line{}) // a blank line ends the answer, starts the quote
	}
	for i, c := range r.Citations {
		n := c.N
		if n <= 0 {
			n = i + 1
		}
		lines = append(lines,
			line{prefix: "> ", body: fmt.Sprintf("**[%d]** %s", n, escapeInline(oneLine(c.Quoted())))},
			line{prefix: "> ", body: "*" + sourceLink(c, r.MultiDoc) + "*"},
		)
	}
	return capMessages(pack(lines, limit), MaxMessages, limit)
}

// sourceLink is a citation's source, as a masked link to the cited
// sentence when it has a URL: "[Staff handbook › Sick leave](<url>)", the
// angle brackets suppressing Discord's embed of the page.
func sourceLink(c bot.Citation, multi bool) string {
	text := escapeInline(oneLine(bot.Source(c, multi)))
	if c.URL == "" {
		return text
	}
	u := strings.NewReplacer("<", "%3C", ">", "%3E", " ", "%20").Replace(c.URL)
	return "[" + text + "](<" + u + ">)"
}

// MaxMessages caps the messages one reply may take. The bot quotes at
// most MaxQuote characters of a sentence, but a reply built elsewhere (or
// a long not-found text) must not become hundreds of messages: the
// adapter sends them all, one after another.
const MaxMessages = 3

// shortened ends the last message of a reply that was cut.
const shortened = "… (reply shortened)"

// capMessages keeps the first max messages, marking the last as cut.
func capMessages(msgs []string, max, limit int) []string {
	if len(msgs) <= max {
		return msgs
	}
	msgs = msgs[:max]
	last := msgs[max-1]
	for utf16Len(last)+1+utf16Len(shortened) > limit {
		last = last[:cutPoint(last, utf16Len(last)-1)]
	}
	msgs[max-1] = strings.TrimRight(last, " \\") + "\n" + shortened
	return msgs
}

// lead is what Text says besides the cited sentences and their sources,
// both of which the quote block shows: the bot's plain Text quotes each
// sentence followed by its marker, then lists "Sources:". Whatever else
// Text holds (an introduction, a short answer with markers) is kept.
func lead(text string, cs []bot.Citation) string {
	if i := strings.LastIndex(text, "\n\nSources:"); i >= 0 {
		text = text[:i]
	} else if strings.HasPrefix(text, "Sources:") {
		text = ""
	}
	for _, c := range cs {
		text = strings.Replace(text, c.Quoted()+" ["+strconv.Itoa(c.N)+"]", "", 1)
	}
	var kept []string
	for _, l := range strings.Split(text, "\n") {
		kept = append(kept, strings.Join(strings.Fields(l), " "))
	}
	return strings.TrimSpace(strings.Join(kept, "\n"))
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// pack joins lines into as few messages as fit in limit, splitting a line
// only when it cannot fit in a message of its own.
func pack(lines []line, limit int) []string {
	var msgs []string
	var cur strings.Builder
	curLen := 0
	flush := func() {
		if s := strings.Trim(cur.String(), "\n"); strings.TrimSpace(s) != "" {
			msgs = append(msgs, s)
		}
		cur.Reset()
		curLen = 0
	}
	for _, l := range lines {
		for _, piece := range splitToFit(l.body, limit-utf16Len(l.prefix)) {
			s := l.prefix + piece
			n := utf16Len(s)
			if curLen > 0 && curLen+1+n > limit {
				flush()
			}
			if curLen > 0 || cur.Len() > 0 {
				cur.WriteByte('\n')
				curLen++
			}
			cur.WriteString(s)
			curLen += n
		}
	}
	flush()
	return msgs
}

// splitToFit cuts s into pieces of at most max UTF-16 units: after a
// sentence if possible, else between words, else anywhere (but never
// inside a character or right after an escaping backslash).
func splitToFit(s string, max int) []string {
	if max < 1 {
		max = 1
	}
	var out []string
	for utf16Len(s) > max {
		cut := cutPoint(s, max)
		if piece := strings.TrimRight(s[:cut], " "); piece != "" {
			out = append(out, piece)
		}
		s = strings.TrimLeft(s[cut:], " ")
	}
	if s != "" || len(out) == 0 {
		out = append(out, s)
	}
	return out
}

// cutPoint returns the byte index at which to cut s so that s[:i] fits in
// max UTF-16 units; it is always at least one character, so splitting
// makes progress.
func cutPoint(s string, max int) int {
	fit, units := 0, 0
	for i, r := range s {
		w := utf16.RuneLen(r)
		if w < 0 {
			w = 1
		}
		if units+w > max {
			break
		}
		units += w
		fit = i + len(string(r))
	}
	if fit == 0 {
		_, size := firstRune(s)
		return size
	}
	head := s[:fit]
	// A sentence end followed by a space (a space just past fit counts too).
	probe := head
	if fit < len(s) && s[fit] == ' ' {
		probe = s[:fit+1]
	}
	best := -1
	for _, end := range []string{". ", "? ", "! ", ".\" ", "?\" ", "!\" "} {
		if i := strings.LastIndex(probe, end); i >= 0 && i+len(end)-1 > best {
			best = i + len(end) - 1
		}
	}
	if best > 0 {
		return best
	}
	if i := strings.LastIndexByte(probe, ' '); i > 0 {
		return i
	}
	// Hard split: do not leave a backslash escaping nothing at the end.
	for fit > 1 && s[fit-1] == '\\' {
		fit--
	}
	return fit
}

func firstRune(s string) (rune, int) {
	for _, r := range s {
		return r, len(string(r))
	}
	return 0, 0
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		if w := utf16.RuneLen(r); w > 0 {
			n += w
		} else {
			n++
		}
	}
	return n
}

// escapeInline escapes everything Discord markdown could act on in text
// that is placed after other content on a line: emphasis, code, spoilers,
// masked links, mentions, channel links, custom emoji and timestamps.
// A backslash before any ASCII punctuation is shown as the character itself.
func escapeInline(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\', '*', '_', '~', '`', '|', '<', '>', '[', ']', '#':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '@':
			// allowed_mentions already stops the ping; escaping stops
			// the highlight too.
			if rest := s[i+1:]; strings.HasPrefix(rest, "everyone") || strings.HasPrefix(rest, "here") {
				b.WriteByte('\\')
			}
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// escapeText escapes one line of the answer. It keeps the bot's own [n]
// markers readable (and not the start of a masked link), and neutralises
// what markdown does at the start of a line: headings, quotes, lists and
// subtext.
func escapeText(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		if n := markerLen(s[i:]); n > 0 {
			b.WriteString(s[i : i+n])
			i += n
			if i < len(s) && s[i] == '(' {
				b.WriteString(`\(`)
				i++
			}
			continue
		}
		j := i + 1
		for j < len(s) && s[j] != '[' {
			j++
		}
		b.WriteString(escapeInline(s[i:j]))
		i = j
	}
	out := b.String()
	switch {
	case strings.HasPrefix(out, "-"), strings.HasPrefix(out, "+"):
		out = `\` + out
	default:
		// "1. " at the start of a line would become a numbered list.
		digits := 0
		for digits < len(out) && out[digits] >= '0' && out[digits] <= '9' {
			digits++
		}
		if digits > 0 && strings.HasPrefix(out[digits:], ". ") {
			out = out[:digits] + `\` + out[digits:]
		}
	}
	return out
}

// markerLen returns the length of a citation marker like "[12]" at the
// start of s, or 0.
func markerLen(s string) int {
	if len(s) < 3 || s[0] != '[' {
		return 0
	}
	i := 1
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 1 || i >= len(s) || s[i] != ']' {
		return 0
	}
	return i + 1
}

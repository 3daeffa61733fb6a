package facts

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storybot/storybot/english"
)

// maxHeadingWords and maxHeadingBytes bound a plain-text heading line.
const (
	maxHeadingWords = 10
	maxHeadingBytes = 120
)

// isPlainHeading reports whether a block of one line, p, reads as a
// heading in plain text: short, without closing punctuation, and either
// the document's first block (its title), numbered ("1. Apologies for
// absence"), in capitals ("ASHCOMBE TOWN COUNCIL"), or a title line
// before prose (titleBeforeProse).
func isPlainHeading(raw string, p lineSpan, first bool) bool {
	line := strings.TrimSpace(raw[p.start:p.end])
	if line == "" || len(line) > maxHeadingBytes {
		return false
	}
	line = withoutParenthetical(line)
	last, _ := utf8.DecodeLastRuneInString(line)
	if strings.ContainsRune(".!?;,:\"'”’)", last) || strings.Count(line, " ") >= maxHeadingWords {
		return false
	}
	if first {
		return true
	}
	if m := listMarker(line); m > 0 && line[0] >= '0' && line[0] <= '9' {
		return true
	}
	return isCapitals(line) || titleBeforeProse(raw, p.end, line)
}

// chapterLine reports whether line, a paragraph of its own, is a book's
// chapter or part heading: "CHAPTER 1. Loomings.", "Chapter XII",
// "BOOK ONE: 1805", "Part 2 - Delivery", "Letter 4". It may end with a
// full stop, which makes other lines prose; a numbered word followed by
// more words in lower case ("Section 4 applies to…") is a sentence.
func chapterLine(line string) bool {
	line = strings.TrimSpace(line)
	if len(line) > maxHeadingBytes || strings.Count(line, " ") >= maxHeadingWords {
		return false
	}
	word, rest, ok := strings.Cut(line, " ")
	if !ok || !chapterWord(strings.TrimSuffix(word, ".")) {
		return false
	}
	end := strings.IndexAny(rest, " .:-—–")
	if end < 0 {
		end = len(rest)
	}
	if !english.IsNumeral(strings.ToLower(rest[:end])) {
		return false
	}
	after := strings.TrimLeft(rest[end:], " .:-—–")
	r, _ := utf8.DecodeRuneInString(after)
	return after == "" || unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"“'‘_*", r)
}

// chapterWord reports whether w, in any case, opens a chapter or part
// heading (without lower-casing every line's first word).
func chapterWord(w string) bool {
	if len(w) < 3 || len(w) > 7 {
		return false
	}
	for _, c := range chapterWords {
		if strings.EqualFold(w, c) {
			return true
		}
	}
	return false
}

var chapterWords = [...]string{"chapter", "chap", "book", "part", "volume", "vol", "section", "act", "scene",
	"canto", "stave", "letter"}

// emailSubject returns the subject of a plain text saved from an e-mail:
// its first line is a header ("From: …", "To: …", "Date: …") and one of
// its first lines is "Subject: …", less any "Re:" or "Fwd:".
func emailSubject(ss []Sentence) (string, bool) {
	if len(ss) == 0 || !emailHeader(ss[0].Text) {
		return "", false
	}
	for _, s := range ss[:min(len(ss), 8)] {
		label, value, ok := strings.Cut(s.Text, ":")
		if !ok || !emailHeader(s.Text) {
			break
		}
		if strings.EqualFold(label, "subject") {
			for {
				v := strings.TrimSpace(value)
				l, rest, ok := strings.Cut(v, ":")
				if !ok || !strings.EqualFold(l, "re") && !strings.EqualFold(l, "fwd") && !strings.EqualFold(l, "fw") {
					value = v
					break
				}
				value = rest
			}
			return value, value != ""
		}
	}
	return "", false
}

// emailHeader reports whether text is an e-mail's header line.
func emailHeader(text string) bool {
	label, _, ok := strings.Cut(text, ":")
	if !ok {
		return false
	}
	switch strings.ToLower(label) {
	case "from", "to", "cc", "bcc", "date", "sent", "subject", "reply-to":
		return true
	}
	return false
}

// withoutParenthetical drops a closing parenthetical from a line that
// reads as a title before it: "The Life of Edda Halvorsen (1904–1971)",
// "Opening hours (summer)". A line that ends a sentence inside it
// ("(see below.)") keeps it.
func withoutParenthetical(line string) string {
	if !strings.HasSuffix(line, ")") {
		return line
	}
	i := strings.LastIndexByte(line, '(')
	if i <= 0 || strings.ContainsAny(line[i:], ".!?") || strings.Count(line[i:], ")") != 1 {
		return line
	}
	return strings.TrimSpace(line[:i])
}

// maxTitleWords bounds a heading written as a sentence-case title line.
const maxTitleWords = 6

// titleBeforeProse: a line written like a title ("Charging the battery",
// "Warranty": capitalised, a few words, no closing punctuation) heads the
// paragraph after it when that one is prose, ending as a sentence does.
// Manuals and handbooks saved as plain text title their sections so.
func titleBeforeProse(raw string, end int, line string) bool {
	r, _ := utf8.DecodeRuneInString(line)
	if !unicode.IsUpper(r) || strings.Count(line, " ") >= maxTitleWords || listMarker(line) > 0 {
		return false
	}
	next := raw[end:]
	for {
		l, rest, found := strings.Cut(next, "\n")
		if l = strings.TrimSpace(l); l != "" {
			last, _ := utf8.DecodeLastRuneInString(l)
			return len(l) > len(line) && strings.ContainsRune(".!?:", last) || signedProse(l, line)
		}
		if !found {
			return false
		}
		next = rest
	}
}

// signedProse: a paragraph of several sentences that closes with a name
// or a signature ("… made this possible. Margaret Okafor, Chair"), far
// longer than the title line before it, is prose all the same.
func signedProse(l, line string) bool {
	return len(l) >= 4*len(line) && strings.Count(l, ". ") >= 2
}

// isCapitals: the line has letters, and none of them is lower case.
func isCapitals(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// markStructure marks the sentences that are Markdown headings, then
// gives every sentence the text of the nearest heading above it, and the
// document its title.
func markStructure(d *Document, md *mdStructure) {
	if md != nil {
		h := 0
		for i := range d.Sentences {
			s := &d.Sentences[i]
			for h < len(md.headings) && md.headings[h].end <= int(s.Start) {
				h++
			}
			if h < len(md.headings) && int(s.Start) >= lineStart(d.Raw, md.headings[h].start) && int(s.Start) < md.headings[h].end {
				s.setHeading(true)
				if d.Title == "" && md.headings[h].level == 1 {
					d.Title = headingText(s.Text)
				}
			}
		}
	} else if subject, ok := emailSubject(d.Sentences); ok {
		// An e-mail's first line is its sender, not its title.
		d.Sentences[0].setHeading(false)
		d.Title = subject
	} else if len(d.Sentences) > 0 && d.Sentences[0].Heading() && d.Sentences[0].Paragraph == 1 {
		d.Title = headingText(d.Sentences[0].Text)
	}
	// A heading with nothing under it heads nothing: a one-line text is
	// its own answer.
	for i := len(d.Sentences) - 1; i >= 0 && d.Sentences[i].Heading(); i-- {
		d.Sentences[i].setHeading(false)
		if i == 0 {
			d.Title = ""
		}
	}
	section := ""
	var pl placer
	var path []mdLevel // the headings above, outermost first, with their levels
	h := 0
	for i := range d.Sentences {
		s := &d.Sentences[i]
		if s.Heading() {
			pl.set(s, section)
			section = headingText(s.Text)
			if md != nil {
				for h < len(md.headings) && md.headings[h].end <= int(s.Start) {
					h++
				}
				level := 7
				if h < len(md.headings) {
					level = md.headings[h].level
				}
				for len(path) > 0 && path[len(path)-1].level >= level {
					path = path[:len(path)-1]
				}
				path = append(path, mdLevel{level, section})
			}
			continue
		}
		pl.set(s, section)
		if parent := parentHeadings(path); parent != "" {
			s.setParent(parent)
		}
	}
}

// mdLevel is a Markdown heading's level and text.
type mdLevel struct {
	level int
	text  string
}

// parentHeadings is the text of the headings of path above its last (the
// section's own), less a level-1 heading (the title, which every
// sentence is under), joined by " › ".
func parentHeadings(path []mdLevel) string {
	var out []string
	for _, p := range path[:max(len(path)-1, 0)] {
		if p.level > 1 {
			out = append(out, p.text)
		}
	}
	return strings.Join(out, " › ")
}

// headingText is a heading's words without its markers: "## *Sick* leave
// ##" reads "Sick leave".
func headingText(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimLeft(s, "# ")
	s = strings.TrimRight(s, "# ")
	return stripInline(s)
}

package facts

import "strings"

// markHeadings gives a Markdown document its title, the text of its first
// "# Heading" (unless a title was set), and each sentence the nearest
// heading before it as its Section. Headings are already sentences of
// their own (splitDocument keeps a heading line a paragraph); this only
// reads the marker on their line.
func markHeadings(d *Document) {
	raw := string(d.Raw)
	section := ""
	for i := range d.Sentences {
		s := &d.Sentences[i]
		if level := headingLevel(raw, s.Start); level > 0 {
			if level == 1 && d.Title == "" {
				d.Title = s.Text
				section = ""
				continue
			}
			section = s.Text
			continue
		}
		s.Section = section
	}
}

// headingLevel is the number of '#' marking the line that holds offset at
// as a heading when only the marker precedes at on it; 0 otherwise.
func headingLevel(raw string, at int) int {
	lineStart := strings.LastIndexByte(raw[:at], '\n') + 1
	lead := strings.TrimRight(raw[lineStart:at], " \t")
	lead = strings.TrimLeft(lead, " ")
	if lead == "" || !isHeading(lead) || strings.Trim(lead, "#") != "" {
		return 0
	}
	return len(lead)
}

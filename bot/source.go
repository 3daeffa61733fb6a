package bot

import (
	"strconv"
	"strings"
	"sync"

	"github.com/storybot/storybot/facts"
	"github.com/storybot/storybot/fragment"
)

// docInfo is what citations show of a document: its title, and, when it
// has a URL, the page a browser shows of it, for text-fragment links
// (built on the first link, as it costs the document's size).
type docInfo struct {
	title, url string
	markdown   bool
	raw        []byte
	once       sync.Once
	page       *fragment.Page
}

// docInfos indexes the store's documents by name.
func docInfos(docs []*facts.Document) map[string]*docInfo {
	m := make(map[string]*docInfo, len(docs))
	for _, d := range docs {
		lower := strings.ToLower(d.Name)
		m[d.Name] = &docInfo{title: d.Title, url: d.URL, raw: d.Raw,
			markdown: strings.HasSuffix(lower, ".md") || strings.HasSuffix(lower, ".markdown")}
	}
	return m
}

// Link is the URL of the cited sentence: the document's URL with a text
// fragment that makes a browser scroll to and highlight it. It is the
// document's URL alone when no fragment finds exactly the sentence, and
// "" when the document has no URL.
func (d *docInfo) Link(start, end int) string {
	if d == nil || d.url == "" {
		return ""
	}
	d.once.Do(func() { d.page = fragment.NewPage(string(d.raw), d.markdown) })
	dir, ok := d.page.For(start, end)
	if !ok {
		return d.url
	}
	return dir.Link(d.url)
}

// source fills in a citation's title, section and link.
func (l *loaded) source(c *Citation, s *facts.Sentence, link bool) {
	d := l.docs[s.Doc()]
	if d != nil {
		c.Title = d.title
	}
	// The title heading is every sentence's nearest heading until the
	// first section: it names the document, not a section of it.
	if c.Section = s.Section(); d != nil && c.Section == d.title {
		c.Section = ""
	}
	if p := s.Parent(); p != "" && c.Section != "" {
		c.Section = p + " › " + c.Section // "Kenji's Miso Salmon Traybake › Method": which method
	}
	if link {
		c.URL = d.Link(int(s.Start), int(s.End))
	}
}

// Source describes where a citation is: "Staff handbook › Sick leave"
// when the sentence is under a Markdown heading; otherwise "sentence 11,
// paragraph 10", after the document's title when it has one, or its name
// when several documents are loaded.
func Source(c Citation, multi bool) string {
	name := c.Title
	if name == "" && multi {
		name = c.Doc
	}
	if c.Section != "" {
		if name == "" {
			return c.Section
		}
		return name + " › " + c.Section
	}
	s := "sentence " + strconv.Itoa(c.Sentence) + ", paragraph " + strconv.Itoa(c.Paragraph)
	if name != "" {
		s = name + ", " + s
	}
	return s
}

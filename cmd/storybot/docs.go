package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/storybot/storybot/bot"
	"github.com/storybot/storybot/facts"
	"github.com/storybot/storybot/story"
)

// loadStore loads the documents at paths, or the built-in story when there
// are none. Repair warnings go to warn. Document problems are usage errors:
// the user named a bad file.
func loadStore(paths []string, warn io.Writer) (*facts.Store, error) {
	docs, err := loadDocuments(paths)
	if err != nil {
		return nil, usageError{err}
	}
	for _, d := range docs {
		for _, w := range d.Warnings {
			fmt.Fprintln(warn, "storybot: warning: "+w)
		}
	}
	return facts.NewStore(docs...), nil
}

func loadDocuments(paths []string) ([]*facts.Document, error) {
	if len(paths) == 0 {
		d, err := facts.Parse(story.Name, story.Text)
		if err != nil {
			return nil, err
		}
		return []*facts.Document{d}, nil
	}
	return facts.Load(paths...)
}

// describe lists the documents in a store for ":doc".
func describe(s *facts.Store) string {
	var b strings.Builder
	for _, d := range s.Documents() {
		fmt.Fprintf(&b, "%s: %d sentences in %d paragraphs, %d bytes\n", d.Name, len(d.Sentences), d.Paragraphs, len(d.Raw))
	}
	return strings.TrimRight(b.String(), "\n")
}

func newBot(s *facts.Store, top int) *bot.Bot {
	return bot.New(s, bot.Options{TopK: top})
}

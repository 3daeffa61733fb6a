package main

import (
	"fmt"
	"slices"

	"go.yaml.in/yaml/v3"

	"github.com/storybot/storybot/facts"
)

// DocumentList is the config's documents key: paths, each written as a
// string ("handbook.md") or as an object naming the document's title and
// URL ({path: handbook.md, title: "Staff handbook", url: "https://…"}).
// It holds the paths; ParseConfig keeps the titles and URLs in
// Config.DocumentMeta.
type DocumentList []string

// DocumentMeta is what an object entry says of its document.
type DocumentMeta struct {
	Title string `yaml:"title"`
	URL   string `yaml:"url"`
}

// documentEntry is one entry of the documents key, either form.
type documentEntry struct {
	Path string
	DocumentMeta
}

func (e *documentEntry) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		return n.Decode(&e.Path)
	}
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("line %d: want a path or {path, title, url}", n.Line)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i].Value; !slices.Contains([]string{"path", "title", "url"}, k) {
			return fmt.Errorf("line %d: unknown key %q in a document entry (want path, title, url)", n.Content[i].Line, k)
		}
	}
	var v struct {
		Path  string `yaml:"path"`
		Title string `yaml:"title"`
		URL   string `yaml:"url"`
	}
	if err := n.Decode(&v); err != nil {
		return err
	}
	if v.Path == "" {
		return fmt.Errorf("line %d: a document entry needs a path", n.Line)
	}
	if v.URL != "" && !validBaseURL(v.URL) {
		return fmt.Errorf("line %d: url must be an http(s) URL", n.Line)
	}
	e.Path, e.Title, e.URL = v.Path, v.Title, v.URL
	return nil
}

func (l *DocumentList) UnmarshalYAML(n *yaml.Node) error {
	var es []documentEntry
	if err := n.Decode(&es); err != nil {
		return err
	}
	*l = nil
	for _, e := range es {
		*l = append(*l, e.Path)
	}
	return nil
}

// documentMeta reads the titles and URLs of the documents key's object
// entries, by path, from the config's root mapping.
func documentMeta(root *yaml.Node) map[string]DocumentMeta {
	if root == nil || root.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value != "documents" {
			continue
		}
		var es []documentEntry
		if root.Content[i+1].Decode(&es) != nil {
			return nil
		}
		meta := map[string]DocumentMeta{}
		for _, e := range es {
			if e.Title != "" || e.URL != "" {
				meta[e.Path] = e.DocumentMeta
			}
		}
		return meta
	}
	return nil
}

// titleDocument gives the documents loaded from the files named in meta their
// configured title and URL; a title given replaces a Markdown heading's.
func titleDocument(d *facts.Document, f docFile, meta map[string]DocumentMeta) {
	m, ok := meta[f.path]
	if !ok || !f.explicit {
		return
	}
	if m.Title != "" {
		d.Title = m.Title
	}
	d.URL = m.URL
}

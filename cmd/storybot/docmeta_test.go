package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// documents entries may be objects with a title and a URL; plain paths
// keep working beside them, and the reply cites the title and links.
func TestDocumentEntriesWithTitleAndURL(t *testing.T) {
	dir := t.TempDir()
	hb := filepath.Join(dir, "handbook.md")
	notes := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(hb, []byte("# Handbook\n\n## Sick leave\n\nStaff are paid sick pay for up to 26 weeks.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(notes, []byte("The canteen opens at noon.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	yml := "documents:\n  - " + notes + "\n  - {path: " + hb + ", title: \"Staff handbook\", url: \"https://intranet.example/handbook\"}\n"
	cfg, err := ParseConfig(strings.NewReader(yml), func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.Documents) != 2 || cfg.Documents[1] != hb || cfg.DocumentMeta[hb].Title != "Staff handbook" {
		t.Fatalf("documents = %v, meta = %v", cfg.Documents, cfg.DocumentMeta)
	}
	store, err := loadStore(cfg.Documents, os.Stderr, cfg.DocumentMeta)
	if err != nil {
		t.Fatal(err)
	}
	r := newBot(store, 5).Answer(context.Background(), "How long is sick pay paid?")
	if !r.Answered || r.Short == nil || r.Short.Text != "26 weeks" {
		t.Fatalf("reply = %q, short %+v", r.Text, r.Short)
	}
	c := r.Citations[0]
	if c.Title != "Staff handbook" || !strings.HasPrefix(c.URL, "https://intranet.example/handbook#:~:text=Staff%20are%20paid") ||
		!strings.Contains(r.Text, "[1] Staff handbook › Sick leave\n    https://intranet.example/handbook#:~:text=") {
		t.Errorf("citation = %+v\n%s", c, r.Text)
	}
	for _, bad := range []string{
		"documents:\n  - {path: a.md, titel: x}\n",
		"documents:\n  - {title: x}\n",
		"documents:\n  - {path: a.md, url: \"ftp://x\"}\n",
	} {
		if _, err := ParseConfig(strings.NewReader(bad), func(string) string { return "" }); err == nil || !strings.Contains(err.Error(), "documents") {
			t.Errorf("%q: err = %v, want one naming documents", bad, err)
		}
	}
}

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// docTree writes files under a temporary directory and returns it.
func docTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestLoadDocumentsNamesSkipsAndDeduplicates(t *testing.T) {
	t.Parallel()
	root := docTree(t, map[string]string{
		"docs/faq.txt":             "The office opens at nine.\n",
		"docs/policies/leave.MD":   "# Leave\n\nStaff get 25 days of leave.\n",
		"docs/old.markdown":        "The canteen closed in 2019.\n",
		"docs/logo.txt":            "\x89PNG\r\n\x1a\n\x00\x00",
		"docs/.git/HEAD.txt":       "not a document\n",
		"docs/notes.pdf":           "not loaded either\n",
		"elsewhere/handbook.md":    "The handbook is short.\n",
		"elsewhere/other/faq.txt":  "A second faq.\n",
		"elsewhere/other/more.txt": "More.\n",
	})
	docs := filepath.Join(root, "docs")
	tests := []struct {
		name      string
		paths     []string
		wantNames []string
		wantWarn  string
	}{
		{"directory: recursive, any-case extensions, binary skipped, hidden and other files ignored",
			[]string{docs}, []string{"faq.txt", "old.markdown", "policies/leave.MD"}, "logo.txt"},
		{"the same file twice is loaded once",
			[]string{docs, filepath.Join(docs, "faq.txt"), docs + "/./faq.txt"}, []string{"faq.txt", "old.markdown", "policies/leave.MD"}, ""},
		{"a file is named by its base name, not the server path",
			[]string{filepath.Join(root, "elsewhere", "handbook.md")}, []string{"handbook.md"}, ""},
		{"a name already taken falls back to the path",
			[]string{filepath.Join(docs, "faq.txt"), filepath.Join(root, "elsewhere", "other", "faq.txt")},
			[]string{"faq.txt", filepath.ToSlash(filepath.Join(root, "elsewhere", "other", "faq.txt"))}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, warnings, err := loadDocuments(tt.paths)
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, d := range got {
				names = append(names, d.Name)
				for _, s := range d.Sentences {
					if s.Doc() != d.Name {
						t.Errorf("sentence of %s names %s", d.Name, s.Doc())
					}
				}
			}
			if strings.Join(names, ",") != strings.Join(tt.wantNames, ",") {
				t.Errorf("documents %v, want %v", names, tt.wantNames)
			}
			if tt.wantWarn != "" && (len(warnings) != 1 || !strings.Contains(warnings[0], tt.wantWarn) || !strings.Contains(warnings[0], "not a text document")) {
				t.Errorf("warnings %q, want one naming %s", warnings, tt.wantWarn)
			}
		})
	}
}

func TestBinaryFileNamedExplicitlyStillFails(t *testing.T) {
	t.Parallel()
	dir := docTree(t, map[string]string{"logo.txt": "\x89PNG\x00", "only.txt": "\x00\x01"})
	if _, _, err := loadDocuments([]string{filepath.Join(dir, "logo.txt")}); err == nil || !strings.Contains(err.Error(), "logo.txt") {
		t.Errorf("explicit binary file: err = %v, want an error naming it", err)
	}
	if _, _, err := loadDocuments([]string{dir}); err == nil || !strings.Contains(err.Error(), "no .txt or .md documents") {
		t.Errorf("directory of binaries only: err = %v, want no documents", err)
	}
}

func TestCommandsAcceptDirectories(t *testing.T) {
	t.Parallel()
	dir := docTree(t, map[string]string{
		"a.txt":     "The Nile is the longest river in Africa. It flows north.\n",
		"sub/b.md":  "The Amazon carries the most water of any river.\n",
		"image.txt": "\x00binary",
	})
	out, errs, code := runCLI(t, "", "bench", "--doc", dir, "--n", "50")
	if code != 0 || !strings.Contains(out, "3 sentences") {
		t.Errorf("bench --doc DIR: exit %d, stderr %q, output:\n%s", code, errs, out)
	}
	if !strings.Contains(errs, "image.txt") {
		t.Errorf("bench did not warn about the skipped binary: %q", errs)
	}
	out, errs, code = runCLI(t, "", "ask", "--doc", dir, "--doc", filepath.Join(dir, "a.txt"), "Which river carries the most water?")
	if code != 0 || !strings.Contains(out, "sub/b.md, sentence 1") || strings.Contains(out, dir) {
		t.Errorf("ask: exit %d, stderr %q, output:\n%s", code, errs, out)
	}
	out, _, _ = runCLI(t, ":doc\n", "repl", "--doc", dir, "--doc", filepath.Join(dir, "a.txt"))
	if strings.Count(out, "a.txt:") != 1 {
		t.Errorf("repl loaded a.txt %d times, want once:\n%s", strings.Count(out, "a.txt:"), out)
	}
}

func TestAskAndREPLTakeAConfig(t *testing.T) {
	t.Parallel()
	dir := docTree(t, map[string]string{
		"docs/rivers.txt": "The Nile is the longest river in Africa. The Amazon carries the most water. The Thames flows through London.\n",
		"other.txt":       "The office opens at nine.\n",
	})
	config := func(yaml string) string {
		p := filepath.Join(t.TempDir(), "config.yaml")
		if err := os.WriteFile(p, []byte(yaml), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	docs := "documents: [" + filepath.Join(dir, "docs") + "]\n"
	q := "Which river is the longest?"
	tests := []struct {
		name string
		args []string
		say  string
	}{
		{"documents from the config", []string{"ask", "--config", config(docs), q}, "The Nile is the longest river"},
		{"--doc replaces them", []string{"ask", "--config", config(docs), "--doc", filepath.Join(dir, "other.txt"), q}, "can't find an answer to that in other.txt"},
		{"answer.min_confidence", []string{"ask", "--config", config(docs + "answer:\n  min_confidence: 1\n"), "Which river flows fastest?"}, "can't find"},
		{"answer.top_k", []string{"ask", "--json", "--config", config(docs + "answer:\n  top_k: 1\n"), q}, `"candidates":[{"doc":"rivers.txt"`},
		{"answer.max_question", []string{"ask", "--config", config("answer:\n  max_question: 10\n"), q}, "at most 10"},
		{"repl too", []string{"repl", "--config", config(docs)}, "The Nile is the longest river"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			out, errs, code := runCLI(t, q+"\n", tt.args...)
			if code != 0 || !strings.Contains(out, tt.say) {
				t.Errorf("exit %d, stderr %q, output:\n%s\nwant it to say %q", code, errs, out, tt.say)
			}
			if tt.name == "answer.top_k" && strings.Count(out, `"sentence"`) != 2 {
				t.Errorf("top_k 1: want one citation and one candidate:\n%s", out)
			}
		})
	}
	_, errs, code := runCLI(t, "", "ask", "--config", config("answer:\n  top_k: many\n"), q)
	if code != 2 || !strings.Contains(errs, "answer.top_k") {
		t.Errorf("bad config: exit %d, stderr %q", code, errs)
	}
}

// A 1.7 MB line without full stops is one sentence: ask quotes an excerpt,
// ask --json keeps the whole sentence, and Discord gets a few messages,
// not hundreds.
func TestHugeSentenceDoesNotFlood(t *testing.T) {
	t.Parallel()
	filler := strings.Repeat("and the log goes on with another entry about the nightly backup job ", 12500)
	dir := docTree(t, map[string]string{"log.txt": filler + "the backup of the payroll database failed at midnight " + filler + "\n"})
	doc := filepath.Join(dir, "log.txt")
	q := "When did the payroll backup fail?"
	out, errs, code := runCLI(t, "", "ask", "--doc", doc, q)
	if code != 0 || len(out) > 2000 || !strings.Contains(out, "payroll database failed at midnight") {
		t.Errorf("ask: exit %d (%s), %d bytes:\n%.3000s", code, errs, len(out), out)
	}
	out, _, _ = runCLI(t, "", "ask", "--json", "--top", "1", "--doc", doc, q)
	if len(out) < 2*len(filler) {
		t.Errorf("ask --json: %d bytes; the citation should hold the whole sentence", len(out))
	}
	out, _, _ = runCLI(t, q+"\n:render discord\n", "repl", "--no-history", "--doc", doc)
	if n := strings.Count(out, "\n---\n") + 1; n > 3 {
		t.Errorf(":render discord: %d messages", n)
	}
}

package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/storybot/storybot/bot"
	"github.com/storybot/storybot/facts"
	"github.com/storybot/storybot/match"
	"github.com/storybot/storybot/story"
)

// loadStore loads the documents at paths, or the built-in story when there
// are none. Warnings (repaired or skipped files) go to warn. Document
// problems are usage errors: the user named a bad file.
func loadStore(paths []string, warn io.Writer, meta ...map[string]DocumentMeta) (*facts.Store, error) {
	docs, err := loadDocs(paths, warn, meta...)
	if err != nil {
		return nil, err
	}
	return facts.NewStore(docs...), nil
}

// loadMatcher is loadStore and match.New for a command that answers
// from one store for its life (ask, repl): see spelledMatcher. The heap
// the build will fill is first advised for huge pages (growHugeHeap).
func loadMatcher(paths []string, warn io.Writer, meta ...map[string]DocumentMeta) (*match.Matcher, error) {
	growHugeHeap(buildHeapPerByte * textBytes(paths))
	docs, err := loadDocs(paths, warn, meta...)
	if err != nil {
		return nil, err
	}
	return spelledMatcher(paths, docs), nil
}

// spelledMatcher builds the store of docs (loaded from paths) and its
// matcher. The typo corrector, which reads only the store's words, starts
// on the other core as soon as the store is built (match.StartSpeller),
// before the build's garbage goes back to the system (releaseBuild) and
// the matcher's tables are made: New would start it only after the first,
// and a long text's first questions then correct their typos by scanning
// the vocabulary. (Started as soon as the words were known, before the
// postings were laid out, it was ready sooner still, but its build then
// shared the postings' peak: +30 MB at ×32.) The huge-page advice of
// the store's heap (growHugeHeap) ends with the store's build.
func spelledMatcher(paths []string, docs []*facts.Document) *match.Matcher {
	store := facts.NewStore(docs...)
	endHugeHeap()
	sp := match.StartSpeller(store.Vocabulary().Words)
	releaseBuild(paths)
	return match.NewWithSpeller(store, sp)
}

// loadDocs loads the documents at paths (see loadDocuments), writing its
// warnings to warn. Document problems are usage errors.
func loadDocs(paths []string, warn io.Writer, meta ...map[string]DocumentMeta) ([]*facts.Document, error) {
	docs, warnings, err := loadDocuments(paths, meta...)
	if err != nil {
		return nil, usageError{err}
	}
	for _, w := range warnings {
		fmt.Fprintln(warn, "storybot: warning: "+w)
	}
	return docs, nil
}

// loadDocuments loads paths (see expandPaths), or the built-in story when
// there are none. warnings lists what was repaired or skipped.
// meta, when given, titles the documents of the files it names.
func loadDocuments(paths []string, meta ...map[string]DocumentMeta) (docs []*facts.Document, warnings []string, err error) {
	if len(paths) == 0 {
		d, err := facts.Parse(story.Name, story.Text)
		if err != nil {
			return nil, nil, err
		}
		return []*facts.Document{d}, nil, nil
	}
	files, err := expandPaths(paths)
	if err != nil {
		return nil, nil, err
	}
	for _, f := range files {
		// Loaded under its path, so that errors and repair warnings name
		// the file the operator can find, then renamed for citations.
		d, err := facts.LoadFile(f.path, f.path)
		if skip, ok := skipped(f, err); ok {
			warnings = append(warnings, skip)
			continue
		}
		if err != nil {
			return nil, nil, err
		}
		warnings = append(warnings, d.Warnings...)
		for _, m := range meta {
			titleDocument(d, f, m)
		}
		docs = append(docs, rename(d, f.name))
	}
	if len(docs) == 0 {
		return nil, nil, fmt.Errorf("load %s: %w (every file found was skipped)", strings.Join(quoteAll(paths), ", "), facts.ErrNoDocs)
	}
	return docs, warnings, nil
}

// skipped reports whether a file that failed to load is skipped rather than
// fatal: one binary file in a directory (an image beside the Markdown)
// should not stop the rest loading. A file named explicitly still fails.
func skipped(f docFile, err error) (string, bool) {
	if err == nil || f.explicit || !errors.Is(err, facts.ErrNotText) {
		return "", false
	}
	return fmt.Sprintf("skipped %q: not a text document (it contains NUL bytes)", f.path), true
}

// rename gives a document the name its citations show.
func rename(d *facts.Document, name string) *facts.Document {
	d.Rename(name)
	return d
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}

// docFile is one file to load: where it is, the name citations give it,
// and whether it was named explicitly (rather than found in a directory).
type docFile struct {
	path, name string
	explicit   bool
}

// isDocument reports whether a file found in a directory is loaded: plain
// text and Markdown, whatever the case of the extension.
func isDocument(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".md", ".markdown":
		return true
	}
	return false
}

// expandPaths lists the files paths name: a file as given, a directory as
// its .txt, .md and .markdown files (any case), recursively, in path order,
// skipping hidden subdirectories. A file named twice (directly, through a
// directory, or through a symbolic link) is listed once.
//
// Names are relative to the configured path, so a reply in chat shows
// "handbook.md" or "policies/leave.md", never the server's /srv/docs/...:
// a file is named by its base name, a directory's files by their path
// inside it. A name already taken falls back to the path as given.
func expandPaths(paths []string) ([]docFile, error) {
	var files []docFile
	seen := map[string]bool{}
	names := map[string]bool{}
	add := func(path, name string, explicit bool) {
		key := path
		if abs, err := filepath.Abs(path); err == nil {
			key = abs
			if real, err := filepath.EvalSymlinks(abs); err == nil {
				key = real
			}
		}
		if seen[key] {
			return
		}
		seen[key] = true
		name = filepath.ToSlash(name)
		if names[name] {
			name = filepath.ToSlash(filepath.Clean(path))
		}
		names[name] = true
		files = append(files, docFile{path: path, name: name, explicit: explicit})
	}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("load document %q: %w", p, friendlyErr(err))
		}
		if !info.IsDir() {
			add(p, filepath.Base(p), true)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, e fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if e.IsDir() {
				if path != p && strings.HasPrefix(e.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if isDocument(path) {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("load directory %q: %w", p, friendlyErr(err))
		}
		if len(found) == 0 {
			return nil, fmt.Errorf("load directory %q: %w", p, facts.ErrNoDocs)
		}
		slices.Sort(found)
		for _, f := range found {
			rel, err := filepath.Rel(p, f)
			if err != nil {
				rel = f
			}
			add(f, rel, false)
		}
	}
	return files, nil
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

// localSetup is what ask and repl take from --config and --doc: the
// documents and the answer keys, so a config can be tried in a terminal
// before it is deployed. Platform, HTTP and log keys are ignored here.
type localSetup struct {
	docs []string
	meta map[string]DocumentMeta // titles and URLs from the config
	opt  bot.Options
}

// addLocalFlags declares --doc and --config on fs; setup then reads them.
func addLocalFlags(fs *flag.FlagSet) func(e *env) (localSetup, error) {
	var docs multiFlag
	fs.Var(&docs, "doc", "document `path` (file, or directory searched recursively for .txt, .md and .markdown); repeatable; replaces the config's documents; default: the built-in story")
	config := fs.String("config", "", "read documents and answer.* keys (min_confidence, top_k, max_question) from this config `file`")
	return func(e *env) (localSetup, error) {
		ls := localSetup{docs: docs}
		if *config == "" {
			return ls, nil
		}
		cfg, err := LoadConfig(*config, e.getenv)
		for _, w := range cfg.Warnings {
			fmt.Fprintln(e.stderr, "storybot: warning: "+w)
		}
		if err != nil {
			return ls, usageError{err}
		}
		if len(docs) == 0 {
			ls.docs, ls.meta = cfg.Documents, cfg.DocumentMeta
		}
		ls.opt = bot.Options{MinConfidence: cfg.Answer.MinConfidence, TopK: cfg.Answer.TopK, MaxQuestion: cfg.Answer.MaxQuestion,
			Memory: cfg.Conversation.memory()}
		return ls, nil
	}
}

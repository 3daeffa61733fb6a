package facts

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"
)

// Sentence is one sentence of a document. Start and End are byte offsets
// into the document's original bytes: Document.Raw[Start:End] == Text.
type Sentence struct {
	N         int32 // 1-based, across the document
	Paragraph int32 // 1-based
	Start     int32
	End       int32
	Text      string
	// more holds what few sentences have (Display, Context, Refers,
	// Parent, Heading), nil for the rest: three strings a sentence were a
	// third of a book's sentences (War and Peace: 1.2 MB of 3.7), almost
	// all of them "".
	more *sentenceMore
	// place is the sentence's document and section, shared by the
	// sentences of a section: two strings a sentence were 32 of its 80
	// bytes (issue #17).
	place *sentencePlace
}

// sentencePlace is where a sentence stands: its document's name and its
// section's heading. Sentences share one, so it is never changed once
// set: setters replace it.
type sentencePlace struct{ doc, section string }

// NewSentence returns sentence n of the document named doc, for a caller
// that makes its own sentences (a test's, say); its offsets, paragraph
// and section are unset.
func NewSentence(doc string, n int32, text string) *Sentence {
	return &Sentence{N: n, Text: text, place: &sentencePlace{doc: doc}}
}

// Doc is the name of the sentence's document.
func (s *Sentence) Doc() string {
	if s.place == nil {
		return ""
	}
	return s.place.doc
}

// Section is the text of the nearest heading above the sentence, "" when
// none is.
func (s *Sentence) Section() string {
	if s.place == nil {
		return ""
	}
	return s.place.section
}

// Heading marks a heading (a Markdown heading, or a short title line in
// plain text). It is context for the sentences under it, and is not
// itself indexed: a heading alone is never the answer.
func (s *Sentence) Heading() bool { return s.more != nil && s.more.heading }

func (s *Sentence) setHeading(v bool) { s.setMore(func(m *sentenceMore) { m.heading = v }) }

// placer sets the sections of a document's sentences, in order, sharing
// one sentencePlace among a run of sentences of one section.
type placer struct{ last *sentencePlace }

func (p *placer) set(s *Sentence, section string) {
	if s.Section() == section {
		return
	}
	if p.last == nil || p.last.doc != s.Doc() || p.last.section != section {
		p.last = &sentencePlace{doc: s.Doc(), section: section}
	}
	s.place = p.last
}

// Rename gives the document, and each of its sentences, the name its
// citations show.
func (d *Document) Rename(name string) {
	d.Name = name
	renamed := map[*sentencePlace]*sentencePlace{}
	for i := range d.Sentences {
		s := &d.Sentences[i]
		old := s.place
		if renamed[old] == nil {
			renamed[old] = &sentencePlace{doc: name, section: s.Section()}
		}
		s.place = renamed[old]
	}
	d.top = nil
}

// topPlace is the place of the document's sentences before any section
// is set: one for the whole document.
func (d *Document) topPlace() *sentencePlace {
	if d.top == nil || d.top.doc != d.Name {
		d.top = &sentencePlace{doc: d.Name}
	}
	return d.top
}

// sentenceMore is a Sentence's rarely set fields. A sentenceMore may be
// shared by copies of a sentence, so it is never changed once set: the
// setters replace it.
type sentenceMore struct {
	display, context, refers, parent string
	heading                          bool
}

// Display is how the sentence reads when quoted, when that differs from
// its source text: a table row's cells with their column names; "" for
// the rest.
func (s *Sentence) Display() string {
	if s.more == nil {
		return ""
	}
	return s.more.display
}

// Context is the sentence that introduces a list item or a table row
// ("For two loaves you will need:"), "" for other sentences.
func (s *Sentence) Context() string {
	if s.more == nil {
		return ""
	}
	return s.more.context
}

// Refers is the name a pronoun among the sentence's first words stands
// for ("She left the village in 1921": "Ada Whitlow"), "" when none.
func (s *Sentence) Refers() string {
	if s.more == nil {
		return ""
	}
	return s.more.refers
}

// Parent is the text of the headings above the sentence's section, the
// nearest last, below the document's title: "Kenji's Miso Salmon
// Traybake" for a step under its "### Method"; "" when the section has
// none (every plain-text section).
func (s *Sentence) Parent() string {
	if s.more == nil {
		return ""
	}
	return s.more.parent
}

// setMore replaces the sentence's rare fields with set's change to them,
// allocating only when one is not "".
func (s *Sentence) setMore(set func(*sentenceMore)) {
	var m sentenceMore
	if s.more != nil {
		m = *s.more
	}
	set(&m)
	if m == (sentenceMore{}) {
		s.more = nil
		return
	}
	s.more = &m
}

func (s *Sentence) setDisplay(v string) { s.setMore(func(m *sentenceMore) { m.display = v }) }
func (s *Sentence) setContext(v string) { s.setMore(func(m *sentenceMore) { m.context = v }) }
func (s *Sentence) setRefers(v string)  { s.setMore(func(m *sentenceMore) { m.refers = v }) }
func (s *Sentence) setParent(v string)  { s.setMore(func(m *sentenceMore) { m.parent = v }) }

// Quote is the sentence as a reply shows it: Display, or else Text.
func (s *Sentence) Quote() string {
	if d := s.Display(); d != "" {
		return d
	}
	return s.Text
}

// Document is a parsed document.
type Document struct {
	Name string
	// Title is the document's title: a Markdown document's first level-1
	// heading, or a plain text's short first line; "" when it has none.
	Title string
	// URL is where readers can open the document; citations link to the
	// cited sentence there. "" when the document has none.
	URL        string
	Raw        []byte
	Paragraphs int
	Sentences  []Sentence
	// Warnings are problems that were repaired rather than refused,
	// such as invalid UTF-8 replaced by U+FFFD.
	Warnings []string
	markdown bool
	// abbrevs are the document's own abbreviations (learnAbbreviations).
	abbrevs map[string]bool
	top     *sentencePlace // see topPlace
}

// IsAbbreviation reports whether the document uses w (in lower case) as
// its own abbreviation, written with a period before a name and never
// without it ("cllr" for "Cllr. Moss").
func (d *Document) IsAbbreviation(w string) bool {
	for a := range d.abbrevs {
		if strings.EqualFold(a, w) {
			return true
		}
	}
	return false
}

// Errors returned (wrapped) by Parse and Load; test with errors.Is.
var (
	ErrEmpty    = errors.New("document is empty")
	ErrNotText  = errors.New("not a text document (it contains NUL bytes)")
	ErrTooLarge = errors.New("document is too large")
	ErrNoDocs   = errors.New("no .txt or .md documents found")
)

// MaxDocumentSize bounds one document, so that a mistaken path (a disk image,
// a video) fails fast instead of exhausting memory.
const MaxDocumentSize = 256 << 20

// Parse splits a document into paragraphs and sentences. Names ending in .md
// or .markdown are treated as Markdown: markup is ignored for matching, but
// offsets still point into data. Invalid UTF-8 is repaired with U+FFFD and
// reported in Warnings; offsets then point into the repaired text, Raw.
//
// The document keeps data (its sentences' texts share its bytes), so the
// caller must not modify data afterwards.
func Parse(name string, data []byte) (*Document, error) {
	if len(data) > MaxDocumentSize {
		return nil, fmt.Errorf("document %q: %w (%d bytes, limit %d)", name, ErrTooLarge, len(data), MaxDocumentSize)
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return nil, fmt.Errorf("document %q: %w (first at byte %d)", name, ErrNotText, i)
	}
	d := &Document{Name: name, Raw: data}
	if !utf8.Valid(data) {
		d.Raw = bytes.ToValidUTF8(data, []byte("\uFFFD"))
		d.Warnings = append(d.Warnings, fmt.Sprintf("document %q is not valid UTF-8: invalid bytes were replaced by U+FFFD, and offsets refer to the repaired text", name))
	}
	lower := strings.ToLower(name)
	d.markdown = strings.HasSuffix(lower, ".md") || strings.HasSuffix(lower, ".markdown")
	splitDocument(d)
	if len(d.Sentences) == 0 {
		return nil, fmt.Errorf("document %q: %w (no sentences found)", name, ErrEmpty)
	}
	return d, nil
}

// Load reads documents from paths: files, or directories whose .txt and .md
// files (recursively, in name order) are loaded. Document names are the paths
// as given (for files) or relative to the given directory's parent.
func Load(paths ...string) ([]*Document, error) {
	var docs []*Document
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("load document %q: %w", p, friendlyPathError(err))
		}
		if !info.IsDir() {
			d, err := LoadFile(p, p)
			if err != nil {
				return nil, err
			}
			docs = append(docs, d)
			continue
		}
		var files []string
		err = filepath.WalkDir(p, func(path string, e fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if e.IsDir() && path != p && strings.HasPrefix(e.Name(), ".") {
				return filepath.SkipDir
			}
			ext := strings.ToLower(filepath.Ext(path))
			if !e.IsDir() && (ext == ".txt" || ext == ".md" || ext == ".markdown") {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("load directory %q: %w", p, friendlyPathError(err))
		}
		if len(files) == 0 {
			return nil, fmt.Errorf("load directory %q: %w", p, ErrNoDocs)
		}
		slices.Sort(files)
		for _, f := range files {
			d, err := LoadFile(f, f)
			if err != nil {
				return nil, err
			}
			docs = append(docs, d)
		}
	}
	return docs, nil
}

// LoadFile reads and parses one file, naming the document name.
func LoadFile(path, name string) (*Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("load document %q: %w", path, friendlyPathError(err))
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("load document %q: %w", path, err)
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("load document %q: not a regular file", path)
	}
	if info.Size() > MaxDocumentSize {
		return nil, fmt.Errorf("load document %q: %w (%d bytes, limit %d)", path, ErrTooLarge, info.Size(), MaxDocumentSize)
	}
	data, err := readSized(f, info.Size())
	if err != nil {
		return nil, fmt.Errorf("load document %q: %w", path, friendlyPathError(err))
	}
	d, err := Parse(name, data)
	if err != nil {
		return nil, err
	}
	return d, nil
}

// readSized reads r to its end into a buffer of the size the file said it
// had, plus a byte to see the end, as os.ReadFile does: bytes.Buffer's
// ReadFrom doubled the buffer at the end of the file, so a book briefly
// held twice its size (and a 27 MB text 64 MB).
func readSized(r io.Reader, size int64) ([]byte, error) {
	data := make([]byte, 0, size+1)
	for {
		n, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
		if len(data) == cap(data) { // the file grew while being read
			data = append(data, 0)[:len(data)]
		}
	}
}

func friendlyPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return errors.New("no such file or directory")
		case errors.Is(err, fs.ErrPermission):
			return errors.New("permission denied")
		}
		return pe.Err
	}
	return err
}

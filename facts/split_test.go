package facts

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/storybot/storybot/english"
	"github.com/storybot/storybot/story"
)

func sentenceTexts(t *testing.T, name, text string) []string {
	t.Helper()
	d, err := Parse(name, []byte(text))
	if err != nil {
		t.Fatalf("Parse(%q): %v", text, err)
	}
	var out []string
	for _, s := range d.Sentences {
		if got := string(d.Raw[s.Start:s.End]); got != s.Text {
			t.Errorf("offsets [%d:%d] slice %q, want %q", s.Start, s.End, got, s.Text)
		}
		out = append(out, s.Text)
	}
	return out
}

func TestSplitSentences(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"abbreviation before a name", "He met former U.S. Ambassador to Russia Michael McFaul. Then he left.",
			[]string{"He met former U.S. Ambassador to Russia Michael McFaul.", "Then he left."}},
		{"v. in a case name", "The case Brown v. Board of Education was decided in 1954. It ended segregation.",
			[]string{"The case Brown v. Board of Education was decided in 1954.", "It ended segregation."}},
		{"initials end a sentence before a starter word", "He lives in the U.S. The weather is fine.",
			[]string{"He lives in the U.S.", "The weather is fine."}},
		{"titles", "Mr. Smith met Dr. Jones and Ms. Brown on St. Patrick's Day. They talked.",
			[]string{"Mr. Smith met Dr. Jones and Ms. Brown on St. Patrick's Day.", "They talked."}},
		{"title without period", "Mr Putin spoke. Mr Trump listened.",
			[]string{"Mr Putin spoke.", "Mr Trump listened."}},
		{"month abbreviation and a date", "The deal closed on Jan. 3. The price rose.",
			[]string{"The deal closed on Jan. 3.", "The price rose."}},
		{"initials in a name", "John F. Kennedy was elected. J. R. R. Tolkien wrote books.",
			[]string{"John F. Kennedy was elected.", "J. R. R. Tolkien wrote books."}},
		{"decimals and amounts", "It cost $85.5 million in 2018. Shares rose 3.2 percent.",
			[]string{"It cost $85.5 million in 2018.", "Shares rose 3.2 percent."}},
		{"quote closing after the period", `She said, "It is over." He nodded.`,
			[]string{`She said, "It is over."`, "He nodded."}},
		{"curly quotes", "She said, “It is over.” He nodded.",
			[]string{"She said, “It is over.”", "He nodded."}},
		{"question and exclamation marks", "Is it true? Yes! It is.",
			[]string{"Is it true?", "Yes!", "It is."}},
		{"question inside a quote continues", `"Really?" she asked. He shrugged.`,
			[]string{`"Really?" she asked.`, "He shrugged."}},
		{"ellipsis mid-sentence", "I waited... and waited. Nothing came.",
			[]string{"I waited... and waited.", "Nothing came."}},
		{"ellipsis ends a sentence", "I waited… Then it rang.",
			[]string{"I waited…", "Then it rang."}},
		{"URL", "See https://example.com/a.b?c=d for more. It helps.",
			[]string{"See https://example.com/a.b?c=d for more.", "It helps."}},
		{"URL at the end", "Read it at www.example.org. Then reply.",
			[]string{"Read it at www.example.org.", "Then reply."}},
		{"e-mail address", "Write to jane.doe@example.com. She answers.",
			[]string{"Write to jane.doe@example.com.", "She answers."}},
		{"handles", "In Helsinki, @POTUS agreed. @Ambjohnbolton will invite him.",
			[]string{"In Helsinki, @POTUS agreed.", "@Ambjohnbolton will invite him."}},
		{"e.g. and etc.", "Bring fruit, e.g. apples, pears, etc. and bread.",
			[]string{"Bring fruit, e.g. apples, pears, etc. and bread."}},
		{"number abbreviation", "He lives at No. 5 Main Street. It is red.",
			[]string{"He lives at No. 5 Main Street.", "It is red."}},
		{"lowercase after a period is not a boundary", "The file is v2. it works.",
			[]string{"The file is v2. it works."}},
		{"no final punctuation", "A headline without a period",
			[]string{"A headline without a period"}},
		{"unicode", "Über alles. Ça va? Да.",
			[]string{"Über alles.", "Ça va?", "Да."}},
		{"a lower-case abbreviation before a number", "Costs rose by approx. 40% last year. They fell.",
			[]string{"Costs rose by approx. 40% last year.", "They fell."}},
		// The document's own abbreviations: a short capitalised word
		// written twice or more with a period before a capital, and
		// never without one.
		{"learned abbreviation before names", "Present: Cllr. Ann Moss, Cllr. Tom Rudd and Cllr. Sam Lee. Apologies came from Cllr. Bevan, who was ill.",
			[]string{"Present: Cllr. Ann Moss, Cllr. Tom Rudd and Cllr. Sam Lee.", "Apologies came from Cllr. Bevan, who was ill."}},
		{"learned abbreviation in brackets", "Cttee. Hale spoke. The vote passed with one abstention (Cttee. Hale). It ended.",
			[]string{"Cttee. Hale spoke.", "The vote passed with one abstention (Cttee. Hale).", "It ended."}},
		{"learned abbreviation still ends a sentence before a starter", "Cllr. Hale met Cllr. Cole. They argued with a Cllr. The room fell silent.",
			[]string{"Cllr. Hale met Cllr. Cole.", "They argued with a Cllr.", "The room fell silent."}},
		{"a word also written without a period is not learned", "He met Ross. Kate left. Ross stayed. Anna came to Ross. Kate laughed.",
			[]string{"He met Ross.", "Kate left.", "Ross stayed.", "Anna came to Ross.", "Kate laughed."}},
		{"seen once is not learned", "They called the Gnr. Smith arrived.",
			[]string{"They called the Gnr.", "Smith arrived."}},
		{"a stop word is never learned", "Take It. Bob said so. Take It. Ann said so.",
			[]string{"Take It.", "Bob said so.", "Take It.", "Ann said so."}},
		{"initials and decimals with a learned abbreviation", "Insp. J. R. Hale measured 3.5 m. Insp. Hale left at 5 p.m. Then it rained.",
			[]string{"Insp. J. R. Hale measured 3.5 m.", "Insp. Hale left at 5 p.m.", "Then it rained."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := sentenceTexts(t, "t.txt", tt.in)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("split(%q)\n got  %q\n want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestDefaultStory(t *testing.T) {
	t.Parallel()
	d, err := Parse(story.Name, story.Text)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Sentences) != 14 || d.Paragraphs != 13 {
		t.Fatalf("got %d sentences in %d paragraphs, want 14 in 13", len(d.Sentences), d.Paragraphs)
	}
	s13 := d.Sentences[12]
	want := "The Russian claims against the Americans, including former U.S. Ambassador to Russia Michael McFaul, involve allegations of fraud and corruption."
	if s13.Text != want || s13.N != 13 || s13.Paragraph != 12 {
		t.Errorf("sentence 13 = %d/%d %q, want paragraph 12 %q", s13.N, s13.Paragraph, s13.Text, want)
	}
	for _, s := range d.Sentences {
		if string(story.Text[s.Start:s.End]) != s.Text {
			t.Errorf("sentence %d offsets do not slice the file to its text", s.N)
		}
		if s.Doc() != story.Name {
			t.Errorf("sentence %d doc = %q", s.N, s.Doc())
		}
	}
	if s := d.Sentences[10]; s.Paragraph != 10 || !strings.Contains(s.Text, "Secretary of State Mike Pompeo") {
		t.Errorf("sentence 11 = paragraph %d %q", s.Paragraph, s.Text)
	}
}

func TestParagraphs(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		file  string
		in    string
		paras []int // paragraph of each sentence
	}{
		{"one paragraph per line", "a.txt",
			"First line is a long paragraph of its own that goes on and on, well past a hundred characters wide. It has two sentences.\nSecond line is another paragraph. Short.\n",
			[]int{1, 1, 2, 2}},
		{"hard-wrapped blocks separated by blank lines", "b.txt",
			"This paragraph is wrapped\nacross two lines. Still one.\n\nA second paragraph\nwrapped too.\n",
			[]int{1, 1, 2}},
		{"windows line endings", "c.txt", "One.\r\n\r\nTwo.\r\n", []int{1, 2}},
		{"a line break inside a sentence of a long line is no paragraph break", "e.txt",
			"Air is forced through ceramic membranes by high pressure or an electric current, to produce nearly pure O\n2 gas. It is used in industry.\nOxygen is a separate paragraph here.\n",
			[]int{1, 1, 2}},
		{"a heading line without a full stop still starts a paragraph", "f.txt",
			"Background\nThe long line that follows is a paragraph of its own and goes on well past a hundred characters in width.\nand this line, starting in lower case after a full stop, is one too, as long as the one before it is.\n",
			[]int{1, 2, 3}},
		{"a block of labelled lines is a line a paragraph; the prose under its last line is no part of it", "g.txt",
			"Monday: 8:00am to 6:00pm\nSaturday: 9:00am to 1:00pm\nSunday: Closed\nWe close for lunch from 1:00pm to 2:00pm.\n",
			[]int{1, 2, 3, 4}},
		{"a schedule's lines, each opening with a time, are a line a paragraph", "i.txt",
			"1:30pm Guests arrive at the barn\n2:00pm Ceremony in the orchard\n3:30pm Group photographs by the pond\n",
			[]int{1, 2, 3}},
		{"a transcript's turns wrapped over two lines are not a list", "h.txt",
			"JANE: We opened the shop\nin the spring. It was busy.\nTOM: It was, and we\nnever looked back.\n",
			[]int{1, 1, 2}},
		{"markdown heading, list and code (a code block is one paragraph, a line a sentence)", "d.md",
			"# Title\n\nSome *text* with a [link](https://example.com/x.y).\n\n- item one\n- item two\n\n```\ncode. Not prose.\n\nmore code\n```\n\n---\nEnd.\n",
			[]int{1, 2, 3, 4, 5, 5, 6}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			d, err := Parse(tt.file, []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			var got []int
			for _, s := range d.Sentences {
				got = append(got, int(s.Paragraph))
				if string(d.Raw[s.Start:s.End]) != s.Text {
					t.Errorf("offsets of %q are wrong", s.Text)
				}
			}
			if len(got) != len(tt.paras) {
				t.Fatalf("paragraphs %v, want %v (sentences %q)", got, tt.paras, sentenceTexts(t, tt.file, tt.in))
			}
			for i := range got {
				if got[i] != tt.paras[i] {
					t.Fatalf("paragraphs %v, want %v", got, tt.paras)
				}
			}
		})
	}
}

func TestMarkdownTextIsCleanForMatching(t *testing.T) {
	t.Parallel()
	d, err := Parse("m.md", []byte("# Guide\n\nInstall it with the [installer](https://dl.example.com/setup.exe).\n"))
	if err != nil {
		t.Fatal(err)
	}
	_, termID := NewStore(d).Terms()
	for _, w := range []string{"setup", "exe", "dl", "example"} {
		if _, ok := termID.Lookup(english.Stem(w)); ok {
			t.Errorf("link target word %q was indexed", w)
		}
	}
	if _, ok := termID.Lookup(english.Stem("installer")); !ok {
		t.Errorf("link text was not indexed")
	}
	if got := d.Sentences[1].Text; !strings.HasPrefix(got, "Install it with the [installer](") {
		t.Errorf("sentence text should be the original bytes, got %q", got)
	}
}

func TestParseErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   []byte
		want error
	}{
		{"empty", nil, ErrEmpty},
		{"only space", []byte(" \n\t\n"), ErrEmpty},
		{"only punctuation", []byte("... --- !!!"), ErrEmpty},
		{"binary", []byte("GIF89a\x00\x01\x02"), ErrNotText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := Parse("bad.txt", tt.in)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if !strings.Contains(err.Error(), `"bad.txt"`) {
				t.Errorf("error %q does not name the document", err)
			}
		})
	}
}

func TestInvalidUTF8IsRepairedAndReported(t *testing.T) {
	t.Parallel()
	d, err := Parse("latin1.txt", []byte("Caf\xe9 au lait. It is good."))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Warnings) != 1 || !strings.Contains(d.Warnings[0], "UTF-8") {
		t.Errorf("warnings = %q", d.Warnings)
	}
	if d.Sentences[0].Text != "Caf\uFFFD au lait." {
		t.Errorf("sentence = %q", d.Sentences[0].Text)
	}
	if string(d.Raw[d.Sentences[1].Start:d.Sentences[1].End]) != "It is good." {
		t.Errorf("offsets do not point into the repaired text")
	}
}

func TestLoad(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("docs/b.md", "# B\n\nBee text.\n")
	write("docs/a.txt", "Aye text.\n")
	write("docs/skip.json", "{}")
	empty := write("empty.txt", "")
	docs, err := Load(filepath.Join(dir, "docs"))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || !strings.HasSuffix(docs[0].Name, "a.txt") || !strings.HasSuffix(docs[1].Name, "b.md") {
		t.Fatalf("loaded %d docs", len(docs))
	}
	for _, tt := range []struct {
		path string
		want string
	}{
		{filepath.Join(dir, "missing.txt"), "no such file"},
		{empty, "empty"},
		{write("none/x.json", "{}")[:len(dir)+5], "no .txt or .md"},
	} {
		_, err := Load(tt.path)
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), tt.path) {
			t.Errorf("Load(%q) = %v, want an error naming the path and saying %q", tt.path, err, tt.want)
		}
	}
}

func TestKeywordsJoinNamesThatStandTogether(t *testing.T) {
	t.Parallel()
	got := strings.Join(storyStore(t).Keywords(6), ", ")
	if !strings.Contains(got, "White House") || strings.Contains(got, "Mr ") {
		t.Errorf("Keywords = %s, want \"White House\" as one name and no titles", got)
	}
}

func storyStore(t testing.TB) *Store {
	t.Helper()
	d, err := Parse(story.Name, story.Text)
	if err != nil {
		t.Fatal(err)
	}
	return NewStore(d)
}

// asciiKey must give what strings.ToLower gives, or decline.
func TestASCIIKey(t *testing.T) {
	for _, w := range []string{"", "Mr", "MR", "mr", "U.S", "e.g", "Ph.D", "St", "approx",
		"Jan", "No", "A.B.C.D.E.F.G.H.I.J.K.L.M.N.O.P.Q", "Abcdefghijklmnop", "Abcdefghijklmnopq",
		"Mme", "Étienne", "İ", "K\u212a", "...", "x.", ".x", "The", "HOWEVER", "Café"} {
		for _, drop := range []bool{true, false} {
			want := w
			if drop {
				want = strings.ReplaceAll(w, ".", "")
			}
			want = strings.ToLower(want)
			var arr [16]byte
			got, ok := asciiKey(arr[:0], w, drop)
			if ok && string(got) != want {
				t.Errorf("asciiKey(%q, %v) = %q, want %q", w, drop, got, want)
			}
			if ascii := !strings.ContainsFunc(w, func(r rune) bool { return r >= utf8.RuneSelf }); ascii && len(want) <= 16 && !ok {
				t.Errorf("asciiKey(%q, %v) declined", w, drop)
			}
		}
	}
}

// A table's column names are read into each of its rows ("Time: 12 hours"),
// capitalised once a row; they are not what the text is about.
func TestKeywordsLeaveOutColumnNames(t *testing.T) {
	t.Parallel()
	doc := "# Bread\n\nMaple the starter lives in our kitchen. Maple is fed daily. We bake with Maple.\n\n" +
		"| Stage | Time | Temperature |\n|---|---|---|\n| Mix | 1 hour | 25°C |\n| Rise | 4 hours | 25°C |\n" +
		"| Chill | 12 hours | 4°C |\n| Bake | 45 minutes | 230°C |\n"
	d, err := Parse("bread.md", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	got := NewStore(d).Keywords(4)
	if len(got) == 0 || got[0] != "Maple" || slices.ContainsFunc(got, func(k string) bool {
		return strings.EqualFold(k, "time") || strings.EqualFold(k, "stage") || strings.EqualFold(k, "temperature")
	}) {
		t.Errorf("Keywords = %q, want Maple first and no column names", got)
	}
}

// The sentence list is sized by estimateSentences: each sentence end
// counts once (an ellipsis, "?!", a stop inside quotes or brackets), a
// stop inside a number or a word does not, and a line in sixteen is added
// for lines without a stop.
func TestEstimateSentences(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		text string
		want int
	}{
		{"", 4},
		{"One. Two? Three!", 3 + 4},
		{"Wait... what?! He said \"stop.\" (Quietly.) Then left.\n", 5 + 4},
		{"It costs 3.5 euros, e.g.at the door, see example.com", 0 + 4},
		{"Ende.\u201d Next", 1 + 4},
		{strings.Repeat("a line without a stop\n", 32), 2 + 4},
	} {
		if got := estimateSentences(tt.text); got != tt.want {
			t.Errorf("estimateSentences(%q) = %d, want %d", tt.text, got, tt.want)
		}
	}
}

// A long plain text is split as two halves at once; the result must be
// the sequential split's, field for field: the shared books, and texts
// built so that the middle falls among titles, lists after a line ending
// in ":", a paragraph of no words between them, and nothing but one
// paragraph.
func TestSplitHalvesIsTheSequentialSplit(t *testing.T) {
	texts := map[string]string{}
	for _, name := range []string{"war_and_peace.txt", "pride_and_prejudice.txt"} {
		if data, err := os.ReadFile(filepath.Join("..", "..", "shared", "data", "books", name)); err == nil {
			texts[name] = string(data)
		}
	}
	var b strings.Builder
	b.WriteString("A Title Line\n\n")
	for i := range 400 {
		switch i % 5 {
		case 0:
			b.WriteString("Opening hours\n\nThe shop opens at nine. It closes at five.\n\n")
		case 1:
			b.WriteString("You will need the following:\n\n- a ladder\n- a brush\n\n")
		case 2:
			b.WriteString("Bring these:\n\n~ ~ ~\n\n- a rope\n\n1. First step.\n2. Second step.\n\n")
		case 3:
			b.WriteString("He said: \"We left at 3.5 km.\" Mr. Smith agreed.\nA second line that is short.\n\n")
		default:
			b.WriteString("WARNING\n\nKeep away from children.\n\n\n")
		}
	}
	// Filler before the patterns moves the middle through each of them.
	for k := range 24 {
		texts[fmt.Sprintf("built %d", k)] = strings.Repeat("Filler text.\n\n", k) + b.String()
	}
	texts["one paragraph"] = strings.Repeat("A sentence of a single long paragraph. ", 400)
	defer func(n int) { splitHalvesMinBytes = n }(splitHalvesMinBytes)
	for name, text := range texts {
		splitHalvesMinBytes = 1 << 62
		seq, err := Parse(name, []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		for _, min := range []int{0, len(text) / 3} {
			splitHalvesMinBytes = min
			par, err := Parse(name, []byte(text))
			if err != nil {
				t.Fatal(err)
			}
			if par.Paragraphs != seq.Paragraphs || par.Title != seq.Title || len(par.Sentences) != len(seq.Sentences) {
				t.Fatalf("%s: halves give %d paragraphs, %d sentences, title %q; sequential %d, %d, %q",
					name, par.Paragraphs, len(par.Sentences), par.Title, seq.Paragraphs, len(seq.Sentences), seq.Title)
			}
			for i := range seq.Sentences {
				if !reflect.DeepEqual(par.Sentences[i], seq.Sentences[i]) {
					t.Fatalf("%s: sentence %d by halves %+v, sequential %+v", name, i, par.Sentences[i], seq.Sentences[i])
				}
			}
		}
	}
}

// A document's sentences are in text order and do not overlap, each its
// text at its offsets: the matcher finds a sentence by an offset
// (match's tellingOfAsking). Plain text, Markdown with a table, a list and
// code, and the books when present.
func TestSentencesInTextOrder(t *testing.T) {
	t.Parallel()
	texts := map[string]string{
		"story.txt": "Title line\n\nFirst sentence. Second one!\nA third? Yes.\n",
		"doc.md": "# Notes\n\nIntro: see below.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n\n" +
			"- one item. Two.\n- another\n\n```\ncode line\n```\n\nEnd.",
	}
	for _, name := range []string{"war_and_peace.txt", "moby_dick.txt"} {
		if data, err := os.ReadFile(filepath.Join("..", "..", "shared", "data", "books", name)); err == nil {
			texts[name] = string(data)
		}
	}
	for name, text := range texts {
		d, err := Parse(name, []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		for i, s := range d.Sentences {
			if string(d.Raw[s.Start:s.End]) != s.Text {
				t.Fatalf("%s: sentence %d is not its text at its offsets", name, i)
			}
			if i > 0 && s.Start < d.Sentences[i-1].End {
				t.Fatalf("%s: sentence %d starts at %d, before the one before ends (%d)", name, i, s.Start, d.Sentences[i-1].End)
			}
		}
	}
}

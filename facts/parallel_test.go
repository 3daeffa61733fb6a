package facts

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/storybot/storybot/internal/benchdocs"
	"github.com/storybot/storybot/story"
)

// parallelTestDocs are the document sets TestParallelBuildIsSequential
// builds: the story, short texts with headings, lists, tables and
// Markdown, several documents at once, and the books and dev documents
// of ../shared when present.
func parallelTestDocs(t *testing.T) map[string][]*Document {
	t.Helper()
	parse := func(name string, data []byte) *Document {
		d, err := Parse(name, data)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	sets := map[string][]*Document{
		"story": {parse("story.txt", story.Text)},
		"markdown": {parse("m.md", []byte("# Bread\n\nA loaf costs $3 in Paris. Bake it for a full hour.\n\n"+
			"## You will need\n\nFor two loaves you will need:\n\n- 720 g flour at 27°C\n- 2 tsp salt\n- Water from the Corn Exchange\n\n"+
			"## Baking\n\nBake it twice a day. It opens at 9am every day in 1998.\n\n"+
			"| Oven | Time |\n|---|---|\n| Gas | 40 minutes |\n| Electric | 45 minutes |\n\n"+
			"See [the guide](http://example.com/guide) and <b>Mr Smith</b>. Around 40,000 people came.\n"))},
		"milk": {parse("p.txt", []byte("Milk, milk and milk. Bread and milk.")),
			parse("q.txt", []byte("MILK\n\nThe Milk Board met in London in 2001. It sold milk, bread and cheese at 5%."))},
	}
	var all []*Document
	for _, p := range []string{
		benchdocs.WarAndPeace,
		"../../shared/data/books/moby_dick.txt",
		"../../shared/data/books/pride_and_prejudice.txt",
		"../../shared/eval/dev/recipe-blog.md",
		"../../shared/eval/dev/council-minutes.txt",
		"../../shared/eval/dev/travel-guide.txt",
	} {
		data, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		d := parse(filepath.Base(p), data)
		sets[filepath.Base(p)] = []*Document{d}
		if !strings.HasSuffix(p, "war_and_peace.txt") {
			all = append(all, d)
		}
	}
	if len(all) > 0 {
		sets["shared"] = all
	}
	return sets
}

// A store built on several goroutines is the sequential one: every
// sentence, mark, word, word id, frequency, term id, posting, term
// frequency, answer and context posting, whatever the number of ranges.
func TestParallelBuildIsSequential(t *testing.T) {
	t.Parallel()
	for name, docs := range parallelTestDocs(t) {
		want := newStore(1, docs)
		want.analyseTime, want.indexTime = 0, 0
		dropTables(want)
		for _, workers := range []int{2, 3, 7} {
			if testing.Short() && workers > 2 && len(want.sents) > 10000 {
				continue
			}
			got := newStore(workers, docs)
			got.analyseTime, got.indexTime = 0, 0
			dropTables(got)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s, %d workers: the store differs from the sequential one: %s", name, workers, storeDiff(got, want))
			}
		}
	}
}

// dropTables removes the store's id tables, whose slots depend on a
// random hash seed: they are made from the words and terms, which are
// compared (TestStoreTablesGiveEachWordItsID checks what they find).
func dropTables(s *Store) { s.termIDs, s.wordIDs = nil, nil }

// storeDiff names the store's fields where got and want differ.
func storeDiff(got, want *Store) string {
	fields := []struct {
		name      string
		got, want any
	}{
		{"docs", got.docs, want.docs},
		{"sents", got.sents, want.sents},
		{"terms", got.terms, want.terms},
		{"postings", got.postings, want.postings},
		{"postAt", got.postAt, want.postAt},
		{"tfs", got.tfs, want.tfs},
		{"tfOver", got.tfOver, want.tfOver},
		{"ctxPostings", got.ctxPostings, want.ctxPostings},
		{"sentLen", got.sentLen, want.sentLen},
		{"marks", got.marks, want.marks},
		{"answerIDs", got.answerIDs, want.answerIDs},
		{"answerAt", got.answerAt, want.answerAt},
		{"words", got.words, want.words},
		{"wordFreq", got.wordFreq, want.wordFreq},
		{"wordCap", got.wordCap, want.wordCap},
		{"wordStem", got.wordStem, want.wordStem},
		{"wordClass", got.wordClass, want.wordClass},
		{"stopWords", got.stopWords, want.stopWords},
		{"wordCache", got.wordCache, want.wordCache},
	}
	var diff []string
	for _, f := range fields {
		if !reflect.DeepEqual(f.got, f.want) {
			diff = append(diff, f.name)
		}
	}
	return strings.Join(diff, ", ")
}

// The test above must be able to fail: a store whose word ids are
// numbered otherwise is not the same.
func TestParallelBuildComparisonFails(t *testing.T) {
	t.Parallel()
	d, err := Parse("p.txt", []byte("Milk, milk and milk. Bread and milk."))
	if err != nil {
		t.Fatal(err)
	}
	a, b := newStore(1, []*Document{d}), newStore(2, []*Document{d})
	a.analyseTime, a.indexTime, b.analyseTime, b.indexTime = 0, 0, 0, 0
	dropTables(a)
	dropTables(b)
	if !reflect.DeepEqual(a, b) {
		t.Fatalf("stores differ: %s", storeDiff(a, b))
	}
	b.wordFreq[0]++
	if reflect.DeepEqual(a, b) || storeDiff(a, b) != "wordFreq" {
		t.Errorf("a changed frequency is not seen: %s", storeDiff(a, b))
	}
}

// TestPostingsAcrossChunks builds, on one goroutine and on two, a text
// whose term ids fill several of the first pass's chunks, with sentences
// longer than a chunk's room among them, and checks every posting and
// term frequency against the text as written.
func TestPostingsAcrossChunks(t *testing.T) {
	word := func(k int) string { // "zqbcx": letters only, unchanged by the stemmer
		w := []byte("zq")
		for k++; k > 0; k /= 20 {
			w = append(w, "bcdfghjklmnprstvwxyz"[k%20])
		}
		return string(append(w, 'x'))
	}
	var text strings.Builder
	var want [][]string // each sentence's words
	for i := range 30000 {
		ws := []string{word(i % 500), word(500 + i*7%300), word(1000 + i/100), word(i % 500)}
		if i%3000 == 1500 {
			for k := range chunkRoom + 700 {
				ws = append(ws, word(2000+k))
			}
		}
		want = append(want, ws)
		text.WriteString(strings.ToUpper(ws[0][:1]) + strings.Join(ws, " ")[1:] + ".\n\n")
	}
	d, err := Parse("chunks.txt", []byte(text.String()))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Sentences) != len(want) {
		t.Fatalf("%d sentences, want %d", len(d.Sentences), len(want))
	}
	for _, workers := range []int{1, 2} {
		s := newStore(workers, []*Document{d})
		terms, ids := s.Terms()
		count := map[string]int{}
		for i, ws := range want {
			tf := map[string]int{}
			for _, w := range ws {
				tf[w]++
			}
			for w, n := range tf {
				count[w]++
				id, ok := ids.Lookup(w)
				if !ok || terms[id] != w {
					t.Fatalf("workers %d: %q is not a term", workers, w)
				}
				ps := s.Postings().Of(int(id))
				k, found := slices.BinarySearch(ps, int32(i))
				if !found {
					t.Fatalf("workers %d: sentence %d is not in %q's postings", workers, i, w)
				}
				if got := s.TF(int(id), k); got != int32(n) {
					t.Fatalf("workers %d: %q in sentence %d: tf %d, want %d", workers, w, i, got, n)
				}
			}
			if got := s.SentenceLengths()[i]; got != int32(len(ws)) {
				t.Fatalf("workers %d: sentence %d has %d terms, want %d", workers, i, got, len(ws))
			}
		}
		for w, n := range count {
			id, _ := ids.Lookup(w)
			if got := len(s.Postings().Of(int(id))); got != n {
				t.Fatalf("workers %d: %q has %d postings, want %d", workers, w, got, n)
			}
		}
	}
}

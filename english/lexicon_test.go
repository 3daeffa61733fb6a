package english

import (
	"bufio"
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// mapLexicon reads a lexicon into a map as the program did before lexicons
// were read in place: every "key rest" line but comments.
// A lexicon laid out by FrequencyLayout is read through its "@offset"s.
func mapLexicon(data string) map[string]string {
	m := map[string]string{}
	values := ""
	if _, rest, ok := strings.Cut(data, "\n"+valuesTag); ok {
		n, err := strconv.Atoi(rest[:10])
		if err != nil {
			panic(err)
		}
		data, values = data[:n], data[n:]
	}
	sc := bufio.NewScanner(strings.NewReader(data))
	for sc.Scan() {
		line := sc.Text()
		if k, v, ok := strings.Cut(line, " "); ok && !strings.HasPrefix(line, "#") {
			if values != "" {
				off, err := strconv.Atoi(strings.TrimPrefix(v, "@"))
				if err != nil {
					panic(err)
				}
				v, _, _ = strings.Cut(values[off:], "\n")
			}
			m[k] = v
		}
	}
	return m
}

// kinds.txt must be what FrequencyLayout makes of its lines sorted, as
// genlex writes it.
func TestKindsLayoutIsCurrent(t *testing.T) {
	m := mapLexicon(kindsData)
	keys := slices.Sorted(maps.Keys(m))
	comment, _, _ := strings.Cut(kindsData, "\n")
	var b strings.Builder
	b.WriteString(comment + "\n")
	for _, k := range keys {
		b.WriteString(k + " " + m[k] + "\n")
	}
	if string(FrequencyLayout(b.String())) != kindsData {
		t.Fatal("kinds.txt is not laid out by FrequencyLayout: run genlex -relayout english/kinds.txt")
	}
	if kindsLexicon.values == "" {
		t.Fatal("kinds.txt read without its values section")
	}
}

// The binary search over the embedded text must answer exactly as the old
// map did: for every key, and for words that are not keys but sort beside
// them (prefixes, extensions, the comment's first word, the empty string).
func TestLexiconReadInPlaceEqualsMap(t *testing.T) {
	for name, data := range map[string]string{"synonyms": synonymData, "kinds": kindsData, "derived": derivedData} {
		m := mapLexicon(data)
		if len(m) < 10000 {
			t.Fatalf("%s: only %d keys", name, len(m))
		}
		probe := func(k string) {
			if got := newLexicon(data).lookup(k); got != m[k] {
				t.Fatalf("%s: lookup(%q) = %q, map has %q", name, k, got, m[k])
			}
		}
		for k := range m {
			probe(k)
			probe(k + "a")
			probe(k + "~")
			probe(k[:len(k)-1])
			probe(" " + k)
		}
		for _, k := range []string{"", "#", "# Derived", "0", "zzzzzz", "\xff", "a b"} {
			probe(k)
		}
	}
}

// Small lexicons with the edge cases the embedded ones lack: a key without
// a value, a last line without a newline, one line, none.
func TestLexiconEdges(t *testing.T) {
	for _, data := range []string{
		"", "# only a comment\n", "a x\n", "a x", "# c\na x\nb\nc y z\nd w",
		"# c\nab 1\nabc 2\nabd 3\nb 4\n",
	} {
		m := mapLexicon(data)
		for _, k := range []string{"", "#", "a", "ab", "abc", "abd", "abe", "b", "c", "d", "e", "# c"} {
			if got := newLexicon(data).lookup(k); got != m[k] {
				t.Fatalf("%q: lookup(%q) = %q, map has %q", data, k, got, m[k])
			}
		}
	}
}

func BenchmarkLexiconLookup(b *testing.B) {
	keys := []string{"diseas", "cholera", "rival", "opponent", "zzz", "a"}
	for b.Loop() {
		for _, k := range keys {
			KindsOf(k)
			SynonymsOf(k)
		}
	}
}

// The vectors' hash table must give every word the row a map of the words
// gave (the last row of a repeated word), and -1 to words it lacks.
func TestVectorRowsEqualMap(t *testing.T) {
	v := LoadVectors()
	n := len(v.offs)/4 - 1
	m := make(map[string]int32, n)
	for i := range n {
		m[v.word(int32(i))] = int32(i)
	}
	for w, row := range m {
		if got := v.Row(w); got != row {
			t.Fatalf("Row(%q) = %d, want %d", w, got, row)
		}
		for _, other := range []string{w + "q", w[1:], "x" + w} {
			want, ok := m[other]
			if !ok {
				want = -1
			}
			if got := v.Row(other); got != want {
				t.Fatalf("Row(%q) = %d, want %d", other, got, want)
			}
		}
	}
	if (*Vectors)(nil).Row("the") != -1 {
		t.Fatal("no vectors must give no row")
	}
}

// vectors.idx must be the index VectorIndex makes of vectors.bin's words:
// regenerate both with genvec.
func TestVectorIndexIsCurrent(t *testing.T) {
	v := LoadVectors()
	n := len(v.offs)/4 - 1
	if got := VectorIndex(n, v.word); string(got) != vectorIndexData {
		t.Fatal("vectors.idx is not the index of vectors.bin: run genvec")
	}
	if v.slots != vectorIndexData[8:] {
		t.Fatal("LoadVectors built an index instead of reading vectors.idx")
	}
}

// Every word offset must be in order and range (LoadVectors checks only
// the last), and rows must be in frequency order, which keeps the rows a
// short text reads on few pages of the embedded data.
func TestVectorWordsInOrder(t *testing.T) {
	v := LoadVectors()
	if !v.checkWords(v.n) {
		t.Fatal("vectors.bin's word offsets are out of order or range")
	}
	for row := range int32(v.n) {
		if v.rank(row) != row {
			t.Fatalf("row %d (%q) has rank %d: rows must be in frequency order (run genvec)", row, v.word(row), v.rank(row))
		}
	}
}

func TestPhrasalSynonyms(t *testing.T) {
	if got := PhrasalSynonyms(Stem("shut"), "down"); !ListHas(got, "close") {
		t.Errorf("shut down: %q, want close among them", got)
	}
	if got := PhrasalSynonyms(Stem("shut"), "sideways"); got != "" {
		t.Errorf("shut sideways: %q, want none", got)
	}
}

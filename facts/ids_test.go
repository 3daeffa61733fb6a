package facts

import (
	"fmt"
	"testing"
)

func TestIDsFindEachKeyAtItsIndex(t *testing.T) {
	t.Parallel()
	for _, n := range []int{0, 1, 7, 8, 9, 1000, 70000} {
		keys := make([]string, n)
		for i := range keys {
			keys[i] = fmt.Sprintf("w%d", i*7)
		}
		ids := NewIDs(keys)
		if ids.Len() != n {
			t.Fatalf("%d keys: Len %d", n, ids.Len())
		}
		for i, k := range keys {
			if id, ok := ids.Lookup(k); !ok || id != int32(i) {
				t.Fatalf("%d keys: Lookup(%q) = %d, %v; want %d", n, k, id, ok, i)
			}
		}
		// Keys the table lacks: between the ones it has, and the empty
		// string.
		for i := range min(n, 2000) {
			if k := fmt.Sprintf("w%d", i*7+3); ids.Has(k) {
				t.Fatalf("%d keys: Has(%q) for a string not among them", n, k)
			}
		}
		if id, ok := ids.Lookup(""); ok || id != 0 || ids.Index("") != 0 {
			t.Fatalf("%d keys: Lookup(\"\") = %d, %v", n, id, ok)
		}
	}
}

func TestNilIDsHoldNothing(t *testing.T) {
	t.Parallel()
	var ids *IDs
	if ids.Has("a") || ids.Len() != 0 {
		t.Fatal("a nil table holds keys")
	}
}

// The store's tables give every word and term its id, whether the store
// was built on one goroutine or several.
func TestStoreTablesGiveEachWordItsID(t *testing.T) {
	t.Parallel()
	d, err := Parse("p.txt", []byte("Milk, milk and milk. Bread and milk. The baker's bread was warm; butter-milk is sour."))
	if err != nil {
		t.Fatal(err)
	}
	for _, workers := range []int{1, 2} {
		s := newStore(workers, []*Document{d})
		if s.termID != nil || s.wordID != nil {
			t.Fatalf("%d workers: the build's maps are kept", workers)
		}
		terms, termIDs := s.Terms()
		for i, term := range terms {
			if id, ok := termIDs.Lookup(term); !ok || id != int32(i) {
				t.Fatalf("%d workers: term %q at %d, found %d, %v", workers, term, i, id, ok)
			}
		}
		v := s.Vocabulary()
		if len(v.Words) == 0 || v.ID.Len() != len(v.Words) {
			t.Fatalf("%d workers: %d words, table of %d", workers, len(v.Words), v.ID.Len())
		}
		for i, w := range v.Words {
			if id, ok := v.ID.Lookup(w); !ok || id != int32(i) {
				t.Fatalf("%d workers: word %q at %d, found %d, %v", workers, w, i, id, ok)
			}
		}
		if v.ID.Has("and") || v.ID.Has("cheese") {
			t.Fatalf("%d workers: a stop word or a word not in the text is in the vocabulary", workers)
		}
	}
}

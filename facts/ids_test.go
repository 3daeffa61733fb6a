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

// TestIDsAddMergesInOrder adds a second list to a table made with room
// for both, as a parallel build merges its ranges' words: a key already
// there keeps its index, a new one gets the next, and every key is then
// found at its index.
func TestIDsAddMergesInOrder(t *testing.T) {
	t.Parallel()
	var first, second []string
	for i := range 5000 {
		first = append(first, fmt.Sprintf("w%d", i))
		second = append(second, fmt.Sprintf("w%d", 2500+i*2)) // half shared
	}
	ids := newIDsRoom(first, len(first)+len(second))
	want := map[string]int32{}
	for i, k := range first {
		want[k] = int32(i)
	}
	for _, k := range second {
		id, added := ids.add(k)
		w, had := want[k]
		switch {
		case had && (added || id != w):
			t.Fatalf("add(%q) = %d, %v; want %d, false", k, id, added, w)
		case !had && (!added || id != int32(len(want))):
			t.Fatalf("add(%q) = %d, %v; want %d, true", k, id, added, len(want))
		}
		want[k] = id
	}
	if ids.Len() != len(want) {
		t.Fatalf("Len %d, want %d", ids.Len(), len(want))
	}
	for k, w := range want {
		if id, ok := ids.Lookup(k); !ok || id != w || ids.keys[id] != k {
			t.Fatalf("Lookup(%q) = %d, %v; want %d", k, id, ok, w)
		}
	}
	if ids.Has("w10001") {
		t.Fatal("Has a key never added")
	}
}

package facts

import (
	"hash/maphash"
	"math/bits"
)

// IDs gives each string of a list of distinct strings its index in the
// list: the store's words and terms by id. It is a hash table of int32
// slots over the strings the list already holds, under 7 bytes a string,
// where a map[string]int32's entry holds a copy of the string's header
// and room to grow: the live heap of eight enciphered copies of War and
// Peace, built with their matcher, fell from 148.4 to 136.5 MB (issue
// #17). Once the store is built it is read-only, and safe for concurrent
// use.
type IDs struct {
	keys  []string
	slots []int32 // a key's index + 1; 0 is an empty slot
	shift uint    // 64 - log2(len(slots))
	seed  maphash.Seed
}

// NewIDs indexes keys, which must be distinct. The table shares keys,
// which must not change.
func NewIDs(keys []string) *IDs { return newIDsRoom(keys, len(keys)) }

// idsSize is the number of slots a table of n keys has: at most five
// eighths full, so that a lookup of a string the table lacks (most of a
// question's words, in a short text) reads about three slots before an
// empty one.
func idsSize(n int) int {
	size := 8
	for size*5 < n*8 {
		size *= 2
	}
	return size
}

// newIDsRoom is NewIDs with room for n keys in all, which add may add up
// to, while the store is built.
func newIDsRoom(keys []string, n int) *IDs {
	size := idsSize(max(n, len(keys)))
	t := &IDs{
		keys:  keys,
		slots: make([]int32, size),
		shift: uint(64 - bits.TrailingZeros(uint(size))),
		seed:  maphash.MakeSeed(),
	}
	mask := len(t.slots) - 1
	for i, k := range keys {
		j := t.slot(k)
		for t.slots[j] != 0 {
			j = (j + 1) & mask
		}
		t.slots[j] = int32(i) + 1
	}
	return t
}

// add returns s's index in the keys, adding s at their end when it is
// new, and whether it was. It is for building a table made by newIDsRoom
// with room for every key added, on one goroutine.
func (t *IDs) add(s string) (int32, bool) {
	mask := len(t.slots) - 1
	j := t.slot(s)
	for ; t.slots[j] != 0; j = (j + 1) & mask {
		if v := t.slots[j]; t.keys[v-1] == s {
			return v - 1, false
		}
	}
	id := int32(len(t.keys))
	t.keys = append(t.keys, s)
	t.slots[j] = id + 1
	return id, true
}

// slot is s's first slot: the hash's top bits, which Fibonacci hashing
// spreads over the table.
func (t *IDs) slot(s string) int {
	return int((maphash.String(t.seed, s) * 0x9E3779B97F4A7C15) >> t.shift)
}

// Lookup returns s's index in the keys, and whether it is there.
func (t *IDs) Lookup(s string) (int32, bool) {
	if t == nil {
		return 0, false
	}
	mask := len(t.slots) - 1
	for j := t.slot(s); ; j = (j + 1) & mask {
		v := t.slots[j]
		if v == 0 {
			return 0, false
		}
		if t.keys[v-1] == s {
			return v - 1, true
		}
	}
}

// Index is s's index in the keys, for a string known to be one: 0 when
// it is not, as a map's zero value was.
func (t *IDs) Index(s string) int32 {
	id, _ := t.Lookup(s)
	return id
}

// Has reports whether s is one of the keys.
func (t *IDs) Has(s string) bool {
	_, ok := t.Lookup(s)
	return ok
}

// Len is the number of keys.
func (t *IDs) Len() int {
	if t == nil {
		return 0
	}
	return len(t.keys)
}

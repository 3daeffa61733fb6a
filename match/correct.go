package match

import (
	"github.com/storybot/storybot/facts"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"

	"github.com/storybot/storybot/english"
)

// Correction records a query word that the document does not contain being
// replaced by one it does.
type Correction struct {
	From   string
	To     string
	Method string // "edit distance N" or "fuzzy"
}

// maxEdits is the typo budget for a word: one edit up to six letters, two
// beyond (a transposition counts as one).
func maxEdits(n int) int {
	if n <= 6 {
		return 1
	}
	return 2
}

// maxDeletes bounds the words the deletion index covers; longer words are
// rare and are only matched exactly or by the fuzzy matcher.
const maxIndexedRunes = 24

// fuzzyBucketLimit bounds the vocabulary slice the fuzzy matcher scans: it
// is linear in its targets, so on a book it runs only where few words share
// the query's first letter.
const fuzzyBucketLimit = 3000

// deleteEntry is how newCorrector collects and sorts the index (8 bytes);
// the corrector keeps them packed into 4 (corrector.entries). A 32-bit hash
// may collide, but every candidate is checked by its real edit distance
// anyway.
type deleteEntry struct {
	hash uint32
	word int32
}

// corrector finds vocabulary words near a misspelt one. Edit-distance
// candidates come from a SymSpell-style deletion index (every word's
// variants with up to two letters deleted, hashed and sorted), so a lookup
// is a few binary searches instead of a scan of the vocabulary; the
// sahilm/fuzzy subsequence matcher adds prefixes and abbreviations.
type corrector struct {
	// entries are the deletion index's (hash, word) pairs in that order,
	// packed into 4 bytes each: the hash's low shift bits above wordBits
	// bits of word id. The hash's top bits are the entry's bucket, so
	// nothing is lost (bits is at least wordBits; 8-byte entries were a
	// fifth of a book's live heap).
	entries []uint32
	// bucket[k] is the first entry whose hash starts with the bits k, so a
	// lookup reads one small run instead of binary-searching the whole
	// array (which costs a cache miss per step on a book's vocabulary).
	bucket   []int32
	shift    uint
	wordBits uint
	*wordTable
}

// wordTable is what the corrector reads of the vocabulary besides its
// deletion index. It is built first, in a millisecond on a book, so that
// the questions asked while the index is built can scan it (scanNearest).
type wordTable struct {
	// sig is each word's signature (see signature): the candidates a
	// lookup returns are mostly ruled out by it, without reading the
	// words themselves (a cache miss each, on a book's vocabulary).
	sig []uint32
	// byLen[n] are the ids of the words of n runes the index holds (see
	// forEachDelete), in order.
	byLen   [maxIndexedRunes + 1][]int32
	byFirst map[rune][]string
}

// newWordTable builds the word table of words.
func newWordTable(words []string) *wordTable {
	t := &wordTable{sig: make([]uint32, len(words)), byFirst: make(map[rune][]string)}
	var count [maxIndexedRunes + 1]int
	for id, w := range words {
		t.sig[id] = signature(w)
		if r0, n := utf8.DecodeRuneInString(w); len(w) > n && !english.HasDigit(w) {
			t.byFirst[r0] = append(t.byFirst[r0], w)
			if l := indexedLen(t.sig[id]); l > 0 {
				count[l]++
			}
		}
	}
	for l, n := range count {
		t.byLen[l] = make([]int32, 0, n)
	}
	for id, w := range words {
		if l := indexedLen(t.sig[id]); l > 0 && !english.HasDigit(w) {
			t.byLen[l] = append(t.byLen[l], int32(id))
		}
	}
	return t
}

// indexedLen is the length in runes of a word of signature sig that the
// deletion index may hold (from 2 to maxIndexedRunes), or 0.
func indexedLen(sig uint32) int {
	if n := int(sig >> sigLenShift & 31); n >= 2 && n <= maxIndexedRunes {
		return n
	}
	return 0
}

// newCorrector builds the corrector of words, whose table is t.
func newCorrector(words []string, t *wordTable) *corrector {
	c := &corrector{wordTable: t}
	c.index(words)
	return c
}

// index builds the deletion index in place, with no 8-byte entries to sort
// (they and a radix sort's second array were three times the index's size
// while it was built): a first pass counts each bucket's entries, a second
// writes every entry packed into its bucket, in word order, and each
// bucket then drops its repeats. A bucket is not sorted: lookup reads the
// whole of it, and nearest's choice among candidates does not depend on
// the order it meets them.
func (c *corrector) index(words []string) {
	n := countDeletes(words)
	c.wordBits = uint(max(bits.Len(uint(len(words))), 1))
	// About eight entries a bucket, 32 bytes: a lookup's run is one
	// cache line either way, and four a bucket cost a ×8 book 2 MB more.
	b := uint(4)
	for 1<<b < n/16 && b < 24 {
		b++
	}
	b = max(b, c.wordBits)
	c.shift = 32 - b
	// Bucket k's entries are counted at k+2, so that once the counts are
	// summed, k+1 holds k's start, the place its next entry goes: filled,
	// k+1 holds k's end, which is k+1's start. (A copy of the starts to
	// fill by was 4 MB of a ×8 book's build.)
	bucket := make([]int32, 1<<b+2)
	forEachDelete(words, func(h uint32, _ int32) { bucket[h>>c.shift+2]++ })
	for k := 1; k < len(bucket); k++ {
		bucket[k] += bucket[k-1]
	}
	c.entries = make([]uint32, n)
	low := uint32(1)<<c.shift - 1
	forEachDelete(words, func(h uint32, id int32) {
		k := h>>c.shift + 1
		c.entries[bucket[k]] = (h&low)<<c.wordBits | uint32(id)
		bucket[k]++
	})
	c.bucket = bucket[: 1<<b+1 : 1<<b+1]
	c.compact()
}

// compact drops repeated entries (a word can make the same variant twice:
// "book" without either o), moving the buckets down over the gaps. A
// bucket's entries of one word are side by side (index writes word after
// word), so a repeat is looked for only among them, with no sort.
func (c *corrector) compact() {
	w := int32(0)
	mask := uint32(1)<<c.wordBits - 1
	for k := 0; k+1 < len(c.bucket); k++ {
		start, end := c.bucket[k], c.bucket[k+1]
		c.bucket[k] = w
		for r := start; r < end; r++ {
			e := c.entries[r]
			repeat := false
			for j := w - 1; j >= c.bucket[k] && c.entries[j]&mask == e&mask; j-- {
				if c.entries[j] == e {
					repeat = true
					break
				}
			}
			if !repeat {
				c.entries[w] = e
				w++
			}
		}
	}
	c.bucket[len(c.bucket)-1] = w
	c.entries = slices.Clip(c.entries[:w])
}

// forEachDelete calls fn with every deletion variant's hash of every
// indexed word (see forDeletes), words in order.
func forEachDelete(words []string, fn func(h uint32, id int32)) {
	var rs []rune
	for id, w := range words {
		rs = append(rs[:0], []rune(w)...)
		if len(rs) < 2 || len(rs) > maxIndexedRunes || english.HasDigit(w) {
			continue
		}
		forDeletes(rs, deleteDepth(len(rs)), func(h uint32) { fn(h, int32(id)) })
	}
}

// deleteDepth is how many letters the index deletes from a word of l
// runes. A word is looked for within maxEdits of the question's word,
// by deleting up to as many from both; a word of up to six runes needs
// no two deletions: a question's word within one edit of it needs one,
// and one of seven runes or more (whose maxEdits is 2) is at least one
// insertion away from it, so at most one of its edits is a substitution
// or a deletion, the only edits a deletion on the index's side undoes.
// (Two deletions were two thirds of a five- or six-letter word's
// entries; the words found are the same.)
func deleteDepth(l int) int {
	if l <= 6 {
		return 1
	}
	return 2
}

// countDeletes is the number of entries newCorrector makes for words, so
// that they are allocated once, at their size (growing the array by
// appending left copies of it behind, a quarter of the build's memory).
func countDeletes(words []string) int {
	n := 0
	for _, w := range words {
		l := utf8.RuneCountInString(w)
		if l < 2 || l > maxIndexedRunes || english.HasDigit(w) {
			continue
		}
		n += 1 + l // the word, and one deletion at each place
		if deleteDepth(l) == 2 {
			n += l * (l - 1) / 2 // two deletions
		}
	}
	return n
}

// lookup calls fn with the word of every entry whose hash is h.
func (c *corrector) lookup(h uint32, fn func(word int32)) {
	k := h >> c.shift
	want := h & (uint32(1)<<c.shift - 1)
	mask := uint32(1)<<c.wordBits - 1
	for _, e := range c.entries[c.bucket[k]:c.bucket[k+1]] {
		if e>>c.wordBits == want {
			fn(int32(e & mask))
		}
	}
}

// forDeletes calls fn with the hash of rs and of every variant of rs with
// up to depth runes deleted (possibly repeating a variant).
//
// FNV-1a reads the runes in order, so the hashes share their prefixes:
// pre[k] is the state after rs[:k], and a variant without i and j goes on
// from the state after rs[:i] and rs[i+1:j], kept as j moves, through
// rs[j+1:] only. Each variant hashes as hashSkip would, in a third of the
// steps (the corrector's build hashes every word's variants twice).
func forDeletes(rs []rune, depth int, fn func(uint32)) {
	var buf [maxIndexedRunes + 8]uint32
	pre := buf[:0]
	h := uint32(fnvOffset)
	pre = append(pre, h)
	for _, r := range rs {
		h = (h ^ uint32(r)) * fnvPrime
		pre = append(pre, h)
	}
	fn(h)
	if depth < 1 || len(rs) < 2 {
		return
	}
	for i := range rs {
		fn(hashFrom(pre[i], rs[i+1:]))
		if depth < 2 || len(rs) < 3 {
			continue
		}
		t := pre[i]
		for j := i + 1; j < len(rs); j++ {
			fn(hashFrom(t, rs[j+1:]))
			t = (t ^ uint32(rs[j])) * fnvPrime
		}
	}
}

const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

// hashFrom goes on with FNV-1a from state h through rs.
func hashFrom(h uint32, rs []rune) uint32 {
	for _, r := range rs {
		h = (h ^ uint32(r)) * fnvPrime
	}
	return h
}

// candidates returns the ids of words within maxEdits of q.
func (c *corrector) nearest(q []rune, words []string, freq []int32) (int32, int) {
	maxd := maxEdits(len(q))
	best, bestD := int32(-1), maxd+1
	// Only words of at most maxIndexedRunes are indexed, so a longer q
	// cannot be within maxd of one; without this the deletion variants
	// cost O(len³) (a 1,000-letter word took half a second).
	if len(q) > maxIndexedRunes+maxd {
		return best, bestD
	}
	var seen idSet
	qs := string(q)
	qsig := signature(qs)
	visit := func(h uint32) {
		c.lookup(h, func(id int32) {
			// A short word's deletions are shared by hundreds of words
			// ("ata": 194 in a book's vocabulary); those whose length or
			// letters rule them out are dropped before anything else.
			if !mayBeNear(qsig, c.sig[id], maxd) || !seen.add(id) {
				return
			}
			d := wordDistance(q, qs, qsig, words[id], c.sig[id], maxd)
			if d <= maxd && (best < 0 || better(d, id, bestD, best, q, words, freq)) {
				best, bestD = id, d
			}
		})
	}
	// Most typos are one edit: look one deletion deep first (n+1 lookups)
	// and go two deep (n²/2 more) only when that found nothing that close.
	forDeletes(q, 1, visit)
	if maxd > 1 && bestD > 1 {
		forDeletes(q, maxd, visit)
	}
	return best, bestD
}

// scanNearest returns what nearest does, without the deletion index: the
// words of t that the index holds, of a length within maxEdits of q's and
// not ruled out by their letters, are measured, and better chooses among
// them as nearest does. It reads a signature for every word of those
// lengths, so it serves only while the index is built.
func scanNearest(q []rune, words []string, t *wordTable, freq []int32) (int32, int) {
	maxd := maxEdits(len(q))
	best, bestD := int32(-1), maxd+1
	if len(q) > maxIndexedRunes+maxd {
		return best, bestD
	}
	qs := string(q)
	qsig := signature(qs)
	for l := max(2, len(q)-maxd); l <= min(maxIndexedRunes, len(q)+maxd); l++ {
		for _, id := range t.byLen[l] {
			if !mayBeNear(qsig, t.sig[id], maxd) {
				continue
			}
			d := wordDistance(q, qs, qsig, words[id], t.sig[id], maxd)
			if d <= maxd && (best < 0 || better(d, id, bestD, best, q, words, freq)) {
				best, bestD = id, d
			}
		}
	}
	return best, bestD
}

// wordDistance is editDistance between q (qs as a string, of signature
// qsig) and word w (of signature wsig): on bytes when both are ASCII, on
// runes otherwise.
func wordDistance(q []rune, qs string, qsig uint32, w string, wsig uint32, maxd int) int {
	if (qsig|wsig)&sigNonASCII != 0 {
		return editDistance(q, []rune(w), maxd)
	}
	return editDistance([]byte(qs), []byte(w), maxd)
}

// A word's signature: the set of its letters (each rune as one of 26
// bits, by its value modulo 26), its length in runes (up to 31) above
// them, and a bit for a word that is not all ASCII.
const (
	sigLetters  = 1<<26 - 1
	sigLenShift = 26
	sigNonASCII = 1 << 31
)

func signature(w string) uint32 {
	var s uint32
	n := 0
	for _, r := range w {
		n++
		if r >= utf8.RuneSelf {
			s |= sigNonASCII
		}
		s |= 1 << (uint32(r) % 26)
	}
	return s | uint32(min(n, 31))<<sigLenShift
}

// mayBeNear reports whether words with signatures a and b can be within
// maxd edits: each edit changes the length by at most one, and adds at
// most one letter to either word's set that the other lacks. It never
// rules out a word that is that near.
func mayBeNear(a, b uint32, maxd int) bool {
	la, lb := int(a>>sigLenShift&31), int(b>>sigLenShift&31)
	if la < 31 && lb < 31 && abs(la-lb) > maxd {
		return false
	}
	return bits.OnesCount32(a&^b&sigLetters) <= maxd && bits.OnesCount32(b&^a&sigLetters) <= maxd
}

// idSet is the set of candidates nearest has checked: a short word's
// lookups return the same words many times over, and a linear scan of
// those seen was quadratic in them. Open addressing on the stack; past
// three quarters full it goes on in a map.
type idSet struct {
	slots [256]int32 // id+1; 0 is empty
	n     int
	more  map[int32]bool
}

// add adds id and reports whether it was not in the set.
func (s *idSet) add(id int32) bool {
	if s.more != nil {
		if s.more[id] {
			return false
		}
		s.more[id] = true
		return true
	}
	for i := uint32(id) * 2654435761 >> 24; ; i = (i + 1) & 255 {
		switch s.slots[i] {
		case id + 1:
			return false
		case 0:
			s.slots[i] = id + 1
			if s.n++; s.n > 192 {
				s.spill()
			}
			return true
		}
	}
}

// spill moves the set into a map.
func (s *idSet) spill() {
	s.more = make(map[int32]bool, 2*s.n)
	for _, v := range s.slots {
		if v != 0 {
			s.more[v-1] = true
		}
	}
}

// better orders candidates: fewer edits, then the same first letter (people
// rarely mistype it), then the more frequent word, then the earlier one.
func better(d int, id int32, bestD int, best int32, q []rune, words []string, freq []int32) bool {
	if d != bestD {
		return d < bestD
	}
	a := english.FirstRune(words[id]) == q[0]
	b := english.FirstRune(words[best]) == q[0]
	if a != b {
		return a
	}
	if freq[id] != freq[best] {
		return freq[id] > freq[best]
	}
	return id < best
}

// editDistance is osaDistance, by oneEdit when the budget is one edit
// (words of up to six letters: most lookups, and the ones with hundreds of
// candidates).
func editDistance[T byte | rune](a, b []T, max int) int {
	if max == 1 {
		return oneEdit(a, b)
	}
	return osaDistance(a, b, max)
}

// oneEdit is osaDistance(a, b, 1) without its table: 0 when a and b are
// equal, 1 when one substitution, insertion, deletion or swap of
// neighbours makes one the other, and 2 otherwise.
func oneEdit[T byte | rune](a, b []T) int {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b)-len(a) > 1 {
		return 2
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	switch {
	case i == len(a):
		return len(b) - len(a) // equal, or one letter added at the end
	case len(a) < len(b):
		if slices.Equal(a[i:], b[i+1:]) {
			return 1 // one letter added
		}
	case slices.Equal(a[i+1:], b[i+1:]):
		return 1 // one letter changed
	case i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && slices.Equal(a[i+2:], b[i+2:]):
		return 1 // neighbours swapped
	}
	return 2
}

// osaDistance is the optimal-string-alignment (restricted Damerau-
// Levenshtein) distance between a and b, or max+1 once it must exceed max.
// It works on runes, or on bytes for ASCII words (no conversion needed).
func osaDistance[T byte | rune](a, b []T, max int) int {
	if abs(len(a)-len(b)) > max {
		return max + 1
	}
	// Three rows suffice for transpositions. They are int32s so that the
	// array Go clears on every call is small: most calls compare short
	// words, and clearing 768 bytes cost more than the distance.
	var buf [3 * 32]int32
	var prev2, prev, cur []int32
	if len(b)+1 <= 32 {
		prev2, prev, cur = buf[0:len(b)+1], buf[32:32+len(b)+1], buf[64:64+len(b)+1]
	} else {
		prev2, prev, cur = make([]int32, len(b)+1), make([]int32, len(b)+1), make([]int32, len(b)+1)
	}
	for j := range prev {
		prev[j] = int32(j)
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = int32(i)
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := int32(1)
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if int(rowMin) > max {
			return max + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return int(prev[len(b)])
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// fuzzyMatch uses sahilm/fuzzy on bucket, the words sharing q's first
// letter: it finds words the query abbreviates or leaves letters out of
// ("mcf" -> "mcfaul", "elctn" -> "election"). A match must be a prefix or
// cover most of the word, so that a stray subsequence in a long word does
// not count.
func fuzzyMatch(q string, bucket []string, wordID *facts.IDs, freq []int32) (string, bool) {
	n := utf8.RuneCountInString(q)
	if n < 3 {
		return "", false
	}
	if len(bucket) == 0 || len(bucket) > fuzzyBucketLimit {
		return prefixMatch(q, bucket, wordID, freq)
	}
	// A cheap pre-filter keeps the fuzzy matcher's work to the words that
	// can match at all: long enough, not much longer, and holding q's
	// letters in order.
	var cands []string
	for _, w := range bucket {
		if len(w) >= len(q) && len(w) <= 3*len(q)+2 && isSubsequence(q, w) {
			cands = append(cands, w)
		}
	}
	best, bestScore := "", 0
	for _, m := range fuzzy.Find(q, cands) {
		tn := utf8.RuneCountInString(m.Str)
		if !strings.HasPrefix(m.Str, q) && float64(n) < 0.6*float64(tn) {
			continue
		}
		if best == "" || m.Score > bestScore || m.Score == bestScore && freq[wordID.Index(m.Str)] > freq[wordID.Index(best)] {
			best, bestScore = m.Str, m.Score
		}
	}
	return best, best != ""
}

// prefixMatch is the fallback for big vocabularies: the most frequent word
// of bucket that q is a prefix of.
func prefixMatch(q string, bucket []string, wordID *facts.IDs, freq []int32) (string, bool) {
	best := ""
	for _, w := range bucket {
		if strings.HasPrefix(w, q) && (best == "" || freq[wordID.Index(w)] > freq[wordID.Index(best)]) {
			best = w
		}
	}
	return best, best != ""
}

// commonRank is the frequency rank in general English within which a
// dictionary word (not a name) is taken as meant: a typo rarely makes another everyday word, while an
// everyday word "corrected" into a document word (like→mike, year→fear,
// pope→pompeo) turns a question the document does not answer into a false
// answer. Measured on SQuAD and off-topic chat, see docs/EVALUATION.md.
const commonRank = english.CommonRank

// correct returns the vocabulary word that q most likely meant. kept is
// set, with the reason, when a correction was found but not made. While a
// long text's corrector is still being built, the first maxTypoScans
// words a question corrects (scans counts them) scan the vocabulary
// instead, with the same result; later ones wait for the corrector.
func (m *Matcher) correct(q string, scans *int) (Correction, int32, bool, *Correction) {
	rs := []rune(q)
	if len(rs) < 3 || english.HasDigit(q) {
		return Correction{}, 0, false, nil
	}
	c := m.spell.built.Load()
	if c == nil && (*scans >= maxTypoScans || m.spell.tab.Load() == nil) {
		c = m.corrector()
	}
	if c != nil {
		return m.correctWith(c.wordTable, c, q, rs)
	}
	*scans++
	return m.correctWith(m.spell.tab.Load(), nil, q, rs)
}

// maxTypoScans bounds the words of one question corrected by scanning the
// vocabulary (scanNearest) while the corrector is built: a scan reads the
// signature of every word of about its length, and a question of a
// thousand misspelt words must not cost a thousand scans.
const maxTypoScans = 4

// correctWith is correct by corrector c, or by scanning its word table t
// when c is nil.
func (m *Matcher) correctWith(t *wordTable, c *corrector, q string, rs []rune) (Correction, int32, bool, *Correction) {
	rank, isEnglish := english.LoadVectors().Rank(q)
	isEnglish = isEnglish && english.IsDictionaryWord(q)
	var id int32
	var d int
	if c != nil {
		id, d = c.nearest(rs, m.words, m.wordFreq)
	} else {
		id, d = scanNearest(rs, m.words, t, m.wordFreq)
	}
	if id >= 0 {
		c := Correction{From: q, To: m.words[id], Method: editMethod(d)}
		if isEnglish && rank <= commonRank && !sameWordForm(q, m.words[id]) {
			c.Method = "a common English word, rank " + itoa(rank)
			return Correction{}, 0, false, &c
		}
		return c, m.wordStem[id], true, nil
	}
	if w, ok := fuzzyMatch(q, t.byFirst[english.FirstRune(q)], m.wordID, m.wordFreq); ok {
		c := Correction{From: q, To: w, Method: "fuzzy"}
		if isEnglish {
			// A subsequence match explains a truncation ("govt") but
			// not an English word, which was written as meant.
			c.Method = "an English word; subsequence matches are for abbreviations"
			return Correction{}, 0, false, &c
		}
		return c, m.wordStem[m.wordID.Index(w)], true, nil
	}
	return Correction{}, 0, false, nil
}

// sameWordForm reports whether a and b are forms of one word: they share
// a prefix of at least max(4, len(a)-1) letters (asian/asia,
// healthy/health), so a common word may still be read as its other form.
func sameWordForm(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	n := 0
	for n < len(ra) && n < len(rb) && ra[n] == rb[n] {
		n++
	}
	return n >= max(4, len(ra)-1)
}

func editMethod(d int) string {
	if d == 1 {
		return "edit distance 1"
	}
	return "edit distance 2"
}

// isSubsequence reports whether the bytes of q occur in order in w.
func isSubsequence(q, w string) bool {
	j := 0
	for i := 0; i < len(w) && j < len(q); i++ {
		if w[i] == q[j] {
			j++
		}
	}
	return j == len(q)
}

// corrector returns the store's typo corrector, building it on first use.
func (m *Matcher) corrector() *corrector { return m.spell.corrector() }

// Speller is the typo corrector of a vocabulary, built once: from
// StartSpeller, called by New or by a command that starts it sooner, or
// on first use.
type Speller struct {
	words []string
	once  sync.Once
	built atomic.Pointer[corrector] // nil until built
	tab   atomic.Pointer[wordTable] // the corrector's word table, built first
}

// StartSpeller starts building the typo corrector of words, a store's
// vocabulary (Vocabulary().Words), for NewWithSpeller to take. A small
// vocabulary's takes microseconds and is built at once; a book's takes
// tens of milliseconds, which the other core absorbs: a command can
// start it before its other work between the store and the matcher
// (releasing the build's garbage), so that a long text's first questions
// find it ready rather than scan.
func StartSpeller(words []string) *Speller {
	sp := &Speller{words: words}
	if len(words) < 5000 {
		sp.corrector()
	} else {
		go sp.corrector()
	}
	return sp
}

// holds reports whether sp is the speller of words: the same words, not
// a copy (a store's vocabulary is never copied).
func (sp *Speller) holds(words []string) bool {
	return len(sp.words) == len(words) && (len(words) == 0 || &sp.words[0] == &words[0])
}

// corrector returns the typo corrector, building it on first use.
func (sp *Speller) corrector() *corrector {
	sp.once.Do(func() {
		// The word table first: a question asked while the index is
		// built scans it (scanNearest).
		t := newWordTable(sp.words)
		sp.tab.Store(t)
		sp.built.Store(newCorrector(sp.words, t))
	})
	return sp.built.Load()
}

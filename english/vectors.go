package english

import (
	_ "embed"
	"encoding/binary"
	"math"
	"sync"
)

// vectors.bin holds general English word vectors (GloVe, see
// internal/genvec; licence in VECTORS-LICENSE): 50,000 frequent words, 100
// dimensions, one signed byte each. Two words' cosine similarity says how
// alike they are used ("crew" and "astronauts"), which the reranker uses
// where the question's words are not the sentence's. The data is embedded
// as is, not compressed: the program reads it in place, and only the pages
// touched are ever loaded.
//
//go:embed vectors.bin
var vectorData string

// Vectors is the parsed view of the embedded word vectors.
type Vectors struct {
	dim   int
	n     int
	comps string // n*dim int8 components
	// scales (float32) and ranks (uint32: frequency rank of each word in
	// the vectors' corpus) are n little-endian values each, read in place
	// like the rest: copying them out made 400 KB of heap and touched
	// every page of them at start.
	scales string
	ranks  string
	// The words are read in place: offs holds n+1 little-endian offsets
	// into words, and slots is the hash table of VectorIndex, without its
	// header, usually vectors.idx itself.
	offs  string
	words string
	slots string
}

var (
	vecOnce sync.Once
	vecs    *Vectors
)

// LoadVectors parses vectorData once. A malformed file leaves no vectors:
// ranking goes on without them.
func LoadVectors() *Vectors {
	vecOnce.Do(func() {
		d := vectorData
		if len(d) < 12 || d[:4] != "SBV2" {
			return
		}
		n := int(binary.LittleEndian.Uint32([]byte(d[4:8])))
		dim := int(binary.LittleEndian.Uint32([]byte(d[8:12])))
		pos := 12
		need := pos + n*dim + 8*n + 4*(n+1)
		if n <= 0 || dim <= 0 || len(d) < need {
			return
		}
		v := &Vectors{dim: dim, n: n, comps: d[pos : pos+n*dim]}
		pos += n * dim
		v.scales, v.ranks = d[pos:pos+4*n], d[pos+4*n:pos+8*n]
		pos += 8 * n
		v.offs, v.words = d[pos:pos+4*(n+1)], d[pos+4*(n+1):]
		// Only the last offset is checked here: checking every one read
		// all n at start (TestVectorWordsInOrder checks them all).
		if v.off(n) != len(v.words) {
			return
		}
		v.slots = indexOf(v, n)
		vecs = v
	})
	return vecs
}

// vectors.idx is the hash table of vectors.bin's words, made by
// VectorIndex (genvec writes it; a test checks it is current), so that
// finding a word reads a few bytes in place and start-up builds nothing.
//
//go:embed vectors.idx
var vectorIndexData string

// VectorIndex returns the word index of a vectors.bin whose n words are
// read by word: "SBX1", the table size (a power of two at least 2n), then
// per slot row+1 (0 empty), little-endian uint32s, for an open-addressing
// table keyed by FNV-1a of the word with linear probing. A repeated word
// keeps its last row, as a map would.
func VectorIndex(n int, word func(row int32) string) []byte {
	size := 1
	for size < 2*n {
		size <<= 1
	}
	out := make([]byte, 8+4*size)
	copy(out, "SBX1")
	binary.LittleEndian.PutUint32(out[4:], uint32(size))
	at := func(k int) uint32 { return binary.LittleEndian.Uint32(out[8+4*k:]) }
	for i := 0; i < n; i++ {
		w := word(int32(i))
		k := int(fnv32(w)) & (size - 1)
		for at(k) != 0 && word(int32(at(k)-1)) != w {
			k = (k + 1) & (size - 1)
		}
		binary.LittleEndian.PutUint32(out[8+4*k:], uint32(i+1))
	}
	return out
}

func fnv32(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

// checkWords reports whether the n words' offsets are in order and range
// (a test's check: LoadVectors checks only the last).
func (v *Vectors) checkWords(n int) bool {
	for i := 0; i < n; i++ {
		if a, b := v.off(i), v.off(i+1); a > b || b > len(v.words) {
			return false
		}
	}
	return true
}

// scale returns row's scale.
func (v *Vectors) scale(row int32) float32 {
	return math.Float32frombits(binary.LittleEndian.Uint32([]byte(v.scales[4*row : 4*row+4])))
}

// rank returns row's frequency rank.
func (v *Vectors) rank(row int32) int32 {
	return int32(binary.LittleEndian.Uint32([]byte(v.ranks[4*row : 4*row+4])))
}

func (v *Vectors) off(i int) int {
	return int(binary.LittleEndian.Uint32([]byte(v.offs[4*i : 4*i+4])))
}

// word returns row's word.
func (v *Vectors) word(row int32) string {
	return v.words[v.off(int(row)):v.off(int(row)+1)]
}

// row returns the row of w, or -1.
func (v *Vectors) row(w string) int32 {
	mask := len(v.slots)/4 - 1
	for k := int(fnv32(w)) & mask; ; k = (k + 1) & mask {
		r := int32(binary.LittleEndian.Uint32([]byte(v.slots[4*k : 4*k+4])))
		if r == 0 || v.word(r-1) == w {
			return r - 1
		}
	}
}

// indexOf returns the embedded index when it is one for n words, and
// builds one otherwise (vectors.bin regenerated without vectors.idx).
func indexOf(v *Vectors, n int) string {
	d := vectorIndexData
	if len(d) >= 8 && d[:4] == "SBX1" {
		size := int(binary.LittleEndian.Uint32([]byte(d[4:8])))
		if size >= 2*n && size&(size-1) == 0 && len(d) == 8+4*size {
			return d[8:]
		}
	}
	return string(VectorIndex(n, v.word)[8:])
}

// Dim is the number of components of each vector.
func (v *Vectors) Dim() int { return v.dim }

// Row returns the row of word's vector, or -1.
func (v *Vectors) Row(word string) int32 {
	if v == nil {
		return -1
	}
	return v.row(word)
}

// Cosine returns the cosine similarity of two rows' vectors.
func (v *Vectors) Cosine(a, b int32) float32 {
	if a == b {
		return 1
	}
	x := v.comps[int(a)*v.dim : int(a+1)*v.dim]
	y := v.comps[int(b)*v.dim : int(b+1)*v.dim]
	y = y[:len(x)]
	var s0, s1 int32
	i := 0
	for ; i+2 <= len(x); i += 2 {
		s0 += int32(int8(x[i])) * int32(int8(y[i]))
		s1 += int32(int8(x[i+1])) * int32(int8(y[i+1]))
	}
	for ; i < len(x); i++ {
		s0 += int32(int8(x[i])) * int32(int8(y[i]))
	}
	return float32(s0+s1) * v.scale(a) * v.scale(b)
}

// Rarity is a word's information in general English, from its frequency
// rank among the vectors' words (Zipf: frequency falls as 1/rank): the log
// of its rank; a word beyond the kept ones is the rarest.
func (v *Vectors) Rarity(row int32) float64 {
	if v == nil {
		return 1
	}
	if row < 0 {
		return math.Log(float64(v.n) + 2)
	}
	return math.Log(float64(v.rank(row)) + 2)
}

// Rank returns word's frequency rank in general English (1 is the most
// frequent), and false for a word outside the kept vocabulary.
func (v *Vectors) Rank(word string) (int, bool) {
	row := v.Row(word)
	if row < 0 {
		return 0, false
	}
	return int(v.rank(row)), true
}

// IsDictionaryWord reports whether w is a common word of English rather
// than a name: WordNet gives its stem synonyms or kinds. ("pope" and
// "match" are; "jon" and "pompeo", frequent as names, are not.)
func IsDictionaryWord(w string) bool {
	st := Stem(w)
	return KindsOf(st) != "" || SynonymsOf(st) != ""
}

// CommonRank is the frequency rank in general English within which a
// dictionary word is an everyday one (IsCommonWord).
const CommonRank = 20000

// IsCommonWord reports whether w is a dictionary word among the CommonRank
// commonest in English: written as meant, whatever word of a text or of
// small talk it is one letter from ("lease" is no "least", "tanks" no
// "thanks").
func IsCommonWord(w string) bool {
	rank, ok := LoadVectors().Rank(w)
	return ok && rank <= CommonRank && IsDictionaryWord(w)
}

// Unit writes row's vector, as float32, into out.
func (v *Vectors) Unit(row int32, out []float32) {
	x := v.comps[int(row)*v.dim : int(row+1)*v.dim]
	sc := v.scale(row)
	for i := range out {
		out[i] = float32(int8(x[i])) * sc
	}
}

// Dot is the dot product of two vectors of the same length.
func Dot(a, b []float32) float32 {
	b = b[:len(a)]
	var s0, s1, s2, s3 float32
	i := 0
	for ; i+4 <= len(a); i += 4 {
		s0 += a[i] * b[i]
		s1 += a[i+1] * b[i+1]
		s2 += a[i+2] * b[i+2]
		s3 += a[i+3] * b[i+3]
	}
	for ; i < len(a); i++ {
		s0 += a[i] * b[i]
	}
	return s0 + s1 + s2 + s3
}

